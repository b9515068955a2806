"""Plain dataclasses that carry a document between the pipeline stages.

ingest → :class:`SourceLine` · normalise → :class:`Paragraph` · structure → :class:`Document`
(with :class:`Section` and :class:`Segment`) · extract → :class:`Target`, :class:`Duty`,
:class:`Citation` · index/query → :class:`Hit`.

Field names are the JSON contract of the CLI (``to_dict``); keep them stable.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# The closed vocabularies of the dataclasses below (their docstrings say what each value means).
LineKind = Literal["text", "table_row"]
SectionKind = Literal["part", "item", "subitem", "letter", "topic", "appendix"]
# "note": a footnote of a crawled page ("[2] Chỉ thị số …" after the signature), placed at the
# section of its anchor; searchable, and read for citations only.
SegmentKind = Literal["paragraph", "bullet", "heading", "title", "table_row", "preamble", "signature", "note"]
Role = Literal["lead", "cooperate", "monitor", "report_to"]
Comparator = Literal["reach", "above", "at_least", "below", "at_most", "about", "range", "maintain"]
Direction = Literal["up", "down"]

# Which part of a plan a section belongs to (decided once, in structure.outline.plan_part):
# objectives = mục đích, yêu cầu, mục tiêu, chỉ tiêu, quan điểm; tasks = nhiệm vụ, giải pháp,
# nội dung thực hiện; organisation = tổ chức thực hiện, phân công, trách nhiệm; situation =
# tình hình, kết quả đạt được, đánh giá, thực trạng; other = anything else (kinh phí, phạm vi …).
PlanPart = Literal["objectives", "tasks", "organisation", "situation", "other"]


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copies (the build stores every document; asdict
    took a third of the time of writing the rows, profiled)."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, list | tuple):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


# Text read by OCR with a lower line confidence than this (Tesseract's 0-100) is flagged
# ``low_ocr_confidence``: on the real scans 8 % of the lines under 70 were right against 88 % of
# the others; the rest are stamps, signatures, hand-written fill-ins (evaluation/ocr_eval.py).
LOW_OCR_CONFIDENCE = 70.0


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a piece of text came from: file, page (PDF, 1-based) and line (1-based).

    For DOCX, ``line`` counts paragraphs and table rows of the body in reading order.
    ``ocr_confidence`` is set when the text was read by OCR: Tesseract's line confidence
    (0-100; for a paragraph or segment, the lowest of its lines); None for a text layer.
    """

    file: str
    page: int | None
    line: int
    ocr_confidence: float | None = None


@dataclass(slots=True)
class SourceLine:
    """One line of text as a reader found it (ingest output), before normalisation.

    ``gap_before`` says a visible break precedes it (blank line, new DOCX paragraph, a vertical
    gap in a PDF); ``page_break_before`` that a page boundary does. ``kind`` is ``"text"`` or
    ``"table_row"`` (cells joined by `` | ``).
    """

    text: str
    prov: Provenance
    gap_before: bool = False
    page_break_before: bool = False
    kind: LineKind = "text"
    # Side-by-side pieces of the line, (x, text), when the layout has columns: for a PDF line
    # split at wide horizontal gaps, x is the piece's left edge in points (an un-ruled
    # two-column header comes out of pdfplumber as one interleaved line); for a DOCX table row,
    # x is the column index and text keeps the cell's paragraphs separated by newlines.
    cells: list[tuple[float, str]] | None = None
    # Table rows only: the cells in grid order (None where a merged cell covers the slot) and the
    # number of the table in the file, so that the structure stage can rebuild the grid.
    grid: list[str | None] | None = None
    table: int | None = None


@dataclass(slots=True)
class SourceText:
    """A whole file read into lines, with what the reader learnt about it."""

    path: str
    format: str  # "txt" | "md" | "pdf" | "docx" | "image"
    lines: list[SourceLine]
    pages: int | None = None
    sha256: str = ""
    warnings: list[ParseWarning] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph:
    """A logical paragraph after normalisation: lines re-joined across wraps and page breaks.

    ``text`` is normalised (NFC, canonical tone marks, no markdown); ``raw`` keeps the source
    characters for display.
    """

    text: str
    raw: str
    prov: Provenance
    kind: str = "text"


