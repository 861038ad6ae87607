"""How alike two articles are: a weighted sum of channel cosines, then scaled by each one's neighbourhood.

The raw score adds the cosines of the five term channels (and of the embedder's vectors); the name
channels count only as far as the two bodies tell the same thing (`Scoring.combine`). Raw scores
are not comparable across the corpus: a short article's best match scores 0.2, a long wire story's
0.7. So each pair is judged relative to the two articles' neighbourhoods: the relative score divides
the raw score by the geometric mean of each article's k-th best raw score (a self-tuning scale).
Two events of the same kind then come apart: an article's own event fills its top k, the other
event sits below them. The batch, which knows every neighbourhood, first centres the raw score on
the two neighbourhoods (`newsfuse.stories.centring`), which takes away what same-kind events share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsfuse.stories.terms import NAME_CHANNELS, Channel

# Weights of each channel's cosine in the raw score. A logistic regression on same-event vs other
# pairs of the ECB+ dev odd topics (1, 3, ..., 35) gave body 1, names 0.9, lead 0.8, lead names 0.05,
# years 0.1; clustering the odd topics then favoured more weight on the lead and names (lead 0.8, 1.3,
# 1.6, 2.0 and names 0.9, 1.2 tried; 1.6 and 1.2 best, flat within 0.005 around them). Names and the
# first lines separate events of one kind: who, and what the lead says happened. The when channel
# (years, then days of the year too: "Dec. 14") keeps 0.2: with days in it, weights 0.1 to 0.4 gave
# the odd topics the same partition (0.6: +0.2 there, -0.9 on the even topics).
CHANNEL_WEIGHTS: dict[Channel, float] = {
    Channel.BODY: 1.0,
    Channel.NAMES: 1.2,
    Channel.LEAD: 1.6,
    Channel.LEAD_NAMES: 0.1,
    Channel.WHEN: 0.2,
}
# In the name channels a shared name counts by its specificity, (idf / idf of a name seen once) to
# this power (newsfuse.stories.vectors): a name common in the stream says "this topic", not "this
# event". Swept on NeuS (0, 1, 1.5, 2, 3, 4, 6 gave batch BCubed F1 75.3, 79.8, 81.2, 82.6, 84.2, 85.1,
# 85.5). ECB+ dev, where names are mostly one event's, confirms it at 1 and no higher: with the
# small-stream floor of vectors.SPECIFICITY_MIN_DOCUMENTS, batch 94.49 -> 94.62 at 1 and 94.45 at 1.5,
# its tracker (mean of six stream orders) 92.57 -> 92.56 at 1 and 92.29 at 1.5. NeuS at 1 with the
# floor: batch 75.27 -> 80.02, tracker 67.56 -> 73.65.
NAME_SPECIFICITY = 1.0
# Shared names are evidence of one event only where the two articles also tell the same thing: one
# person's or one body's different events (Mitch McConnell on a stimulus bill and on the tobacco age;
# the CDC on masks and on schools) share the name and few other words. So the name channels' cosines
# count by min(1, body cosine / NAME_GATE): in full from this body cosine up, less below it. Reports of
# one event (ECB+'s two events of one kind, the generated archive's editions) share their bodies, so
# their names keep their weight. Swept on the NeuS odd lines (batch 0.1 / 0.15 / 0.2 / 0.25 / 0.3 /
# 0.4: 84.3 / 86.7 / 87.5 / 87.8 / 87.9 / 87.7; without the gate 83.6), checked on the even lines
# (84.2 -> 87.2) and on ECB+ dev (see CENTRED_THRESHOLD). Between articles in two languages the bodies
# cannot be compared (a translation shares names only), so there the names count in full.
NAME_GATE = 0.3
# Weight of the embedder's cosine, per embedder. The hashing embedder repeats what the body channel
# says, so it is off (weight 0: the default clustering uses no embedder at all). MiniLM at 0.5 added
# about half a point of F1 on both ECB+ halves in a dense all-pairs trial with the regression's
# channel weights; it has not been re-fitted with the final ones.
EMBEDDER_WEIGHTS: dict[str, float] = {"hashing-512": 0.0, "all-MiniLM-L6-v2": 0.5}
# The neighbourhood scale is an article's k-th best raw score. Tried 3, 5, 8, 10 and 12 on the ECB+
# odd topics: 10 is best with the weights above (ECB+ events have 3-22 articles, median 11).
SCALE_NEIGHBOURS = 10
# The scale never drops below this raw score. An article with few neighbours (a small corpus, the
# first articles of a stream) would otherwise have a tiny scale and match anything; with the floor
# it needs an average raw score of RELATIVE_THRESHOLD x SCALE_FLOOR = 0.425 to join. In the sample
# corpus same-event pairs score 0.9 to 4, other events 0.04 to 0.76 (two fires in one city); 0.25
# gave ECB+ 0.6 points more F1 but let streamed sample-corpus articles join the wrong story.
SCALE_FLOOR = 0.5
# Articles join one story while their average plain relative score is at least this (the incremental
# tracker and its repairs; the batch when centring is off). Swept 0.5-1.05 on
# the ECB+ dev odd topics with k = 8, 10, 12: 0.85 with k = 10 is the middle of a plateau (0.8 to 0.9
# within 0.01 F1); checked on the even topics, the seeds and the sample corpus.
RELATIVE_THRESHOLD = 0.85
# The batch scores pairs centred on their neighbourhoods (newsfuse.stories.centring): each article's
# neighbourhood is its CENTRING_NEIGHBOURS best-scored articles, and the correction counts
# CENTRING_WEIGHT times. Swept on the ECB+ dev odd topics, K in 5, 10, 15 and weight 1 and 1.5:
# K = 10, weight 1 holds 95.0 BCubed F1 over the widest span of thresholds (0.725 to 0.8); K = 15
# peaks higher (95.3) at one threshold and falls to 93.1 at the next; weight 1.5 loses 1-3 points.
CENTRING_NEIGHBOURS = 10
CENTRING_WEIGHT = 1.0
# Centred scores run lower than plain ones, so the batch has a threshold of its own: the grid point
# nearest the middle of the odd topics' plateau above (0.7: 94.5, 0.85: 93.6). The incremental
# tracker, which cannot centre (its neighbourhoods are still arriving), keeps RELATIVE_THRESHOLD.
# With the name gate (NAME_GATE) pairs that share names and little else score less, which acts as a
# higher threshold: at 0.75 ECB+ dev lost recall (odd / even topics / all 95.27 / 94.75 / 94.62 ->
# 93.76 / 94.25 / 94.42). Re-swept with the gate: 0.7 / 0.725 / 0.75 gave 95.15 / 94.39 / 93.76 on
# the odd topics (0.675: 95.15, 0.65: 94.08), 95.35 / 95.11 / 94.25 on the even ones and 94.22 / 94.74
# / 94.42 on all; 0.725, between the odd topics' plateau (0.675-0.7) and the old value, is the one
# that holds all three (NeuS all 83.79 there, 84.39 at 0.75; 80.02 before the gate).
CENTRED_THRESHOLD = 0.725
# Reports of one event name its day in their leads ("on Wednesday"); different events of one topic
# (a district judge blocks the Texas abortion law on a Wednesday, the appeals court lets it resume on
# a Friday) name different days, and share the topic's words and names. So where both leads name
# weekdays and no weekday is common to both, the raw score counts this share of itself. On NeuS,
# which has no dates, 11% of same-story pairs whose leads both name a weekday name none in common,
# against 76% of the different-story pairs the batch merged (ECB+ dev, whose events are reported
# over several days: 24% against 67%). Swept on the NeuS odd lines (batch 1 / 0.8 / 0.7 / 0.6 / 0.5
# / 0.4: 87.85 / 88.17 / 88.59 / 89.00 / 88.70 / 88.66), checked on the even lines (87.24 -> 89.41 at
# 0.6) and on ECB+ dev (94.74 -> 94.84; odd / even topics 94.39 / 95.11 -> 95.21 / 95.06; at 0.8 and
# 0.4 the whole set gave 94.31 and 93.94). The tracker gains too (NeuS 80.56 -> 82.20, ECB+ 93.10 ->
# 93.72, means of six orders). These figures are before figures became terms (terms.py).
# Titles that name months and none in common count the same share once more (issue 19f,
# `stories.terms._TITLE_MONTH_BITS`): on NeuS, of the pairs whose titles both name a month, the 13 of
# one story all share one, and the 15 of two stories the batch had merged (the June, July and September
# jobs reports) share none. Any share from 0.4 to 0.8 gave the NeuS odd lines the same partition (batch
# 88.85 -> 89.16), so the weekdays' 0.6 serves; a month conflict counting only where no weekday
# conflict did gave the whole set 86.60, against 86.76 with both counted.
WEEKDAY_CONFLICT = 0.6


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
    name_specificity: float = NAME_SPECIFICITY
    name_gate: float = NAME_GATE
    weekday_conflict: float = WEEKDAY_CONFLICT

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

    def combine(
        self,
        cosines: npt.NDArray[np.float32],
        same_language: npt.NDArray[np.bool_],
        other_times: npt.NDArray[np.int64],
    ) -> npt.NDArray[np.float64]:
        """Raw scores of pairs from their channel cosines, an array (pairs, channels): the weighted sum,
        with the name channels gated by the body cosine (NAME_GATE) where both articles share a language,
        and times WEEKDAY_CONFLICT once for each way the two name other times (`other_times`, from
        `stories.terms.other_times`: other weekdays in their leads, other months in their titles)."""
        weighted = cosines.astype(np.float64) * np.asarray(self.channel_weights, dtype=np.float64)
        if self.name_gate > 0:
            body = np.clip(cosines[:, Channel.BODY].astype(np.float64), 0.0, None)
            gate = np.where(same_language, np.minimum(1.0, body / self.name_gate), 1.0)
            weighted[:, list(NAME_CHANNELS)] *= gate[:, None]
        out: npt.NDArray[np.float64] = weighted.sum(axis=1)
        if self.weekday_conflict != 1.0:
            out *= self.weekday_conflict ** other_times.astype(np.float64)
        return out


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
