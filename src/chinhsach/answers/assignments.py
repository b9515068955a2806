"""The assignment table (phụ lục phân công nhiệm vụ) and the target table, read from the index.

Staff retype these tables into spreadsheets; here each duty keeps its evidence (document,
section id and heading, page and line, the sentence) next to its units, deadline and role.
The unit filter is :func:`chinhsach.answers.who.duties_of` itself (same fuzzy lookup, same
``explicit`` rule, same :class:`~chinhsach.errors.UnknownUnitError`), so ``export --unit`` and
``duties`` can never disagree on which duties a unit has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from chinhsach.answers.who import duties_of, unit_directory
from chinhsach.indexing import Index
from chinhsach.model import Document, Duty, Target


@dataclass(frozen=True, slots=True)
class DocInfo:
    """The document a row comes from: id, số hiệu, loại, ngày ban hành (ISO), trích yếu."""

    doc_id: str
    number: str | None
    type: str | None
    date: str | None
    title: str

    @classmethod
    def of(cls, doc: Document) -> DocInfo:
        return cls(doc.doc_id, doc.meta.number, doc.meta.type, doc.meta.date, doc.title)

    @property
    def label(self) -> str:
        """"Kế hoạch 58-KH/HU" when the header gave a number, else the document id."""
        if self.number:
            return f"{self.type} {self.number}" if self.type else self.number
        return self.doc_id

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "number": self.number, "type": self.type,
                "date": self.date, "title": self.title}


@dataclass(slots=True)
class DutyEntry:
    """One duty of one document with its units split by role and its evidence.

    ``unit_roles`` holds the roles of the unit asked for (``--unit``), empty without a filter.
    """

    doc: DocInfo
    ord: int
    section: str | None
    section_heading: str | None
    text: str
    leads: list[tuple[str, bool]]  # (unit, named in the duty itself)
    cooperate: list[str]
    monitor: list[str]
    report_to: list[str]
    deadline: str | None
    deadline_text: str | None
    recurring: str | None
    product: str | None
    page: int | None
    line: int | None
    unit_roles: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A stable id of the duty: document and position."""
        return f"{self.doc.doc_id}#{self.ord}"


@dataclass(slots=True)
class DutyRow:
    """One row of the exported assignment table: one duty and one lead unit."""

    entry: DutyEntry
    lead: str | None
    explicit: bool | None  # None when the duty names no lead at all

    def to_dict(self) -> dict[str, Any]:
        e = self.entry
        return {
            "document": e.doc.to_dict(), "section": e.section, "section_heading": e.section_heading,
            "text": e.text, "lead": self.lead, "cooperate": e.cooperate, "monitor": e.monitor,
            "report_to": e.report_to, "deadline": e.deadline, "deadline_text": e.deadline_text,
            "recurring": e.recurring, "product": e.product, "explicit": self.explicit,
            "unit_roles": e.unit_roles, "page": e.page, "line": e.line,
        }


@dataclass(slots=True)
class TargetRow:
    """One target (chỉ tiêu) with its document and evidence."""

    doc: DocInfo
    section: str | None
    section_heading: str | None
    target: Target
    page: int | None
    line: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.doc.to_dict(), "section_heading": self.section_heading,
                **self.target.to_dict(), "page": self.page, "line": self.line}


def select_documents(idx: Index, specs: Sequence[str] | None) -> list[Document]:
    """The documents named by id or number (any spelling), in the order given; all of them
    without ``specs``. An unknown one raises UnknownDocumentError, as every command does."""
    if not specs:
        return idx.all_documents()
    seen: dict[str, Document] = {}
    for spec in specs:
        doc = idx.document(spec)
        seen.setdefault(doc.doc_id, doc)
    return list(seen.values())


class _Lookup:
    """Section headings and segment positions of one document, read once (a plan holds
    hundreds of duties and thousands of segments)."""

    def __init__(self, doc: Document) -> None:
        self.headings = {s.id: s.heading for s in doc.sections}
        self.places = {s.id: (s.prov.page, s.prov.line) for s in doc.segments}

    def heading(self, section: str | None) -> str | None:
        return self.headings.get(section) if section else None

    def where(self, segment_id: str | None) -> tuple[int | None, int | None]:
        return self.places.get(segment_id or "", (None, None))