@dataclass(slots=True)
class ParseWarning:
    """A problem found while reading or checking a document (``warnings`` in JSON)."""

    code: str
    message: str
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class DocumentMeta:
    """Metadata from the document's header and signature block.

    ``type``: loại văn bản (Kế hoạch, Nghị quyết, Quyết định, Chương trình, ...);
    ``number``: số hiệu in canonical form (``43/KH-UBND``, ``58-KH/HU``);
    ``date``: ngày ban hành, ISO; ``issuer``: cơ quan ban hành; ``place``: địa danh;
    ``signer``: người ký.
    """

    type: str | None = None
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    place: str | None = None
    signer: str | None = None
    title: str | None = None
    # Documents issued with this one (a decision's attached plan): type, number, date, issuer,
    # title, and the prefix of their section ids ("KH").
    attached: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            k: getattr(self, k) for k in ("type", "number", "date", "issuer", "place", "signer")
        }
        if self.attached:
            out["attached"] = [dict(a) for a in self.attached]
        return out


@dataclass(slots=True)
class Section:
    """A node of the outline (mục): ``I``, ``II.2``, ``IV.2.1``, ``III.6.a``, or a topical part.

    ``kind``: ``part`` (Roman), ``item`` (1., 2.), ``subitem`` (2.1.), ``letter`` (a)),
    ``topic`` (a topical paragraph "Về y tế:" inside its section), ``appendix`` (PHỤ LỤC: ``PL1``,
    ``KH.PL2``). Topical parts have ids of the
    form ``III.6:ve-y-te`` so that the citable id (``III.6``) stays what the document prints.
    ``part``: which part of the plan the section is in (:data:`PlanPart`), from its own heading
    or inherited from its parent.
    """

    id: str
    heading: str
    parent: str | None
    kind: SectionKind
    prov: Provenance | None = None
    part: PlanPart = "other"

    @property
    def citable(self) -> str:
        """The id a reader finds printed in the document (topical parts cite their section;
        a repeated number's "~2" suffix, which keeps ids unique, is not printed)."""
        return re.sub(r"~\d+", "", self.id.split(":", 1)[0])

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "heading": self.heading, "parent": self.parent, "part": self.part}


@dataclass(slots=True)
class Segment:
    """The unit of search: one paragraph or bullet, or a sentence-bounded part of a long one.

    ``section`` is the citable dotted id (``III.6``); ``topic`` the topical heading if the
    segment sits in a topical part ("Về nước sạch, vệ sinh môi trường"); ``heading_path`` the
    headings from the top of the outline down. ``kind``: ``paragraph``, ``bullet``,
    ``heading``, ``title``, ``table_row``, ``preamble``, ``signature``.
    """

    id: str
    doc_id: str
    section: str | None
    kind: SegmentKind
    text: str
    raw: str
    heading_path: list[str]
    prov: Provenance
    topic: str | None = None
    section_node: str | None = None  # the innermost outline node (may be a topical part)
    words: list[str] | None = None  # word segmentation, filled by the extraction stage
    # The nearest heading that says what the segment is about: its topic, else the innermost
    # section whose heading is a title rather than the opening of its own text (a clause
    # "1. Hình phạt là ..." is about its article "Điều 30. Khái niệm hình phạt"); "" when
    # none; None when the outline did not say (documents stored before this field).
    context: str | None = None
    # A later part of a paragraph the outline cut for length (``split_segment_text``): the
    # paragraph goes on from the segment before it. The search model reads the parts; the
    # extraction reads the paragraph.
    continues: bool = False

    @property
    def searchable(self) -> bool:
        """Headings, titles and signature blocks are context, not answers."""
        return self.kind in ("paragraph", "bullet", "table_row", "preamble", "note")

    @property
    def flags(self) -> list[str]:
        """``low_ocr_confidence`` when a line of it was read by OCR with low confidence."""
        return ocr_flags(self.prov.ocr_confidence)

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "section": self.section, "kind": self.kind, "text": self.text}
        if self.flags:
            out["flags"] = self.flags
        return out


def ocr_flags(confidence: float | None) -> list[str]:
    """The flags a piece of text gets from its OCR confidence (none for a text layer)."""
    return ["low_ocr_confidence"] if confidence is not None and confidence < LOW_OCR_CONFIDENCE else []


