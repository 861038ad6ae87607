"""Lines out of context (issue 22): how many of the brief's reporting lines (lede, quick read, what
happened) lean on a sentence the brief does not show, and how well the leaning test finds them.

A labels file (evaluation/context/*.json) holds, for some stories, each reporting line a brief once
showed, labelled by reading it with its article: `stands` (it reads right alone) or `leans` (it
points back at something only an earlier sentence names: "The move comes as ...", "Biden leads in
both of those states"). A story is a NeuS line (`neus-N`) or the first eight original ECB documents
of an ECB+ topic (`ecb-T`, read as the brief tests read them). Each label keeps the line's opening
words and where it lies in its article, never the text.

Two figures come out:
- the share of today's reporting lines labelled `leans` (unlabelled lines are listed, to be read
  and labelled before the share is quoted);
- the leaning test's precision and recall on every labelled line, shown or not (extract.leaning,
  the test that keeps a line out of the reporting sections).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.evaluation.stories import read_document
from newsfuse.evaluation.summaries import parse_line, source_file
from newsfuse.evaluation.views import FlagTally, find_label, mostly_within, reporting_lines
from newsfuse.extract import Extractor
from newsfuse.models import Article, Failure, RawDocument, Span
from newsfuse.models.brief import Brief

LABELS = ("stands", "leans")
# Documents of an ECB+ topic briefed as one story (as tests/brief/conftest.py's ecb_brief does).
ECB_DOCUMENTS = 8

Briefer = Callable[[str, Sequence[Article]], Brief]


@dataclass(frozen=True, slots=True)
class Label:
    story: str  # "neus-N" (line N of val.source) or "ecb-T" (ECB+ topic T)
    opens: str  # the line's first words (views.OPENING_WORDS)
    article: int  # which article of the story the line is cited to first
    start: int
    end: int
    label: str


def load_labels(path: Path) -> list[Label]:
    rows = json.loads(require(path, "context labels file").read_text(encoding="utf-8"))
    labels = [Label(**row) for row in rows]
    for label in labels:
        if label.label not in LABELS:
            raise EvaluationDataError(f"{path}: {label.story}: label {label.label!r} is none of {LABELS}")
        if not label.story.startswith(("neus-", "ecb-")):
            raise EvaluationDataError(f"{path}: story {label.story!r} is neither neus-N nor ecb-T")
    return labels


def story_articles(story: str, eval_root: Path) -> list[Article]:
    """The articles of a labelled story, read as they were when its lines were labelled."""
    kind, number = story.split("-", 1)
    if kind == "neus":
        lines = source_file(eval_root / "neus-val").read_text(encoding="utf-8").splitlines()
        return parse_line(lines[int(number) - 1], int(number))
    from newsfuse.clean import Cleaner

    folder = require(eval_root / "ecbplus-dev" / "ECB+" / number, "ECB+ topic folder")
    files = sorted(folder.glob(f"{number}_*ecb.xml"))[:ECB_DOCUMENTS]
    raws = [RawDocument(origin=f"{f.stem}.txt", content=read_document(f), format="text") for f in files]
    return [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]


def flagged(label: Label, articles: Sequence[Article], leaning: Sequence[Span]) -> bool:
    """Whether most of the labelled line lies in a sentence the leaning test marks."""
    return mostly_within(articles[label.article].id, label.start, label.end, leaning)


def evaluate_context(
    labels_path: Path, eval_root: Path, *, briefer: Briefer | None = None, extractor: Extractor | None = None
) -> dict[str, Any]:
    labels = load_labels(labels_path)
    if briefer is None:
        from newsfuse.service import Newsfuse

        briefer = Newsfuse().brief_story
    extractor = extractor or Extractor()
    by_story: dict[str, list[Label]] = {}
    for label in labels:
        by_story.setdefault(label.story, []).append(label)
    shown = leaning_shown = 0
    unlabelled: list[str] = []
    shown_leaning: list[str] = []
    hits = FlagTally()
    for story, story_labels in by_story.items():
        articles = story_articles(story, eval_root)
        known = {label.opens: label for label in story_labels}
        brief = briefer(story.split("-", 1)[1], articles)
        for line in reporting_lines(brief):
            known_label = find_label(known, brief, line)
            if known_label is None:
                unlabelled.append(f"{story}: {line.text}")
                continue
            shown += 1
            if known_label.label == "leans":
                leaning_shown += 1
                shown_leaning.append(f"{story}: {known_label.opens}")
        leaning = extractor.extract(articles).leaning
        for label in story_labels:
            hits.count(flagged(label, articles, leaning), label.label == "leans")
    return {
        "set": "context",
        "labels": labels_path.name,
        "stories": len(by_story),
        "lines_shown": shown,
        "leaning_shown": leaning_shown,
        "leaning_pct": round(100 * leaning_shown / shown, 1) if shown else 0.0,
        "leaning_lines": shown_leaning,
        "unlabelled": unlabelled,
        **hits.figures(),
    }
