"""GET /api/search?q=: full-text search over articles and briefs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsfuse.api.deps import NewsroomDep
from newsfuse.api.schemas import SearchItem, SearchOut

router = APIRouter(prefix="/api", tags=["search"])

# Results per search, and the most a request may ask for.
DEFAULT_RESULTS = 20
MAX_RESULTS = 100
# Longer queries are cut to the store's word limit anyway; this bounds the request.
MAX_QUERY_CHARS = 500


@router.get("/search")
def search(
    newsroom: NewsroomDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
    limit: Annotated[int, Query(ge=1, le=MAX_RESULTS)] = DEFAULT_RESULTS,
) -> SearchOut:
    """Articles and stories holding every word of `q`, best first, with a snippet around the matches."""
    results = []
    for hit in newsroom.search(q, limit):
        snippet, highlights = "", []
        for text, matched in hit.parts():
            if matched:
                highlights.append((len(snippet), len(snippet) + len(text)))
            snippet += text
        results.append(
            SearchItem(
                kind=hit.kind, id=hit.id, story_id=hit.story_id, title=hit.title, snippet=snippet, highlights=highlights
            )
        )
    return SearchOut(query=q, results=results)
