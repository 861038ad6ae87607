"""The application: includes the routers, and opens the store for their dependencies to hand out."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool

from newsfuse.api.deps import get_newsroom
from newsfuse.api.limits import BodyLimit
from newsfuse.api.routes import articles, health, ingest, search, stories
from newsfuse.api.settings import Settings
from newsfuse.api.text import printable
from newsfuse.service import Newsroom
from newsfuse.web import web_router

# Routes are plain functions run in worker threads. Writes queue on the pipeline's locks, each holding
# a thread; AnyIO's default of 40 would let 40 queued writes starve every read, so allow more.
WORKER_THREADS = 128
# A rejected input is echoed back at most this long: enough to recognise it.
ECHO_CHARS = 200


def create_app(settings: Settings | None = None, newsroom: Newsroom | None = None) -> FastAPI:
    """The app. Without `newsroom`, it opens `settings.db` on startup (and closes it on shutdown)."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        owned = None
        if newsroom is None:
            owned = await run_in_threadpool(_open, settings)
        room = newsroom or owned
        assert room is not None
        app.state.newsroom = room
        # Briefs are rebuilt in the background from here on; stale ones are caught up there too, so
        # the server answers at once however far behind its store is.
        room.start_briefing()
        try:
            yield
        finally:
            await run_in_threadpool(room.stop_briefing)
            if owned is not None:
                owned.close()

    # The API docs (/docs, /redoc) are served from assets installed with fastapi-offline, not a CDN:
    # they work on a machine with no internet, and the page loads nothing from elsewhere.
    app = FastAPIOffline(
        title="newsfuse",
        summary="Many news articles about one event in, one trustworthy cited brief out.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_exception_handler(RequestValidationError, _validation_problem)  # type: ignore[arg-type]
    for module in (health, articles, ingest, stories, search):
        app.include_router(module.router)
    app.include_router(web_router(get_newsroom))
    return app


def _open(settings: Settings) -> Newsroom:
    return Newsroom.open(
        settings.db,
        allow_private_urls=settings.allow_private_urls,
        fetch_pages=settings.fetch_pages,
    )


async def _validation_problem(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with a one-line `detail` naming each bad field, and the structured errors beside it.

    Whatever the request held is reported safely: the input each error echoes is shortened and made
    printable (a lone surrogate, NaN or a 5 MB body would otherwise break the reply itself).
    """
    problems = []
    errors = []
    for error in exc.errors():
        loc = error.get("loc", ())
        where = ".".join(str(part) for part in loc if part != "body") or ("request body" if loc else "")
        message = printable(str(error.get("msg", "invalid")))
        problems.append(f"{printable(where)}: {message}" if where else message)
        errors.append(
            {
                "loc": [printable(str(part)) for part in error.get("loc", ())],
                "msg": message,
                "type": printable(str(error.get("type", ""))),
                "input": _echo(error.get("input")),
            }
        )
    return JSONResponse({"detail": "; ".join(problems) or "invalid request", "errors": errors}, status_code=422)


def _echo(value: object) -> object:
    """A short, printable, JSON-safe rendering of a rejected input."""
    if value is None or (isinstance(value, bool | int) and abs(int(value)) < 2**53):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    text = value if isinstance(value, str) else repr(value)
    shown = printable(text[:ECHO_CHARS])[:ECHO_CHARS]  # an escaped surrogate takes six characters
    return shown + ("…" if len(shown) < len(text) or len(text) > ECHO_CHARS else "")
