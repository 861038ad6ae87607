"""A standalone HTML page of briefs: inline styles, no scripts, no network; all source text escaped."""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from newsfuse.models import Span
from newsfuse.models.brief import SECTION_TITLES, Brief
from newsfuse.models.facts import shown_speaker
from newsfuse.render.brief import explained, person_roles, shown_sections, source_line


class HtmlRenderer:
    """Holds the Jinja environment (autoescaping on), built once per renderer."""

    def __init__(self) -> None:
        self._env = Environment(
            loader=PackageLoader("newsfuse", "render/templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, briefs: Sequence[Brief]) -> str:
        template = self._env.get_template("brief.html.j2")
        return template.render(
            briefs=briefs,
            titles=SECTION_TITLES,
            source_line=source_line,
            cite=_cite,
            label=_label,
            person_roles=person_roles,
            shown_speaker=shown_speaker,
            explained=explained,
            shown_sections=shown_sections,
        )


def _cite(brief: Brief, story: int, sources: Sequence[str], spans: Sequence[Span]) -> Markup:
    """Superscript links to the cited sources; hovering one shows the cited passage."""
    number = {article.id: i for i, article in enumerate(brief.articles, start=1)}
    parts = []
    for article_id in sorted({s for s in sources if s in number}, key=number.__getitem__):
        passage = next((brief.article(article_id).excerpt(s) for s in spans if s.article_id == article_id), "")
        title = f' title="{escape(passage)}"' if passage else ""
        parts.append(f'<a href="#s{story}-{number[article_id]}"{title}>[{number[article_id]}]</a>')
    return Markup(f'<sup class="cite">{"".join(parts)}</sup>') if parts else Markup("")


def _label(brief: Brief, story: int, parent: str) -> Markup:
    number = {article.id: i for i, article in enumerate(brief.articles, start=1)}
    if parent in number:
        return Markup(f'<a href="#s{story}-{number[parent]}">[{number[parent]}]</a>')
    return Markup(escape(parent))
