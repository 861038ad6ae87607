"""The queries both backends share, written once over a small execute seam.

SQL here is written with `?` placeholders and standard syntax that SQLite (3.35+) and PostgreSQL
both accept; a backend supplies `_run` (placeholder style, row type) and its own full-text search.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from newsfuse.models import Article, Conflict
from newsfuse.models.record import record_json
from newsfuse.store.codec import (
    ARTICLE_COLUMNS,
    MAX_ROWS,
    MAX_VERSION,
    article_from,
    article_values,
    brief_record_from,
    dumps,
    loads,
    moment,
    page_notes_from,
    span_list,
    timestamp,
    usable_key,
)
from newsfuse.store.records import (
    Arrival,
    BriefRow,
    BriefVersion,
    FeedState,
    SearchHit,
    StoredBrief,
    StoryState,
    StorySummary,
)

Row = Mapping[str, Any]
_ARTICLE_SELECT = ", ".join(ARTICLE_COLUMNS)
_BRIEF_COLUMNS = "story_id, version, created, headline, article_ids, independent_sources, open_conflicts"


class SqlSession:
    """Reads and writes on one connection. Writes are only called inside the store's write transaction."""

    def _run(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        raise NotImplementedError

    def _index_article(self, article: Article) -> None:
        raise NotImplementedError

    def _index_brief(self, row: BriefRow) -> None:
        raise NotImplementedError

    def search(self, query: str, limit: int) -> list[SearchHit]:
        raise NotImplementedError

    # Reads

    def article(self, article_id: str) -> Article | None:
        if not usable_key(article_id):
            return None
        rows = self._run(f"SELECT {_ARTICLE_SELECT} FROM articles WHERE id = ?", (article_id,))
        return article_from(rows[0]) if rows else None

    def story_of(self, article_id: str) -> str | None:
        if not usable_key(article_id):
            return None
        rows = self._run("SELECT story_id FROM articles WHERE id = ?", (article_id,))
        return str(rows[0]["story_id"]) if rows else None

    def story_articles(self, story_id: str) -> list[Article]:
        if not usable_key(story_id):
            return []
        rows = self._run(f"SELECT {_ARTICLE_SELECT} FROM articles WHERE story_id = ? ORDER BY seq", (story_id,))
        return [article_from(row) for row in rows]

    def arrivals_since(self, seq: int) -> list[Arrival]:
        rows = self._run(f"SELECT seq, {_ARTICLE_SELECT} FROM articles WHERE seq > ? ORDER BY seq", (seq,))
        return [Arrival(int(row["seq"]), article_from(row), str(row["story_id"])) for row in rows]

    def stories(self, limit: int, offset: int = 0) -> list[StorySummary]:
        if limit <= 0 or not 0 <= offset <= MAX_ROWS:
            return []
        rows = self._run(
            "SELECT id, headline, independent_sources, open_conflicts, created, updated, version, briefed, failed"
            " FROM stories ORDER BY updated DESC, id LIMIT ? OFFSET ?",
            (min(limit, MAX_ROWS), offset),
        )
        members = self._members([str(row["id"]) for row in rows])
        return [
            StorySummary(
                id=str(row["id"]),
                headline=str(row["headline"]),
                article_ids=tuple(members.get(str(row["id"]), [])),
                independent_sources=int(row["independent_sources"]),
                open_conflicts=int(row["open_conflicts"]),
                created=moment(row["created"]),
                updated=moment(row["updated"]),
                version=int(row["version"]),
                briefed=int(row["briefed"]),
                failed=int(row["failed"]),
            )
            for row in rows
        ]

    def story_count(self) -> int:
        return int(self._run("SELECT count(*) AS n FROM stories")[0]["n"])

    def stale_stories(self) -> list[str]:
        rows = self._run("SELECT id FROM stories WHERE briefed + failed < article_count ORDER BY updated, id")
        return [str(row["id"]) for row in rows]

    def story_state(self, story_id: str) -> StoryState | None:
        if not usable_key(story_id):
            return None
        found = self._run("SELECT version FROM stories WHERE id = ?", (story_id,))
        if not found:
            return None
        members = self._run("SELECT id, brief_problem FROM articles WHERE story_id = ? ORDER BY seq", (story_id,))
        latest = self._run(
            "SELECT article_ids FROM briefs WHERE story_id = ? ORDER BY version DESC LIMIT 1", (story_id,)
        )
        return StoryState(
            story_id=story_id,
            version=int(found[0]["version"]),
            article_ids=tuple(str(row["id"]) for row in members),
            briefed=tuple(loads(latest[0]["article_ids"])) if latest else (),
            failed=tuple(
                (str(row["id"]), str(row["brief_problem"])) for row in members if row["brief_problem"] is not None
            ),
        )

    def brief(self, story_id: str, version: int | None = None) -> StoredBrief | None:
        if not usable_key(story_id) or (version is not None and not 1 <= version <= MAX_VERSION):
            return None
        if version is None:
            rows = self._run(
                f"SELECT {_BRIEF_COLUMNS}, record, annotations FROM briefs WHERE story_id = ?"
                " ORDER BY version DESC LIMIT 1",
                (story_id,),
            )
        else:
            rows = self._run(
                f"SELECT {_BRIEF_COLUMNS}, record, annotations FROM briefs WHERE story_id = ? AND version = ?",
                (story_id, version),
            )
        if not rows:
            return None
        row = rows[0]
        record = loads(row["record"])
        self._fill_texts(record)
        where = f"story {row['story_id']} version {row['version']}"
        return StoredBrief(
            story_id=str(row["story_id"]),
            version=int(row["version"]),
            created=moment(row["created"]),
            headline=str(row["headline"]),
            article_ids=tuple(loads(row["article_ids"])),
            independent_sources=int(row["independent_sources"]),
            open_conflicts=int(row["open_conflicts"]),
            record=brief_record_from(record, where),
            annotations=page_notes_from(loads(row["annotations"]), where),
        )

    def versions(self, story_id: str) -> list[BriefVersion]:
        if not usable_key(story_id):
            return []
        rows = self._run(f"SELECT {_BRIEF_COLUMNS} FROM briefs WHERE story_id = ? ORDER BY version DESC", (story_id,))
        return [
            BriefVersion(
                version=int(row["version"]),
                created=moment(row["created"]),
                headline=str(row["headline"]),
                article_ids=tuple(loads(row["article_ids"])),
                independent_sources=int(row["independent_sources"]),
                open_conflicts=int(row["open_conflicts"]),
            )
            for row in rows
        ]

    def feed(self, url: str) -> FeedState | None:
        if not usable_key(url):
            return None
        rows = self._run(
            "SELECT url, etag, last_modified, checked, next_due, failures, last_error, articles_seen"
            " FROM feeds WHERE url = ?",
            (url,),
        )
        if not rows:
            return None
        row = rows[0]
        return FeedState(
            url=str(row["url"]),
            etag=row["etag"],
            last_modified=row["last_modified"],
            checked=moment(row["checked"]) if row["checked"] else None,
            next_due=moment(row["next_due"]) if row["next_due"] else None,
            failures=int(row["failures"]),
            last_error=row["last_error"],
            articles_seen=int(row["articles_seen"]),
        )

    def counts(self) -> dict[str, int]:
        row = self._run(
            "SELECT (SELECT count(*) FROM articles) AS articles,"
            " (SELECT count(*) FROM stories) AS stories,"
            " (SELECT count(*) FROM briefs) AS briefs"
        )[0]
        return {key: int(row[key]) for key in ("articles", "stories", "briefs")}

    def findings(self, story_id: str) -> dict[str, int]:
        if not usable_key(story_id):
            return {"derivations": 0, "claims": 0, "conflicts": 0}
        row = self._run(
            "SELECT (SELECT count(*) FROM derivations WHERE story_id = ?) AS derivations,"
            " (SELECT count(*) FROM claims WHERE story_id = ?) AS claims,"
            " (SELECT count(*) FROM conflicts WHERE story_id = ?) AS conflicts",
            (story_id, story_id, story_id),
        )[0]
        return {key: int(row[key]) for key in ("derivations", "claims", "conflicts")}

    def _fill_texts(self, record: dict[str, Any]) -> None:
        """Put back the article texts that `save_brief` left out of the stored JSON."""
        entries = [entry for entry in record.get("articles") or [] if "text" not in entry]
        if not entries:
            return
        ids = [str(entry["id"]) for entry in entries]
        marks = ", ".join("?" for _ in ids)
        texts = {
            str(r["id"]): str(r["text"]) for r in self._run(f"SELECT id, text FROM articles WHERE id IN ({marks})", ids)
        }
        for entry in entries:
            entry["text"] = texts.get(str(entry["id"]), "")

    def _members(self, story_ids: list[str]) -> dict[str, list[str]]:
        if not story_ids:
            return {}
        marks = ", ".join("?" for _ in story_ids)
        rows = self._run(f"SELECT story_id, id FROM articles WHERE story_id IN ({marks}) ORDER BY seq", story_ids)
        members: dict[str, list[str]] = {}
        for row in rows:
            members.setdefault(str(row["story_id"]), []).append(str(row["id"]))
        return members

    # Writes

    def add_article(self, article: Article, story_id: str) -> int:
        now = timestamp(datetime.now(UTC))
        self._run(
            "INSERT INTO stories (id, created, updated, headline, article_count, briefed, independent_sources,"
            " open_conflicts, version) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0) ON CONFLICT (id) DO NOTHING",
            (story_id, now, now, article.title or ""),
        )
        marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
        rows = self._run(
            f"INSERT INTO articles ({_ARTICLE_SELECT}) VALUES ({marks}) RETURNING seq",
            article_values(article, story_id, datetime.now(UTC)),
        )
        self._run("UPDATE stories SET article_count = article_count + 1 WHERE id = ?", (story_id,))
        self._index_article(article)
        return int(rows[0]["seq"])

    def save_brief(self, row: BriefRow) -> int:
        found = self._run("SELECT coalesce(max(version), 0) AS v FROM briefs WHERE story_id = ?", (row.story_id,))
        version = int(found[0]["v"]) + 1
        created = timestamp(row.created)
        self._run(
            f"INSERT INTO briefs ({_BRIEF_COLUMNS}, record, annotations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row.story_id,
                version,
                created,
                row.headline,
                dumps(list(row.article_ids)),
                row.independent_sources,
                row.open_conflicts,
                dumps(_without_texts(record_json(row.record))),
                dumps(record_json(row.annotations)),
            ),
        )
        self._run(
            "UPDATE stories SET headline = ?, updated = ?, independent_sources = ?, open_conflicts = ?, version = ?,"
            " briefed = ? WHERE id = ?",
            (
                row.headline,
                created,
                row.independent_sources,
                row.open_conflicts,
                version,
                len(row.article_ids),
                row.story_id,
            ),
        )
        for table in ("derivations", "claims", "conflicts"):
            self._run(f"DELETE FROM {table} WHERE story_id = ?", (row.story_id,))
        for d in row.derivations:
            evidence = [{"kind": e.kind, "detail": e.detail, "spans": span_list(e.spans)} for e in d.evidence]
            self._run(
                "INSERT INTO derivations (story_id, article_id, parent, parent_is_agency, kind, score, evidence)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (row.story_id, d.article, d.parent, int(d.parent_is_agency), d.kind, d.score, dumps(evidence)),
            )
        for position, claim in enumerate(row.claims):
            self._run(
                "INSERT INTO claims (story_id, position, text, independent_sources, attribution, spans)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    row.story_id,
                    position,
                    claim.text,
                    claim.independent_sources,
                    claim.attribution,
                    dumps(span_list(claim.spans)),
                ),
            )
        for position, conflict in enumerate(row.conflicts):
            self._run(
                "INSERT INTO conflicts (story_id, position, kind, about, status, explanation, sides)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    row.story_id,
                    position,
                    conflict.kind,
                    conflict.about,
                    conflict.status,
                    conflict.explanation,
                    dumps(_sides(conflict)),
                ),
            )
        self._index_brief(row)
        return version

    def save_feed(self, state: FeedState) -> None:
        self._run(
            "INSERT INTO feeds (url, etag, last_modified, checked, next_due, failures, last_error, articles_seen)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
            " last_modified = excluded.last_modified, checked = excluded.checked, next_due = excluded.next_due,"
            " failures = excluded.failures, last_error = excluded.last_error, articles_seen = excluded.articles_seen",
            (
                state.url,
                state.etag,
                state.last_modified,
                timestamp(state.checked) if state.checked else None,
                timestamp(state.next_due) if state.next_due else None,
                state.failures,
                state.last_error,
                state.articles_seen,
            ),
        )

    def mark_failed(self, story_id: str, failures: Sequence[tuple[str, str]]) -> int:
        marked = 0
        for article_id, problem in failures:
            rows = self._run(
                "UPDATE articles SET brief_problem = ? WHERE id = ? AND story_id = ? AND brief_problem IS NULL"
                " RETURNING id",
                (problem, article_id, story_id),
            )
            marked += len(rows)
        if marked:
            self._run("UPDATE stories SET failed = failed + ? WHERE id = ?", (marked, story_id))
        return marked


