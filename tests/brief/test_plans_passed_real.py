"""A plan whose own day, read against its article's date, lies before the story's latest report has
come and gone: it is no "what's next" (PolNeAR: a July 6 report's "On Thursday, Comey will testify",
in a story reported to September 7)."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.evaluation.polnear import read_metadata
from newsfuse.models import Article
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need, polnear_titled


def _dated(title: str) -> Article:
    """The PolNeAR train text of that title with its day of publication, as `metadata.tsv` gives it."""
    article = polnear_titled("train", title)
    metadata = read_metadata(need(EVAL / "polnear" / "metadata.tsv"))
    return replace(article, published=metadata[article.origin].published)


def test_a_plan_dated_before_the_storys_latest_report_is_not_whats_next() -> None:
    july = _dated("Lynch Closes The Door on Clinton Probe")
    september = _dated("Republican seeks new Clinton inquiry")
    assert "On Thursday, Comey will testify" in july.text  # the plan, as its article tells it
    alone = Newsfuse().brief_story("july", [july]).sections
    assert any("will testify" in line.text for line in (*alone.whats_next, *alone.quick_read))  # next, in July
    later = Newsfuse().brief_story("september", [july, september]).sections
    assert not any("will testify" in line.text or "will appear" in line.text for line in later.whats_next)
    assert not any("will testify" in line.text for line in later.quick_read)
