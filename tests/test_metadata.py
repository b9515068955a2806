"""Header metadata read by content: generated DOCX/PDF layouts, the seed, and the real plans.

The layouts come from ``evaluation/fixtures/make_layouts.py`` (real python-docx and reportlab
files, read back by the real readers). The real plans and real PDF/DOCX files are read from
``../shared/real`` and skipped, with the reason, when that folder is absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from chinhsach import parse
from chinhsach.answers.graph import build_graph
from chinhsach.ingest.readers import read_source
from chinhsach.pipeline import read_document

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation" / "fixtures"))

import make_layouts  # noqa: E402

SHARED = ROOT.parent / "shared" / "real"
if not SHARED.exists():  # a worktree sits one level deeper than the main checkout
    SHARED = ROOT.parent.parent / "shared" / "real"
REAL_GOLD = sorted((ROOT / "evaluation" / "gold" / "real").glob("*.json"))
FIELDS = ("type", "number", "date", "issuer", "place", "signer")
needs_shared = pytest.mark.skipif(
    not SHARED.exists(), reason="../shared/real (real documents, not in the repository) is absent"
)


@pytest.fixture(scope="module")
def layouts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[make_layouts.Fixture, Path]]:
    out = tmp_path_factory.mktemp("layouts")
    return {path.name: (fx, path) for fx, path in make_layouts.generate(out)}


def _meta(doc) -> dict:
    return doc.meta.to_dict()


@pytest.mark.parametrize("name", [f"{fx.name}.{fmt}" for fx in make_layouts.FIXTURES
                                  for fmt in make_layouts.FORMATS])
def test_every_layout_gives_the_expected_header(layouts, name: str) -> None:
    fx, path = layouts[name]
    meta = _meta(read_document(path))
    for field in FIELDS:
        assert meta[field] == fx.meta[field], (name, field)
    attached = [{k: a[k] for k in ("type", "number", "date", "issuer", "title")}
                for a in meta.get("attached", [])]
    assert attached == fx.meta.get("attached", [])


def test_pdf_two_column_header_is_split_into_column_pieces(layouts) -> None:
    _, path = layouts["hai-cot-ke-hoach-du-lich.pdf"]
    lines = read_source(path).lines
    first = lines[0]
    assert first.cells is not None and [t for _, t in first.cells] == [
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert first.cells[0][0] < first.cells[1][0]
    # Ordinary justified lines are never split.
    assert all(line.cells is None for line in lines if line.text.startswith("Căn cứ"))


def test_docx_table_cells_keep_their_lines(layouts) -> None:
    _, path = layouts["hai-cot-ke-hoach-du-lich.docx"]
    row = read_source(path).lines[0]
    assert row.kind == "table_row" and row.cells is not None
    assert row.cells[0][1].split("\n") == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "-------",
                                           "Số: 87/KH-UBND"]


@pytest.mark.parametrize("fmt", make_layouts.FORMATS)
def test_header_and_recipients_are_not_duties(layouts, fmt: str) -> None:
    _, path = layouts[f"hai-cot-ke-hoach-du-lich.{fmt}"]
    doc = parse(path)
    texts = " ".join(d.text for d in doc.duties)
    for words in ("CỘNG HÒA", "Hạnh phúc", "Nơi nhận", "Lưu: VT", "PHÓ CHỦ TỊCH", "Số: 87"):
        assert words not in texts
    titles = [s for s in doc.segments if s.kind == "title"]
    assert any("Số: 87/KH-UBND" in s.text for s in titles)


@pytest.mark.parametrize("fmt", make_layouts.FORMATS)
def test_decision_with_attached_plan(layouts, fmt: str) -> None:
    fx, path = layouts[f"quyet-dinh-kem-ke-hoach-thien-tai.{fmt}"]
    doc = parse(path)
    ids = [s.id for s in doc.sections]
    assert ids[:3] == ["D1", "D2", "D3"]
    assert {"KH.I", "KH.II.1", "KH.II.2", "KH.III.1", "KH.III.2"} <= set(ids)
    sections = {d.section for d in doc.duties}
    assert {"D2", "KH.II.1", "KH.III.1", "KH.III.2"} <= sections
    # The attached plan's header (issuer | motto table, type, title) is no duty.
    for duty in doc.duties:
        assert "CỘNG HÒA" not in duty.text and not duty.text.startswith(("KẾ HOẠCH", "ỦY BAN"))
    kh_titles = [s.text for s in doc.segments if s.kind == "title" and "KẾ HOẠCH" in s.text]
    assert kh_titles, "the attached plan's type line is a title segment"
    graph = build_graph([doc])
    issues = [e for e in graph.edges if e.kind == "issues"]
    assert len(issues) == 1
    plan = graph.nodes[issues[0].target]
    assert plan.doc_type == "Kế hoạch" and plan.attached_to == issues[0].source
    assert graph.nodes[issues[0].source].number == "1036/QĐ-UBND"
    refs = graph.refs(doc.doc_id)
    assert [r["kind"] for r in refs["cites"] if r["key"] == plan.key] == ["issues"]
    assert plan.label.startswith("Kế hoạch: " + fx.meta["attached"][0]["title"][:30])


@pytest.mark.parametrize("fmt", make_layouts.FORMATS)
def test_unreadable_header_is_null_with_a_warning_never_a_guess(layouts, fmt: str) -> None:
    _, path = layouts[f"trich-doan-giao-nhiem-vu.{fmt}"]
    doc = read_document(path)
    assert all(v is None for v in _meta(doc).values())
    warning = [w for w in doc.warnings if w.code == "meta_unreadable"]
    assert len(warning) == 1
    assert all(field in warning[0].message for field in FIELDS)


def test_seed_header_is_exact() -> None:
    gold = json.loads((ROOT / "evaluation" / "gold" / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.json")
                      .read_text(encoding="utf-8"))
    doc = read_document(ROOT / gold["file"])
    assert {k: v for k, v in _meta(doc).items()} == gold["meta"]
    # The seed prints no number and no date: named in the warning, not invented.
    warning = [w.message for w in doc.warnings if w.code == "meta_unreadable"]
    assert warning and "number, date" in warning[0] and "issuer" not in warning[0]


HEADER_LINES = [
    "Số: 312/KH-UBND",
    "Đắk Lắk, ngày 07 tháng 10 năm 2026",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ỦY BAN NHÂN DÂN",
    "TỈNH ĐẮK LẮK",
]
BODY = """
KẾ HOẠCH
Phát triển cà phê đặc sản giai đoạn 2026 - 2030

