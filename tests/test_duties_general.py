"""General duty mechanisms that carry to unseen plans (issue 12, real layouts).

Every text here is written for the test (a made-up province, "Lam Sơn", and sectors the
development plans do not cover: food safety, school health, flood prevention), in the ways
provincial plans lay out their assignments: closing paragraphs after the last item of a part,
lead-in lines that name the unit for the bullets under them ("Giao Sở Tài chính:", "Chỉ đạo Công
an tỉnh:"), unit-headed sections, the usual deadline forms, and an appendix table whose cells
are wrapped over several lines. The same plan is read as crawled markdown (hard wraps, bold
marks) and as a DOCX written here with python-docx. These are team-written tests, not evidence:
the real plans stay in ``../shared`` and are scored by ``evaluation/extraction_eval.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import parse_text

from chinhsach import parse
from chinhsach.extract.duties import find_deadline
from chinhsach.extract.tables import time_cell
from chinhsach.model import Document, Duty

# ---------------------------------------------------------------------------------------------
# The plan, as a crawl gives it: hard wraps mid-sentence, bold headings wrapped over two lines
# ---------------------------------------------------------------------------------------------

PLAN = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 214/KH-UBND | Lam Sơn, ngày 05 tháng 12 năm 2025 |

**KẾ HOẠCH**

**Bảo đảm an toàn thực phẩm trên địa bàn tỉnh năm 2026**

Thực hiện Chỉ thị số 17/CT-TTg ngày 13 tháng 6 năm 2025 của Thủ tướng Chính phủ, Ủy ban
nhân dân tỉnh ban hành Kế hoạch bảo đảm an toàn thực phẩm năm 2026 như sau:

**I. MỤC ĐÍCH,
YÊU CẦU**

1. Nâng cao hiệu quả quản lý nhà nước về an toàn thực phẩm trên địa bàn tỉnh.

2. Phân công cụ thể trách nhiệm của các sở, ngành, địa phương.

**II. NHIỆM VỤ
TRỌNG TÂM**

1. Tổ chức Tháng hành động vì an toàn thực phẩm trên toàn tỉnh, hoàn thành trong quý
II/2026.

2. Rà soát, cập nhật cơ sở dữ liệu các cơ sở sản xuất, kinh doanh thực phẩm trên địa bàn
trong tháng 01/2026.

3. Kiểm tra việc chấp hành quy định về an toàn thực phẩm tại các chợ đầu mối, bếp ăn tập thể
thường xuyên trong năm.

4. Tổng kết công tác bảo đảm an toàn thực phẩm giai đoạn 2021 - 2025, hoàn thành trước ngày
31/12/
2026.

**III. TỔ CHỨC
THỰC HIỆN**

**1. Sở Y tế**

a) Chủ trì, phối hợp với Sở Công Thương tổ chức các đoàn kiểm tra liên ngành trong dịp Tết
Nguyên đán, hoàn thành trước 30/01/2026.

b) Sở Công Thương chủ trì, phối hợp với Sở Y tế kiểm tra hoạt động kinh doanh thực phẩm tại
các chợ, siêu thị và cửa hàng tiện lợi trên địa bàn tỉnh.

c) Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện Kế hoạch trước ngày 15/12 hằng
năm.

**2. Sở Nông
nghiệp và Môi trường**

a) Kiểm soát chất lượng vật tư nông nghiệp và an toàn thực phẩm nông, lâm, thủy sản từ khâu
sản xuất; định kỳ 6 tháng báo cáo kết quả về Sở Y tế.

b) Phối hợp với Sở Y tế xây dựng vùng sản xuất rau an toàn tại các xã ven đô.

**3. Phân công trách nhiệm các sở, ngành khác**

Giao Sở Tài chính:

- Tham mưu bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách năm 2026 của các cơ
quan, đơn vị.

- Hướng dẫn các cơ quan, đơn vị thanh toán, quyết toán kinh phí theo quy định hiện hành.

Chỉ đạo Công an tỉnh:

- Đấu tranh, phòng ngừa các hành vi sản xuất, buôn bán thực phẩm giả, thực phẩm kém chất
lượng trên địa bàn tỉnh.

- Phối hợp với Sở Y tế điều tra, xử lý các vụ ngộ độc thực phẩm có dấu hiệu tội phạm.

Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh:

- Tuyên truyền, vận động Nhân dân không sử dụng thực phẩm không rõ nguồn gốc, xuất xứ.

- Tham gia giám sát việc thực hiện chính sách, pháp luật về an toàn thực phẩm ở cơ sở.

Sở Giáo dục và Đào tạo:

- Chỉ đạo các trường học bảo đảm an toàn thực phẩm trong bếp ăn bán trú, chậm nhất ngày
15/8/2026 hoàn thành rà soát các bếp ăn.

**4. Ủy ban nhân dân các xã, phường**

Tổ chức kiểm tra an toàn thực phẩm đối với các cơ sở thuộc thẩm quyền quản lý trên địa bàn.

Phối hợp với Sở Y tế tổ chức truyền thông về an toàn thực phẩm tại cộng đồng dân cư.

Yêu cầu các sở, ban, ngành, Ủy ban nhân dân các xã, phường triển khai thực hiện nghiêm túc Kế
hoạch này. Định kỳ 6 tháng, báo cáo kết quả thực hiện về Sở Y tế để tổng hợp, báo cáo Ủy ban
nhân dân tỉnh.

Trên đây là Kế hoạch bảo đảm an toàn thực phẩm năm 2026 của tỉnh Lam Sơn; trong quá trình
thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành, địa phương kịp thời báo cáo Ủy ban nhân
dân tỉnh (qua Sở Y tế) để xem xét, giải quyết./.

**Nơi nhận:**
- Bộ Y tế;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN**
**CHỦ TỊCH**

**Hoàng Văn Bình**
"""


def _docx_from_markdown(path: Path, text: str) -> Path:
    """The same plan as a DOCX: one Word paragraph per markdown paragraph (wraps joined, bold
    marks dropped), the header as a two-column table."""
    import docx

    document = docx.Document()
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    header = [line for line in blocks[0].splitlines() if line.startswith("|")]
    table = document.add_table(rows=len(header), cols=2)
    for r, line in enumerate(header):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        for c, cell in enumerate(cells[:2]):
            table.cell(r, c).text = cell
    for block in blocks[1:]:
        for piece in re.split(r"\n(?=- |\*\*)", block):
            joined = " ".join(piece.replace("**", "").split())
            if joined:
                document.add_paragraph(joined)
    document.save(str(path))
    return path


@pytest.fixture(scope="module", params=["md", "docx"])
def plan(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Document:
    folder = tmp_path_factory.mktemp("duties-general")
    if request.param == "md":
        path = folder / "ke-hoach-214.md"
        path.write_text(PLAN, encoding="utf-8")
    else:
        path = _docx_from_markdown(folder / "ke-hoach-214.docx", PLAN)
    return parse(path)


def _duty(doc: Document, section: str | None, start: str) -> Duty:
    found = [d for d in doc.duties if d.section == section and d.text.startswith(start)]
    assert found, f"no duty at {section!r} starting {start!r}: " + repr(
        [(d.section, d.text[:50]) for d in doc.duties])
    return found[0]


def _roles(duty: Duty) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in duty.units if u.explicit}


