"""Read TimeML documents (TimeBank, TempEval-3): the plain text, its creation date and its time expressions.

The text is the content of `<TEXT>` with every tag removed and XML entities unescaped; each `TIMEX3`
inside it becomes a `Timex` whose offsets are characters into that text. The reference date is the
`value` of the `TIMEX3` inside `<DCT>`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsfuse.errors import EvaluationDataError

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_DCT = re.compile(r"<DCT>.*?value=\"(\d{4})-?(\d\d)-?(\d\d)", re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTRIBUTE = re.compile(r"(\w+)=\"([^\"]*)\"")


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression at start..end with its TimeML type and normalised value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    name: str
    text: str
    dct: date
    timexes: tuple[Timex, ...]


def read_timeml(path: Path) -> TimemlDocument:
    """One TimeML file; raises EvaluationDataError naming the file when it is not TimeML."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationDataError(f"{path}: cannot be read as UTF-8 text ({exc})") from None
    body = _TEXT.search(raw)
    dct = _DCT.search(raw)
    if body is None or dct is None:
        raise EvaluationDataError(f"{path}: not TimeML (no <TEXT> or no <DCT> with a date value)")
    try:
        created = date(int(dct.group(1)), int(dct.group(2)), int(dct.group(3)))
    except ValueError:
        raise EvaluationDataError(f"{path}: the <DCT> value is not a date") from None
    text, timexes = _strip(body.group(1), path)
    return TimemlDocument(path.stem, text, created, tuple(timexes))


def _strip(markup: str, path: Path) -> tuple[str, list[Timex]]:
    parts: list[str] = []
    length = 0
    open_at: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    position = 0
    for tag in _TAG.finditer(markup):
        chunk = html.unescape(markup[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_at = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
        elif open_at is not None:
            start, attributes = open_at
            if "type" not in attributes or "value" not in attributes:
                raise EvaluationDataError(f"{path}: a TIMEX3 at character {start} has no type or value")
            timexes.append(Timex(start, length, attributes["type"], attributes["value"]))
            open_at = None
    parts.append(html.unescape(markup[position:]))
    return "".join(parts), timexes


def read_folder(folder: Path) -> list[TimemlDocument]:
    """Every `*.tml` file of a folder, in name order."""
    paths = sorted(folder.glob("*.tml"))
    if not paths:
        raise EvaluationDataError(f"{folder}: no TimeML files (*.tml)")
    return [read_timeml(p) for p in paths]
