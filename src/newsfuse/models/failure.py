"""A failed input, kept with its reason instead of silently dropped."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be used: where it came from and what was wrong, in one line."""

    origin: str
    problem: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.problem}"
