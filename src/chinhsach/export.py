"""What staff hand on, produced from the index: the assignment table as a spreadsheet, the
target table, the calendar of deadlines, and a per-unit brief.

    from chinhsach import export
    from chinhsach.indexing import Index

    with Index.open(".chinhsach") as idx:
        out = export.duties(idx, unit="Sở Y tế", fmt="xlsx")     # an Export: bytes + file name
        Path(out.filename).write_bytes(out.data)
        report = export.deadline_report(idx, today=date(2024, 5, 1))
        Path("thoi-han.ics").write_bytes(export.calendar(report))
        Path("so-y-te.docx").write_bytes(export.brief(idx, "Sở Y tế").data)

The CLI (``chinhsach export``, ``deadlines``, ``brief``) and the web downloads call these
functions, so a file downloaded from the page is the file the command writes. Reading the index
lives in :mod:`chinhsach.answers.assignments` and :mod:`chinhsach.answers.deadlines`; the
writers in :mod:`chinhsach.present.export`, ``.calendar`` and ``.brief``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from chinhsach.answers.assignments import (
    DocInfo,
    duty_entries,
    duty_rows,
    resolve_unit,
    select_documents,
    target_rows,
)
from chinhsach.answers.deadlines import DeadlineReport, deadlines
from chinhsach.errors import QueryError
from chinhsach.indexing import Index
from chinhsach.present import export as writers
from chinhsach.present.brief import brief_docx
from chinhsach.present.calendar import calendar_bytes
from chinhsach.present.labels import EMPTY_DUTIES, EMPTY_TARGETS
from chinhsach.text.normalize import fold

FORMATS = writers.FORMATS
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "ics": "text/calendar; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True, slots=True)
class Export:
    """A produced file: its bytes, a suggested file name, how many rows, and the note an empty
    result carries (None when there are rows)."""

    data: bytes
    filename: str
    media_type: str
    rows: int
    note: str | None = None


def slug(text: str) -> str:
    """"Sở Y tế" → "so-y-te" (file names without diacritics travel through mail safely)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")[:60] or "x"


def _filename(stem: str, parts: Sequence[str], ext: str) -> str:
    return "-".join([stem, *(slug(p) for p in parts if p)]) + f".{ext}"


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")


def _docs_info(idx: Index, docs: Sequence[str] | None) -> list[DocInfo]:
    return [DocInfo.of(d) for d in select_documents(idx, docs)]


def duties(idx: Index, docs: Sequence[str] | None = None, unit: str | None = None,
           fmt: str = "xlsx", *, include_inherited: bool = False) -> Export:
    """The assignment table (one row per duty and lead unit) of ``docs`` (all by default),
    only the duties of ``unit`` if given. Unknown documents and units raise the same errors
    as ``chinhsach duties``."""
    _check_format(fmt)
    infos = _docs_info(idx, docs)
    names = resolve_unit(idx, unit) if unit else []
    entries = duty_entries(idx, [d.doc_id for d in infos], unit, include_inherited=include_inherited)
    rows = duty_rows(entries, names)
    filters: dict[str, Any] = {"documents": [d.doc_id for d in infos] if docs else None,
                               "unit": unit, "unit_names": names or None,
                               "include_inherited": include_inherited}
    data = writers.render("duties", fmt, rows, infos, filters=filters, note=EMPTY_DUTIES)
    return Export(data, _filename("nhiem-vu", [unit or "", *(docs or [])], fmt), MEDIA_TYPES[fmt],
                  len(rows), None if rows else EMPTY_DUTIES)


def targets(idx: Index, docs: Sequence[str] | None = None, fmt: str = "xlsx") -> Export:
    """The target table (chỉ tiêu) of ``docs`` (all by default)."""
    _check_format(fmt)
    infos = _docs_info(idx, docs)
    rows = target_rows(idx, [d.doc_id for d in infos])
    filters: dict[str, Any] = {"documents": [d.doc_id for d in infos] if docs else None}
    data = writers.render("targets", fmt, rows, infos, filters=filters, note=EMPTY_TARGETS)
    return Export(data, _filename("chi-tieu", list(docs or []), fmt), MEDIA_TYPES[fmt], len(rows),
                  None if rows else EMPTY_TARGETS)


def deadline_report(idx: Index, unit: str | None = None, docs: Sequence[str] | None = None, *,
                    today: dt.date | None = None, before: dt.date | None = None,
                    overdue: bool = False, include_inherited: bool = False) -> DeadlineReport:
    """Due and overdue duties sorted by day, recurring ones at their next occurrence."""
    entries = duty_entries(idx, docs, unit, include_inherited=include_inherited)
    return deadlines(entries, today or dt.date.today(), before=before, overdue_only=overdue)


def calendar(report: DeadlineReport, unit: str | None = None) -> bytes:
    """The report's deadlines as an iCalendar file."""
    name = "Thời hạn nhiệm vụ" + (f" — {unit}" if unit else "")
    return calendar_bytes(report.items, name=name)


def brief(idx: Index, unit: str, docs: Sequence[str] | None = None, *,
          today: dt.date | None = None, include_inherited: bool = False) -> Export:
    """A Word document of ``unit``'s duties grouped by document and deadline."""
    infos = _docs_info(idx, docs)
    names = resolve_unit(idx, unit)
    entries = duty_entries(idx, [d.doc_id for d in infos], unit, include_inherited=include_inherited)
    data = brief_docx(unit, names, entries, today or dt.date.today(), infos)
    note = None if entries else EMPTY_DUTIES
    return Export(data, _filename("nhiem-vu", [unit, *(docs or [])], "docx"), MEDIA_TYPES["docx"],
                  len(entries), note)


__all__ = ["FORMATS", "MEDIA_TYPES", "Export", "brief", "calendar", "deadline_report", "duties",
           "slug", "targets"]
