"""Lead sentences read by their parse, on real NeuS stories: a report of a deed, or a deck."""

from __future__ import annotations

from newsfuse.evaluation.summaries import parse_line
from newsfuse.extract import Extractor
from newsfuse.extract.leads import _headline_grammar
from newsfuse.extract.parsing import SpacyParser
from newsfuse.models import Article
from newsfuse.models.facts import LeadClause
from tests.conftest import EVAL, need, polnear_titled
from tests.extract.conftest import ecb_story


def _leads(extractor: Extractor, number: int) -> list[tuple[Article, LeadClause]]:
    lines = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()
    articles = parse_line(lines[number - 1], number)
    by_id = {a.id: a for a in articles}
    return [(by_id[c.span.article_id], c) for c in extractor.extract(articles).leads]


def _opening(article: Article, clause: LeadClause) -> str:
    return article.excerpt(clause.span)


def test_a_lead_that_reports_a_deed_done_is_a_report(extractor: Extractor) -> None:
    # NeuS 123: "President-elect Donald Trump has chosen top officials ..." (a perfect: done) and
    # "... on Tuesday announced he plans to nominate ..." (the announcement is the deed).
    leads = {_opening(a, c)[:30]: c for a, c in _leads(extractor, 123)}
    chosen = next(c for text, c in leads.items() if text.startswith("President-elect Donald Trump h"))
    announced = next(c for text, c in leads.items() if text.startswith("President-elect Donald Trump o"))
    assert chosen.report and "chosen" in chosen.deed
    assert announced.report and "announced" in announced.deed


def test_a_hypothesis_or_a_state_is_no_report(extractor: Extractor) -> None:
    # NeuS 123: "If President-elect Donald J. Trump wanted ..., he could not have found ..." (a modal
    # perfect: a hypothesis); NeuS 103: "Gary D. Cohn is a Democrat, but ..." (a copula: a state).
    hypothesis = [c for a, c in _leads(extractor, 123) if _opening(a, c).startswith("If President-elect")]
    state = [c for a, c in _leads(extractor, 103) if _opening(a, c).startswith("Gary D. Cohn is")]
    assert hypothesis and not any(c.report for c in hypothesis)
    assert state and not any(c.report for c in state)


def test_a_deck_is_told_from_a_lead(extractor: Extractor) -> None:
    # NeuS 281's first article is its deck alone: "Order to State Department to hold off on spending
    # jibes with president's call for an early exit." (no finite verb). The other leads are sentences.
    leads = _leads(extractor, 281)
    decks = [_opening(a, c) for a, c in leads if c.deck]
    assert decks and all(d.startswith("Order to State Department") for d in decks)
    assert [c for _, c in leads if not c.deck]


def test_a_passive_with_its_auxiliary_dropped_is_a_deck(extractor: Extractor) -> None:
    # ECB+ 34 (Regina Benjamin's nomination): one page opens on its deck, "Nominee praised for her
    # expertise, ...": a passive with no auxiliary and a subject with no article, which the parser
    # reads as an active past with no object. The page's next lead, a body sentence, is no deck.
    articles = [a for a in ecb_story(34, "ecbplus") if a.text.startswith("Nominee praised")]
    assert articles
    leads = extractor.extract(articles).leads
    decks = [articles[0].excerpt(c.span) for c in leads if c.deck]
    assert decks == [articles[0].excerpt(leads[0].span)] and decks[0].startswith("Nominee praised for")
    assert any(not c.deck for c in leads)


def test_a_deck_of_two_clauses_set_off_by_a_semicolon_is_a_deck() -> None:
    # PolNeAR dev, the Washington Post's "Outrage, but few options on the table": the parser heads the
    # deck on its second clause ("vow", read as a noun); the first is the headline grammar.
    doc = SpacyParser().nlp("World leaders denounce N. Korea test; Obama, others vow consequences.")
    assert _headline_grammar(next(iter(doc.sents)))
    body = SpacyParser().nlp(
        "U.S. intelligence indicates that North Korean dictator Kim Jong Un recently had cardiovascular"
        " surgery, NBC News reported Tuesday."
    )
    assert not _headline_grammar(next(iter(body.sents)))  # a mass noun takes no article in a body sentence


