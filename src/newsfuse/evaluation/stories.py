"""Story clustering on two real sets of opposite difficulty: BCubed precision, recall and F1 against
their gold stories, with plain TF-IDF + average linkage measured in the same run beside them.

- ECB+ (`ecbplus-dev`): each topic holds two real-world events of one kind (`<t>_<n>ecb.xml` and
  `<t>_<n>ecbplus.xml`), so the gold story of a document is `<topic>_ecb` or `<topic>_ecbplus`. The
  hard case is two events of one kind. Documents are token lists; they are put back into text
  (sentences as paragraphs) and cleaned like any input. What the stories stage can use there: the
  words and names, years and days mentioned in the text, and a publication date only where the text
  itself carries a date line (most `ecbplus` documents do, `ecb` ones do not): ECB+ has no date
  metadata. Sentence 0 of an `ecbplus` document is its source URL and is dropped.
- NeuS (`neus-val`): one line of `val.source` is one story of three articles (left, centre and right
  outlets), written `TITLE=> ... ARTICLE=> ... [SEP] TITLE=> ...`; the gold story is the line number.
  A busy period of US news: many stories share a broad topic (an election, the pandemic, one
  president) while being different events. Bodies are excerpts of 1-3 paragraphs; there are no dates.

`--data` takes either: a folder holding `val.source` (or the file itself) is NeuS, anything else ECB+.
The batch is scored, and so is the incremental tracker fed the documents in seeded random orders
(neither set has arrival times); `agreement_f1` is the BCubed F1 of its partition against the batch's.
The tracker's figures are means over STREAM_SEEDS orders, with the lowest and highest F1 beside them:
one order is a draw (on ECB+ dev, six orders gave the same tracker 90.71 to 94.51).
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.clean import Cleaner
from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.evaluation.ecbplus import read_ecbplus
from newsfuse.models import Article, Failure, RawDocument, Story
from newsfuse.stories import Embedder, StoryTracker, cluster_batch

_NAME = re.compile(r"^(?P<topic>\d+)_(?P<number>\d+)(?P<kind>ecbplus|ecb)\.xml$")
# One NeuS article: its title, then its body (the format of `val.source`).
_NEUS_ITEM = re.compile(r"TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<body>.*)", re.DOTALL)
# The seeds of the arrival orders fed to the incremental tracker (any fixed values: they make runs
# repeatable). On ECB+ dev one order's F1 ranged 90.71-94.51 over these six, with the clustering
# unchanged (13, the single order used before, gave 94.41), so a change to the tracker is read from
# the mean; six keep its spread to about a point at some 3 s a run.
STREAM_SEEDS = (13, 1, 2, 3, 4, 5)
# The peer's cosine threshold: plain TF-IDF + average linkage at its best BCubed F1 on ECB+ dev
# (0.15: 87.3; 0.10: 80.2, 0.20: 86.6). It is held fixed on every set, as ours are.
PEER_SIMILARITY = 0.15

# Halves of a set: ECB+ topics, or NeuS stories (lines), by the parity of their number.
TOPIC_SPLITS = ("all", "odd", "even")
ECBPLUS, NEUS = "ecbplus", "neus"


@dataclass(frozen=True, slots=True)
class LabelledDocument:
    name: str
    topic: int  # ECB+: the topic folder; NeuS: the story's line number
    label: str  # the gold story: "<topic>_ecb" or "<topic>_ecbplus"; NeuS: the line number
    text: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class StoriesReport:
    dataset: str
    documents: int
    failed: tuple[str, ...]
    gold_stories: int
    batch_stories: int
    batch: BCubed
    batch_topics: BCubed | None
    incremental_stories: int
    incremental: BCubed
    incremental_f1_range: tuple[float, float]
    agreement: BCubed
    peer_stories: int
    peer: BCubed
    topics: str
    embedder: str

    def figures(self) -> dict[str, Any]:
        figures: dict[str, Any] = {
            "set": "stories",
            "data": self.dataset,
            "topics": self.topics,
            "embedder": self.embedder,
            "documents": self.documents,
            "failed": len(self.failed),
            "gold_stories": self.gold_stories,
            "stories": self.batch_stories,
            "bcubed_precision": _pct(self.batch.precision),
            "bcubed_recall": _pct(self.batch.recall),
            "bcubed_f1": _pct(self.batch.f1),
            "incremental_stories": self.incremental_stories,
            "incremental_bcubed_precision": _pct(self.incremental.precision),
            "incremental_bcubed_recall": _pct(self.incremental.recall),
            "incremental_bcubed_f1": _pct(self.incremental.f1),
            "incremental_bcubed_f1_lowest": _pct(self.incremental_f1_range[0]),
            "incremental_bcubed_f1_highest": _pct(self.incremental_f1_range[1]),
            "stream_orders": len(STREAM_SEEDS),
            "agreement_f1": _pct(self.agreement.f1),
            "peer_stories": self.peer_stories,
            "peer_bcubed_precision": _pct(self.peer.precision),
            "peer_bcubed_recall": _pct(self.peer.recall),
            "peer_bcubed_f1": _pct(self.peer.f1),
        }
        if self.batch_topics is not None:
            figures["topic_bcubed_f1"] = _pct(self.batch_topics.f1)
        return figures


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


def dataset_kind(data: Path) -> str:
    """NEUS for a folder holding `val.source` (or that file), ECBPLUS otherwise."""
    if data.name == "val.source" or (data / "val.source").is_file():
        return NEUS
    return ECBPLUS


def load_stories_set(data: Path, topics: str = "all") -> tuple[str, list[LabelledDocument]]:
    """The set's kind and its documents with their gold stories (see `dataset_kind`)."""
    if topics not in TOPIC_SPLITS:
        raise EvaluationDataError(f"unknown topic split {topics!r}: choose one of {', '.join(TOPIC_SPLITS)}")
    kind = dataset_kind(data)
    return kind, (load_neus(data, topics) if kind == NEUS else load_ecbplus(data, topics))


