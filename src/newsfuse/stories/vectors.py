"""Hashed term vectors with running document frequencies, and the per-channel cosines between them.

A vector keeps log term frequencies, not weights: weights (tf x idf) are applied when two vectors are
compared, with the document frequencies known then. So an article indexed early in a stream is
compared with the same weights as one indexed late, which keeps incremental and batch clustering close.

A channel's cosine says how alike two articles' terms are, not how telling the terms are: normalising
each channel on its own cancels idf where a channel holds one or two terms. An article whose only name
is "Trump" has a names cosine of 1 with every other such article. So in the name channels a shared
term counts by its specificity, its idf over the idf of a term seen once (raised to a power): the
stream's common names (the president, the Senate) add little, a name only one story uses adds nearly
its full share. The channel is still normalised by its plain tf x idf length, so an article's score
with itself is below its channel weight where its names are common.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from newsfuse.stories.terms import CHANNELS, NAME_CHANNELS, Channel, Terms

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int32]

# Terms are hashed into this many slots (a power of two). 2**20 keeps collisions between two
# articles' ~300 terms below one in three thousand, and the frequency table at 4 MB.
HASH_BITS = 20
HASH_SIZE = 1 << HASH_BITS
# The fewest articles a name's commonness is judged over (see `specificity`): below both real streams
# it is measured on (NeuS 921, ECB+ dev 772 articles), so their figures do not depend on it.
SPECIFICITY_MIN_DOCUMENTS = 500


@dataclass(frozen=True, slots=True)
class TermVector:
    """One article's terms: hashed slots (sorted), log term frequencies and each slot's channel."""

    slots: Ints
    logtf: Floats
    channels: npt.NDArray[np.int8]

    @property
    def empty(self) -> bool:
        return self.slots.size == 0


def hash_terms(terms: Terms) -> TermVector:
    """Hash every term of every channel into one sparse vector (the channel is part of the key)."""
    keys: list[int] = []
    counts: list[int] = []
    codes: list[int] = []
    for channel in CHANNELS:
        bag = terms.of(channel)
        prefix = f"{int(channel)}\x1f"
        keys.extend(zlib.crc32((prefix + term).encode("utf-8")) & (HASH_SIZE - 1) for term in bag)
        counts.extend(bag.values())
        codes.extend([int(channel)] * len(bag))
    if not keys:
        return TermVector(np.zeros(0, np.int32), np.zeros(0, np.float32), np.zeros(0, np.int8))
    slots, inverse = np.unique(np.asarray(keys, dtype=np.int32), return_inverse=True)
    totals = np.bincount(inverse, weights=np.asarray(counts, dtype=np.float64), minlength=slots.size)
    channels = np.zeros(slots.size, dtype=np.int8)
    channels[inverse] = np.asarray(codes, dtype=np.int8)  # a rare collision keeps one channel
    return TermVector(slots.astype(np.int32), np.log1p(totals).astype(np.float32), channels)


class DocumentFrequencies:
    """How many articles seen so far hold each hashed term; idf from them. Grows as articles arrive."""

    def __init__(self) -> None:
        self._counts = np.zeros(HASH_SIZE, dtype=np.int32)
        self._documents = 0

    @property
    def documents(self) -> int:
        return self._documents

    def add(self, vector: TermVector) -> None:
        self._counts[vector.slots] += 1
        self._documents += 1

    def idf(self, slots: Ints, documents: int | None = None) -> Floats:
        """Smoothed idf: log((N + 1) / (df + 1)) + 1, so a term in every article still counts a little.
        `documents` replaces N when larger: the stream read as that many articles, the others
        without the term."""
        n = self._documents if documents is None else max(documents, self._documents)
        # In place, on the one array of the slots' counts: this runs on every candidate's terms.
        idf: Floats = self._counts[slots].astype(np.float32)
        idf += np.float32(1.0)
        np.divide(np.float32(n + 1.0), idf, out=idf)
        np.log(idf, out=idf)
        idf += np.float32(1.0)
        return idf


def specificity(
    frequencies: DocumentFrequencies, slots: Ints, channels: npt.NDArray[np.int64], power: float
) -> npt.NDArray[np.float64]:
    """Each slot's weight in a shared term's contribution: in the name channels, (idf / idf of a
    term seen in one article) ** power, at most 1; 1 in the other channels and when power is 0."""
    out = np.ones(slots.size, dtype=np.float64)
    if power <= 0 or slots.size == 0:
        return out
    named = channel_mask(channels, NAME_CHANNELS)
    if not named.any():
        return out
    # A few articles cannot show that a name is common: five reports of one summit all name its
    # leaders. Below SPECIFICITY_MIN_DOCUMENTS the stream counts as that many articles, the missing
    # ones naming no one, so in a small batch names keep most of their weight.
    documents = max(frequencies.documents, SPECIFICITY_MIN_DOCUMENTS)
    rarest = np.log((documents + 1.0) / 2.0) + 1.0  # the idf of a term seen once
    ratio = frequencies.idf(slots[named], documents).astype(np.float64) / max(rarest, 1.0)
    out[named] = np.minimum(1.0, ratio) ** power
    return out


class ChannelWeights:
    """The weight of each channel's cosine in the raw similarity of two articles."""

    def __init__(self, weights: dict[Channel, float]) -> None:
        self.array = np.array([weights.get(channel, 0.0) for channel in CHANNELS], dtype=np.float32)


