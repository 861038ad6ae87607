"""Misleading lines in briefs of ECB+ sub-topics (issue 22): a story of many documents, from wire
reports to blogs and columns, where one writer's reading can reach the lede.

A labels file names its stories (an ECB+ topic, the kind of its documents, `ecb` or `ecbplus`, and
how many of them, the first by number) and labels every headline, lede, quick-read and what-happened
line a brief once showed, by reading it against its document: `ok`, `misleading` (a writer's view,
guess or insult stated as fact, a wrong fact, a quoted view stated as fact) or `out_of_context` (true,
but about something else or leaning on a sentence the brief does not show). A label keeps the line's
first words and where it lies in its document (a headline that is a document's title: 0, 0), never
the text.

A PolNeAR labels file (`"polnear": "train"`, the split) reads the same way: its stories are named by
their earliest text as `evaluation.conflicts.polnear_stories` groups the split (US 2016 election news
of seven outlets, from wire reports to partisan commentary), and each label names its story.

The figure: of today's lines (the headline and each reporting line, each wording once), the labelled
misleading ones. Lines no label covers are listed, to be read before the figure is quoted; labelled
`ok` lines the brief no longer shows are counted (the good lines a rule lost, once the labels cover
both the old and the new briefs).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.evaluation.stories import as_written, read_document
from newsfuse.evaluation.views import labelled_text, opening, reporting_lines, written_text
from newsfuse.models import Article, Failure, RawDocument
from newsfuse.models.brief import Brief

LABELS = ("ok", "misleading", "out_of_context")
KINDS = ("ecb", "ecbplus")

Briefer = Callable[[str, Sequence[Article]], Brief]


@dataclass(frozen=True, slots=True)
class EcbStory:
    topic: int
    kind: str  # "ecb" or "ecbplus": which of the topic's two events
    documents: int  # the first this many documents of the kind, by number


@dataclass(frozen=True, slots=True)
class PolnearStory:
    story: str  # the story's name: its earliest text, as evaluation.conflicts.polnear_stories names it


@dataclass(frozen=True, slots=True)
class EcbLabel:
    topic: int | str  # the ECB+ topic, or the PolNeAR story's name
    opens: str  # the line's first words (views.OPENING_WORDS)
    document: str  # the document it is cited to first ("19_6ecb")
    start: int
    end: int
    label: str


def is_ecb_labels(path: Path) -> bool:
    """Whether a views labels file labels ECB+ briefs (an object naming its stories), not NeuS lines."""
    try:
        return isinstance(json.loads(require(path, "views labels file").read_text(encoding="utf-8")), dict)
    except ValueError as exc:
        raise EvaluationDataError(f"{path}: not a labels file ({exc})") from None


def polnear_split(path: Path) -> str | None:
    """The PolNeAR split a views labels file labels ("train"), or None for an ECB+ one."""
    record = json.loads(require(path, "views labels file").read_text(encoding="utf-8"))
    split = record.get("polnear") if isinstance(record, dict) else None
    return str(split) if split else None


def load_ecb_labels(path: Path) -> tuple[list[EcbStory] | list[PolnearStory], list[EcbLabel]]:
    record = json.loads(require(path, "views labels file").read_text(encoding="utf-8"))
    stories: list[EcbStory] | list[PolnearStory]
    try:
        if record.get("polnear"):
            stories = [PolnearStory(**row) for row in record["stories"]]
            labels = [EcbLabel(topic=row.pop("story"), **row) for row in record["labels"]]
        else:
            stories = [EcbStory(**row) for row in record["stories"]]
            labels = [EcbLabel(**row) for row in record["labels"]]
    except (KeyError, TypeError) as exc:
        raise EvaluationDataError(f"{path}: not an ECB+ or PolNeAR views labels file ({exc})") from None
    for story in stories:
        if isinstance(story, EcbStory) and story.kind not in KINDS:
            raise EvaluationDataError(f"{path}: topic {story.topic}: kind {story.kind!r} is none of {KINDS}")
    for label in labels:
        if label.label not in LABELS:
            raise EvaluationDataError(f"{path}: topic {label.topic}: label {label.label!r} is none of {LABELS}")
    return stories, labels


def story_articles(data: Path, story: EcbStory) -> list[Article]:
    """The story's documents as plain text, read and cleaned as the audit reads ECB+ documents."""
    from newsfuse.clean import Cleaner

    root = data / "ECB+" if (data / "ECB+").is_dir() else data
    folder = require(root / str(story.topic), "ECB+ topic folder")
    number = re.compile(rf"{story.topic}_(\d+){story.kind}$")
    files = sorted(
        (f for f in folder.glob(f"{story.topic}_*{story.kind}.xml") if number.match(f.stem)),
        key=lambda f: int(number.match(f.stem).group(1)),  # type: ignore[union-attr]
    )[: story.documents]
    raws = []
    for file in files:
        # Numbers, clock times and hyphenated words as the page wrote them (see evaluation.audit).
        text = "\n\n".join(as_written(p) for p in read_document(file).split("\n\n"))
        raws.append(RawDocument(origin=f"{file.stem}.txt", content=text, format="text", path=f"{file.stem}.txt"))
    return [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]


