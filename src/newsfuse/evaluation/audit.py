"""The real-news audit: briefs of 18 ECB+ dev topics, 32 NeuS stories and 6 PolNeAR dev stories,
scored against what a careful reader expects of each (our own notes in evaluation/audit/, written by
reading the articles before any tuning).

Each story is briefed as the `brief` command briefs one story (provenance, facts, claims, the
composer), from its articles as the sets hold them: an ECB+ document is its plain text (title line,
a blank line, the body; `newsfuse.evaluation.stories` reads it the same way), a NeuS article its
title and excerpt, a PolNeAR story the texts `eval conflicts` groups as one (each with its outlet,
day and title). Half of the first stories of each set is marked `dev` (looked at while
developing), the other half `held_out` (scored only to report; seen since); a third split, `fresh`,
was annotated later, by reading the articles only, and scored once before any change drawn from it.

Figures, per split: precision of the key people (a person of the story, in a role that is theirs,
listed once), of the timeline (a day on which the story says that happened), and of quote
speakers; the share of misleading sentences in the quick read and what happened (and in the whole
brief); headlines repeated as body sentences; quick reads that open on the main event; open
disagreements that are not real ones (false alarms).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.audit_checks import REPORTING_SECTIONS, Expectation, StoryScore, score_brief
from newsfuse.evaluation.datasets import require
from newsfuse.evaluation.stories import as_written, read_document
from newsfuse.evaluation.summaries import parse_line
from newsfuse.models import Article, Failure, RawDocument
from newsfuse.models.brief import Brief

SPLITS = ("dev", "held_out", "fresh", "all")
AUDIT_FILES = {"ecbplus-dev": "ecbplus-dev.json", "neus-val": "neus-val.json", "polnear-dev": "polnear-dev.json"}
# Where each set's articles lie under the eval root.
AUDIT_DATA = {"ecbplus-dev": Path("ecbplus-dev"), "neus-val": Path("neus-val"), "polnear-dev": Path("polnear/dev")}
# A source's headline lines: the first lines of its text, short and without a closing full stop.
HEADLINE_LINES = 3
HEADLINE_MAX_WORDS = 25


@dataclass(frozen=True, slots=True)
class AuditStory:
    expected: Expectation
    articles: tuple[Article, ...]
    titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AuditRun:
    set: str
    split: str
    scores: tuple[StoryScore, ...]
    briefs: tuple[Brief, ...]

    def figures(self) -> dict[str, Any]:
        return audit_figures(self.scores) | {"set": self.set, "split": self.split}


def audit_figures(scores: Sequence[StoryScore]) -> dict[str, Any]:
    def rate(kind: str, sections: frozenset[str] | None = None) -> tuple[int, int]:
        verdicts = [v for s in scores for v in s.of(kind, sections)]
        return sum(v.right for v in verdicts), len(verdicts)

    figures: dict[str, Any] = {"stories": len(scores)}
    for name, kind in (("people", "person"), ("timeline", "date"), ("speakers", "speaker")):
        right, total = rate(kind)
        figures[f"{name}_right"] = _pct(right, total)
        figures[f"{name}_shown"] = total
    right, total = rate("sentence", REPORTING_SECTIONS)
    figures["misleading_reporting"] = _pct(total - right, total)
    figures["reporting_sentences"] = total
    right, total = rate("sentence")
    figures["misleading_all"] = _pct(total - right, total)
    figures["sentences"] = total
    figures["headlines_as_body"] = sum(
        1 for s in scores for v in s.of("sentence") if v.why.startswith("repeats the headline")
    )
    right, total = rate("main_event")
    figures["quick_read_main_event"] = _pct(right, total)
    right, total = rate("alarm")
    figures["false_alarms"] = total - right
    figures["open_disagreements"] = total
    return figures


def _pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 2) if whole else 100.0


def load_expectations(path: Path, split: str = "all") -> list[Expectation]:
    if split not in SPLITS:
        raise EvaluationDataError(f"unknown split {split!r}: choose one of {', '.join(SPLITS)}")
    try:
        records = json.loads(require(path, "audit file").read_text(encoding="utf-8"))["stories"]
        expectations = [Expectation.from_record(r) for r in records]
    except (ValueError, KeyError, TypeError) as exc:
        raise EvaluationDataError(f"{path}: not an audit file ({exc})") from None
    return [e for e in expectations if split == "all" or e.split == split]


def ecb_stories(expectations: Sequence[Expectation], data: Path) -> list[AuditStory]:
    """The ECB+ stories: each expectation's documents, read from the ECB+ folder as plain text."""
    from newsfuse.clean import Cleaner

    root = data / "ECB+" if (data / "ECB+").is_dir() else data
    cleaner = Cleaner()
    stories = []
    for expected in expectations:
        texts = []
        for name in expected.documents:
            topic = name.split("_", 1)[0]
            document = read_document(require(root / topic / f"{name}.xml", "ECB+ document"))
            # Numbers, clock times and hyphenated words as the page wrote them ("5.9", "9:25 a.m."),
            # not as the tokens split them ("5. 9", which reads as two sentences).
            texts.append((name, "\n\n".join(as_written(p) for p in document.split("\n\n"))))
        raws = [RawDocument(origin=f"{n}.txt", content=t, format="text", path=f"{n}.txt") for n, t in texts]
        # A document the cleaner refuses (one clipped line) is left out, as `brief` leaves out a bad file.
        articles = [a for a in cleaner.clean_batch(raws) if not isinstance(a, Failure)]
        stories.append(AuditStory(expected, tuple(articles), tuple(t for _, text in texts for t in headlines(text))))
    return stories


