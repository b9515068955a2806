"""A graph of documents joined by their citations (văn bản được dẫn).

    from chinhsach import parse
    from chinhsach.answers.graph import build_graph
    g = build_graph(parse(p) for p in paths)       # or the index's JSON documents
    g.refs("42-nq/tw")                              # who cites it, what it cites
    print(g.to_mermaid())                           # "graph TD", resolutions on top

Nodes
-----
Every indexed document is a node, keyed by :func:`chinhsach.text.docnumber.doc_number_key` of its own number,
or ``"doc:<doc_id>"`` when it has none (the Sơn La seed plan). Every distinct cited number is a
node too: if an indexed document has that number, the citation points to it, else to an
*external* node that carries what the citations say about it (type, date, issuer; the first
stated value wins). Spelling variants of a number ("2161/qd-ttg", "2161/QĐ-TTg") are one node.

Edges
-----
One edge per (citing, cited) pair, with every section where the citing document mentions the
cited one (``None`` for the preamble and the title). The kind is ``implements`` when

- the citing document's title names the cited number ("Kế hoạch thực hiện Nghị quyết số
  42-NQ/TW …"), or
- a preamble clause that opens with "Thực hiện" / "Triển khai" names it ("Thực hiện Nghị quyết
  số 42-NQ/TW … và Kế hoạch số 19-KH/TW …"); clauses without an opener continue the previous
  one's ("Căn cứ A; B; C" are all bases), and "ban hành Kế hoạch thực hiện <X>" names the
  document's own purpose, or
- (input without segments) the citation's own text has that wording before the number;

otherwise ``cites``. "Căn cứ Kế hoạch 19-KH/TW … về thực hiện Nghị quyết 42-NQ/TW" does *not* make
the citing plan implement 42-NQ/TW: the "thực hiện" belongs to Kế hoạch 19, not to the clause.

A decision that issues a plan printed with it ("Ban hành kèm theo Quyết định này Kế hoạch …",
``meta.attached``) gets a node for that plan and an ``issues`` edge decision → plan; the plan's
node names the decision in ``attached_to``.

Levels
------
For drawing, the issuing level: 0 central Party/State (…-NQ/TW, …/QĐ-TTg, …/NĐ-CP, …/QH13),
1 central plans and ministries (…-KH/TW, Bộ …), 2 province (…/TU, …-UBND and …-HĐND of a tỉnh),
3 provincial departments (Sở …, …/KH-SYT, Ban Tuyên giáo Tỉnh ủy), 4 district (…/HU, huyện),
5 commune (xã, phường). Number codes decide first; the issuer's words refine the codes that any
level uses (UBND, HĐND, ĐU) and decide when the number says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from chinhsach.errors import UnknownDocumentError
from chinhsach.extract.citations import find_citations, resolve_aliases
from chinhsach.model import Citation, Document
from chinhsach.text.docnumber import DocNumber, canonical_doc_number, doc_number_key
from chinhsach.text.normalize import fold

__all__ = [
    "DocumentGraph",
    "Edge",
    "LEVEL_NAMES",
    "Node",
    "build_graph",
    "document_level",
]

EdgeKind = Literal["implements", "cites", "issues"]

LEVEL_NAMES: dict[int, str] = {
    0: "central",
    1: "central plan / ministry",
    2: "province",
    3: "department",
    4: "district",
    5: "commune",
}
# A document whose number and issuer say nothing about its level sits with the provinces: most
# plans in a corpus like this one are provincial, and the middle rank misplaces least.
_DEFAULT_LEVEL = 2


@dataclass(slots=True)
class Node:
    """A document in the graph: indexed (``doc_id`` set) or only cited (``external``)."""

    key: str
    label: str
    number: str | None
    doc_type: str | None
    date: str | None
    issuer: str | None
    doc_id: str | None
    external: bool
    level: int
    attached_to: str | None = None  # key of the decision that issues this attached document

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Edge:
    """``source`` cites ``target`` (node keys); ``date`` is the citing document's date."""

    source: str
    target: str
    kind: EdgeKind
    date: str | None
    sections: list[str | None] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------------------------
# Levels
# --------------------------------------------------------------------------------------------