# ---------------------------------------------------------------------------------------------
# Closing paragraphs
# ---------------------------------------------------------------------------------------------


def test_closing_paragraph_of_a_part_carries_the_part(plan: Document) -> None:
    """"Yêu cầu các sở, ban, ngành … Kế hoạch này" after the last item addresses the whole
    part: section ``III``, not ``III.4`` (GUIDELINES-real.md, [decided, kh179])."""
    duty = _duty(plan, "III", "Yêu cầu các sở, ban, ngành")
    assert {("sở, ban, ngành", "lead"), ("Ủy ban nhân dân xã, phường", "lead"),
            ("Sở Y tế", "report_to")} <= _roles(duty)
    assert duty.recurring == "6 tháng"
    assert not any(d.section == "III.4" and d.text.startswith("Yêu cầu") for d in plan.duties)


def test_document_closing_has_no_section(plan: Document) -> None:
    """"Trên đây là Kế hoạch …; trong quá trình thực hiện, nếu có khó khăn …" closes the
    document: section null, text from the charging sentence ([decided, kh165])."""
    duty = _duty(plan, None, "trong quá trình")
    assert {("Ủy ban nhân dân tỉnh", "report_to"), ("Sở Y tế", "report_to")} <= _roles(duty)
    # The unit of the last heading (Ủy ban nhân dân xã, phường) does not lead the closing.
    assert ("Ủy ban nhân dân xã, phường", "lead") not in _roles(duty)


def test_continuation_paragraph_keeps_the_item(plan: Document) -> None:
    """A paragraph with no subject of its own goes on with the item above it."""
    duty = _duty(plan, "III.4", "Phối hợp với Sở Y tế tổ chức truyền thông")
    assert ("Ủy ban nhân dân xã, phường", "lead") in _roles(duty)
    assert ("Sở Y tế", "cooperate") in _roles(duty)


def test_standalone_difficulties_paragraph_is_the_parts(tmp_path: Path) -> None:
    text = PLAN.replace(
        "Trên đây là Kế hoạch bảo đảm an toàn thực phẩm năm 2026 của tỉnh Lam Sơn; trong quá trình",
        "Trong quá trình")
    path = tmp_path / "kh.md"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    duty = _duty(doc, "III", "Trong quá trình")
    assert ("Sở Y tế", "report_to") in _roles(duty)


# ---------------------------------------------------------------------------------------------
# Lead-in lines and unit-headed sections
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "unit"), [
    ("Tham mưu bố trí kinh phí", "Sở Tài chính"),
    ("Hướng dẫn các cơ quan, đơn vị thanh toán", "Sở Tài chính"),
    ("Đấu tranh, phòng ngừa", "Công an tỉnh"),
    ("Tuyên truyền, vận động Nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Chỉ đạo các trường học", "Sở Giáo dục và Đào tạo"),
])
def test_lead_in_line_names_the_lead_of_its_bullets(plan: Document, start: str, unit: str) -> None:
    duty = _duty(plan, "III.3", start)
    assert (unit, "lead") in _roles(duty)


def test_bullet_naming_a_partner_keeps_the_lead_in_unit(plan: Document) -> None:
    duty = _duty(plan, "III.3", "Phối hợp với Sở Y tế điều tra")
    assert ("Công an tỉnh", "lead") in _roles(duty)
    assert ("Sở Y tế", "cooperate") in _roles(duty)
    assert ("Sở Y tế", "lead") not in _roles(duty)


def test_lead_in_line_is_not_a_duty(plan: Document) -> None:
    assert not any(d.text.rstrip(":") in ("Giao Sở Tài chính", "Chỉ đạo Công an tỉnh", "Sở Giáo dục và Đào tạo")
                   for d in plan.duties)


def test_lead_in_stops_at_the_next_lead_in(plan: Document) -> None:
    duty = _duty(plan, "III.3", "Đấu tranh, phòng ngừa")
    assert ("Sở Tài chính", "lead") not in _roles(duty)
    duty = _duty(plan, "III.3", "Tham gia giám sát")
    assert ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead") in _roles(duty)
    assert ("Công an tỉnh", "lead") not in _roles(duty)


def test_unit_heading_leads_its_items(plan: Document) -> None:
    first = _duty(plan, "III.1.a", "Chủ trì, phối hợp với Sở Công Thương")
    assert {("Sở Y tế", "lead"), ("Sở Công Thương", "cooperate")} <= _roles(first)
    report = _duty(plan, "III.1.c", "Tổng hợp, báo cáo")
    assert {("Sở Y tế", "lead"), ("Ủy ban nhân dân tỉnh", "report_to")} <= _roles(report)
    partner = _duty(plan, "III.2.b", "Phối hợp với Sở Y tế")
    assert ("Sở Nông nghiệp và Môi trường", "lead") in _roles(partner)
    assert ("Sở Y tế", "cooperate") in _roles(partner)


def test_item_naming_another_lead_overrides_the_heading(plan: Document) -> None:
    duty = _duty(plan, "III.1.b", "Sở Công Thương chủ trì")
    assert ("Sở Công Thương", "lead") in _roles(duty)
    assert ("Sở Y tế", "lead") not in _roles(duty)
    assert ("Sở Y tế", "cooperate") in _roles(duty)


def test_unit_heading_without_letters(plan: Document) -> None:
    duty = _duty(plan, "III.4", "Tổ chức kiểm tra an toàn thực phẩm")
    assert ("Ủy ban nhân dân xã, phường", "lead") in _roles(duty)


# ---------------------------------------------------------------------------------------------
# Deadlines in a plan
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("section", "start", "deadline", "recurring"), [
    ("II.1", "Tổ chức Tháng hành động", "2026-06-30", None),
    ("II.2", "Rà soát, cập nhật", "2026-01-31", None),
    ("II.3", "Kiểm tra việc chấp hành", None, "thường xuyên"),
    ("II.4", "Tổng kết công tác", "2026-12-31", None),  # a date wrapped after its slash
    ("III.1.a", "Chủ trì, phối hợp", "2026-01-30", None),
    ("III.1.c", "Tổng hợp, báo cáo", None, "hằng năm"),
    ("III.2.a", "Kiểm soát chất lượng", None, "6 tháng"),
    ("III.3", "Chỉ đạo các trường học", "2026-08-15", None),
])
def test_deadlines_in_the_plan(plan: Document, section: str, start: str, deadline: str | None,
                               recurring: str | None) -> None:
    duty = _duty(plan, section, start)
    assert (duty.deadline, duty.recurring) == (deadline, recurring)


def test_yearly_date_keeps_its_words(plan: Document) -> None:
    duty = _duty(plan, "III.1.c", "Tổng hợp, báo cáo")
    assert duty.deadline_text == "trước ngày 15/12"