Căn cứ Nghị quyết số 12/NQ-HĐND ngày 10/7/2026 của Hội đồng nhân dân tỉnh;

I. MỤC TIÊU
Đến năm 2030, diện tích cà phê đặc sản đạt 5.000 ha.

II. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Công Thương hướng dẫn thực hiện.

Nơi nhận:
- Bộ Nông nghiệp và Môi trường;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Y Thanh Hà Niê Kđăm
"""


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4, 5], [2, 3, 1, 4, 5, 0], [4, 5, 0, 2, 3, 1]])
def test_header_lines_in_any_order(tmp_path: Path, order: list[int]) -> None:
    path = tmp_path / "dak-lak.txt"
    path.write_text("\n".join(HEADER_LINES[i] for i in order) + "\n" + BODY, encoding="utf-8")
    meta = _meta(read_document(path))
    assert meta == {"type": "Kế hoạch", "number": "312/KH-UBND", "date": "2026-10-07",
                    "issuer": "Ủy ban nhân dân tỉnh Đắk Lắk", "place": "Đắk Lắk",
                    "signer": "Y Thanh Hà Niê Kđăm"}


CRAWLED = """|
**ỦY BAN NHÂN
DÂN**
**TỈNH ĐẮK LẮK**
-------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 312/KH-UBND
|
*Đắk Lắk, ngày
07 tháng 10 năm 2026*
|

** **

**KẾ HOẠCH**

PHÁT TRIỂN CÀ PHÊ ĐẶC SẢN TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK GIAI
ĐOẠN 2026 - 2030

Căn cứ Nghị quyết số
12/NQ-HĐND ngày 10/7/2026 của Hội đồng nhân dân tỉnh;

