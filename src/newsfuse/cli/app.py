"""The `newsfuse` command: thin wrappers over `newsfuse.service`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsfuse.cli.console import progress_bar, report_failures, write_output
from newsfuse.cli.evaluate import eval_app
from newsfuse.render.articles import articles_json, articles_markdown
from newsfuse.service import Newsfuse

app = typer.Typer(
    name="newsfuse",
    help="Turn many news articles about one event into one trustworthy, cited story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")


class ArticleFormat(StrEnum):
    json = "json"
    md = "md"


class BriefFormat(StrEnum):
    md = "md"
    json = "json"
    html = "html"


Inputs = Annotated[list[str], typer.Argument(help="Files, folders (read recursively), feeds or URLs.", show_default=False)]


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


@app.command()
def brief(
    inputs: Inputs,
    format: Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")] = BriefFormat.md,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """The whole pipeline: one brief per story. (Until story briefs land: the clean articles, listed.)"""
    with progress_bar("reading") as advance:
        batch = Newsfuse().articles(inputs, progress=advance)
    if format is BriefFormat.json:
        rendered = articles_json(batch.articles)
    else:
        rendered = articles_markdown(batch.articles)
    write_output(rendered, output)
    raise typer.Exit(report_failures(batch.failures))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
