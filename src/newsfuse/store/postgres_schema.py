"""The PostgreSQL schema, as numbered migrations (the same tables as SQLite's, in PostgreSQL's types).

Never edit a migration that has shipped: add the next one.
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
                created TIMESTAMPTZ NOT NULL,
                updated TIMESTAMPTZ NOT NULL,
                headline TEXT NOT NULL,
                article_count INTEGER NOT NULL,
                briefed INTEGER NOT NULL,  -- how many of its articles the current brief covers
                independent_sources INTEGER NOT NULL,
                open_conflicts INTEGER NOT NULL,
                version INTEGER NOT NULL
            )""",
            "CREATE INDEX stories_by_update ON stories (updated DESC, id)",
            """CREATE TABLE articles (
                seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                story_id TEXT NOT NULL REFERENCES stories (id),
                title TEXT, source TEXT, url TEXT, path TEXT, byline TEXT, published TEXT, dateline TEXT,
                agencies TEXT NOT NULL, language TEXT, headings TEXT NOT NULL, origin TEXT,
                text TEXT NOT NULL,
                paragraphs TEXT NOT NULL,
                added TIMESTAMPTZ NOT NULL
            )""",
            "CREATE INDEX articles_by_story ON articles (story_id, seq)",
            """CREATE TABLE briefs (
                story_id TEXT NOT NULL REFERENCES stories (id),
                version INTEGER NOT NULL,
                created TIMESTAMPTZ NOT NULL,
                headline TEXT NOT NULL,
                article_ids TEXT NOT NULL,
                independent_sources INTEGER NOT NULL,
                open_conflicts INTEGER NOT NULL,
                record TEXT NOT NULL,
                annotations TEXT NOT NULL,
                PRIMARY KEY (story_id, version)
            )""",
            """CREATE TABLE derivations (
                story_id TEXT NOT NULL REFERENCES stories (id),
                article_id TEXT NOT NULL,
                parent TEXT NOT NULL,
                parent_is_agency INTEGER NOT NULL,
                kind TEXT NOT NULL,
                score DOUBLE PRECISION NOT NULL,
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
                checked TIMESTAMPTZ,
                next_due TIMESTAMPTZ,
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
            # 'simple': no stemming and no stop words, since articles come in many languages.
            """ALTER TABLE articles ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', coalesce(title, '')), 'A')
                || setweight(to_tsvector('simple', text), 'B')
            ) STORED""",
            "CREATE INDEX articles_search ON articles USING GIN (search)",
            "ALTER TABLE stories ADD COLUMN search_text TEXT NOT NULL DEFAULT ''",
            """ALTER TABLE stories ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', headline), 'A') || setweight(to_tsvector('simple', search_text), 'B')
            ) STORED""",
            "CREATE INDEX stories_search ON stories USING GIN (search)",
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
