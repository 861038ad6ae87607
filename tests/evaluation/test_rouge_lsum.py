"""Our ROUGE-LSum gives rouge_score's numbers exactly, on real pages, and reads optional gold paragraphs."""

from __future__ import annotations

import pytest
from rouge_score import rouge_scorer

from newsfuse.evaluation.extraction import read_page, trafilatura_paragraphs
from newsfuse.evaluation.extraction_sets import load_set
from newsfuse.evaluation.rouge_lsum import RougeLsum, reference_variants
from tests.conftest import EVAL, need

# One page of each of four publishers: wire copy, long feature, list-heavy page, optional paragraphs.
PAGES = ["APNews_0.html.gz", "LATimes_2.html.gz", "TheTelegraph_2.html.gz", "WashingtonTimes_2.html.gz"]


@pytest.mark.parametrize("name", PAGES)
def test_matches_rouge_score_on_real_pages(name: str) -> None:
    page = next(page for page in load_set(need(EVAL / "fundus-eval")).pages if page.name == name)
    gold = list(page.paragraphs)
    extracted = trafilatura_paragraphs(read_page(str(page.path)))
    ours = RougeLsum()
    # rouge_score splits on newlines when told nothing else: hand it the same sentences.
    reference = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=False)

    def sentences(paragraphs: list[str]) -> str:
        return "\n".join(ours.sentences("\n\n".join(" ".join(p.split()) for p in paragraphs)))

    candidate = sentences(extracted)
    expected = max(
        (reference.score(sentences(variant), candidate)["rougeLsum"] for variant in reference_variants(gold)),
        key=lambda score: score.fmeasure,
    )
    got = ours.score(gold, extracted)
    assert (got.precision, got.recall, got.f1) == pytest.approx(
        (expected.precision, expected.recall, expected.fmeasure), abs=1e-12
    )


def test_optional_paragraphs_may_be_left_out_or_kept() -> None:
    gold = ["The council approved the budget on Monday.", "[Reporting by Jane Roe]"]
    scorer = RougeLsum()
    assert scorer.score(gold, ["The council approved the budget on Monday."]).f1 == 1.0
    assert scorer.score(gold, ["The council approved the budget on Monday.", "Reporting by Jane Roe"]).f1 == 1.0
    assert scorer.score(gold, ["Subscribe now."]).f1 == 0.0


def test_many_optional_paragraphs_are_all_kept_or_all_dropped() -> None:
    gold = ["Body."] + [f"[Note {n}]" for n in range(6)]
    variants = list(reference_variants(gold))
    assert variants == [["Body.", *(f"Note {n}" for n in range(6))], ["Body."]]
