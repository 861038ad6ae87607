"""The provenance stage: who copied, rewrote, translated or summarised whom, and how many sources
are independent.

    trace(articles) -> Provenance        one story: derivations, translation flags, lineages, alignments
    align_passages(a, b) -> [PassageMatch]   sentence alignment of two articles, with spans into both
"""

from newsfuse.provenance.alignment import align_passages
from newsfuse.provenance.tracer import trace

__all__ = ["align_passages", "trace"]
