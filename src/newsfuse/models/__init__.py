"""Plain frozen dataclasses that flow through the pipeline. No I/O, no imports of other stages."""

from newsfuse.models.article import Article, InputFormat, Paragraph, RawDocument, Span, article_id, join_paragraphs
from newsfuse.models.failure import Failure

__all__ = [
    "Article",
    "Failure",
    "InputFormat",
    "Paragraph",
    "RawDocument",
    "Span",
    "article_id",
    "join_paragraphs",
]
