"""Every article seen so far, filed for finding its likely neighbours without comparing it with all.

Each article is filed under its heaviest names and words (an inverted index). A new article is
compared only with the articles filed under its own heaviest terms, most recent first, so the cost
of one arrival stays flat as the corpus grows. Near-duplicates are found first, by MinHash LSH.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from newsfuse.models import Article
from newsfuse.stories.centring import Centring
from newsfuse.stories.embedders import Embedder, Embeddings
from newsfuse.stories.neardup import NearDuplicates
from newsfuse.stories.similarity import Scoring, best_partners
from newsfuse.stories.terms import Channel, article_terms, other_times
from newsfuse.stories.vectors import (
    DocumentFrequencies,
    TermVector,
    channel_cosines,
    channel_rows,
    grouped_channel_cosines,
    hash_terms,
    key_slots,
    weighted_matrix,
)
from newsfuse.stories.window import MENTION_SLACK_DAYS, STORY_WINDOW_DAYS, Window, article_window

# An article is filed under this many of its heaviest names and body words, and looks for
# candidates under QUERY_TERMS of them. Filed under 16 and queried with 32, 94.5% of ECB+ dev's
# same-event pairs get scored (88% with 16 and 16); filing under 32 too scores more pairs of both
# kinds and cost 0.01 of F1 (a higher neighbourhood scale).
KEY_TERMS = 16
QUERY_TERMS = 32
# Of each key's postings only the most recent this many are compared: a term shared by thousands of
# articles (a country, a big company) is no evidence of one event by itself, and recency favours
# the live story. Longer lists are trimmed, which bounds memory too.
POSTING_DEPTH = 64
# A near-duplicate text is a copy only if at least this share of the two texts' names is shared:
# agencies' templates (quake, earnings, sports reports) repeat their wording for other events. A wire
# copy keeps its names (the seeds' and sample corpus's copies share over 0.8 of them).
DUPLICATE_NAME_OVERLAP = 0.6
# Up to this many articles, a new one is compared with every original filed (see _candidates).
EXHAUSTIVE_BELOW = 256
# At most this many candidates get full scores: those sharing the most keys with the article.
# 128 scores 94.2% of ECB+ dev's same-event pairs (256: 94.5%), at half the cost.
MAX_CANDIDATES = 128
# Two groups' average score is computed over at most this many of each one's articles (the
# earliest): bounded cost for stories of thousands; on ECB+ dev stories (up to 22 articles) it is exact.
EXACT_SAMPLE = 24
# Pairs re-scored at once: each chunk multiplies two sparse matrices of this many rows.
RESCORE_CHUNK = 1 << 13
_KEY_CHANNELS = (Channel.NAMES, Channel.BODY)


@dataclass(frozen=True, slots=True)
class Arrival:
    """What filing one article found: its position, the original it copies, its scored neighbours.

    Neighbours are earlier originals (never copies); `raw` holds their raw scores.
    """

    position: int
    duplicate_of: int | None
    neighbours: npt.NDArray[np.int64]
    raw: npt.NDArray[np.float32]


class ArticleIndex:
    """Holds what clustering needs of each article (term vector, embedding, window, best scores)."""

    def __init__(self, scoring: Scoring, embedder: Embedder | None = None) -> None:
        self.scoring = scoring
        self._embedder = embedder if scoring.embedder_weight > 0 else None
        self._frequencies = DocumentFrequencies()
        self._near = NearDuplicates()
        self._postings: dict[int, list[int]] = {}
        self.vectors: list[TermVector] = []
        self.windows: list[Window] = []
        self.languages: list[str | None] = []
        # For each position, the original it copies (itself when it is no copy); for an original,
        # how many articles it stands for (itself and its copies; 0 for a copy).
        self.original: list[int] = []
        self.copies: list[int] = []
        self._embeddings: list[Embeddings] = []
        # Each article's best raw scores with others, high to low, at most scale_neighbours long,
        # and the positions they were scored with.
        self._best: list[list[float]] = []
        self._nearest: list[list[int]] = []
        # Each position's publication day (an ordinal), or -1 when undated.
        self._days = np.full(0, -1, dtype=np.int64)
        # Each position's language as a code (-1 when unknown, which goes with any), for comparing
        # a pair's bodies only where they share a language (Scoring.combine).
        self._language_codes: dict[str, int] = {}
        self._language = np.full(0, -1, dtype=np.int64)
        self._years = np.full(0, -1, dtype=np.int64)
        # Each position's lead weekdays and title months (`Terms.when_marks`: 0 when none is named).
        self._when = np.zeros(0, dtype=np.int64)

    def __len__(self) -> int:
        return len(self.vectors)

    def scale(self, position: int) -> float:
        """The neighbourhood scale of the article at `position` (a copy has its original's)."""
        return self.scoring.scale(self._best[self.original[position]])

    def nearest(self, position: int) -> list[int]:
        """The originals that scored best with the article at `position` (its original's), best first."""
        return list(self._nearest[self.original[position]])

    def add(self, article: Article, embedding: Embeddings | None = None) -> Arrival:
        """File the article and score it against its candidates among the articles filed before it.

        A near-duplicate of an earlier article is not scored: it is compared as its original from
        then on (`copies` counts it), and it is not filed, so copies never crowd out other candidates.
        """
        position = len(self.vectors)
        sketch = self._near.sketch(article.text)
        duplicate_of = self._near.match(sketch)
        terms = article_terms(article)
        vector = hash_terms(terms)
        if duplicate_of is not None and not _same_names(vector, self.vectors[self.original[duplicate_of]]):
            duplicate_of = None  # one template, other names: a report of another event
        window = article_window(article)
        self.windows.append(window)
        self.languages.append(article.language)
        self._note_language(position, article.language)
        self._note_when(position, terms.when_marks)
        self._note_day(position, window)
        self._best.append([])
        self._nearest.append([])
        if duplicate_of is not None:
            original = self.original[duplicate_of]
            self.original.append(original)
            self.copies[original] += 1
            self.copies.append(0)
            self.vectors.append(self.vectors[original])
            self._frequencies.add(self.vectors[original])
            if self._embeddings:
                self._embeddings.append(self._embeddings[original])
            return Arrival(position, original, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
        self._frequencies.add(vector)
        if self._embedder is not None and embedding is None:
            embedding = self._embedder.embed([_embed_text(article)])[0]
        candidates = self._candidates(vector, window)
        raw = self._raw_scores(vector, position, embedding, candidates)
        self.vectors.append(vector)
        self.original.append(position)
        self.copies.append(1)
        if self._embedder is not None and embedding is not None:
            self._embeddings.append(embedding)
        for neighbour, score in zip(candidates.tolist(), raw.tolist(), strict=True):
            self._remember(position, neighbour, score)
            self._remember(neighbour, position, score)
        self._near.add(position, sketch)
        self._file(position, vector)
        return Arrival(position, None, candidates, raw)

    def embed(self, articles: Sequence[Article]) -> list[Embeddings | None]:
        """Embeddings for a batch of articles at once (faster than one by one), when an embedder is used."""
        if self._embedder is None:
            return [None] * len(articles)
        vectors = self._embedder.embed([_embed_text(a) for a in articles])
        return list(vectors)

    def raw_scores(self, position: int, others: Sequence[int]) -> npt.NDArray[np.float32]:
        """Raw scores between one filed article and others."""
        embedding = self._embeddings[position] if self._embeddings else None
        return self._raw_scores(self.vectors[position], position, embedding, np.asarray(others, dtype=np.int64))

    def raw_scores_within(self, group: Sequence[int]) -> list[npt.NDArray[np.float32]]:
        """For each filed article of the group, its raw scores with the others in group order (as
        `raw_scores` gives them, each one's in one pass: headlines score every member of a story)."""
        if len(group) < 2:
            return [np.zeros(0, dtype=np.float32) for _ in group]
        others = [[q for j, q in enumerate(group) if j != i] for i in range(len(group))]
        candidates = np.asarray([q for row in others for q in row], dtype=np.int64)
        queries = np.repeat(np.asarray(group, dtype=np.int64), len(group) - 1)
        cosines = grouped_channel_cosines(
            [self.vectors[p] for p in group],
            [self.vectors[c] for c in candidates.tolist()],
            [len(row) for row in others],
            self._frequencies,
            self.scoring.name_specificity,
        )
        same = self._same_language(self._language[queries], self._language[candidates])
        other = other_times(self._when[queries], self._when[candidates])
        raw = self.scoring.combine(cosines, same, other).reshape(len(group), len(group) - 1)
        rows = list(raw)
        if self._embedder is not None and self._embeddings:
            for i, p in enumerate(group):
                matrix = np.stack([self._embeddings[c] for c in others[i]])
                rows[i] = rows[i] + self.scoring.embedder_weight * (matrix @ self._embeddings[p])
        return [row.astype(np.float32) for row in rows]

    def pairwise_raw(self, rows: Sequence[int], columns: Sequence[int]) -> npt.NDArray[np.float64]:
        """Raw scores between two lists of filed articles, as a (rows, columns) matrix."""
        # A block of a group with itself (a repair, a headline) weighs each article once.
        square = list(rows) == list(columns)
        both = [self.vectors[p] for p in rows] + ([] if square else [self.vectors[p] for p in columns])
        matrix = channel_rows(both, self._frequencies, self.scoring.name_specificity)
        left = np.arange(len(rows), dtype=np.int64)
        right = left if square else np.arange(len(rows), len(both), dtype=np.int64)
        cosines = matrix.block_cosines(left, right).reshape(len(rows) * len(columns), -1)
        row_codes = self._language[np.asarray(rows, dtype=np.int64)]
        column_codes = self._language[np.asarray(columns, dtype=np.int64)]
        same = self._same_language(row_codes[:, None], column_codes[None, :]).ravel()
        row_when = self._when[np.asarray(rows, dtype=np.int64)]
        column_when = self._when[np.asarray(columns, dtype=np.int64)]
        other = other_times(row_when[:, None], column_when[None, :]).ravel()
        raw = self.scoring.combine(cosines, same, other).reshape(len(rows), len(columns))
        if self._embeddings and self.scoring.embedder_weight > 0:
            a = np.stack([self._embeddings[p] for p in rows])
            b = np.stack([self._embeddings[p] for p in columns])
            raw += self.scoring.embedder_weight * (a @ b.T)
        return raw

    def rescore(self, rows: npt.NDArray[np.int64], columns: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        """Raw scores of pairs (rows[k], columns[k]) with the document frequencies known now.

        An article is scored on arrival with the frequencies of the articles before it; once all
        are filed, the batch re-scores the pairs it keeps, so every pair is weighed alike."""
        out = np.zeros(rows.size, dtype=np.float64)
        if rows.size == 0:
            return out
        matrix = channel_rows(self.vectors, self._frequencies, self.scoring.name_specificity)
        embeddings = np.stack(self._embeddings) if self._embeddings and self.scoring.embedder_weight > 0 else None
        for start in range(0, rows.size, RESCORE_CHUNK):
            i = rows[start : start + RESCORE_CHUNK]
            j = columns[start : start + RESCORE_CHUNK]
            same = self._same_language(self._language[i], self._language[j])
            other = other_times(self._when[i], self._when[j])
            out[start : start + i.size] = self.scoring.combine(matrix.pair_cosines(i, j), same, other)
            if embeddings is not None:
                out[start : start + i.size] += self.scoring.embedder_weight * np.einsum(
                    "ij,ij->i", embeddings[i], embeddings[j]
                )
        return out

    def restate(
        self, rows: npt.NDArray[np.int64], columns: npt.NDArray[np.int64], raw: npt.NDArray[np.float64]
    ) -> None:
        """Rebuild every article's best scores (and so its scale) from the given scored pairs.

        The batch passes the pairs it keeps (raw 0.1 and over): an article with fewer than k of them
        has the scale floor (0.5) either way, so dropping its weaker scored pairs changes no scale."""
        nearest, best = best_partners(rows, columns, raw, len(self.vectors), self.scoring.scale_neighbours)
        filled = nearest >= 0
        self._nearest = [row[mask].tolist() for row, mask in zip(nearest, filled, strict=True)]
        self._best = [row[mask].tolist() for row, mask in zip(best, filled, strict=True)]

    def self_scores(self) -> npt.NDArray[np.float64]:
        """Each filed article's raw score with itself, plus the embedder's: the weights of the
        channels it has words in (a channel's cosine with itself is 1), less what its common names
        give up to their specificity (a row of the weighted matrix dotted with itself)."""
        extra = self.scoring.embedder_weight if self._embeddings else 0.0
        weights = np.asarray(self.scoring.channel_weights, dtype=np.float32)
        matrix = weighted_matrix(self.vectors, self._frequencies, weights, self.scoring.name_specificity)
        return np.asarray(matrix.multiply(matrix).sum(axis=1), dtype=np.float64).ravel() + extra

    def pairwise_relative(
        self, rows: Sequence[int], columns: Sequence[int], centring: Centring | None = None
    ) -> npt.NDArray[np.float64]:
        """Relative scores between two lists of filed articles (raw, centred when a centring is
        given, over the geometric mean of the scales)."""
        scale_rows = np.array([self.scale(p) for p in rows], dtype=np.float64)
        scale_columns = np.array([self.scale(p) for p in columns], dtype=np.float64)
        raw = self.pairwise_raw(rows, columns)
        if centring is not None:
            raw = centring.centred_block(rows, columns, raw)
        return raw / np.sqrt(np.outer(scale_rows, scale_columns))

    def average_relative(
        self, group_a: Sequence[int], group_b: Sequence[int], centring: Centring | None = None
    ) -> float:
        """The average relative score between two groups of originals (copies weigh as their
        originals), over at most EXACT_SAMPLE of each group, the earliest."""
        sample_a, sample_b = sorted(group_a)[:EXACT_SAMPLE], sorted(group_b)[:EXACT_SAMPLE]
        weights_a = np.array([self.copies[p] for p in sample_a], dtype=np.float64)
        weights_b = np.array([self.copies[q] for q in sample_b], dtype=np.float64)
        total = float(weights_a @ self.pairwise_relative(sample_a, sample_b, centring) @ weights_b)
        pairs = float(weights_a.sum() * weights_b.sum())
        return total / pairs if pairs else 0.0

    def _raw_scores(
        self,
        vector: TermVector,
        position: int,
        embedding: Embeddings | None,
        candidates: npt.NDArray[np.int64],
    ) -> npt.NDArray[np.float32]:
        if candidates.size == 0:
            return np.zeros(0, dtype=np.float32)
        cosines = channel_cosines(
            vector, [self.vectors[c] for c in candidates.tolist()], self._frequencies, self.scoring.name_specificity
        )
        same = self._same_language(self._language[position], self._language[candidates])
        other = other_times(self._when[position], self._when[candidates])
        raw = self.scoring.combine(cosines, same, other)
        if self._embedder is not None and embedding is not None:
            matrix = np.stack([self._embeddings[c] for c in candidates.tolist()])
            raw = raw + self.scoring.embedder_weight * (matrix @ embedding)
        return raw.astype(np.float32)

    def _candidates(self, vector: TermVector, window: Window) -> npt.NDArray[np.int64]:
        """Earlier originals likely to share the article's story: under its key terms (or all of a
        small index), and not published so far from it that their windows rule a shared story out.
        So an article's neighbourhood scale is measured among articles it could share a story with."""
        if len(self.vectors) <= EXHAUSTIVE_BELOW:
            # A small index is compared whole: key terms chosen by idf over a few articles are the
            # ones no other article shares, and comparing with all costs under a millisecond here.
            every = np.array([p for p in range(len(self.vectors)) if self.original[p] == p], dtype=np.int64)
            return every[self._in_time(every, window)]
        keys = key_slots(vector, self._frequencies, QUERY_TERMS, _KEY_CHANNELS)
        found: list[int] = []
        for key in keys.tolist():
            posting = self._postings.get(key)
            if posting:
                found.extend(posting[-POSTING_DEPTH:])
        if not found:
            return np.zeros(0, dtype=np.int64)
        # Distinct positions and how many keys each was found under (np.unique's answer, without
        # its overhead, which weighed on every arrival).
        ordered = np.sort(np.asarray(found, dtype=np.int64))
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        positions, shared = ordered[starts], np.diff(np.append(starts, ordered.size))
        kept = self._in_time(positions, window)
        positions, shared = positions[kept], shared[kept]
        if positions.size > MAX_CANDIDATES:
            positions = positions[np.argsort(-shared, kind="stable")[:MAX_CANDIDATES]]
            positions.sort()
        return positions

    @staticmethod
    def _same_language(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Whether pairs' bodies can be compared word for word, from language codes that broadcast."""
        same: npt.NDArray[np.bool_] = (a == b) | (a < 0) | (b < 0)
        return same

    def _note_when(self, position: int, marks: int) -> None:
        if position >= self._when.size:
            grown = np.zeros(max(1024, 2 * self._when.size), dtype=np.int64)
            grown[: self._when.size] = self._when
            self._when = grown
        self._when[position] = marks

    def _note_language(self, position: int, language: str | None) -> None:
        if position >= self._language.size:
            grown = np.full(max(1024, 2 * self._language.size), -1, dtype=np.int64)
            grown[: self._language.size] = self._language
            self._language = grown
        if language is not None:
            self._language[position] = self._language_codes.setdefault(language, len(self._language_codes))

    def _in_time(self, positions: npt.NDArray[np.int64], window: Window) -> npt.NDArray[np.bool_]:
        """Which candidates to keep: not those published more than STORY_WINDOW_DAYS from the article,
        unless the article names a date near theirs or their year (a follow-up). A preview named by
        them is not looked for here (their story window still admits the article when other members
        are near it). A mask, so that what goes with the positions (their counts) is kept alike."""
        if window.start is None or positions.size == 0:
            return np.ones(positions.size, dtype=bool)
        days = self._days[positions]
        far = (days >= 0) & (np.abs(days - window.start) > STORY_WINDOW_DAYS)
        if not far.any():
            return ~far
        far_days = days[far]
        bridged = np.zeros(far_days.size, dtype=bool)
        if window.mentioned:
            named = np.fromiter(window.mentioned, dtype=np.int64, count=len(window.mentioned))
            bridged |= (np.abs(far_days[:, None] - named[None, :]) <= MENTION_SLACK_DAYS).any(axis=1)
        own_year = date.fromordinal(window.start).year
        other_years = [y for y in window.years if y != own_year]
        if other_years:
            bridged |= np.isin(self._years[positions][far], np.asarray(other_years, dtype=np.int64))
        far[np.flatnonzero(far)[bridged]] = False
        kept: npt.NDArray[np.bool_] = ~far
        return kept

    def _note_day(self, position: int, window: Window) -> None:
        if position >= self._days.size:
            size = max(1024, 2 * self._days.size)
            days, years = np.full(size, -1, dtype=np.int64), np.full(size, -1, dtype=np.int64)
            days[: self._days.size], years[: self._years.size] = self._days, self._years
            self._days, self._years = days, years
        self._days[position] = window.start if window.start is not None else -1
        self._years[position] = date.fromordinal(window.start).year if window.start is not None else -1

    def _file(self, position: int, vector: TermVector) -> None:
        for key in key_slots(vector, self._frequencies, KEY_TERMS, _KEY_CHANNELS).tolist():
            posting = self._postings.setdefault(key, [])
            posting.append(position)
            if len(posting) > 2 * POSTING_DEPTH:
                del posting[:-POSTING_DEPTH]

    def _remember(self, position: int, other: int, score: float) -> None:
        best, nearest = self._best[position], self._nearest[position]
        limit = self.scoring.scale_neighbours
        if len(best) < limit or score > best[-1]:
            # Kept sorted high to low: insert by the negated score.
            at = bisect.bisect_right(best, -score, key=operator.neg)
            best.insert(at, score)
            nearest.insert(at, other)
            del best[limit:], nearest[limit:]


def _same_names(a: TermVector, b: TermVector) -> bool:
    """Whether two texts name the same people and places (Jaccard of their name slots)."""
    names_a = set(a.slots[a.channels == Channel.NAMES].tolist())
    names_b = set(b.slots[b.channels == Channel.NAMES].tolist())
    if not names_a and not names_b:
        return True
    return len(names_a & names_b) >= DUPLICATE_NAME_OVERLAP * len(names_a | names_b)


def _embed_text(article: Article) -> str:
    return f"{article.title}. {article.text}" if article.title else article.text
