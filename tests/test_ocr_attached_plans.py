"""OCR'd decisions and letters with attached plans and duty tables (session 17, fixY3).

Invented wording throughout; the layouts are those of the s17 development scans: a ministry's
decision whose attached plan's type line lost its accents ("KE HOẠCH", qd2439-btc-2022), an
article marker behind a stray OCR glyph ("„ Điều 1."), a Roman part read "IL." in a plan whose
parts are in sentence case, and a letter sending a draft decision whose type line reads "QUYÉT
ĐỊNH" (cv1457-bkhdt-2019).
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.text.docnumber import title_type

DECISION = """BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 915/QĐ-BXD Hà Nội, ngày 12 tháng 5 năm 2023

QUYẾT ĐỊNH
Ban hành Kế hoạch nâng cao chất lượng vật liệu xây dựng đến năm 2026

BỘ TRƯỞNG BỘ XÂY DỰNG
Căn cứ Nghị định số 52/2022/NĐ-CP ngày 08/8/2022 của Chính phủ;
QUYẾT ĐỊNH:
„ Điều 1. Ban hành kèm theo Quyết định này Kế hoạch nâng cao chất lượng vật liệu xây dựng đến năm 2026.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Vật liệu xây dựng chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT, VLXD.

Trần Văn Bình

--- PAGE BREAK ---

BO XAY DUNG CONG HOA XA HOI CHU NGHIA VIET NAM
Độc lập - Tự do - Hạnh phúc

KE HOẠCH
NÂNG CAO CHẤT LƯỢNG VẬT LIỆU XÂY DỰNG ĐẾN NĂM 2026
(Kèm theo Quyết định số 915/QĐ-BXD ngày 12 tháng 5 năm 2023 của Bộ Xây dựng)

A. MỤC TIÊU

I. Về tiêu chuẩn vật liệu
Tỷ lệ sản phẩm vật liệu được chứng nhận hợp quy đạt tối thiểu 90%.

IL. Về kiểm định chất lượng
Tỷ lệ phòng thí nghiệm đạt chuẩn quốc gia đạt tối thiểu 75%.

B. TỔ CHỨC THỰC HIỆN
1. Vụ Vật liệu xây dựng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này.
"""


def test_type_line_without_accents_keeps_the_types_spelling() -> None:
    # Before: the printed words were returned ("Ke hoạch", "Quyét định"), which no attached
    # prefix or announced type matched.
    assert title_type("KE HOẠCH") == "Kế hoạch"
    assert title_type("QUYÉT ĐỊNH") == "Quyết định"
    assert title_type("QUYET ĐỊNH PHÊ DUYỆT ĐỀ ÁN") == "Quyết định"
    assert title_type("CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện") == "Chương trình hành động"


def test_attached_plan_found_behind_ocr_glyphs(tmp_path: Path) -> None:
    # Before: "„ Điều 1." stayed in the preamble and "KE HOẠCH" was no type line, so the plan was
    # read as the signature's lines: no target, no duty of it.
    doc = parse_text(tmp_path, DECISION)
    assert doc.meta.type == "Quyết định"
    assert [a["type"] for a in doc.meta.attached] == ["Kế hoạch"]
    sections = {s.id for s in doc.sections}
    assert {"KH.A", "KH.A.I", "KH.B"} <= sections
    values = {(t.section, t.value) for t in doc.targets}
    assert ("KH.A.I", 90.0) in values


def test_roman_two_read_il_in_sentence_case(tmp_path: Path) -> None:
    # Before: "IL. Về kiểm định chất lượng" was a paragraph of part I, and its target was cited
    # as KH.A.I.
    doc = parse_text(tmp_path, DECISION)
    assert "KH.A.II" in {s.id for s in doc.sections}
    assert ("KH.A.II", 75.0) in {(t.section, t.value) for t in doc.targets}


LETTER = """BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 2210/BTC-CST Hà Nội, ngày 04 tháng 3 năm 2021
V/v góp ý dự thảo Quyết định của Thủ tướng Chính phủ

Kính gửi: Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ

Bộ Tài chính đã dự thảo Quyết định của Thủ tướng Chính phủ phê duyệt Đề án phát triển dịch vụ
kế toán (xin gửi kèm theo). Đề nghị Quý Cơ quan gửi ý kiến góp ý về Bộ Tài chính trước ngày
20/3/2021.

