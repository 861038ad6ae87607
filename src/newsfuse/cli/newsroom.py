"""The store-backed commands: `ingest`, `watch` and `serve` (thin wrappers over `newsfuse.service.Newsroom`)."""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from newsfuse.cli.console import EXIT_BAD_INPUT, progress_bar, report_failures, report_left_out
from newsfuse.config import DEFAULT_DB
from newsfuse.errors import ConfigError, StoreError

if TYPE_CHECKING:  # the service loads the whole pipeline: imported when a command runs, not for --help
    from newsfuse.service import FeedState, Ingested, Newsroom, Placement

Db = Annotated[
    str,
    typer.Option(
        "--db", envvar="NEWSFUSE_DB", help="The store: a SQLite file (sqlite:///path also works) or postgresql://..."
    ),
]
AllowPrivate = Annotated[
    bool,
    typer.Option("--allow-private-urls", help="Fetch URLs on loopback and private networks too (refused by default)."),
]
FetchPages = Annotated[bool, typer.Option("--fetch-pages", help="Fetch each feed item's page, not only its summary.")]


# Seconds an idle keep-alive connection stays open. uvicorn's default (5 s) is shorter than a busy
# client's pause between requests while writes queue, and a client reusing a connection the server
# is closing sees it drop (the load test saw 8 of 1,300 requests fail so); 75 s is what common proxies
# and load balancers keep upstream connections for.
KEEP_ALIVE_S = 75
# On shutdown, requests in flight get this long to finish. A request never waits for a brief (they
# are rebuilt in the background, and a worker process is stopped at once), so a few seconds is ample.
GRACEFUL_SHUTDOWN_S = 3


def _open(db: str, allow_private: bool, fetch_pages: bool) -> Newsroom:
    from newsfuse.service import Newsroom

    try:
        return Newsroom.open(db, allow_private_urls=allow_private, fetch_pages=fetch_pages)
    except (StoreError, ConfigError) as exc:
        print(f"newsfuse: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_BAD_INPUT) from None


def _acknowledge(placement: Placement) -> None:
    """One line per article on stdout as soon as it is committed: id, story, whether it was new."""
    state = "added" if placement.added else "known"
    print(f"{placement.article_id}\t{placement.story_id}\t{state}", flush=True)


def _summary(done: Ingested) -> str:
    added = sum(1 for p in done.placements if p.added)
    stories = len({p.story_id for p in done.placements})
    left_out = f"; {len(done.left_out)} left out of their briefs" if done.left_out else ""
    return (
        f"{len(done.placements)} article{'s' if len(done.placements) != 1 else ''} ({added} new) "
        f"in {stories} stor{'y' if stories == 1 else 'ies'}; {len(done.refreshed)} brief(s) refreshed{left_out}"
    )


def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, feeds or URLs.", show_default=False)],
    db: Db = DEFAULT_DB,
    allow_private_urls: AllowPrivate = False,
    fetch_pages: FetchPages = False,
) -> None:
    """Read articles into the store: each joins its story, whose brief is refreshed.

    A bad input is reported and skipped; an article its story's brief fails with is stored, reported,
    and left out of the brief (exit code 2 for either)."""
    newsroom = _open(db, allow_private_urls, fetch_pages)
    try:
        with progress_bar("reading") as advance:
            done = newsroom.ingest(inputs, progress=advance, on_placed=_acknowledge)
    finally:
        newsroom.store.close()
    print(f"newsfuse: {_summary(done)} in {newsroom.store.url}", file=sys.stderr)
    skipped = report_failures(done.failures)
    raise typer.Exit(report_left_out(done.left_out) or skipped)


def watch(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs (or feed files).", show_default=False)],
    every: Annotated[float, typer.Option("--every", min=0.05, help="Minutes between polls of each feed.")] = 15.0,
    db: Db = DEFAULT_DB,
    rounds: Annotated[int | None, typer.Option("--rounds", min=1, help="Stop after this many rounds.")] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll each feed once and stop (--rounds 1).")] = False,
    allow_private_urls: AllowPrivate = False,
    fetch_pages: FetchPages = False,
) -> None:
    """Poll feeds into the store (conditional GET; a failing feed backs off; one bad feed never stops the others)."""
    newsroom = _open(db, allow_private_urls, fetch_pages)
    failed: set[str] = set()

    def report(feed: str, done: Ingested | None, state: FeedState) -> None:
        if done is None:
            failed.add(feed)
            print(
                f"newsfuse: {feed}: {state.last_error} (failure {state.failures}; next try {state.next_due:%H:%M:%S})",
                file=sys.stderr,
            )
            return
        failed.discard(feed)
        for placement in done.placements:
            _acknowledge(placement)
        report_failures(done.failures)
        report_left_out(done.left_out)
        print(f"newsfuse: {feed}: {_summary(done) if done.placements else 'nothing new'}", file=sys.stderr)

    try:
        newsroom.watch(feeds, timedelta(minutes=every), rounds=1 if once else rounds, report=report)
    except KeyboardInterrupt:
        pass
    finally:
        newsroom.store.close()
    raise typer.Exit(EXIT_BAD_INPUT if failed else 0)


def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_private_urls: AllowPrivate = False,
    fetch_pages: FetchPages = False,
) -> None:
    """The REST API and the web pages. Writes need a bearer token when NEWSFUSE_API_TOKEN is set.

    The server listens at once: briefs are rebuilt in a worker process in the background (stale ones
    caught up there), a write is answered once its article is committed, and SIGTERM stops it within
    seconds."""
    import uvicorn

    from newsfuse.api import Settings, create_app

    settings = Settings.from_env(db=db, allow_private_urls=allow_private_urls, fetch_pages=fetch_pages)
    # Opened here, not on the server's startup, so that a bad store is one clear line and exit code 2.
    newsroom = _open(settings.db, settings.allow_private_urls, settings.fetch_pages)
    try:
        stale = len(newsroom.store.stale_stories())
        if stale:
            print(f"newsfuse: {stale} brief(s) left stale: rebuilding them in the background", file=sys.stderr)
        app = create_app(settings, newsroom)
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="info",
            timeout_keep_alive=KEEP_ALIVE_S,
            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
        )
    finally:
        newsroom.close()