def headlines(text: str) -> list[str]:
    """A plain-text source's headline lines: of its first few lines, the short ones that end no
    sentence or are written in title case (most longer words capitalised)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:HEADLINE_LINES]
    return [
        line
        for line in lines
        if len(line.split()) <= HEADLINE_MAX_WORDS and (not re.search(r"[.!?”\"]$", line) or _title_case(line))
    ]


def _title_case(line: str) -> bool:
    long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(long_words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.9 * len(long_words)


def neus_stories(expectations: Sequence[Expectation], data: Path) -> list[AuditStory]:
    """The NeuS stories: line N of val.source for the expectation with id N."""
    source = require(data / "val.source" if data.is_dir() else data, "val.source")
    lines = source.read_text(encoding="utf-8").splitlines()
    stories = []
    for expected in expectations:
        number = int(expected.id)
        if not 1 <= number <= len(lines):
            raise EvaluationDataError(f"{source}: no story on line {number}")
        articles = parse_line(lines[number - 1], number)
        stories.append(AuditStory(expected, tuple(articles), tuple(a.title for a in articles if a.title)))
    return stories


def polnear_audit_stories(expectations: Sequence[Expectation], data: Path) -> list[AuditStory]:
    """The PolNeAR stories: the story of exactly the expectation's texts among those `eval conflicts`
    groups from the split (`polnear/dev`). Found by its texts, not its place in the stage's order, so
    that a story growing elsewhere does not hand an expectation another story's brief; a story the
    stage no longer groups as written is an error, not a silent change of what is scored."""
    from newsfuse.evaluation.conflicts import polnear_stories

    if not expectations:
        return []
    grouped = polnear_stories(require(data, "PolNeAR split"))
    by_texts = {frozenset(a.origin for a in articles): articles for _, articles in grouped}
    stories = []
    for expected in expectations:
        articles = by_texts.get(frozenset(expected.documents))
        if articles is None:
            raise EvaluationDataError(
                f"{data}: the stories stage no longer groups {', '.join(expected.documents)} as one story"
            )
        stories.append(AuditStory(expected, articles, tuple(a.title for a in articles if a.title)))
    return stories


_LOADERS: dict[str, Callable[[Sequence[Expectation], Path], list[AuditStory]]] = {
    "ecbplus-dev": ecb_stories,
    "neus-val": neus_stories,
    "polnear-dev": polnear_audit_stories,
}

Briefer = Callable[[str, Sequence[Article]], Brief]


def run_audit(stories: Sequence[AuditStory], briefer: Briefer | None = None) -> tuple[list[Brief], list[StoryScore]]:
    if briefer is None:
        from newsfuse.service import Newsfuse

        briefer = Newsfuse().brief_story
    briefs = [briefer(story.expected.id, story.articles) for story in stories]
    scores = [score_brief(b, s.expected, s.titles) for b, s in zip(briefs, stories, strict=True)]
    return briefs, scores


def evaluate_audit(audit_dir: Path, eval_root: Path, *, split: str = "all", sets: Sequence[str] = ()) -> list[AuditRun]:
    """Run the audit of each set (default all three) that has stories in the split; their data under `eval_root`."""
    runs = []
    for name in sets or tuple(AUDIT_FILES):
        if name not in AUDIT_FILES:
            raise EvaluationDataError(f"unknown audit set {name!r}: choose from {', '.join(AUDIT_FILES)}")
        expectations = load_expectations(audit_dir / AUDIT_FILES[name], split)
        if not expectations:
            continue  # a set annotated fresh only has no dev half: no run, rather than figures of nothing
        stories = _LOADERS[name](expectations, eval_root / AUDIT_DATA[name])
        briefs, scores = run_audit(stories)
        runs.append(AuditRun(name, split, tuple(scores), tuple(briefs)))
    return runs


def report_lines(run: AuditRun) -> list[str]:
    """What is wrong, story by story, for a person to read."""
    lines = [f"== {run.set} ({run.split}): {json.dumps(run.figures(), sort_keys=True)}"]
    for score in run.scores:
        wrong = [v for v in score.verdicts if not v.right]
        lines.append(f"-- {score.story} ({len(wrong)} wrong)")
        lines += [f"   [{v.kind}{'/' + v.section if v.section else ''}] {v.text[:110]!r}: {v.why}" for v in wrong]
    return lines
