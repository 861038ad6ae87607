"""Defaults that the command line and the server name before anything heavy is imported."""

from __future__ import annotations

# The store when none is named: a SQLite file in the working directory.
DEFAULT_DB = "newsfuse.db"
