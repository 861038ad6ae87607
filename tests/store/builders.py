"""Builders shared by the store, API and web tests: the pipeline (loaded once), the seed articles,
local feeds and pages served on loopback, a throwaway PostgreSQL server."""

from __future__ import annotations

import http.server
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import cache
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from newsfuse.evaluation.stories import load_ecbplus
from newsfuse.models import Article, RawDocument
from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, REPO, need, seed_paths


@cache
def pipeline() -> Newsfuse:
    """One pipeline for the whole session: its models load once."""
    return Newsfuse()


@cache
def seed_articles() -> tuple[Article, ...]:
    """The five seed articles, cleaned, in file order."""
    batch = pipeline().articles([str(p) for p in seed_paths()])
    assert not batch.failures, batch.failures
    return batch.articles


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in seed_paths()]


@cache
def ecb_reports() -> dict[str, str]:
    """ECB+ dev documents (real news reports) by file name, as plain text."""
    return {d.name: d.text for d in load_ecbplus(need(EVAL / "ecbplus-dev"))}


def hung_report() -> str:
    """The real 5.6 KB report (ECB+ dev 9_11ecbplus) whose brief once never ended and, posted to the
    server, wedged its write path."""
    return ecb_reports()["9_11ecbplus.xml"]


def long_text(chars: int) -> str:
    """Real prose at least `chars` long: ECB+ dev reports one after another (repeated when needed)."""
    reports = list(ecb_reports().values())
    parts: list[str] = []
    size = 0
    while size < chars:
        parts.append(reports[len(parts) % len(reports)])
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)


def rss(items: list[tuple[str, str, str]], title: str = "Seed wire") -> bytes:
    """An RSS 2.0 feed of (title, link, body) items; the body travels as escaped HTML paragraphs."""
    entries = []
    for item_title, link, body in items:
        html = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n") if p.strip())
        entries.append(
            f"<item><title>{xml_escape(item_title)}</title><link>{xml_escape(link)}</link>"
            f"<description>{xml_escape(html)}</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://127.0.0.1/</link><description>test feed</description>{''.join(entries)}</channel></rss>"
    ).encode()


@dataclass
class Site:
    """What a loopback web server serves (path -> (status, content type, body)) and what it was asked."""

    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    etags: dict[str, str] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    base: str = ""


@contextmanager
def serve_site() -> Iterator[Site]:
    """A real HTTP server on 127.0.0.1 (a free port) honouring If-None-Match, for fetch and feed tests."""
    site = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            status, kind, body = site.pages.get(self.path, (404, "text/plain", b"not found"))
            etag = site.etags.get(self.path)
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", format_datetime(_EPOCH, usegmt=True))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read `site.requests` instead."""

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


_EPOCH = datetime(2025, 9, 3, 12, 0, tzinfo=UTC)


class PostgresServer:
    """A PostgreSQL server on loopback in a temporary folder (scripts/postgres-test-server), or the
    reason none can be had here."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="newsfuse-pg-"))
        # The server runs as an unprivileged user when the tests run as root: it must reach the folder.
        self.folder.chmod(0o755)
        self.url: str | None = None
        self.problem: str | None = None
        self._databases = 0
        script = REPO / "scripts" / "postgres-test-server"
        try:
            started = subprocess.run(
                [str(script), "start", str(self.folder / "pg")],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.problem = f"cannot run {script.name}: {exc}"
            return
        if started.returncode != 0:
            lines = started.stderr.strip().splitlines() or ["no message"]
            self.problem = f"{script.name} could not start PostgreSQL: {lines[-1]}"
            return
        self.url = started.stdout.strip().splitlines()[-1]

    def new_database(self) -> str:
        """The URL of a fresh, empty database on the server."""
        import psycopg

        assert self.url is not None
        self._databases += 1
        name = f"newsfuse_test_{os.getpid()}_{self._databases}"
        with psycopg.connect(self.url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
        return self.url.rsplit("/", 1)[0] + "/" + name

    def stop(self) -> None:
        script = REPO / "scripts" / "postgres-test-server"
        subprocess.run([str(script), "stop", str(self.folder / "pg")], capture_output=True, timeout=120, check=False)
        subprocess.run(["rm", "-rf", str(self.folder)], check=False)


@dataclass(frozen=True)
class FailedBrief:
    """A SQLite store whose one story's brief failed with one of its articles (`left_out`, with
    `problem`): briefed by the real pipeline, the long report's briefs under a budget already spent."""

    path: Path
    story_id: str
    briefed: Article
    left_out: Article
    problem: str
    attempts: int


# The short report's time budget: ample for a 5.4 KB report (about 2 s here). A brief holding the
# 44,000-character report gets a budget already spent, so it runs out at the pipeline's first check
# whatever the machine's speed (a wall-clock race against a real budget failed on a quiet machine).
SHORT_BUDGET_S = 30.0
SPENT_BUDGET_S = 0.0


def failed_brief_store(folder: Path) -> FailedBrief:
    from datetime import UTC

    from newsfuse.newsroom.briefing import Briefer
    from newsfuse.service import open_store

    service = pipeline()
    short = service.articles_from_documents([posted(hung_report(), "https://wire.example/hung")]).articles[0]
    long = service.articles_from_documents([posted(long_text(44_000)[:44_000], "https://wire.example/long")])
    [lengthy] = long.articles
    path = folder / "failed-brief.db"
    store = open_store(str(path))
    attempts: list[int] = []

    def brief(story_id: str, articles: Sequence[Article]) -> Brief:
        attempts.append(len(articles))
        spent = any(article.id == lengthy.id for article in articles)
        return service.brief_story(story_id, articles, seconds=SPENT_BUDGET_S if spent else SHORT_BUDGET_S)

    try:
        with store.write() as tx:  # one story, as a tracker might place them: the long report first
            tx.add_article(lengthy, "s-failed")
            tx.add_article(short, "s-failed")
        outcome = Briefer(store, brief, lambda: datetime.now(UTC)).refresh("s-failed")
        state = store.story_state("s-failed")
    finally:
        store.close()
    [failure] = outcome.left_out
    assert outcome.version == 1 and lengthy.id in failure.origin, outcome
    assert state is not None and [article for article, _ in state.failed] == [lengthy.id]
    return FailedBrief(path, "s-failed", short, lengthy, state.failed[0][1], len(attempts))


def posted(text: str, url: str) -> RawDocument:
    return RawDocument(origin=url, content=text, format="text", url=url)
