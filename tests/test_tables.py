"""Tables as content: duty and target tables in DOCX, PDF and pipe-flattened text.

Documents are generated (``evaluation/fixtures/make_layouts.py`` for the appendix duty table;
small python-docx / markdown documents here for target tables, restarting STT and flattened
pipes); the real crawled plans in ``../shared/real/plans`` are read when present.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chinhsach import Index, build_index, parse
from chinhsach.answers.who import duties_of, who
from chinhsach.extract.tables import time_cell
from chinhsach.model import Document, Duty
from chinhsach.structure.tables import appendix_heading

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation" / "fixtures"))
import make_layouts  # noqa: E402

REAL = ROOT.parent / "shared" / "real" / "plans"
if not REAL.exists():
    REAL = Path("/work/shared/real/plans")


@pytest.fixture(scope="module")
def appendix_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("layouts")
    fx = make_layouts.fixture("phu-luc-bang-nuoc-sach")
    paths = {}
    for fmt in ("docx", "pdf"):
        path = out / f"{fx.name}.{fmt}"
        (make_layouts._write_docx if fmt == "docx" else make_layouts._write_pdf)(fx, path)
        paths[fmt] = path
    return paths


def _table_duties(doc: Document) -> dict[str, Duty]:
    return {d.section: d for d in doc.duties if d.section and d.section.startswith(("PL", "KH.PL"))}


def _names(duty: Duty, role: str) -> set[str]:
    return {u.name for u in duty.units if u.role == role and u.explicit}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_appendix_duty_table_gives_one_duty_per_row(appendix_files: dict[str, Path], fmt: str) -> None:
    doc = parse(appendix_files[fmt])
    fx = make_layouts.fixture("phu-luc-bang-nuoc-sach")
    expected = {d["section"]: d for d in fx.duties if d["section"].startswith("PL")}
    got = _table_duties(doc)
    assert set(got) == set(expected)  # group rows I / II are not duties
    for section, want in expected.items():
        duty = got[section]
        assert duty.text.startswith(want["text"])
        leads = {u["name"] for u in want["units"] if u["role"] == "lead"}
        partners = {u["name"] for u in want["units"] if u["role"] == "cooperate"}
        assert _names(duty, "lead") == leads, section
        assert _names(duty, "cooperate") == partners, section
        assert duty.deadline == want.get("deadline"), section
        assert duty.recurring == want.get("recurring"), section
        assert duty.deadline_text == want.get("deadline_text"), section
        assert duty.product == want.get("product"), section
        assert duty.segment_id is not None
    # The row's segment is searchable, cited by its row id, with page (PDF) and line.
    seg = next(s for s in doc.segments if s.id == got["PL1.3"].segment_id)
    assert seg.kind == "table_row" and seg.section == "PL1.3" and seg.searchable
    assert seg.prov.line >= 1 and (seg.prov.page is not None) == (fmt == "pdf")
    # The target in a task cell is a target of that row, dated by its time cell.
    assert any(t.section == "PL1.3" and t.value == 65.0 and t.year == 2026 for t in doc.targets)
    assert [t.kind for t in doc.tables] == ["duty"]
    assert doc.tables[0].roles[:6] == ["stt", "task", "lead", "cooperate", "time", "product"]


def test_duty_product_in_json_and_record(appendix_files: dict[str, Path]) -> None:
    doc = parse(appendix_files["docx"])
    as_dict = next(d for d in doc.to_dict()["duties"] if d["section"] == "PL1.1")
    assert as_dict["product"] == "Quyết định phê duyệt điều chỉnh"
    again = Document.from_record(doc.to_record())
    assert again.tables[0].rows[2].section == doc.tables[0].rows[2].section
    assert _table_duties(again)["PL1.1"].product == "Quyết định phê duyệt điều chỉnh"


def _docx(path: Path, blocks: list[str | list[list[str]]]) -> Path:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for r, row in enumerate(block):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
    document.save(str(path))
    return path


def test_docx_target_table_and_restarting_stt(tmp_path: Path) -> None:
    """Two appendices: a duty table whose STT restarts in Roman groups (ids PL1.I.1, PL1.II.1),
    and a target table with a value per year (ids PL2.<STT>), a baseline column left out."""
    duty_rows = [
        ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
        ["I", "Y tế", "", "", ""],
        ["1", "Nâng cấp trạm y tế xã đạt chuẩn quốc gia", "Sở Y tế", "Sở Tài chính", "Quý IV/2026"],
        ["II", "Giáo dục", "", "", ""],
        ["1", "Sửa chữa phòng học xuống cấp", "Sở Giáo dục và Đào tạo", "", "Thường xuyên"],
        ["2", "Phát triển thanh toán không dùng tiền mặt", "Ngân hàng Nhà nước khu vực XII", "",
         "Năm 2026"],
    ]
    target_rows = [
        ["STT", "Chỉ tiêu", "ĐVT", "Ước thực hiện 2025", "Năm 2026", "Năm 2027"],
        ["1", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", "60", "70", "≥ 80"],
        ["2", "Số trạm y tế được nâng cấp", "Trạm", "5", "12", "20"],
    ]
    path = _docx(tmp_path / "phu-luc.docx", [
        "KẾ HOẠCH", "Phát triển kinh tế - xã hội năm 2026", "I. MỤC TIÊU", "Nâng cao đời sống.",
        "PHỤ LỤC I", "DANH MỤC NHIỆM VỤ NĂM 2026", duty_rows,
        "PHỤ LỤC II", "CHỈ TIÊU GIAI ĐOẠN 2026 - 2027", target_rows,
    ])
    doc = parse(path)
    duties = _table_duties(doc)
    assert set(duties) == {"PL1.I.1", "PL1.II.1", "PL1.II.2"}
    assert _names(duties["PL1.II.2"], "lead") == {"Ngân hàng Nhà nước khu vực XII"}
    assert _names(duties["PL1.I.1"], "lead") == {"Sở Y tế"}
    assert _names(duties["PL1.I.1"], "cooperate") == {"Sở Tài chính"}
    assert duties["PL1.I.1"].deadline == "2026-12-31"
    assert duties["PL1.II.1"].recurring == "thường xuyên" and duties["PL1.II.1"].deadline is None
    targets = {(t.section, t.year): t for t in doc.targets if t.section and t.section.startswith("PL2")}
    assert set(targets) == {("PL2.1", 2026), ("PL2.1", 2027), ("PL2.2", 2026), ("PL2.2", 2027)}
    assert targets[("PL2.1", 2027)].comparator == "at_least" and targets[("PL2.1", 2027)].value == 80
    assert targets[("PL2.2", 2026)].unit == "trạm" and targets[("PL2.2", 2026)].value == 12
    assert not any(t.value == 60 for t in doc.targets)  # the 2025 estimate is a baseline


# One cell per line between lone pipes, as the crawled plans print tables: letter groups restart
# the Roman groups and the STT; a sub-header repeats under a group row without its STT cell; a
# row has an empty partner cell.
PIPES = """KẾ HOẠCH
Chuyển đổi số năm 2026