def test_a_deck_that_drops_its_subject_is_a_deck(extractor: Extractor) -> None:
    # PolNeAR train story 83 (USA Today, "'2nd Amendment people' his secret weapon, Trump hints"): the
    # page's deck, "Says Clinton would stack Supreme Court against gun advocates.", drops the subject
    # its headline names; it was shown as a line of what happened (fresh reading O). The lead under
    # it ("Donald Trump on Tuesday seemed to imply ...") names its subject and is no deck.
    article = polnear_titled("train", "'2nd Amendment people' his secret weapon")
    leads = extractor.extract([article]).leads
    assert article.excerpt(leads[0].span).startswith("Says Clinton would stack") and leads[0].deck
    assert [c for c in leads[1:] if not c.deck]


def test_a_deck_whose_prepositional_object_lacks_its_article_is_a_deck(extractor: Extractor) -> None:
    # PolNeAR train, the Washington Post's "Republican seeks new Clinton inquiry": its deck "Chaffetz
    # asks for probeof email deletions bytech company staffer." was a line of what happened and of the
    # quick read (session 16's blind reading); "probe" has no article. The lead under it is no deck.
    article = polnear_titled("train", "Republican seeks new Clinton inquiry")
    leads = extractor.extract([article]).leads
    assert article.excerpt(leads[0].span).startswith("Chaffetz asks for probe") and leads[0].deck
    assert [c for c in leads[1:] if not c.deck]
    nlp = SpacyParser().nlp
    deck = "Sanders praises Obama after 45-minute meeting on policy and politics."  # PolNeAR train, the Post
    assert _headline_grammar(next(iter(nlp(deck).sents)))
    body = "Ken Klippen lives in Philadelphia with his wife and works for a trade group."
    assert not _headline_grammar(next(iter(nlp(body).sents)))  # a feature's present: the nouns have theirs


def test_a_present_verb_after_its_subject_or_in_a_question_is_no_deck() -> None:
    nlp = SpacyParser().nlp
    # The parser misses the subject of "fixes" (ECB+ 27_16ecb) and of "Has" (NeuS 183): a noun before
    # the verb, or a question's inversion, is no dropped subject.
    for text in (
        "The out-of-band security update fixes a JavaScript-related vulnerability that's being actively"
        " exploited through hacked Web sites.",
        "Has any question taken up more airtime at the Democratic debates than how to pay for Medicare for All?",
    ):
        assert not _headline_grammar(next(iter(nlp(text).sents))), text
    assert _headline_grammar(next(iter(nlp("Takes Wisconsin, but Clinton still has the math.").sents)))


def test_a_leads_deed_holds_the_results_its_participles_tell(extractor: Extractor) -> None:
    # ECB+ 20 (the Qeshm earthquake): "An earthquake measuring at least magnitude-5.9 shook ... on
    # Sunday, flattening seven villages and killing 10 people" tells its toll in participles after the
    # verb, and the headlines name that toll ("Powerful Quake in Iran Kills 10"), not the verb.
    articles = [
        a for a in ecb_story(20, "ecbplus") if a.origin.split(".")[0] in {f"20_{n}ecbplus" for n in range(1, 9)}
    ]
    by_id = {a.id: a for a in articles}
    clauses = [c for c in extractor.extract(articles).leads if c.report]
    shook = [c for c in clauses if by_id[c.span.article_id].excerpt(c.span).startswith("An earthquake measuring")]
    assert shook and all({"shook", "flattening", "killing", "kill"} <= set(c.deed) for c in shook)
    # A participle that describes the subject ("measuring at least magnitude-5.9") is no result.
    assert not any("measuring" in c.deed for c in shook)
