"""Articles placed in their stories and committed, each acknowledged only once it is on disk.

The stories stage's tracker decides where an article goes; it lives in this process and is kept in
step with the store (it first reads every article stored so far, then whatever another process adds).
Placing is serial, but concurrent callers share commits: whoever finds no commit under way takes every
article waiting, places them all in one transaction, and answers each caller. With eight writers this
pays for one disk flush per batch instead of one per article, and alone a caller pays what it did.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

from newsfuse.ingest.repair import unstorable
from newsfuse.models import Article, Failure
from newsfuse.newsroom.records import Placement
from newsfuse.store import Reads, Store
from newsfuse.stories import StoryTracker

# Most articles one transaction takes. A batch this size commits in well under a second, and it keeps
# a long `newsfuse ingest` acknowledging as it goes.
MAX_BATCH = 64

Filed = Placement | Failure


@dataclass
class _Ticket:
    """One caller's article, waiting for the transaction that stores it."""

    article: Article
    result: Filed | None = None
    error: BaseException | None = None


class Filer:
    """Places articles in stories and commits them (thread-safe)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()  # the tracker and the placing, one batch at a time
        self._waiting = threading.Condition()
        self._pending: list[_Ticket] = []
        self._leading = False
        self._tracker: StoryTracker | None = None
        self._seen = 0  # the last arrival (store seq) the tracker has been given
        self._aliases: dict[str, str] = {}  # the tracker's story id -> the stored story it stands for

    def place(self, article: Article) -> Filed:
        """Store the article in the story it joins, sharing a commit with concurrent callers. An article
        stored already changes nothing. Raises what storing it raised (a broken store); other callers'
        articles are unaffected."""
        ticket = _Ticket(article)
        with self._waiting:
            self._pending.append(ticket)
            while True:
                if ticket.result is not None or ticket.error is not None:
                    return _answer(ticket)
                if not self._leading:
                    self._leading, batch, self._pending = True, self._pending, []
                    break
                self._waiting.wait()
        try:
            while batch:
                self._file_tickets(batch[:MAX_BATCH])
                batch = batch[MAX_BATCH:]
        finally:
            with self._waiting:
                self._leading = False
                self._waiting.notify_all()
        return _answer(ticket)

    def place_all(self, articles: Sequence[Article], on_filed: Callable[[Filed], None] | None = None) -> list[Filed]:
        """Store each article (MAX_BATCH a transaction), telling `on_filed` of each once it is committed.
        An article that cannot be stored becomes a failure naming it; the others go on."""
        results: list[Filed] = []
        for start in range(0, len(articles), MAX_BATCH):
            tickets = [_Ticket(article) for article in articles[start : start + MAX_BATCH]]
            self._file_tickets(tickets)
            for ticket in tickets:
                result = ticket.result
                if result is None:
                    origin = ticket.article.origin or ticket.article.id
                    result = Failure(origin, f"could not be stored ({_describe(ticket.error)})")
                results.append(result)
                if on_filed is not None:
                    on_filed(result)
        return results

    def warm(self) -> None:
        """Give the tracker every stored article now (a server calls this at start, in the background),
        so that the first article placed does not wait for it."""
        with self._lock:
            self._catch_up(self._store)

    def _file_tickets(self, tickets: list[_Ticket]) -> None:
        """All in one transaction; when that fails, each on its own, so a failure stays with its article."""
        with self._lock:
            try:
                results = self._file(tickets)
            except Exception as exc:
                if len(tickets) == 1:
                    tickets[0].error = exc
                    return
            else:
                for ticket, result in zip(tickets, results, strict=True):
                    ticket.result = result
                return
            for ticket in tickets:
                try:
                    [ticket.result] = self._file([ticket])
                except Exception as exc:
                    ticket.error = exc

    def _file(self, tickets: list[_Ticket]) -> list[Filed]:
        results: list[Filed] = []
        try:
            with self._store.write() as tx:
                self._catch_up(tx)
                placed: dict[str, str] = {}
                for ticket in tickets:
                    article = ticket.article
                    problem = _unstorable(article)
                    if problem is not None:
                        results.append(Failure(article.origin or article.id, problem))
                        continue
                    known = placed.get(article.id) or tx.story_of(article.id)
                    if known is not None:
                        results.append(Placement(article.id, known, added=False))
                        continue
                    story_id = self._join_story(article)
                    self._seen = tx.add_article(article, story_id)
                    placed[article.id] = story_id
                    results.append(Placement(article.id, story_id, added=True))
        except BaseException:
            self._tracker = None  # it saw articles the store did not keep: rebuild it from the store
            raise
        return results

    def _catch_up(self, reads: Reads) -> None:
        """Give the tracker every article stored since it last looked (all of them on first use, and
        those another process added), with the story each was stored in."""
        if self._tracker is None:
            self._tracker, self._seen, self._aliases = StoryTracker(), 0, {}
        for arrival in reads.arrivals_since(self._seen):
            self._aliases.setdefault(self._tracker.add(arrival.article), arrival.story_id)
            self._seen = arrival.seq

    def _join_story(self, article: Article) -> str:
        """The one seam with the stories stage: the story a new article joins, or founds."""
        assert self._tracker is not None
        placed = self._tracker.add(article)
        return self._aliases.setdefault(placed, placed)


def _unstorable(article: Article) -> str | None:
    """Why no store can take the article as it is (the reader repairs what it reads; this guards
    documents built elsewhere), the same for every backend."""
    for field in fields(article):
        value = getattr(article, field.name)
        values = value if isinstance(value, tuple) else (value,)
        for item in values:
            if isinstance(item, str) and (problem := unstorable(item)) is not None:
                return f"its {field.name} {problem}"
    return None


def _answer(ticket: _Ticket) -> Filed:
    if ticket.error is not None:
        raise ticket.error
    assert ticket.result is not None
    return ticket.result


def _describe(error: BaseException | None) -> str:
    if error is None:
        return "no reason given"
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0][:200]}" if lines else type(error).__name__