def load_ecbplus(data: Path, topics: str = "all") -> list[LabelledDocument]:
    """Every document under `data` (the ECB+ folder, or a folder holding it), as text with its gold label.

    `topics` picks all topics, or the odd ones (which calibrated the stories stage), or the even ones.
    """
    if topics not in TOPIC_SPLITS:
        raise EvaluationDataError(f"unknown topic split {topics!r}: choose one of {', '.join(TOPIC_SPLITS)}")
    root = data / "ECB+" if (data / "ECB+").is_dir() else data
    paths = sorted(require(root, "ECB+ folder").glob("*/*.xml"))
    if not paths:
        raise EvaluationDataError(f"{root}: no ECB+ documents (<topic>/<topic>_<n>ecb.xml) found")
    documents: list[LabelledDocument] = []
    for path in paths:
        match = _NAME.match(path.name)
        if match is None:
            continue
        topic = int(match["topic"])
        if not _in_split(topic, topics):
            continue
        kind = match["kind"]
        documents.append(
            LabelledDocument(path.name, topic, f"{topic}_{kind}", _document_text(path, drop_url=kind == "ecbplus"))
        )
    return documents


def load_neus(data: Path, topics: str = "all") -> list[LabelledDocument]:
    """Every article of NeuS's `val.source` (`data` is the file or its folder), labelled by its line.

    A line that is not in the format, or an article without the two fields, is an error naming the
    file, the line and the part."""
    source = require(data if data.name == "val.source" else data / "val.source", "NeuS val.source")
    documents: list[LabelledDocument] = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or not _in_split(number, topics):
            continue
        for part, chunk in enumerate(line.split("[SEP]"), start=1):
            match = _NEUS_ITEM.search(chunk)
            if match is None:
                raise EvaluationDataError(f"{source}: line {number}, part {part}: no 'TITLE=> ... ARTICLE=>' fields")
            title = match["title"].strip()
            name = f"val.source:{number}#{part}"
            documents.append(LabelledDocument(name, number, str(number), match["body"].strip(), title or None))
    if not documents:
        raise EvaluationDataError(f"{source}: no stories found")
    return documents


