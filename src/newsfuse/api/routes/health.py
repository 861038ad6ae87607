"""GET /api/health: the server is up and its store answers."""

from __future__ import annotations

from fastapi import APIRouter

from newsfuse.api.deps import NewsroomDep
from newsfuse.api.schemas import Health

router = APIRouter(prefix="/api", tags=["health"])


@router.get("/health")
def health(newsroom: NewsroomDep) -> Health:
    newsroom.store.schema_version()  # raises (500) when the store cannot be reached
    return Health(status="ok")