I. NHIỆM VỤ

Thực hiện các nhiệm vụ tại Phụ lục.


**PHỤ LỤC**

DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ ĐẾN NĂM 2030

*(Kèm theo Kế hoạch số 12/KH-UBND)*

|
**STT**
|
**Nhiệm vụ, giải
pháp**
|
**Đơn vị thực hiện**
|
**Đơn vị phối hợp**
|
**Thời gian thực
hiện**
|
**Sản phẩm đầu ra**
|
|
**A**
|
**NỀN MÓNG**
|
|
**I**
|
**Thể chế**
|
|
1.1
|
Rà soát, sửa đổi các quy định về giao dịch điện
tử của tỉnh
|
Sở Tư pháp
|
Sở Nội vụ
|
2026 - 2030
|
Các văn bản quy phạm pháp luật
|
|
**B**
|
**KINH TẾ SỐ NGÀNH**
|
|
**I**
|
**Y tế**
|
|
**Nội dung**
|
**Đơn vị thực hiện**
|
**Đơn vị phối hợp**
|
**Thời gian thực hiện**
|
**Sản phẩm đầu ra**
|
|
1.1
|
Triển khai hồ sơ bệnh án điện tử tại các bệnh viện
|
Sở Y tế
|
|
Hằng năm
|
Hệ thống bệnh án điện tử
|