def evaluate_stories(data: Path, *, topics: str = "all", embedder: Embedder | None = None) -> StoriesReport:
    kind, documents = load_stories_set(data, topics)
    raws = [RawDocument(origin=d.name, content=d.text, format="text", path=d.name, title=d.title) for d in documents]
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

    batch = cluster_batch(articles, embedder=embedder)
    batch_labels = _labels(batch, articles)

    streamed = [_streamed(articles, seed, embedder) for seed in STREAM_SEEDS]
    incremental = [bcubed(stream_labels, labels) for stream_labels in streamed]
    agreement = [bcubed(stream_labels, batch_labels) for stream_labels in streamed]
    peer_labels = tfidf_average_linkage(articles)
    # ECB+ topics are kinds of event: how well stories fall inside their kind is told apart too.
    topic_labels = [label.split("_")[0] for label in labels] if kind == ECBPLUS else None

    return StoriesReport(
        dataset=kind,
        documents=len(documents),
        failed=tuple(failed),
        gold_stories=len(set(labels)),
        batch_stories=len(batch),
        batch=bcubed(batch_labels, labels),
        batch_topics=bcubed(batch_labels, topic_labels) if topic_labels is not None else None,
        incremental_stories=round(sum(len(set(stream_labels)) for stream_labels in streamed) / len(streamed)),
        incremental=_mean(incremental),
        incremental_f1_range=(min(b.f1 for b in incremental), max(b.f1 for b in incremental)),
        agreement=_mean(agreement),
        peer_stories=len(set(peer_labels)),
        peer=bcubed(peer_labels, labels),
        topics=topics,
        embedder=embedder.name if embedder else "none",
    )


def _streamed(articles: Sequence[Article], seed: int, embedder: Embedder | None) -> list[str]:
    """Each article's story from the incremental tracker fed the articles in the seed's random order."""
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    tracker = StoryTracker(embedder=embedder)
    for position in order:
        tracker.add(articles[position])
    return _labels(tracker.stories(), articles)


def _mean(scores: Sequence[BCubed]) -> BCubed:
    """The mean precision, recall and F1 of several runs."""
    count = len(scores)
    return BCubed(
        sum(s.precision for s in scores) / count,
        sum(s.recall for s in scores) / count,
        sum(s.f1 for s in scores) / count,
    )


def tfidf_average_linkage(articles: Sequence[Article], similarity: float = PEER_SIMILARITY) -> list[int]:
    """The peer: scikit-learn TF-IDF (sublinear tf, English stop words) over title and text, and
    average-linkage agglomerative clustering of cosine distances cut at `similarity`. Dense: n^2 memory."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(articles) < 2:
        return [0] * len(articles)
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [f"{a.title or ''}\n{a.text}" for a in articles]
    )
    distance = 1.0 - (matrix @ matrix.T).toarray()
    distance[distance < 0] = 0.0
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - similarity
    )
    return [int(label) for label in model.fit(distance).labels_]


def _in_split(number: int, topics: str) -> bool:
    return topics == "all" or (topics == "odd") == (number % 2 == 1)


def _labels(stories: Sequence[Story], articles: Sequence[Article]) -> list[str]:
    """The story id of each article, in the articles' order (articles with one id share a story)."""
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    return [story_of[a.id] for a in articles]


# ECB+ stores tokens; `read_document` joins them with spaces, which splits what a page writes as one
# number: "2, 117" (2,117), "2, 000ft" (a unit glued on), "4: 43 pm", "5. 6", "36 - 3", "59 - year - old"
# (what `_detokenise` leaves: a number after a currency sign, a hyphen, which may be a dash).
_SPLIT_NUMBER = re.compile(r"(?<=\d)(?:(, )(?=\d{3}(?!\d))|(: )(?=\d{2}\b)|(\. )(?=\d))")
_SPLIT_SCORE = re.compile(r"(?<!\d)(\d{1,3}) - (?=\d|year\b)")
_SPLIT_HYPHEN = re.compile(r"(?<=[^\W\d_]) - (?=[^\W\d_])")
# ... and a possessive: "Creighton’ s first eight points".
_SPLIT_POSSESSIVE = re.compile(r"(?<=\w)([’']) (?=s\b)")


def as_written(sentence: str) -> str:
    """The sentence as the page wrote it: numbers, times and hyphenated words joined again."""
    joined = _SPLIT_NUMBER.sub(lambda m: next(g for g in m.groups() if g).strip(), sentence)
    joined = _SPLIT_POSSESSIVE.sub(r"\1", joined)
    return _SPLIT_HYPHEN.sub("-", _SPLIT_SCORE.sub(r"\1-", joined))


def read_document(path: Path) -> str:
    """One ECB+ document as plain text (sentences as paragraphs; an `ecbplus` one without its URL line)."""
    return _document_text(path, drop_url=path.name.endswith("ecbplus.xml"))


def _document_text(path: Path, *, drop_url: bool) -> str:
    return read_ecbplus(path, drop_url=drop_url).text


def _pct(value: float) -> float:
    return round(100 * value, 2)
