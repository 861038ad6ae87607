"""A headline overtaken by a later report (issue 22, fresh reading I): ECB+ 6, documents 9-11 of its
`ecbplus` half. A film blog's title "Gary Ross in negotiations to direct ..." once headed a story whose
dated report says he will not direct. The blog is read as an argued piece (extract.stance), and an
argued piece's title is no headline, so the report's title heads the story."""

from __future__ import annotations

from newsfuse.clean import Cleaner
from newsfuse.evaluation.stories import as_written, read_document
from newsfuse.models import Failure, RawDocument
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need


def test_the_headline_is_not_the_overtaken_title() -> None:
    folder = need(EVAL / "ecbplus-dev" / "ECB+" / "6")
    raws = []
    for number in (9, 10, 11):
        document = read_document(folder / f"6_{number}ecbplus.xml")
        text = "\n\n".join(as_written(p) for p in document.split("\n\n"))
        raws.append(RawDocument(origin=f"6_{number}ecbplus.txt", content=text, format="text"))
    articles = [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]
    titles = {a.title for a in articles}
    assert any(t and "in negotiations to direct" in t for t in titles)  # the stale title is there to choose
    brief = Newsfuse().brief_story("6_ecbplus", articles)
    assert "in negotiations" not in brief.headline
    assert "Direct" in brief.headline  # "Gary Ross Won't Direct ..."
