"""Writers' views stated as news (issue 22): how many of the brief's reporting lines (lede, quick
read, what happened) are the writer's own evaluation, and how well the view flag finds them.

A labels file holds, for some NeuS stories, each reporting line the brief once showed, labelled by
reading it against its article: `news` (a reported fact, or a view attributed to someone) or `view`
(the writer's evaluation or framing stated as fact). Each label keeps the line's opening words and
where it lies in its article (article index in the story, character offsets), never the text.

Two figures come out:
- the misleading share: of today's reporting lines, the labelled views (lines no label covers are
  listed, to be read and labelled before the figure is quoted);
- the flag's precision and recall on every labelled line, shown or not: a line is flagged when the
  extract stage reads its sentence as a view or its article as arguing, or its headline or narration
  marks an opinion piece (what keeps a line out of the reporting sections).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from newsfuse.brief.extractive import opinion_piece
from newsfuse.brief.verify import names_as_written
from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.evaluation.summaries import parse_line, source_file
from newsfuse.extract import Extractor
from newsfuse.models import Article, Span
from newsfuse.models.brief import Brief, CitedSentence

LABELS = ("news", "view")
# How many opening words identify a line within its story.
OPENING_WORDS = 8

Briefer = Callable[[str, Sequence[Article]], Brief]


@dataclass(frozen=True, slots=True)
class Label:
    line: int  # the story's line in the .source file, from 1
    opens: str  # the line's first OPENING_WORDS words
    article: int  # which article of the story the line is cited to first
    start: int
    end: int
    label: str


def opening(text: str) -> str:
    return " ".join(text.split()[:OPENING_WORDS])


def load_labels(path: Path) -> list[Label]:
    rows = json.loads(require(path, "views labels file").read_text(encoding="utf-8"))
    labels = [Label(**row) for row in rows]
    for label in labels:
        if label.label not in LABELS:
            raise EvaluationDataError(f"{path}: line {label.line}: label {label.label!r} is none of {LABELS}")
    return labels


def reporting_lines(brief: Brief) -> list[CitedSentence]:
    """The lede, quick-read and what-happened lines, each wording once."""
    seen: set[str] = set()
    lines = []
    for sentence in (*brief.lede, *brief.sections.quick_read, *brief.sections.what_happened):
        if sentence.text not in seen:
            seen.add(sentence.text)
            lines.append(sentence)
    return lines


L = TypeVar("L")


def written_text(brief: Brief, line: CitedSentence) -> str:
    """The line as its first span's article writes it: where the brief names someone in full whom
    that sentence names by surname ("Ms. Epstein"), a label read before the naming still finds it."""
    return brief.article(line.spans[0].article_id).excerpt(line.spans[0]) if line.spans else line.text


def labelled_text(brief: Brief, line: CitedSentence) -> str:
    """The line as shown, less full names given past its opening to people its sentence names by
    surname: as it was shown when labels were read, where its opening was already named in full."""
    return names_as_written(line, {a.id: a for a in brief.articles})


def find_label(known: Mapping[str, L], brief: Brief, line: CitedSentence) -> L | None:
    """The label of a shown line, by its opening words as shown or, failing that, as its article
    writes it or as it was shown before names inside it were given in full."""
    for text in (line.text, written_text(brief, line), labelled_text(brief, line)):
        found = known.get(opening(text))
        if found is not None:
            return found
    return None


def mostly_within(article_id: str, start: int, end: int, spans: Sequence[Span]) -> bool:
    """Whether most of a labelled line (`start`-`end` in its article) lies in one of the spans."""
    return any(s.article_id == article_id and 2 * (min(s.end, end) - max(s.start, start)) > end - start for s in spans)


@dataclass(slots=True)
class FlagTally:
    """How a test that flags lines fares against the labels: hits, false flags and misses."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def count(self, flag: bool, gold: bool) -> None:
        if flag and gold:
            self.tp += 1
        elif flag:
            self.fp += 1
        elif gold:
            self.fn += 1

    def figures(self) -> dict[str, Any]:
        return {
            "flag_tp": self.tp,
            "flag_fp": self.fp,
            "flag_fn": self.fn,
            "flag_precision": round(self.tp / ((self.tp + self.fp) or 1), 3),
            "flag_recall": round(self.tp / ((self.tp + self.fn) or 1), 3),
        }


def flagged(label: Label, articles: Sequence[Article], views: Sequence[Span], arguing: frozenset[str]) -> bool:
    """Whether the labelled line's sentence would be kept out of the reporting sections as a view."""
    article = articles[label.article]
    if article.id in arguing or opinion_piece(article):
        return True
    return mostly_within(article.id, label.start, label.end, views)


def evaluate_views(
    labels_path: Path, data: Path, *, briefer: Briefer | None = None, extractor: Extractor | None = None
) -> dict[str, Any]:
    labels = load_labels(labels_path)
    sources = source_file(data).read_text(encoding="utf-8").splitlines()
    if briefer is None:
        from newsfuse.service import Newsfuse

        briefer = Newsfuse().brief_story
    extractor = extractor or Extractor()
    by_line: dict[int, list[Label]] = {}
    for label in labels:
        by_line.setdefault(label.line, []).append(label)
    shown = views = 0
    unlabelled: list[str] = []
    hits = FlagTally()
    for number, story_labels in sorted(by_line.items()):
        articles = parse_line(sources[number - 1], number)
        known = {label.opens: label for label in story_labels}
        brief = briefer(str(number), articles)
        for line in reporting_lines(brief):
            known_label = find_label(known, brief, line)
            if known_label is None:
                unlabelled.append(f"{number}: {line.text}")
                continue
            shown += 1
            views += known_label.label == "view"
        facts = extractor.extract(articles)
        arguing = frozenset(facts.arguing)
        for label in story_labels:
            hits.count(flagged(label, articles, facts.views, arguing), label.label == "view")
    return {
        "set": "views",
        "labels": str(labels_path.name),
        "stories": len(by_line),
        "lines_shown": shown,
        "views_shown": views,
        "misleading_pct": round(100 * views / shown, 1) if shown else 0.0,
        "unlabelled": unlabelled,
        **hits.figures(),
    }
