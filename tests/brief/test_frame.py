"""An opinion piece by its frame (issue 22, round 3, `brief.frame`): a contributor's tagline on real
PolNeAR op-eds, the reports whose last lines look like one, and the page's own label on pages written
here."""

from __future__ import annotations

from newsfuse.brief.extractive import opinion_piece
from newsfuse.brief.frame import framed_as_opinion, tagline
from newsfuse.clean import Cleaner
from newsfuse.models import Article, RawDocument
from tests.conftest import polnear_document


def _cleaned(split: str, prefix: str) -> Article:
    (article,) = Cleaner().clean_batch([polnear_document(split, prefix)])
    assert isinstance(article, Article)
    return article


def test_an_op_ed_signed_by_its_writer_s_standing_is_opinion() -> None:
    # PolNeAR dev (the old check): Aaron Kall's op-ed on the debates argues in the third person ("He
    # might have to reach into a new bag of tricks"), so neither its title nor its narration marked
    # it; its last paragraph says who wrote it.
    article = _cleaned("dev", "usa-today_2016-09-23_ready-for-trump")
    assert tagline(article) == "Aaron Kall is director of debate at the University of Michigan."
    assert opinion_piece(article)


def test_a_tagline_after_an_appositive_is_the_writer_s() -> None:
    # HuffPost's op-ed on Trump's East European voters: "Michael Haltzel, former foreign policy advisor
    # to Vice President (then-Senator) Joseph R. Biden, Jr., is Senior Fellow at ...".
    article = _cleaned("dev", "huff-post_2016-09-10_trump-s-east-european")
    found = tagline(article)
    assert found is not None and found.startswith("Michael Haltzel")
    assert opinion_piece(article)


def test_op_eds_of_the_train_split_by_their_taglines() -> None:
    # Four op-eds that main read as reports: an economist's forecast on Breitbart, a human-rights
    # scholar on HuffPost, two USA TODAY contributors.
    for prefix in (
        "breitbart_2016-02-10_how-donald-trump-could",
        "huff-post_2016-03-10_refoulement",
        "usa-today_2016-06-17_walls-and-bans",
        "usa-today_2016-07-29_oops-gunplay",
    ):
        assert opinion_piece(_cleaned("train", prefix)), prefix


def test_a_report_s_last_line_about_someone_in_the_news_is_no_tagline() -> None:
    # The Times on Billy Bush: "Natalie Morales, another ''Today'' anchor, is taking over Mr. Bush's
    # role at ''Access Hollywood.''" tells news (an act, not a standing).
    article = _cleaned("train", "nyt_2016-05-18_billy-bush")
    assert tagline(article) is None
    assert not framed_as_opinion(article)


def test_a_reporter_s_twitter_line_frames_no_opinion() -> None:
    # Breitbart's reports close on "Follow Pam Key on Twitter @pamkeyNEN." as its columns do.
    article = _cleaned("train", "breitbart_2016-09-04_obama-i-m-optimistic")
    assert not framed_as_opinion(article)


def test_a_letters_page_by_its_label() -> None:
    # USA TODAY's letters page prints "LETTERS." above the letters and each writer's name and town
    # as headings of their own.
    article = _cleaned("dev", "usa-today_2016-09-08_laws-don-t-apply")
    assert article.headings[0] == "LETTERS."
    assert framed_as_opinion(article)


_BODY = """
<p>The council met on Tuesday evening to vote on the new budget for the city's parks and libraries.</p>
<p>Members argued for three hours before the measure passed by a single vote, with two abstentions.</p>
<p>The mayor said she would sign the budget before the end of the month, once the clerk had printed it.</p>
"""


def _page(head: str, url: str = "https://example.org/news/2024/05/01/council-budget") -> Article:
    html = f"""<!DOCTYPE html><html lang="en"><head><title>Council passes budget</title>
<link rel="canonical" href="{url}">{head}</head>
<body><article><h1>Council passes budget</h1>{_BODY}</article></body></html>"""
    return Cleaner().clean(RawDocument(origin="page.html", content=html, format="html"))


def test_a_page_filed_under_opinion_is_an_opinion_piece() -> None:
    article = _page('<meta property="article:section" content="Opinion">')
    assert article.genre == "Opinion"
    assert opinion_piece(article)


def test_a_page_typed_as_opinion_in_json_ld_is_an_opinion_piece() -> None:
    script = (
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": ["NewsArticle", "OpinionNewsArticle"], "headline": "Council passes budget"}</script>'
    )
    article = _page(f'<meta property="article:section" content="Local">{script}')
    assert article.genre == "OpinionNewsArticle"
    assert opinion_piece(article)


def test_a_page_in_an_opinion_folder_is_an_opinion_piece() -> None:
    article = _page("", url="https://example.org/opinion/2024/05/01/council-budget")
    assert article.genre is None
    assert opinion_piece(article)


def test_a_page_filed_under_news_is_no_opinion_piece() -> None:
    article = _page(
        '<meta property="article:section" content="Politics">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council passes budget"}</script>',
        url="https://example.org/politics/opinion-polls-tighten",
    )
    assert article.genre == "Politics"
    assert not opinion_piece(article)
