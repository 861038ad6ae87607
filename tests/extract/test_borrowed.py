"""Where an article gives someone's words with no closing quotation mark (extract.borrowed), on real
PolNeAR lines: a quotation running past its paragraph, a transcript's turns, a block quotation after
a lead-in to speech; and what is none of these (a colon before the writer's own list, quotations
whose marks pair up, a heading in capitals)."""

from __future__ import annotations

from newsfuse.clean import Cleaner
from newsfuse.extract.borrowed import borrowed, introduces_speech, within
from newsfuse.models import Article
from newsfuse.text.sentences import split_sentences
from tests.conftest import polnear_document


def _article(split: str, prefix: str) -> Article:
    (article,) = Cleaner().clean_batch([polnear_document(split, prefix)])
    assert isinstance(article, Article)
    return article


def _lent(article: Article, words: str) -> bool:
    # Sentences split per paragraph, as the brief's candidates are.
    sentences = (s for p in article.paragraphs for s in split_sentences(article.text[p.start : p.end], offset=p.start))
    sentence = next(s for s in sentences if words in s.text)
    return within(borrowed(article.text), sentence.start, sentence.end)


def _paragraph(article: Article, words: str) -> str:
    return next(p for p in article.text.split("\n") if words in p)


def test_a_quotation_that_never_closes_is_its_speakers() -> None:
    # Breitbart on Trump praising its editor: Trump's answer opens on a mark and never closes.
    report = _article("train", "breitbart_2016-02-16_donald-trump-praises")
    assert _lent(report, "Bush got up and stumbled through an answer")
    assert not _lent(report, "praised Breitbart News’ Washington Political Editor")


def test_a_television_transcript_is_the_speakers() -> None:
    # Breitbart on Pence on Fox News Sunday: "Partial transcript as follows:" and turns opening on
    # '"PENCE: Well, look, ...' that never close.
    report = _article("dev", "breitbart_2016-09-25_pence")
    assert _lent(report, "Mark Cuban knows as much about national security as I do")
    assert not _lent(report, "said his running mate")


def test_a_block_quotation_is_set_off_by_a_lead_in_to_speech() -> None:
    # West Journal on a preacher's prophecy: "In the text accompanying the video post, Wallnau
    # wrote:" and then his words in the first person, no marks.
    post = _article("train", "west-journal_2015-11-10_christ")
    assert introduces_speech(_paragraph(post, "Wallnau wrote:"))
    assert _lent(post, "I think this prophetic prayer timely")


def test_a_colon_before_the_writers_own_words_lends_nothing() -> None:
    # "(all times Eastern Standard Time):" (an AP live file: "five states" is no verb) and "Here
    # are three reasons ...:" introduce the writer's own lines.
    latest = _article("train", "breitbart_2016-03-01_the-latest-sanders")
    assert not introduces_speech(_paragraph(latest, "(all times Eastern Standard Time):"))
    reasons = _article("train", "wash-post_2016-03-24_stop-trumpers")
    assert not introduces_speech(_paragraph(reasons, "Here are three reasons"))
    # After a lead-in to a post the page dropped, the writer resumes in the third person: theirs.
    exchange = _article("train", "huff-post_2016-05-11_sanders-told")
    assert introduces_speech(_paragraph(exchange, "for context:"))
    assert not _lent(exchange, "Sanders is not the first")


def test_quotations_nested_with_the_same_marks_close() -> None:
    # West Journal: 'George Zornick of The Nation wrote, "If you want ... even when "your team" needs
    # to be held accountable. ..." Zornick's comment highlighted ...': the marks pair up.
    piece = _article("train", "west-journal_2016-02-17_black-lives")
    assert not _lent(piece, "comment highlighted the silence Democrats")
