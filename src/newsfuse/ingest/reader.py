"""Read inputs (files, folders, URLs, feeds) into raw documents, reporting each bad one and going on."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.errors import InputError
from newsfuse.ingest.decode import DEFAULT_MAX_BYTES, check_size, decode_bytes, gunzip, is_gzip
from newsfuse.ingest.feeds import read_feed
from newsfuse.ingest.fetch import Fetcher
from newsfuse.ingest.formats import Kind, kind_from_name, sniff
from newsfuse.ingest.jsonl import read_jsonl
from newsfuse.models import Failure, RawDocument


@dataclass
class ReadOptions:
    """How inputs are read. `online` lets feeds pull each item's page; URLs given directly are always fetched."""

    max_bytes: int = DEFAULT_MAX_BYTES
    online: bool = False
    fetcher: Fetcher = field(default_factory=Fetcher)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


class Reader:
    """Turns input names into raw documents and failures, in input order."""

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()

    def read(self, inputs: Iterable[str]) -> Iterator[RawDocument | Failure]:
        for name in inputs:
            try:
                if is_url(name):
                    yield from self.read_url(name)
                else:
                    yield from self._read_path(Path(name))
            except InputError as exc:
                yield Failure(exc.origin, exc.problem)

    def read_url(self, url: str) -> Iterator[RawDocument | Failure]:
        response = self.options.fetcher.get(url)
        text = decode_bytes(url, response.body, declared=response.charset)
        kind = sniff(text, response.content_type)
        yield from self._parse(url, text, kind, path=None, url=response.url)

    def read_text(self, origin: str, text: str, kind: Kind | None = None) -> Iterator[RawDocument | Failure]:
        """Read content already in memory (an API request body, a test) as if it came from `origin`."""
        try:
            yield from self._parse(origin, text, kind or sniff(text), path=None, url=None)
        except InputError as exc:
            yield Failure(exc.origin, exc.problem)

    def _read_path(self, path: Path) -> Iterator[RawDocument | Failure]:
        origin = str(path)
        if path.is_dir():
            for file in _walk(path):
                try:
                    yield from self._read_file(file, kind_from_name(file.name))
                except InputError as exc:
                    yield Failure(exc.origin, exc.problem)
            return
        if not path.exists():
            raise InputError(origin, "no such file or directory")
        if not path.is_file():
            raise InputError(origin, "not a regular file")
        yield from self._read_file(path, kind_from_name(path.name))

    def _read_file(self, path: Path, kind: Kind | None) -> Iterator[RawDocument | Failure]:
        origin = str(path)
        try:
            check_size(origin, path.stat().st_size, self.options.max_bytes)
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(origin, f"cannot read ({exc.strerror})") from None
        if is_gzip(data):
            data = gunzip(origin, data, self.options.max_bytes)
        text = decode_bytes(origin, data)
        yield from self._parse(origin, text, kind or sniff(text), path=origin, url=None)

    def _parse(self, origin: str, text: str, kind: Kind, *, path: str | None, url: str | None) -> Iterator[RawDocument | Failure]:
        if kind == "jsonl":
            yield from read_jsonl(origin, text, path)
        elif kind == "feed":
            loader = self._load_page if self.options.online else None
            yield from read_feed(origin, text, load_page=loader)
        else:
            yield RawDocument(origin=origin, content=text, format=kind, path=path, url=url)

    def _load_page(self, url: str) -> RawDocument:
        for item in self.read_url(url):
            if isinstance(item, RawDocument):
                return item
            raise InputError(item.origin, item.problem)
        raise InputError(url, "the page held no document")


def _walk(root: Path) -> Iterator[Path]:
    """Article files under a folder, in name order; hidden entries and unknown file types are skipped."""
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and kind_from_name(name) is not None:
                yield Path(directory) / name
