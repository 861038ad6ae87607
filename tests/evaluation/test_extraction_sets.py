"""Both formats of extraction set are read, split into halves by site, and scored by their own arithmetic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli.app import app
from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.extraction import Extracted, score_extractions
from newsfuse.evaluation.extraction_sets import Half, load_set
from newsfuse.evaluation.shingles import ShingleCounts, corpus_score, page_counts
from tests.conftest import EVAL, need


def test_fundus_eval_is_read_with_its_gold_bodies_and_publishers() -> None:
    news = load_set(need(EVAL / "fundus-eval"))
    assert news.format == "fundus" and len(news.pages) == 80
    assert len({page.group for page in news.pages}) == 16
    assert all(page.paragraphs and page.path.name.endswith(".html.gz") for page in news.pages)


def test_trafilaturas_set_is_read_with_its_snippets_and_sites() -> None:
    web = load_set(need(EVAL / "trafilatura-dev"))
    assert web.format == "snippets" and len(web.pages) == 482
    assert all(page.wanted and page.unwanted and page.path.exists() for page in web.pages)
    # An archived page belongs to the site it archives, not to the archive.
    assert "web.archive.org" not in {page.group for page in web.pages}


@pytest.mark.parametrize("name", ["fundus-eval", "trafilatura-dev"])
def test_halves_split_the_sites_and_hold_both_about_half(name: str) -> None:
    data = need(EVAL / name)
    calibration, held_out = (load_set(data, half=half).pages for half in (Half.calibration, Half.held_out))
    assert not {page.group for page in calibration} & {page.group for page in held_out}
    total = len(calibration) + len(held_out)
    assert total == len(load_set(data).pages)
    assert 0.35 < len(calibration) / total < 0.65


def test_a_folder_of_neither_format_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(EvaluationDataError, match=re.escape(str(tmp_path))):
        load_set(tmp_path)
    (tmp_path / "evaldata.json").write_text('{"http://a.example/": {"with": []}}', encoding="utf-8")
    with pytest.raises(EvaluationDataError, match=r"evaldata\.json"):
        load_set(tmp_path)


def test_token_f1_is_the_harmonic_mean_of_mean_precision_and_mean_recall() -> None:
    page = load_set(need(EVAL / "fundus-eval")).pages[0]
    gold = "\n".join(p.strip("[]") for p in page.paragraphs)
    assert page_counts(gold, gold) == ShingleCounts(1.0, 0.0, 0.0)
    half = "\n".join(p.strip("[]") for p in page.paragraphs[: len(page.paragraphs) // 2])
    short = page_counts(gold, half)
    assert short.fp == 0 and 0.3 < short.tp < 0.7
    score = corpus_score([page_counts(gold, gold), short])
    assert score.precision == 1.0
    assert score.recall == pytest.approx((1 + short.tp / (short.tp + short.fn)) / 2)
    assert score.f1 == pytest.approx(2 * score.recall / (1 + score.recall))


def test_snippets_are_counted_as_trafilaturas_benchmark_counts_them() -> None:
    web = load_set(need(EVAL / "trafilatura-dev"), limit=5)
    # An extractor that returns each page's wanted snippets and one unwanted snippet.
    extracted = [Extracted((*p.wanted, p.unwanted[0]), (*p.wanted, p.unwanted[0])) for p in web.pages]
    figures = score_extractions(web, "newsfuse", extracted).figures()
    wanted = sum(len(p.wanted) for p in web.pages)
    assert figures["snippet_recall"] == 100.0
    assert figures["snippet_precision"] == round(100 * wanted / (wanted + 5), 2)


def test_the_cli_prints_newsfuse_beside_trafilatura() -> None:
    result = CliRunner().invoke(
        app, ["eval", "extraction", "--data", str(need(EVAL / "trafilatura-dev")), "--limit", "3"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["format"] == "snippets" and figures["pages"] == 3
    assert {"snippet_f1", "snippet_precision", "snippet_recall"} <= set(figures["newsfuse"])
    assert figures["trafilatura"]["pages"] == 3