Trên đây là Kế hoạch.
"""


def test_pipe_flattened_table(tmp_path: Path) -> None:
    path = tmp_path / "pipes.md"
    path.write_text(PIPES, encoding="utf-8")
    doc = parse(path)
    duties = _table_duties(doc)
    assert set(duties) == {"PL1.A.1.1", "PL1.B.1.1"}
    first, second = duties["PL1.A.1.1"], duties["PL1.B.1.1"]
    assert first.text == "Rà soát, sửa đổi các quy định về giao dịch điện tử của tỉnh"
    assert _names(first, "lead") == {"Sở Tư pháp"} and _names(first, "cooperate") == {"Sở Nội vụ"}
    assert first.deadline == "2030-12-31" and first.deadline_text == "2026 - 2030"
    assert first.product == "Các văn bản quy phạm pháp luật"
    assert _names(second, "lead") == {"Sở Y tế"} and not _names(second, "cooperate")
    assert second.recurring == "hằng năm" and second.product == "Hệ thống bệnh án điện tử"
    # The closing line after the table is text again, not a cell.
    assert any(s.text == "Trên đây là Kế hoạch." for s in doc.segments)
    assert doc.section("PL1") is not None and "2030" in doc.section("PL1").heading


def test_markdown_table_rows_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "md.md"
    path.write_text(
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\nTheo Phụ lục.\n\nPHỤ LỤC 2\n\n"
        "| TT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành |\n"
        "|---|---|---|---|\n"
        "| 1 | Tổ chức hội nghị triển khai kế hoạch | Văn phòng UBND tỉnh | Tháng 3/2026 |\n"
        "| 2 | Kiểm tra, giám sát việc thực hiện | Sở Nội vụ | Quý IV/2026 |\n",
        encoding="utf-8")
    duties = _table_duties(parse(path))
    assert set(duties) == {"PL2.1", "PL2.2"}
    assert duties["PL2.1"].deadline == "2026-03-31"
    assert {("Sở Nội vụ", "lead"), ("Sở Nội vụ", "monitor")} <= {
        (u.name, u.role) for u in duties["PL2.2"].units}


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("Quý IV/2025", ("2025-12-31", None)), ("Năm 2026", ("2026-12-31", None)),
     ("2025", ("2025-12-31", None)), ("Thường xuyên", (None, "thường xuyên")),
     ("Hằng năm", (None, "hằng năm")), ("2026-2030", ("2030-12-31", None)),
     ("Nam 2026", ("2026-12-31", None))],
)
def test_time_cells(cell: str, expected: tuple[str | None, str | None]) -> None:
    deadline, words, recurring, _year = time_cell(cell)
    # A cell that gives only a frequency has no deadline words (GUIDELINES-real.md, Time,
    # [decided, adjud]); any other cell keeps its words as written.
    assert (deadline, recurring) == expected and words == (None if deadline is None and recurring else cell)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("PHỤ LỤC", (None, "")), ("PHỤ LỤC II", (2, "")), ("PHỤ LỤC 01", (1, "")),
     ("Phụ lục 3", (3, "")), ("Phụ lục kèm theo Kế hoạch này gồm các nhiệm vụ;", None),
     ("PHU LUC I", (1, ""))],
)
def test_appendix_headings(text: str, expected: tuple[int | None, str] | None) -> None:
    assert appendix_heading(text) == expected


def test_who_names_the_lead_unit_of_an_appendix_row(appendix_files: dict[str, Path],
                                                    tmp_path: Path) -> None:
    index_dir = tmp_path / "idx"
    report = build_index([appendix_files["docx"]], index_dir)
    assert not report.failed
    with Index.open(index_dir) as idx:
        answer = who(idx, "ai chịu trách nhiệm kiểm tra chất lượng nước?")
        top = answer[0]
        assert top.unit == "Sở Y tế" and top.role == "lead" and top.explicit
        assert any(e.section == "PL1.4" for e in top.evidence)
        answer = who(idx, "ai chiu trach nhiem co so du lieu cong trinh cap nuoc")
        assert answer[0].unit == "Sở Khoa học và Công nghệ" and answer[0].explicit
        rows = duties_of(idx, "Sở Y tế")
        assert any(d.section == "PL1.4" and d.recurring == "hằng năm" for ds in rows.values() for d in ds)


@pytest.mark.skipif(not REAL.exists(), reason="real plans not present (../shared/real/plans)")
def test_real_appendix_tables() -> None:
    """kh179: 94 duty rows with restarting letter groups; qd2954: one target per year value."""
    kh179 = parse(REAL / "kh179-ubnd-2025-dong-nai-kinh-te-so-2026-2030.md")
    rows = _table_duties(kh179)
    assert len(rows) == 94
    assert {"PL1.A.1.1", "PL1.B.5.1.2", "PL1.C.6.3"} <= set(rows)
    assert _names(rows["PL1.A.1.1"], "lead") == {"Sở Tư pháp"}
    assert rows["PL1.A.1.1"].deadline == "2030-12-31"
    qd = parse(REAL / "qd2954-ubnd-2025-son-la-ke-hoach-xuat-khau-2026-2030.md")
    coffee = [t for t in qd.targets if t.section and t.section.endswith("PL1.I.1") and t.year == 2026]
    assert {(t.value, t.unit) for t in coffee} == {(27000.0, "ha"), (39800.0, "tấn")}
    assert not any(t.value == 26120.0 for t in qd.targets)  # ƯTH 2025 is a baseline


def test_pdf_table_over_several_pages_is_one_table(tmp_path: Path) -> None:
    """reportlab repeats the header on each page and wraps "STT" in its narrow column; the
    pages' tables join into one, repeated headers are not rows, STT ids carry through."""
    rows = [make_layouts.DUTY_COLUMNS]
    for i in range(1, 41):
        rows.append([str(i), f"Triển khai nhiệm vụ số {i} về chuyển đổi số trong lĩnh vực y tế, "
                     "giáo dục và giao thông của tỉnh", "Sở Y tế" if i % 2 else "Sở Tài chính",
                     "Ủy ban nhân dân các xã", "Năm 2026", "Báo cáo"])
    fx = make_layouts.Fixture(name="long", layout="appendix_table", meta={}, blocks=[
        make_layouts.Text("KẾ HOẠCH", bold=True), make_layouts.Text("I. NHIỆM VỤ", bold=True),
        make_layouts.Text("Theo Phụ lục."), make_layouts.Text("PHỤ LỤC", bold=True),
        make_layouts.Grid(rows, widths=[1, 5, 3, 3, 2, 2])])
    path = tmp_path / "long.pdf"
    make_layouts._write_pdf(fx, path)
    doc = parse(path)
    assert doc.pages and doc.pages > 1 and len(doc.tables) == 1
    duties = _table_duties(doc)
    assert set(duties) == {f"PL1.{i}" for i in range(1, 41)}
    assert _names(duties["PL1.40"], "lead") == {"Sở Tài chính"}
    last = next(s for s in doc.segments if s.id == duties["PL1.40"].segment_id)
    assert last.prov.page == doc.pages


