"""POST /api/articles (one article in, acknowledged once committed) and GET /api/articles/{id}."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Response, status

from newsfuse.api.deps import NewsroomDep, Writer
from newsfuse.api.schemas import MAX_ID_CHARS, ArticleIn, Placed
from newsfuse.api.text import printable
from newsfuse.errors import InputError
from newsfuse.models import RawDocument
from newsfuse.service import article_json

router = APIRouter(prefix="/api/articles", tags=["articles"])

# Where a posted article without a URL says it came from, in messages and in its stored `origin`.
POSTED_ORIGIN = "request body"


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Writer],
    responses={200: {"model": Placed, "description": "the article was stored already (nothing changed)"}},
)
def post_article(body: ArticleIn, newsroom: NewsroomDep, response: Response) -> Placed:
    """Clean the article and place it in its story, then answer: the article is committed (it survives
    a crash) and its story's brief is being rebuilt in the background (`brief_state`)."""
    content = body.text if body.text is not None else body.html
    assert content is not None  # the schema requires one of them
    raw = RawDocument(
        origin=body.url or POSTED_ORIGIN,
        content=content,
        format="text" if body.text is not None else "html",
        title=body.title,
        source=body.source,
        url=body.url,
        published=body.published,
    )
    batch = newsroom.clean([raw])
    if not batch.articles:
        failure = batch.failures[0] if batch.failures else None
        problem = f"{failure.origin}: {failure.problem}" if failure else f"{raw.origin}: no article in it"
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, printable(problem))
    try:
        placement = newsroom.add(batch.articles[0])
    except InputError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, printable(str(exc))) from None
    if not placement.added:
        response.status_code = status.HTTP_200_OK
    return Placed(
        id=placement.article_id,
        story_id=placement.story_id,
        brief_state=newsroom.brief_state(placement.story_id),
    )


@router.get("/{article_id}")
def get_article(article_id: str, newsroom: NewsroomDep) -> dict[str, Any]:
    """The article in the JSON contract, with its story, its notes (what was repaired or cut on the way
    in) and, when its story's brief had to leave it out, why (`brief_problem`)."""
    article = newsroom.article(article_id[:MAX_ID_CHARS])
    if article is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no article {printable(article_id[:MAX_ID_CHARS])!r}")
    story_id = newsroom.story_of(article.id)
    state = newsroom.story_state(story_id) if story_id else None
    problem = dict(state.failed).get(article.id) if state else None
    return {**article_json(article), "story_id": story_id, "notes": list(article.notes), "brief_problem": problem}