Nơi nhận: BỘ TRƯỞNG
- Như trên;
- Lưu: VT, CST.
Lê Minh Khoa

--- PAGE BREAK ---

THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: /QĐ-TTg Hà Nội, ngày tháng năm 2021
DỰ THẢO
QUYÉT ĐỊNH
PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN DỊCH VỤ KẾ TOÁN

THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Đề án phát triển dịch vụ kế toán.
Điều 2. Tổ chức thực hiện
1. Nhiệm vụ của Bộ Tài chính
- Xây dựng cơ sở dữ liệu về doanh nghiệp dịch vụ kế toán.
2. Nhiệm vụ của Bộ Công Thương
- Rà soát quy định về thương mại điện tử liên quan đến dịch vụ kế toán.
"""


def test_letter_sends_draft_whose_type_line_lost_its_accent(tmp_path: Path) -> None:
    # Before: "QUYÉT ĐỊNH" was no type line: the draft's articles were read as the letter's own.
    doc = parse_text(tmp_path, LETTER)
    assert [a["type"] for a in doc.meta.attached] == ["Quyết định"]
    assert any(s.id.startswith("QĐ.D2") for s in doc.sections)


DRAFT_ITEMS = """QUYẾT ĐỊNH
Về việc giao nhiệm vụ phát triển dịch vụ kế toán

BỘ TRƯỞNG BỘ TÀI CHÍNH
QUYẾT ĐỊNH:
Điều 1. Giao nhiệm vụ cho các cơ quan sau đây.
Điều 2. Tổ chức thực hiện
1. Nhiệm vụ của Bộ Công Thương
- Rà soát quy định về thương mại điện tử.
2. Nhiệm vụ của Bộ Tư pháp
- Rà soát quy định về hợp đồng dịch vụ.
3, Nhiệm vụ của Bộ Nội vụ
- Hướng dẫn chế độ cho người làm dịch vụ kế toán.
4. Nhiệm vụ của Bộ Công an
- Bảo đảm an ninh dữ liệu kế toán.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_clause_number_read_with_a_comma_in_a_transcript(tmp_path: Path) -> None:
    # "3, Nhiệm vụ của Bộ Nội vụ": an OCR transcript saved as markdown (no OCR confidence) reads
    # the clause's point as a comma. Before, clauses 3 and 4 were read into clause 2 (Bộ Tư pháp
    # was given the home ministry's and the police's tasks).
    doc = parse_text(tmp_path, DRAFT_ITEMS)
    leads = {(d.section, u.name) for d in doc.duties for u in d.units if u.role == "lead"}
    assert ("D2.3", "Bộ Nội vụ") in leads
    assert ("D2.4", "Bộ Công an") in leads
    assert not any(s == "D2.2" and n in ("Bộ Nội vụ", "Bộ Công an") for s, n in leads)


PLAN_WITH_FLAT_APPENDICES = """QUYẾT ĐỊNH
Ban hành Kế hoạch hiện đại hóa quản lý hải quan đến năm 2027

BỘ TRƯỞNG BỘ TÀI CHÍNH
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hiện đại hóa quản lý hải quan đến năm 2027.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

Đỗ Văn Hùng

--- PAGE BREAK ---

KẾ HOẠCH
HIỆN ĐẠI HÓA QUẢN LÝ HẢI QUAN ĐẾN NĂM 2027

A. MỤC TIÊU
Tỷ lệ tờ khai được xử lý tự động đạt tối thiểu 95%.

B. NỘI DUNG
1. Xây dựng hệ thống quản lý rủi ro tập trung.

PC. TỔ CHỨC THỰC HIỆN
1. Tổng cục Hải quan chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Cục Công nghệ thông tin phối hợp với Tổng cục Hải quan triển khai các nội dung.

BỘ TÀI CHÍNH

--- PAGE BREAK ---

Phụ Iục Ï

LỘ TRÌNH HIỆN ĐẠI HÓA HỆ THỐNG CÔNG NGHỆ THÔNG TIN
STT Nội dung hoạt động Thời gian Đơn vị chủ trì
1 Nâng cấp hệ thống thông quan điện tử 2025-2026 Cục Công nghệ thông tin

--- PAGE BREAK ---

Phụ lục H

LỘ TRÌNH ĐÀO TẠO CÔNG CHỨC HẢI QUAN
STT Nội dung hoạt động Thời gian Đơn vị chủ trì
1 Bồi dưỡng nghiệp vụ kiểm tra sau thông quan 2025 Vụ Tổ chức cán bộ
"""


