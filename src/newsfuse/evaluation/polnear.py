"""Read PolNeAR's layout: `text/<name>.txt`, `attributions/<name>_<annotator>.ann` (brat), `metadata.tsv`.

`metadata.tsv` (beside the split folders) gives each text's outlet, publication day and title.

Each attribution is an `E` line tying a Content to its Source and Cue (`T` lines with character offsets
into the text as read). A span written in pieces ("247 293;343 523": a quote split by its cue) is
taken whole, from its first to its last character. A text with two annotators' files is scored
against the first in name order, so every text counts once.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsfuse.errors import EvaluationDataError

_T_LINE = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t", re.MULTILINE)
_E_LINE = re.compile(r"^E\d+\t(.*)$", re.MULTILINE)

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Offsets
    source: Offsets | None
    cue: Offsets | None


@dataclass(frozen=True, slots=True)
class PolnearText:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...] | None  # None: the text has no annotation file


@dataclass(frozen=True, slots=True)
class PolnearMetadata:
    publisher: str
    published: date
    title: str


def read_metadata(path: Path) -> dict[str, PolnearMetadata]:
    """Each text's metadata row (`metadata.tsv`), keyed by the text's name without `.txt`."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationDataError(f"{path}: cannot be read as PolNeAR metadata ({exc})") from None
    out = {}
    for number, row in enumerate(rows, start=2):
        try:
            out[row["filename"]] = PolnearMetadata(
                row["publisher"], date.fromisoformat(row["publication_date"]), row["title"]
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EvaluationDataError(f"{path}: line {number} lacks a filename, publisher or date ({exc})") from None
    if not out:
        raise EvaluationDataError(f"{path}: no PolNeAR metadata rows")
    return out


def read_split(folder: Path) -> list[PolnearText]:
    """Every text of one PolNeAR split folder, in name order, with its first annotator's attributions."""
    texts = sorted((folder / "text").glob("*.txt"))
    if not texts:
        raise EvaluationDataError(f"{folder}: no PolNeAR texts (text/*.txt)")
    annotations: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        annotations.setdefault(path.stem.rsplit("_", 1)[0], path)
    out = []
    for path in texts:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise EvaluationDataError(f"{path}: cannot be read as UTF-8 text ({exc})") from None
        ann = annotations.get(path.stem)
        out.append(PolnearText(path.stem, text, None if ann is None else read_ann(ann)))
    return out


def read_ann(path: Path) -> tuple[GoldAttribution, ...]:
    raw = path.read_text(encoding="utf-8")
    spans: dict[str, tuple[str, Offsets]] = {}
    for tag, kind, offsets in _T_LINE.findall(raw):
        try:
            numbers = [int(n) for n in re.split(r"[ ;]", offsets.strip())]
        except ValueError:
            raise EvaluationDataError(f"{path}: bad offsets {offsets!r} for {tag}") from None
        spans[tag] = (kind, (min(numbers), max(numbers)))
    out = []
    for line in _E_LINE.findall(raw):
        roles = dict(part.split(":", 1) for part in line.split() if ":" in part)
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        out.append(GoldAttribution(content[1], source[1] if source else None, cue[1] if cue else None))
    return tuple(out)