_NATIONAL_CODES = {"TTG", "CP", "QH", "UBTVQH", "CTN", "VPCP", "TANDTC", "VKSNDTC"}
# Codes that every level uses: the issuer must say whose UBND / HĐND / Đảng ủy it is.
_ANY_LEVEL_CODES = {"UBND": 2, "HDND": 2, "DU": None}
# Codes of bodies with no fixed level (Ban Chỉ đạo, Ban Quản lý, Ban Thường vụ): no decision.
_B_NOT_MINISTRY = {"BCD", "BQL", "BTV", "BCH", "BC"}


def _level_from_number(number: str) -> tuple[int | None, bool]:
    """(level, decisive) from the codes of a number; decisive=False lets the issuer refine it."""
    if re.search(r"[/-]TƯ\b", number):  # "TƯ" folds to "TU" (Tỉnh ủy): look before folding
        return 0, True
    parsed = DocNumber.parse(number)
    for raw in parsed.issuer_codes:
        code = raw.rstrip("0123456789")  # QH13 → QH
        if code == "TW":
            return (1 if parsed.is_plan else 0), True
        if code.endswith("TW"):  # BTGTW, VPTW: central commissions and offices
            return 1, True
        if code in _NATIONAL_CODES:
            return 0, True
        if code in _ANY_LEVEL_CODES:
            return _ANY_LEVEL_CODES[code], False
        if code in ("TU", "THU"):
            return 2, True
        if code.endswith("TU"):  # BTGTU, BTCTU, UBKTTU: bodies of the Tỉnh ủy
            return 3, True
        if code in ("HU", "QU", "TXU") or code.endswith("HU"):
            return 4, True
        if len(code) >= 2 and code.startswith("S"):  # SYT, SGDĐT, SLĐTBXH: Sở
            return 3, True
        if len(code) >= 2 and code.startswith("B") and code not in _B_NOT_MINISTRY:
            return 1, True  # BYT, BLĐTBXH, BGDĐT: ministries
    return None, False


_CENTRAL_ISSUER = re.compile(
    r"trung uong|bo chinh tri|ban bi thu|chinh phu|thu tuong|quoc hoi|chu tich nuoc"
)
_MINISTRY_ISSUER = re.compile(r"^bo\s")
_DEPARTMENT_ISSUER = re.compile(
    r"^(?:so\s|ban (?:tuyen giao|to chuc|dan van|noi chinh|kinh te|dan toc)\b"
    r"|uy ban kiem tra\s.*\b(?:tinh|thanh) uy\b|van phong\s.*\b(?:tinh|thanh) uy\b)"
)
# Locality words with their level; the first one in the issuer names the issuing body
# ("Ủy ban nhân dân xã Chiềng Mung, huyện Mai Sơn" is a commune).
_LOCALITY = [
    (re.compile(r"\bthi xa\b|\bhuyen\b|\bquan uy\b|\bnhan dan quan\b|\bthi uy\b"), 4),
    (re.compile(r"\bxa\b(?!\s+hoi)|\bphuong\b|\bthi tran\b"), 5),
    (re.compile(r"\btinh\b|\bthanh uy\b|\bthanh pho\b"), 2),
]


def _level_from_issuer(issuer: str) -> int | None:
    text = fold(issuer).strip()
    if _CENTRAL_ISSUER.search(text):
        return 0
    if _MINISTRY_ISSUER.search(text):
        return 1
    if _DEPARTMENT_ISSUER.search(text):
        return 3
    if text.startswith("phong "):  # Phòng … of a district
        return 4
    found = [(m.start(), level) for rx, level in _LOCALITY if (m := rx.search(text))]
    return min(found)[1] if found else None


def document_level(number: str | None, issuer: str | None = None) -> int:
    """The issuing level of a document (0 central … 5 commune) from its number and issuer."""
    level, decisive = _level_from_number(number) if number else (None, False)
    if decisive and level is not None:
        return level
    by_issuer = _level_from_issuer(issuer) if issuer else None
    if by_issuer is not None:
        return by_issuer
    return level if level is not None else _DEFAULT_LEVEL


# --------------------------------------------------------------------------------------------
# Reading the input (Document objects or their JSON form)
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Source:
    doc_id: str
    title: str | None
    doc_type: str | None
    number: str | None
    date: str | None
    issuer: str | None
    citations: list[Citation]
    segments: list[tuple[str | None, str, str]]  # (section, kind, text)
    attached: list[dict[str, Any]] = field(default_factory=list)