# ---------------------------------------------------------------------------------------------
# Deadline forms, one sentence each
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Hoàn thành việc kiểm kê trong quý I/2026.", ("2026-03-31", None)),
    ("Hoàn thành việc kiểm kê trong Quý III năm 2026.", ("2026-09-30", None)),
    ("Báo cáo kết quả trước ngày 15/12 hằng năm.", (None, "hằng năm")),
    ("Gửi báo cáo trước ngày 15 tháng 6 hằng năm về Sở Nội vụ.", (None, "hằng năm")),
    ("Định kỳ 6 tháng báo cáo Ủy ban nhân dân tỉnh.", (None, "6 tháng")),
    ("Định kỳ 06 tháng, hằng năm tổng hợp kết quả.", (None, "6 tháng, hằng năm")),
    ("Ban hành quy chế phối hợp, hoàn thành trước 30/6/2026.", ("2026-06-30", None)),
    ("Tổ chức sơ kết việc thực hiện trong năm 2026.", ("2026-12-31", None)),
    ("Xây dựng đề án; thời gian thực hiện: năm 2027.", ("2027-12-31", None)),
    ("Đầu tư nâng cấp các trạm bơm; thời gian thực hiện: giai đoạn 2026 - 2030.", ("2030-12-31", None)),
    ("Rà soát danh mục thủ tục hành chính hằng năm.", (None, "hằng năm")),
    ("Thường xuyên kiểm tra, đôn đốc các địa phương.", (None, "thường xuyên")),
    ("Hoàn thành cập nhật dữ liệu trong tháng 01/2026.", ("2026-01-31", None)),
    ("Gửi dự thảo về Sở Tư pháp chậm nhất ngày 20/11/2026.", ("2026-11-20", None)),
    ("Gửi báo cáo chậm nhất ngày 10 tháng 3 năm 2026.", ("2026-03-10", None)),
    ("Gửi báo cáo tháng trước ngày 20 hằng tháng.", (None, "hằng tháng")),
    ("Hoàn thành trước ngày 31/12/ 2026.", ("2026-12-31", None)),
    ("Triển khai thí điểm tại 05 xã, hoàn thành trong 6 tháng đầu năm 2026.", ("2026-06-30", None)),
])
def test_deadline_forms(text: str, expected: tuple[str | None, str | None]) -> None:
    deadline, _words, recurring = find_deadline(text)
    assert (deadline, recurring) == expected


def test_monthly_day_keeps_its_words() -> None:
    assert find_deadline("Gửi báo cáo tháng trước ngày 20 hằng tháng.")[1] == "trước ngày 20"


def test_giai_doan_in_running_text_is_no_deadline() -> None:
    """A programme's period named in passing is not the duty's deadline (dev gold: kh182,
    qd2954 leave "… giai đoạn 2026 - 2030" without one)."""
    assert find_deadline("Lồng ghép vào Chương trình phát triển nông thôn giai đoạn 2026 - 2030.")[0] is None


@pytest.mark.parametrize(("cell", "expected"), [
    ("Quý I/\n2026", ("2026-03-31", None)),
    ("Trước 30/6/\n2026", ("2026-06-30", None)),
    ("Năm\n2027", ("2027-12-31", None)),
    ("Giai đoạn 2026 -\n2030", ("2030-12-31", None)),
    ("Hằng năm (trước ngày 15/12)", (None, "hằng năm")),
    ("Tháng 01/2026", ("2026-01-31", None)),
    ("Thường xuyên", (None, "thường xuyên")),
    ("Định kỳ 6 tháng", (None, "6 tháng")),
])
def test_time_cells_wrapped(cell: str, expected: tuple[str | None, str | None]) -> None:
    deadline, _words, recurring, _year = time_cell(" ".join(cell.split()))
    assert (deadline, recurring) == expected


# ---------------------------------------------------------------------------------------------
# An appendix table with wrapped cells, as the crawl flattens it
# ---------------------------------------------------------------------------------------------

APPENDIX = """KẾ HOẠCH

**I. NHIỆM VỤ**

1. Thực hiện các nhiệm vụ tại Phụ lục kèm theo.

**PHỤ LỤC**

DANH MỤC NHIỆM VỤ PHÒNG, CHỐNG THIÊN TAI NĂM 2026

|
**STT**
|
**Nội dung
nhiệm vụ**
|
**Cơ quan
chủ trì**
|
**Cơ quan
phối hợp**
|
**Thời gian
hoàn thành**
|
|
1
|
Rà soát, cập nhật phương án ứng phó với
bão, lũ theo cấp độ rủi ro thiên tai
|
Sở Nông nghiệp
và Môi trường
|
Bộ Chỉ huy Quân sự tỉnh; Công an
tỉnh
|
Quý I/
2026
|
|
2
|
Kiểm tra, gia cố hệ thống đê điều,
hồ chứa trước mùa mưa lũ
|
Ủy ban nhân dân
các xã, phường
|
Sở Nông nghiệp và Môi trường
|
Trước 30/6/
2026
|
|
3
|
Tổ chức diễn tập phòng chống thiên tai
và tìm kiếm cứu nạn
|
Bộ Chỉ huy Quân sự
tỉnh
|
Sở Y tế; Sở
|
Hằng năm
|
"""


@pytest.fixture(scope="module")
def appendix_doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("appendix"), APPENDIX, "phu-luc.md")


def _rows(doc: Document) -> dict[str, Duty]:
    return {d.section: d for d in doc.duties if d.section and d.section.startswith("PL")}


def test_wrapped_appendix_rows(appendix_doc: Document) -> None:
    rows = _rows(appendix_doc)
    assert set(rows) == {"PL1.1", "PL1.2", "PL1.3"}
    first = rows["PL1.1"]
    assert first.text.startswith("Rà soát, cập nhật phương án ứng phó với bão, lũ")
    assert {("Sở Nông nghiệp và Môi trường", "lead"), ("Bộ Chỉ huy Quân sự tỉnh", "cooperate"),
            ("Công an tỉnh", "cooperate")} <= _roles(first)
    assert first.deadline == "2026-03-31"
    assert rows["PL1.2"].deadline == "2026-06-30"
    assert ("Ủy ban nhân dân xã, phường", "lead") in _roles(rows["PL1.2"])
    assert rows["PL1.3"].recurring == "hằng năm"


def test_stray_token_in_a_unit_column_is_no_unit(appendix_doc: Document) -> None:
    """"Sở Y tế; Sở" (a name cut by the crawl): the lone "Sở" is not a unit."""
    row = _rows(appendix_doc)["PL1.3"]
    assert ("Sở Y tế", "cooperate") in _roles(row)
    assert not any(u.name in ("Sở", "sở") for u in row.units)
    assert ("Bộ Chỉ huy Quân sự tỉnh", "lead") in _roles(row)


