"""Brief lines on real documents: a sentence that only credits a speaker carries no claim, and a
plan told in the past is not what comes next."""

from __future__ import annotations

from pathlib import Path

from newsfuse.brief.candidates import collect
from newsfuse.brief.compress import trim
from newsfuse.brief.sections import place
from newsfuse.clean import Cleaner
from newsfuse.evaluation.stories import as_written, read_document
from newsfuse.evaluation.summaries import parse_line
from newsfuse.models import Article, Failure, RawDocument
from newsfuse.text.sentences import split_sentences
from tests.conftest import EVAL, need


def _ecb_document(name: str) -> Article:
    topic = name.split("_", 1)[0]
    path = need(EVAL / "ecbplus-dev") / "ECB+" / topic / f"{name}.xml"
    text = "\n\n".join(as_written(part) for part in read_document(Path(path)).split("\n\n"))
    (article,) = Cleaner().clean_batch([RawDocument(origin=f"{name}.txt", content=text, format="text")])
    assert not isinstance(article, Failure)
    return article


def _sentence(article: Article, words: str) -> str:
    return next(s.text for s in split_sentences(article.text) if words in s.text)


def test_a_sentence_that_only_credits_a_speaker_is_no_brief_line() -> None:
    # ECB+ writes the tokeniser's break after "Const." as a paragraph: "... man,” Vancouver police
    # Const. / Tim Fanning told a news conference." The second half says only who spoke, to whom.
    article = _ecb_document("18_14ecb")
    texts = [c.text for c in collect([article])]
    assert "Tim Fanning told a news conference." in article.text
    assert not any(t.endswith("told a news conference.") for t in texts)
    assert any("no one else was injured" in t for t in texts)  # a credited claim stays


def test_a_plan_told_in_the_past_is_what_happened_and_one_in_the_present_is_next() -> None:
    # "were planning to hold an office party upstairs when someone heard shots fired": the shooting
    # overtook the plan.
    past = _sentence(_ecb_document("18_9ecb"), "were planning to hold an office party")
    assert place(past).section != "whats_next"
    line = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()[115]
    ahead = next(
        s.text
        for a in parse_line(line, 116)
        for s in split_sentences(a.text)
        if "is planning to dispatch" in s.text
    )
    assert place(ahead).section == "whats_next"


def test_an_outlet_glued_to_the_first_word_gets_its_space_and_the_dateline_is_cut() -> None:
    # NeuS 160: "Washington (CNN)Sen. Rand Paul of Kentucky expressed frustration ..." (fresh reading
    # I); NeuS 200's "(CNN)The United States" was read as a place named "CNN)The United States".
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    assert parse_line(lines[199], 200)[0].text.startswith("(CNN) The United States is reporting")
    first = next(s.text for a in parse_line(lines[159], 160) for s in split_sentences(a.text) if "(CNN) Sen." in s.text)
    kept = trim(first).text
    assert kept.startswith("Sen. Rand Paul of Kentucky expressed frustration")
    assert kept.endswith("sources with knowledge of the situation said.")  # the claim's own credit stays
