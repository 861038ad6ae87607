"""The clean stage: raw documents in, articles with clean body text and metadata out."""

from newsfuse.clean.cleaner import Cleaner

__all__ = ["Cleaner"]
