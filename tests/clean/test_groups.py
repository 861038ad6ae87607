"""Cleaning groups: pages are compared for furniture within their site, a bounded number at a time."""

from __future__ import annotations

from newsfuse.clean import Cleaner
from newsfuse.clean.groups import CLEANING_GROUP_PAGES, cleaning_groups, site_key
from newsfuse.models import Article
from tests.conftest import text_document


def test_the_site_is_the_url_host_else_the_outlet_else_the_folder() -> None:
    assert site_key(text_document("x", url="https://www.Example.org/a/1")) == "host:example.org"
    assert site_key(text_document("x", source="The  Daily Post")) == "source:the daily post"
    assert site_key(text_document("x", path="/data/feed/a.txt")) == "folder:/data/feed"
    assert site_key(text_document("x")) == "input"


def test_groups_keep_input_order_and_stay_bounded() -> None:
    raws = [
        text_document("x", url=f"https://{'a' if n % 3 else 'b'}.org/{n}") for n in range(CLEANING_GROUP_PAGES + 10)
    ]
    groups = cleaning_groups(raws)
    assert sorted(p for g in groups for p in g) == list(range(len(raws)))
    assert all(g == sorted(g) and len(g) <= CLEANING_GROUP_PAGES for g in groups)
    assert all(len({site_key(raws[p]) for p in g}) == 1 for g in groups)


def test_furniture_is_spotted_within_a_site_not_across_sites() -> None:
    notice = "Sign up for our morning newsletter to get the valley's stories in your inbox."
    shared = "Our reporters travelled along the valley in the spring and spoke with the families who live there."

    def page(n: int) -> str:
        body = (
            f"The council of town number {n} voted on Monday to repair the old bridge over the river. "
            f"Work on bridge {n} will start in the spring and last for about six months, officials said."
        )
        residents = f"Residents of town {n} had asked for the repair for years, said a local shop owner."
        return f"{body}\n\n{residents}\n\n{shared}\n\n{notice}"

    same_site = [text_document(page(n), f"a{n}.txt", url=f"https://a.org/{n}") for n in range(3)]
    other_sites = [text_document(page(n), f"{s}.txt", url=f"https://{s}.org/{n}") for n, s in enumerate("xyz")]
    cleaner = Cleaner()
    kept_same = [r for r in cleaner.clean_batch(same_site) if isinstance(r, Article)]
    kept_other = [r for r in cleaner.clean_batch(other_sites) if isinstance(r, Article)]
    # The notice repeated on the site's pages is the site's; the sentence of reporting its articles
    # share is theirs, and stays in each (an outlet's articles on one story share paragraphs).
    assert len(kept_same) == 3 and all(notice not in a.text and shared in a.text for a in kept_same)
    assert len(kept_other) == 3 and all(shared in a.text for a in kept_other)
