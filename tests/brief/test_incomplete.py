"""A story's brief never raises and never hangs: past its budget, or when a stage fails, it comes back
marked incomplete with its sources, and the other stories are briefed as usual."""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.brief.builder import BriefBuilder
from newsfuse.brief.extractive import Composition, SourceProfile
from newsfuse.models import Article
from newsfuse.parallel import brief_in_workers
from newsfuse.render.brief import briefs_markdown
from newsfuse.service import Newsfuse
from tests.conftest import CORPUS, SEEDS, need


class FailingComposer:
    name = "failing"

    def compose(self, articles: Sequence[Article], profile: SourceProfile | None = None) -> Composition:
        raise RuntimeError("the composer broke")


def test_a_budget_too_short_gives_an_incomplete_brief_with_its_sources() -> None:
    service = Newsfuse()
    articles = service.articles([str(need(SEEDS))]).articles
    brief = service.brief_story("seeds", articles, seconds=0.0)
    assert not brief.complete
    assert brief.error is not None and "time budget" in brief.error
    assert [a.id for a in brief.articles] == [a.id for a in articles]
    assert brief.sections.all_sentences() == []
    assert "Incomplete brief" in briefs_markdown([brief])


def test_a_stage_that_fails_marks_the_brief_and_keeps_the_traced_sources() -> None:
    service = Newsfuse()
    service._briefs = BriefBuilder(FailingComposer())  # the last stage fails, after provenance was traced
    articles = service.articles([str(need(SEEDS))]).articles
    brief = service.brief_story("seeds", articles)
    assert brief.error == "failed: RuntimeError: the composer broke"
    # Provenance had finished: the copies and the translation still count as the sources they are.
    assert 1 <= brief.independent_sources < len(articles)


def test_workers_give_the_briefs_one_process_gives() -> None:
    service = Newsfuse()
    groups = service.group(service.articles([str(CORPUS)]).articles)
    alone = {story_id: service.brief_story(story_id, members) for story_id, members in groups}
    parallel = dict(brief_in_workers(groups, workers=2))
    assert parallel.keys() == alone.keys()
    for story_id, brief in parallel.items():
        assert brief.complete
        assert brief.sections == alone[story_id].sections
        assert brief.conflicts == alone[story_id].conflicts
