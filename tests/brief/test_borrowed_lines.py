"""Words handed to a speaker without a closing quotation mark are the speaker's everywhere (issue 22,
extract.borrowed): the brief does not show them as its own narration, and the extract stage does not
read them as the writer's views. Real PolNeAR train reports; each case failed before the rule."""

from __future__ import annotations

from newsfuse.clean import Cleaner
from newsfuse.extract.parsing import SpacyParser
from newsfuse.extract.stance import story_stance
from newsfuse.models import Article
from newsfuse.service import Newsfuse
from tests.conftest import polnear_document


def _report(prefix: str) -> Article:
    (article,) = Cleaner().clean_batch([polnear_document("train", prefix)])
    assert isinstance(article, Article)
    return article


def _shown(article: Article) -> list[str]:
    brief = Newsfuse().brief_story("borrowed", [article])
    sections = brief.sections
    return [
        s.text
        for s in (
            *brief.lede,
            *sections.quick_read,
            *sections.what_happened,
            *sections.why_it_matters,
            *sections.whats_next,
            *sections.background,
            *sections.perspectives,
        )
    ]


def test_a_quotation_that_runs_on_is_no_line_of_the_brief() -> None:
    # West Journal on the Post's Trump reporters: '"Donald Trump is a presidential candidate unlike
    # any we've ever seen before," said Baron. "His candidacy ... Given that he could ascend to the
    # most powerful position in the world, Trump's life and career deserve to be explored in the
    # greatest depth.' The second quotation never closes; its last sentence, the editor's, led the
    # quick read and the lede as the writer's own.
    shown = _shown(_report("west-journal_2016-05-12_washington-post-assem"))
    assert shown and not any("deserve to be explored" in t for t in shown)
    assert any("Martin Baron" in t for t in shown)  # the writer's sentence before it stays


def test_a_website_quoted_after_a_colon_is_no_line_of_the_brief() -> None:
    # Breitbart on the conservative movement's old leaders: "..., as the Heritage Foundation website
    # notes:" and then its paragraphs, each opening on a mark that no mark closes. "As their statement
    # of principle, the group adopted the Sharon Statement, ..." stood in what happened as reported.
    shown = _shown(_report("breitbart_2016-01-19_long-time-leaders"))
    assert shown and not any(t.startswith("As their statement of principle") for t in shown)
    assert not any(t.startswith("While the language differs") for t in shown)


def test_a_candidates_statement_is_no_view_of_the_writer() -> None:
    # Breitbart on Kelli Ward: her statement, quoted over several paragraphs that open on a mark and
    # never close ("Loretta Lynch should be impeached for such outrageous overreach."), was read as
    # the writer's views, four sentences of them.
    article = _report("breitbart_2016-05-14_mccain-challenger")
    (doc,) = SpacyParser().parse([article.text])
    views = [article.text[v.start : v.end] for v in story_stance([article], [doc]).views]
    assert not any("should be impeached" in v or "your bathroom" in v for v in views)
