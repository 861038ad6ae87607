"""Opinion pieces told by their narration (issue 22): how well the article flag that keeps a piece's
lines out of the brief's reporting sections finds PolNeAR's editorials, columns, op-eds, letters and
argued analyses, and how often it takes a report for one.

A labels file names a PolNeAR split (`"polnear": "train"`) and labels some of its texts, chosen by a
fixed stride over the file list, as `report` or `opinion` by reading them (never by outlet or author).
An article is flagged as the brief flags it: its headline or first-person narration marks an opinion
piece (`brief.extractive.opinion_piece`), or its narration argues as a whole (`extract.stance`).

Precision matters more than recall: a report flagged loses all its lines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.brief.extractive import opinion_piece
from newsfuse.clean import Cleaner
from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.evaluation.polnear import read_metadata
from newsfuse.extract.parsing import SpacyParser
from newsfuse.extract.stance import story_stance
from newsfuse.models import Article, RawDocument

LABELS = ("report", "opinion")


@dataclass(frozen=True, slots=True)
class ArticleLabel:
    name: str  # the text's file name in the split's text/ folder, without ".txt"
    label: str


def load_labels(path: Path) -> tuple[str, list[ArticleLabel]]:
    """The split a labels file reads and its labelled articles."""
    record = json.loads(require(path, "opinion labels file").read_text(encoding="utf-8"))
    if not isinstance(record, dict) or "polnear" not in record or "articles" not in record:
        raise EvaluationDataError(f"{path}: not an opinion labels file (needs 'polnear' and 'articles')")
    labels = [ArticleLabel(row["name"], row["label"]) for row in record["articles"]]
    for label in labels:
        if label.label not in LABELS:
            raise EvaluationDataError(f"{path}: {label.name}: label {label.label!r} is none of {LABELS}")
    return str(record["polnear"]), labels


def flagged(articles: list[Article]) -> set[str]:
    """The ids of the articles the brief takes for opinion pieces."""
    docs = SpacyParser().parse([a.text for a in articles])
    arguing = story_stance(articles, docs).arguing
    return {a.id for a in articles if a.id in arguing or opinion_piece(a)}


def evaluate_opinion(path: Path, polnear: Path) -> dict[str, Any]:
    """`polnear` is the PolNeAR folder (holding metadata.tsv and the split folders)."""
    split, labels = load_labels(path)
    metadata = read_metadata(require(polnear / "metadata.tsv", "PolNeAR metadata.tsv"))
    raws = []
    for label in labels:
        text = require(polnear / split / "text" / f"{label.name}.txt", "PolNeAR text")
        row = metadata.get(label.name)
        if row is None:
            raise EvaluationDataError(f"{polnear}: {label.name} has no row in metadata.tsv")
        raws.append(
            RawDocument(
                origin=label.name,
                content=text.read_text(encoding="utf-8"),
                format="text",
                title=row.title,
                source=row.publisher,
                published=row.published,
            )
        )
    articles = [a for a in Cleaner().clean_batch(raws) if isinstance(a, Article)]
    if len(articles) != len(labels):
        raise EvaluationDataError(f"{path}: {len(labels) - len(articles)} labelled texts could not be cleaned")
    flags = flagged(articles)
    is_flagged = {a.origin: a.id in flags for a in articles}
    opinions = [lab.name for lab in labels if lab.label == "opinion"]
    hits = [lab.name for lab in labels if is_flagged[lab.name]]
    true = [name for name in hits if name in opinions]
    return {
        "articles": len(labels),
        "opinion": len(opinions),
        "flagged": len(hits),
        "precision": round(len(true) / len(hits), 3) if hits else None,
        "recall": round(len(true) / len(opinions), 3) if opinions else None,
        "reports_flagged": sorted(name for name in hits if name not in opinions),
        "opinion_missed": sorted(name for name in opinions if not is_flagged[name]),
    }
