"""Exports: the assignment and target tables (XLSX, CSV, JSON), deadlines (and their iCalendar
file), the per-unit Word brief, and their web downloads.

Every produced file is opened with its own reader (openpyxl, csv, icalendar, python-docx) and
checked against what the index holds. The seed corpus has few deadlines, so a small plan
written here (fixed deadlines, one already past, recurring duties of three periods, named
units) is indexed too, and its expected days are worked out by hand relative to a fixed
``--today``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chinhsach import export
from chinhsach.answers.assignments import DocInfo, DutyEntry
from chinhsach.answers.deadlines import parse_day, period_months, recurrence
from chinhsach.answers.who import duties_of
from chinhsach.cli import app
from chinhsach.errors import QueryError
from chinhsach.indexing import Index
from chinhsach.present.labels import (
    ALL_SHEET,
    DUTY_HEADERS,
    EMPTY_DUTIES,
    EMPTY_TARGETS,
    TARGET_HEADERS,
)

PLAN = """ỦY BAN NHÂN DÂN
TỈNH MINH HỌA

Số: 77/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Minh Họa, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số trong cơ quan nhà nước năm 2025

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm các nhiệm vụ được giao có đơn vị chủ trì, thời hạn hoàn thành và chế độ báo cáo rõ ràng.

II. NHIỆM VỤ VÀ PHÂN CÔNG

1. Hạ tầng số

Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính nâng cấp trung tâm dữ liệu của tỉnh, hoàn thành trước ngày 30/6/2025.

2. Cơ sở dữ liệu giáo dục

Sở Giáo dục và Đào tạo chủ trì xây dựng cơ sở dữ liệu học sinh toàn tỉnh, hoàn thành trong quý IV/2024.

3. An ninh mạng

Công an tỉnh chủ trì kiểm tra an toàn thông tin các hệ thống dùng chung; định kỳ 6 tháng báo cáo kết quả về Sở Thông tin và Truyền thông.

4. Y tế số

Sở Y tế chủ trì triển khai hồ sơ sức khỏe điện tử, hằng quý báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.

5. Kinh phí

Sở Tài chính chủ trì tham mưu bố trí kinh phí thực hiện Kế hoạch.

III. TỔ CHỨC THỰC HIỆN

Sở Nội vụ theo dõi, đôn đốc, tổng hợp tình hình thực hiện, báo cáo Ủy ban nhân dân tỉnh hằng năm (trước ngày 15/12).
"""
PLAN_ID = "ke-hoach-thu-nghiem-77"
ROOT = Path(__file__).resolve().parents[1]
TODAY = "2025-03-01"
# section → (next due day from TODAY, status): worked out by hand from the plan above.
EXPECTED = [
    ("II.2", "2024-12-31", "overdue"),    # quý IV/2024, passed
    ("II.4", "2025-03-31", "upcoming"),   # hằng quý → quarter end
    ("II.1", "2025-06-30", "upcoming"),   # trước ngày 30/6/2025
    ("II.3", "2025-06-30", "upcoming"),   # định kỳ 6 tháng → 30 June / 31 December
    ("III", "2025-12-15", "upcoming"),    # hằng năm (trước ngày 15/12)
]
runner = CliRunner()


@pytest.fixture(scope="module")
def plan_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from chinhsach import build_index

    root = tmp_path_factory.mktemp("deadline-plan")
    (root / f"{PLAN_ID}.txt").write_text(PLAN, encoding="utf-8")
    report = build_index([root], root / "idx")
    assert report.n_documents == 1 and not report.failed
    return root / "idx"


@pytest.fixture(scope="module")
def corpus_idx(corpus_index: Path) -> Iterator[Index]:
    with Index.open(corpus_index, query_engine="fast-start") as idx:
        yield idx


def index_duties(idx: Index) -> list[tuple[str, str, str | None, str | None]]:
    """(doc_id, text, section, deadline) of every duty, straight from the index's table."""
    conn: sqlite3.Connection = idx.conn
    return conn.execute("SELECT doc_id, text, section, deadline FROM duties ORDER BY doc_id, ord").fetchall()


def cli(*args: str) -> object:
    return runner.invoke(app, list(args))


# -- the assignment table -------------------------------------------------------------------


