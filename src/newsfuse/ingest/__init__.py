"""The ingest stage: files, folders, JSON Lines, feeds and URLs in; raw documents (or failures) out."""

from newsfuse.ingest.fetch import Fetcher, Response, Transport
from newsfuse.ingest.reader import Reader, ReadOptions, is_url

__all__ = ["Fetcher", "ReadOptions", "Reader", "Response", "Transport", "is_url"]