_CITATION_FIELDS = ("number", "doc_type", "date", "issuer", "section", "text", "alias")


def _citation(d: Mapping[str, Any]) -> Citation:
    return Citation(**{k: d.get(k) for k in _CITATION_FIELDS} | {"text": d.get("text") or ""})


def _source(doc: Document | Mapping[str, Any]) -> _Source:
    if isinstance(doc, Document):
        m = doc.meta
        return _Source(
            doc.doc_id, m.title, m.type, m.number, m.date, m.issuer, list(doc.citations),
            [(s.section, s.kind, s.text) for s in doc.segments], list(m.attached),
        )
    meta = doc.get("meta") or {}
    # The index stores to_dict() (title at the top) or the full record (title inside meta);
    # to_dict() puts the doc_id in "title" when there is none.
    title = meta.get("title") or doc.get("title")
    if title == doc.get("doc_id"):
        title = None
    return _Source(
        str(doc["doc_id"]), title, meta.get("type"), meta.get("number"), meta.get("date"),
        meta.get("issuer"), [_citation(c) for c in doc.get("citations") or []],
        [(s.get("section"), s.get("kind") or "paragraph", s.get("text") or "")
         for s in doc.get("segments") or []],
        list(meta.get("attached") or []),
    )


# --------------------------------------------------------------------------------------------
# Mentions and edge kinds
# --------------------------------------------------------------------------------------------

# A clause that opens with these words says what the document carries out (or rests on).
_OPENER_RE = re.compile(
    r"^[\W\d]*(?:(?:de|nham|tiep tuc|to chuc|va|dong thoi)\s+)*"
    r"(?P<word>thuc hien|trien khai|thi hanh|cu the hoa|can cu|theo|xet)\b"
)
_IMPLEMENT_OPENERS = {"thuc hien", "trien khai", "thi hanh", "cu the hoa"}
# "… ban hành Kế hoạch (triển khai) thực hiện <X>": the document's own purpose.
_SELF_PURPOSE_RE = re.compile(
    r"(?:ban hanh|xay dung)\s+(?:ke hoach|chuong trinh(?: hanh dong)?|de an)(?: nay)?"
    r"(?:\s+trien khai)?\s+(?:thuc hien|trien khai)\s*$"
)
_WORDING_RE = re.compile(r"\b(?:thuc hien|trien khai)\b")
# Clauses end at ; : and sentence stops, and before ", căn cứ …" / ", thực hiện …" (a new opener
# after a comma: "Thực hiện Nghị quyết A, căn cứ Quyết định B, …"). Matched on folded text.
_CLAUSE_END_RE = re.compile(r"[;:\n]|\.(?=\s)|,(?=\s*(?:can cu|thuc hien|trien khai)\b)")


@dataclass(slots=True)
class _Mention:
    key: str
    citation: Citation
    section: str | None
    implements: bool


def _implementing_positions(text: str, starts: list[int], opener: str | None) -> tuple[
    list[bool], str | None
]:
    """For mentions starting at ``starts`` in a preamble text: does an implementing clause
    govern each? Returns the flags and the opener in force at the end (for the next segment)."""
    flags = []
    folded = fold(text, keep_length=True)
    bounds = [0] + [m.end() for m in _CLAUSE_END_RE.finditer(folded)]
    openers: list[str | None] = []
    current = opener
    for b in bounds:
        m = _OPENER_RE.match(folded[b : b + 80])
        if m:
            current = m.group("word")
        openers.append(current)
    for start in starts:
        i = max(j for j, b in enumerate(bounds) if b <= start)
        prefix = folded[bounds[i] : start]
        flags.append(openers[i] in _IMPLEMENT_OPENERS or bool(_SELF_PURPOSE_RE.search(prefix)))
    return flags, (openers[-1] if openers else opener)


