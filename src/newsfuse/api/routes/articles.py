"""POST /api/articles (one article in, clustered and briefed before the reply) and GET /api/articles/{id}."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Response, status

from newsfuse.api.deps import NewsroomDep, Writer
from newsfuse.api.schemas import ArticleIn, Placed
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
    """Clean the article, place it in its story and refresh that story's brief, then answer."""
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
        problem = batch.failures[0].problem if batch.failures else "no article in it"
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{raw.origin}: {problem}")
    placement = newsroom.add(batch.articles[0])
    if not placement.added:
        response.status_code = status.HTTP_200_OK
    return Placed(id=placement.article_id, story_id=placement.story_id)


@router.get("/{article_id}")
def get_article(article_id: str, newsroom: NewsroomDep) -> dict[str, Any]:
    """The article in the JSON contract, with the story it belongs to."""
    article = newsroom.article(article_id)
    if article is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no article {article_id!r}")
    return {**article_json(article), "story_id": newsroom.story_of(article_id)}
