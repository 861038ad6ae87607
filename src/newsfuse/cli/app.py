"""The `newsfuse` command: thin wrappers over `newsfuse.service`."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsfuse.brief.llm import LlmComposer, LlmSettings
from newsfuse.cli.console import progress_bar, report_failures, write_output
from newsfuse.cli.evaluate import eval_app
from newsfuse.cli.newsroom import ingest, serve, watch
from newsfuse.engine import make_engine
from newsfuse.engine.spark import SparkEngine, SparkSettings
from newsfuse.render.articles import articles_json, articles_markdown
from newsfuse.render.brief import briefs_json, briefs_markdown
from newsfuse.render.html import HtmlRenderer
from newsfuse.render.stories import stories_json, stories_markdown
from newsfuse.service import Newsfuse
from newsfuse.stories import EMBEDDERS

app = typer.Typer(
    name="newsfuse",
    help="Turn many news articles about one event into one trustworthy, cited story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")

# `brief --verify` found sentences its sources do not support.
EXIT_UNSUPPORTED = 1


class ArticleFormat(StrEnum):
    json = "json"
    md = "md"


class BriefFormat(StrEnum):
    md = "md"
    json = "json"
    html = "html"


Inputs = Annotated[
    list[str], typer.Argument(help="Files, folders (read recursively), feeds or URLs.", show_default=False)
]


@app.command()
def articles(
    inputs: Inputs,
    format: Annotated[ArticleFormat, typer.Option("--format", "-f", help="Output format.")] = ArticleFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Clean articles with their metadata."""
    with progress_bar("reading") as advance:
        batch = Newsfuse().articles(inputs, progress=advance)
    rendered = articles_json(batch.articles) if format is ArticleFormat.json else articles_markdown(batch.articles)
    write_output(rendered, output)
    raise typer.Exit(report_failures(batch.failures))


class EngineName(StrEnum):
    local = "local"
    spark = "spark"


@app.command()
def stories(
    inputs: Inputs,
    format: Annotated[ArticleFormat, typer.Option("--format", "-f", help="Output format.")] = ArticleFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    engine: Annotated[
        EngineName, typer.Option("--engine", envvar="NEWSFUSE_ENGINE", help="Where to run: this process or Spark.")
    ] = EngineName.local,
    spark_master: Annotated[
        str | None,
        typer.Option(envvar="NEWSFUSE_SPARK_MASTER", help="Spark master URL (default local[*], or spark-submit's)."),
    ] = None,
    embedder: Annotated[
        str | None, typer.Option(help=f"Add a text embedding to clustering: {', '.join(EMBEDDERS)}.")
    ] = None,
    parquet: Annotated[
        Path | None,
        typer.Option(help="Spark only: write Parquet tables (articles, stories, failures) here instead of printing."),
    ] = None,
    briefs: Annotated[bool, typer.Option(help="With --parquet: also write each story's brief (JSON).")] = False,
) -> None:
    """Articles grouped into stories, one per real-world event."""
    if parquet is not None:
        if engine is not EngineName.spark:
            raise typer.BadParameter("--parquet needs --engine spark", param_hint="--parquet")
        spark = SparkEngine(SparkSettings(master=spark_master), embedder=embedder)
        try:
            run = spark.write(inputs, parquet, briefs=briefs)
        finally:
            spark.close()
        typer.echo(f"{run.articles} articles in {run.stories} stories, {run.failures} failures -> {run.output}")
        raise typer.Exit(0)
    selected = make_engine(engine.value, embedder=embedder, spark_master=spark_master)
    try:
        with progress_bar("reading") as advance:
            batch = selected.stories(inputs, progress=advance)
    finally:
        selected.close()
    if format is ArticleFormat.json:
        rendered = stories_json(batch.stories, batch.articles)
    else:
        rendered = stories_markdown(batch.stories, batch.articles)
    write_output(rendered, output)
    raise typer.Exit(report_failures(batch.failures))


@app.command()
def brief(
    inputs: Inputs,
    format: Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")] = BriefFormat.md,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    verify: Annotated[bool, typer.Option("--verify", help="Check every sentence against its cited spans.")] = False,
    llm_url: Annotated[
        str | None, typer.Option(envvar="NEWSFUSE_LLM_URL", help="OpenAI-compatible endpoint to reword the brief.")
    ] = None,
    llm_model: Annotated[
        str, typer.Option(envvar="NEWSFUSE_LLM_MODEL", help="Model name at that endpoint.")
    ] = "default",
) -> None:
    """The whole pipeline: one cited brief per story."""
    composer = None
    if llm_url:
        composer = LlmComposer(LlmSettings(llm_url, llm_model, api_key=os.environ.get("NEWSFUSE_LLM_API_KEY")))
    service = Newsfuse(composer=composer)
    with progress_bar("reading") as advance:
        batch = service.articles(inputs, progress=advance)
    briefs = service.briefs(batch.articles)
    if format is BriefFormat.json:
        rendered = briefs_json(briefs)
    elif format is BriefFormat.html:
        rendered = HtmlRenderer().render(briefs)
    else:
        rendered = briefs_markdown(briefs)
    write_output(rendered, output)
    code = report_failures(batch.failures)
    if verify:
        findings = [(b, f) for b in briefs for f in service.verify(b)]
        for story, finding in findings:
            typer.echo(
                f"newsfuse: unsupported in {story.story_id} {finding.section}: {finding.text!r}: "
                f"{'; '.join(finding.reasons)}",
                err=True,
            )
        typer.echo(
            f"newsfuse: verified {sum(len(b.sections.all_sentences()) for b in briefs)} sentences, "
            f"{len(findings)} unsupported",
            err=True,
        )
        code = code or (EXIT_UNSUPPORTED if findings else 0)
    raise typer.Exit(code)


# The store-backed commands live in newsfuse.cli.newsroom.
app.command()(ingest)
app.command()(watch)
app.command()(serve)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
