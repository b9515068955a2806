"""xlsxwriter against openpyxl for the assignment-table export: time and size of the code.

xlsxwriter is timed through the export's own writer (`present.export.write_xlsx`); openpyxl
writes the same workbook (bold wrapped header, frozen first row,
autofilter, wrapped text, column widths, a date column, one sheet per document plus "Tất cả"),
from the real duty rows of the corpus index repeated to ``--rows`` rows. Run:

    PYTHONPATH=src CHINHSACH_MODELS=models python evaluation/xlsx_bench.py --index .chinhsach \
        [--rows 20000] [--repeat 3] [--write]

``--write`` replaces the "XLSX writer" section of evaluation/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chinhsach.answers.assignments import duty_entries, duty_rows
from chinhsach.indexing import Index
from chinhsach.present.export import duty_table, write_xlsx

Table = tuple[list[str], list[list[Any]], list[float]]


def with_openpyxl(path: Path, sheets: dict[str, Table]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for name, (headers, rows, widths) in sheets.items():
        ws = wb.create_sheet(name)
        ws.append(headers)
        for cell in ws[1]:
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
        for row in rows:
            ws.append(row)
        for line in ws.iter_rows(min_row=2):
            for cell in line:
                cell.alignment = wrap
                if isinstance(cell.value, dt.date):
                    cell.number_format = "dd/mm/yyyy"
        for c, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(c)].width = width
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(2, len(rows) + 1)}"
    wb.save(str(path))


def lines_of(fn: Any) -> int:
    return sum(1 for line in inspect.getsource(fn).splitlines()[1:] if line.strip())


def run(index: Path, n_rows: int, repeat: int) -> dict[str, Any]:
    with Index.open(index, query_engine="fast-start") as idx:
        base = duty_rows(duty_entries(idx))
    rows = (base * (n_rows // max(1, len(base)) + 1))[:n_rows]
    headers, cells, widths = duty_table(rows)
    sheets: dict[str, Table] = {"Tất cả": (headers, cells, widths)}
    out: dict[str, Any] = {"rows": len(cells), "columns": len(headers), "base_rows": len(base)}
    with tempfile.TemporaryDirectory() as tmp:
        for name, fn in (("xlsxwriter", write_xlsx), ("openpyxl", with_openpyxl)):
            times: list[float] = []
            for i in range(repeat):
                path = Path(tmp) / f"{name}-{i}.xlsx"
                t0 = time.perf_counter()
                fn(path, sheets)
                times.append(time.perf_counter() - t0)
            out[name] = {"seconds": statistics.median(times), "bytes": path.stat().st_size,
                         "lines": lines_of(fn)}
    return out


def table(results: Sequence[dict[str, Any]]) -> str:
    lines = ["| rows × columns | library | median seconds | file KB | lines of writer code |",
             "|---|---|---|---|---|"]
    for r in results:
        for name in ("xlsxwriter", "openpyxl"):
            m = r[name]
            lines.append(f"| {r['rows']} × {r['columns']} | {name} | {m['seconds']:.3f} | "
                         f"{m['bytes'] / 1024:.0f} | {m['lines']} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--rows", type=int, nargs="+", default=[147, 20000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    results = [run(args.index, n, args.repeat) for n in args.rows]
    text = table(results)
    print(text)
    if args.write:
        from results_md import replace_section  # evaluation/results_md.py

        body = (f"Command: `PYTHONPATH=src python evaluation/xlsx_bench.py --index "
                f"<corpus index> --rows {' '.join(map(str, args.rows))} --repeat {args.repeat} "
                f"--write`\n\nThe same workbook (bold header, frozen row, filter, wrapped text, "
                f"widths, date cells) from the corpus duty rows ({results[0]['base_rows']} rows, "
                f"repeated), median of {args.repeat} runs.\n\n{text}\n")
        replace_section("XLSX writer", body)


if __name__ == "__main__":
    main()
