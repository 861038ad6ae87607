"""Language detection: plainly English text is told by its function words, the rest by the model."""

from __future__ import annotations

import gzip

import trafilatura

from newsfuse.clean.language import SAMPLE_CHARS, LanguageDetector, plainly_english
from newsfuse.evaluation.extraction_sets import load_set
from tests.conftest import EVAL, need, seed_paths

# Every fifth page of trafilatura-dev: about a hundred pages, a sixth of them English.
EVERY = 5


def test_the_seeds_are_english_without_loading_the_model() -> None:
    detector = LanguageDetector()
    assert [detector.detect(path.read_text(encoding="utf-8")) for path in seed_paths()] == ["en"] * 5
    assert not detector.loaded


def test_the_shortcut_agrees_with_the_model_on_pages_in_many_languages() -> None:
    detector = LanguageDetector()
    answers: list[tuple[bool, str]] = []
    for page in load_set(need(EVAL / "trafilatura-dev")).pages[::EVERY]:
        html = gzip.decompress(page.path.read_bytes()).decode("utf-8", "replace")
        sample = (trafilatura.extract(html) or "")[:SAMPLE_CHARS]
        if len(sample) >= 200:
            answers.append((plainly_english(sample), detector.classify(sample)))
    assert all(language == "en" for english, language in answers if english)
    # It catches most English pages and leaves every other language to the model.
    caught = sum(english for english, _ in answers)
    assert caught >= 0.6 * sum(language == "en" for _, language in answers)
    assert len({language for _, language in answers}) >= 4