def test_organisation_part_behind_a_stray_glyph_and_ocr_appendix_lines(tmp_path: Path) -> None:
    # "PC. TỔ CHỨC THỰC HIỆN" after "B.": the letter division C with a glyph OCR put before it.
    # "Phụ Iục Ï" and "Phụ lục H" alone on their lines over a title in capitals: appendices I and
    # II whose tables the OCR flattened into lines. Before, part C was read into item B.1 and
    # both appendices into the organisation part's last item (its lead charged with them).
    doc = parse_text(tmp_path, PLAN_WITH_FLAT_APPENDICES)
    ids = {s.id for s in doc.sections}
    assert {"KH.C", "KH.C.1", "KH.C.2", "KH.PL1", "KH.PL2"} <= ids
    leads = {(d.section, u.name) for d in doc.duties for u in d.units if u.role == "lead"}
    assert ("KH.C.1", "Tổng cục Hải quan") in leads
    assert not any(s.startswith("KH.C") and n == "Vụ Tổ chức cán bộ" for s, n in leads)


INITIALS_TABLE = """KẾ HOẠCH
Truyền thông về chuyển đổi số năm 2026

I. NHIỆM VỤ
1. Triển khai các nhiệm vụ tại Phụ lục kèm theo.

PHỤ LỤC
(Kèm theo Kế hoạch này)

| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1. | Sản xuất chuyên mục về dữ liệu số | VTV, VOV, TTXVN, các địa phương | Bộ Khoa học và Công nghệ | Quý III/2026 |
| 2. | Xây dựng chương trình phổ biến kỹ năng số | Bộ Khoa học và Công nghệ | Ban Tuyên giáo Trung ương; VTV, VOV | Quý IV/2026 |
"""


def test_bodies_listed_by_their_initials_in_a_unit_cell(tmp_path: Path) -> None:
    # Before: "VTV, VOV, TTXVN, các địa phương" was one unit of that name, matching none of them.
    doc = parse_text(tmp_path, INITIALS_TABLE)
    roles = {(d.section, u.name, u.role) for d in doc.duties for u in d.units}
    for name in ("VTV", "VOV", "TTXVN", "địa phương"):
        assert ("PL1.1", name, "lead") in roles
    assert {("PL1.2", "VTV", "cooperate"), ("PL1.2", "VOV", "cooperate")} <= roles
    assert not any("," in n and n.startswith("VTV") for _, n, _ in roles)


PAGE_BROKEN_ROW = """KẾ HOẠCH
Số hóa dữ liệu ngành năm 2026

I. NHIỆM VỤ
1. Triển khai các nhiệm vụ tại Phụ lục kèm theo.

PHỤ LỤC
(Kèm theo Kế hoạch này)

| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1. | Hoàn thành các nhiệm vụ số hóa, gồm: (1) Số hóa hồ sơ đất đai; (2) Số hóa hồ sơ hộ tịch; | Sở Tài nguyên và Môi trường, Sở Tư pháp, Sở Xây dựng |  | 2026 |
|  | (3) Số hóa hồ sơ cấp phép xây dựng; (4) Số hóa hồ sơ doanh nghiệp. |  | Sở Tư pháp, Sở Xây dựng |  |
| 2. | Xây dựng kho dữ liệu dùng chung của tỉnh | Sở Khoa học và Công nghệ | Các sở, ngành | 2026 |
"""


def test_row_run_on_past_a_page_break(tmp_path: Path) -> None:
    # The page's first row goes on row 1's numbered list ("(3) …" after "(2) …") and repeats the
    # end of its lead cell one column to the right. Before, it was a row of its own (PL1.r2)
    # whose lead and partner bodies were the repeated ones.
    doc = parse_text(tmp_path, PAGE_BROKEN_ROW)
    sections = [d.section for d in doc.duties if (d.section or "").startswith("PL1")]
    assert sections == ["PL1.1", "PL1.2"]
    row1 = next(d for d in doc.duties if d.section == "PL1.1")
    assert "(4) Số hóa hồ sơ doanh nghiệp" in row1.text
    assert not any(u.role == "cooperate" and u.name in ("Sở Tư pháp", "Sở Xây dựng") for u in row1.units)