def channel_cosines(
    query: TermVector, candidates: list[TermVector], frequencies: DocumentFrequencies, name_specificity: float = 0.0
) -> Floats:
    """Cosine per channel between `query` and each candidate: an array (candidates, channels).

    Weights are sublinear tf x idf with the current document frequencies; in the name channels a
    shared term counts by its specificity (see `specificity`). Vectorised over all candidates at
    once (one concatenated array, reduced by candidate and channel).
    """
    return grouped_channel_cosines([query], candidates, [len(candidates)], frequencies, name_specificity)


def grouped_channel_cosines(
    queries: list[TermVector],
    candidates: list[TermVector],
    counts: list[int],
    frequencies: DocumentFrequencies,
    name_specificity: float = 0.0,
) -> Floats:
    """`channel_cosines` of several queries at once, each with its own candidates: the first
    counts[0] candidates are the first query's, the next counts[1] the second's, and so on. Each
    pair's cosines are computed exactly as `channel_cosines` computes them alone."""
    n_channels = len(CHANNELS)
    out = np.zeros((len(candidates), n_channels), dtype=np.float32)
    query_lengths = np.fromiter((q.slots.size for q in queries), dtype=np.int64, count=len(queries))
    if not candidates or not query_lengths.sum():
        return out
    query_slots = np.concatenate([q.slots for q in queries])
    query_channels = np.concatenate([q.channels for q in queries]).astype(np.int64)
    query_rows = np.repeat(np.arange(len(queries), dtype=np.int64), query_lengths)
    query_weights = np.concatenate([q.logtf for q in queries]) * frequencies.idf(query_slots)
    query_keys = query_rows * n_channels + query_channels
    query_norms = np.sqrt(np.bincount(query_keys, weights=query_weights**2, minlength=len(queries) * n_channels))
    owner = np.repeat(np.arange(len(queries), dtype=np.int64), counts)  # each candidate's query
    lengths = np.fromiter((c.slots.size for c in candidates), dtype=np.int64, count=len(candidates))
    slots = np.concatenate([c.slots for c in candidates])
    logtf = np.concatenate([c.logtf for c in candidates])
    channels = np.concatenate([c.channels for c in candidates]).astype(np.int64)
    rows = np.repeat(np.arange(len(candidates), dtype=np.int64), lengths)
    weights = logtf * frequencies.idf(slots)
    keys = rows * n_channels + channels
    norms = np.sqrt(np.bincount(keys, weights=weights**2, minlength=len(candidates) * n_channels))
    # A term is looked for among its own query's: each query's slots are offset by its number.
    query_terms = query_rows * HASH_SIZE + query_slots
    entry_terms = owner[rows] * HASH_SIZE + slots
    position = np.searchsorted(query_terms, entry_terms)
    position[position >= query_terms.size] = 0
    # Terms of two channels may hash to one slot (about one article pair in fifty shares such a slot):
    # only a slot of the same channel on both sides is a shared term.
    hit = (query_terms[position] == entry_terms) & (query_channels[position] == channels)
    shared = (
        weights[hit]
        * query_weights[position[hit]]
        * specificity(frequencies, slots[hit], channels[hit], name_specificity)
    )
    dots = np.bincount(keys[hit], weights=shared, minlength=out.size)
    denominator = norms * query_norms.reshape(len(queries), n_channels)[owner].ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        cosines = np.where(denominator > 0, dots / denominator, 0.0)
    return cosines.reshape(len(candidates), n_channels).astype(np.float32)


def key_slots(vector: TermVector, frequencies: DocumentFrequencies, count: int, channels: tuple[Channel, ...]) -> Ints:
    """The `count` heaviest slots (tf x idf) of the given channels: what the candidate index files it under."""
    mask = channel_mask(vector.channels, channels)
    slots = vector.slots[mask]
    if slots.size <= count:
        return slots
    weights = vector.logtf[mask] * frequencies.idf(slots)
    return slots[np.argpartition(-weights, count)[:count]]


