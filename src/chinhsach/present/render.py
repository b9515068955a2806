"""Presentation helpers of the web pages: highlighting, labels, the outline tree, the graph SVG.

Nothing here decides anything about a document: the words to highlight come from the CLI's
:mod:`chinhsach.present.highlight`, the units and deadlines from :mod:`chinhsach.answers`, the
edges from :mod:`chinhsach.answers.graph`. These functions only turn them into HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from chinhsach.model import Document, Section, Segment
from chinhsach.present.highlight import snippet, word_spans
from chinhsach.present.labels import (
    COMPARATOR_VI,
    DIRECTION_VI,
    EDGE_KIND_VI,
    FACT_KIND_VI,
    ROLE_VI,
    SEGMENT_KIND_VI,
    date_vi,
    number_vi,
    target_value,
)


def marked(text: str, query: str, width: int | None = None,
           words: Collection[str] | None = None) -> Markup:
    """``text`` (cut around the first match if ``width``) with the query's words in ``<mark>``.

    The words are the ones the CLI highlights (matched without diacritics, so "nuoc sach"
    marks "nước sạch"). ``words``, the query as the index restored it ("nước sạch"), narrows
    the marks to those exact words ("sạch", not "sách") when any of them occurs.
    """
    if width:
        text = snippet(text, query, width)
    spans = word_spans(text, query)
    if words:
        exact = [(a, b) for a, b in spans if text[a:b].lower() in words]
        spans = exact or spans
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(str(escape(text[pos:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def query_words(restored: str) -> frozenset[str]:
    """The lower-cased words of a (restored) query, for :func:`marked`."""
    return frozenset(w.lower() for w in re.findall(r"\w+", restored) if len(w) > 1)


def group_by_evidence(answers: Sequence[Any]) -> list[list[Any]]:
    """Who-answers that rest on the very same sentences, together (one duty often names a lead
    and its partners): one block with its evidence instead of the same quote three times."""
    groups: dict[tuple, list[Any]] = {}
    for r in answers:
        key = tuple((e.doc_id, e.section, e.text) for e in r.evidence)
        groups.setdefault(key, []).append(r)
    return list(groups.values())


def doc_url(doc_id: str, section: str | None = None) -> str:
    """The page of an indexed document (and the anchor of a section in its outline)."""
    url = "/documents/" + quote(doc_id, safe="")
    return url + ("#s-" + quote(section, safe=".:") if section else "")


def segment_anchor(segment_id: str) -> str:
    """The id of a segment's element on its document page ("doc#0016" → "seg-0016")."""
    return "seg-" + re.sub(r"[^\w.-]", "-", segment_id.rsplit("#", 1)[-1])


@dataclass
class TreeNode:
    section: Section
    segments: list[Segment] = field(default_factory=list)
    children: list[TreeNode] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "s-" + self.section.id


def outline(doc: Document) -> tuple[list[Segment], list[TreeNode]]:
    """(segments before the first section, the section tree with each node's segments)."""
    nodes = {s.id: TreeNode(s) for s in doc.sections}
    roots: list[TreeNode] = []
    for s in doc.sections:
        parent = nodes.get(s.parent) if s.parent else None
        (parent.children if parent else roots).append(nodes[s.id])
    loose: list[Segment] = []
    for seg in doc.segments:
        if seg.kind in ("heading", "title"):
            continue  # the node's heading says it already
        node = nodes.get(seg.section_node or "") or nodes.get(seg.section or "")
        (node.segments if node else loose).append(seg)
    return loose, roots


# --------------------------------------------------------------------------------------------
# Duties of a unit
# --------------------------------------------------------------------------------------------


def _ordinal(iso: str | None) -> int:
    try:
        return dt.date.fromisoformat(iso or "").toordinal()
    except ValueError:
        return 0


@dataclass
class DutyRow:
    """One duty of a unit in one document, its roles joined (lead + monitor on one row)."""

    doc_id: str
    section: str | None
    text: str
    unit: str
    roles: list[str]
    deadline: str | None
    deadline_text: str | None
    recurring: str | None
    explicit: bool
    status: str  # "upcoming" | "recurring" | "none" | "past"

    @property
    def sort_key(self) -> tuple:
        rank = {"upcoming": 0, "recurring": 1, "none": 2, "past": 3}[self.status]
        if self.status == "upcoming":
            return (rank, _ordinal(self.deadline), self.doc_id)
        if self.status == "past":  # the most recently passed first
            return (rank, -_ordinal(self.deadline), self.doc_id)
        return (rank, 0, self.doc_id, self.section or "")


def unit_duty_rows(grouped: Mapping[str, Sequence[Any]], today: dt.date | None = None) -> list[DutyRow]:
    """The UnitDuty lists of :func:`answers.duties_of` as rows, upcoming deadlines first.

    Order: deadlines still ahead (soonest first), recurring duties, duties without a deadline,
    then deadlines already passed (most recent first).
    """
    today_iso = (today or dt.date.today()).isoformat()
    rows: dict[tuple, DutyRow] = {}
    for doc_id, duties in grouped.items():
        for d in duties:
            key = (doc_id, d.section, d.unit, d.text)
            row = rows.get(key)
            if row is None:
                if d.deadline:
                    status = "upcoming" if d.deadline >= today_iso else "past"
                else:
                    status = "recurring" if d.recurring else "none"
                row = rows[key] = DutyRow(doc_id, d.section, d.text, d.unit, [], d.deadline,
                                          d.deadline_text, d.recurring, d.explicit, status)
            label = ROLE_VI.get(d.role, d.role)
            if label not in row.roles:
                row.roles.append(label)
    return sorted(rows.values(), key=lambda r: r.sort_key)