@dataclass(slots=True)
class UnitRole:
    """A unit (đơn vị) named in a duty, with its role.

    ``role``: ``lead`` (chủ trì, giao, chịu trách nhiệm, chỉ đạo), ``cooperate`` (phối hợp),
    ``monitor`` (theo dõi, kiểm tra, giám sát), ``report_to`` (nơi nhận báo cáo).
    """

    name: str
    role: Role
    explicit: bool = True
    mention: str | None = None  # the words in the text, before canonicalisation

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass(slots=True)
class Target:
    """A quantified or qualitative target (chỉ tiêu).

    ``comparator``: ``reach`` (đạt), ``above`` (trên), ``at_least`` (ít nhất, tối thiểu,
    trở lên), ``below`` (dưới), ``at_most`` (không quá, tối đa), ``about`` (khoảng),
    ``range``, ``maintain`` (duy trì), or None for a qualitative target.
    ``direction``: ``up`` when more is better, ``down`` when less is better, None if unknown.
    """

    indicator: str
    comparator: Comparator | None
    value: float | None
    unit: str | None
    year: int | None
    section: str | None
    text: str
    value_max: float | None = None
    direction: Direction | None = None
    segment_id: str | None = None  # the segment it was read from (evidence)
    # The clause names no year: ``year`` is the plan's own period (its title), not a lead-in.
    year_inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "comparator": self.comparator,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "year": self.year,
            "year_inferred": self.year_inferred,
            "direction": self.direction,
            "section": self.section,
            "text": self.text,
        }


@dataclass(slots=True)
class Duty:
    """A duty or solution (nhiệm vụ, giải pháp) with the units charged with it.

    ``deadline`` is ISO when it can be fixed ("quý I/2024" → 2024-03-31), ``deadline_text`` the
    words; ``recurring`` e.g. "hằng năm" for "hằng năm (trước ngày 15/12)".
    """

    text: str
    section: str | None
    units: list[UnitRole] = field(default_factory=list)
    deadline: str | None = None
    deadline_text: str | None = None
    recurring: str | None = None
    # Every segment it was read from, in document order; the first is its evidence. A paragraph
    # over the search segment's length is cut into parts (``structure.outline.split_segment_text``)
    # and stays one duty: the plan check, the search kinds and ``who`` reach a duty through any of
    # its parts (one numbered item of a 2025 telegram, cd229 item 1, is cut in three).
    segment_ids: list[str] = field(default_factory=list)
    product: str | None = None  # sản phẩm: the product column of a duty table row

    @property
    def segment_id(self) -> str | None:
        """The evidence segment: the first part the duty was read from (None when none)."""
        return self.segment_ids[0] if self.segment_ids else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "section": self.section,
            "units": [
                {"name": u.name, "role": u.role, "explicit": u.explicit} for u in self.units
            ],
            "deadline": self.deadline,
            "deadline_text": self.deadline_text,
            "recurring": self.recurring,
            "product": self.product,
        }


@dataclass(slots=True)
class Citation:
    """A reference to another document (văn bản được dẫn)."""

    number: str
    doc_type: str | None
    date: str | None
    issuer: str | None
    section: str | None
    text: str
    alias: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "doc_type": self.doc_type,
            "date": self.date,
            "issuer": self.issuer,
            "alias": self.alias,
            "section": self.section,
            "text": self.text,
        }


@dataclass(slots=True)
class TableRow:
    """One row of a :class:`Table`: cells in grid order (normalised text, ``None`` where a merged
    cell covers the slot), what the row is, and where it came from.

    ``kind``: ``header``, ``numbering`` (the "(1) (2) (3)" row under a header), ``group`` (a
    heading row such as "II | Phát triển hạ tầng") or ``data``. ``row_id`` is the id inside the
    table ("A.2.1", "I.3", "r7"); ``section`` the citable id with the appendix ("PL1.A.2.1").
    """

    cells: list[str | None]
    prov: Provenance
    kind: str = "data"
    row_id: str | None = None
    section: str | None = None
    segment_id: str | None = None

    def cell(self, index: int | None) -> str:
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index] or ""


