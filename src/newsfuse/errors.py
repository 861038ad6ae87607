"""The exceptions newsfuse raises. Every one names the input and the problem.

NewsfuseError                 base of everything below
├── InputError                one input (file, line, URL, feed) cannot be read or cleaned
│   ├── FetchError            a URL or feed could not be fetched (refused address, timeout, size)
│   └── EmptyArticleError     an input held no article text after cleaning
├── EvaluationDataError       an evaluation set is missing or not in the expected format
├── StoreError                the store cannot be opened, migrated or read back
├── ConfigError               an unknown backend name or a bad setting
└── BudgetExceeded            one story's brief ran out of its time budget
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base class of every error newsfuse raises on purpose."""


class InputError(NewsfuseError):
    """One input cannot be used. `origin` names it; `problem` says why, in one line."""

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class FetchError(InputError):
    """A URL or feed could not be fetched, or fetching it was refused."""


class EmptyArticleError(InputError):
    """The input was readable but held no article text once clutter was removed."""


class EvaluationDataError(NewsfuseError):
    """An evaluation data set is absent or malformed."""


class StoreError(NewsfuseError):
    """The store cannot be opened or migrated, or holds something it cannot read back."""


class ConfigError(NewsfuseError):
    """A setting or backend name is not valid."""


class BudgetExceeded(NewsfuseError):
    """A unit of work (one story's brief) ran past its time budget; `stage` says where it stood."""

    def __init__(self, stage: str, seconds: float) -> None:
        super().__init__(f"ran out of its {seconds:g} s time budget during {stage}")
        self.stage = stage
        self.seconds = seconds
