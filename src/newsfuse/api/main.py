"""The application: includes the routers, and opens the store for their dependencies to hand out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool

from newsfuse.api.deps import get_newsroom
from newsfuse.api.limits import BodyLimit
from newsfuse.api.routes import articles, health, ingest, search, stories
from newsfuse.api.settings import Settings
from newsfuse.service import Newsroom
from newsfuse.web import web_router

# Routes are plain functions run in worker threads. Writes queue on the pipeline's locks, each holding
# a thread; AnyIO's default of 40 would let 40 queued writes starve every read, so allow more.
WORKER_THREADS = 128


def create_app(settings: Settings | None = None, newsroom: Newsroom | None = None) -> FastAPI:
    """The app. Without `newsroom`, it opens `settings.db` on startup (and closes it on shutdown)."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        owned = None
        if newsroom is None:
            owned = await run_in_threadpool(_open, settings)
        app.state.newsroom = newsroom or owned
        try:
            yield
        finally:
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
    newsroom = Newsroom.open(
        settings.db,
        allow_private_urls=settings.allow_private_urls,
        fetch_pages=settings.fetch_pages,
    )
    # Briefs a crash left behind their articles are brought up to date before serving.
    newsroom.refresh_stale()
    return newsroom


async def _validation_problem(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with a one-line `detail` naming each bad field (and the structured errors beside it)."""
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        problems.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
    return JSONResponse(
        {"detail": "; ".join(problems) or "invalid request", "errors": jsonable_encoder(exc.errors())},
        status_code=422,
    )