# --------------------------------------------------------------------------------------------
# The citation graph as SVG
# --------------------------------------------------------------------------------------------

_BOX_W, _BOX_H, _GAP_X, _GAP_Y, _PAD = 190, 46, 24, 56, 12


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def graph_svg(rows: Sequence[Sequence[Mapping[str, Any]]], edges: Iterable[tuple[str, str, str]],
              *, current: str | None = None, title: str = "Sơ đồ văn bản", per_row: int = 5) -> Markup:
    """Nodes (graph node dicts) in rows from top to bottom, and edges (upper key, lower key,
    kind) as lines. Indexed nodes link to their page; cited-only nodes are dashed."""
    # Long rows wrap (at most ``per_row`` boxes), so that the boxes keep a readable size.
    rows = [list(r[i:i + per_row]) for r in rows if r for i in range(0, len(r), per_row)]
    if not rows:
        return Markup("")
    widest = max(len(r) for r in rows)
    width = max(widest * (_BOX_W + _GAP_X) - _GAP_X + 2 * _PAD, _BOX_W + 2 * _PAD)
    height = len(rows) * (_BOX_H + _GAP_Y) - _GAP_Y + 2 * _PAD
    pos: dict[str, tuple[float, float]] = {}
    for r, row in enumerate(rows):
        row_w = len(row) * (_BOX_W + _GAP_X) - _GAP_X
        x0 = (width - row_w) / 2
        for i, node in enumerate(row):
            pos[node["key"]] = (x0 + i * (_BOX_W + _GAP_X), _PAD + r * (_BOX_H + _GAP_Y))
    parts = [
        f'<svg class="graph" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
        "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
        "class=\"arrowhead\"/></marker></defs>",
    ]
    for upper, lower, kind in edges:
        if upper not in pos or lower not in pos:
            continue
        (ux, uy), (lx, ly) = pos[upper], pos[lower]
        # From the cited document (above) down to the one that cites it.
        x1, y1 = ux + _BOX_W / 2, uy + _BOX_H
        x2, y2 = lx + _BOX_W / 2, ly
        if ly <= uy:  # same row or upwards: go from side to side
            y1, y2 = uy + _BOX_H / 2, ly + _BOX_H / 2
            x1, x2 = (ux + _BOX_W, lx) if lx > ux else (ux, lx + _BOX_W)
        parts.append(f'<line class="edge {escape(kind)}" x1="{x1:.0f}" y1="{y1:.0f}" '
                     f'x2="{x2:.0f}" y2="{y2:.0f}" marker-end="url(#arrow)">'
                     f"<title>{escape(EDGE_KIND_VI.get(kind, kind))}</title></line>")
    for row in rows:
        for node in row:
            x, y = pos[node["key"]]
            classes = ["node"]
            if node.get("external"):
                classes.append("external")
            if current and node["key"] == current:
                classes.append("current")
            label = _short(str(node.get("label") or node["key"]), 30)
            sub = " · ".join(x for x in (date_vi(node.get("date")), _short(node.get("issuer") or "", 18)) if x)
            full = " — ".join(str(x) for x in (node.get("label"), node.get("issuer"),
                                               date_vi(node.get("date"))) if x)
            box = (f'<g class="{" ".join(classes)}"><title>{escape(full)}</title>'
                   f'<rect x="{x:.0f}" y="{y:.0f}" width="{_BOX_W}" height="{_BOX_H}" rx="6"/>'
                   f'<text x="{x + 8:.0f}" y="{y + 19:.0f}">{escape(label)}</text>'
                   f'<text class="sub" x="{x + 8:.0f}" y="{y + 36:.0f}">{escape(sub)}</text></g>')
            if node.get("doc_id") and not node.get("external") and node["key"] != current:
                box = f'<a href="{escape(doc_url(node["doc_id"]))}">{box}</a>'
            parts.append(box)
    parts.append("</svg>")
    return Markup("".join(parts))


def refs_svg(refs: Mapping[str, Any]) -> Markup:
    """What a document cites (above it) and what cites it (below), from ``DocumentGraph.refs``."""
    doc = refs["document"]
    edges = [(c["key"], doc["key"], c["kind"]) for c in refs["cites"]]
    edges += [(doc["key"], c["key"], c["kind"]) for c in refs["cited_by"]]
    return graph_svg([refs["cites"], [doc], refs["cited_by"]], edges, current=doc["key"],
                     title="Văn bản được dẫn và văn bản dẫn chiếu")


def full_graph_svg(graph_json: Mapping[str, Any]) -> Markup:
    """The whole corpus graph (``DocumentGraph.to_json``), one row per issuing level."""
    by_level: dict[int, list[Mapping[str, Any]]] = {}
    for n in graph_json["nodes"]:
        by_level.setdefault(int(n["level"]), []).append(n)
    rows = [by_level[lv] for lv in sorted(by_level)]
    edges = [(e["target"], e["source"], e["kind"]) for e in graph_json["edges"]]
    return graph_svg(rows, edges, title="Sơ đồ toàn bộ văn bản")


__all__ = [
    "COMPARATOR_VI", "DIRECTION_VI", "EDGE_KIND_VI", "FACT_KIND_VI", "ROLE_VI", "SEGMENT_KIND_VI",
    "DutyRow", "TreeNode", "date_vi", "doc_url", "group_by_evidence", "full_graph_svg", "graph_svg", "marked", "number_vi",
    "outline", "query_words", "refs_svg", "segment_anchor", "target_value", "unit_duty_rows",
]