def _mentions(src: _Source, cited: dict[str, Citation]) -> list[_Mention]:
    """Every mention of a cited number in the document, with its section and whether a
    "thực hiện" clause of the preamble governs it."""
    if not src.segments:
        # No text to read: each citation entry is one mention; its own words decide.
        out = []
        for c in src.citations:
            key = doc_number_key(c.number)
            # The words before the number, whatever its spelling in the text ("5/kh-ubnd").
            digits = re.match(r"\d+", c.number)
            at = re.search(rf"(?<!\d){digits.group(0)}\s*[/-]", c.text) if digits else None
            head = fold(c.text[: at.start()]) if at else ""
            implements = c.section is None and bool(_WORDING_RE.search(head))
            out.append(_Mention(key, c, c.section, implements))
        return out

    numbered = list(cited.values())
    out = []
    opener: str | None = None
    previous_kind = None
    for section, kind, text in src.segments:
        if kind == "signature":
            continue  # "Nơi nhận" lists recipients, not references (as in extraction)
        found = find_citations(text, section=section)
        starts, cursor = [], 0
        for c in found:
            pos = text.find(c.text, cursor)
            starts.append(pos if pos >= 0 else cursor)
            cursor = max(cursor, pos + 1)
        if section is None and kind == "preamble":
            # A "Căn cứ …" paragraph split into parts keeps its opener across the parts.
            start_opener = opener if previous_kind == "preamble" else None
            flags, opener = _implementing_positions(text, starts, start_opener)
        else:
            flags, opener = [False] * len(found), None
        previous_kind = kind
        for c, flag in zip(found, flags, strict=True):
            if not c.number:
                # A short name ("Kế hoạch 19"): link it as extraction does, or drop it.
                resolved = resolve_aliases([*numbered, c])
                if len(resolved) <= len(numbered):
                    continue
                c = resolved[-1]
            key = doc_number_key(c.number)
            if key in cited:
                out.append(_Mention(key, c, section, flag))
    return out


def _title_keys(title: str | None, cited: dict[str, Citation]) -> set[str]:
    if not title:
        return set()
    found = resolve_aliases([*cited.values(), *find_citations(title, section=None)])
    return {doc_number_key(c.number) for c in found[len(cited) :] if c.number}


# --------------------------------------------------------------------------------------------
# Labels and rendering helpers
# --------------------------------------------------------------------------------------------


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _label(doc_type: str | None, number: str | None, title: str | None, doc_id: str | None) -> str:
    if number:
        return f"{doc_type} {number}" if doc_type else number
    name = title or doc_id or "?"
    # Titles usually start with their type ("Kế hoạch thực hiện …"): do not say it twice.
    if doc_type and not fold(name).startswith(fold(doc_type)):
        name = f"{doc_type}: {name}"
    return _short(name)


