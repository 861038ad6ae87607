"""The extract stage: entities, dates and a timeline, numbers and quotes of one story's articles.

`Extractor().extract(articles)` returns a `StoryFacts`; every record carries spans into article text.
"""

from newsfuse.extract.agencies import AgencyNames
from newsfuse.extract.aliases import AliasMerger
from newsfuse.extract.anchors import story_anchor, undated_anchor, weekday_date
from newsfuse.extract.extractor import Extractor
from newsfuse.extract.meaning import meaning_change
from newsfuse.extract.parsing import Parser, SpacyParser

__all__ = [
    "AgencyNames",
    "AliasMerger",
    "Extractor",
    "Parser",
    "SpacyParser",
    "meaning_change",
    "story_anchor",
    "undated_anchor",
    "weekday_date",
]
