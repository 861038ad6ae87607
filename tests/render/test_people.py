"""Key people in Markdown: other spellings are shown, a part of the person's own name is not."""

from __future__ import annotations

import re

from newsfuse.render.brief import briefs_markdown
from newsfuse.service import Newsfuse
from tests.conftest import REPO


def test_also_written_lists_other_spellings_not_a_surname_alone() -> None:
    service = Newsfuse()
    briefs = list(service.briefs(service.articles([str(REPO / "examples" / "corpus")]).articles))
    markdown = briefs_markdown(briefs)
    shown = re.findall(r"^- \*\*(.+?)\*\*.*?\(also written: (.+?)\)", markdown, flags=re.MULTILINE)
    assert shown, "the sample corpus has garbled and misspelt names"
    for name, aliases in shown:
        assert not set(aliases.split(", ")) & set(name.split()), (name, aliases)
    # A person whose surname stands alone in some articles has it among their aliases all the same.
    assert any(
        alias in person.name.split() for brief in briefs for person in brief.people for alias in person.aliases
    )
