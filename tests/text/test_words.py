"""The one tokenizer, stemmer, word lists and union-find that every stage shares."""

from __future__ import annotations

from newsfuse.text.lexicon import NEGATIONS, STOP_WORDS
from newsfuse.text.number_words import parse_count
from newsfuse.text.union_find import UnionFind
from newsfuse.text.words import content_stems, folded_words, stem, word_count, words
from tests.conftest import SEEDS, need


def test_words_keep_names_abbreviations_and_decimals_whole() -> None:
    text = "Kim Jong Un's train crossed into the U.S.-backed zone; the 6.1 quake didn't hit Xi's co-op."
    assert words(text) == [
        "Kim", "Jong", "Un's", "train", "crossed", "into", "the", "U.S", "backed", "zone", "the", "6.1", "quake",
        "didn't", "hit", "Xi's", "co-op",
    ]  # fmt: skip
    assert word_count(text) == 17


def test_folding_splits_negations_and_drops_possessives() -> None:
    assert folded_words("Berg’s crew didn't, won't and can't stop") == [
        "berg", "crew", "did", "not", "will", "not", "and", "can", "not", "stop",
    ]  # fmt: skip


def test_the_stemmer_meets_inflections_and_keeps_short_words() -> None:
    assert stem("injured") == stem("injuring") == "injur"
    assert stem("batteries") == "battery"
    assert stem("workers") == stem("worker")
    assert stem("news") == "news"
    assert stem("uses") == "uses"  # not "us"


def test_content_stems_of_a_real_article_hold_its_names_not_its_function_words() -> None:
    text = sorted(need(SEEDS).glob("*.txt"))[2].read_text(encoding="utf-8")
    stems = content_stems(text)
    assert {stem("Kim"), stem("Beijing"), stem("Putin")} <= set(stems)
    assert {"the", "of", "said", "not", "who"} <= STOP_WORDS | NEGATIONS
    assert not set(stems) & {"the", "of", "said", "not", "who"}
    assert any(s.isdigit() for s in stems)
    assert not any(s.isdigit() for s in content_stems(text, numbers=False))


def test_number_words_read_as_counts() -> None:
    assert parse_count("twenty-six") == 26
    assert parse_count("three hundred") == 300
    assert parse_count("1,009") == 1009
    assert parse_count("several") == 3
    assert parse_count("Beijing") is None


def test_union_find_groups_in_first_seen_order() -> None:
    joined = UnionFind(["a", "b", "c", "d", "e"])
    joined.union("d", "b")
    joined.union("e", "a")
    assert joined.find("b") == "d"
    assert joined.groups() == [["a", "e"], ["b", "d"], ["c"]]
    joined.union("x", "c")  # an item first seen in a join is added
    assert joined.groups() == [["a", "e"], ["b", "d"], ["c", "x"]]
