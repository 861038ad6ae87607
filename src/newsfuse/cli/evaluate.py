"""`newsfuse eval SET`: quality figures on the data sets in ../shared/eval, as JSON on the last line."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import default_data_path
from newsfuse.evaluation.extraction_sets import Half

eval_app = typer.Typer(help="Measure quality on the evaluation sets (../shared/eval by default).", no_args_is_help=True)

DataOption = Annotated[
    Path | None, typer.Option("--data", help="The data set (default: its folder in ../shared/eval).")
]


def _emit(figures: dict[str, Any]) -> None:
    typer.echo(json.dumps(figures, sort_keys=True))


def _fail(exc: EvaluationDataError) -> None:
    typer.echo(f"newsfuse: {exc}", err=True)
    raise typer.Exit(2)


@eval_app.command("extraction")
def extraction_cli(
    data: DataOption = None,
    half: Annotated[Half, typer.Option(help="Only the pages of that half of the publishers or sites.")] = Half.all,
    limit: Annotated[int | None, typer.Option(help="Only the first N pages.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (each page is extracted on its own).")] = 1,
) -> None:
    """Main-text extraction, newsfuse beside plain trafilatura on the same pages.

    Reads fundus-eval (html/*.html.gz + ground_truth.json: ROUGE-LSum and token F1) or trafilatura's
    benchmark (html/*.gz + evaldata.json: snippet precision, recall and F1).
    """
    from newsfuse.evaluation.extraction import compare_extraction

    try:
        _emit(compare_extraction(data or default_data_path("fundus-eval"), half=half, limit=limit, workers=workers))
    except EvaluationDataError as exc:
        _fail(exc)


@eval_app.command("summaries")
def summaries_cli(
    data: DataOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write our summaries here, one a line.")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N stories.")] = None,
) -> None:
    """Multi-document summaries on NeuS: ROUGE-1/2/L of `what_happened` vs lead and LexRank baselines."""
    from newsfuse.evaluation.summaries import evaluate_summaries

    try:
        _emit(evaluate_summaries(data or default_data_path("neus-val"), limit=limit, out=out))
    except EvaluationDataError as exc:
        _fail(exc)


@eval_app.command("claims")
def claims_cli(
    data: DataOption = None, limit: Annotated[int | None, typer.Option(help="Only the first N pairs.")] = None
) -> None:
    """Claim differences on ClaimDiff: P/R/F1 of "weakens" vs always-weakens and negation baselines."""
    from newsfuse.evaluation.claims import DEFAULT_FILE, evaluate_claims

    try:
        _emit(evaluate_claims(data or default_data_path("claimdiff-train") / DEFAULT_FILE, limit=limit))
    except EvaluationDataError as exc:
        _fail(exc)


class TopicSplit(StrEnum):
    all = "all"
    odd = "odd"
    even = "even"


@eval_app.command("stories")
def stories_cli(
    data: DataOption = None,
    topics: Annotated[TopicSplit, typer.Option(help="ECB+ topics (odd ones calibrated).")] = TopicSplit.all,
    embedder: Annotated[str | None, typer.Option(help="Add an embedder's cosine: hashing or minilm.")] = None,
) -> None:
    """Story clustering on ECB+: BCubed P/R/F1 at sub-topic level, batch and incremental."""
    from newsfuse.errors import ConfigError
    from newsfuse.evaluation.stories import evaluate_stories
    from newsfuse.stories import make_embedder

    try:
        chosen = make_embedder(embedder) if embedder else None
        report = evaluate_stories(data or default_data_path("ecbplus-dev"), topics=topics.value, embedder=chosen)
        _emit(report.figures())
    except (EvaluationDataError, ConfigError) as exc:
        typer.echo(f"newsfuse: {exc}", err=True)
        raise typer.Exit(2) from None
