"""One person's given name written two ways stays one person; relatives who share a surname stay apart.

Read on ECB+ dev: every pair of person names with one surname and two given names that the rules
in `extract/given_names.py` and `extract/aliases.py` decide, on the odd topics and then the even
ones (evaluation/README.md, "given names").
"""

from __future__ import annotations

import pytest

from newsfuse.evaluation.conflicts import load_stories
from newsfuse.extract import AliasMerger
from newsfuse.extract.entities import extract_entities
from newsfuse.extract.parsing import SpacyParser
from newsfuse.models import Entity
from tests.conftest import EVAL, need

# One person each: a short form the curated nickname list lacks ("Ty" for Tywon Lawson, "Stan" for
# Stanley Perlo, a defence lawyer) and one pet form spelt two ways (Lennie/Lenny Rosenbluth; Bettie
# Page, born Betty); a usual nickname given beside the full name in one article ("Kathryn Jenkin,
# known as Katie").
ONE_PERSON = [
    ("31_ecb", "Ty Lawson", "Tywon Lawson"),
    ("31_ecb", "Lennie Rosenbluth", "Lenny Rosenbluth"),
    ("16_ecbplus", "Stan Perlo", "Stanley Perlo"),
    ("4_ecb", "Bettie Mae Page", "Betty Mae Page"),
    ("4_ecb", "Bettie Page", "Betty Page"),
    ("32_ecbplus", "Kathryn Jenkin", "Katie Jenkin"),
]
# Relatives: a woman's daughter and son, named in one article (Charlene and her brother Charlie
# Kafoury); a slain deputy and his son (Jerry and Jeremy Ortiz); a player and his father (Tyler and
# Gene Hansbrough); a sister and her brother, the accused (Kathryn and John Jenkin).
TWO_PEOPLE = [
    ("18_ecbplus", "Charlene Kafoury", "Charlie Kafoury"),
    ("16_ecbplus", "Jerry Ortiz", "Jeremy Ortiz"),
    ("31_ecb", "Tyler Hansbrough", "Gene Hansbrough"),
    ("32_ecbplus", "Kathryn Jenkin", "John Jenkin"),
]


@pytest.fixture(scope="module")
def people() -> dict[str, list[Entity]]:
    stories = dict(load_stories(need(EVAL / "ecbplus-dev")))
    parser, merger = SpacyParser(), AliasMerger()
    found: dict[str, list[Entity]] = {}
    for label in sorted({label for label, _, _ in ONE_PERSON + TWO_PEOPLE}):
        articles = stories[label]
        docs = parser.parse([a.text for a in articles])
        found[label] = [e for e in extract_entities(articles, docs, merger) if e.type == "person"]
    return found


def _holder(people: list[Entity], name: str) -> Entity:
    holders = [e for e in people if name in e.names]
    assert len(holders) == 1, f"{name!r} is named by {len(holders)} people"
    return holders[0]


@pytest.mark.parametrize(("label", "first", "second"), ONE_PERSON)
def test_one_given_name_written_two_ways_is_one_person(
    people: dict[str, list[Entity]], label: str, first: str, second: str
) -> None:
    assert _holder(people[label], first) is _holder(people[label], second)


@pytest.mark.parametrize(("label", "first", "second"), TWO_PEOPLE)
def test_relatives_who_share_a_surname_stay_apart(
    people: dict[str, list[Entity]], label: str, first: str, second: str
) -> None:
    assert _holder(people[label], first) is not _holder(people[label], second)
