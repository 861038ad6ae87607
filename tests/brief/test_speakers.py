"""Who said a quote, as the brief shows it: a name only where an article makes it certain; otherwise
the source as the articles write it ("an Uber spokesperson", "she"), marked as such; unattributed
only where no source is written at all.

Real news read from ../shared/eval (PolNeAR and NeuS), and a few lines written for these tests."""

from __future__ import annotations

import pytest

from newsfuse.brief.speakers import certain_speakers
from newsfuse.clean import Cleaner
from newsfuse.evaluation.stories import read_document
from newsfuse.evaluation.summaries import load
from newsfuse.extract import Extractor
from newsfuse.models import Article, Failure, RawDocument, join_paragraphs
from newsfuse.models.facts import Quote, shown_speaker
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, need

# USA Today, 13 May 2016: "United Gun Group said in a statement ..." then '"Our mission is to esteem
# the 2nd amendment ...," the organization wrote'; '"Mr. Zimmerman never contacted anyone ...," the
# company said' with no organisation the story names in reach.
AUCTION = "train/text/usa-today_2016-05-13_auction-of-gun-used-to-kill-tray.txt"
# Washington Post, 9 August 2016: '"The nature of the projects I was working on ...," she told the
# newspaper', with Ivanka Trump and her daughter Arabella both in reach of "she".
IVANKA = "train/text/wash-post_2016-08-09_ivanka-trump-champions-some-work.txt"
# NeuS story 267 (line 267 of val.source): '"We are devastated by this tragic news ...," an Uber
# spokesperson said'.
CARJACKING_STORY = 266

# Written for these tests.
PARAGRAPHS = [
    "Harbour master Tomas Reyes closed the quay on Friday after the tide gauge failed.",
    "“The gauge has not been replaced since 1998,” Reyes said.",
    "When Reyes met Lina Okafor on Saturday, he had called the repairs “a matter of weeks at most”.",
    "Okafor, who runs a bakery on the quay, spoke to reporters after the meeting.",
    "“We have lost a whole week of trade and nobody has told us why,” she said.",
    "“The council will pay for every day the quay stays shut,” an official said.",
]


def _shown(articles: list[Article]) -> list[Quote]:
    facts = Extractor().extract(articles)
    return list(certain_speakers(facts.quotes, facts, articles))


def _quote(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(words)]
    assert found, f"no quote starts with {words!r}: {[q.text[:40] for q in quotes]}"
    return found[0]


def _polnear(relative: str) -> list[Article]:
    return [Newsfuse().articles([str(need(EVAL / "polnear" / relative))]).articles[0]]


@pytest.fixture(scope="module")
def written() -> list[Quote]:
    text, paragraphs = join_paragraphs(PARAGRAPHS)
    return _shown([Article(id="quay", text=text, paragraphs=paragraphs)])


def test_a_speaker_named_at_the_quote_is_shown(written: list[Quote]) -> None:
    quote = _quote(written, "The gauge has not been replaced")
    assert quote.speaker == "Tomas Reyes" and quote.speaker_as_written is None


def test_a_pronoun_whose_person_is_the_subject_before_it_is_resolved(written: list[Quote]) -> None:
    assert _quote(written, "We have lost a whole week").speaker == "Lina Okafor"


def test_a_pronoun_with_two_people_before_it_is_shown_as_written(written: list[Quote]) -> None:
    """ "When Reyes met Okafor, he had called ...": he could be either; the brief does not guess."""
    quote = _quote(written, "a matter of weeks")
    assert quote.speaker is None and quote.speaker_as_written == "he"


def test_a_written_description_is_shown_as_written(written: list[Quote]) -> None:
    quote = _quote(written, "The council will pay")
    assert quote.speaker is None and quote.speaker_as_written == "an official"
    assert shown_speaker(quote.speaker, quote.speaker_as_written) == "an official (as written)"


def test_an_organisation_named_before_its_description_is_the_speaker() -> None:
    """ "the organization wrote", after a sentence whose subject is United Gun Group: the company is
    shown by its name, not as "the organization"."""
    quote = _quote(_shown(_polnear(AUCTION)), "Our mission is to esteem the 2nd amendment")
    assert quote.speaker == "United Gun Group"
    assert shown_speaker(quote.speaker, quote.speaker_as_written) == "United Gun Group"


def test_a_description_with_no_name_in_reach_is_shown_as_written() -> None:
    quote = _quote(_shown(_polnear(AUCTION)), "Mr. Zimmerman never contacted anyone")
    assert quote.speaker is None  # no organisation the story names is in reach of "the company"
    assert quote.speaker_as_written == "the company"
    assert shown_speaker(quote.speaker, quote.speaker_as_written) == "the company (as written)"


def test_an_uncertain_pronoun_is_shown_as_written_never_as_a_guessed_name() -> None:
    quote = _quote(_shown(_polnear(IVANKA)), "The nature of the projects I was working on")
    assert quote.speaker is None  # not Donald Trump, whom "Trump" names elsewhere in the article
    assert quote.speaker_as_written == "she"


def test_an_indefinite_description_names_nobody_and_is_shown_as_written() -> None:
    story = load(need(EVAL / "neus-val"))[CARJACKING_STORY]
    quote = _quote(_shown(list(story.articles)), "We are devastated by this tragic news")
    assert quote.speaker is None  # nor the victim the tribute names
    assert quote.speaker_as_written == "an Uber spokesperson"


def test_a_quote_with_no_source_written_stays_unattributed() -> None:
    """ "Twitter has positioned itself as a ''global town square''": words no one in the text says."""
    quotes = _shown(_polnear("train/text/nyt_2016-02-08_twitter-takes-bigger-steps-to-th.txt"))
    quote = _quote(quotes, "global town square")
    assert quote.speaker is None and quote.speaker_as_written is None
    assert shown_speaker(quote.speaker, quote.speaker_as_written) == "unattributed"


def test_a_first_or_second_person_pronoun_is_no_source_shown() -> None:
    # ECB 31_11ecb to 31_14ecb: "“I'll prove you wrong,” you hear"; "“I'm glad we got that behind us
    # ...,” I said" in a column: the writer or the reader, whom a brief of several articles cannot name.
    root = need(EVAL / "ecbplus-dev") / "ECB+" / "31"
    raws = [
        RawDocument(origin=f"31_{n}ecb.txt", content=read_document(root / f"31_{n}ecb.xml"), format="text")
        for n in range(11, 15)
    ]
    articles = [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]
    shown = _shown(articles)
    assert _quote(shown, "I'll prove you wrong").speaker_as_written is None
    assert not [q for q in shown if (q.speaker_as_written or "").casefold() in {"i", "we", "you"}]
    assert [q for q in shown if q.speaker_as_written == "he"]  # a third person is still shown as written


def test_a_relative_pronoun_is_no_source_shown() -> None:
    # ECB+ 22_1ecbplus to 22_8ecbplus: 'a co-worker who yelled, “Hide, she's got a gun!”': "who" stands
    # for a noun phrase the brief does not show.
    root = need(EVAL / "ecbplus-dev") / "ECB+" / "22"
    raws = [
        RawDocument(origin=f"22_{n}ecbplus.txt", content=read_document(root / f"22_{n}ecbplus.xml"), format="text")
        for n in range(1, 9)
    ]
    shown = _shown([a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)])
    assert not [q for q in shown if (q.speaker_as_written or "").casefold() in {"who", "him", "whom", "which"}]
