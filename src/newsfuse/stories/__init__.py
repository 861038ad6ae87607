"""The stories stage: group articles that report the same real-world event, in batch or as they arrive."""

from newsfuse.stories.batch import cluster_batch
from newsfuse.stories.embedders import EMBEDDERS, Embedder, HashingEmbedder, MiniLMEmbedder, make_embedder
from newsfuse.stories.incremental import StoryTracker
from newsfuse.stories.similarity import Scoring

__all__ = [
    "EMBEDDERS",
    "Embedder",
    "HashingEmbedder",
    "MiniLMEmbedder",
    "Scoring",
    "StoryTracker",
    "cluster_batch",
    "make_embedder",
]
