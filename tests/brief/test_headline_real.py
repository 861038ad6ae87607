"""The brief's headline on real stories: a report's title in the words its sources share, or, where
no source has a title (ECB), the quick read's main event."""

from __future__ import annotations

import pytest

from newsfuse.evaluation.summaries import parse_line
from newsfuse.models.brief import Brief
from newsfuse.render.brief import shown_sections
from newsfuse.service import Newsfuse
from tests.brief.conftest import ecb_brief
from tests.conftest import EVAL, need


def _brief(number: int) -> Brief:
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    return Newsfuse().brief_story(str(number), parse_line(lines[number - 1], number))


@pytest.mark.parametrize(
    ("number", "view"),
    [
        # Each of these titles shares the most words with the other reports: by shared words alone
        # it would be the headline.
        (32, "I want your vote"),  # a candidate's own op-ed, in the first person
        (192, "OPINION:"),  # "OPINION: Outrage grows as families are separated. Will Trump ..."
        (202, "OPINION:"),  # "OPINION: Hillary Clinton's 'deplorables' comment is not entirely wrong."
    ],
)
def test_an_opinion_pieces_title_is_no_headline_beside_a_report(number: int, view: str) -> None:
    brief = _brief(number)
    assert brief.headline and view not in brief.headline


def test_the_headline_is_the_title_in_the_sources_shared_words() -> None:
    # Story 7: "Former Colorado Gov. John Hickenlooper joins 2020 presidential race." says what all
    # three reports say; "... Is Running For President In 2020." was chosen for its length before.
    brief = _brief(7)
    assert "joins 2020 presidential race" in brief.headline


@pytest.mark.parametrize("topic", [9, 5])
def test_an_untitled_story_is_headed_by_its_main_event_told_once(topic: int) -> None:
    # ECB 9: the top fact by salience is a quoted view ("This administration's disdain for wildlife
    # ...", said an advocate); ECB 5: the quick read's first line was shown again under the headline.
    brief = ecb_brief(topic, "ecb")
    assert brief.sections.quick_read and brief.headline == brief.sections.quick_read[0].text
    assert not brief.headline.startswith(("“", '"'))
    shown = [s.text for _, sentences in shown_sections(brief) for s in sentences]
    assert brief.headline not in shown


def test_a_title_that_asks_is_no_headline_beside_one_that_states() -> None:
    # NeuS 171: "Does Biden Need Pennsylvania to Win? The Alternative Election Path to 270." shares
    # the most words; another report's title tells what the story is about without asking.
    brief = _brief(171)
    assert brief.headline and "?" not in brief.headline


def _polnear_story(split: str, names: tuple[str, ...]) -> Brief:
    """A brief of PolNeAR texts (each with its outlet, day and title), as `eval views` briefs them."""
    from newsfuse.clean import Cleaner
    from newsfuse.evaluation.polnear import read_metadata
    from newsfuse.models import Article, RawDocument

    folder = need(EVAL / "polnear")
    metadata = read_metadata(folder / "metadata.tsv")
    raws = []
    for name in names:
        row = metadata[name]
        text = (folder / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        raws.append(
            RawDocument(
                origin=name, content=text, format="text", title=row.title, source=row.publisher, published=row.published
            )
        )
    articles = [a for a in Cleaner().clean_batch(raws) if isinstance(a, Article)]
    return Newsfuse().brief_story(names[0], articles)


def test_a_title_that_breaks_off_on_an_ellipsis_is_no_headline() -> None:
    # PolNeAR train, the round-4 draw's story of Indiana's delegates: the West Journal's "Revealed: More
    # Than 100 Delegates Are Planning To Do Something BIG To Trump If He Doesn't Do This…" withholds
    # what it announces; Politico's title beside it states what happened.
    brief = _polnear_story(
        "train",
        (
            "politico_2016-02-04_insiders-trump-will-rebound-in-n",
            "west-journal_2016-04-02_revealed-more-than-delegates-are",
            "politico_2016-04-09_trump-s-getting-trounced-in-indi",
        ),
    )
    assert brief.headline and not brief.headline.startswith("Revealed:")
    assert "…" not in brief.headline


def test_no_neus_title_breaks_off_on_an_ellipsis() -> None:
    # The teaser test reads punctuation only: the titles of news reports do not break off.
    from newsfuse.brief.extractive import _teases

    source = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8")
    titles = [part.split(" ARTICLE=> ")[0] for part in source.split("TITLE=> ")[1:]]
    assert len(titles) > 800
    assert not [t for t in titles if _teases(t)]
