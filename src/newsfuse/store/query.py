"""A user's search text turned into words, so that no search syntax of any backend reaches it."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
# Searches are for names and phrases a person types; past this many words the rest adds nothing
# but cost (and bounds what an anonymous request can make the database do).
MAX_QUERY_WORDS = 16


def query_words(query: str) -> list[str]:
    """The query's words, case-folded, each once, at most MAX_QUERY_WORDS. Punctuation and operators drop out."""
    return list(dict.fromkeys(_WORD.findall(query.casefold())))[:MAX_QUERY_WORDS]


def fts5_match(words: list[str]) -> str:
    """An FTS5 MATCH expression requiring every word (each a quoted string, so none is an operator)."""
    return " ".join(f'"{word}"' for word in words)
