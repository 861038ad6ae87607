"""Time expressions on TimeML (TimeBank): are they found, and is each resolved to the right value?

For each `*.tml` file the text is `<TEXT>` without its tags and the reference date is `<DCT>`;
newsfuse's date extractor (`newsfuse.extract.timex`) runs on that text with that date. A predicted
expression matches a gold one when their spans overlap (one to one, in text order); value F1 also
needs the two values equal once upper-cased and trimmed. HeidelTime runs on the same texts with the
same dates in the same run, and is scored the same way.

TimeBank has no train/dev split. Documents whose name's SHA-1 ends in an even hex digit are the
calibration half (rules and constants were chosen looking at them); the others are the report half,
where the floors are pinned. Figures are given for both halves and the whole set.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from newsfuse.evaluation.datasets import require
from newsfuse.evaluation.timeml import TimemlDocument, Timex, read_folder
from newsfuse.extract.parsing import Parser, SpacyParser
from newsfuse.extract.timex import find_time_expressions

# Documents whose name's SHA-1 ends in a hex digit of this parity calibrate; the others report.
CALIBRATION_PARITY = 0
HALVES = ("calibration", "report", "all")


class Tagger(Protocol):
    def tag(self, text: str, dct: date) -> list[Timex]: ...


@dataclass(frozen=True, slots=True)
class Counts:
    predicted: int = 0
    gold: int = 0
    span_hits: int = 0
    value_hits: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.predicted + other.predicted,
            self.gold + other.gold,
            self.span_hits + other.span_hits,
            self.value_hits + other.value_hits,
        )

    def figures(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {"predicted": self.predicted, "gold": self.gold}
        for name, hits in (("span", self.span_hits), ("value", self.value_hits)):
            p = hits / self.predicted if self.predicted else 0.0
            r = hits / self.gold if self.gold else 0.0
            out[f"{name}_precision"] = round(100 * p, 2)
            out[f"{name}_recall"] = round(100 * r, 2)
            out[f"{name}_f1"] = round(100 * (2 * p * r / (p + r) if p + r else 0.0), 2)
        return out


def is_calibration(name: str) -> bool:
    digest = hashlib.sha1(name.encode("utf-8"), usedforsecurity=False).hexdigest()
    return int(digest[-1], 16) % 2 == CALIBRATION_PARITY


def normalise(value: str) -> str:
    return value.strip().upper()


def score(gold: Sequence[Timex], predicted: Sequence[Timex]) -> Counts:
    """Gold and predicted expressions matched one to one by overlapping spans, in text order; among
    the overlapping candidates one with the gold value is preferred."""
    used: set[int] = set()
    span_hits = value_hits = 0
    for g in sorted(gold, key=lambda t: t.start):
        candidates = [i for i, p in enumerate(predicted) if i not in used and p.start < g.end and g.start < p.end]
        if not candidates:
            continue
        right = [i for i in candidates if normalise(predicted[i].value) == normalise(g.value)]
        chosen = right[0] if right else candidates[0]
        used.add(chosen)
        span_hits += 1
        value_hits += bool(right)
    return Counts(len(predicted), len(gold), span_hits, value_hits)


class NewsfuseTagger:
    """newsfuse's date extractor on one text at a time (the parser is loaded once)."""

    def __init__(self, parser: Parser | None = None) -> None:
        self._parser = parser or SpacyParser()

    def tag(self, text: str, dct: date) -> list[Timex]:
        doc = self._parser.parse([text])[0]
        return [Timex(t.start, t.end, t.type, t.value) for t in find_time_expressions(text, doc, dct)]


def evaluate_dates(
    data: Path,
    out: Path | None = None,
    peer: Tagger | None = None,
    tagger: Tagger | None = None,
    names: Callable[[str], bool] | None = None,
) -> dict[str, Any]:
    """Span and value P/R/F1 of newsfuse (and of `peer`, when given) on each half and the whole set.

    `names` keeps only the documents it accepts (the floor test's fixed subset); `out` receives
    newsfuse's predictions, one JSON line per expression.
    """
    documents = [d for d in read_folder(require(data, "TimeML folder")) if names is None or names(d.name)]
    ours = tagger or NewsfuseTagger()
    taggers: dict[str, Tagger] = {"newsfuse": ours}
    if peer is not None:
        taggers["heideltime"] = peer
    totals = {name: {half: Counts() for half in HALVES} for name in taggers}
    lines: list[str] = []
    for document in documents:
        half = "calibration" if is_calibration(document.name) else "report"
        for name, each in taggers.items():
            predicted = each.tag(document.text, document.dct)
            counts = score(document.timexes, predicted)
            totals[name][half] += counts
            totals[name]["all"] += counts
            if name == "newsfuse":
                lines.extend(_lines(document, predicted))
    if out is not None:
        out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    figures: dict[str, Any] = {
        "documents": len(documents),
        "calibration_documents": sum(is_calibration(d.name) for d in documents),
    }
    for name, halves in totals.items():
        figures[name] = {half: counts.figures() for half, counts in halves.items()}
    return figures


def _lines(document: TimemlDocument, predicted: Iterable[Timex]) -> list[str]:
    return [
        json.dumps(
            {"doc": document.name, "start": t.start, "end": t.end, "type": t.type, "value": t.value},
            ensure_ascii=False,
        )
        for t in predicted
    ]