def _without_texts(record: dict[str, Any]) -> dict[str, Any]:
    """The brief JSON without its articles' texts, which the articles table holds once for every version."""
    articles = [{k: v for k, v in entry.items() if k != "text"} for entry in record.get("articles") or []]
    return {**record, "articles": articles} if "articles" in record else record


def _sides(conflict: Conflict) -> list[dict[str, object]]:
    return [
        {"value": side.value, "articles": list(side.articles), "evidence": span_list(side.evidence)}
        for side in conflict.sides
    ]


class ReadsThrough:
    """A store's read methods, each run on the session `_session()` gives for the calling thread."""

    def _session(self) -> SqlSession:
        raise NotImplementedError

    def article(self, article_id: str) -> Article | None:
        return self._session().article(article_id)

    def story_of(self, article_id: str) -> str | None:
        return self._session().story_of(article_id)

    def story_articles(self, story_id: str) -> list[Article]:
        return self._session().story_articles(story_id)

    def arrivals_since(self, seq: int) -> list[Arrival]:
        return self._session().arrivals_since(seq)

    def stories(self, limit: int, offset: int = 0) -> list[StorySummary]:
        return self._session().stories(limit, offset)

    def story_count(self) -> int:
        return self._session().story_count()

    def stale_stories(self) -> list[str]:
        return self._session().stale_stories()

    def story_state(self, story_id: str) -> StoryState | None:
        return self._session().story_state(story_id)

    def brief(self, story_id: str, version: int | None = None) -> StoredBrief | None:
        return self._session().brief(story_id, version)

    def versions(self, story_id: str) -> list[BriefVersion]:
        return self._session().versions(story_id)

    def search(self, query: str, limit: int) -> list[SearchHit]:
        return self._session().search(query, limit)

    def feed(self, url: str) -> FeedState | None:
        return self._session().feed(url)

    def counts(self) -> dict[str, int]:
        return self._session().counts()

    def findings(self, story_id: str) -> dict[str, int]:
        return self._session().findings(story_id)
