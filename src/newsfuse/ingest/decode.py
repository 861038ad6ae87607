"""Turn raw bytes into text: detect the encoding, refuse binary data and oversized input.

The evidence is weighed in this order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. a declared UTF-16/32 charset, or UTF-16 without a mark, told by where its zero bytes fall;
3. binary data (zero bytes, control characters) is refused here;
4. strict UTF-8, then mostly-UTF-8 with stray legacy bytes (a Windows-1252 quote pasted into a
   UTF-8 file): the valid parts are kept and each stray byte is read as Windows-1252;
5. the declared charset (HTTP header, ``<meta charset>``, XML declaration);
6. detection: Windows-1252 when that reading gives Western European words, else charset-normalizer.

UTF-8 is tried before a declared charset because servers and pages often declare Latin-1 for
UTF-8 bytes, while legacy text that happens to be valid UTF-8 is vanishingly rare. Latin-1 is
always read as Windows-1252: the two agree on every printable Latin-1 byte, and the bytes where
they differ (0x80-0x9F) are control codes in Latin-1 that real text never holds.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib

import charset_normalizer

from newsfuse.errors import InputError
from newsfuse.text.words import words

# 20 MB of text is several hundred times the longest news article we have seen; larger inputs are
# almost always dumps or binaries, and reading them whole would stall a batch. Configurable.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Share of control characters above which bytes are treated as binary. Real text in any legacy
# encoding has almost none besides tab and newline; 5% leaves room for a stray form feed or two.
BINARY_CONTROL_SHARE = 0.05

# How much of the input the binary and UTF-16 tests look at: a few kilobytes decide both, and
# sampling keeps a 20 MB input from being scanned twice.
SAMPLE_BYTES = 8192

# UTF-16 without a byte-order mark: every ASCII character (space, digit, Latin letter) puts a zero
# byte on one side of its code unit. We call it UTF-16 when at least this share of code units has a
# zero byte on one side and at most ZERO_SIDE_NOISE as many on the other. UTF-16 renderings of the
# seed articles score 99-100% on one side and none on the other; Cyrillic and Greek sentences still
# score 16% from their spaces; random binary data splits its zeros evenly between the sides.
UTF16_ZERO_UNIT_SHARE = 0.05
UTF16_ZERO_SIDE_NOISE = 0.1

# Mostly-UTF-8 input with stray bytes is repaired (not re-detected) when at least this share of its
# non-ASCII characters are valid UTF-8 sequences. Legacy text seldom forms a valid sequence by
# chance: Windows-1252 and Windows-1251 renderings of the seeds and the sample corpus, and German,
# French, Polish and Greek samples score 0%, KOI8-R Russian 0.5%. An English UTF-8 story with a
# pasted Windows-1252 paragraph full of curly quotes scores 27%; 10% lies between with margin.
MIXED_UTF8_MIN_VALID_SHARE = 0.1

# A Windows-1252 reading is taken as right when at least this share of the words holding non-ASCII
# letters also hold ASCII letters ("Bürgermeister", "déclaré"): Western European words have a few
# accented letters among plain ones. Cyrillic or Greek legacy text read as Windows-1252 gives words
# made only of accented letters ("Ïðåçèäåíò"), scoring 0; one-sentence samples of French, German,
# Spanish, Portuguese and Swedish score 0.67-1.0 (French "à", Portuguese "é" are words without
# ASCII), and Polish in Windows-1250 scores 0.17 (its ą and ł read as ¹ and ³). Czech or Hungarian
# legacy text reads as plausible Windows-1252 and is misread: telling them apart needs more text.
WESTERN_MIXED_WORD_SHARE = 0.5

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {9, 10, 12, 13}
# Multi-byte legacy encodings have enough structure that a detector naming one is believed; a
# single-byte guess on short text is not (charset-normalizer calls short German "mac_iceland").
_MULTIBYTE = {
    "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5", "big5hkscs",
    "euc_kr", "cp949", "johab", "hz",
}  # fmt: skip
_DECLARED = (
    re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE),
    re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE),
)
# Control, surrogate, private-use and unassigned code points: what binary data decodes into.
_NOT_TEXT_CATEGORIES = {"Cc", "Cs", "Co", "Cn"}
_STRAY = re.compile("[\udc80-\udcff]+")


def size_text(size: int) -> str:
    """A size for a message: megabytes with one decimal, or bytes when that would read 0.0 MB."""
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def check_size(origin: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(origin, f"too large ({size_text(size)}; the limit is {size_text(max_bytes)})")


def gunzip(origin: str, data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing corrupt archives and decompression bombs."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(origin, f"corrupt gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise InputError(origin, f"too large once decompressed (over {size_text(max_bytes)})")
    if not decompressor.eof:
        raise InputError(origin, "truncated gzip data")
    return out


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def decode_bytes(origin: str, data: bytes, *, declared: str | None = None) -> str:
    """Decode bytes to text (see the module docstring for the order of evidence).

    Raises InputError for empty or binary input; never anything else.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]  # UTF-8 is tried first below; the mark only confirms it
    if not data.strip():
        raise InputError(origin, "empty input")
    text = _decode_wide(data, declared)
    if text is None:
        if _looks_binary(data):
            raise InputError(origin, "binary data, not text")
        text = _decode_narrow(data, declared or _declared_in_markup(data))
    elif _control_share(text[:SAMPLE_BYTES]) > BINARY_CONTROL_SHARE:
        raise InputError(origin, "binary data, not text")
    if not text.replace("\ufeff", "").strip():  # byte-order marks of concatenated files count as blank
        raise InputError(origin, "empty input")
    return text


