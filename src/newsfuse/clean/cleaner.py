"""Turn raw documents into clean articles: body paragraphs without clutter, plus metadata."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsfuse.clean.agencies import AgencyFinder
from newsfuse.clean.blocks import Block, make_block, split_blocks
from newsfuse.clean.boilerplate import CorpusStats, Role, classify
from newsfuse.clean.furniture import masthead
from newsfuse.clean.groups import cleaning_groups
from newsfuse.clean.language import LanguageDetector
from newsfuse.clean.metadata import (
    find_byline,
    find_published,
    is_byline,
    is_date_line,
    names_only,
    opens_with_title,
    pick_title,
    same_as_title,
    slug_byline,
    slug_place,
    split_dateline,
    split_slug,
)
from newsfuse.errors import EmptyArticleError, InputError
from newsfuse.models import Article, Failure, RawDocument, article_id, join_paragraphs

# The opening of the body that a headline is compared with: about three paragraphs.
LEAD_CHARS = 1200
# A masthead stands in a page's first lines (name, then a tagline or menu).
MASTHEAD_LINES = 3


@dataclass(frozen=True, slots=True)
class _Page:
    """A document split into blocks, with what its reader or its HTML already told us."""

    raw: RawDocument
    blocks: list[Block]
    slug_meta: tuple[str, ...]
    credits: tuple[str, ...]  # metadata-only lines (photo credits, slug lines), kept for agency detection
    masthead: str | None
    title: str | None
    byline: str | None
    source: str | None
    language: str | None = None  # as the page declares it (<html lang>), when it does
    genre: str | None = None  # the kind of piece the page declares (its section or schema.org type)


@dataclass(frozen=True, slots=True)
class Outline:
    """An article as a reader sees it: body paragraphs and list items with the section headings in
    place, and its title; `headline` is the title as the page printed it above or inside that body
    (at `headline_at` among the paragraphs), when it did."""

    title: str | None
    paragraphs: tuple[str, ...]
    headline: str | None = None
    headline_at: int = 0

    def with_headline(self) -> tuple[str, ...]:
        """The paragraphs with the printed headline where the page printed it."""
        if self.headline is None:
            return self.paragraphs
        return (*self.paragraphs[: self.headline_at], self.headline, *self.paragraphs[self.headline_at :])


class Cleaner:
    """Cleans documents one at a time or as a batch (a batch also spots furniture shared across pages)."""

    def __init__(self) -> None:
        self._agencies = AgencyFinder()
        self._language = LanguageDetector()

    def clean(self, raw: RawDocument) -> Article:
        return self._build(self._page(raw), None)

    def clean_batch(self, raws: Sequence[RawDocument]) -> list[Article | Failure]:
        """One article or failure per document, in input order; pages are compared within their
        cleaning group (see `newsfuse.clean.groups`)."""
        results: list[Article | Failure | None] = [None] * len(raws)
        for group in cleaning_groups(raws):
            cleaned = self.clean_group([raws[p] for p in group])
            for position, result in zip(group, cleaned, strict=True):
                results[position] = result
        return [result for result in results if result is not None]

    def clean_group(self, raws: Sequence[RawDocument]) -> list[Article | Failure]:
        """Clean documents that are compared with each other for furniture (one cleaning group).

        Whatever goes wrong with one document (a bad input, or a bug it trips) is a failure naming it;
        the others are cleaned as if it were not there.
        """
        pages: list[_Page | Failure] = []
        stats = CorpusStats()
        for raw in raws:
            try:
                page = self._page(raw)
                stats.add(raw.origin, page.blocks)
            except InputError as exc:
                pages.append(Failure(raw.origin, exc.problem))
                continue
            except Exception as exc:
                pages.append(_unexpected(raw, exc))
                continue
            pages.append(page)
        results: list[Article | Failure] = []
        for item in pages:
            if isinstance(item, Failure):
                results.append(item)
                continue
            try:
                results.append(self._build(item, stats))
            except InputError as exc:
                results.append(Failure(item.raw.origin, exc.problem))
            except Exception as exc:
                results.append(_unexpected(item.raw, exc))
        return results

    def _page(self, raw: RawDocument) -> _Page:
        title, byline, source, published = raw.title, raw.byline, raw.source, raw.published
        content = raw.content
        markup: tuple[Block, ...] = ()
        language: str | None = None
        genre: str | None = None
        if raw.format == "html":
            # Imported here: trafilatura and htmldate cost a quarter second a run that reads no HTML.
            from newsfuse.clean.html import extract_html

            extract = extract_html(raw.origin, content)
            content, markup = extract.text, extract.blocks
            title = title or extract.title
            byline = byline or extract.author
            source = source or extract.sitename
            published = published or extract.published
            language = extract.language
            genre = extract.genre
            raw = replace(raw, url=raw.url or extract.url, published=published)
        blocks: list[Block] = []
        slug_meta: tuple[str, ...] = ()
        credits: list[str] = []
        for block in markup or split_blocks(content):
            # A table row's cells are set apart by bars, which a slug line's segments also are.
            slug = split_slug(block) if block.kind != "row" else None
            if slug is None:
                blocks.append(replace(block, index=len(blocks)))
                continue
            credits.append(" / ".join(slug.meta))
            if slug.text:
                slug_meta = slug_meta or slug.meta
                blocks.append(make_block(len(blocks), slug.text, kind=block.kind))
        if not blocks and not raw.title:
            raise EmptyArticleError(raw.origin, "no text")
        if raw.format == "text" and not title and len(blocks) > 1 and opens_with_title(content, blocks[0]):
            title = blocks[0].text
            blocks = [replace(block, index=i) for i, block in enumerate(blocks[1:])]
        return _Page(
            raw=raw,
            blocks=blocks,
            slug_meta=slug_meta,
            credits=tuple(credits),
            masthead=masthead(content.splitlines()[:MASTHEAD_LINES], blocks),
            title=title,
            byline=byline,
            source=source,
            language=language,
            genre=genre,
        )

    def outline(self, raw: RawDocument) -> Outline:
        """The article as a reader sees it (see `Outline`).

        `Article` keeps headings apart from its text; text-extraction benchmarks count them as part
        of the body, so the extraction evaluation reads this.
        """
        page = self._page(raw)
        roles = classify(page.blocks, doc_id=raw.origin, title=page.title)
        title = _title(page, roles)
        paragraphs: list[str] = []
        headline: tuple[str, int] | None = None
        for i, block in enumerate(page.blocks):
            if _is_heading(block, roles, i, title) or (
                roles[i] in (Role.BODY, Role.ITEM) and not same_as_title(block.text, title)
            ):
                paragraphs.append(block.text)
            elif headline is None and roles[i] is not Role.CLUTTER and same_as_title(block.text, title):
                headline = (block.text, len(paragraphs))
        if headline is None:
            return Outline(title, tuple(paragraphs))
        return Outline(title, tuple(paragraphs), headline=headline[0], headline_at=headline[1])

    def _build(self, page: _Page, stats: CorpusStats | None) -> Article:
        raw, blocks = page.raw, page.blocks
        roles = classify(blocks, doc_id=raw.origin, stats=stats, title=page.title)
        head = [b for b, role in zip(blocks, roles, strict=True) if role is Role.HEAD]
        title = _title(page, roles)
        kept: list[tuple[Block, Role]] = [
            (b, role)
            for b, role in zip(blocks, roles, strict=True)
            if role in (Role.BODY, Role.ITEM) and not same_as_title(b.text, title)
        ]
        # A title given with the document (a feed item's, a record's) and no body left is still an
        # article (feeds often carry only headlines): it has an empty text and joins a story on its
        # title. A page's own <title> over menus alone is no article.
        if not kept and not raw.title:
            raise EmptyArticleError(raw.origin, "no article text left after removing page clutter")
        texts = [b.text for b, _ in kept]
        items = {i for i, (_, role) in enumerate(kept) if role is Role.ITEM}
        credits = [
            *page.credits,
            *(b.text for b, role in zip(blocks, roles, strict=True) if role not in (Role.BODY, Role.ITEM)),
        ]
        dateline = None
        first = True  # the weak (agency-less) dateline forms are offered to the first body paragraph only
        for position, (_, role) in enumerate(kept):
            if role is not Role.BODY:
                continue
            # The whole text is read only for the first paragraph's kicker: joining it for every
            # paragraph made cleaning quadratic in the article's length (20 MB took minutes).
            found = split_dateline(texts[position], first=first, text=" ".join(texts) if first else "")
            first = False
            if found is not None:
                texts[position] = found.rest
                dateline = dateline or found.place
                credits.insert(0, found.credit)
        place = slug_place(page.slug_meta)
        text, paragraphs = join_paragraphs(texts, items)
        agencies = self._agencies.find([*credits, text])
        headings = tuple(b.text for i, b in enumerate(blocks) if _is_heading(b, roles, i, title))
        source = page.source or _slug_outlet(page.slug_meta, title) or page.masthead
        return Article(
            id=article_id(text, url=raw.url, title=title, source=source),
            text=text,
            paragraphs=paragraphs,
            title=title,
            source=source,
            url=raw.url,
            path=raw.path,
            byline=names_only(page.byline) if page.byline else (find_byline(head) or slug_byline(page.slug_meta)),
            published=raw.published or find_published(head) or find_published(blocks[:3] + blocks[-3:]),
            dateline=dateline or place,
            agencies=agencies,
            language=page.language or self._language.detect(text or title or ""),
            headings=headings,
            genre=page.genre,
            origin=raw.origin,
            notes=raw.notes,
        )


def _title(page: _Page, roles: Sequence[Role]) -> str | None:
    """The given title, else a headline-shaped line before the body, else a slug line's first segment."""
    if page.title:
        return page.title
    head = [b for b, role in zip(page.blocks, roles, strict=True) if role is Role.HEAD]
    lead = " ".join(b.text for b, role in zip(page.blocks, roles, strict=True) if role is Role.BODY)[:LEAD_CHARS]
    return pick_title(head, page.blocks, lead) or (page.slug_meta[0] if page.slug_meta else None)


def _is_heading(block: Block, roles: Sequence[Role], index: int, title: str | None) -> bool:
    role = roles[index]
    return (
        (role is Role.HEADING or (role is Role.HEAD and _leads_body(roles, index)))
        and not same_as_title(block.text, title)
        and not is_date_line(block)
        and not is_byline(block)
    )


def _leads_body(roles: Sequence[Role], index: int) -> bool:
    """A head block right before the first body block is that body's section heading."""
    return index + 1 < len(roles) and roles[index + 1] in (Role.BODY, Role.ITEM)


def _slug_outlet(meta: tuple[str, ...], title: str | None) -> str | None:
    """In a slug line the outlet follows the title: "Title/ Outlet/ CITY/ Byline/ ..."."""
    rest = [m for m in meta if not (title and same_as_title(m, title))]
    if rest and not rest[0].isupper() and len(rest[0].split()) <= 3:
        return rest[0]
    return None


def _unexpected(raw: RawDocument, error: Exception) -> Failure:
    """A document that tripped a bug: a failure naming it and the error, in one line."""
    lines = str(error).strip().splitlines()
    detail = f"{type(error).__name__}: {lines[0][:200]}" if lines else type(error).__name__
    return Failure(raw.origin, f"could not be cleaned ({detail})")
