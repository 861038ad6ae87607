"""GET /api/stories (newest first, paginated), /api/stories/{id} (the brief) and its versions."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status

from newsfuse.api.deps import NewsroomDep
from newsfuse.api.schemas import StoriesOut, StoryItem, VersionItem, VersionsOut

router = APIRouter(prefix="/api/stories", tags=["stories"])

# A page of the story list: enough for a screen; the cap bounds what one request can ask of the store.
DEFAULT_PAGE = 20
MAX_PAGE = 100


@router.get("")
def list_stories(
    newsroom: NewsroomDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> StoriesOut:
    """Stories, most recently updated first, with their source counts and open conflicts."""
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
        )
        for s in stories
    ]
    return StoriesOut(stories=items, total=total, limit=limit, offset=offset)


@router.get("/{story_id}")
def get_story(
    story_id: str, newsroom: NewsroomDep, version: Annotated[int | None, Query(ge=1)] = None
) -> dict[str, Any]:
    """The story's brief in the JSON contract (the latest version, or `version`)."""
    brief = newsroom.brief(story_id, version)
    if brief is None:
        which = f"version {version} of story" if version else "story"
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no {which} {story_id!r}")
    return brief.record


@router.get("/{story_id}/versions")
def get_versions(story_id: str, newsroom: NewsroomDep) -> VersionsOut:
    """The brief's versions, newest first, each with what changed since the one before."""
    changes = newsroom.changes(story_id)
    if not changes:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no story {story_id!r}")
    return VersionsOut(story_id=story_id, versions=[VersionItem(**asdict(change)) for change in changes])