def _decode_wide(data: bytes, declared: str | None) -> str | None:
    """Text in UTF-16/32, told by a byte-order mark, a declaration or its zero bytes; else None.

    Units that do not decode (a lone surrogate, a cut-off last unit) become U+FFFD.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    wide = _lookup(declared) if declared else None
    # Without zero bytes the input reads as narrow text, and UTF-8 is far likelier than a wrong label.
    if wide and wide.startswith(("utf-16", "utf-32")) and b"\x00" in data[:SAMPLE_BYTES]:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; go on to the other evidence
    return _utf16_without_bom(data)


def _decode_narrow(data: bytes, declared: str | None) -> str:
    text = _decode_utf8(data)
    if text is not None:
        return text
    encoding = _lookup(declared) if declared else None
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; fall through to detection
    return _detect(data)


def _decode_utf8(data: bytes) -> str | None:
    """Strict UTF-8, or mostly-UTF-8 with each stray byte read as Windows-1252; None when not UTF-8.

    A character cut off at the very end (a truncated download) becomes U+FFFD, not legacy letters.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = sum(len(run) for run in _STRAY.findall(text))
    if not stray:
        return text
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - stray
    if valid < MIXED_UTF8_MIN_VALID_SHARE * (valid + stray):
        return None
    cut = _cut_off_at_end(data)
    body = text[: len(text) - cut]
    return _STRAY.sub(_stray_as_cp1252, body) + ("\ufffd" if cut else "")


def _cut_off_at_end(data: bytes) -> int:
    """How many bytes at the end start a UTF-8 character that never finishes (0 when none)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:
            continue  # a continuation byte: look further back for the lead byte
        if byte < 0xC2 or byte > 0xF4:
            return 0
        needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
        return back if back < needed else 0
    return 0


def _stray_as_cp1252(run: re.Match[str]) -> str:
    raw = bytes(ord(ch) - 0xDC00 for ch in run.group())
    return raw.decode("cp1252", errors="replace")


def _detect(data: bytes) -> str:
    best = charset_normalizer.from_bytes(data).best()
    guess = _lookup(best.encoding) if best is not None else None
    if guess in _MULTIBYTE:
        return data.decode(guess, errors="replace")
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None  # bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252
    if western is not None and (guess is None or _looks_western(western)):
        return western
    if guess is None or guess.startswith(("utf-16", "utf-32")):
        # Bytes that failed our own UTF-16 test are not UTF-16, whatever the detector says.
        guess = "cp1252"
    return data.decode(guess, errors="replace")


def _looks_western(text: str) -> bool:
    accented = [word for word in words(text) if not word.isascii()]
    if not accented:
        return True
    # A Western word mixes plain and accented letters; a non-ASCII digit inside a word ("przyby³")
    # is a Central European letter misread.
    western = sum(
        1 for word in accented if any(ch.isascii() for ch in word) and all(ch.isascii() or ch.isalpha() for ch in word)
    )
    return western >= WESTERN_MIXED_WORD_SHARE * len(accented)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[: SAMPLE_BYTES - SAMPLE_BYTES % 2]
    units = len(sample) // 2
    if units < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= UTF16_ZERO_UNIT_SHARE * units and even <= UTF16_ZERO_SIDE_NOISE * odd:
        encoding = "utf-16-le"
    elif even >= UTF16_ZERO_UNIT_SHARE * units and odd <= UTF16_ZERO_SIDE_NOISE * even:
        encoding = "utf-16-be"
    else:
        return None
    try:
        # An odd length means the last unit was cut off; the rest is still good text.
        text = data[: len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _control_share(text[: SAMPLE_BYTES // 2]) > BINARY_CONTROL_SHARE else text


def _control_share(text: str) -> float:
    controls = sum(
        1 for ch in text if ord(ch) not in _ALLOWED_CONTROLS and unicodedata.category(ch) in _NOT_TEXT_CATEGORIES
    )
    return controls / max(1, len(text))


def _looks_binary(data: bytes) -> bool:
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _ALLOWED_CONTROLS)
    return controls > BINARY_CONTROL_SHARE * len(sample)


def _declared_in_markup(data: bytes) -> str | None:
    """The charset an HTML page or an XML feed declares in its first kilobytes."""
    head = data[:SAMPLE_BYTES]
    for pattern in _DECLARED:
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii")
    return None


def _lookup(name: str) -> str | None:
    """The codec a declared charset names (Latin-1 read as Windows-1252), or None when unknown."""
    name = name.strip().strip("\"'").lower()
    if name in {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "us-ascii", "ascii"}:
        return "cp1252"
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        return None
    # Only text encodings: codecs.lookup also knows "rot13", "zlib" and "base64".
    return info.name if getattr(info, "_is_text_encoding", True) else None