def shown_lines(brief: Brief) -> list[tuple[str, str, str, str]]:
    """The headline and the reporting lines, each wording once, as (text, document cited first, text
    as that document writes it, text as shown before names inside it were given in full)."""
    names = {a.id: _document(a) for a in brief.articles}
    headline = brief.headline
    lines = [(headline, names.get(brief.headline_sources[0], "") if brief.headline_sources else "", headline, headline)]
    for line in reporting_lines(brief):
        if line.text != headline:
            document = names.get(line.spans[0].article_id, "") if line.spans else ""
            lines.append((line.text, document, written_text(brief, line), labelled_text(brief, line)))
    return lines


def evaluate_ecb_views(labels_path: Path, data: Path, *, briefer: Briefer | None = None) -> dict[str, Any]:
    stories, labels = load_ecb_labels(labels_path)
    if briefer is None:
        from newsfuse.service import Newsfuse

        briefer = Newsfuse().brief_story
    shown = 0
    counts = dict.fromkeys(LABELS, 0)
    unlabelled: list[str] = []
    misleading: list[str] = []
    ok_not_shown = 0
    for name, articles in labelled_stories(data, stories):
        known = {label.opens: label for label in labels if label.topic == name}
        brief = briefer(str(name), articles)
        seen: set[str] = set()
        for text, document, written, before in shown_lines(brief):
            label = known.get(opening(text)) or known.get(opening(written)) or known.get(opening(before))
            if label is None:
                unlabelled.append(f"{name} ({document}): {text}")
                continue
            seen.add(label.opens)
            shown += 1
            counts[label.label] += 1
            if label.label == "misleading":
                misleading.append(f"{name} ({document}): {label.opens} ...")
        ok_not_shown += sum(label.label == "ok" and opens not in seen for opens, label in known.items())
    return {
        "set": "views-polnear" if any(isinstance(s, PolnearStory) for s in stories) else "views-ecb",
        "labels": labels_path.name,
        "stories": len(stories),
        "lines_shown": shown,
        "misleading_shown": counts["misleading"],
        "out_of_context_shown": counts["out_of_context"],
        "misleading_pct": round(100 * counts["misleading"] / shown, 1) if shown else 0.0,
        "ok_labelled_not_shown": ok_not_shown,
        "misleading": misleading,
        "unlabelled": unlabelled,
    }


def labelled_stories(
    data: Path, stories: list[EcbStory] | list[PolnearStory]
) -> list[tuple[int | str, Sequence[Article]]]:
    """Each labelled story's name and articles: an ECB+ topic's first documents, or a PolNeAR story
    as the split's grouping makes it (`data` is then the split's folder)."""
    out: list[tuple[int | str, Sequence[Article]]] = []
    grouped: dict[str, Sequence[Article]] | None = None
    for story in stories:
        if isinstance(story, EcbStory):
            out.append((story.topic, story_articles(data, story)))
            continue
        if grouped is None:
            from newsfuse.evaluation.conflicts import polnear_stories

            grouped = dict(polnear_stories(data))
        if story.story not in grouped:
            raise EvaluationDataError(f"{data}: no story {story.story!r} (the split's grouping has changed)")
        out.append((story.story, grouped[story.story]))
    return out


def _document(article: Article) -> str:
    return (article.origin or article.id).removesuffix(".txt")