def channel_mask(codes: npt.NDArray[np.integer], channels: tuple[Channel, ...]) -> npt.NDArray[np.bool_]:
    """Whether each channel code is one of `channels`: a table look-up, since `np.isin` sorts and
    is the slower on the few hundred codes of an article (it ran on every arrival, twice)."""
    table = np.zeros(len(CHANNELS), dtype=bool)
    table[[int(c) for c in channels]] = True
    mask: npt.NDArray[np.bool_] = table[codes]
    return mask


def weighted_matrix(
    vectors: list[TermVector], frequencies: DocumentFrequencies, channel_weights: Floats, name_specificity: float = 0.0
) -> sparse.csr_matrix:
    """Rows of tf x idf, each channel scaled to unit length times the square root of its weight, and
    each name term by the square root of its specificity: the dot product of two rows is then the
    weighted sum of their channel cosines as `channel_cosines` gives them.
    Columns are the slots the rows use, renumbered densely (so products stay small)."""
    return _weighted_rows(vectors, frequencies, channel_weights, name_specificity)[0]


@dataclass(frozen=True, slots=True)
class ChannelRows:
    """Articles' rows with each channel at unit length (see `weighted_matrix`, every weight 1), and
    the channel of each column: per-channel dot products of two rows are their channel cosines."""

    matrix: sparse.csr_matrix
    column_channels: npt.NDArray[np.int64]

    def pair_cosines(self, rows: npt.NDArray[np.int64], columns: npt.NDArray[np.int64]) -> Floats:
        """Channel cosines of the pairs (rows[k], columns[k]): an array (pairs, channels)."""
        n_channels = len(CHANNELS)
        products = self.matrix[rows].multiply(self.matrix[columns]).tocoo()
        keys = products.row.astype(np.int64) * n_channels + self.column_channels[products.col]
        sums = np.bincount(keys, weights=products.data, minlength=rows.size * n_channels)
        out: Floats = sums.reshape(rows.size, n_channels).astype(np.float32)
        return out

    def block_cosines(self, rows: npt.NDArray[np.int64], columns: npt.NDArray[np.int64]) -> Floats:
        """Channel cosines of every pair of rows x columns: an array (rows, columns, channels).

        One sparse product: each row is split into one row per channel (row x channels + channel).
        Passing the same array as rows and columns (a group with itself) picks the rows once."""
        n_channels = len(CHANNELS)
        picked = self.matrix[rows]
        right = picked if columns is rows else self.matrix[columns]
        left = picked.tocoo()
        split = sparse.csr_matrix(
            (left.data, (left.row.astype(np.int64) * n_channels + self.column_channels[left.col], left.col)),
            shape=(rows.size * n_channels, self.matrix.shape[1]),
        )
        products = np.asarray((split @ right.T).toarray(), dtype=np.float32)
        out: Floats = products.reshape(rows.size, n_channels, columns.size).transpose(0, 2, 1)
        return out


def channel_rows(
    vectors: list[TermVector], frequencies: DocumentFrequencies, name_specificity: float = 0.0
) -> ChannelRows:
    """The articles' `ChannelRows` with the current document frequencies."""
    ones = np.ones(len(CHANNELS), dtype=np.float32)
    matrix, column_channels = _weighted_rows(vectors, frequencies, ones, name_specificity)
    return ChannelRows(matrix, column_channels)


def _weighted_rows(
    vectors: list[TermVector], frequencies: DocumentFrequencies, channel_weights: Floats, name_specificity: float
) -> tuple[sparse.csr_matrix, npt.NDArray[np.int64]]:
    """`weighted_matrix` and the channel of each of its columns."""
    n_channels = len(CHANNELS)
    lengths = np.fromiter((v.slots.size for v in vectors), dtype=np.int64, count=len(vectors))
    if not lengths.sum():
        return sparse.csr_matrix((len(vectors), 1), dtype=np.float64), np.zeros(1, dtype=np.int64)
    slots = np.concatenate([v.slots for v in vectors])
    weights = np.concatenate([v.logtf for v in vectors]) * frequencies.idf(slots)
    channels = np.concatenate([v.channels for v in vectors]).astype(np.int64)
    rows = np.repeat(np.arange(len(vectors), dtype=np.int64), lengths)
    keys = rows * n_channels + channels
    norms = np.sqrt(np.bincount(keys, weights=weights**2, minlength=len(vectors) * n_channels))
    scale = np.sqrt(channel_weights.astype(np.float64))[channels] / np.where(norms[keys] > 0, norms[keys], 1.0)
    scale *= np.sqrt(specificity(frequencies, slots, channels, name_specificity))
    # A column is a slot of one channel: terms of two channels hashed to one slot stay apart, so a
    # row's dot products hold only what the channels share (as in `channel_cosines`).
    columns, dense = np.unique(slots.astype(np.int64) * n_channels + channels, return_inverse=True)
    column_channels = columns % n_channels
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    matrix = sparse.csr_matrix((weights * scale, dense, indptr), shape=(len(vectors), columns.size))
    return matrix, column_channels
