"""Summary quality on NeuS (neus-val): what a reader of the brief meets first, its headline and its
lede (`Brief.lede`, chosen by brief.lede), against the human-written neutral summary, by ROUGE-1/2/L
F1 with stemming, beside lead, LexRank and centroid baselines computed in the same run.

Each story is briefed by the whole pipeline, as `newsfuse brief` would brief it. The reference is the
target's title and text, as in the published NeuS figures. `part` scores the calibration stories
(the first CALIBRATION_STORIES lines, on which the brief's weights were chosen), the held-out rest,
or all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

import numpy as np
from rouge_score import rouge_scorer

from newsfuse.brief.salience import lexrank_scores, tfidf_vectors
from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.models import Article, article_id, join_paragraphs
from newsfuse.models.brief import Brief
from newsfuse.text.normalize import normalize_line
from newsfuse.text.sentences import split_sentences

_ITEM = re.compile(r"TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<body>.*)", re.DOTALL)
# Baselines get the same length budget as the reference summaries' median (about 3 sentences).
BASELINE_SENTENCES = 3
# The centroid baseline skips a sentence this similar (TF-IDF cosine) to one it has chosen.
CENTROID_REPEAT_COSINE = 0.5
# The stories (lines) the brief's weights were calibrated on; the rest are held out.
CALIBRATION_STORIES = 100
PARTS = ("all", "calibration", "held_out")


@dataclass(frozen=True, slots=True)
class Story:
    articles: tuple[Article, ...]
    reference: str


def parse_line(line: str, number: int) -> list[Article]:
    articles = []
    for index, chunk in enumerate(line.split("[SEP]")):
        match = _ITEM.search(chunk)
        if not match:
            raise EvaluationDataError(f"line {number}, part {index + 1}: no 'TITLE=> ... ARTICLE=>' fields")
        # As every reader of the pipeline does (clean/): no-break spaces and the like become spaces.
        title, body = normalize_line(match.group("title")), normalize_line(match.group("body"))
        text, paragraphs = join_paragraphs([body])
        articles.append(
            Article(
                id=article_id(text, title=title, source=f"{number}-{index}"),
                text=text,
                paragraphs=paragraphs,
                title=title or None,
            )
        )
    return articles


def reference_text(line: str) -> str:
    match = _ITEM.search(line)
    if not match:
        return line.strip()
    return f"{match.group('title').strip()} {match.group('body').strip()}"


def source_file(data: Path) -> Path:
    """The `*.source` file of a NeuS-format set: `data` itself, or the one a folder holds."""
    if not data.is_dir():
        return require(data, "NeuS .source file")
    found = sorted(require(data, "NeuS folder").glob("*.source"))
    if not found:
        raise EvaluationDataError(f"{data}: no *.source file (NeuS format: NAME.source beside NAME.target)")
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise EvaluationDataError(f"{data}: holds several sets ({names}); pass one of them with --data")
    return found[0]


def load(data: Path, limit: int | None = None, part: str = "all") -> list[Story]:
    if part not in PARTS:
        raise EvaluationDataError(f"unknown part {part!r}: choose one of {', '.join(PARTS)}")
    source = source_file(data)
    target = require(source.with_suffix(".target"), f"{source.stem}.target beside {source.name}")
    sources = source.read_text(encoding="utf-8").splitlines()
    targets = target.read_text(encoding="utf-8").splitlines()
    if len(sources) != len(targets):
        raise EvaluationDataError(f"{source}: {len(sources)} stories but {len(targets)} summaries in {target.name}")
    stories = [
        Story(tuple(parse_line(s, n)), reference_text(t))
        for n, (s, t) in enumerate(zip(sources, targets, strict=True), start=1)
    ]
    if part == "calibration":
        stories = stories[:CALIBRATION_STORIES]
    elif part == "held_out":
        stories = stories[CALIBRATION_STORIES:]
    return stories[:limit]


Briefer = Callable[[str, Sequence[Article]], Brief]


def lede_text(brief: Brief) -> str:
    """What the reader meets first: the brief's headline, then its lede."""
    return " ".join([brief.headline, *(sentence.text for sentence in brief.lede)])


def lead(story: Story) -> str:
    """The first sentences of the first article, with its title."""
    first = story.articles[0]
    sentences = [s.text for s in split_sentences(first.text)][:BASELINE_SENTENCES]
    return " ".join([first.title or "", *sentences]).strip()


def lexrank(story: Story) -> str:
    """Plain LexRank over all the story's sentences (the published NeuS baseline's method)."""
    sentences = [s.text for article in story.articles for s in split_sentences(article.text)]
    if not sentences:
        return ""
    vectors = tfidf_vectors(sentences)
    scores = lexrank_scores(vectors @ vectors.T)
    return " ".join(sentences[i] for i in sorted(range(len(sentences)), key=lambda i: -scores[i])[:BASELINE_SENTENCES])


def centroid(story: Story) -> str:
    """Centroid TF-IDF (MEAD's idea): the sentences nearest the story's mean TF-IDF vector, skipping near-repeats."""
    sentences = [s.text for article in story.articles for s in split_sentences(article.text)]
    if not sentences:
        return ""
    vectors = tfidf_vectors(sentences)
    middle = vectors.mean(axis=0)
    scores = vectors @ middle / (float(np.linalg.norm(middle)) or 1.0)
    chosen: list[int] = []
    for index in np.argsort(-scores, kind="stable"):
        if any(float(vectors[index] @ vectors[other]) >= CENTROID_REPEAT_COSINE for other in chosen):
            continue
        chosen.append(int(index))
        if len(chosen) == BASELINE_SENTENCES:
            break
    return " ".join(sentences[i] for i in chosen)


PEERS: dict[str, Callable[[Story], str]] = {"lead": lead, "lexrank": lexrank, "centroid": centroid}


def evaluate_summaries(
    data: Path,
    *,
    limit: int | None = None,
    out: Path | None = None,
    part: str = "all",
    briefer: Briefer | None = None,
) -> dict[str, Any]:
    """ROUGE of each story's brief (by `briefer`, default the whole pipeline) and of the peers.
    `newsfuse_incomplete` counts briefs that stopped short (past their time budget, or failed)."""
    stories = load(data, limit, part)
    if briefer is None:
        from newsfuse.service import Newsfuse

        briefer = Newsfuse().brief_story
    briefs = [briefer(str(number), story.articles) for number, story in enumerate(stories, start=1)]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    figures: dict[str, Any] = {"set": "summaries", "part": part, "stories": len(stories)}
    figures["newsfuse_incomplete"] = sum(not brief.complete for brief in briefs)
    predictions = [lede_text(brief) for brief in briefs]
    systems = {"newsfuse": predictions, **{name: [peer(story) for story in stories] for name, peer in PEERS.items()}}
    for name, outputs in systems.items():
        scores = [scorer.score(story.reference, output) for story, output in zip(stories, outputs, strict=True)]
        for metric in ("rouge1", "rouge2", "rougeL"):
            figures[f"{name}_{metric}"] = round(100 * mean(s[metric].fmeasure for s in scores), 2)
    if out is not None:
        out.write_text("\n".join(p.replace("\n", " ") for p in predictions) + "\n", encoding="utf-8")
    return figures
