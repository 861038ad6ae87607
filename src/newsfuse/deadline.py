"""A time budget for one unit of work (a story's brief), checked by the stages as they go.

Every loop in the stages ends, but some grow with the square of a story's size (pairs of articles,
pairs of sentences), so a huge or pathological story could still take minutes. The stages call
`check(stage)` inside those loops; past the budget it raises `BudgetExceeded`, and the service turns
that into a brief marked incomplete instead of a hang.

The deadline rides in a context variable, so a stage checks it without every function passing it
on, and each thread (the server briefs in the background) and each worker process has its own.
Outside `budget(...)` there is no deadline and `check` costs one lookup.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from newsfuse.errors import BudgetExceeded


@dataclass(frozen=True, slots=True)
class _Deadline:
    at: float  # time.monotonic() when the budget runs out
    seconds: float


_CURRENT: ContextVar[_Deadline | None] = ContextVar("newsfuse_deadline", default=None)


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Run the block under a budget of `seconds` (None: no budget). An enclosing, earlier deadline
    still holds: a nested budget can only shorten the time left."""
    if seconds is None:
        yield
        return
    outer = _CURRENT.get()
    deadline = _Deadline(time.monotonic() + seconds, seconds)
    if outer is not None and outer.at < deadline.at:
        deadline = outer
    token = _CURRENT.set(deadline)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def check(stage: str) -> None:
    """Raise BudgetExceeded when the current budget has run out; `stage` names where the work stood."""
    deadline = _CURRENT.get()
    if deadline is not None and time.monotonic() > deadline.at:
        raise BudgetExceeded(stage, deadline.seconds)


def remaining() -> float | None:
    """Seconds left in the current budget (None when there is none)."""
    deadline = _CURRENT.get()
    return None if deadline is None else deadline.at - time.monotonic()
