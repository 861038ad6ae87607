"""Small inputs written for the ingest tests: a short news story in several shapes, and fakes for the network."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsfuse.errors import FetchError
from newsfuse.ingest import Response

# A fictional story, written for these tests.
STORY_TITLE = "Harbour Bridge in Veldmark Closed After Inspectors Find Cracks"
STORY = [
    "The harbour bridge in Veldmark will stay closed to traffic until at least the end of the month, "
    "the city's transport office said on Tuesday, after inspectors found cracks in two of its steel supports.",
    "Engineers discovered the damage during a routine check last week and recommended closing the bridge "
    "at once, according to a statement from the office. About 18,000 vehicles cross it on a normal weekday.",
    "\u201cWe would rather lose a few weeks than take any risk with people\u2019s safety,\u201d said Marta Lindqvist, "
    "who heads the transport office. Ferries will run every twenty minutes while the repairs go on.",
    "Local shop owners on the southern bank said they expected fewer customers. The city has promised to "
    "review parking rules near the ferry piers before the weekend.",
]
# Two short items of their own (a batch treats a paragraph repeated in unrelated documents as furniture).
BRIEFS = [
    "The Veldmark ferry company said on Wednesday that it would add two boats to the harbour crossing while "
    "the bridge is closed, and that tickets would be free for school children until the repairs are done.",
    "Parking near the southern ferry pier will be limited to two hours from Monday, the city council decided "
    "in a late vote on Thursday, after traders complained that commuters were filling the spaces all day.",
]
# The same kind of story in German, for the legacy-encoding tests (umlauts, sharp s, typographic quotes).
GERMAN = [
    "Die Hafenbrücke in Veldmark bleibt bis mindestens Ende des Monats für den Verkehr gesperrt, teilte das "
    "Verkehrsamt der Stadt am Dienstag mit, nachdem Prüfer Risse in zwei Stahlträgern gefunden hatten.",
    "\u201eWir verlieren lieber ein paar Wochen, als ein Risiko einzugehen\u201c, sagte Amtsleiterin Marta Lindqvist. "
    "Die Fähren fahren während der Reparatur alle zwanzig Minuten \u2013 die Kosten liegen bei 2\u00a0Mio. \u20ac.",
    "Geschäftsleute am Südufer rechnen mit weniger Kundschaft. Die Stadt will die Parkregeln an den "
    "Anlegestellen noch vor dem Wochenende überprüfen.",
]


def story_text() -> str:
    return STORY_TITLE + "\n\n" + "\n\n".join(STORY) + "\n"


def german_text() -> str:
    return "\n\n".join(GERMAN) + "\n"


def story_html(title: str = STORY_TITLE) -> str:
    body = "".join(f"<p>{paragraph}</p>\n" for paragraph in STORY)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{title}</h1>\n{body}</article>"
        "<footer>Copyright Veldmark Courier</footer></body></html>"
    )


def rss(items: str, channel_title: str = "Veldmark Courier") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>{channel_title}</title><link>https://courier.example/</link>"
        f"<description>News from Veldmark</description>{items}</channel></rss>"
    )


def rss_item(title: str | None, *, link: str | None = None, description: str | None = None, date: str | None = None,
             encoded: str | None = None, author: str | None = None) -> str:  # fmt: skip
    parts = [
        f"<title>{title}</title>" if title else "",
        f"<link>{link}</link>" if link else "",
        f"<description><![CDATA[{description}]]></description>" if description else "",
        f"<content:encoded><![CDATA[{encoded}]]></content:encoded>" if encoded else "",
        f"<pubDate>{date}</pubDate>" if date else "",
        f"<dc:creator>{author}</dc:creator>" if author else "",
    ]
    return "<item>" + "".join(parts) + "</item>"


def atom(entries: str, feed_title: str = "Veldmark Courier") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{feed_title}</title><id>urn:uuid:6f1c</id><updated>2026-03-04T10:00:00Z</updated>{entries}</feed>"
    )


@dataclass
class FakeResolver:
    """DNS for tests: host -> addresses; an unknown host does not resolve."""

    hosts: dict[str, list[str]]
    asked: list[str] = field(default_factory=list)

    def __call__(self, host: str) -> list[str]:
        self.asked.append(host)
        if host not in self.hosts:
            raise FetchError(host, "cannot resolve host (Name or service not known)")
        return self.hosts[host]


@dataclass
class FakeTransport:
    """The network for tests: URL -> response; any other URL is refused as a real socket would."""

    pages: dict[str, Response]
    requested: list[str] = field(default_factory=list)
    headers_sent: list[dict[str, str]] = field(default_factory=list)
    addresses_given: list[list[str]] = field(default_factory=list)

    def get(
        self, url: str, headers: dict[str, str], *, addresses: Sequence[str], timeout: float, max_bytes: int
    ) -> Response:
        self.requested.append(url)
        self.headers_sent.append(headers)
        self.addresses_given.append(list(addresses))
        if url not in self.pages:
            raise FetchError(url, "cannot fetch (connection refused)")
        return self.pages[url]


def page(url: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> Response:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Response(url=url, status=status, headers={"content-type": content_type}, body=data)


def redirect(url: str, location: str, status: int = 302) -> Response:
    return Response(url=url, status=status, headers={"location": location}, body=b"")