def test_wrapped_appendix_rows_from_docx(tmp_path: Path) -> None:
    """The same table in a DOCX whose cells hold line breaks."""
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("I. NHIỆM VỤ")
    document.add_paragraph("1. Thực hiện các nhiệm vụ tại Phụ lục kèm theo.")
    document.add_paragraph("PHỤ LỤC")
    rows = [
        ["STT", "Nội dung\nnhiệm vụ", "Cơ quan\nchủ trì", "Cơ quan\nphối hợp", "Thời gian\nhoàn thành"],
        ["1", "Rà soát, cập nhật phương án ứng phó với\nbão, lũ theo cấp độ rủi ro thiên tai",
         "Sở Nông nghiệp\nvà Môi trường", "Bộ Chỉ huy Quân sự tỉnh;\nCông an tỉnh", "Quý I/\n2026"],
        ["2", "Kiểm tra, gia cố hệ thống đê điều,\nhồ chứa trước mùa mưa lũ",
         "Ủy ban nhân dân\ncác xã, phường", "Sở Nông nghiệp và Môi trường", "Trước 30/6/\n2026"],
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    path = tmp_path / "phu-luc.docx"
    document.save(str(path))
    found = _rows(parse(path))
    assert set(found) == {"PL1.1", "PL1.2"}
    assert ("Sở Nông nghiệp và Môi trường", "lead") in _roles(found["PL1.1"])
    assert found["PL1.1"].deadline == "2026-03-31"
    assert found["PL1.2"].deadline == "2026-06-30"
    assert ("Ủy ban nhân dân xã, phường", "lead") in _roles(found["PL1.2"])


# ---------------------------------------------------------------------------------------------
# More lead-in shapes: a unit line before plain paragraphs, a bold unit line with no colon, a
# bullet that names the unit for its "+" sub-bullets
# ---------------------------------------------------------------------------------------------

LEAD_INS = """KẾ HOẠCH

**Phòng, chống lụt bão năm 2026**

**I. MỤC ĐÍCH**

1. Chủ động ứng phó với thiên tai.

**II. TỔ CHỨC THỰC HIỆN**

**1. Trách nhiệm của các cơ quan cấp tỉnh**

Sở Xây dựng:

Rà soát hiện trạng các công trình nhà ở, trụ sở có nguy cơ mất an toàn trong mùa mưa bão.

Hướng dẫn các địa phương gia cố nhà ở cho hộ nghèo trước mùa mưa bão.

**Bộ Chỉ huy Quân sự tỉnh**

- Xây dựng phương án huy động lực lượng cứu hộ, cứu nạn theo cấp độ rủi ro thiên tai.

- Tổ chức diễn tập ứng phó thiên tai tại các xã ven biển.

**2. Trách nhiệm của các đơn vị khác**

- Sở Tài chính:

+ Tham mưu bố trí kinh phí dự phòng cho công tác phòng, chống thiên tai.

+ Hướng dẫn thủ tục tạm ứng kinh phí khắc phục hậu quả thiên tai.

- Sở Y tế:

+ Chuẩn bị cơ số thuốc, vật tư y tế phục vụ cấp cứu người bị nạn.

- Các xã, phường ven biển báo cáo thiệt hại về Sở Nông nghiệp và Môi trường để tổng hợp, báo cáo
Ủy ban nhân dân tỉnh.

- Các đơn vị báo cáo Ủy ban nhân dân tỉnh (qua Văn phòng Ủy ban nhân dân tỉnh) để chỉ đạo.
"""


@pytest.fixture(scope="module")
def lead_ins(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("lead-ins"), LEAD_INS, "ke-hoach-lu-bao.md")


@pytest.mark.parametrize(("section", "start", "unit"), [
    ("II.1", "Rà soát hiện trạng", "Sở Xây dựng"),
    ("II.1", "Hướng dẫn các địa phương gia cố", "Sở Xây dựng"),
    ("II.1", "Xây dựng phương án huy động", "Bộ Chỉ huy Quân sự tỉnh"),
    ("II.1", "Tổ chức diễn tập", "Bộ Chỉ huy Quân sự tỉnh"),
    ("II.2", "Tham mưu bố trí kinh phí dự phòng", "Sở Tài chính"),
    ("II.2", "Hướng dẫn thủ tục tạm ứng", "Sở Tài chính"),
    ("II.2", "Chuẩn bị cơ số thuốc", "Sở Y tế"),
])
def test_lead_in_shapes(lead_ins: Document, section: str, start: str, unit: str) -> None:
    assert (unit, "lead") in _roles(_duty(lead_ins, section, start))


def test_a_paragraph_with_its_own_subject_ends_the_lead_in(lead_ins: Document) -> None:
    duty = _duty(lead_ins, "II.1", "Tổ chức diễn tập")
    assert ("Sở Xây dựng", "lead") not in _roles(duty)
    duty = _duty(lead_ins, "II.2", "Chuẩn bị cơ số thuốc")
    assert ("Sở Tài chính", "lead") not in _roles(duty)


def test_the_body_reports_go_to_and_that_acts_on_them_leads(lead_ins: Document) -> None:
    """"báo cáo về Sở X để tổng hợp, báo cáo …": Sở X receives the reports and is charged with
    consolidating them (report_to and lead); "(qua Văn phòng …) để chỉ đạo": the office only
    passes the reports on (report_to)."""
    duty = _duty(lead_ins, "II.2", "Các xã, phường ven biển")
    assert {("Sở Nông nghiệp và Môi trường", "report_to"),
            ("Sở Nông nghiệp và Môi trường", "lead")} <= _roles(duty)
    duty = _duty(lead_ins, "II.2", "Các đơn vị báo cáo")
    assert ("Văn phòng Ủy ban nhân dân tỉnh", "report_to") in _roles(duty)
    assert ("Văn phòng Ủy ban nhân dân tỉnh", "lead") not in _roles(duty)
    assert ("Sở Y tế", "lead") not in _roles(duty)


@pytest.mark.parametrize(("text", "expected"), [
    ("Xây dựng quy chế phối hợp. Thời gian hoàn thành: tháng 9/2026.", ("2026-09-30", None)),
    ("Tổ chức hội nghị triển khai (tháng 3/2026).", ("2026-03-31", None)),
    ("Ban hành hướng dẫn. Thời hạn: ngày 30/9/2026.", ("2026-09-30", None)),
    ("Tổ chức tổng kết (năm 2027).", ("2027-12-31", None)),
])
def test_more_deadline_forms(text: str, expected: tuple[str | None, str | None]) -> None:
    deadline, _words, recurring = find_deadline(text)
    assert (deadline, recurring) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("Đến 2030", "2030-12-31"), ("Trước 2027", "2027-12-31"), ("Từ năm 2026", None),
])
def test_time_cells_with_a_single_year(cell: str, expected: str | None) -> None:
    assert time_cell(cell)[0] == expected


# ---------------------------------------------------------------------------------------------
# Which closing paragraphs address the part, and which are an item's own content
# ---------------------------------------------------------------------------------------------

CLOSINGS = """KẾ HOẠCH

**Tiêm chủng mở rộng năm 2026**

**I. MỤC ĐÍCH**

1. Bảo đảm tỷ lệ tiêm chủng đầy đủ cho trẻ em.

**II. TỔ CHỨC THỰC HIỆN**

**1. Sở Y tế**

Chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.

**2. Chế độ báo cáo**

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Sở Y tế để tổng hợp.

**3. Sở Tài chính**

Bố trí kinh phí mua vắc xin theo phân cấp ngân sách.

Căn cứ Kế hoạch này, các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố xây dựng kế hoạch
cụ thể, gửi về Sở Y tế trước ngày 31/01/2026.

**III. KINH PHÍ**

1. Ngân sách tỉnh bảo đảm theo phân cấp.
"""


@pytest.fixture(scope="module")
def closings(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("closings"), CLOSINGS, "ke-hoach-tiem-chung.md")


def test_an_items_own_content_stays_with_the_item(closings: Document) -> None:
    """The first paragraph under "2. Chế độ báo cáo" is that item's content, whatever it says."""
    duty = _duty(closings, "II.2", "Trong quá trình thực hiện")
    assert {("Sở Y tế", "report_to"), ("Sở Y tế", "lead")} <= _roles(duty)


