"""The web pages: story list, story page, versions, article, search. Server-rendered, no JavaScript.

No `from __future__ import annotations` here: FastAPI reads the routes' annotations at run time, and
they name the dependency built inside `web_router`.
"""

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status
from fastapi.responses import HTMLResponse

from newsfuse.service import Newsroom, StoryState
from newsfuse.web.graph import graph_drawing
from newsfuse.web.marks import Mark, segments
from newsfuse.web.pages import Pages
from newsfuse.web.timeline import timeline_drawing
from newsfuse.web.views import sources_line, story_view

# Stories per page of the list, and search results per page.
PAGE_SIZE = 25
SEARCH_RESULTS = 30
# What a reader is told about a story with no brief yet, by where its brief stands.
STATE_WORDS = {
    "queued": "its brief is queued and will appear here shortly",
    "rebuilding": "its brief is being written now",
    "stale": "its brief is waiting to be written",
    "current": "its brief could not be written from these articles (see below)",
}
# Longer queries are cut to the store's word limit anyway; this bounds the request.
MAX_QUERY_CHARS = 500


def web_router(get_newsroom: Callable[..., Newsroom]) -> APIRouter:
    """The pages, each getting the newsroom from `get_newsroom` (the API's dependency, which tests override)."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    pages = Pages()
    NewsroomDep = Annotated[Newsroom, Depends(get_newsroom)]

    def missing(what: str) -> HTMLResponse:
        return HTMLResponse(pages.render("missing.html.j2", what=what), status_code=status.HTTP_404_NOT_FOUND)

    def waiting(newsroom: Newsroom, state: StoryState) -> HTMLResponse:
        """A story whose first brief is still to come, or failed: its articles, and where it stands."""
        articles = newsroom.story_articles(state.story_id)
        return HTMLResponse(
            pages.render(
                "waiting.html.j2",
                story_id=state.story_id,
                headline=next((a.title for a in articles if a.title), ""),
                articles=articles,
                failed=dict(state.failed),
                state_words=STATE_WORDS[newsroom.brief_state(state.story_id, state)],
            )
        )

    @router.get("/")
    def index(newsroom: NewsroomDep, page: Annotated[int, Query(ge=1)] = 1) -> HTMLResponse:
        stories, total = newsroom.stories(PAGE_SIZE, (page - 1) * PAGE_SIZE)
        return HTMLResponse(
            pages.render(
                "index.html.j2",
                stories=stories,
                total=total,
                page=page,
                pages=max(1, -(-total // PAGE_SIZE)),
                sources_line=sources_line,
            )
        )

    @router.get("/stories/{story_id}")
    def story(story_id: str, newsroom: NewsroomDep, version: Annotated[int | None, Query(ge=1)] = None) -> HTMLResponse:
        brief = newsroom.brief(story_id, version)
        if brief is None and version is None and (state := newsroom.story_state(story_id)) is not None:
            return waiting(newsroom, state)
        if brief is None:
            return missing(f"story {story_id}" + (f", version {version}" if version else ""))
        latest = newsroom.brief(story_id) if version else brief
        view = story_view(brief)
        return HTMLResponse(
            pages.render(
                "story.html.j2",
                brief=brief,
                latest=latest.version if latest else brief.version,
                view=view,
                graph=graph_drawing(brief.record, brief.annotations),
                timeline=timeline_drawing(view.timeline),
            )
        )

    @router.get("/stories/{story_id}/versions")
    def versions(story_id: str, newsroom: NewsroomDep) -> HTMLResponse:
        changes = newsroom.changes(story_id)
        if not changes:
            return missing(f"story {story_id}")
        return HTMLResponse(
            pages.render("versions.html.j2", story_id=story_id, headline=changes[0].headline, changes=changes)
        )

    @router.get("/articles/{article_id}")
    def article(
        article_id: str,
        newsroom: NewsroomDep,
        start: Annotated[int | None, Query(ge=0)] = None,
        end: Annotated[int | None, Query(ge=0)] = None,
    ) -> HTMLResponse:
        found = newsroom.article(article_id)
        if found is None:
            return missing(f"article {article_id}")
        marks = [Mark(start, end, "cited", "passage")] if start is not None and end is not None else []
        return HTMLResponse(
            pages.render(
                "article.html.j2",
                article=found,
                story_id=newsroom.story_of(article_id),
                segments=segments(found.text, marks),
            )
        )

    @router.get("/search")
    def search(newsroom: NewsroomDep, q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "") -> HTMLResponse:
        hits = newsroom.search(q, SEARCH_RESULTS) if q.strip() else []
        return HTMLResponse(pages.render("search.html.j2", q=q, hits=hits))

    return router
