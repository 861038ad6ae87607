"""Summary quality on NeuS (neus-val): the brief's lede (headline and the two most salient
`what_happened` sentences) against the human-written neutral summary, by ROUGE-1/2/L F1 with
stemming, beside lead and LexRank baselines computed in the same run.

The reference is the target's title and text, as in the published NeuS figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

from rouge_score import rouge_scorer

from newsfuse.brief.extractive import ExtractiveComposer
from newsfuse.brief.salience import lexrank_scores, tfidf_vectors
from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require
from newsfuse.models import Article, article_id, join_paragraphs
from newsfuse.text.sentences import split_sentences

_ITEM = re.compile(r"TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<body>.*)", re.DOTALL)
# Our summary is the brief's lede: the headline and this many what-happened sentences, the length
# of the references (about 60 words).
LEDE_SENTENCES = 2
# Baselines get the same length budget as the reference summaries' median (about 3 sentences).
BASELINE_SENTENCES = 3


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
        title, body = match.group("title").strip(), match.group("body").strip()
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


def load(data: Path, limit: int | None = None) -> list[Story]:
    source = require(data / "val.source" if data.is_dir() else data, "val.source")
    target = require(source.with_suffix(".target"), "val.target")
    sources = source.read_text(encoding="utf-8").splitlines()
    targets = target.read_text(encoding="utf-8").splitlines()
    if len(sources) != len(targets):
        raise EvaluationDataError(f"{source}: {len(sources)} stories but {len(targets)} summaries")
    stories = [
        Story(tuple(parse_line(s, n)), reference_text(t))
        for n, (s, t) in enumerate(zip(sources, targets, strict=True), start=1)
    ]
    return stories[:limit]


def ours(story: Story) -> str:
    """The brief's lede: its headline and the two most salient sentences of `what_happened`."""
    composition = ExtractiveComposer().compose(story.articles)
    happened = {s.text for s in composition.sections.what_happened}
    lede = [f.lead.text for f in composition.facts if f.lead.text in happened][:LEDE_SENTENCES]
    return " ".join(([composition.headline.text] if composition.headline else []) + lede)


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


SYSTEMS: dict[str, Callable[[Story], str]] = {"newsfuse": ours, "lead": lead, "lexrank": lexrank}


def evaluate_summaries(data: Path, *, limit: int | None = None, out: Path | None = None) -> dict[str, Any]:
    stories = load(data, limit)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    figures: dict[str, Any] = {"set": "summaries", "stories": len(stories)}
    predictions: list[str] = []
    for name, system in SYSTEMS.items():
        outputs = [system(story) for story in stories]
        if name == "newsfuse":
            predictions = outputs
        scores = [scorer.score(story.reference, output) for story, output in zip(stories, outputs, strict=True)]
        for metric in ("rouge1", "rouge2", "rougeL"):
            figures[f"{name}_{metric}"] = round(100 * mean(s[metric].fmeasure for s in scores), 2)
    if out is not None:
        out.write_text("\n".join(p.replace("\n", " ") for p in predictions) + "\n", encoding="utf-8")
    return figures
