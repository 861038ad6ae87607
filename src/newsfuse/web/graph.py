"""The provenance graph as an SVG layout: who copied, rewrote, translated or digested whom.

Sources stand in columns by depth (originals and agencies left, what derives from them to the right),
coloured by lineage, so the independent sources are the colours one sees.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.models.record import BriefRecord, PageNotes

# Pixels of the layout.
COLUMN = 260
ROW = 54
NODE_W = 180
NODE_H = 34
MARGIN = 16
# Node labels are cut to fit the box (the whole label is in its tooltip).
LABEL_CHARS = 24
# Lineage colours (colour-blind safe, from the Okabe-Ito palette); they repeat past eight lineages.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
# Each kind of derivation has its own colour and dash pattern, so the kinds tell apart in grey too.
EDGE_STYLES = {
    "copy": ("#444444", ""),
    "rewrite": ("#0072B2", "8 4"),
    "translation": ("#CC79A7", "2 3"),
    "summary": ("#009E73", "10 3 2 3"),
}


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    label: str
    title: str
    href: str
    x: int
    y: int
    colour: str
    agency: bool
    digest: bool


@dataclass(frozen=True, slots=True)
class Edge:
    x1: int
    y1: int
    x2: int
    y2: int
    kind: str
    colour: str
    dashes: str
    score: float


@dataclass(frozen=True, slots=True)
class GraphDrawing:
    width: int
    height: int
    node_w: int
    node_h: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    legend: tuple[tuple[str, str, str], ...]  # (kind, colour, dashes) of the kinds drawn


def graph_drawing(record: BriefRecord, notes: PageNotes) -> GraphDrawing | None:
    """The layout of the brief's derivations, or None when the brief has no articles."""
    if not record.articles:
        return None
    number = {a.id: n for n, a in enumerate(record.articles, start=1)}
    # (child, parent, kind, score) of each derivation; parents outside the brief are agencies.
    links = [(a.id, d.parent, d.kind, d.score) for a in record.articles for d in a.derived_from]
    agencies = list(dict.fromkeys(parent for _, parent, _, _ in links if parent not in number))
    keys = [*agencies, *number]
    depth = _depths(keys, links)
    lineage_colour = _lineage_colours(notes)
    digests = set(notes.digests)
    rows: dict[int, int] = {}
    position: dict[str, tuple[int, int]] = {}
    nodes = []
    for key in keys:
        column = depth[key]
        row = rows.get(column, 0)
        rows[column] = row + 1
        x, y = MARGIN + column * COLUMN, MARGIN + row * ROW
        position[key] = (x, y)
        if key in number:
            article = record.articles[number[key] - 1]
            name = article.source or article.title or _opening(article.text or key)
            title = f"[{number[key]}] {article.title or name}"
            label, href, agency = f"[{number[key]}] {name}", f"#src{number[key]}", False
        else:
            title, label, href, agency = f"agency: {key}", key, "", True
        cut = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
        colour = lineage_colour.get(key, "#FFFFFF" if key in digests else "#DDDDDD")
        nodes.append(Node(key, cut, title, href, x, y, colour, agency, key in digests))
    edges = []
    for child, parent, kind, score in links:
        (px, py), (cx, cy) = position[parent], position[child]
        colour, dashes = EDGE_STYLES.get(kind, ("#444444", ""))
        edges.append(Edge(px + NODE_W, py + NODE_H // 2, cx, cy + NODE_H // 2, kind, colour, dashes, score))
    width = 2 * MARGIN + max(depth.values()) * COLUMN + NODE_W
    height = 2 * MARGIN + (max(rows.values()) - 1) * ROW + NODE_H
    kinds = dict.fromkeys(edge.kind for edge in edges)
    legend = tuple((kind, *EDGE_STYLES.get(kind, ("#444444", ""))) for kind in kinds)
    return GraphDrawing(width, height, NODE_W, NODE_H, tuple(nodes), tuple(edges), legend)


def _depths(keys: list[str], links: list[tuple[str, str, str, float]]) -> dict[str, int]:
    """Each node's column: the longest path to it from a root. Bounded passes, so that a cycle (which
    provenance never makes) cannot loop."""
    depth = dict.fromkeys(keys, 0)
    for _ in range(len(keys)):
        changed = False
        for child, parent, _kind, _score in links:
            if depth[child] < depth[parent] + 1 and depth[parent] + 1 < len(keys):
                depth[child] = depth[parent] + 1
                changed = True
        if not changed:
            break
    return depth


def _lineage_colours(notes: PageNotes) -> dict[str, str]:
    colours = {}
    for i, lineage in enumerate(notes.lineages):
        colour = PALETTE[i % len(PALETTE)]
        colours[lineage.root] = colour
        colours.update(dict.fromkeys(lineage.articles, colour))
    return colours


def _opening(text: str) -> str:
    """An untitled article's first words, to name it by."""
    return " ".join(text.split()[:6])