**I. MỤC TIÊU**

Đến năm 2030, diện tích cà phê đặc sản đạt 5.000 ha.

|
**Nơi nhận:**
- Bộ Nông nghiệp và Môi trường;
- Lưu: VT.
|
**TM. ỦY BAN NHÂN
DÂN**
KT. CHỦ TỊCH
**PHÓ CHỦ TỊCH**
**Y Thanh Hà Niê Kđăm**
|
"""


def test_crawled_markdown_table_with_hard_wraps(tmp_path: Path) -> None:
    path = tmp_path / "dak-lak.md"
    path.write_text(CRAWLED, encoding="utf-8")
    doc = read_document(path)
    assert _meta(doc) == {"type": "Kế hoạch", "number": "312/KH-UBND", "date": "2026-10-07",
                          "issuer": "Ủy ban nhân dân tỉnh Đắk Lắk", "place": "Đắk Lắk",
                          "signer": "Y Thanh Hà Niê Kđăm"}
    assert doc.meta.title == ("Kế hoạch Phát triển cà phê đặc sản trên địa bàn tỉnh Đắk Lắk "
                              "giai đoạn 2026 - 2030")


@needs_shared
@pytest.mark.parametrize("gold_path", REAL_GOLD, ids=[p.stem.split("-")[0] for p in REAL_GOLD])
def test_real_plan_headers(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    path = SHARED / "plans" / Path(gold["file"]).name
    meta = _meta(read_document(path))
    for field in FIELDS:
        assert meta[field] == gold["meta"][field], field
    for got, want in zip(meta.get("attached", []), gold["meta"].get("attached", []), strict=True):
        assert {k: got[k] for k in want} == want


@needs_shared
def test_real_word_pdf_decision_with_interleaved_columns() -> None:
    doc = read_document(SHARED / "ingestion" / "pdf_text" / "HNMU.pdf")
    meta = _meta(doc)
    assert meta["type"] == "Quyết định" and meta["signer"] == "Nguyễn Vũ Bích Hiền"
    # A draft: "Số: /QĐ-ĐHTĐHN", "Hà Nội, ngày   tháng 8 năm 2021" — left empty and named.
    assert meta["number"] is None and meta["date"] is None
    assert any(w.code == "meta_unreadable" and "number" in w.message for w in doc.warnings)
    assert meta["issuer"] is not None and "Cộng hòa" not in meta["issuer"]
    assert meta["attached"][0]["type"] == "Quy chế"
    assert [s.id for s in doc.sections][:4] == ["D1", "D2", "D3", "QC.I"]


@needs_shared
def test_real_docx_law_header_table() -> None:
    meta = _meta(read_document(SHARED / "ingestion" / "docx" / "LUATANNINHMANG.docx"))
    assert meta == {"type": "Luật", "number": "24/2018/QH14", "date": "2018-06-12",
                    "issuer": "Quốc hội", "place": "Hà Nội", "signer": "Nguyễn Thị Kim Ngân"}


LAWS = sorted((SHARED / "ingestion" / "docx").glob("*.docx")) if SHARED.exists() else []


@needs_shared
@pytest.mark.parametrize("path", LAWS, ids=[p.stem for p in LAWS])
def test_every_real_docx_law_is_read_whole(path: Path) -> None:
    """Header table, a session line under it ("Khóa XI, kỳ họp thứ 9 …"), and a bare signer
    title ("CHỦ TỊCH QUỐC HỘI") over the name in a table cell."""
    doc = read_document(path)
    meta = _meta(doc)
    assert meta["type"] == "Luật" and meta["issuer"] == "Quốc hội" and meta["place"] == "Hà Nội"
    assert meta["number"].split("/")[-1].startswith("QH") and meta["date"]
    assert meta["signer"] and meta["signer"].split()[0] in {"Nguyễn", "Trần"}
    assert not [w for w in doc.warnings if w.code == "meta_unreadable"]


PARTY_COLUMNS = """ĐẢNG BỘ TỈNH THANH HÓA                 ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY NHƯ XUÂN
*
Số 27 - KH/HU                          Như Xuân, ngày 3 tháng 4 năm 2026

