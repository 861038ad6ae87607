"""Dependencies the routes declare; tests override them (`app.dependency_overrides`)."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status

from newsfuse.api.settings import Settings
from newsfuse.service import Newsroom


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_newsroom(request: Request) -> Newsroom:
    newsroom: Newsroom = request.app.state.newsroom
    return newsroom


def require_writer(
    settings: Annotated[Settings, Depends(get_settings)],
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """Refuse a write unless it carries the server's token (when the server has one)."""
    if not settings.api_token:
        return
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "this server needs 'Authorization: Bearer <token>' for writes",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not secrets.compare_digest(token.strip().encode(), settings.api_token.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the bearer token is not this server's")


NewsroomDep = Annotated[Newsroom, Depends(get_newsroom)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
Writer = Depends(require_writer)