def test_xlsx_has_an_all_sheet_and_one_per_document_matching_the_index(corpus_idx: Index, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "duties.xlsx"
    result = cli("export", "duties", "--format", "xlsx", "-o", str(path), "--index", str(corpus_idx.index_dir))
    assert result.exit_code == 0, result.output
    wb = load_workbook(path)
    docs = corpus_idx.documents()
    assert wb.sheetnames[0] == ALL_SHEET and len(wb.sheetnames) == 1 + len(docs)
    assert "58-KH-HU" in wb.sheetnames  # a number with "/" makes a legal sheet name
    headers = [h for k, h in DUTY_HEADERS.items() if k != "unit_roles"]
    col = {h: i for i, h in enumerate(headers)}
    all_rows = list(wb[ALL_SHEET].iter_rows(values_only=True))
    assert list(all_rows[0]) == headers
    ws = wb[ALL_SHEET]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.cell(2, col["Nhiệm vụ"] + 1).alignment.wrap_text
    # Column widths (openpyxl reads equal neighbours as one range): text wide but capped.
    widths = {c: d.width for d in ws.column_dimensions.values() for c in range(d.min, d.max + 1)}
    assert 30 <= widths[col["Nhiệm vụ"] + 1] <= 72 and widths[col["Mục"] + 1] < 20
    # Every duty of the index is there (one row per lead unit), with its deadline as a date.
    stored = index_duties(corpus_idx)
    got = {(r[col["Mã văn bản"]], r[col["Nhiệm vụ"]]) for r in all_rows[1:]}
    assert got == {(d, t) for d, t, _, _ in stored}
    deadlines = {(d, t): dl for d, t, _, dl in stored}
    for r in all_rows[1:]:
        cell = r[col["Thời hạn"]]
        expected = deadlines[(r[col["Mã văn bản"]], r[col["Nhiệm vụ"]])]
        assert (cell.date().isoformat() if cell else None) == expected
    # The per-document sheets split the "all" sheet (an empty one says so under its headers).
    per_doc = [list(wb[name].iter_rows(min_row=2, values_only=True)) for name in wb.sheetnames[1:]]
    assert sum(len(rows) for rows in per_doc if rows[0][0] != EMPTY_DUTIES) == len(all_rows) - 1


def test_csv_has_a_bom_and_the_rows_of_the_json(corpus_idx: Index) -> None:
    out_csv = export.duties(corpus_idx, fmt="csv")
    out_json = export.duties(corpus_idx, fmt="json")
    assert out_csv.data.startswith(b"\xef\xbb\xbf") and out_csv.media_type.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(out_csv.data.decode("utf-8-sig"))))
    data = json.loads(out_json.data)
    assert rows[0][0] == "Văn bản" and "Đơn vị chủ trì" in rows[0]
    assert len(rows) - 1 == data["count"] == len(data["rows"]) == out_csv.rows
    lead = rows[0].index("Đơn vị chủ trì")
    assert [r[lead] for r in rows[1:]] == [r["lead"] or "" for r in data["rows"]]
    assert {r["explicit"] for r in data["rows"]} <= {True, False, None}


def test_unit_filter_is_the_duties_answer(corpus_idx: Index) -> None:
    data = json.loads(export.duties(corpus_idx, unit="so y te", fmt="json").data)
    expected = {(doc, d.text) for doc, ds in duties_of(corpus_idx, "so y te").items() for d in ds}
    assert {(r["document"]["doc_id"], r["text"]) for r in data["rows"]} == expected
    assert data["filters"]["unit_names"] == ["Sở Y tế"]
    for r in data["rows"]:
        assert r["unit_roles"]
        if "lead" in r["unit_roles"]:
            assert r["lead"] == "Sở Y tế"  # the unit's own row, not its co-leads'
    rows = list(csv.reader(io.StringIO(export.duties(corpus_idx, unit="Sở Y tế", fmt="csv").data.decode("utf-8-sig"))))
    assert "Vai trò của đơn vị" in rows[0]


