"""Bytes to text: byte-order marks, UTF-16 without one, legacy Western encodings, mixed files, refusals."""

from __future__ import annotations

import codecs
import gzip

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest.decode import decode_bytes, gunzip
from tests.ingest.samples import german_text, story_text

# Greek and Cyrillic of our own, for the non-Western legacy encodings.
# Statistical detection needs a few sentences, as any article has; one line of Cyrillic is too little.
RUSSIAN = (
    "Мост в гавани Вельдмарка закрыт до конца месяца, сообщило транспортное управление во вторник. "
    "Инженеры обнаружили трещины в двух стальных опорах во время плановой проверки на прошлой неделе. "
    "Паромы будут ходить каждые двадцать минут, пока идёт ремонт."
)
GREEK = "Η γέφυρα του λιμανιού παραμένει κλειστή μέχρι το τέλος του μήνα, ανακοίνωσε η υπηρεσία μεταφορών."
FRENCH = (
    "Le pont du port restera fermé jusqu'à la fin du mois, a déclaré mardi le service des transports : « prudence »."
)


def latin1_safe(text: str) -> str:
    """The German sample without the characters Latin-1 lacks (typographic quotes, dash, euro)."""
    for char, plain in (("\u201e", '"'), ("\u201c", '"'), ("\u2013", "-"), ("\u20ac", "EUR")):
        text = text.replace(char, plain)
    return text


@pytest.mark.parametrize("text", [story_text(), german_text(), RUSSIAN, GREEK])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_forms_with_and_without_a_byte_order_mark(text: str, encoding: str) -> None:
    # "utf-16" and "utf-32" write a byte-order mark; "utf-16-le/be" do not.
    assert decode_bytes("a.txt", text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (german_text(), "cp1252"),
        (latin1_safe(german_text()), "latin-1"),
        (FRENCH, "latin-1"),
        (FRENCH, "cp1252"),
        (story_text(), "cp1252"),  # English with curly quotes and apostrophes
        ("Café naïve résumé – 5 €", "cp1252"),  # too short for any statistical detector
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (GREEK, "cp1253"),
    ],
)
def test_legacy_encodings_are_detected(text: str, encoding: str) -> None:
    assert decode_bytes("a.txt", text.encode(encoding)) == text


def test_mostly_utf8_with_stray_windows_1252_bytes_keeps_both() -> None:
    pasted = "\u201eDie Fähre fährt\u201c \u2013 sagte sie."
    data = german_text().encode("utf-8") + pasted.encode("cp1252") + b"\n" + story_text().encode("utf-8")
    assert decode_bytes("mixed.txt", data) == german_text() + pasted + "\n" + story_text()


def test_a_pasted_windows_1252_paragraph_in_an_english_utf8_story_is_repaired() -> None:
    # Few non-ASCII characters in the UTF-8 part, more in the pasted part: still read as UTF-8.
    pasted = "\u201cQuoted\u201d \u2013 a \u2018pasted\u2019 paragraph\u2026 \u201cagain\u201d.\n"
    assert decode_bytes("story.txt", story_text().encode() + pasted.encode("cp1252")) == story_text() + pasted


def test_utf8_cut_inside_a_character_loses_only_that_character() -> None:
    data = german_text().encode("utf-8") + "Straße".encode()[:5]  # "Stra" and half of "ß"
    text = decode_bytes("cut.txt", data)
    assert text == german_text() + "Stra\ufffd"


def test_declared_charset_is_used_for_legacy_bytes() -> None:
    assert decode_bytes("page", RUSSIAN.encode("koi8-r"), declared="KOI8-R") == RUSSIAN


def test_valid_utf8_wins_over_a_latin1_label() -> None:
    # Servers label UTF-8 pages ISO-8859-1 all the time; reading them as labelled gives "FÃ¤hre".
    assert decode_bytes("page", german_text().encode("utf-8"), declared="ISO-8859-1") == german_text()


@pytest.mark.parametrize("label", ["no-such-charset", "rot13", "base64", "utf-8\x00", '"windows-1252"', ""])
def test_unusable_labels_are_ignored(label: str) -> None:
    assert decode_bytes("page", german_text().encode("cp1252"), declared=label) == german_text()


def test_meta_charset_of_an_html_page_is_read() -> None:
    html = f"<html><head><meta charset='windows-1251'></head><body><p>{RUSSIAN}</p></body></html>"
    assert RUSSIAN in decode_bytes("page.html", html.encode("cp1251"))


def test_xml_declaration_encoding_is_read() -> None:
    feed = f'<?xml version="1.0" encoding="ISO-8859-7"?><rss><channel><title>{GREEK}</title></channel></rss>'
    assert GREEK in decode_bytes("feed.xml", feed.encode("iso-8859-7"))


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n", "  \n".encode("utf-16")]
)
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^empty\.txt: empty input$"):
        decode_bytes("empty.txt", data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,  # an image header
        bytes(range(256)) * 40,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100 + b"text inside a binary",
        codecs.BOM_UTF16_LE + bytes(range(1, 32)) * 50,  # a UTF-16 mark in front of control codes
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^blob\.txt: binary data, not text$"):
        decode_bytes("blob.txt", data)


def test_gunzip_refuses_corrupt_truncated_and_oversized_archives() -> None:
    packed = gzip.compress(story_text().encode())
    assert gunzip("a.gz", packed, 10_000) == story_text().encode()
    with pytest.raises(InputError, match="corrupt gzip data"):
        gunzip("a.gz", packed[:10] + b"\xff" * 20, 10_000)
    with pytest.raises(InputError, match="truncated gzip data"):
        gunzip("a.gz", packed[: len(packed) // 2], 10_000)
    bomb = gzip.compress(b"a" * 200_000)
    with pytest.raises(InputError, match=r"too large once decompressed \(over 0\.1 MB\)"):
        gunzip("bomb.gz", bomb, 100_000)