def test_a_plan_wide_paragraph_after_the_last_item_is_the_parts(closings: Document) -> None:
    """"Căn cứ Kế hoạch này, các sở, ban, ngành …" after the last item, before the next part,
    speaks to everyone: section ``II``."""
    duty = _duty(closings, "II", "Căn cứ Kế hoạch này")
    assert {("sở, ban, ngành", "lead"), ("Ủy ban nhân dân huyện, thành phố", "lead")} <= _roles(duty)
    assert ("Sở Tài chính", "lead") not in _roles(duty)
    assert duty.deadline == "2026-01-31"


# ---------------------------------------------------------------------------------------------
# A two-row header whose spanning cell stands in the middle ("Cơ quan thực hiện" over "Chủ trì"
# and "Phối hợp", then "Thời gian" merged down)
# ---------------------------------------------------------------------------------------------

SPANNING = """KẾ HOẠCH

**I. NHIỆM VỤ**

1. Thực hiện các nhiệm vụ tại Phụ lục.

**PHỤ LỤC**

| STT | Nhiệm vụ | Cơ quan thực hiện | Thời gian hoàn thành |
| Chủ trì | Phối hợp |
| 1 | Xây dựng cơ sở dữ liệu đất đai cấp xã | Sở Nông nghiệp và Môi trường | Sở Tài chính | Quý III/2026 |
| 2 | Đào tạo kỹ năng số cho cán bộ cấp xã | Sở Nội vụ | Sở Khoa học và Công nghệ | Năm 2027 |
"""


