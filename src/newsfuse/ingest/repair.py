"""Characters no store or encoder takes, repaired where a document enters: lone surrogates and NULs.

A lone surrogate (U+D800-U+DFFF on its own) is what a JSON ``"\\ud800"`` escape or an undecodable file
name turns into; it cannot be written as UTF-8, so it would fail the first hash, the SQLite store and
every JSON reply. A NUL is text that PostgreSQL refuses and SQLite keeps. Both are repaired here, the
same for every store: each surrogate becomes U+FFFD (the replacement character, as a decoder marks a
byte it cannot read) and each NUL is dropped (it carries nothing a reader sees). The document keeps
one note saying what was repaired.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsfuse.models import RawDocument

_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"
# The fields a reader fills from its input (origin and path included: a file name can hold surrogates).
_FIELDS = ("content", "title", "source", "url", "byline", "path", "origin")


def repaired_text(text: str) -> tuple[str, int, int]:
    """The text with lone surrogates replaced and NULs dropped, and how many of each there were."""
    surrogates = len(_SURROGATE.findall(text))
    if surrogates:
        text = _SURROGATE.sub(_REPLACEMENT, text)
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
    return text, surrogates, nuls


def repair_document(raw: RawDocument) -> RawDocument:
    """The document with every text field repaired, and a note when anything was (else `raw` itself)."""
    changes: dict[str, str] = {}
    surrogates = nuls = 0
    for name in _FIELDS:
        value = getattr(raw, name)
        if value is None:
            continue
        fixed, found_surrogates, found_nuls = repaired_text(value)
        if found_surrogates or found_nuls:
            changes[name] = fixed
            surrogates += found_surrogates
            nuls += found_nuls
    if not changes:
        return raw
    return replace(raw, **changes, notes=(*raw.notes, repair_note(surrogates, nuls)))  # type: ignore[arg-type]


def repair_note(surrogates: int, nuls: int) -> str:
    """One line saying what was repaired: "repaired 2 lone surrogates (now U+FFFD) and 1 NUL (dropped)"."""
    parts = []
    if surrogates:
        parts.append(f"{surrogates} lone surrogate{'s' if surrogates != 1 else ''} (now U+FFFD)")
    if nuls:
        parts.append(f"{nuls} NUL character{'s' if nuls != 1 else ''} (dropped)")
    return "repaired " + " and ".join(parts)


def unstorable(text: str) -> str | None:
    """Why the text cannot be stored as it is (a NUL or a lone surrogate), or None."""
    if "\x00" in text:
        return "holds a NUL character"
    if _SURROGATE.search(text):
        return "holds a lone surrogate"
    return None
