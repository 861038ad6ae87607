"""Walks over a dependency parse that always end.

spaCy makes a new `Token` object on every access, so `token.head is token` is never true, not even at
the root of a sentence (whose head is itself): a loop that climbs heads until `head is current`
never stops there. Tokens are compared by index instead, and every climb is bounded by the tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def is_root(token: Token) -> bool:
    """True for the root of its sentence (the one token that is its own head)."""
    return bool(token.head.i == token.i)


def climb(token: Token, limit: int | None = None) -> Iterator[Token]:
    """The token, then its head, its head's head, ... up to the sentence root; at most `limit` tokens."""
    path: Iterator[Token] = chain([token], token.ancestors)
    return path if limit is None else islice(path, limit)
