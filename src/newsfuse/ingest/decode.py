"""Turn raw bytes into text: detect the encoding, refuse binary data and oversized input."""

from __future__ import annotations

import codecs
import zlib

import charset_normalizer

from newsfuse.errors import InputError

# 20 MB of text is several hundred times the longest news article we have seen; larger inputs are
# almost always dumps or binaries, and reading them whole would stall a batch. Configurable.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Share of control characters above which bytes are treated as binary. Real text in any legacy
# encoding has almost none besides tab and newline; 5% leaves room for a stray form feed or two.
BINARY_CONTROL_SHARE = 0.05

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {9, 10, 12, 13}


def check_size(origin: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(origin, f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB)")


def gunzip(origin: str, data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing corrupt archives and decompression bombs."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(origin, f"corrupt gzip data ({exc})") from None
    check_size(origin, len(out), max_bytes)
    if not decompressor.eof:
        raise InputError(origin, "truncated gzip data")
    return out


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def decode_bytes(origin: str, data: bytes, *, declared: str | None = None) -> str:
    """Decode bytes to text. Order: byte-order mark, declared charset, strict UTF-8, detection.

    Raises InputError for empty or binary input.
    """
    if not data.strip():
        raise InputError(origin, "empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(origin, data, encoding)
    if _looks_binary(data):
        raise InputError(origin, "binary data, not text")
    if declared:
        try:
            return data.decode(_normalise_encoding(declared))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Detectors often call Windows-1252 text "latin-1"; cp1252 is a superset for printable text.
    if encoding in {"latin_1", "iso8859_1", "ascii"}:
        encoding = "cp1252"
    return data.decode(encoding, errors="replace")


def _decode(origin: str, data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"invalid {encoding} text at byte {exc.start}") from None
    if not text.strip():
        raise InputError(origin, "empty input")
    return text


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _ALLOWED_CONTROLS)
    return controls > BINARY_CONTROL_SHARE * len(sample)


def _normalise_encoding(name: str) -> str:
    name = name.strip().strip("\"'").lower()
    if name in {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "us-ascii", "ascii"}:
        return "cp1252"
    return codecs.lookup(name).name