def _entry(look: _Lookup, info: DocInfo, ord_: int, duty: Duty) -> DutyEntry:
    by_role: dict[str, list[str]] = {"cooperate": [], "monitor": [], "report_to": []}
    leads: list[tuple[str, bool]] = []
    for u in duty.units:
        if u.role == "lead":
            if all(name != u.name for name, _ in leads):
                leads.append((u.name, u.explicit))
        elif u.name not in by_role.setdefault(u.role, []):
            by_role[u.role].append(u.name)
    page, line = look.where(duty.segment_id)
    return DutyEntry(
        doc=info, ord=ord_, section=duty.section, section_heading=look.heading(duty.section),
        text=duty.text, leads=leads, cooperate=by_role["cooperate"], monitor=by_role["monitor"],
        report_to=by_role["report_to"], deadline=duty.deadline, deadline_text=duty.deadline_text,
        recurring=duty.recurring,
        # A duty read from an assignment table may carry its product (sản phẩm); older
        # indexes and prose duties have none.
        product=getattr(duty, "product", None), page=page, line=line,
    )


def resolve_unit(idx: Index, unit: str) -> list[str]:
    """The canonical names a unit query stands for (UnknownUnitError lists the closest)."""
    return unit_directory(idx).resolve(unit)


def duty_entries(idx: Index, docs: Sequence[str] | None = None, unit: str | None = None, *,
                 include_inherited: bool = False) -> list[DutyEntry]:
    """Every duty of the chosen documents (all by default), in document order.

    With ``unit``, only the duties :func:`duties_of` gives that unit, each with the unit's roles.
    """
    documents = select_documents(idx, docs)
    wanted: dict[tuple[str, str | None, str], list[str]] | None = None
    if unit is not None:
        wanted = {}
        for doc_id, items in duties_of(idx, unit, include_inherited=include_inherited).items():
            for d in items:
                roles = wanted.setdefault((doc_id, d.section, d.text), [])
                if d.role not in roles:
                    roles.append(d.role)
    out: list[DutyEntry] = []
    for doc in documents:
        info, look = DocInfo.of(doc), _Lookup(doc)
        for ord_, duty in enumerate(doc.duties):
            if wanted is not None:
                roles = wanted.get((doc.doc_id, duty.section, duty.text))
                if roles is None:
                    continue
            entry = _entry(look, info, ord_, duty)
            if wanted is not None:
                entry.unit_roles = roles
            out.append(entry)
    return out


def duty_rows(entries: Sequence[DutyEntry], unit_names: Sequence[str] = ()) -> list[DutyRow]:
    """One row per duty and lead unit (a duty with no lead keeps one row).

    When the asked-for unit leads a duty, only its own row is kept: the other leads' rows say
    nothing about it. When it only cooperates or monitors, every lead's row is kept.
    """
    names = set(unit_names)
    rows: list[DutyRow] = []
    for e in entries:
        leads = e.leads
        if names and any(name in names for name, _ in leads):
            leads = [(name, explicit) for name, explicit in leads if name in names]
        if not leads:
            rows.append(DutyRow(e, None, None))
        rows.extend(DutyRow(e, name, explicit) for name, explicit in leads)
    return rows


def target_rows(idx: Index, docs: Sequence[str] | None = None) -> list[TargetRow]:
    """Every target of the chosen documents (all by default), in document order."""
    rows: list[TargetRow] = []
    for doc in select_documents(idx, docs):
        info, look = DocInfo.of(doc), _Lookup(doc)
        for t in doc.targets:
            page, line = look.where(t.segment_id)
            rows.append(TargetRow(info, t.section, look.heading(t.section), t, page, line))
    return rows


__all__ = ["DocInfo", "DutyEntry", "DutyRow", "TargetRow", "duty_entries", "duty_rows",
           "resolve_unit", "select_documents", "target_rows"]
