"""POST /api/ingest: fetch a page or a feed (public addresses only, unless the server allows private ones)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from newsfuse.api.deps import NewsroomDep, Writer
from newsfuse.api.schemas import FailedItem, IngestIn, IngestOut, PlacedItem
from newsfuse.api.text import printable
from newsfuse.errors import InputError

router = APIRouter(prefix="/api", tags=["ingest"])


@router.post("/ingest", status_code=status.HTTP_201_CREATED, dependencies=[Writer])
def ingest(body: IngestIn, newsroom: NewsroomDep) -> IngestOut:
    """Fetch, clean and place (briefs are rebuilt in the background). Answers 422 (naming the problem)
    when nothing could be ingested: a refused address, an unreachable host, an HTTP error, a page
    without article text."""
    try:
        if body.feed is not None:
            done, _ = newsroom.ingest_feed(body.feed)
        else:
            assert body.url is not None
            done = newsroom.ingest([body.url])
    except InputError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, printable(str(exc))) from None
    if not done.placements:
        problem = str(done.failures[0]) if done.failures else f"{body.url or body.feed}: no article found"
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, printable(problem))
    return IngestOut(
        articles=[PlacedItem(id=p.article_id, story_id=p.story_id, added=p.added) for p in done.placements],
        failures=[FailedItem(origin=printable(f.origin), problem=printable(f.problem)) for f in done.failures],
    )
