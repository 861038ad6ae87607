"""GET /api/stories (newest first, paginated), /api/stories/{id} (the brief) and its versions."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status

from newsfuse.api.deps import NewsroomDep
from newsfuse.api.schemas import MAX_ID_CHARS, MAX_NUMBER, StoriesOut, StoryItem, VersionItem, VersionsOut
from newsfuse.api.text import printable
from newsfuse.models.record import record_json
from newsfuse.service import article_json

router = APIRouter(prefix="/api/stories", tags=["stories"])

# A page of the story list: enough for a screen; the cap bounds what one request can ask of the store.
DEFAULT_PAGE = 20
MAX_PAGE = 100


@router.get("")
def list_stories(
    newsroom: NewsroomDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=MAX_NUMBER)] = 0,
) -> StoriesOut:
    """Stories, most recently updated first, with their source counts, open conflicts and where each
    one's brief stands (a story whose first brief is still to come is listed, at version 0)."""
    stories, total = newsroom.stories(limit, offset)
    items = [
        StoryItem(
            id=s.id,
            headline=s.headline,
            articles=list(s.article_ids),
            independent_sources=s.independent_sources,
            open_conflicts=s.open_conflicts,
            updated=s.updated,
            version=s.version,
            brief_state=newsroom.brief_state(s.id) if s.pending else "current",
            articles_briefed=s.briefed,
            articles_pending=s.pending,
            articles_failed=s.failed,
        )
        for s in stories
    ]
    return StoriesOut(stories=items, total=total, limit=limit, offset=offset)


@router.get("/{story_id}")
def get_story(
    story_id: str, newsroom: NewsroomDep, version: Annotated[int | None, Query(ge=1, le=MAX_NUMBER)] = None
) -> dict[str, Any]:
    """The story's brief in the JSON contract (the latest version, or `version`), with where it stands:
    `version`, `brief_state` (current, queued, rebuilding or stale), `articles_pending` (ids the brief
    does not cover yet) and `articles_failed` (those its brief failed with: id and problem).

    A story whose first brief is still to come (or failed) comes with its articles and that state only.
    """
    story_id = story_id[:MAX_ID_CHARS]
    state = newsroom.story_state(story_id)
    brief = newsroom.brief(story_id, version)
    if state is None or (brief is None and version is not None):
        which = f"version {version} of story" if version else "story"
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no {which} {printable(story_id)!r}")
    standing = {
        "version": brief.version if brief is not None else 0,
        "brief_state": newsroom.brief_state(story_id, state),
        "articles_pending": list(state.pending),
        "articles_failed": [{"id": article, "problem": problem} for article, problem in state.failed],
    }
    if brief is not None:
        return {**record_json(brief.record), **standing}
    articles = newsroom.story_articles(story_id)
    headline = next((a.title for a in articles if a.title), "")
    return {"id": story_id, "headline": headline, "articles": [article_json(a) for a in articles], **standing}


@router.get("/{story_id}/versions")
def get_versions(story_id: str, newsroom: NewsroomDep) -> VersionsOut:
    """The brief's versions, newest first, each with what changed since the one before."""
    changes = newsroom.changes(story_id[:MAX_ID_CHARS])
    if not changes:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no story {printable(story_id[:MAX_ID_CHARS])!r}")
    return VersionsOut(story_id=story_id, versions=[VersionItem(**asdict(change)) for change in changes])
