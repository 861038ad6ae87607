"""Who said what on PolNeAR: are attributions found, and is each credited to the right source?

For each text newsfuse's attribution extractor (`newsfuse.extract.attributions`) gives content,
source and cue spans. A predicted content matches a gold one (one to one, in text order) when the
two overlap by at least half of the shorter; its source is right when the two source spans overlap
(or both are absent). Direct quotations (content holding a quotation mark), reported speech (the
rest) and all attributions are scored separately. textacy's `direct_quotations` runs on the same
parses in the same run as the peer; it only looks for direct quotations, so it is scored on those.

PolNeAR ships a train and a dev split: rules and constants were chosen on train; the floors are
pinned on dev.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from spacy.tokens import Doc

from newsfuse.evaluation.datasets import require
from newsfuse.evaluation.polnear import GoldAttribution, Offsets, PolnearText, read_split
from newsfuse.extract.attributions import Attribution, find_attributions
from newsfuse.extract.parsing import Parser, SpacyParser

QUOTATION_MARKS = frozenset('"“”')
# The New York Times texts in PolNeAR write a quotation mark as two apostrophes (''…'').
DOUBLED_APOSTROPHES = "''"
KINDS = ("direct", "reported", "all")


class Finder(Protocol):
    def __call__(self, text: str, doc: Doc) -> list[Attribution]: ...


@dataclass(frozen=True, slots=True)
class Counts:
    predicted: int = 0
    gold: int = 0
    found: int = 0
    right_source: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.predicted + other.predicted,
            self.gold + other.gold,
            self.found + other.found,
            self.right_source + other.right_source,
        )

    def figures(self) -> dict[str, float | int]:
        p = self.found / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return {
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(100 * p, 2),
            "recall": round(100 * r, 2),
            "f1": round(100 * (2 * p * r / (p + r) if p + r else 0.0), 2),
            "right_source": round(100 * self.right_source / self.found, 2) if self.found else 0.0,
        }


def is_direct(text: str, content: Offsets) -> bool:
    said = text[content[0] : content[1]]
    return any(c in QUOTATION_MARKS for c in said) or DOUBLED_APOSTROPHES in said


def half_overlap(a: Offsets, b: Offsets) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def overlap(a: Offsets | None, b: Offsets | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def score(text: str, gold: Sequence[GoldAttribution], predicted: Sequence[Attribution], kind: str) -> Counts:
    """Gold and predicted attributions of one kind matched one to one; a candidate with the right
    source is preferred."""

    def keep(content: Offsets) -> bool:
        return kind == "all" or (kind == "direct") == is_direct(text, content)

    golds = sorted((g for g in gold if keep(g.content)), key=lambda g: g.content)
    preds = [p for p in predicted if keep(p.content)]
    used: set[int] = set()
    found = right = 0
    for g in golds:
        candidates = [i for i, p in enumerate(preds) if i not in used and half_overlap(p.content, g.content)]
        if not candidates:
            continue
        correct = [i for i in candidates if _same_source(preds[i].source, g.source)]
        used.add((correct or candidates)[0])
        found += 1
        right += bool(correct)
    return Counts(len(preds), len(golds), found, right)


def _same_source(predicted: Offsets | None, gold: Offsets | None) -> bool:
    return (predicted is None and gold is None) or overlap(predicted, gold)


class TextacyQuotations:
    """textacy's direct quotations as attributions: content, speaker tokens and cue tokens.

    textacy refuses a whole text whose quotation marks do not pair up (it raises rather than guess);
    such a text counts as one where the peer found nothing, and `refused` counts them.
    """

    def __init__(self) -> None:
        self.refused = 0

    def __call__(self, text: str, doc: Doc) -> list[Attribution]:
        from textacy.extract.triples import direct_quotations

        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            self.refused += 1
            return []
        return [
            Attribution(
                (triple.content.start_char, triple.content.end_char),
                _token_offsets(triple.speaker),
                _token_offsets(triple.cue),
            )
            for triple in triples
        ]


def _token_offsets(tokens: Iterable[Any]) -> Offsets | None:
    listed = list(tokens)
    if not listed:
        return None
    return min(t.idx for t in listed), max(t.idx + len(t.text) for t in listed)


def evaluate_quotes(
    data: Path,
    out: Path | None = None,
    peer: Finder | None = None,
    parser: Parser | None = None,
    names: Callable[[str], bool] | None = None,
) -> dict[str, Any]:
    """P/R/F1 and right-source share of newsfuse (and of `peer`) on one PolNeAR split folder.

    `names` keeps only the texts it accepts (the floor test's fixed subset); `out` receives
    newsfuse's attributions, one JSON line each (texts without annotations are extracted too).
    """
    texts = [t for t in read_split(require(data, "PolNeAR split folder")) if names is None or names(t.name)]
    nlp = parser or SpacyParser()
    finders: dict[str, Finder] = {"newsfuse": find_attributions}
    if peer is not None:
        finders["textacy"] = peer
    totals = {name: {kind: Counts() for kind in KINDS} for name in finders}
    lines: list[str] = []
    for batch in _batches(texts):
        for text, doc in zip(batch, nlp.parse([t.text for t in batch]), strict=True):
            for name, finder in finders.items():
                predicted = finder(text.text, doc)
                if name == "newsfuse":
                    lines.extend(_lines(text, predicted))
                if text.attributions is None:
                    continue
                for kind in KINDS:
                    totals[name][kind] += score(text.text, text.attributions, predicted, kind)
    if out is not None:
        out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    figures: dict[str, Any] = {
        "texts": len(texts),
        "annotated_texts": sum(t.attributions is not None for t in texts),
    }
    for name, kinds in totals.items():
        figures[name] = {kind: counts.figures() for kind, counts in kinds.items()}
    if isinstance(peer, TextacyQuotations):
        figures["textacy"]["refused_texts"] = peer.refused
    return figures


def _batches(texts: list[PolnearText], size: int = 32) -> Iterable[list[PolnearText]]:
    for start in range(0, len(texts), size):
        yield texts[start : start + size]


def _lines(text: PolnearText, predicted: Iterable[Attribution]) -> list[str]:
    return [
        json.dumps(
            {
                "doc": text.name,
                "content": list(a.content),
                "source": list(a.source) if a.source else None,
                "cue": list(a.cue) if a.cue else None,
            }
        )
        for a in predicted
    ]