def test_middle_spanning_header_from_pipes(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc-span.md"
    path.write_text(SPANNING, encoding="utf-8")
    rows = _rows(parse(path))
    assert set(rows) == {"PL1.1", "PL1.2"}
    assert {("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "cooperate")} <= _roles(rows["PL1.1"])
    assert rows["PL1.1"].deadline == "2026-09-30"
    assert {("Sở Nội vụ", "lead"), ("Sở Khoa học và Công nghệ", "cooperate")} <= _roles(rows["PL1.2"])
    assert rows["PL1.2"].deadline == "2027-12-31"


def test_middle_spanning_header_from_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("I. NHIỆM VỤ")
    document.add_paragraph("1. Thực hiện các nhiệm vụ tại Phụ lục.")
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=4, cols=5)
    top = table.rows[0].cells
    top[0].text, top[1].text, top[2].text, top[4].text = "STT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời gian hoàn thành"
    top[2].merge(top[3])
    for j in (0, 1, 4):
        table.cell(0, j).merge(table.cell(1, j))
    table.cell(1, 2).text, table.cell(1, 3).text = "Chủ trì", "Phối hợp"
    for r, row in enumerate([
            ["1", "Xây dựng cơ sở dữ liệu đất đai cấp xã", "Sở Nông nghiệp và Môi trường", "Sở Tài chính",
             "Quý III/2026"],
            ["2", "Đào tạo kỹ năng số cho cán bộ cấp xã", "Sở Nội vụ", "Sở Khoa học và Công nghệ", "Năm 2027"]],
            start=2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "phu-luc-span.docx"
    document.save(str(path))
    rows = _rows(parse(path))
    assert set(rows) == {"PL1.1", "PL1.2"}
    assert {("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "cooperate")} <= _roles(rows["PL1.1"])
    assert rows["PL1.2"].deadline == "2027-12-31"


# ---------------------------------------------------------------------------------------------
# Labelled fields under a task: "Cơ quan chủ trì: …", "Cơ quan phối hợp: …", "Thời gian hoàn
# thành: …", "Sản phẩm: …" (a table written out as lines)
# ---------------------------------------------------------------------------------------------

FIELDS = """KẾ HOẠCH

**Chuyển đổi số trong quản lý đất đai năm 2026**

**I. MỤC ĐÍCH**

1. Hiện đại hóa công tác quản lý đất đai.

**II. NHIỆM VỤ CỤ THỂ**

**1. Xây dựng cơ sở dữ liệu đất đai cấp xã**

- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.

- Cơ quan phối hợp: Sở Tài chính; Ủy ban nhân dân các xã, phường.

- Thời gian hoàn thành: Quý IV/2026.

- Sản phẩm: Cơ sở dữ liệu đất đai được vận hành.

**2.** Tổ chức tập huấn kỹ năng số cho cán bộ, công chức làm công tác đất đai cấp xã.

Chủ trì: Sở Nội vụ; phối hợp: Sở Khoa học và Công nghệ. Thời gian thực hiện: hằng năm.
"""


@pytest.fixture(scope="module")
def fields(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("fields"), FIELDS, "ke-hoach-dat-dai.md")


def test_labelled_fields_complete_their_task(fields: Document) -> None:
    duties = [d for d in fields.duties if d.section == "II.1"]
    assert len(duties) == 1, [d.text for d in duties]
    duty = duties[0]
    assert duty.text.startswith("Xây dựng cơ sở dữ liệu đất đai cấp xã")
    assert {("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "cooperate"),
            ("Ủy ban nhân dân xã, phường", "cooperate")} <= _roles(duty)
    assert ("Sở Tài chính", "lead") not in _roles(duty)
    assert duty.deadline == "2026-12-31"
    assert duty.product == "Cơ sở dữ liệu đất đai được vận hành"


def test_labelled_fields_on_one_line(fields: Document) -> None:
    duties = [d for d in fields.duties if d.section == "II.2"]
    assert len(duties) == 1, [d.text for d in duties]
    duty = duties[0]
    assert duty.text.startswith("Tổ chức tập huấn kỹ năng số")
    assert {("Sở Nội vụ", "lead"), ("Sở Khoa học và Công nghệ", "cooperate")} <= _roles(duty)
    assert ("Sở Khoa học và Công nghệ", "lead") not in _roles(duty)
    assert duty.recurring == "hằng năm"


@pytest.mark.parametrize("text", [
    "Nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Sở Y tế để tổng hợp, báo cáo.",
    "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành, địa phương nghiêm túc triển khai Kế hoạch này.",
    "Quá trình triển khai thực hiện nếu phát sinh vướng mắc, các đơn vị kịp thời báo cáo.",
])
def test_part_closing_openings(text: str) -> None:
    from chinhsach.structure.outline import closing_kind

    assert closing_kind(text) == "part"


def test_a_collective_heading_with_its_remit_leads(tmp_path: Path) -> None:
    """"3. Các sở, ban, ngành theo chức năng, nhiệm vụ được giao": the remit does not make the
    heading a topic; the collective leads the items under it."""
    path = tmp_path / "kh.md"
    path.write_text(
        "KẾ HOẠCH\n\n**I. MỤC ĐÍCH**\n\n1. Bảo đảm an toàn.\n\n**II. TỔ CHỨC THỰC HIỆN**\n\n"
        "**1. Các sở, ban, ngành tỉnh theo chức năng, nhiệm vụ được giao**\n\n"
        "Chủ động rà soát, bổ sung các nhiệm vụ vào kế hoạch công tác năm 2026.\n", encoding="utf-8")
    duty = _duty(parse(path), "II.1", "Chủ động rà soát")
    assert any(role == "lead" and name.startswith("sở, ban, ngành") for name, role in _roles(duty))


def test_a_line_wrapped_before_a_year_range_stays_in_its_paragraph(tmp_path: Path) -> None:
    """"… giai đoạn⏎2026 - 2030; …": a year range at a line start is no item marker, so the
    bullet stays one duty and keeps its yearly recurrence."""
    path = tmp_path / "kh.md"
    path.write_text(
        "KẾ HOẠCH\n\n**I. MỤC ĐÍCH**\n\n1. Bảo đảm nguồn lực.\n\n**II. NHIỆM VỤ**\n\n"
        "**1. Sở Tài chính**\n\n- Tham mưu bố trí vốn đầu tư công trung hạn cho Chương trình giai đoạn\n"
        "2026 - 2030; dự toán ngân sách hằng năm cho các dự án thành phần.\n", encoding="utf-8")
    duties = [d for d in parse(path).duties if d.section == "II.1"]
    assert len(duties) == 1, [d.text for d in duties]
    assert duties[0].recurring == "hằng năm"
    assert ("Sở Tài chính", "lead") in _roles(duties[0])


def test_more_field_labels(tmp_path: Path) -> None:
    """"Đơn vị chủ trì thực hiện:", "Trách nhiệm thực hiện:", "Thời gian: Thường xuyên",
    "Kinh phí: …" (kept off the units) complete the task above them."""
    path = tmp_path / "kh.md"
    path.write_text(
        "KẾ HOẠCH\n\n**I. MỤC ĐÍCH**\n\n1. Bảo đảm nguồn lực.\n\n**II. NHIỆM VỤ**\n\n"
        "**1. Kiểm tra chất lượng nước sinh hoạt tại các trạm cấp nước nông thôn**\n\n"
        "- Đơn vị chủ trì thực hiện: Sở Y tế.\n\n- Đơn vị phối hợp: Sở Xây dựng.\n\n"
        "- Thời gian: Thường xuyên.\n\n- Kinh phí: Ngân sách tỉnh.\n\n"
        "**2. Tuyên truyền về sử dụng nước sạch**\n\n- Trách nhiệm thực hiện: Sở Văn hóa, Thể thao và Du lịch.\n",
        encoding="utf-8")
    doc = parse(path)
    first = [d for d in doc.duties if d.section == "II.1"]
    assert len(first) == 1, [d.text for d in first]
    assert {("Sở Y tế", "lead"), ("Sở Xây dựng", "cooperate")} <= _roles(first[0])
    assert first[0].recurring == "thường xuyên"
    second = [d for d in doc.duties if d.section == "II.2"]
    assert len(second) == 1 and ("Sở Văn hóa, Thể thao và Du lịch", "lead") in _roles(second[0])


# ---------------------------------------------------------------------------------------------
# A markdown table whose wrapped cells went on as a second row with no STT
# ---------------------------------------------------------------------------------------------

ROW_WRAPS = """KẾ HOẠCH

**I. NHIỆM VỤ**

1. Thực hiện các nhiệm vụ tại Phụ lục.

**PHỤ LỤC**

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| 1 | Rà soát phương án ứng phó với | Sở Nông nghiệp và | Sở Tài chính | Quý I/ |
| | bão, lũ theo cấp độ rủi ro | Môi trường | | 2026 |
| 2 | Diễn tập phòng chống thiên tai | Bộ Chỉ huy Quân sự tỉnh | Công an tỉnh | Hằng năm |
"""


def test_wrapped_row_continues_its_row(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc-wrap.md"
    path.write_text(ROW_WRAPS, encoding="utf-8")
    rows = _rows(parse(path))
    assert set(rows) == {"PL1.1", "PL1.2"}
    first = rows["PL1.1"]
    assert first.text == "Rà soát phương án ứng phó với bão, lũ theo cấp độ rủi ro"
    assert ("Sở Nông nghiệp và Môi trường", "lead") in _roles(first)
    assert first.deadline == "2026-03-31"
    assert rows["PL1.2"].recurring == "hằng năm"


@pytest.mark.parametrize(("text", "expected"), [
    ("Tổ chức hội nghị tổng kết vào tháng 12/2026.", "2026-12-31"),
    ("Tổ chức diễn tập vào ngày 15/5/2026.", "2026-05-15"),
    ("Tổ chức Ngày hội việc làm, dự kiến tháng 8/2026.", "2026-08-31"),
])
def test_scheduled_dates(text: str, expected: str) -> None:
    assert find_deadline(text)[0] == expected


@pytest.mark.parametrize(("text", "iso"), [
    ("Báo cáo kết quả đến hết ngày 31/12/2025.", "2025-12-31"),
    ("Gửi báo cáo chậm nhất là ngày 30/9/2025.", "2025-09-30"),
    ("Xây dựng quy chế phối hợp. Thời hạn hoàn thành: 30/6/2026.", "2026-06-30"),
    ("Rà soát danh mục thủ tục (15/10/2026).", "2026-10-15"),
])
def test_deadline_forms_with_a_full_date(text: str, iso: str) -> None:
    assert find_deadline(text)[0] == iso


@pytest.mark.parametrize("text", ["Thời gian: 2/3 số xã đạt chuẩn.", "Hỗ trợ (2/3 số hộ) chuyển đổi."])
def test_a_fraction_after_a_label_is_no_date(text: str) -> None:
    assert find_deadline(text)[0] is None


def test_a_unit_acting_as_subject_is_charged_in_any_part(tmp_path: Path) -> None:
    """"Ủy ban nhân dân cấp xã quyết định khen thưởng …" in a part on rewards (kh157 IV.2.a's
    shape, made-up words): a numbered item whose sentence has a unit acting as its subject is a
    duty of that unit, though the part is neither tasks nor organisation and no charging word
    is printed. A preamble sentence of the issuer ("Ủy ban nhân dân tỉnh ban hành Kế hoạch …")
    is not."""
    path = tmp_path / "ke-hoach-khen-thuong.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH LAM SƠN\nSố: 15/KH-UBND\nLam Sơn, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\n"
        "Phong trào thi đua chuyển đổi số năm 2026\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch phong trào thi đua như sau:\n"
        "I. KHEN THƯỞNG\n1. Cấp tỉnh\n"
        "a) Chủ tịch Ủy ban nhân dân tỉnh xem xét tặng Bằng khen cho tập thể có thành tích xuất sắc.\n"
        "2. Cấp xã\n"
        "a) Căn cứ kết quả chấm điểm, Ủy ban nhân dân cấp xã quyết định khen thưởng cho tập thể, cá nhân.\n"
        "b) Kinh phí khen thưởng thực hiện theo quy định.\n",
        encoding="utf-8")
    doc = parse(path)
    leads = {d.section: [u.name for u in d.units if u.role == "lead"] for d in doc.duties}
    assert leads.get("I.1.a") == ["Chủ tịch Ủy ban nhân dân tỉnh"]
    assert leads.get("I.2.a") == ["Ủy ban nhân dân cấp xã"]
    assert "I.2.b" not in leads and None not in leads


# ---------------------------------------------------------------------------------------------
# An item under a unit heading whose own subject is another unit
# ---------------------------------------------------------------------------------------------

DIRECTED = """KẾ HOẠCH

**Chi trả trợ cấp qua tài khoản năm 2026**

**I. TỔ CHỨC THỰC HIỆN**

**1. Kho bạc Nhà nước khu vực XX**

a) Chỉ đạo các ngân hàng thương mại trên địa bàn phối hợp với Sở Y tế triển khai Kế hoạch, cụ
thể như sau:

- Các ngân hàng thương mại phối hợp với Sở Y tế tuyên truyền về dịch vụ thanh toán;

- Hướng dẫn Ủy ban nhân dân xã, phường lập danh sách người nhận trợ cấp.

b) Phối hợp với Sở Tài chính bố trí kinh phí chi trả.
"""


def test_an_item_that_names_its_own_subject_is_that_units(tmp_path: Path) -> None:
    """GUIDELINES-real.md, unit-headed sections: the heading's unit leads each item "unless the
    item names another lead". A bullet that opens with another body ("- Các ngân hàng thương mại
    phối hợp …") is that body's, as both independent golds of kh157 V.3.a read it; a bullet
    that names nobody, and an item that says "Phối hợp với X", stay the heading unit's."""
    path = tmp_path / "ke-hoach-chi-tra.md"
    path.write_text(DIRECTED, encoding="utf-8")
    doc = parse(path)
    head = "Kho bạc Nhà nước khu vực XX"
    banks = _duty(doc, "I.1.a", "Các ngân hàng thương mại")
    assert ("ngân hàng thương mại", "lead") in _roles(banks)
    assert (head, "lead") not in _roles(banks)
    assert (head, "lead") in _roles(_duty(doc, "I.1.a", "Hướng dẫn"))
    assert {(head, "lead"), ("Sở Tài chính", "cooperate")} <= _roles(_duty(doc, "I.1.b", "Phối hợp"))


def test_every_unit_of_a_heading_monitors_what_the_item_monitors(tmp_path: Path) -> None:
    """"16. Mặt trận Tổ quốc tỉnh và các tổ chức chính trị - xã hội" over "Phát huy vai trò …,
    giám sát triển khai Kế hoạch": both bodies lead and both monitor (both golds of kh144 VI.16);
    before, the first one alone was given the monitoring."""
    path = tmp_path / "ke-hoach-giam-sat.md"
    path.write_text("KẾ HOẠCH\n\n**I. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở Y tế**\n\nChủ trì triển khai Kế hoạch.\n\n"
                    "**2. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh**\n\n"
                    "Phát huy vai trò tuyên truyền, vận động Nhân dân, giám sát việc triển khai Kế hoạch.\n",
                    encoding="utf-8")
    roles = _roles(_duty(parse(path), "I.2", "Phát huy vai trò"))
    front, unions = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "tổ chức chính trị - xã hội tỉnh"
    assert {(front, "lead"), (front, "monitor"), (unions, "lead"), (unions, "monitor")} <= roles


def test_a_unit_heading_with_a_restriction_of_place(tmp_path: Path) -> None:
    """"13. Báo … tỉnh và các cơ quan báo chí đóng trên địa bàn" is a unit heading: the place
    restriction is no topic word (kh144 VI.13, adjudicated gold)."""
    path = tmp_path / "ke-hoach-bao-chi.md"
    path.write_text("KẾ HOẠCH\n\n**I. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở Y tế**\n\nChủ trì triển khai Kế hoạch.\n\n"
                    "**2. Đài Phát thanh và Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn**\n\n"
                    "Chủ trì, phối hợp với Sở Y tế tuyên truyền về an toàn thực phẩm.\n", encoding="utf-8")
    roles = _roles(_duty(parse(path), "I.2", "Chủ trì"))
    assert ("cơ quan báo chí", "lead") in roles


# "b) … các dự án thành phần …, gồm:" over "- Dự án 1: …": numbered titles; "… trình HĐND tỉnh
# quyết định:" over "- Phương án …", "- Mức vốn …": what is to be decided (kh182 III.2.1.a).
LISTED_TITLES = ("a) Chủ trì, phối hợp với các sở, ngành triển khai các nhiệm vụ được giao tại các dự án "
                 "thành phần của Chương trình theo hướng dẫn của Bộ Y tế, gồm:\n\n"
                 "- Dự án 1: Nâng cao năng lực y tế cơ sở.\n\n- Dự án 3: Phát triển y tế dự phòng.\n\n")
LISTED_OBJECTS = ("a) Tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh quyết định:\n\n"
                  "- Phương án phân bổ vốn đầu tư công trung hạn và hằng năm thực hiện Chương trình;\n\n"
                  "- Mức vốn đối ứng từ ngân sách địa phương.\n\n")


@pytest.mark.parametrize(("items", "last", "recurring"), [
    (LISTED_TITLES, "Dự án 3", None), (LISTED_OBJECTS, "Mức vốn đối ứng", "hằng năm")])
def test_a_list_completes_the_duty_that_announces_it(tmp_path: Path, items: str, last: str,
                                                     recurring: str | None) -> None:
    """GUIDELINES-real.md, list completion (adjudicated in session 10): titles and objects under an
    item ending in ":" are that item's one duty, with the time they carry; the next item with its
    own verb is a duty again, the heading's unit its lead."""
    path = tmp_path / "ke-hoach-danh-sach.md"
    path.write_text("KẾ HOẠCH\n\n**I. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở Y tế**\n\n" + items
                    + "b) Rà soát, đánh giá kết quả thực hiện.\n", encoding="utf-8")
    doc = parse(path)
    listed = [d for d in doc.duties if d.section == "I.1.a"]
    assert len(listed) == 1 and last in listed[0].text
    assert listed[0].recurring == recurring
    assert ("Sở Y tế", "lead") in _roles(_duty(doc, "I.1.b", "Rà soát"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Sở Tư pháp báo cáo Ủy ban nhân dân tỉnh đề xuất Bộ Tư pháp, Chính phủ xem xét sửa đổi.",
     {("Ủy ban nhân dân tỉnh", "report_to"), ("Bộ Tư pháp", "report_to"), ("Chính phủ", "report_to")}),
    ("Sở Công Thương kịp thời kiến nghị Bộ Công Thương bổ sung quy định.", {("Bộ Công Thương", "report_to")}),
    ("Chủ tịch Ủy ban nhân dân xã chịu trách nhiệm trực tiếp trước Chủ tịch Ủy ban nhân dân tỉnh về kết quả.",
     {("Chủ tịch Ủy ban nhân dân tỉnh", "report_to")}),
])
def test_every_addressee_of_a_chain_of_advice_receives_it(text: str, expected: set) -> None:
    """GUIDELINES-real.md (adjudicated in session 10; both golds of kh153 IV.1.b, III.2.d)."""
    from chinhsach.extract.duties import roles_in_text

    assert expected <= {(u.name, u.role) for u in roles_in_text(text)}


def test_one_name_per_body_covers_table_rows(tmp_path: Path) -> None:
    """A table row's "UBND cấp xã" takes the spelling the text gives the same committees (kh144
    PL1.I.2, adjudicated gold): table rows are read after the text's duties."""
    path = tmp_path / "ke-hoach-bang.md"
    path.write_text("KẾ HOẠCH\n\n**I. NHIỆM VỤ**\n\n1. Ủy ban nhân dân các xã, phường chủ trì rà soát hồ sơ.\n\n"
                    "**PHỤ LỤC**\n\n| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n"
                    "| 1 | Công bố dữ liệu mở của địa phương | UBND cấp xã | Năm 2026 |\n", encoding="utf-8")
    row = _duty(parse(path), "PL1.1", "Công bố")
    assert ("Ủy ban nhân dân xã, phường", "lead") in _roles(row)


def test_a_numbered_charge_heading_keeps_its_partners_partners(tmp_path: Path) -> None:
    """"1. Bộ X chủ trì, phối hợp với các bộ, ngành liên quan" over lettered points (a Prime
    Minister's telegram of s17, cd119: three such headings, ten points): the partners cooperate
    in every point below, as the same sentence run into an item's own text says; before, a
    heading made every unit it named lead, so the partners led ten points."""
    path = tmp_path / "chi-thi-phoi-hop.md"
    path.write_text("CHỈ THỊ\n\nVề tăng cường quản lý chợ đầu mối\n\nĐể tăng cường quản lý, yêu cầu:\n\n"
                    "1. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các bộ, ngành liên quan\n\n"
                    "a) Rà soát quy hoạch mạng lưới chợ đầu mối nông sản.\n\n"
                    "b) Hướng dẫn địa phương kiểm soát nguồn gốc hàng hóa tại chợ.\n\n"
                    "2. Bộ Y tế chủ trì, phối hợp với Bộ Công Thương\n\n"
                    "a) Kiểm tra an toàn thực phẩm tại các chợ đầu mối.\n\n"
                    "b) Tổng hợp kết quả gửi Thủ tướng Chính phủ.\n", encoding="utf-8")
    doc = parse(path)
    for point in ("1.a", "1.b"):
        roles = _roles(_duty(doc, point, ""))
        assert ("Bộ Nông nghiệp và Môi trường", "lead") in roles
        assert ("bộ, ngành", "cooperate") in roles and ("bộ, ngành", "lead") not in roles
    roles = _roles(_duty(doc, "2.b", "Tổng hợp"))
    assert {("Bộ Y tế", "lead"), ("Bộ Công Thương", "cooperate")} <= roles
    assert ("Bộ Công Thương", "lead") not in roles


def test_the_issuer_asking_without_read_addressees_charges_itself_with_nothing(tmp_path: Path) -> None:
    """"Để …, Thủ tướng Chính phủ yêu cầu:" over numbered charges, in a telegram whose addressees
    stand on a "… điện:" line rather than "Kính gửi" (s17 held-out cd119): the issuer speaks to
    the addressees; before, the paragraph gave the issuer a section-less duty of its own."""
    path = tmp_path / "cong-dien.md"
    path.write_text("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 42/CĐ-TTg\n\nCÔNG ĐIỆN\n\nVề phòng chống dịch bệnh trên cây trồng\n\n"
                    "Thời gian qua, dịch bệnh trên cây lúa lan rộng ở nhiều vùng. Để chủ động ngăn chặn, "
                    "Thủ tướng Chính phủ yêu cầu:\n\n"
                    "1. Bộ Nông nghiệp và Môi trường hướng dẫn các địa phương phun thuốc phòng trừ.\n\n"
                    "2. Bộ Tài chính bố trí kinh phí hỗ trợ người trồng lúa.\n", encoding="utf-8")
    doc = parse(path)
    assert doc.meta.issuer == "Thủ tướng Chính phủ"
    assert not [d for d in doc.duties if any(u.name == "Thủ tướng Chính phủ" for u in d.units)]
    assert ("Bộ Tài chính", "lead") in _roles(_duty(doc, "2", "Bộ Tài chính"))


def test_a_later_items_time_field_leaves_a_phase_with_its_own_dates(tmp_path: Path) -> None:
    """"* Thời gian thực hiện:" over "+ Đợt 1: từ ngày … đến ngày …" lines, then the next item
    with its own time field (a commune Front's monitoring plan of s17, its III.2 and III.3): the
    next item's field reaches back only over siblings that print no time; before, it overwrote
    each phase's own last day."""
    path = tmp_path / "ke-hoach-kiem-tra.md"
    path.write_text("KẾ HOẠCH\n\nKiểm tra công tác phòng cháy năm 2026\n\nI. NỘI DUNG KIỂM TRA\n\n"
                    "1. Kiểm tra hồ sơ phòng cháy của các chợ\n\n- Kiểm tra sổ theo dõi phương tiện chữa cháy.\n\n"
                    "* Thời gian thực hiện:\n\n+ Đợt 1: Từ ngày 05/01/2026 đến ngày 16/01/2026.\n\n"
                    "+ Đợt 2: Từ ngày 04/05/2026 đến ngày 15/05/2026.\n\n"
                    "2. Kiểm tra lối thoát nạn tại các trường học\n\n- Kiểm tra biển chỉ dẫn thoát nạn.\n\n"
                    "* Thời gian thực hiện: Từ ngày 01/6/2026 đến ngày 30/6/2026.\n", encoding="utf-8")
    doc = parse(path)
    assert _duty(doc, "I.2", "Kiểm tra biển").deadline == "2026-06-30"
    assert "2026-01-16" in {d.deadline for d in doc.duties if d.section == "I.1"}
    assert "2026-06-30" not in {d.deadline for d in doc.duties if d.section == "I.1"}


def test_requirement_lines_of_a_field_item_are_its_one_duty(tmp_path: Path) -> None:
    """"1.1. Biên soạn …" then dash lines that state requirements ("- Bảo đảm …", "- Các … phải
    …"), then the labelled fields: the item is one duty, read like a table row; a dash line with
    its own time or its own partner stays a duty of its own ([decided, s13 adj]; [decided, s18
    fixAK]: the s17 dev kh16-mttq blind gold, one duty for each such item; the system gave two
    or three)."""
    path = tmp_path / "ke-hoach-truyen-thong.md"
    path.write_text(
        "KẾ HOẠCH\n\nTruyền thông về chuyển đổi số năm 2026\n\nI. NHIỆM VỤ CỤ THỂ\n\n"
        "1. Xây dựng tài liệu\n\n"
        "1.1. Biên soạn bộ tài liệu hỏi đáp về dịch vụ công trực tuyến cho người dân.\n\n"
        "- Bảo đảm ngắn gọn, dễ hiểu, phù hợp với người cao tuổi.\n\n"
        "- Các tài liệu phải được rà soát về nội dung trước khi in.\n\n"
        "- Thời gian hoàn thành: Tháng 3/2026.\n\n"
        "- Đơn vị chủ trì: Phòng Văn hóa - Xã hội\n\n"
        "- Đơn vị phối hợp: Đoàn Thanh niên xã.\n\n"
        "1.2. Tổ chức hội thi tìm hiểu về chuyển đổi số.\n\n"
        "- Phối hợp với Hội Liên hiệp Phụ nữ xã vận động hội viên tham gia.\n\n"
        "- Thời gian hoàn thành: Tháng 6/2026.\n\n"
        "- Đơn vị chủ trì: Phòng Văn hóa - Xã hội\n", encoding="utf-8")
    doc = parse(path)
    first = [d for d in doc.duties if d.section == "I.1.1"]
    assert len(first) == 1 and first[0].text.startswith("Biên soạn")
    assert first[0].deadline == "2026-03-31"
    assert len([d for d in doc.duties if d.section == "I.1.2"]) == 2