def test_cli_errors_are_those_of_duties(corpus_idx: Index, tmp_path: Path) -> None:
    index = str(corpus_idx.index_dir)
    ref = cli("duties", "Sở Ngoại giao", "--index", index)
    got = cli("export", "duties", "--unit", "Sở Ngoại giao", "--format", "csv", "--index", index)
    assert got.exit_code == ref.exit_code == 6
    assert got.output.strip() == ref.output.strip() and "unknown unit" in got.output
    missing = cli("export", "duties", "khong-co", "--format", "csv", "--index", index)
    assert missing.exit_code == 6 and "no document 'khong-co'" in missing.output
    assert cli("export", "duties", "--format", "xlsx", "--index", index).exit_code == 2
    bad = cli("export", "duties", "--format", "pdf", "--index", index)
    assert bad.exit_code == 2 and "unknown format" in bad.output
    assert cli("brief", "Sở Ngoại giao", "--docx", str(tmp_path / "b.docx"), "--index", index).exit_code == 6
    assert cli("deadlines", "--unit", "Sở Ngoại giao", "--index", index).exit_code == 6
    assert cli("deadlines", "--today", "31/02/2025", "--index", index).exit_code == 2


def test_empty_result_is_a_file_with_headers_and_a_note(corpus_idx: Index, plan_index: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    # A unit of one plan asked of another: no duty, still a file, exit 0.
    path = tmp_path / "empty.xlsx"
    result = cli("export", "duties", "minh-hoa-huyen-uy-ke-hoach-58", "--unit", "Phòng Nghiệp vụ Y",
                 "--format", "xlsx", "-o", str(path), "--index", str(corpus_idx.index_dir))
    assert result.exit_code == 0 and EMPTY_DUTIES in result.output
    rows = list(load_workbook(path)[ALL_SHEET].iter_rows(values_only=True))
    assert rows[0][0] == "Văn bản" and rows[1][0] == EMPTY_DUTIES and len(rows) == 2
    # The written plan has no target.
    csv_path = tmp_path / "targets.csv"
    result = cli("export", "targets", "--format", "csv", "-o", str(csv_path), "--index", str(plan_index))
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert rows == [list(TARGET_HEADERS.values()), [EMPTY_TARGETS]]
    data = json.loads(export.targets(Index.open(plan_index, query_engine="fast-start"), fmt="json").data)
    assert data["rows"] == [] and data["note"] == EMPTY_TARGETS


def test_targets_xlsx_keeps_numbers_and_evidence(corpus_idx: Index) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(export.targets(corpus_idx, ["58-KH/HU"], "xlsx").data))
    assert wb.sheetnames == [ALL_SHEET, "58-KH-HU"]
    rows = list(wb[ALL_SHEET].iter_rows(values_only=True))
    head = {h: i for i, h in enumerate(rows[0])}
    doc = corpus_idx.document("58-KH/HU")
    assert len(rows) - 1 == len(doc.targets)
    for r, t in zip(rows[1:], doc.targets, strict=True):
        assert r[head["Chỉ tiêu"]] == t.indicator and r[head["Giá trị"]] == t.value
        assert r[head["Nguyên văn"]] == t.text and r[head["Mục"]] == (t.section or None)


# -- deadlines --------------------------------------------------------------------------------


def test_deadlines_expand_recurring_duties_relative_to_today(plan_index: Path) -> None:
    result = cli("deadlines", "--today", TODAY, "--json", "--index", str(plan_index))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    got = [(d["section"], d["due"], d["status"]) for d in data["deadlines"]]
    assert got == EXPECTED
    by_section = {d["section"]: d for d in data["deadlines"]}
    assert by_section["III"]["anchor"] == "written" and by_section["III"]["every_months"] == 12
    assert by_section["II.4"]["every_months"] == 3
    overdue = json.loads(cli("deadlines", "--today", TODAY, "--overdue", "--json", "--index", str(plan_index)).stdout)
    assert [d["section"] for d in overdue["deadlines"]] == ["II.2"]
    soon = json.loads(cli("deadlines", "--today", TODAY, "--before", "31/03/2025", "--json",
                          "--index", str(plan_index)).stdout)
    assert [d["section"] for d in soon["deadlines"]] == ["II.2", "II.4"]
    unit = json.loads(cli("deadlines", "--today", TODAY, "--unit", "so noi vu", "--json",
                          "--index", str(plan_index)).stdout)
    assert [d["section"] for d in unit["deadlines"]] == ["III"]
    # A year later, the yearly one moves on and the fixed one stays overdue.
    later = json.loads(cli("deadlines", "--today", "2025-12-16", "--json", "--index", str(plan_index)).stdout)
    days = {d["section"]: d["due"] for d in later["deadlines"]}
    assert days["III"] == "2026-12-15" and days["II.3"] == "2025-12-31" and days["II.4"] == "2025-12-31"
    text = cli("deadlines", "--today", TODAY, "--index", str(plan_index))
    assert text.exit_code == 0 and "quá hạn" in text.output


