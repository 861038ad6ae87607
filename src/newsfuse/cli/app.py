"""The `newsfuse` command: thin wrappers over `newsfuse.service`.

Nothing heavy is imported at module level: `newsfuse --help` and `--version` answer before the
pipeline's libraries (spaCy, scikit-learn, trafilatura) load, and each command imports the service
when it runs.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsfuse.cli.console import (
    EXIT_BAD_INPUT,
    FailureReport,
    Output,
    count_bar,
    progress_bar,
)
from newsfuse.cli.evaluate import eval_app
from newsfuse.cli.newsroom import ingest, serve, watch
from newsfuse.errors import NewsfuseError

if TYPE_CHECKING:
    from newsfuse.models.brief import Brief
    from newsfuse.service import Newsfuse

app = typer.Typer(
    name="newsfuse",
    help="Turn many news articles about one event into one trustworthy, cited story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(eval_app, name="eval")

# `brief --verify` found sentences its sources do not support.
EXIT_UNSUPPORTED = 1


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"newsfuse {version('newsfuse')}")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool, typer.Option("--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Turn many news articles about one event into one trustworthy, cited story."""


class ArticleFormat(StrEnum):
    json = "json"
    md = "md"


class BriefFormat(StrEnum):
    md = "md"
    json = "json"
    html = "html"
    jsonl = "jsonl"


class EngineName(StrEnum):
    local = "local"
    spark = "spark"


Inputs = Annotated[
    list[str], typer.Argument(help="Files, folders (read recursively), feeds or URLs.", show_default=False)
]
OutputPath = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]
AllowPrivate = Annotated[
    bool,
    typer.Option("--allow-private-urls", help="Fetch URLs on loopback and private networks too (refused by default)."),
]
Embedder = Annotated[str | None, typer.Option(help="Add a text embedding to clustering (hashing, minilm).")]


def _service(
    allow_private_urls: bool, *, embedder: str | None = None, llm_url: str | None = None, llm_model: str = "default"
) -> Newsfuse:
    from newsfuse import service

    composer = None
    if llm_url:
        composer = service.llm_composer(llm_url, llm_model, os.environ.get("NEWSFUSE_LLM_API_KEY"))
    return service.Newsfuse(
        service.read_options(allow_private_urls=allow_private_urls),
        composer=composer,
        embedder=service.make_embedder(embedder) if embedder else None,
    )


@app.command()
def articles(
    inputs: Inputs,
    format: Annotated[ArticleFormat, typer.Option("--format", "-f", help="Output format.")] = ArticleFormat.json,
    output: OutputPath = None,
    allow_private_urls: AllowPrivate = False,
) -> None:
    """Clean articles with their metadata."""
    from newsfuse.service import render_articles

    failures = FailureReport()
    service = _service(allow_private_urls)
    with progress_bar("reading") as advance:
        batch = service.articles(inputs, progress=advance, on_failure=failures.add)
    with Output(output) as out:
        out.write(render_articles(batch.articles, format.value))
    raise typer.Exit(failures.exit_code)


@app.command()
def stories(
    inputs: Inputs,
    format: Annotated[ArticleFormat, typer.Option("--format", "-f", help="Output format.")] = ArticleFormat.json,
    output: OutputPath = None,
    engine: Annotated[
        EngineName, typer.Option("--engine", envvar="NEWSFUSE_ENGINE", help="Where to run: this process or Spark.")
    ] = EngineName.local,
    spark_master: Annotated[
        str | None,
        typer.Option(envvar="NEWSFUSE_SPARK_MASTER", help="Spark master URL (default local[*], or spark-submit's)."),
    ] = None,
    embedder: Embedder = None,
    parquet: Annotated[
        Path | None,
        typer.Option(help="Spark only: write Parquet tables (articles, stories, failures) here instead of printing."),
    ] = None,
    briefs: Annotated[bool, typer.Option(help="With --parquet: also write each story's brief (JSON).")] = False,
    allow_private_urls: AllowPrivate = False,
) -> None:
    """Articles grouped into stories, one per real-world event."""
    from newsfuse import service

    if parquet is not None:
        if engine is not EngineName.spark:
            raise typer.BadParameter("--parquet needs --engine spark", param_hint="--parquet")
        run = service.write_parquet(inputs, parquet, spark_master=spark_master, embedder=embedder, briefs=briefs)
        typer.echo(f"{run.articles} articles in {run.stories} stories, {run.failures} failures -> {run.output}")
        raise typer.Exit(0)
    failures = FailureReport()
    selected = service.open_engine(
        engine.value,
        embedder=embedder,
        spark_master=spark_master,
        options=service.read_options(allow_private_urls=allow_private_urls),
    )
    try:
        with progress_bar("reading") as advance:
            batch = selected.stories(inputs, progress=advance)
    finally:
        selected.close()
    failures.extend(batch.failures)
    with Output(output) as out:
        out.write(service.render_stories(batch, format.value))
    raise typer.Exit(failures.exit_code)


@app.command()
def brief(
    inputs: Inputs,
    format: Annotated[
        BriefFormat, typer.Option("--format", "-f", help="Output format (jsonl: one brief a line, as each is done).")
    ] = BriefFormat.md,
    output: OutputPath = None,
    verify: Annotated[bool, typer.Option("--verify", help="Check every sentence against its cited spans.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", "-j", min=1, help="Stories briefed at once, in worker processes.")
    ] = os.cpu_count() or 1,
    llm_url: Annotated[
        str | None, typer.Option(envvar="NEWSFUSE_LLM_URL", help="OpenAI-compatible endpoint to reword the brief.")
    ] = None,
    llm_model: Annotated[
        str, typer.Option(envvar="NEWSFUSE_LLM_MODEL", help="Model name at that endpoint.")
    ] = "default",
    embedder: Embedder = None,
    allow_private_urls: AllowPrivate = False,
) -> None:
    """The whole pipeline: one cited brief per story."""
    from newsfuse.service import brief_line, render_briefs

    failures = FailureReport()
    service = _service(allow_private_urls, embedder=embedder, llm_url=llm_url, llm_model=llm_model)
    with progress_bar("reading") as advance:
        batch = service.articles(inputs, progress=advance, on_failure=failures.add)
    groups = service.group(batch.articles)
    done: dict[str, Brief] = {}
    with Output(output) as out, count_bar("briefing story", len(groups)) as advance:
        for story_id, story_brief in service.brief_groups(groups, workers=workers):
            done[story_id] = story_brief
            if story_brief.error is not None:
                failures.incomplete(story_id, story_brief.error)
            if format is BriefFormat.jsonl:
                out.write(brief_line(story_brief))
            advance(1)
        briefs = [done[story_id] for story_id, _ in groups]
        if format is not BriefFormat.jsonl:
            out.write(render_briefs(briefs, format.value))
    code = failures.exit_code
    if verify:
        findings = [(b, f) for b in briefs for f in service.verify(b)]
        for story, finding in findings:
            typer.echo(
                f"newsfuse: unsupported in {story.story_id} {finding.section}: {finding.text!r}: "
                f"{'; '.join(finding.reasons)}",
                err=True,
            )
        typer.echo(
            f"newsfuse: verified {sum(len(b.lede) + len(b.sections.all_sentences()) for b in briefs)} sentences, "
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
    except NewsfuseError as error:  # a bad setting (an unknown embedder, a missing extra): one line
        print(f"newsfuse: {error}", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)