KẾ HOẠCH
thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp

Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Tổ chức tốt đại hội đảng bộ các cấp.

                                       T/M BAN THƯỜNG VỤ
Nơi nhận:                              BÍ THƯ
- Ban Thường vụ Tỉnh ủy,
- Lưu Văn phòng Huyện ủy.              Lê Văn Khánh
"""
DEPARTMENT = """UBND THÀNH PHỐ HỒ CHÍ MINH
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1502 /KH-SGDĐT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
TP. Hồ Chí Minh, ngày 15 tháng 01 năm 2026

KẾ HOẠCH
Tổ chức kỳ thi chọn học sinh giỏi năm học 2025 - 2026

I. MỤC ĐÍCH
1. Phát hiện học sinh có năng khiếu.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Nguyễn Bảo Quốc
"""


@pytest.mark.parametrize(("text", "expected"), [
    (PARTY_COLUMNS, {"type": "Kế hoạch", "number": "27-KH/HU", "date": "2026-04-03",
                     "issuer": "Huyện ủy Như Xuân", "place": "Như Xuân",
                     "signer": "Lê Văn Khánh"}),
    (DEPARTMENT, {"type": "Kế hoạch", "number": "1502/KH-SGDĐT", "date": "2026-01-15",
                  "issuer": "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh",
                  "place": "TP. Hồ Chí Minh", "signer": "Nguyễn Bảo Quốc"}),
], ids=["party-columns-by-spaces", "department-under-its-parent"])
def test_text_exports_of_other_headers(tmp_path: Path, text: str, expected: dict) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert _meta(read_document(path)) == expected


@pytest.mark.parametrize("fmt", make_layouts.FORMATS)
def test_department_header_with_a_wrapped_date_in_its_column(tmp_path: Path, fmt: str) -> None:
    fx = make_layouts.Fixture(
        name="so-y-te", layout="two_column_header", meta={},
        blocks=[
            make_layouts.Columns([(
                ["UBND TỈNH NGHỆ AN", "SỞ Y TẾ", "-------", "Số: 45/KH-SYT"],
                [*make_layouts.MOTTO, "Nghệ An, ngày 02 tháng", "9 năm 2026"],
            )]),
            make_layouts.Text("KẾ HOẠCH", bold=True, center=True),
            make_layouts.Text("Tiêm chủng mở rộng năm 2026", bold=True, center=True),
            make_layouts.Text("I. MỤC TIÊU", bold=True),
            make_layouts.Text("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 95%."),
            make_layouts.Columns([(["Nơi nhận:", "- Lưu: VT."],
                                   ["GIÁM ĐỐC", "", "Lương Thị Hồng Nhung"])]),
        ],
    )
    path = tmp_path / f"so-y-te.{fmt}"
    (make_layouts._write_docx if fmt == "docx" else make_layouts._write_pdf)(fx, path)
    assert _meta(read_document(path)) == {
        "type": "Kế hoạch", "number": "45/KH-SYT", "date": "2026-09-02",
        "issuer": "Sở Y tế tỉnh Nghệ An", "place": "Nghệ An", "signer": "Lương Thị Hồng Nhung"}


@pytest.mark.parametrize("fmt", make_layouts.FORMATS)
def test_a_blank_day_leaves_the_date_empty_and_says_why(tmp_path: Path, fmt: str) -> None:
    """A document printed before registration: number and day left blank for the pen. The date
    is not guessed from the month and year; the warning quotes the line it could not read."""
    fx = make_layouts.Fixture(
        name="cho-so", layout="two_column_header", meta={},
        blocks=[
            make_layouts.Columns([(
                ["UBND TỈNH KIÊN GIANG", "SỞ Y TẾ", "-------", "Số:        /BC-SYT"],
                [*make_layouts.MOTTO, "Kiên Giang, ngày        tháng 12 năm 2017"],
            )]),
            make_layouts.Text("BÁO CÁO", bold=True, center=True),
            make_layouts.Text("Tình hình thực hiện công tác y tế tháng 12", bold=True, center=True),
            make_layouts.Text("I. KẾT QUẢ", bold=True),
            make_layouts.Text("Sở Y tế đã chỉ đạo các đơn vị thực hiện nhiệm vụ thường xuyên."),
        ],
    )
    path = tmp_path / f"cho-so.{fmt}"
    (make_layouts._write_docx if fmt == "docx" else make_layouts._write_pdf)(fx, path)
    doc = read_document(path)
    assert doc.meta.date is None and doc.meta.number is None
    assert doc.meta.issuer == "Sở Y tế tỉnh Kiên Giang"
    warning = [w.message for w in doc.warnings if w.code == "meta_unreadable"]
    assert len(warning) == 1 and "date" in warning[0] and "number" in warning[0]
    assert "date not readable in “Kiên Giang, ngày" in warning[0]


@pytest.mark.parametrize(("caps", "name"), [
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "Ủy ban nhân dân thành phố Cần Thơ"),
    ("UBND TỈNH LAI CHÂU SỞ Y TẾ", "Sở Y tế tỉnh Lai Châu"),
    ("ĐẢNG BỘ TỈNH SƠN LA HUYỆN ỦY MAI SƠN", "Huyện ủy Mai Sơn"),
    ("BAN THƯỜNG VỤ TỈNH ỦY SƠN LA", "Ban Thường vụ Tỉnh ủy Sơn La"),
    ("BỘ Y TẾ CỤC QUẢN LÝ DƯỢC", "Cục Quản lý dược"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH HÀ GIANG",
     "Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang"),
    ("HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG NAI", "Hội đồng nhân dân tỉnh Đồng Nai"),
    ("BỘ CHỈ HUY QUÂN SỰ TỈNH HÀ TĨNH", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh"),
    ("ỦY BAN NHÂN DÂN XÃ TÀ XÙA", "Ủy ban nhân dân xã Tà Xùa"),
    # OCR's mark confusions in the administrative words (real scans: "TĨNH", "TÉ")
    ("UBND TĨNH KIÊN GIANG SỞ Y TÉ", "Sở Y tế tỉnh Kiên Giang"),
    ("UỶ BAN NHÂN DÂN HUYỆN CHÂU THÀNH PHÒNG Y TẺ", "Phòng Y tế huyện Châu Thành"),
    ("ỦY BAN NHÂN DÂN QUẠN 1", "Ủy ban nhân dân quận 1"),
    # a public institution's kind abbreviated in its header (HNMU.pdf: "TRƯỜNG ĐH THỦ ĐÔ HÀ NỘI")
    ("TRƯỜNG ĐH THỦ ĐÔ HÀ NỘI", "Trường Đại học Thủ Đô Hà Nội"),
    ("TRƯỜNG CĐ Y TẾ HÀ NỘI", "Trường Cao đẳng Y Tế Hà Nội"),
])
def test_issuer_names_from_upper_case_blocks(caps: str, name: str) -> None:
    from chinhsach.structure.metadata import issuer_name

    assert issuer_name(caps) == name


def test_pdf_column_lines_are_paragraphs_of_their_own(layouts) -> None:
    """The interleaved header and signature lines of a PDF are not joined into one run."""
    _, path = layouts["hai-cot-ke-hoach-du-lich.pdf"]
    doc = read_document(path)
    titles = [s.text for s in doc.segments if s.kind == "title"]
    assert titles[:2] == ["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "TỈNH QUẢNG TRỊ | Độc lập - Tự do - Hạnh phúc"]
    signature = [s.text for s in doc.segments if s.kind == "signature"]
    assert signature[0] == "Nơi nhận: | TM. ỦY BAN NHÂN DÂN" and signature[-1] == "Hoàng Xuân Tân"


def test_a_body_printed_under_a_body_without_a_level_word_issues() -> None:
    from chinhsach.structure.metadata import issuer_name

    lines = ["SỞ Y TẾ KIÊN GIANG", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT"]
    assert issuer_name(" ".join(lines), lines) == "Trung tâm Kiểm soát bệnh tật"
    wrapped = ["ỦY BAN NHÂN", "DÂN", "THÀNH PHỐ CẦN THƠ"]  # a crawl's hard wraps: one body
    assert issuer_name(" ".join(wrapped), wrapped) == "Ủy ban nhân dân thành phố Cần Thơ"
