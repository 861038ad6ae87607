"""Fresh reading N (issue 22, session 13): lines read against their sources on PolNeAR train.

Each case is the real line that misled, beside a line of the same kind that must stay:
- a plural title abbreviated before names ("include Reps. Darrell Issa and Duncan Hunter") ends no
  sentence, so no line is cut after it;
- an "after" with no object on the main verb ("Staff soon after alerted ...") counts from something
  told before;
- a pronoun subject after an opening clause with no subject of its own ("Whenever asked about her
  weaknesses, they shifted topics ...") stands for someone in the sentence before: the clause's
  nouns cannot name it;
- an impression ("appeared poised to reconcile") that the next sentence turns against ("But ...
  passed on a chance") is a set-up, not an outcome.
"""

from __future__ import annotations

from newsfuse.extract.leaning import leans
from newsfuse.extract.parsing import SpacyParser
from newsfuse.extract.turns import overturned_sentences
from newsfuse.models import Article
from newsfuse.text.sentences import split_sentences
from tests.conftest import polnear_titled


def _leaning(article: Article, words: str) -> str | None:
    """Why the parser's sentence of the article holding `words` leans, or None."""
    return leans(next(s for s in SpacyParser().nlp(article.text).sents if words in s.text))


def _alone(text: str) -> str | None:
    (sentence,) = SpacyParser().nlp(text).sents
    return leans(sentence)


def test_a_plural_title_before_names_ends_no_sentence() -> None:
    article = polnear_titled("train", "Kevin McCarthy signs up to be a Trump delegate")
    texts = [s.text for s in split_sentences(article.text)]
    assert any("include Reps. Darrell Issa and Duncan Hunter" in t for t in texts)
    assert not any(t.endswith("include Reps.") for t in texts)
    # In lower case it is a count that may end a sentence.
    assert [s.text for s in split_sentences("He did 10 reps. Then he left.")] == ["He did 10 reps.", "Then he left."]


def test_an_after_with_no_object_leans_on_the_sentence_before() -> None:
    article = polnear_titled("train", "IG report: State was inaccurate on Clinton")
    assert _leaning(article, "Staff soon after alerted") == "after"
    assert _alone("Staff alerted Clinton's chief of staff soon after the request arrived.") is None
    # A clause before it in the sentence is what it counts from.
    assert _alone("The driver was arrested and soon after released on bail.") is None


def test_a_pronoun_after_an_opening_clause_with_no_subject_leans() -> None:
    article = polnear_titled("train", "Hillary Clinton Reassures House Democrats")
    assert _leaning(article, "Whenever asked about her weaknesses, they") == "they"
    # An opening clause with a subject of its own may name what the pronoun stands for.
    assert _alone("When the senators returned from the recess, they voted against the bill.") is None


def test_an_impression_the_next_sentence_turns_against_is_no_line() -> None:
    article = polnear_titled("train", "Amid discord, Trump claims nomination")
    doc = SpacyParser().nlp(article.text)
    spans = overturned_sentences([article], [doc])
    turned = [article.text[s.start : s.end] for s in spans]
    assert any("appeared poised to reconcile" in t for t in turned)
    # The turn itself, and the deeds around it, stay.
    assert not any("passed on a chance" in t or "roll call itself" in t for t in turned)
