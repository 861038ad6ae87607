"""Command-line interface."""

from newsfuse.cli.app import app, main

__all__ = ["app", "main"]
