"""Time expressions on two real sets: TimeML (TimeBank), found and resolved to the right value, and
ECB+ (web news of 2000-2013), found.

TimeBank: for each `*.tml` file the text is `<TEXT>` without its tags and the reference date is `<DCT>`;
newsfuse's date extractor (`newsfuse.extract.timex`) runs on that text with that date. A predicted
expression matches a gold one when their spans overlap (one to one, in text order); value F1 also
needs the two values equal once upper-cased and trimmed. HeidelTime runs on the same texts with the
same dates in the same run, and is scored the same way.

TimeBank has no train/dev split. Documents whose name's SHA-1 ends in an even hex digit are the
calibration half (rules and constants were chosen looking at them); the others are the report half,
where the floors are pinned. Figures are given for both halves and the whole set.

ECB+ (a folder that is not TimeML: the ECB+ folder or one holding it) marks time spans as markables
`TIME_DATE`, `TIME_OF_THE_DAY`, `TIME_DURATION` and `TIME_REPETITION` over tokens, with no value and
no creation date, so only span figures are given. Its annotators marked a selection of sentences per
document (the release's list of them is not in the set): a sentence holding any markable is taken
as selected, and predictions count only there. Both taggers read every document with one fixed
reference date, ECB_REFERENCE (spans do not depend on it; values, unscored, would). The halves are
the odd and the even topics, as `eval stories --topics` splits them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.evaluation.ecbplus import EcbDocument, read_ecbplus
from newsfuse.evaluation.timeml import Timex, read_folder
from newsfuse.extract.parsing import Parser, SpacyParser
from newsfuse.extract.timex import find_time_expressions

# Documents whose name's SHA-1 ends in a hex digit of this parity calibrate; the others report.
CALIBRATION_PARITY = 0
HALVES = ("calibration", "report", "all")
ECB_HALVES = ("odd", "even", "all")
# ECB+ markables of time expressions (TIME_* tags).
ECB_TIME_TAGS = frozenset({"TIME_DATE", "TIME_OF_THE_DAY", "TIME_DURATION", "TIME_REPETITION"})
# The reference date of every ECB+ document (it has none): the day after its newest texts, so that
# what is resolved is resolved into their past, as a reader of the archive would.
ECB_REFERENCE = date(2014, 1, 1)
_ECB_NAME = re.compile(r"^(?P<topic>\d+)_\d+(?P<kind>ecbplus|ecb)\.xml$")


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


@dataclass(frozen=True, slots=True)
class DatesDocument:
    """One scored text: its half, writing day, gold expressions, and where predictions count
    (character ranges; None: the whole text)."""

    name: str
    half: str
    text: str
    dct: date
    timexes: tuple[Timex, ...]
    scored: tuple[tuple[int, int], ...] | None = None

    def counted(self, predicted: Sequence[Timex]) -> list[Timex]:
        if self.scored is None:
            return list(predicted)
        return [t for t in predicted if any(start <= t.start < end for start, end in self.scored)]


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
    """Span (and on TimeML value) P/R/F1 of newsfuse (and of `peer`, when given) on each half and the
    whole set; `data` is a TimeML folder or ECB+ (see the module's note).

    `names` keeps only the documents it accepts (the floor tests' fixed subsets); `out` receives
    newsfuse's predictions, one JSON line per expression.
    """
    folder = require(data, "dates data (a TimeML folder or ECB+)")
    ecb = not any(folder.glob("*.tml"))
    documents = [
        d for d in (load_ecbplus_times(folder) if ecb else load_timeml(folder)) if names is None or names(d.name)
    ]
    halves = ECB_HALVES if ecb else HALVES
    ours = tagger or NewsfuseTagger()
    taggers: dict[str, Tagger] = {"newsfuse": ours}
    if peer is not None:
        taggers["heideltime"] = peer
    totals = {name: {half: Counts() for half in halves} for name in taggers}
    lines: list[str] = []
    for document in documents:
        for name, each in taggers.items():
            predicted = document.counted(each.tag(document.text, document.dct))
            counts = score(document.timexes, predicted)
            totals[name][document.half] += counts
            totals[name]["all"] += counts
            if name == "newsfuse":
                lines.extend(_lines(document.name, predicted))
    if out is not None:
        out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    figures: dict[str, Any] = {"set": "ecbplus" if ecb else "timeml", "documents": len(documents)}
    figures.update({f"{half}_documents": sum(d.half == half for d in documents) for half in halves[:2]})
    for name, by_half in totals.items():
        figures[name] = {half: _figures(counts, values=not ecb) for half, counts in by_half.items()}
    return figures


def load_timeml(folder: Path) -> list[DatesDocument]:
    return [
        DatesDocument(d.name, "calibration" if is_calibration(d.name) else "report", d.text, d.dct, d.timexes)
        for d in read_folder(folder)
    ]


def load_ecbplus_times(data: Path) -> list[DatesDocument]:
    """ECB+ documents with their TIME_* markables as gold (no values), scored in their selected sentences."""
    root = data / "ECB+" if (data / "ECB+").is_dir() else data
    documents: list[DatesDocument] = []
    for path in sorted(root.glob("*/*.xml")):
        match = _ECB_NAME.match(path.name)
        if match is None:
            continue
        read = read_ecbplus(path, drop_url=match["kind"] == "ecbplus")
        half = "odd" if int(match["topic"]) % 2 else "even"
        documents.append(
            DatesDocument(path.name, half, read.text, ECB_REFERENCE, _ecb_times(read), _selected_sentences(read))
        )
    if not documents:
        raise EvaluationDataError(f"{root}: neither TimeML (*.tml) nor ECB+ documents (<topic>/<topic>_<n>ecb.xml)")
    return documents


def _ecb_times(document: EcbDocument) -> tuple[Timex, ...]:
    """The TIME_* markables as spans; a span marked twice (under two tags) is one expression."""
    spans: dict[tuple[int, int], str] = {}
    for markable in document.markables:
        span = document.span(markable) if markable.tag in ECB_TIME_TAGS else None
        if span is not None:
            spans.setdefault(span, markable.tag)
    return tuple(Timex(start, end, tag, "") for (start, end), tag in sorted(spans.items()))


def _selected_sentences(document: EcbDocument) -> tuple[tuple[int, int], ...]:
    """The character ranges of the sentences holding any markable (the annotators' selection)."""
    marked = {document.tokens[t].sentence for m in document.markables for t in m.token_ids if t in document.tokens}
    ranges: dict[int, tuple[int, int]] = {}
    for token in document.tokens.values():
        if token.sentence in marked:
            start, end = ranges.get(token.sentence, (token.start, token.end))
            ranges[token.sentence] = (min(start, token.start), max(end, token.end))
    return tuple(sorted(ranges.values()))


def _figures(counts: Counts, *, values: bool) -> dict[str, float | int]:
    figures = counts.figures()
    return figures if values else {k: v for k, v in figures.items() if not k.startswith("value_")}


def _lines(name: str, predicted: Iterable[Timex]) -> list[str]:
    return [
        json.dumps(
            {"doc": name, "start": t.start, "end": t.end, "type": t.type, "value": t.value},
            ensure_ascii=False,
        )
        for t in predicted
    ]
