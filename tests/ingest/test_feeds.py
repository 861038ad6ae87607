"""RSS and Atom: items in, offline from the feed's own text, online from each item's page (fake network)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest import Fetcher, Reader, ReadOptions
from newsfuse.ingest.feeds import read_feed
from newsfuse.models import Failure, RawDocument
from newsfuse.service import Newsfuse
from tests.ingest.samples import (
    BRIEFS,
    STORY,
    STORY_TITLE,
    FakeResolver,
    FakeTransport,
    atom,
    page,
    rss,
    rss_item,
    story_html,
)

PUBLIC = {"courier.example": ["93.184.215.14"], "cdn.example": ["151.101.1.1"]}


def test_rss_items_carry_their_metadata_and_summary() -> None:
    feed = rss(
        rss_item(
            STORY_TITLE,
            link="https://courier.example/bridge",
            description=f"<p>{STORY[0]}</p>",
            date="Wed, 04 Mar 2026 23:30:00 -0300",
            author="Ines Berg",
        )
        + rss_item("Ferries Added", encoded="<p>" + "</p><p>".join(STORY[1:3]) + "</p>", description="teaser")
    )
    first, second = read_feed("news.rss", feed)
    assert first == RawDocument(
        origin="news.rss#1",
        content=f"<p>{STORY[0]}</p>",
        format="html",
        title=STORY_TITLE,
        source="Veldmark Courier",
        url="https://courier.example/bridge",
        published=date(2026, 3, 5),  # 23:30 at UTC-3 is the next day in UTC
        byline="Ines Berg",
    )
    assert isinstance(second, RawDocument)
    assert second.content.startswith("<p>" + STORY[1])  # full content wins over the teaser


def test_atom_entries_are_read() -> None:
    feed = atom(
        f"<entry><title>{STORY_TITLE}</title><link href='https://courier.example/a'/><id>a</id>"
        "<updated>2026-03-04T10:00:00Z</updated><author><name>Ola Moe</name></author>"
        f"<summary>{STORY[0]}</summary></entry>"
    )
    (item,) = read_feed("news.atom", feed)
    assert isinstance(item, RawDocument)
    assert (item.title, item.url, item.published, item.byline, item.source) == (
        STORY_TITLE,
        "https://courier.example/a",
        date(2026, 3, 4),
        "Ola Moe",
        "Veldmark Courier",
    )


@pytest.mark.parametrize(
    ("summary", "paragraphs"),
    [
        (f"<p>{BRIEFS[0]}</p>", [BRIEFS[0]]),
        (BRIEFS[1], [BRIEFS[1]]),
        (f"{BRIEFS[0]}<br><br><b>{BRIEFS[1][:40]}</b>{BRIEFS[1][40:]}", BRIEFS),
        (f"<div><p>{STORY[0]}</p><p>{STORY[1]}</p></div>", STORY[:2]),
    ],
)
def test_short_feed_summaries_become_articles(summary: str, paragraphs: list[str]) -> None:
    # Trafilatura finds no article in a one-paragraph snippet; the cleaner falls back to its plain text.
    feed = rss(rss_item(STORY_TITLE, description=summary))
    batch = Newsfuse().articles_from_documents([d for d in read_feed("f.rss", feed) if isinstance(d, RawDocument)])
    assert batch.failures == ()
    (article,) = batch.articles
    assert article.paragraph_texts() == paragraphs
    assert (article.title, article.source) == (STORY_TITLE, "Veldmark Courier")


OUTLET = "Veldmark Courier"  # the test feeds' title


def test_a_headline_only_item_is_a_document_and_an_empty_one_a_failure() -> None:
    feed = rss(
        rss_item("Bridge Closed", link="https://courier.example/bridge")
        + rss_item("Ferries Added")
        + rss_item(None, link="https://courier.example/empty")
        + rss_item(STORY_TITLE, description=STORY[0])
    )
    items = list(read_feed("f.rss", feed))
    assert items[:3] == [
        RawDocument("f.rss#1", "", "text", title="Bridge Closed", source=OUTLET, url="https://courier.example/bridge"),
        RawDocument("f.rss#2", "", "text", title="Ferries Added", source=OUTLET),
        Failure("f.rss#3", "feed item has no title and no text (its page is only fetched online)"),
    ]
    assert isinstance(items[3], RawDocument)
    [bridge, ferries] = Newsfuse().articles_from_documents(items[:2]).articles  # type: ignore[arg-type]
    assert (bridge.title, bridge.text, bridge.url) == ("Bridge Closed", "", "https://courier.example/bridge")
    assert ferries.title == "Ferries Added"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<html><body><p>Just a page.</p></body></html>", r"not an RSS or Atom feed"),
        ("just some words", r"not an RSS or Atom feed \(<unknown>:\d+:\d+: syntax error\)"),
        ('{"text": "json, not xml"}', r"not an RSS or Atom feed \(<unknown>:\d+:\d+: [a-z ()-]+\)"),
        (rss(""), r"the feed has no items"),
        (atom(""), r"the feed has no items"),
    ],
)
def test_text_that_is_not_a_feed_is_refused(text: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        list(read_feed("f.xml", text))
    assert caught.value.origin == "f.xml"
    assert re.fullmatch(problem, caught.value.problem)


def test_a_feed_file_naming_another_file_is_not_followed(tmp_path: Path) -> None:
    # feedparser opens a string that names a file (or fetches one that looks like a URL).
    real = tmp_path / "real.rss"
    real.write_text(rss(rss_item(STORY_TITLE, description=STORY[0])), encoding="utf-8")
    pointer = tmp_path / "pointer.rss"
    pointer.write_text(str(real), encoding="utf-8")
    (item,) = Reader().read([str(pointer)])
    assert isinstance(item, Failure)
    assert (item.origin, item.problem.split(" (")[0]) == (str(pointer), "not an RSS or Atom feed")


def test_a_latin1_feed_is_decoded_by_its_xml_declaration(tmp_path: Path) -> None:
    feed = rss(rss_item("Grüße aus Köln", description="Die Straße bleibt gesperrt, sagte die Bürgermeisterin."))
    path = tmp_path / "latin.xml"
    path.write_bytes(feed.replace('encoding="utf-8"', 'encoding="ISO-8859-1"').encode("latin-1"))
    (item,) = Reader().read([str(path)])
    assert isinstance(item, RawDocument)
    assert (item.title, item.content) == ("Grüße aus Köln", "Die Straße bleibt gesperrt, sagte die Bürgermeisterin.")


def online_reader(transport: FakeTransport, hosts: dict[str, list[str]] | None = None) -> Reader:
    fetcher = Fetcher(transport=transport, resolver=FakeResolver(hosts or PUBLIC))
    return Reader(ReadOptions(online=True, fetcher=fetcher))


def test_online_each_item_is_read_from_its_page(tmp_path: Path) -> None:
    path = tmp_path / "f.rss"
    path.write_text(rss(rss_item(None, link="https://courier.example/bridge", date="Wed, 04 Mar 2026 10:00:00 GMT")))
    transport = FakeTransport({"https://courier.example/bridge": page("https://courier.example/bridge", story_html())})
    (item,) = online_reader(transport).read([str(path)])
    assert transport.requested == ["https://courier.example/bridge"]
    assert isinstance(item, RawDocument)
    assert (item.origin, item.format, item.url, item.published, item.source) == (
        "https://courier.example/bridge",
        "html",
        "https://courier.example/bridge",
        date(2026, 3, 4),
        "Veldmark Courier",
    )
    assert STORY[0] in item.content


def test_online_a_refused_or_unreachable_page_falls_back_to_the_feed_text(tmp_path: Path) -> None:
    path = tmp_path / "f.rss"
    path.write_text(
        rss(
            rss_item(STORY_TITLE, link="https://intranet.example/a", description=STORY[0])
            + rss_item("Gone", link="https://courier.example/gone")
            + rss_item("Elsewhere", link="https://down.example/x", description=STORY[1])
        )
    )
    hosts = {**PUBLIC, "intranet.example": ["10.1.2.3"]}
    transport = FakeTransport({"https://courier.example/gone": page("https://courier.example/gone", "", status=404)})
    items = list(online_reader(transport, hosts).read([str(path)]))
    assert transport.requested == ["https://courier.example/gone"]  # the private host was never contacted
    assert items == [
        Failure(
            "https://intranet.example/a",
            "refused: intranet.example resolves to a private address 10.1.2.3; used the feed's own text instead",
        ),
        RawDocument(
            origin=f"{path}#1",
            content=STORY[0],
            format="html",
            title=STORY_TITLE,
            source="Veldmark Courier",
            url="https://intranet.example/a",
            path=str(path),
        ),
        Failure("https://courier.example/gone", "HTTP 404; kept the feed's headline only"),
        RawDocument(
            origin=f"{path}#2",
            content="",
            format="text",
            title="Gone",
            source="Veldmark Courier",
            url="https://courier.example/gone",
            path=str(path),
        ),
        Failure(
            "https://down.example/x",
            "cannot resolve host (Name or service not known); used the feed's own text instead",
        ),
        RawDocument(
            origin=f"{path}#3",
            content=STORY[1],
            format="html",
            title="Elsewhere",
            source="Veldmark Courier",
            url="https://down.example/x",
            path=str(path),
        ),
    ]
