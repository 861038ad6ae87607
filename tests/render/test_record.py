"""The typed brief record reads back exactly the contract JSON it writes, and refuses what does not fit."""

from __future__ import annotations

import json

import pytest

from newsfuse.models.record import BriefRecord, parse_record, record_json
from newsfuse.render.brief import brief_record
from newsfuse.service import Newsfuse
from tests.conftest import CORPUS, SEEDS, need


def _contract(record: BriefRecord) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(json.dumps(record_json(record), ensure_ascii=False))
    return loaded


@pytest.mark.parametrize("folder", [SEEDS, CORPUS], ids=["seeds", "sample corpus"])
def test_a_record_survives_its_json(folder: object) -> None:
    service = Newsfuse()
    for brief in service.briefs(service.articles([str(need(folder))]).articles):  # type: ignore[arg-type]
        record = brief_record(brief)
        written = _contract(record)
        assert parse_record(written) == record
        assert written["id"] == brief.story_id
        assert len(written["articles"]) == len(brief.articles)  # type: ignore[arg-type]


def test_a_malformed_record_is_refused_naming_the_field() -> None:
    service = Newsfuse()
    [brief] = service.briefs(service.articles([str(need(SEEDS))]).articles)
    written = _contract(brief_record(brief))
    written["independent_sources"] = "two"
    with pytest.raises(ValueError, match="independent_sources"):
        parse_record(written)