@pytest.mark.parametrize(
    ("label", "role"),
    [("STT", "stt"), ("Số TT", "stt"), ("Nội dung nhiệm vụ", "task"), ("Noi dung cong viec", "task"),
     ("Cơ quan chủ trì", "lead"), ("Don vi thuc hien", "lead"), ("Đơn vị phối hợp", "cooperate"),
     ("Co quan phoi hop", "cooperate"), ("Thời gian hoàn thành", "time"), ("Tiến độ thực hiện", "time"),
     ("Thoi han", "time"), ("Sản phẩm đầu ra", "product"), ("Kinh phí (triệu đồng)", "budget"),
     ("Chỉ tiêu", "indicator"), ("ĐVT", "measure"), ("Đơn vị tính", "measure"),
     ("Ước thực hiện năm 2025", "baseline"), ("Năm 2026", "value:2026"),
     ("Mục tiêu đến năm 2030", "value:2030"), ("Giai đoạn 2026 - 2030 / Năm 2027", "value:2027"),
     ("Ghi chú", "note")],
)
def test_column_roles(label: str, role: str) -> None:
    from chinhsach.structure.tables import _role_of

    assert _role_of(label) == role


def test_table_in_the_body_is_cited_by_its_section(tmp_path: Path) -> None:
    path = _docx(tmp_path / "body.docx", [
        "KẾ HOẠCH", "I. MỤC TIÊU", "Nâng cao chất lượng.", "II. PHÂN CÔNG NHIỆM VỤ",
        [["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"],
         ["1", "Ban hành quy chế phối hợp", "Sở Nội vụ", "Quý I/2026"]],
        "1. Sở Tài chính bố trí kinh phí thực hiện.",
    ])
    doc = parse(path)
    row = next(d for d in doc.duties if d.text == "Ban hành quy chế phối hợp")
    assert row.section == "II" and _names(row, "lead") == {"Sở Nội vụ"}
    assert row.deadline == "2026-03-31"
    assert any(d.section == "II.1" and _names(d, "lead") == {"Sở Tài chính"} for d in doc.duties)


