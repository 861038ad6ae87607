"""`newsfuse eval SET`: quality figures on the data sets in ../shared/eval, as JSON on the last line."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import default_data_path

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
    data: DataOption = None, limit: Annotated[int | None, typer.Option(help="Only the first N pages.")] = None
) -> None:
    """Main-text extraction on fundus-eval pages: ROUGE-LSum P/R/F1 over paragraphs."""
    from newsfuse.evaluation.extraction import evaluate_extraction

    try:
        _emit(evaluate_extraction(data or default_data_path("fundus-eval"), limit=limit).figures())
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
    topics: Annotated[
        TopicSplit, typer.Option(help="A half of the set by parity: ECB+ topics, or NeuS stories (lines).")
    ] = TopicSplit.all,
    embedder: Annotated[str | None, typer.Option(help="Add an embedder's cosine: hashing or minilm.")] = None,
) -> None:
    """Story clustering on ECB+ or NeuS (--data): BCubed P/R/F1, batch and incremental, beside TF-IDF."""
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