def test_ics_has_one_event_per_deadline_with_rules(plan_index: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    path = tmp_path / "thoi-han.ics"
    result = cli("deadlines", "--today", TODAY, "--ics", str(path), "--json", "--index", str(plan_index))
    assert result.exit_code == 0
    cal = Calendar.from_ical(path.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(EXPECTED)
    with Index.open(plan_index, query_engine="fast-start") as idx:
        texts = {section: text for _, text, section, _ in index_duties(idx)}
    for ev, (section, due, status) in zip(events, EXPECTED, strict=True):
        assert ev.decoded("dtstart") == dt.date.fromisoformat(due)
        description = str(ev.get("description"))
        assert f"Mục {section}" in description and texts[section] in description
        assert ("Quá hạn" in str(ev.get("summary"))) == (status == "overdue")
    rules = {section: ev.get("rrule") for ev, (section, _, _) in zip(events, EXPECTED, strict=True)}
    assert rules["II.1"] is None and rules["II.2"] is None
    assert rules["II.4"]["FREQ"] == ["MONTHLY"] and rules["II.4"]["INTERVAL"] == [3]
    assert rules["II.4"]["BYMONTHDAY"] == [-1]
    assert rules["II.3"]["INTERVAL"] == [6]
    assert rules["III"]["FREQ"] == ["YEARLY"] and rules["III"]["BYMONTH"] == [12]
    assert rules["III"]["BYMONTHDAY"] == [15]
    assert len({str(ev.get("uid")) for ev in events}) == len(events)


def entry(deadline: str | None = None, deadline_text: str | None = None,
          recurring: str | None = None) -> DutyEntry:
    doc = DocInfo("d", None, None, None, "d")
    return DutyEntry(doc, 0, "I", None, "x", [], [], [], [], deadline, deadline_text, recurring,
                     None, None, None)


@pytest.mark.parametrize(("recurring", "months"), [
    ("hằng năm", 12), ("6 tháng, hằng năm", 6), ("hằng quý", 3), ("hằng tháng", 1),
    ("định kỳ sáu tháng", 6), (None, None), ("thường xuyên", None),
])
def test_period_of_a_recurring_label(recurring: str | None, months: int | None) -> None:
    assert period_months(recurring) == months


@pytest.mark.parametrize(("kwargs", "today", "due"), [
    ({"deadline_text": "trước ngày 15/12", "recurring": "hằng năm"}, "2025-12-16", "2026-12-15"),
    ({"deadline_text": "trước ngày 15/12", "recurring": "hằng năm"}, "2025-12-15", "2025-12-15"),
    ({"deadline_text": "trước ngày 10/12", "recurring": "6 tháng, hằng năm"}, "2025-07-01", "2025-12-10"),
    ({"deadline_text": "trước ngày 10/12", "recurring": "6 tháng, hằng năm"}, "2025-01-01", "2025-06-10"),
    ({"recurring": "6 tháng"}, "2025-07-01", "2025-12-31"),
    ({"recurring": "hằng tháng", "deadline_text": "trước ngày 15 hằng tháng"}, "2025-02-16", "2025-03-15"),
    ({"recurring": "hằng năm", "deadline": "2024-02-29"}, "2024-03-01", "2025-02-28"),
    ({"recurring": "hằng năm", "deadline": "2026-03-31"}, "2025-01-01", "2026-03-31"),
    # "đến hết năm 2030" ends the series: the yearly day is the period end, from today on.
    ({"recurring": "hằng năm", "deadline": "2030-12-31", "deadline_text": "đến hết năm 2030"},
     "2026-01-15", "2026-12-31"),
])
def test_next_occurrence(kwargs: dict, today: str, due: str) -> None:
    rule = recurrence(entry(**kwargs), dt.date.fromisoformat(today))
    assert rule is not None
    assert rule.next_on_or_after(dt.date.fromisoformat(today)).isoformat() == due


def test_two_reports_with_their_own_days_are_two_yearly_rules() -> None:
    from chinhsach.answers.deadlines import deadlines, recurrences

    e = entry(deadline_text="trước ngày 15/6", recurring="6 tháng, hằng năm")
    e.text = ("Các đơn vị định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/11) gửi báo "
              "cáo kết quả thực hiện về Sở.")
    today = dt.date(2025, 7, 1)
    rules = recurrences(e, today)
    assert [(r.months, r.day, r.start.isoformat()) for r in rules] == [
        (12, 15, "2026-06-15"), (12, 15, "2025-11-15")]
    assert [i.due.isoformat() for i in deadlines([e], today).items] == ["2025-11-15", "2026-06-15"]
    # One day for two periods stays one six-monthly rule ("6 tháng, hằng năm (trước ngày 10/12)").
    one = entry(deadline_text="trước ngày 10/12", recurring="6 tháng, hằng năm")
    one.text = "Định kỳ 6 tháng, hằng năm (trước ngày 10/12) báo cáo UBND tỉnh kết quả thực hiện."
    assert [(r.months, r.day) for r in recurrences(one, today)] == [(6, 10)]


def test_a_plan_issued_later_repeats_from_its_issue_date() -> None:
    e = entry(deadline_text="trước ngày 25/11", recurring="hằng năm")
    e.doc = DocInfo("d", "215/KH-SYT", "Kế hoạch", "2028-02-14", "d")
    assert recurrence(e, dt.date(2024, 5, 1)).next_on_or_after(dt.date(2028, 2, 14)) == dt.date(2028, 11, 25)
    from chinhsach.answers.deadlines import deadlines

    assert [i.due.isoformat() for i in deadlines([e], dt.date(2024, 5, 1)).items] == ["2028-11-25"]


def test_a_finished_series_is_no_longer_due() -> None:
    from chinhsach.answers.deadlines import deadlines

    e = entry(deadline="2025-12-31", deadline_text="đến hết năm 2025", recurring="hằng năm")
    rule = recurrence(e, dt.date(2025, 3, 1))
    assert rule is not None and rule.until == dt.date(2025, 12, 31)
    assert rule.rrule()["UNTIL"] == dt.date(2025, 12, 31)
    assert [i.due.isoformat() for i in deadlines([e], dt.date(2025, 3, 1)).items] == ["2025-12-31"]
    assert deadlines([e], dt.date(2026, 1, 2)).items == []


def test_bad_dates_are_query_errors() -> None:
    assert parse_day("30/6/2025") == dt.date(2025, 6, 30)
    with pytest.raises(QueryError, match="bad --before '2025-13-01'"):
        parse_day("2025-13-01", "--before")


# -- the unit brief ---------------------------------------------------------------------------


def test_brief_docx_lists_the_units_duties_in_administrative_format(corpus_idx: Index, tmp_path: Path) -> None:
    import docx
    from docx.shared import Cm, Pt

    path = tmp_path / "so-y-te.docx"
    result = cli("brief", "Sở Y tế", "--docx", str(path), "--today", "2024-05-01",
                 "--index", str(corpus_idx.index_dir))
    assert result.exit_code == 0, result.output
    d = docx.Document(str(path))
    sec = d.sections[0]
    assert abs(sec.page_width - Cm(21)) < Cm(0.05) and abs(sec.page_height - Cm(29.7)) < Cm(0.05)
    assert abs(sec.left_margin - Cm(3)) < Cm(0.05) and abs(sec.top_margin - Cm(2)) < Cm(0.05)
    runs = [r for p in d.paragraphs for r in p.runs] + [
        r for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    assert all(Pt(13) <= r.font.size <= Pt(14) for r in runs)
    cells = [[c.text for c in row.cells] for t in d.tables for row in t.rows[1:]]
    expected = {(d.text, d.section) for ds in duties_of(corpus_idx, "Sở Y tế").values() for d in ds}
    assert {(c[1], c[3] if c[3] != "—" else None) for c in cells} == expected
    body = "\n".join(p.text for p in d.paragraphs)
    assert "Sở Y tế" in body and "215/KH-SYT" in body
    # No invented letterhead or signature block.
    for absent in ("CỘNG HÒA", "Độc lập", "Nơi nhận", "KT.", "Số:"):
        assert absent not in body


# -- web downloads and the "Thời hạn" page ---------------------------------------------------


@pytest.fixture(scope="module")
def web(plan_index: Path) -> Iterator:
    pytest.importorskip("fastapi", reason="the web extra is not installed: pip install '.[web]'")
    from fastapi.testclient import TestClient

    from chinhsach.web import create_app

    with TestClient(create_app(plan_index, allowed_hosts=["testserver"])) as client:
        yield client


def test_web_downloads_are_the_cli_files(web, plan_index: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    r = web.get("/download/duties.xlsx", params={"unit": "so tai chinh"})
    assert r.status_code == 200 and 'filename="nhiem-vu-so-tai-chinh.xlsx"' in r.headers["content-disposition"]
    path = tmp_path / "cli.xlsx"
    cli("export", "duties", "--unit", "so tai chinh", "-o", str(path), "--index", str(plan_index))
    web_rows = list(load_workbook(io.BytesIO(r.content))[ALL_SHEET].iter_rows(values_only=True))
    assert web_rows == list(load_workbook(path)[ALL_SHEET].iter_rows(values_only=True))
    assert {row[5] for row in web_rows[1:]} >= {"Sở Tài chính"}
    r = web.get("/download/duties.csv", params={"doc": "77/KH-UBND"})
    assert r.content.startswith(b"\xef\xbb\xbf") and r.headers["content-type"].startswith("text/csv")
    r = web.get("/download/targets.json")
    assert r.status_code == 200 and r.json()["note"] == EMPTY_TARGETS
    r = web.get("/download/brief.docx", params={"unit": "Sở Y tế", "today": TODAY})
    assert r.status_code == 200 and r.content[:2] == b"PK"
    api = web.get("/api/deadlines", params={"today": TODAY}).json()
    assert [(d["section"], d["due"], d["status"]) for d in api["deadlines"]] == EXPECTED


def test_web_calendar_download(web) -> None:
    from icalendar import Calendar

    r = web.get("/download/deadlines.ics", params={"today": TODAY, "overdue": "1"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    events = list(Calendar.from_ical(r.content).walk("VEVENT"))
    assert [ev.decoded("dtstart").isoformat() for ev in events] == ["2024-12-31"]


def test_web_bad_input_is_the_apps_error(web) -> None:
    r = web.get("/download/duties.csv", params={"unit": "Sở Ngoại giao"})
    # The page speaks Vietnamese only (issue 14): the closest units, no English message.
    assert r.status_code == 404 and "Có thể bạn muốn tìm" in r.text and "unknown unit" not in r.text
    assert web.get("/download/duties.csv", params={"doc": "99/KH-XX"}).status_code == 404
    assert web.get("/download/duties.pdf").status_code == 400
    assert web.get("/api/deadlines", params={"before": "mai"}).json()["detail"].startswith("bad before")
    assert web.get("/download/brief.docx").status_code == 422  # the unit is required


def test_deadlines_page_lists_due_and_overdue_with_downloads(web) -> None:
    r = web.get("/deadlines", params={"today": TODAY})
    assert r.status_code == 200
    page = r.text
    assert "Thời hạn nhiệm vụ" in page and 'aria-current="page"' in page
    assert page.count("quá hạn</span>") == 1 and page.count("sắp đến hạn</span>") == 4
    assert page.index("31/12/2024") < page.index("31/03/2025") < page.index("15/12/2025")
    assert 'href="/download/deadlines.ics?today=2025-03-01"' in page
    assert '<input type="hidden" name="today" value="2025-03-01">' in page  # filtering keeps the day
    unit = web.get("/deadlines", params={"today": TODAY, "unit": "so noi vu"}).text
    assert "15/12/2025" in unit and "31/03/2025" not in unit and "/download/brief.docx?unit=so+noi+vu" in unit
    empty = web.get("/deadlines", params={"today": TODAY, "before": "2024-01-01"}).text
    assert "Không có thời hạn nào" in empty
    doc = web.get(f"/documents/{PLAN_ID}").text
    assert f"/download/duties.xlsx?doc={PLAN_ID}" in doc and "/download/deadlines.ics?doc=" in doc
    unit_page = web.get("/unit", params={"name": "Sở Y tế"}).text
    assert "/download/brief.docx?unit=" in unit_page


def test_browser_downloads_the_calendar(plan_index: Path, tmp_path: Path) -> None:
    import socket
    import threading
    import time

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium); browser test skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    uvicorn = pytest.importorskip("uvicorn", reason="the web extra is not installed")
    from icalendar import Calendar

    from chinhsach.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(plan_index), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        limit = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < limit and thread.is_alive(), "uvicorn did not start"
            time.sleep(0.05)
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(chromium), headless=True,
                                        args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_context(accept_downloads=True, locale="vi-VN").new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            page.get_by_role("link", name="Thời hạn").first.click()
            page.wait_for_url("**/deadlines")
            assert page.locator("table.deadlines tbody tr").count() >= 1
            with page.expect_download() as info:
                page.get_by_role("link", name="Lịch thời hạn (.ics)").click()
            download = info.value
            assert download.suggested_filename == "thoi-han.ics"
            saved = tmp_path / download.suggested_filename
            download.save_as(saved)
            if os.environ.get("CHINHSACH_SCREENSHOTS") == "1":  # the README's picture, on request
                page.set_viewport_size({"width": 1280, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/deadlines?today={TODAY}")
                page.screenshot(path=str(ROOT / "docs" / "screenshots" / "deadlines.png"), full_page=True)
            browser.close()
        events = list(Calendar.from_ical(saved.read_bytes()).walk("VEVENT"))
        assert len(events) == len(EXPECTED)  # passed fixed deadlines stay, marked overdue
        assert any("Sở Nội vụ" in str(ev.get("description")) for ev in events)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# -- a real plan (development set; skipped when ../shared/real is not beside the checkout) ------

REAL_PLAN = "kh157-ubnd-2025-can-tho-tro-giup-xa-hoi-khong-tien-mat.md"


def real_plan() -> Path | None:
    for base in (ROOT, *ROOT.parents):
        path = base / "shared" / "real" / "plans" / REAL_PLAN
        if base != ROOT and path.is_file():
            return path
    return None


@pytest.fixture(scope="module")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from chinhsach import build_index

    path = real_plan()
    if path is None:
        pytest.skip(f"real plan {REAL_PLAN} absent (../shared/real is not beside this checkout)")
    index_dir = tmp_path_factory.mktemp("real-plan") / "idx"
    report = build_index([path], index_dir)
    assert report.n_documents == 1 and not report.failed
    return index_dir


def test_real_plan_exports_match_the_index(real_index: Path, tmp_path: Path) -> None:
    import docx
    from openpyxl import load_workbook

    from chinhsach.answers.who import list_units

    with Index.open(real_index, query_engine="fast-start") as idx:
        stored = index_duties(idx)
        doc = idx.all_documents()[0]
        unit = list_units(idx)[0]["unit"]
        expected = {(d.text, d.section) for ds in duties_of(idx, unit).values() for d in ds}
    assert stored, "the real plan gave no duty"
    path = tmp_path / "real.xlsx"
    assert cli("export", "duties", "-o", str(path), "--index", str(real_index)).exit_code == 0
    wb = load_workbook(path)
    assert wb.sheetnames[1] == (doc.meta.number or doc.doc_id).replace("/", "-")[:31]
    rows = list(wb[ALL_SHEET].iter_rows(values_only=True))
    text = rows[0].index("Nhiệm vụ")
    assert {r[text] for r in rows[1:]} == {t for _, t, _, _ in stored}
    report = json.loads(cli("deadlines", "--today", "2026-01-15", "--json", "--index", str(real_index)).stdout)
    days = [d["due"] for d in report["deadlines"]]
    assert days == sorted(days)
    assert all(d["due"] >= "2026-01-15" for d in report["deadlines"] if d.get("every_months"))
    brief = tmp_path / "real.docx"
    assert cli("brief", unit, "--docx", str(brief), "--today", "2026-01-15",
               "--index", str(real_index)).exit_code == 0
    cells = [[c.text for c in row.cells] for t in docx.Document(str(brief)).tables for row in t.rows[1:]]
    assert {(c[1], c[3] if c[3] != "—" else None) for c in cells} == expected
