"""How alike two articles are: one cosine over all term channels, then scaled by each one's neighbourhood.

The raw score is the cosine of the two articles' joint term vectors: tf x idf per term, times its
channel's weight, each vector normalised as a whole (plus the embedder's cosine, when one is used).
Raw scores are not comparable across the corpus: a short article's best match scores 0.1, a long
wire story's 0.6. So each pair is judged relative to the two articles' neighbourhoods: the relative
score divides the raw score by the geometric mean of each article's k-th best raw score (a
self-tuning scale), never below a floor. Two events of the same kind then come apart: an article's
own event fills its top k, the other event sits below them. Where an article's own story is smaller
than k (three reports of one event on a busy day), its k-th best is another story of its topic and
usually under the floor, so the floor decides: a fixed cosine. The batch, which knows every
neighbourhood, first centres the raw score on the two neighbourhoods (`newsfuse.stories.centring`),
which takes away what same-kind events, or stories of one topic, share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsfuse.stories.terms import Channel

# Weights of each channel's terms in the joint vector (multiplying tf x idf before the vector is
# normalised). Until issue 19 each channel had a cosine of its own and the raw score summed them
# (body 1, names 1.2, lead 1.6, lead names 0.1, when 0.2, fitted on ECB+ dev odd topics); on NeuS,
# where three short reports of one event share a broad topic with dozens of others, that ranked an
# article's own story first for 75% of articles against 85% for plain TF-IDF: an article whose
# only name is "Trump" got a full names cosine with every other such article. In one vector a
# name weighs what its idf says. Grid on dense all-pairs scores of both sets (names 0, 0.3, 0.5,
# 1; lead 0, 0.5, 1; when 0, 0.1, 0.2, 0.3): first-neighbour accuracy and average linkage moved
# within 0.5 F1 over names 0.3-0.5 and lead 0.5-1; names help ECB+ (two events of one kind differ in
# who and where) and cost NeuS above 0.5. The lead-names channel adds nothing the two others don't.
CHANNEL_WEIGHTS: dict[Channel, float] = {
    Channel.BODY: 1.0,
    Channel.NAMES: 0.5,
    Channel.LEAD: 1.0,
    Channel.LEAD_NAMES: 0.0,
    Channel.WHEN: 0.2,
}
# Weight of the embedder's cosine, per embedder. The hashing embedder repeats what the body channel
# says, so it is off (weight 0: the default clustering uses no embedder at all). MiniLM's weight
# was set with the summed channel cosines (0.5 added about half a point on both ECB+ halves); see
# evaluation/README.md for what it adds to the joint cosine.
EMBEDDER_WEIGHTS: dict[str, float] = {"hashing-512": 0.0, "all-MiniLM-L6-v2": 0.5}
# The neighbourhood scale is an article's k-th best raw score. Tried 3, 5, 8, 10 and 12 on the ECB+
# odd topics with the summed cosines: 10 was best (ECB+ events have 3-22 articles, median 11). With
# the floor below, a story smaller than k (NeuS: 3 reports) is judged by the floor instead.
SCALE_NEIGHBOURS = 10
# The scale never drops below this raw score (a cosine). An article with few neighbours (a small
# corpus, the first articles of a stream) would otherwise have a tiny scale and match anything, and an
# article whose own story is smaller than k has another story of its topic as its k-th best. With the
# floor the batch needs a centred cosine of CENTRED_THRESHOLD x SCALE_FLOOR = 0.15 to link, whatever
# the story's size. Calibrated on NeuS (all 307 stories, most of them floor-bound): floors 0.15, 0.2
# and 0.25 with thresholds 0.65-0.95 and K = 10, 20 all scored 85.0-87.0 BCubed F1; 0.2 sits in the
# middle. Confirmed on ECB+ dev (see CENTRED_THRESHOLD).
SCALE_FLOOR = 0.2
# Articles join one story while their average plain relative score is at least this (the incremental
# tracker and its repairs; the batch when centring is off). On NeuS, streamed in a seeded order,
# 0.8, 0.85 and 0.9 score 84.2-84.5 (0.7: 82.8, 1.0: 83.7); on ECB+ dev 0.8: 91.1, 0.9: 90.0.
RELATIVE_THRESHOLD = 0.85
# The batch scores pairs centred on their neighbourhoods (newsfuse.stories.centring): each article's
# neighbourhood is its CENTRING_NEIGHBOURS best-scored articles, and the correction counts
# CENTRING_WEIGHT times. K = 20 takes away a topic's theme (NeuS: dozens of stories on one election)
# as well as an event kind's (ECB+: two events of one kind, 3-22 articles each). Calibrated on NeuS
# (K 10 and 20 alike there, 86.2-86.9); confirmed on ECB+ dev, where K = 20 scores 94.8 and K = 10
# 93.2 at the same threshold. Weight 1 (1.5 lost 1-3 points on ECB+ odd topics before).
CENTRING_NEIGHBOURS = 20
CENTRING_WEIGHT = 1.0
# Centred scores have a threshold of their own: the middle of NeuS's plateau (0.65-0.95 at K = 20
# within 0.7 F1). On ECB+ dev it scores 94.8 (0.7: 94.9, 0.85: 91.7): events of 10-20 articles set
# their scale above the floor, and there the threshold is relative to it. The incremental tracker,
# which cannot centre (its neighbourhoods are still arriving), keeps RELATIVE_THRESHOLD.
CENTRED_THRESHOLD = 0.75
# (The sweeps quoted above ran on the stories' own tokenizer; with the shared one of newsfuse.text
# the same constants score NeuS 86.34 and ECB+ dev 94.89: evaluation/README.md.)


@dataclass(frozen=True, slots=True)
class Scoring:
    """The tunables of the similarity, as one options object (defaults: the calibrated constants)."""

    channel_weights: tuple[float, ...] = tuple(CHANNEL_WEIGHTS[c] for c in Channel)
    embedder_weight: float = 0.0
    scale_neighbours: int = SCALE_NEIGHBOURS
    scale_floor: float = SCALE_FLOOR
    threshold: float = RELATIVE_THRESHOLD
    centring_neighbours: int = CENTRING_NEIGHBOURS
    centring_weight: float = CENTRING_WEIGHT
    centred_threshold: float = CENTRED_THRESHOLD

    @classmethod
    def for_embedder(cls, name: str | None) -> Scoring:
        return cls(embedder_weight=EMBEDDER_WEIGHTS.get(name, 0.0) if name else 0.0)

    def scale(self, best_scores: list[float]) -> float:
        """An article's neighbourhood scale from its best raw scores (sorted high to low)."""
        if len(best_scores) >= self.scale_neighbours:
            return max(self.scale_floor, best_scores[self.scale_neighbours - 1])
        return self.scale_floor

    def relative(self, raw: float, scale_a: float, scale_b: float) -> float:
        return raw / math.sqrt(scale_a * scale_b)


def best_partners(
    rows: npt.NDArray[np.int64], columns: npt.NDArray[np.int64], raw: npt.NDArray[np.float64], size: int, k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Each position's k best-scored partners among the pairs (rows[i], columns[i]) and their scores,
    best first: two (size, k) arrays, -1 and NaN where a position has fewer than k."""
    both_rows = np.concatenate([rows, columns])
    both_columns = np.concatenate([columns, rows])
    both_raw = np.concatenate([raw, raw])
    order = np.lexsort((-both_raw, both_rows))
    both_rows, both_columns, both_raw = both_rows[order], both_columns[order], both_raw[order]
    rank = np.arange(both_rows.size) - np.searchsorted(both_rows, np.arange(size))[both_rows]
    keep = rank < k
    nearest = np.full((size, k), -1, dtype=np.int64)
    scores = np.full((size, k), np.nan, dtype=np.float64)
    nearest[both_rows[keep], rank[keep]] = both_columns[keep]
    scores[both_rows[keep], rank[keep]] = both_raw[keep]
    return nearest, scores
