"""A role is read on the name's own line: a headline or subheading above a name is not its title.

ECB+ documents keep their headlines and subheadings as lines of their own. Before this rule, 70 role
mentions across ECB+ dev took the line above ("Tactical decision" for Stan Perlo, a defence lawyer);
a line that ends on a title the name's line goes on from ("... Head Coach" over "Maurice Cheeks")
still gives its title.
"""

from __future__ import annotations

import pytest

from newsfuse.evaluation.conflicts import load_stories
from newsfuse.extract import AliasMerger
from newsfuse.extract.entities import extract_entities
from newsfuse.extract.parsing import SpacyParser
from newsfuse.models import Entity
from tests.conftest import EVAL, need


@pytest.fixture(scope="module")
def perlo_story() -> list[Entity]:
    stories = dict(load_stories(need(EVAL / "ecbplus-dev")))
    articles = stories["16_ecbplus"]
    docs = SpacyParser().parse([a.text for a in articles])
    return [e for e in extract_entities(articles, docs, AliasMerger()) if e.type == "person"]


def test_no_role_runs_across_a_line_break(perlo_story: list[Entity]) -> None:
    crossing = [(e.name, r.text) for e in perlo_story for r in e.roles if "\n" in r.text]
    assert crossing == []


def test_a_subheading_over_a_name_is_not_its_role(perlo_story: list[Entity]) -> None:
    perlo = next(e for e in perlo_story if "Stanley Perlo" in e.names)
    roles = {r.text.strip().lower() for r in perlo.roles}
    assert "tactical decision" not in roles
    assert any("attorney" in role or "lawyer" in role for role in roles), roles


def test_another_name_joined_before_a_role_is_not_part_of_it(perlo_story: list[Entity]) -> None:
    # "Perlo and co-counsel Robin Yanes approached ...": Yanes is co-counsel; "Perlo and" is not his.
    yanes = next(e for e in perlo_story if "Robin Yanes" in e.names)
    assert {r.text.strip() for r in yanes.roles} == {"co-counsel"}
