"""Provenance as contract JSON fields and as Markdown: who derives from whom, how many sources are independent."""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.models import Article, Provenance


def sources_line(provenance: Provenance) -> str:
    """ "5 articles, 2 independent sources"."""
    articles = len(provenance.articles)
    sources = provenance.independent_sources
    if articles and not sources:  # the brief stopped before its sources were traced
        return f"{articles} article{'s' if articles != 1 else ''}, sources not traced"
    return (
        f"{articles} article{'s' if articles != 1 else ''}, {sources} independent source{'s' if sources != 1 else ''}"
    )


def provenance_markdown(provenance: Provenance, articles: Sequence[Article]) -> str:
    """The sources line, then one bullet per article saying what it derives from."""
    labels = {a.id: a.label for a in articles}
    lines = [sources_line(provenance), ""]
    for article_id in provenance.articles:
        label = labels.get(article_id, article_id)
        parts = []
        for derivation in provenance.derived_from(article_id):
            parent = (
                derivation.parent if derivation.parent_is_agency else labels.get(derivation.parent, derivation.parent)
            )
            parts.append(f"{_KIND_WORDS[derivation.kind]} {parent}")
        described = "; ".join(parts) if parts else "independent"
        if provenance.machine_translated(article_id):
            described += " (machine-translated)"
        lines.append(f"- **{label}**: {described}")
    return "\n".join(lines) + "\n"


_KIND_WORDS = {
    "copy": "copy of",
    "rewrite": "rewrite of",
    "translation": "translation of",
    "summary": "digest of",
}
