"""The SQLite schema, as numbered migrations. A store file records the last one applied in schema_version.

Never edit a migration that has shipped: add the next one. Each runs in one transaction with the
schema_version row that records it, so a crash leaves the file at one version or the next.
"""

from __future__ import annotations

from newsfuse.store.migration import Migration

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, stories, brief versions and what each brief found",
        (
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                created TEXT NOT NULL,
                updated TEXT NOT NULL,
                headline TEXT NOT NULL,
                article_count INTEGER NOT NULL,
                briefed INTEGER NOT NULL,  -- how many of its articles the current brief covers
                independent_sources INTEGER NOT NULL,
                open_conflicts INTEGER NOT NULL,
                version INTEGER NOT NULL
            )""",
            "CREATE INDEX stories_by_update ON stories (updated DESC, id)",
            """CREATE TABLE articles (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                story_id TEXT NOT NULL REFERENCES stories (id),
                title TEXT, source TEXT, url TEXT, path TEXT, byline TEXT, published TEXT, dateline TEXT,
                agencies TEXT NOT NULL, language TEXT, headings TEXT NOT NULL, origin TEXT,
                text TEXT NOT NULL,
                paragraphs TEXT NOT NULL,
                added TEXT NOT NULL
            )""",
            "CREATE INDEX articles_by_story ON articles (story_id, seq)",
            """CREATE TABLE briefs (
                story_id TEXT NOT NULL REFERENCES stories (id),
                version INTEGER NOT NULL,
                created TEXT NOT NULL,
                headline TEXT NOT NULL,
                article_ids TEXT NOT NULL,
                independent_sources INTEGER NOT NULL,
                open_conflicts INTEGER NOT NULL,
                record TEXT NOT NULL,
                annotations TEXT NOT NULL,
                PRIMARY KEY (story_id, version)
            )""",
            # Derivations, claims and conflicts of each story's current brief (older ones live on in
            # the versions' JSON), kept as rows so that they can be queried across stories.
            """CREATE TABLE derivations (
                story_id TEXT NOT NULL REFERENCES stories (id),
                article_id TEXT NOT NULL,
                parent TEXT NOT NULL,
                parent_is_agency INTEGER NOT NULL,
                kind TEXT NOT NULL,
                score REAL NOT NULL,
                evidence TEXT NOT NULL
            )""",
            "CREATE INDEX derivations_by_story ON derivations (story_id)",
            """CREATE TABLE claims (
                story_id TEXT NOT NULL REFERENCES stories (id),
                position INTEGER NOT NULL,
                text TEXT NOT NULL,
                independent_sources INTEGER NOT NULL,
                attribution TEXT,
                spans TEXT NOT NULL,
                PRIMARY KEY (story_id, position)
            )""",
            """CREATE TABLE conflicts (
                story_id TEXT NOT NULL REFERENCES stories (id),
                position INTEGER NOT NULL,
                kind TEXT NOT NULL,
                about TEXT NOT NULL,
                status TEXT NOT NULL,
                explanation TEXT NOT NULL,
                sides TEXT NOT NULL,
                PRIMARY KEY (story_id, position)
            )""",
            """CREATE TABLE feeds (
                url TEXT PRIMARY KEY,
                etag TEXT,
                last_modified TEXT,
                checked TEXT,
                next_due TEXT,
                failures INTEGER NOT NULL,
                last_error TEXT,
                articles_seen INTEGER NOT NULL
            )""",
        ),
    ),
    Migration(
        2,
        "full-text search over articles and the current briefs",
        (
            # remove_diacritics folds accents, so "Sergei Lavrov" and "Sérgei" meet; no stemming,
            # since articles come in many languages.
            """CREATE VIRTUAL TABLE article_search USING fts5(
                article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
            )""",
            """CREATE VIRTUAL TABLE brief_search USING fts5(
                story_id UNINDEXED, headline, body, tokenize = 'unicode61 remove_diacritics 2'
            )""",
            "INSERT INTO article_search (article_id, title, body) SELECT id, coalesce(title, ''), text FROM articles",
            # Briefs stored before search existed are found by headline until their next refresh.
            "INSERT INTO brief_search (story_id, headline, body) SELECT id, headline, '' FROM stories",
        ),
    ),
    Migration(
        3,
        "notes on articles (what was repaired or cut on the way in) and articles left out of briefs",
        (
            # JSON list of one-line notes.
            "ALTER TABLE articles ADD COLUMN notes TEXT NOT NULL DEFAULT '[]'",
            # Why the story's brief failed with this article in it (NULL: it did not); such an article
            # is left out of its story's briefs, and counted in stories.failed.
            "ALTER TABLE articles ADD COLUMN brief_problem TEXT",
            "ALTER TABLE stories ADD COLUMN failed INTEGER NOT NULL DEFAULT 0",
        ),
    ),
    Migration(
        4,
        "the kind of piece an article's page declares (its section or schema.org type)",
        # NULL where the page declared none, and for every article stored before.
        ("ALTER TABLE articles ADD COLUMN genre TEXT",),
    ),
)
