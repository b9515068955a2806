"""The assignment and target tables as XLSX, CSV (UTF-8 with BOM) or JSON.

XLSX is written with xlsxwriter: on the same workbook it was 1.4× (147 rows) to 2.5× (20 000
rows) faster than openpyxl, wrote files 5× smaller and needed fewer lines (``evaluation/xlsx_bench.py``, numbers in ``evaluation/RESULTS.md``,
"XLSX writer"); it only writes, which is all an export does (tests read back with openpyxl).
Each workbook has an "Tất cả" sheet first, then one sheet per document, each with a bold
frozen header row, a filter, wrapped text, widths fitted to the content and real date cells.

CSV carries a byte-order mark: Excel opens a BOM-less UTF-8 file in the local ANSI code page
and turns "Sở Y tế" into mojibake. An empty result is still a file: the headers and one note.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from chinhsach.answers.assignments import DocInfo, DutyRow, TargetRow
from chinhsach.present.labels import (
    ALL_SHEET,
    COMPARATOR_VI,
    DIRECTION_VI,
    DUTY_HEADERS,
    EXPLICIT_VI,
    TARGET_HEADERS,
    roles_vi,
    where_vi,
)

FORMATS = ("xlsx", "csv", "json")
LIST_SEP = "; "
# Column widths in characters: wide enough for a short name, never wider than a screen third.
_MIN_WIDTH, _MAX_WIDTH, _MAX_TEXT_WIDTH = 8, 32, 70
_WIDE = {"text", "section_heading", "indicator", "deadline_text"}

Table = tuple[list[str], list[list[Any]], list[float]]


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def duty_columns(with_unit: bool = False) -> list[str]:
    """Column keys of the duty table; ``unit_roles`` only when a unit was asked for."""
    return [k for k in DUTY_HEADERS if with_unit or k != "unit_roles"]


def target_columns() -> list[str]:
    return list(TARGET_HEADERS)


def _duty_cells(row: DutyRow, columns: Sequence[str]) -> list[Any]:
    e = row.entry
    values: dict[str, Any] = {
        "document": e.doc.label, "doc_date": _day(e.doc.date), "section": e.section or "",
        "section_heading": e.section_heading or "", "text": e.text, "lead": row.lead or "",
        "cooperate": LIST_SEP.join(e.cooperate), "monitor": LIST_SEP.join(e.monitor),
        "report_to": LIST_SEP.join(e.report_to), "deadline": _day(e.deadline),
        "deadline_text": e.deadline_text or "", "recurring": e.recurring or "",
        "product": e.product or "", "explicit": EXPLICIT_VI[row.explicit],
        "unit_roles": roles_vi(e.unit_roles), "where": where_vi(e.page, e.line),
        "doc_id": e.doc.doc_id,
    }
    return [values[c] for c in columns]


def _target_cells(row: TargetRow) -> list[Any]:
    t = row.target
    values: dict[str, Any] = {
        "document": row.doc.label, "doc_date": _day(row.doc.date), "section": row.section or "",
        "section_heading": row.section_heading or "", "indicator": t.indicator,
        "comparator": COMPARATOR_VI.get(t.comparator or "", "định tính"),
        "value": t.value, "value_max": t.value_max, "unit": t.unit or "", "year": t.year,
        "direction": DIRECTION_VI.get(t.direction or "", ""), "text": t.text,
        "where": where_vi(row.page, row.line), "doc_id": row.doc.doc_id,
    }
    return [values[c] for c in TARGET_HEADERS]


def _widths(columns: Sequence[str], headers: Sequence[str], cells: Sequence[Sequence[Any]]) -> list[float]:
    widths: list[float] = []
    for i, key in enumerate(columns):
        longest = max((len(w) for w in headers[i].split()), default=0)
        for row in cells:
            value = row[i]
            text = "dd/mm/yyyy" if isinstance(value, dt.date) else "" if value is None else str(value)
            longest = max(longest, max((len(x) for x in text.splitlines()), default=0))
        cap = _MAX_TEXT_WIDTH if key in _WIDE else _MAX_WIDTH
        widths.append(float(min(cap, max(_MIN_WIDTH, longest + 2))))
    return widths


def duty_table(rows: Sequence[DutyRow], with_unit: bool = False) -> Table:
    """Headers, cells (dates as ``date``) and fitted widths of the duty table."""
    columns = duty_columns(with_unit)
    headers = [DUTY_HEADERS[c] for c in columns]
    cells = [_duty_cells(r, columns) for r in rows]
    return headers, cells, _widths(columns, headers, cells)


def target_table(rows: Sequence[TargetRow]) -> Table:
    columns = target_columns()
    headers = [TARGET_HEADERS[c] for c in columns]
    cells = [_target_cells(r) for r in rows]
    return headers, cells, _widths(columns, headers, cells)


def sheet_name(doc: DocInfo, taken: set[str]) -> str:
    """An Excel sheet name for a document: its number ("58-KH-HU"), else its id; at most 31
    characters, none of ``[]:*?/\\``, unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", "-", doc.number or doc.doc_id).strip("'") or "van-ban"
    name, n = base[:31], 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def write_xlsx(out: BinaryIO | str | Path, sheets: dict[str, Table], note: str | None = None) -> None:
    """Sheets of (headers, cells, widths) into one workbook; ``note`` goes under the headers of
    any empty sheet (a document with nothing that matches keeps its sheet, and says so)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(out) if isinstance(out, str | Path) else out,
                             {"in_memory": True, "strings_to_numbers": False,
                              "strings_to_formulas": False, "strings_to_urls": False})
    head = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7",
                          "border": 1})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    date = wb.add_format({"num_format": "dd/mm/yyyy", "valign": "top"})
    italic = wb.add_format({"italic": True})
    for name, (headers, cells, widths) in sheets.items():
        ws = wb.add_worksheet(name)
        for c, width in enumerate(widths):
            ws.set_column(c, c, width, wrap)
        ws.write_row(0, 0, headers, head)
        for r, row in enumerate(cells, 1):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
                elif value is None or value == "":
                    continue
                else:
                    ws.write(r, c, value)
        if not cells and note:
            ws.write(1, 0, note, italic)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(1, len(cells)), len(headers) - 1)
    wb.close()


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # "100", not "100.0"; decimals keep the point any locale can parse
    return "" if value is None else value


def csv_text(table: Table, note: str | None = None) -> str:
    """The table as CSV text (the caller adds the BOM: ``encoding="utf-8-sig"``)."""
    headers, cells, _ = table
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers)
    for row in cells:
        writer.writerow([_csv_value(v) for v in row])
    if not cells and note:
        writer.writerow([note])
    return buf.getvalue()


def json_text(kind: str, rows: Sequence[DutyRow | TargetRow], filters: dict[str, Any],
              note: str | None = None) -> str:
    """``{"kind", "filters", "count", "rows", "note"}``; rows as their ``to_dict``."""
    data = {"kind": kind, "filters": filters, "count": len(rows),
            "rows": [r.to_dict() for r in rows], "note": note if not rows else None}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _by_document(rows: Sequence[Any], doc_of: Any) -> dict[DocInfo, list[Any]]:
    grouped: dict[DocInfo, list[Any]] = {}
    for r in rows:
        grouped.setdefault(doc_of(r), []).append(r)
    return grouped


def duty_sheets(rows: Sequence[DutyRow], docs: Sequence[DocInfo], with_unit: bool = False) -> dict[str, Table]:
    """"Tất cả" and one sheet per document (a chosen document with no row keeps its sheet)."""
    sheets = {ALL_SHEET: duty_table(rows, with_unit)}
    grouped = _by_document(rows, lambda r: r.entry.doc)
    taken = {ALL_SHEET.lower()}
    for doc in docs:
        sheets[sheet_name(doc, taken)] = duty_table(grouped.get(doc, []), with_unit)
    return sheets


def target_sheets(rows: Sequence[TargetRow], docs: Sequence[DocInfo]) -> dict[str, Table]:
    sheets = {ALL_SHEET: target_table(rows)}
    grouped = _by_document(rows, lambda r: r.doc)
    taken = {ALL_SHEET.lower()}
    for doc in docs:
        sheets[sheet_name(doc, taken)] = target_table(grouped.get(doc, []))
    return sheets


def render(kind: str, fmt: str, rows: Sequence[DutyRow] | Sequence[TargetRow],
           docs: Sequence[DocInfo], *, filters: dict[str, Any], note: str) -> bytes:
    """The export as bytes: ``kind`` is ``duties`` or ``targets``, ``fmt`` one of FORMATS;
    ``note`` is what an empty table says."""
    with_unit = bool(filters.get("unit"))
    if fmt == "json":
        return json_text(kind, rows, filters, note).encode("utf-8")
    if fmt == "csv":
        table = duty_table(rows, with_unit) if kind == "duties" else target_table(rows)  # type: ignore[arg-type]
        return csv_text(table, note).encode("utf-8-sig")
    if fmt == "xlsx":
        sheets = (duty_sheets(rows, docs, with_unit) if kind == "duties"  # type: ignore[arg-type]
                  else target_sheets(rows, docs))  # type: ignore[arg-type]
        buf = io.BytesIO()
        write_xlsx(buf, sheets, note)
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")


__all__ = ["FORMATS", "csv_text", "duty_sheets", "duty_table", "json_text",
           "render", "sheet_name", "target_sheets", "target_table", "write_xlsx"]
