"""Climbs over a dependency parse end at the sentence root, on real text that once made them spin."""

from __future__ import annotations

from pathlib import Path

from newsfuse.evaluation.stories import load_ecbplus
from newsfuse.extract.parsing import SpacyParser
from newsfuse.extract.syntax import climb, is_root
from tests.conftest import EVAL, need


def _ecb_article() -> str:
    # A real 5.6 KB report whose parse has noun roots: climbing from them to a verb never ended.
    documents = load_ecbplus(need(EVAL / "ecbplus-dev"))
    return next(d.text for d in documents if d.name == "9_11ecbplus.xml")


def test_each_sentence_has_one_root_and_every_climb_ends_there() -> None:
    doc = SpacyParser().parse([_ecb_article()])[0]
    for sentence in doc.sents:
        roots = [t for t in sentence if is_root(t)]
        assert [r.i for r in roots] == [sentence.root.i]
        for token in sentence:
            path = list(climb(token))
            assert path[0].i == token.i
            assert is_root(path[-1])
            assert len(path) <= len(sentence)


def test_a_climb_stops_at_its_limit() -> None:
    doc = SpacyParser().parse(["The minister said on Tuesday that the old rule would be revoked."])[0]
    deepest = max(doc, key=lambda t: len(list(t.ancestors)))
    assert len(list(climb(deepest, 2))) == 2


def test_the_article_that_hung_is_briefed(tmp_path: Path) -> None:
    from newsfuse.service import Newsfuse

    path = tmp_path / "9_11ecbplus.txt"
    path.write_text(_ecb_article(), encoding="utf-8")
    service = Newsfuse()
    briefs = service.briefs(service.articles([str(path)]).articles)
    assert len(briefs) == 1
    assert briefs[0].sections.what_happened