def _display_date(iso: str | None) -> str | None:
    if not iso or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return iso
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _safe_ids(keys: Iterable[str]) -> dict[str, str]:
    """Node keys → identifiers that Mermaid and Graphviz take unquoted (n_42_NQ_TW)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for key in keys:
        base = "n_" + re.sub(r"[^A-Za-z0-9]+", "_", fold(key)).strip("_")
        ident, i = base, 2
        while ident in taken:  # "42-NQ/TW" and "42/NQ-TW" sanitise alike
            ident, i = f"{base}_{i}", i + 1
        taken.add(ident)
        out[key] = ident
    return out


# --------------------------------------------------------------------------------------------
# The graph
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class DocumentGraph:
    """Documents (``nodes`` by key) and who cites whom (``edges``, citing → cited)."""

    nodes: dict[str, Node]
    edges: list[Edge]

    def ordered_nodes(self) -> list[Node]:
        """Nodes from the top of the hierarchy down: level, then date, then label."""
        return sorted(self.nodes.values(), key=lambda n: (n.level, n.date or "9999", n.label))

    def find(self, spec: str) -> Node:
        """The node for a key, a doc_id or a number in any spelling ("42-nq/tw")."""
        spec = spec.strip()
        if spec in self.nodes:
            return self.nodes[spec]
        for node in self.nodes.values():
            if node.doc_id == spec:
                return node
        if f"doc:{spec}" in self.nodes:
            return self.nodes[f"doc:{spec}"]
        key = doc_number_key(spec) if spec else ""
        if key in self.nodes:
            return self.nodes[key]
        indexed = [n for n in self.ordered_nodes() if not n.external]
        known = [f"{n.doc_id} ({n.number})" if n.number else str(n.doc_id) for n in indexed]
        cited = [n.number for n in self.ordered_nodes() if n.external and n.number]
        hint = f"; documents: {', '.join(known[:6]) or 'none'}"
        if cited:
            hint += f"; cited numbers: {', '.join(cited[:6])}" + (", …" if len(cited) > 6 else "")
        raise UnknownDocumentError(f"no document or cited number {spec!r} in the graph{hint}")

    def refs(self, key_or_doc_id_or_number: str) -> dict[str, Any]:
        """What a document cites and what cites it.

        ``{"document": node, "cites": [node + kind + sections], "cited_by": [...]}``; lists
        ordered from the top of the hierarchy down. Raises :class:`UnknownDocumentError`.
        """
        node = self.find(key_or_doc_id_or_number)
        order = {n.key: i for i, n in enumerate(self.ordered_nodes())}

        def entry(other: str, edge: Edge) -> dict[str, Any]:
            return {**self.nodes[other].to_dict(), "kind": edge.kind, "sections": edge.sections}

        cites = sorted((e for e in self.edges if e.source == node.key), key=lambda e: order[e.target])
        cited_by = sorted(
            (e for e in self.edges if e.target == node.key), key=lambda e: order[e.source]
        )
        return {
            "document": node.to_dict(),
            "cites": [entry(e.target, e) for e in cites],
            "cited_by": [entry(e.source, e) for e in cited_by],
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "nodes": [n.to_dict() for n in self.ordered_nodes()],
            "edges": [e.to_dict() for e in self.edges],
        }

    def _display(self, node: Node) -> list[str]:
        lines = [node.label]
        if date := _display_date(node.date):
            lines.append(date)
        return lines

    def _drawn_edges(self) -> list[Edge]:
        # Drawn from the cited (higher) document down to the one that cites it, top level first.
        order = {n.key: i for i, n in enumerate(self.ordered_nodes())}
        return sorted(self.edges, key=lambda e: (order[e.target], order[e.source]))

    def to_mermaid(self) -> str:
        """A Mermaid flowchart: cited documents above the plans that cite them."""
        ids = _safe_ids(n.key for n in self.ordered_nodes())
        out = ["graph TD"]
        level = None
        for node in self.ordered_nodes():
            if node.level != level:
                level = node.level
                out.append(f"    %% level {level}: {LEVEL_NAMES.get(level, '?')}")
            # Mermaid entity codes keep quotes and brackets of titles from ending the label.
            lines = (
                s.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                for s in self._display(node)
            )
            text = "<br/>".join(lines)
            out.append(f'    {ids[node.key]}["{text}"]')
        for e in self._drawn_edges():
            out.append(f"    {ids[e.target]} -->|{e.kind}| {ids[e.source]}")
        out.append("    classDef external stroke-dasharray: 5 5,fill:#f8f8f8,color:#555")
        external = [ids[n.key] for n in self.ordered_nodes() if n.external]
        if external:
            out.append(f"    class {','.join(external)} external")
        return "\n".join(out) + "\n"

    def to_dot(self) -> str:
        """A Graphviz digraph (rankdir=TB): one rank per level, external nodes dashed."""

        def quote(*lines: str) -> str:
            esc = (s.replace("\\", "\\\\").replace('"', '\\"') for s in lines)
            return '"' + "\\n".join(esc) + '"'

        ids = _safe_ids(n.key for n in self.ordered_nodes())
        out = [
            "digraph documents {",
            "    rankdir=TB;",
            '    node [shape=box, style="rounded", fontname="Helvetica"];',
            '    edge [fontname="Helvetica", fontsize=10];',
        ]
        by_level: dict[int, list[Node]] = {}
        for node in self.ordered_nodes():
            by_level.setdefault(node.level, []).append(node)
        for level, nodes in by_level.items():
            out.append(f"    // level {level}: {LEVEL_NAMES.get(level, '?')}")
            for node in nodes:
                label = quote(*self._display(node))
                style = ', style="rounded,dashed", color="gray40"' if node.external else ""
                out.append(f"    {ids[node.key]} [label={label}{style}];")
            out.append(f"    {{ rank=same; {'; '.join(ids[n.key] for n in nodes)}; }}")
        for e in self._drawn_edges():
            # Dashes mark external nodes; a plain citation is a lighter line instead.
            style = "" if e.kind == "implements" else ', color="gray50"'
            out.append(f"    {ids[e.target]} -> {ids[e.source]} [label={quote(e.kind)}{style}];")
        out.append("}")
        return "\n".join(out) + "\n"


def _add_attached(src: _Source, decision: str, nodes: dict[str, Node],
                  edges: dict[tuple[str, str], Edge]) -> None:
    """A node per document issued with ``src`` (its attached plan) and the ``issues`` edge."""
    for k, att in enumerate(src.attached):
        number = att.get("number")
        key = doc_number_key(number) if number else f"doc:{src.doc_id}#{att.get('prefix') or k}"
        if key in nodes and not nodes[key].external:
            continue
        nodes[key] = Node(
            key=key,
            label=_label(att.get("type"), number, att.get("title"), src.doc_id),
            number=number,
            doc_type=att.get("type"),
            date=att.get("date"),
            issuer=att.get("issuer"),
            doc_id=src.doc_id,  # printed in the decision's file
            external=False,
            level=document_level(number, att.get("issuer")),
            attached_to=decision,
        )
        edges[(decision, key)] = Edge(decision, key, "issues", src.date, [])


def build_graph(documents: Iterable[Document | Mapping[str, Any]]) -> DocumentGraph:
    """The citation graph of indexed documents (Document objects or their JSON form)."""
    sources = [_source(d) for d in documents]
    nodes: dict[str, Node] = {}
    own_key: dict[str, str] = {}  # doc_id → node key
    for src in sources:
        key = doc_number_key(src.number) if src.number else f"doc:{src.doc_id}"
        if key in nodes:
            # Two indexed documents with one number (a copy, a typo): the first keeps the
            # number, the other stays reachable by its id; citations go to the first.
            key = f"doc:{src.doc_id}"
        own_key[src.doc_id] = key
        nodes[key] = Node(
            key=key,
            label=_label(src.doc_type, src.number, src.title, src.doc_id),
            number=src.number,
            doc_type=src.doc_type,
            date=src.date,
            issuer=src.issuer,
            doc_id=src.doc_id,
            external=False,
            level=document_level(src.number, src.issuer),
        )

    edges: dict[tuple[str, str], Edge] = {}
    for src in sources:
        _add_attached(src, own_key[src.doc_id], nodes, edges)
    for src in sources:
        source = own_key[src.doc_id]
        cited: dict[str, Citation] = {}
        for c in src.citations:
            if c.number:
                cited.setdefault(doc_number_key(c.number), c)
        cited.pop(source, None)  # a document naming its own number does not cite itself
        for key, c in cited.items():
            node = nodes.get(key)
            if node is None:
                nodes[key] = Node(
                    key=key,
                    label=_label(c.doc_type, canonical_doc_number(c.number), None, None),
                    number=canonical_doc_number(c.number),
                    doc_type=c.doc_type,
                    date=c.date,
                    issuer=c.issuer,
                    doc_id=None,
                    external=True,
                    level=document_level(c.number, c.issuer),
                )
            elif node.external:
                # What the first citation left unsaid, a later one may state.
                node.doc_type = node.doc_type or c.doc_type
                node.date = node.date or c.date
                if node.issuer is None and c.issuer:
                    node.issuer = c.issuer
                    node.level = document_level(node.number, node.issuer)
                node.label = _label(node.doc_type, node.number, None, None)

        in_title = _title_keys(src.title, cited)
        mentions = _mentions(src, cited)
        mentioned = {m.key for m in mentions}
        # Keep every cited number even if its mention could not be found again in the text.
        mentions += [_Mention(k, c, c.section, False) for k, c in cited.items() if k not in mentioned]
        for m in mentions:
            if m.key == source or m.key not in cited:
                continue
            edge = edges.get((source, m.key))
            if edge is None:
                edge = edges[(source, m.key)] = Edge(source, m.key, "cites", src.date, [])
            if m.section not in edge.sections:
                edge.sections.append(m.section)
            if m.implements or m.key in in_title:
                edge.kind = "implements"
    return DocumentGraph(nodes=nodes, edges=list(edges.values()))
