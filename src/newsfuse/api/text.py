"""Text put into replies made safe to encode, whatever a request or an exception held."""

from __future__ import annotations


def printable(text: str) -> str:
    """The text with any lone surrogate written as an escape (\\ud800): JSON replies are UTF-8, which
    cannot hold one, and a reply that fails to encode is a 500 instead of the 4xx it was meant to be."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
