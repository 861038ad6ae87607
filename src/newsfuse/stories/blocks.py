"""Blocked clustering: a corpus too big for one batch is clustered in overlapping blocks, then joined.

Articles are ranked by publication day (undated ones first), then by input order, and cut into
consecutive blocks of that ranking. Each block also carries the last BLOCK_OVERLAP articles of the
block before it, as context: a story that runs across the cut is seen whole on one side of it. Each
block is clustered on its own with `cluster_batch`; then, block by block, a story holding context
articles continues the story that most of those articles already belong to, and a story without
context starts a new one.

The plan (which article goes to which block) depends only on each article's day and input
position, and the join only on the blocks' stories, so any engine that clusters the same blocks
gives the same stories: the local engine runs the blocks one after another, the Spark engine on
its executors. A corpus of at most BLOCK_ARTICLES articles is a single block: exactly `cluster_batch`.

Blocks bound memory and make the work linear in the corpus, at a price: two reports of one event
published more than a block apart (a follow-up months later, in a corpus of millions) are not
compared, and stay two stories.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from newsfuse.models import Article, Story, story_id
from newsfuse.stories.assemble import first_of_each_id, order_stories
from newsfuse.stories.batch import cluster_batch
from newsfuse.stories.embedders import Embedder
from newsfuse.stories.similarity import Scoring

# One block clusters at most this many articles (its own and its context). A batch of 20k clusters
# in under a minute with about 1 GB here (bench/results/stories.json: 10k took 23 s; 100k in one
# batch took 5 GB), and a day of a large outlet feed's coverage fits in it.
BLOCK_ARTICLES = 20_000
# Context carried from one block to the next: a tenth of a block. Coverage of one event arrives
# within a few days; at the rates of a busy feed that is well inside 2k articles of the cut.
BLOCK_OVERLAP = 2_000

# What the join needs of each article: its input position and publication date.
Known = tuple[int, date | None]


@dataclass(frozen=True, slots=True)
class BlockPlan:
    """How a ranking of `size` articles is cut into blocks."""

    size: int
    block_articles: int = BLOCK_ARTICLES
    overlap: int = BLOCK_OVERLAP

    def __post_init__(self) -> None:
        if not 0 <= self.overlap < self.block_articles:
            raise ValueError(f"overlap {self.overlap} must be under the block size {self.block_articles}")

    @property
    def stride(self) -> int:
        """Articles of its own per block (all of them when the corpus is one block)."""
        if self.size <= self.block_articles:
            return max(self.size, 1)
        return self.block_articles - self.overlap

    @property
    def blocks(self) -> int:
        return -(-self.size // self.stride) if self.size else 0

    def placements(self, rank: int) -> list[tuple[int, bool]]:
        """The blocks the article of this rank is clustered in: (block, whether it is context there)."""
        home = rank // self.stride
        placed = [(home, False)]
        if home + 1 < self.blocks and rank % self.stride >= self.stride - self.overlap:
            placed.append((home + 1, True))
        return placed


def rank_key(published: date | None, position: int) -> tuple[int, int]:
    """Where an article stands in the ranking: publication day (undated first), then input position."""
    return (published.toordinal() if published else -1, position)


@dataclass(frozen=True, slots=True)
class BlockResult:
    """One block's stories and which of its articles were context (clustered in an earlier block too)."""

    block: int
    stories: tuple[Story, ...]
    context: frozenset[str]


def cluster_block(
    block: int,
    members: Sequence[tuple[int, Article, bool]],
    scoring: Scoring | None = None,
    embedder: Embedder | None = None,
) -> BlockResult:
    """Cluster one block: `members` are (input position, article, is context), in any order."""
    ordered = sorted(members, key=lambda m: m[0])
    stories = cluster_batch([article for _, article, _ in ordered], scoring, embedder)
    context = frozenset(article.id for _, article, is_context in ordered if is_context)
    return BlockResult(block, tuple(stories), context)


def join_blocks(results: Sequence[BlockResult], known: Mapping[str, Known]) -> list[Story]:
    """The stories of the whole corpus from its blocks' stories; `known` gives each article's input
    position (it orders a story's articles and names its founder) and publication date."""
    label: dict[str, int] = {}
    parts: list[list[Story]] = []
    for result in sorted(results, key=lambda r: r.block):
        for story in result.stories:
            own = [a for a in story.article_ids if a not in result.context]
            if not own:
                continue
            seen = [label[a] for a in story.article_ids if a in result.context and a in label]
            if seen:
                counts = Counter(seen)
                target = max(counts, key=lambda s: (counts[s], -s))
            else:
                target = len(parts)
                parts.append([])
            for article_id in own:
                label[article_id] = target
            parts[target].append(story)
    members: list[list[str]] = [[] for _ in parts]
    for article_id, target in label.items():
        members[target].append(article_id)
    return order_stories([_joined(part, ids, known) for part, ids in zip(parts, members, strict=True)])


def cluster_blocked(
    articles: Sequence[Article],
    scoring: Scoring | None = None,
    embedder: Embedder | None = None,
    plan: BlockPlan | None = None,
) -> list[Story]:
    """Group the articles into stories block by block, in this process; largest story first.
    Articles with the same id are kept once (the first)."""
    unique = first_of_each_id(articles)
    plan = plan or BlockPlan(len(unique))
    if plan.blocks <= 1:
        return cluster_batch(unique, scoring, embedder)
    results = [cluster_block(block, members, scoring, embedder) for block, members in _blocks(unique, plan)]
    return join_blocks(results, {a.id: (p, a.published) for p, a in enumerate(unique)})


def _blocks(articles: Sequence[Article], plan: BlockPlan) -> Iterator[tuple[int, list[tuple[int, Article, bool]]]]:
    ranking = sorted(range(len(articles)), key=lambda p: rank_key(articles[p].published, p))
    blocks: list[list[tuple[int, Article, bool]]] = [[] for _ in range(plan.blocks)]
    for rank, position in enumerate(ranking):
        for block, is_context in plan.placements(rank):
            blocks[block].append((position, articles[position], is_context))
    yield from enumerate(blocks)


def _joined(parts: Sequence[Story], ids: Sequence[str], known: Mapping[str, Known]) -> Story:
    ordered = tuple(sorted(ids, key=lambda a: known[a][0]))
    # The headline of the part that brought most of the story's own articles (the first on a tie).
    own = set(ids)
    main = max(parts, key=lambda s: sum(1 for a in s.article_ids if a in own))
    days = [day for a in ordered if (day := known[a][1]) is not None]
    start: date | None = min(days) if days else None
    end: date | None = max(days) if days else None
    return Story(id=story_id(ordered[0]), headline=main.headline, article_ids=ordered, start=start, end=end)
