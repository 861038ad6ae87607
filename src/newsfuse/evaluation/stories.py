"""Story clustering on ECB+: BCubed precision, recall and F1 against the sub-topic labels.

Each ECB+ topic holds two real-world events of one kind (`<t>_<n>ecb.xml` and `<t>_<n>ecbplus.xml`),
so the gold story of a document is `<topic>_ecb` or `<topic>_ecbplus`. Documents are token lists;
they are put back into text (sentences as paragraphs) and cleaned like any input. What the stories
stage can use there: the words and names, years mentioned in the text, and a publication date only
where the text itself carries a date line (most `ecbplus` documents do, `ecb` ones do not): ECB+
has no date metadata. Sentence 0 of an `ecbplus` document is its source URL and is dropped.

The batch is scored, and so is the incremental tracker fed the documents in a seeded random order
(ECB+ has no arrival times); `agreement_f1` is the BCubed F1 of one partition against the other.
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.clean import Cleaner
from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.models import Article, Failure, RawDocument, Story
from newsfuse.stories import Embedder, StoryTracker, cluster_batch

_NAME = re.compile(r"^(?P<topic>\d+)_(?P<number>\d+)(?P<kind>ecbplus|ecb)\.xml$")
# Tokens written without a space before them (closing punctuation, clitics) or after them (openers).
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "’", "”"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“", "‘"})
# The seed of the arrival order fed to the incremental tracker (any fixed value: it makes runs repeatable).
STREAM_SEED = 13

TOPIC_SPLITS = ("all", "odd", "even")


@dataclass(frozen=True, slots=True)
class EcbDocument:
    name: str
    topic: int
    label: str  # the gold story: "<topic>_ecb" or "<topic>_ecbplus"
    text: str


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class StoriesReport:
    documents: int
    failed: tuple[str, ...]
    gold_stories: int
    batch_stories: int
    batch: BCubed
    batch_topics: BCubed
    incremental_stories: int
    incremental: BCubed
    agreement: BCubed
    topics: str
    embedder: str

    def figures(self) -> dict[str, Any]:
        return {
            "set": "stories",
            "topics": self.topics,
            "embedder": self.embedder,
            "documents": self.documents,
            "failed": len(self.failed),
            "gold_stories": self.gold_stories,
            "stories": self.batch_stories,
            "bcubed_precision": _pct(self.batch.precision),
            "bcubed_recall": _pct(self.batch.recall),
            "bcubed_f1": _pct(self.batch.f1),
            "topic_bcubed_f1": _pct(self.batch_topics.f1),
            "incremental_stories": self.incremental_stories,
            "incremental_bcubed_precision": _pct(self.incremental.precision),
            "incremental_bcubed_recall": _pct(self.incremental.recall),
            "incremental_bcubed_f1": _pct(self.incremental.f1),
            "agreement_f1": _pct(self.agreement.f1),
        }


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> BCubed:
    """BCubed precision/recall/F1 of a predicted partition against a gold one (labels per item)."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} items")
    if not gold:
        return BCubed(0.0, 0.0, 0.0)
    by_predicted: dict[Hashable, list[int]] = defaultdict(list)
    by_gold: dict[Hashable, list[int]] = defaultdict(list)
    pair_count: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    for item, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[p].append(item)
        by_gold[g].append(item)
        pair_count[(p, g)] += 1
    precision = sum(pair_count[(p, g)] / len(by_predicted[p]) for p, g in zip(predicted, gold, strict=True)) / len(gold)
    recall = sum(pair_count[(p, g)] / len(by_gold[g]) for p, g in zip(predicted, gold, strict=True)) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1)


def load_ecbplus(data: Path, topics: str = "all") -> list[EcbDocument]:
    """Every document under `data` (the ECB+ folder, or a folder holding it), as text with its gold label.

    `topics` picks all topics, or the odd ones (which calibrated the stories stage), or the even ones.
    """
    if topics not in TOPIC_SPLITS:
        raise EvaluationDataError(f"unknown topic split {topics!r}: choose one of {', '.join(TOPIC_SPLITS)}")
    root = data / "ECB+" if (data / "ECB+").is_dir() else data
    paths = sorted(require(root, "ECB+ folder").glob("*/*.xml"))
    if not paths:
        raise EvaluationDataError(f"{root}: no ECB+ documents (<topic>/<topic>_<n>ecb.xml) found")
    documents: list[EcbDocument] = []
    for path in paths:
        match = _NAME.match(path.name)
        if match is None:
            continue
        topic = int(match["topic"])
        if (topics == "odd" and topic % 2 == 0) or (topics == "even" and topic % 2 == 1):
            continue
        kind = match["kind"]
        documents.append(
            EcbDocument(path.name, topic, f"{topic}_{kind}", _document_text(path, drop_url=kind == "ecbplus"))
        )
    return documents


def evaluate_stories(data: Path, *, topics: str = "all", embedder: Embedder | None = None) -> StoriesReport:
    documents = load_ecbplus(data, topics)
    raws = [RawDocument(origin=d.name, content=d.text, format="text", path=d.name) for d in documents]
    cleaned = Cleaner().clean_batch(raws)
    articles: list[Article] = []
    labels: list[str] = []
    failed: list[str] = []
    for document, result in zip(documents, cleaned, strict=True):
        if isinstance(result, Failure):
            failed.append(document.name)
        else:
            articles.append(result)
            labels.append(document.label)
    topic_labels = [label.split("_")[0] for label in labels]

    batch = cluster_batch(articles, embedder=embedder)
    batch_labels = _labels(batch, articles)

    order = list(range(len(articles)))
    random.Random(STREAM_SEED).shuffle(order)
    tracker = StoryTracker(embedder=embedder)
    for position in order:
        tracker.add(articles[position])
    incremental = tracker.stories()
    incremental_labels = _labels(incremental, articles)

    return StoriesReport(
        documents=len(documents),
        failed=tuple(failed),
        gold_stories=len(set(labels)),
        batch_stories=len(batch),
        batch=bcubed(batch_labels, labels),
        batch_topics=bcubed(batch_labels, topic_labels),
        incremental_stories=len(incremental),
        incremental=bcubed(incremental_labels, labels),
        agreement=bcubed(incremental_labels, batch_labels),
        topics=topics,
        embedder=embedder.name if embedder else "none",
    )


def _labels(stories: Sequence[Story], articles: Sequence[Article]) -> list[str]:
    """The story id of each article, in the articles' order (articles with one id share a story)."""
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    return [story_of[a.id] for a in articles]


def read_document(path: Path) -> str:
    """One ECB+ document as plain text (sentences as paragraphs; an `ecbplus` one without its URL line)."""
    return _document_text(path, drop_url=path.name.endswith("ecbplus.xml"))


def _document_text(path: Path, *, drop_url: bool) -> str:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise EvaluationDataError(f"{path}: not an ECB+ document ({exc})") from None
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        sentence = token.get("sentence")
        if sentence is not None and sentence.isdigit():
            sentences[int(sentence)].append(token.text or "")
    numbers = sorted(sentences)
    if drop_url:
        numbers = [n for n in numbers if n != 0]
    return "\n\n".join(_detokenise(sentences[n]) for n in numbers)


def _detokenise(tokens: list[str]) -> str:
    out: list[str] = []
    for token in tokens:
        if out and token not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
            out.append(" ")
        out.append(token)
    return "".join(out).replace("``", "“").replace("''", "”")


def _pct(value: float) -> float:
    return round(100 * value, 2)
