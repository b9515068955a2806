"""Every question the answers ask of the index's tables (documents, segments, duties, duty units, targets).

The SQL lives here, beside the schema in :mod:`chinhsach.indexing.store`, so that the answer
stage reads plain rows and never the connection: a change of schema is one file's change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple


class SegmentRow(NamedTuple):
    id: str
    doc_id: str
    section: str | None
    text: str


@dataclass
class UnitDuty:
    """One (unit, duty) pair: the unit's name and role, and the duty's place and time."""

    unit: str
    role: str
    doc_id: str
    section: str | None
    text: str
    deadline: str | None
    recurring: str | None
    deadline_text: str | None = None
    explicit: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "role": self.role, "doc_id": self.doc_id, "section": self.section,
                "text": self.text, "deadline": self.deadline, "recurring": self.recurring,
                "deadline_text": self.deadline_text, "explicit": self.explicit}


class DocumentRow(NamedTuple):
    doc_id: str
    title: str | None
    place: str | None


def documents(conn: sqlite3.Connection) -> list[DocumentRow]:
    """Every indexed document's id, title and place (địa danh of its header)."""
    return [DocumentRow(*row) for row in conn.execute("SELECT doc_id, title, place FROM documents")]


def citations(conn: sqlite3.Connection) -> list[tuple[str, str, str | None]]:
    """Every (citing doc_id, cited number, cited type) of the index."""
    return list(conn.execute("SELECT doc_id, number, doc_type FROM citations"))


def positions_of_documents(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> set[int]:
    """Vector positions of the segments of these documents."""
    if not doc_ids:
        return set()
    marks = ",".join("?" * len(doc_ids))
    return {int(p) for (p,) in conn.execute(f"SELECT pos FROM segments WHERE doc_id IN ({marks})",
                                            sorted(doc_ids))}


def searchable_segments(conn: sqlite3.Connection) -> list[tuple[str, int, str]]:
    """(segment id, vector position, text) of every searchable segment."""
    return [(seg_id, int(pos), text) for seg_id, pos, text in
            conn.execute("SELECT id, pos, text FROM segments WHERE searchable = 1")]


def fact_positions(conn: sqlite3.Connection) -> set[int]:
    """Positions of the searchable segments that hold a duty or a target."""
    rows = conn.execute(
        "SELECT s.pos FROM segments s WHERE s.searchable = 1 AND s.id IN "
        "(SELECT segment_id FROM duty_segments UNION SELECT segment_id FROM targets)"
    ).fetchall()
    return {int(p) for (p,) in rows}


def segment_at(conn: sqlite3.Connection, pos: int) -> SegmentRow:
    row = conn.execute("SELECT id, doc_id, section, text FROM segments WHERE pos = ?", (pos,)).fetchone()
    return SegmentRow(*row)


def units_of_segment(conn: sqlite3.Connection, segment_id: str) -> list[tuple[str, str, bool]]:
    """(unit, role, explicit) of the duties read from one segment (any part of a duty's
    paragraph)."""
    rows = conn.execute(
        "SELECT du.name, du.role, du.explicit FROM duty_segments ds JOIN duty_units du "
        "ON du.doc_id = ds.doc_id AND du.duty_ord = ds.duty_ord WHERE ds.segment_id = ?", (segment_id,)
    ).fetchall()
    return [(name, role, bool(explicit)) for name, role, explicit in rows]


def duties_of_segment(conn: sqlite3.Connection, segment_id: str) -> set[tuple[str, int]]:
    """(document, duty order) of the duties read from one segment: the parts of one duty's
    paragraph give the same duty."""
    return {(doc_id, int(ord_)) for doc_id, ord_ in conn.execute(
        "SELECT doc_id, duty_ord FROM duty_segments WHERE segment_id = ?", (segment_id,))}


def unit_names(conn: sqlite3.Connection) -> list[str]:
    """Every unit any duty names (explicitly or by inheritance)."""
    return [n for (n,) in conn.execute("SELECT DISTINCT name FROM duty_units")]


def duties_of_units(conn: sqlite3.Connection, names: Sequence[str],
                    include_inherited: bool = False) -> list[UnitDuty]:
    """The duties of the named units, in document and duty order."""
    marks = ",".join("?" * len(names))
    rows = conn.execute(
        f"SELECT du.name, du.role, d.doc_id, d.section, d.text, d.deadline, d.recurring, "
        f"d.deadline_text, du.explicit FROM duty_units du JOIN duties d "
        f"ON du.doc_id = d.doc_id AND du.duty_ord = d.ord WHERE du.name IN ({marks}) "
        f"{'' if include_inherited else 'AND du.explicit = 1'} ORDER BY d.doc_id, d.ord",
        list(names),
    ).fetchall()
    return [UnitDuty(*r[:8], bool(r[8])) for r in rows]


def unit_role_counts(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """(unit, role, number of duties) over explicit assignments."""
    return conn.execute(
        "SELECT name, role, COUNT(DISTINCT doc_id || ':' || duty_ord) FROM duty_units "
        "WHERE explicit = 1 GROUP BY name, role"
    ).fetchall()


def unit_totals(conn: sqlite3.Connection, name: str) -> tuple[int, list[str]]:
    """(number of duties, documents) where a unit is named explicitly."""
    n = conn.execute("SELECT COUNT(DISTINCT doc_id || ':' || duty_ord) FROM duty_units "
                     "WHERE name = ? AND explicit = 1", (name,)).fetchone()[0]
    docs = [d for (d,) in conn.execute(
        "SELECT DISTINCT doc_id FROM duty_units WHERE name = ? AND explicit = 1 ORDER BY doc_id", (name,))]
    return n, docs
