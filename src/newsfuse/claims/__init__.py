"""The claims stage: a story's statements lined up across articles, counted by independent source,
and the places where sources disagree.

    align_claims(articles, facts, provenance) -> StoryClaims   claims and conflicts of one story
    ClaimAligner(embedder).align(...)                          the same, with a chosen embedder
    contests(a, b) -> Contest                                  does statement b contest statement a?
    contests(a, b, context=claim_context(claims))              the same, by the model with embeddings
                                                               (None without the claims-embed extra)
"""

from newsfuse.claims.aligner import ClaimAligner, align_claims
from newsfuse.claims.contest import Contest, contests
from newsfuse.claims.contest_context import ClaimContext, claim_context
from newsfuse.claims.story import Embedder, TfidfEmbedder

__all__ = [
    "ClaimAligner",
    "ClaimContext",
    "Contest",
    "Embedder",
    "TfidfEmbedder",
    "align_claims",
    "claim_context",
    "contests",
]
