"""Bad input gets the deliberate outcome documented in newsfuse.stories.incremental, never an error."""

from __future__ import annotations

from newsfuse.clean import Cleaner
from newsfuse.models import Article, join_paragraphs
from newsfuse.stories import StoryTracker, cluster_batch
from tests.conftest import text_document

# Written for these tests (not taken from any source).
ONE_LINE_ON_THE_SEEDS = "Kim Jong Un and Xi Jinping hold talks in Beijing after the military parade with Vladimir Putin"
ONE_LINE_ELSEWHERE = "Rotterdam council approves a new tram line to the harbour district"
FRENCH_ON_THE_SEEDS = (
    "Le dirigeant nord-coréen Kim Jong Un a rencontré le président chinois Xi Jinping à Pékin, au lendemain "
    "du grand défilé militaire auquel assistait aussi le président russe Vladimir Putin.\n\n"
    "Kim Jong Un, arrivé en train à Pékin, effectuait sa première visite en Chine depuis six ans. "
    "Xi Jinping et Kim Jong Un ont parlé des relations entre la Chine et la Corée du Nord, selon l'agence KCNA."
)
CHINESE_ON_THE_SEEDS = "朝鲜领导人金正恩在北京会见中国国家主席习近平，此前两人与俄罗斯总统普京一起出席了阅兵式。"


def _clean(text: str, origin: str) -> Article:
    return Cleaner().clean(text_document(text, origin=origin))


def _one_paragraph(text: str, article_id: str) -> Article:
    """An article as the stage may get it from an API client: the cleaner keeps no one-line body."""
    body, paragraphs = join_paragraphs([text])
    return Article(id=article_id, text=body, paragraphs=paragraphs)


def _wordless() -> Article:
    text, paragraphs = join_paragraphs([])
    return Article(id="wordless", text=text, paragraphs=paragraphs)


def _story_of(stories: list[list[str]], article_id: str) -> list[str]:
    return next(s for s in stories if article_id in s)


def test_an_article_with_no_words_is_a_story_of_its_own(seed_articles: list[Article]) -> None:
    wordless = _wordless()
    for articles in ([wordless, *seed_articles], [*seed_articles, wordless]):
        stories = [list(s.article_ids) for s in cluster_batch(articles)]
        assert ["wordless"] in stories and len(stories) == 2
        tracker = StoryTracker()
        tracker.extend(articles)
        assert ["wordless"] in [list(s.article_ids) for s in tracker.stories()]


def test_a_one_line_article_joins_the_story_it_names(seed_articles: list[Article]) -> None:
    line = _one_paragraph(ONE_LINE_ON_THE_SEEDS, "one-line")
    stories = [list(s.article_ids) for s in cluster_batch([*seed_articles, line])]
    assert len(stories) == 1
    tracker = StoryTracker()
    tracker.extend(seed_articles)
    assert tracker.add(line) == tracker.stories()[0].id


def test_an_unrelated_one_line_article_starts_its_own_story(seed_articles: list[Article]) -> None:
    line = _one_paragraph(ONE_LINE_ELSEWHERE, "elsewhere")
    stories = [list(s.article_ids) for s in cluster_batch([*seed_articles, line])]
    assert _story_of(stories, line.id) == [line.id]


def test_a_translation_in_latin_script_joins_by_its_names(seed_articles: list[Article]) -> None:
    french = _clean(FRENCH_ON_THE_SEEDS, "francais.txt")
    assert french.language == "fr"
    stories = [list(s.article_ids) for s in cluster_batch([*seed_articles, french])]
    assert len(_story_of(stories, french.id)) == 6


def test_an_article_in_another_script_starts_its_own_story(seed_articles: list[Article]) -> None:
    chinese = _one_paragraph(CHINESE_ON_THE_SEEDS, "zhongwen")
    stories = [list(s.article_ids) for s in cluster_batch([*seed_articles, chinese])]
    assert _story_of(stories, chinese.id) == [chinese.id]
