"""Conflicts on PolNeAR stories (US election news of 2015-16): the false alarms read in issue 21's
PolNeAR round stay gone, on the articles' own sentences (../shared/eval/polnear; skipped without it).

Two AP "The Latest" blogs of two primary days (1 and 15 March 2016, as Breitbart carried them) give
the delegates at stake that day and the count each party's nomination takes; Obama's convention line
was printed from the advance text and as delivered, with an aside the advance text lacks."""

from __future__ import annotations

import re

import pytest

from newsfuse.claims import ClaimAligner
from newsfuse.claims.measures import measured
from newsfuse.clean import Cleaner
from newsfuse.evaluation.conflicts import story_conflicts
from newsfuse.extract import Extractor
from newsfuse.extract.meaning import meaning_change
from newsfuse.models import Article, Conflict, NumberMention, StoryFacts
from tests.conftest import EVAL, need, polnear_document

Primaries = tuple[tuple[Article, ...], StoryFacts, tuple[Conflict, ...]]
SUPER_TUESDAY = "breitbart_2016-03-01_the-latest-sanders-wins"
MARCH_15 = "breitbart_2016-03-15_the-latest-kasich-scores"


def _article(split: str, prefix: str) -> Article:
    (article,) = Cleaner().clean_batch([polnear_document(split, prefix)])
    assert isinstance(article, Article), article
    return article


@pytest.fixture(scope="module")
def primaries() -> Primaries:
    articles = (_article("train", SUPER_TUESDAY), _article("train", MARCH_15))
    extractor = Extractor()
    return articles, extractor.extract(articles), story_conflicts(articles, extractor, ClaimAligner())


def _numbers(facts: StoryFacts, articles: tuple[Article, ...], sentence: str, text: str) -> list[NumberMention]:
    """The mentions of `text` inside each copy of `sentence` in the articles."""
    copies = {(a.id, m.start(), m.end()) for a in articles for m in re.finditer(re.escape(sentence), a.text)}
    found = [
        n
        for n in facts.numbers
        if n.text == text and any(i == n.span.article_id and s <= n.span.start < e for i, s, e in copies)
    ]
    assert found, f"{text!r} of {sentence!r} not found"
    return found


def test_what_a_nomination_takes_is_a_threshold_not_a_count(primaries: Primaries) -> None:
    articles, facts, _ = primaries
    for sentence, text in (
        ("It takes 2,383 delegates to win.", "2,383"),
        ("It takes 1,237 delegates to win the Republican nomination for president.", "1,237"),
    ):
        assert {n.stance for n in _numbers(facts, articles, sentence, text)} == {"expected"}


def test_delegates_at_stake_are_counted_over_their_states_and_party(primaries: Primaries) -> None:
    articles, facts, _ = primaries
    five = _numbers(facts, articles, "In all, 691 delegates are up for grabs in five states.", "691")
    eleven = _numbers(facts, articles, "In all, 865 delegates are at stake in 11 states.", "865")
    republican = _numbers(facts, articles, "There are 595 Republican delegates at stake in 11 states.", "595")
    assert {n.frame for n in five} == {"over 5 state"}
    assert {n.frame for n in eleven} == {n.frame for n in republican} == {"over 11 state"}
    nouns = {m.noun for n in (*eleven, *republican) if (m := measured(n)) is not None}
    assert nouns == {"delegate", "republican delegate"}


def test_two_primary_days_and_two_parties_raise_no_delegate_conflict(primaries: Primaries) -> None:
    _, _, conflicts = primaries
    opened = [c for c in conflicts if c.status == "open" and c.kind == "number"]
    assert not [c.about for c in opened if "delegate" in c.about], opened


def _quoted(split: str, name: str, opening: str) -> str:
    text = (need(EVAL / "polnear" / split / "text") / f"{name}.txt").read_text(encoding="utf-8")
    found = re.search(rf"\u201c({re.escape(opening)}[^\u201d]*?)\.?\u201d", text)
    assert found is not None, f"{name}: no quote opening {opening!r}"
    return found.group(1)


def test_an_aside_that_echoes_a_denial_changes_no_meaning() -> None:
    opening = "I can say with confidence"
    delivered = _quoted("train", "west-journal_2016-07-28_obama-claims-hillary-most-qualif", opening)
    advance = _quoted("train", "breitbart_2016-07-27_obama-to-frame-election-as-comma", opening)
    assert "not me, not Bill" in delivered and "not me" not in advance
    assert meaning_change(delivered, advance) is None
    assert meaning_change(advance, delivered) is None
    # Set into a clause that was affirmed, a "not" is the denial itself.
    affirmed = advance.replace("there has never been", "there has been")
    inserted = affirmed.replace("a man or a woman", "a man or a woman, frankly, not")
    assert meaning_change(affirmed, inserted) is not None


@pytest.mark.parametrize(
    ("credited", "named", "words"),
    [
        # "Romney also listed Trump's personal qualities, which the moderator rattled off": Fox's Chris
        # Wallace read Romney's list out at the debate.
        ("wash-post_2016-03-04_blistering-attacks", "west-journal_2016-05-05_romney-will-not", "the misogyny"),
        # "Reid ... said he was confident that Mr. Sanders would ''do the right thing''", against
        # Sanders telling the party to "do the right thing and open its doors".
        ("nyt_2016-05-19_democrats-pressure-sanders", "wash-post_2016-05-19_sanders-s-supporters", "right thing"),
    ],
)
def test_words_credited_with_the_other_speaker_named_beside_them_are_no_dispute(
    credited: str, named: str, words: str
) -> None:
    articles = (_article("train", credited), _article("train", named))
    found = [
        c
        for c in story_conflicts(articles, Extractor(), ClaimAligner())
        if c.kind == "quote" and c.about.startswith("who said") and words in c.about.lower()
    ]
    assert found, "the two renderings are no longer grouped as one quote"
    assert {c.status for c in found} == {"reconciled"}, found
    assert all("named beside them" in c.explanation for c in found)
