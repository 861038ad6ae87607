"""The provenance graph as an SVG layout: who copied, rewrote, translated or digested whom.

Sources stand in columns by depth (originals and agencies left, what derives from them to the right),
coloured by lineage, so the independent sources are the colours one sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


def graph_drawing(record: dict[str, Any], annotations: dict[str, Any]) -> GraphDrawing | None:
    """The layout of the brief's derivations, or None when the brief has no articles."""
    articles: list[dict[str, Any]] = record.get("articles") or []
    if not articles:
        return None
    number = {str(a["id"]): i for i, a in enumerate(articles, start=1)}
    links: list[tuple[str, str, str, float]] = []  # (child, parent, kind, score)
    agencies: list[str] = []
    for article in articles:
        for d in article.get("derived_from") or []:
            parent = str(d.get("parent"))
            if parent not in number and parent not in agencies:
                agencies.append(parent)
            links.append((str(article["id"]), parent, str(d.get("kind")), float(d.get("score") or 0.0)))
    keys = [*agencies, *number]
    depth = dict.fromkeys(keys, 0)
    # Longest path from a root; bounded passes, so a cycle (which provenance never makes) cannot loop.
    for _ in range(len(keys)):
        changed = False
        for child, parent, _kind, _score in links:
            if depth[child] < depth[parent] + 1 and depth[parent] + 1 < len(keys):
                depth[child] = depth[parent] + 1
                changed = True
        if not changed:
            break
    lineage_colour = {}
    for i, lineage in enumerate(annotations.get("lineages") or []):
        colour = PALETTE[i % len(PALETTE)]
        lineage_colour[str(lineage.get("root"))] = colour
        for member in lineage.get("articles") or []:
            lineage_colour[str(member)] = colour
    digests = set(annotations.get("digests") or [])
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
            article = articles[number[key] - 1]
            name = str(article.get("source") or article.get("title") or _opening(str(article.get("text") or key)))
            title = f"[{number[key]}] {article.get('title') or name}"
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


def _opening(text: str) -> str:
    """An untitled article's first words, to name it by."""
    return " ".join(text.split()[:6])