@dataclass(slots=True)
class Table:
    """A table read as a grid: header labels and roles of its columns, rows with provenance.

    ``roles`` names what each column holds (``stt``, ``task``, ``indicator``, ``lead``,
    ``cooperate``, ``time``, ``product``, ``budget``, ``measure``, ``baseline``, ``value:2026``,
    ``note``, or None). ``kind`` is ``duty`` (a task and who does it), ``target`` (an indicator and
    a value per year) or ``other``. ``section`` is the appendix or section it sits in ("PL1").
    """

    columns: list[str]
    roles: list[str | None]
    rows: list[TableRow]
    prov: Provenance
    kind: str = "other"
    section: str | None = None
    title: str | None = None

    def column(self, role: str) -> int | None:
        """Index of the first column with ``role``."""
        return next((i for i, r in enumerate(self.roles) if r == role), None)

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Table:
        return cls(
            columns=rec["columns"], roles=rec["roles"],
            rows=[TableRow(**{**r, "prov": Provenance(**r["prov"])}) for r in rec["rows"]],
            prov=Provenance(**rec["prov"]), kind=rec["kind"], section=rec.get("section"),
            title=rec.get("title"),
        )


@dataclass(slots=True)
class Document:
    """A parsed document: metadata, outline, segments, and (after extraction) what it says."""

    doc_id: str
    path: str
    sha256: str
    format: str
    meta: DocumentMeta
    sections: list[Section]
    segments: list[Segment]
    warnings: list[ParseWarning] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    plan_lead: list[UnitRole] = field(default_factory=list)
    pages: int | None = None
    tables: list[Table] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.meta.title or self.doc_id

    def section(self, section_id: str) -> Section | None:
        for s in self.sections:
            if s.id == section_id:
                return s
        return None

    def to_record(self) -> dict[str, Any]:
        """Every field, for storage; :meth:`from_record` rebuilds the same Document."""
        return _plain(self)

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Document:
        def prov(p: dict | None) -> Provenance | None:
            return Provenance(**p) if p else None

        def units(us: list[dict]) -> list[UnitRole]:
            return [UnitRole(**u) for u in us]

        def duty(d: dict) -> Duty:
            d = {**d, "units": units(d["units"])}
            if "segment_id" in d:  # a record written before a duty kept all its segments
                one = d.pop("segment_id")
                d["segment_ids"] = [one] if one else []
            return Duty(**d)

        return cls(
            doc_id=rec["doc_id"], path=rec["path"], sha256=rec["sha256"], format=rec["format"],
            meta=DocumentMeta(**rec["meta"]),
            sections=[Section(**{**s, "prov": prov(s.get("prov"))}) for s in rec["sections"]],
            segments=[Segment(**{**s, "prov": prov(s["prov"])}) for s in rec["segments"]],
            warnings=[ParseWarning(**w) for w in rec["warnings"]],
            targets=[Target(**t) for t in rec["targets"]],
            duties=[duty(d) for d in rec["duties"]],
            citations=[Citation(**c) for c in rec["citations"]],
            plan_lead=units(rec.get("plan_lead", [])),
            pages=rec.get("pages"),
            tables=[Table.from_record(t) for t in rec.get("tables", [])],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "meta": self.meta.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "segments": [s.to_dict() for s in self.segments],
            "warnings": [w.to_dict() for w in self.warnings],
            "targets": [t.to_dict() for t in self.targets],
            "duties": [d.to_dict() for d in self.duties],
            "citations": [c.to_dict() for c in self.citations],
            "plan_lead": [u.to_dict() for u in self.plan_lead],
        }


@dataclass(slots=True)
class Hit:
    """One search result (the JSON contract of ``chinhsach search --json``)."""

    doc_id: str
    title: str
    section: str | None
    kind: str
    text: str
    score: float
    page: int | None
    line: int
    segment_id: str = ""
    heading_path: list[str] = field(default_factory=list)
    topic: str | None = None
    file: str = ""
    ocr_confidence: float | None = None  # set when the segment was read by OCR

    def to_dict(self) -> dict[str, Any]:
        out = {
            "doc_id": self.doc_id,
            "title": self.title,
            "section": self.section,
            "kind": self.kind,
            "text": self.text,
            "score": round(float(self.score), 6),
            "page": self.page,
            "line": self.line,
            "heading_path": self.heading_path,
            "topic": self.topic,
        }
        if self.ocr_confidence is not None:  # keys only for OCR'd text: the contract stays
            out["ocr_confidence"] = round(float(self.ocr_confidence), 1)
            out["flags"] = ocr_flags(self.ocr_confidence)
        return out
