"""A figure told as it stands "so far" is a running figure wherever the sentence says so (ECB+ dev
12_ecbplus, read from ../shared/eval; skipped without it).

"So far, the Indian Navy has confiscated 14 AK 47 Rifles, 31 magazines and 923 rounds" opens its
sentence with the marker; the ship's five-operation totals ("during the five operations") are a
counted scope of their own. The magazines and rounds questions are running figures; the six AK-47s
against one outlet's 14 "from the boat" stay open."""

from __future__ import annotations

from tests.claims.pipeline import ecbplus_conflicts, open_sides


def test_a_sentence_opening_so_far_gives_a_running_figure() -> None:
    found = ecbplus_conflicts(["12_ecbplus"])["12_ecbplus"]
    running = [c for c in found if c.kind == "number" and "running figure" in c.explanation]
    values = {frozenset(s.value for s in c.sides) for c in running}
    assert values >= {frozenset({"12", "31"}), frozenset({"300", "923"})}, values
    assert all(c.status == "reconciled" for c in running)
    opened = open_sides(found)
    assert any({"6", "14"} <= values for _, values in opened), opened
    assert not any({"12", "31"} <= values or {"300", "923"} <= values for _, values in opened), opened