def test_table_without_outline(tmp_path: Path) -> None:
    """An excerpt that is only a table: rows are duties with no section id invented."""
    path = _docx(tmp_path / "excerpt.docx", [
        [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
         ["1", "Kiểm tra an toàn thực phẩm dịp Tết", "Sở Y tế", "Công an tỉnh", "Tháng 1/2026"]],
    ])
    doc = parse(path)
    duty = next(d for d in doc.duties if d.text == "Kiểm tra an toàn thực phẩm dịp Tết")
    assert duty.section is None and duty.deadline == "2026-01-31"
    assert _names(duty, "lead") == {"Sở Y tế"} and _names(duty, "cooperate") == {"Công an tỉnh"}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_attached_plan_appendix_is_prefixed(tmp_path: Path, fmt: str) -> None:
    """A decision issuing a plan, the plan's appendix table after it: rows are ``KH.PL1.<STT>``."""
    import dataclasses

    fx = make_layouts.fixture("quyet-dinh-kem-ke-hoach-thien-tai")
    rows = [make_layouts.DUTY_COLUMNS,
            ["1", "Rà soát phương án ứng phó bão lũ", "Sở Nông nghiệp và Môi trường",
             "Ủy ban nhân dân các xã", "Quý II/2026", "Phương án"]]
    fx = dataclasses.replace(fx, name="kh", blocks=[
        *fx.blocks, make_layouts.PageBreak(), make_layouts.Text("PHỤ LỤC", bold=True),
        make_layouts.Grid(rows)])
    path = tmp_path / f"kh.{fmt}"
    (make_layouts._write_docx if fmt == "docx" else make_layouts._write_pdf)(fx, path)
    doc = parse(path)
    duty = _table_duties(doc).get("KH.PL1.1")
    assert duty is not None and duty.deadline == "2026-06-30"
    assert _names(duty, "lead") == {"Sở Nông nghiệp và Môi trường"}
    assert doc.section("KH.PL1") is not None
