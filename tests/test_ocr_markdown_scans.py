"""OCR'd scans converted to markdown, and the Front's ward/commune plans (session 17).

Layouts seen in the s17 development documents tb330-vpcp-2022, cv370-tchq-2022, nq106-cp-2021
(scans of the Government's notices, letters and resolutions converted with a YAML front matter,
"--- PAGE BREAK ---" between pages, the motto's marks lost, an item's number lost with its dot
kept) and kh16-mttq-2025, kh-mttq-2026-luongminh, kh-mttq-2025-baccamranh (Front committees'
plans signed by their Ban Thường trực under a header "ỦY BAN MTTQ VIỆT NAM / XÃ … / BAN THƯỜNG
TRỰC"). Invented wording below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.structure.metadata import issuer_name

NOTICE = """---
title: "TB 27 VPCP Ket luan"
category: "Mau"
original_format: "pdf"
---

VAN PHONG CHÍNH PHU CONG HOA XÃ HOI CHỦ NGHĨA VIỆT NAM
————— Độc lập - Tự do - Hanh phúc

Số: 27/TB-VPCP Hà Nội, ngày 09 tháng 3 năm 2026

THÔNG BÁO
Kết luận của Thủ tướng Chính phủ tại cuộc họp về kho dữ liệu nông sản

Ngày 02 tháng 3 năm 2026, Thủ tướng Chính phủ chủ trì cuộc họp về kho dữ liệu
nông sản. Thủ tướng Chính phủ có ý kiến chỉ đạo như sau:

1. Ghi nhận các bộ đã chuẩn bị báo cáo đầy đủ, đúng hạn cho cuộc họp.

. Để hoàn thành kho dữ liệu trong năm 2026, các bộ, ngành tập trung thực hiện
các nhiệm vụ sau:

a) Bộ Nông nghiệp và Môi trường chủ trì xây dựng danh mục dữ liệu nông sản,
hoàn thành trong tháng 6 năm 2026.

b) Bộ Công Thương phối hợp với Bộ Tài chính chia sẻ dữ liệu xuất khẩu nông sản.

c) Bộ Tài chính bố trí kinh phí xây dựng kho dữ liệu từ nguồn chi thường xuyên.


--- PAGE BREAK ---

2

đ) Bộ Khoa học và Công nghệ:

- Chủ trì xây dựng chuẩn kết nối dữ liệu giữa các bộ, ngành;

- Hướng dẫn các địa phương cập nhật dữ liệu vào kho.

đ) Ngân hàng Nhà nước Việt Nam hướng dẫn các tổ chức tín dụng khai thác kho dữ liệu.

Văn phòng Chính phủ thông báo để các bộ, cơ quan biết, thực hiện./.

Nơi nhận: BỘ TRƯỞNG, CHỦ NHIỆM
- Như trên;
- Lưu: VT.

Lê Văn Mẫu
"""


def test_scan_with_unmarked_motto_and_lost_item_number(tmp_path: Path) -> None:
    """Before: the motto read without marks ("CONG HOA XÃ HOI", "Hanh phúc") stayed on the
    issuer's line, so no issuer was read; the text was not taken for an OCR reading (one page
    marker, none of the old kinds), so the item ". Để hoàn thành …" (its "2" lost, the dot
    kept, then dropped as a speck) gave no item: its points fell under item 1, and the two "đ)"
    (the first an OCR'd "d)") were one point."""
    doc = parse_text(tmp_path, NOTICE, "thong-bao.md")
    assert doc.meta.issuer == "Văn phòng Chính phủ"
    assert doc.meta.number == "27/TB-VPCP" and doc.meta.date == "2026-03-09"
    sections = {d.section for d in doc.duties}
    assert {"2.a", "2.b", "2.c", "2.d", "2.đ"} <= sections, sections
    assert not any(s.startswith("1.") for s in sections)
    first = next(d for d in doc.duties if d.section == "2.a")
    assert ("Bộ Nông nghiệp và Môi trường", "lead") in [(u.name, u.role) for u in first.units]
    assert all("title:" not in d.text and "PAGE BREAK" not in d.text for d in doc.duties)


def test_general_department_under_its_ministry_read_without_marks() -> None:
    """Before: "BO TAI CHINH / TONG CUC HAI QUAN" split at "CỤC" and issued "Cục Hải quan"."""
    assert issuer_name("BO TAI CHINH TONG CUC THUE") == "Tổng cục Thuế"
    assert issuer_name("BỘ TÀI CHÍNH TỔNG CỤC THUẾ") == "Tổng cục Thuế"
    assert issuer_name("BỘ Y TẾ CỤC QUẢN LÝ DƯỢC") == "Cục Quản lý dược"


def test_front_committee_board_is_named_with_its_committee() -> None:
    """Before: "ỦY BAN MTTQ VIỆT NAM / XÃ … / BAN THƯỜNG TRỰC" issued "Ban thường trực xã …",
    a board of the commune, while the plans name "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt
    Nam xã"; a committee of the people's council keeps its level ("Ban dân tộc tỉnh …")."""
    assert issuer_name("ỦY BAN MTTQ VIỆT NAM XÃ SƠN MẪU BAN THƯỜNG TRỰC") == (
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Sơn Mẫu")
    assert issuer_name("UỶ BAN MTTQ VIỆT NAM PHƯỜNG ĐÔNG MẪU BAN THƯỜNG TRỰC") == (
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường Đông Mẫu")
    assert issuer_name("ỦY BAN NHÂN DÂN TỈNH SƠN LA BAN DÂN TỘC") == "Ban dân tộc tỉnh Sơn La"


FRONT_PLAN = """ỦY BAN MTTQ VIỆT NAM
PHƯỜNG ĐÔNG MẪU
BAN THƯỜNG TRỰC

Số: 21/KH-MTTQ-BTT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Đông Mẫu, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Giám sát việc giải quyết kiến nghị của cử tri năm 2026

I. NỘI DUNG GIÁM SÁT
1. Ban Thường trực Ủy ban MTTQ Việt Nam phường giám sát việc trả lời kiến nghị của cử tri
tại các kỳ họp, hoàn thành trước ngày 30/6/2026.
2. Ban Thường trực Ủy ban MTTQ phường giám sát việc giải quyết đơn thư của Nhân dân.

II. TỔ CHỨC THỰC HIỆN
1. Ban Thường trực Ủy ban MTTQ Việt Nam phường tổng hợp kết quả giám sát, báo cáo Ban Thường
trực Ủy ban MTTQ Việt Nam tỉnh trước ngày 15/12/2026.
2. Các tổ chức thành viên phối hợp với Ban Thường trực Ủy ban MTTQ Việt Nam phường thực hiện
kế hoạch này.

TM. BAN THƯỜNG TRỰC
CHỦ TỊCH

Trần Thị Mẫu
"""


def test_front_committee_one_spelling_with_or_without_viet_nam(tmp_path: Path) -> None:
    """Before: "Ủy ban MTTQ phường" (once) and "Ủy ban MTTQ Việt Nam phường" (three times) gave
    two boards, "Ban Thường trực Ủy ban Mặt trận Tổ quốc phường" beside the issuer's."""
    doc = parse_text(tmp_path, FRONT_PLAN, "ke-hoach.md")
    names = {u.name for d in doc.duties for u in d.units}
    assert "Ban Thường trực Ủy ban Mặt trận Tổ quốc phường" not in names
    board = "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường"
    second = next(d for d in doc.duties if d.section == "I.2")
    assert (board, "lead") in [(u.name, u.role) for u in second.units]
    assert doc.meta.issuer == "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường Đông Mẫu"


def test_assigned_body_that_is_to_issue_or_approve_is_charged() -> None:
    """Before: "X ban hành …", "X phê duyệt …" read X as the issuer of a document named in
    passing even right after "Giao"; a Government resolution's "Giao Bộ …, Ủy ban nhân dân các
    tỉnh … ban hành văn bản phê duyệt …" (s17 dev nq106 D2.1) charged nobody."""
    from chinhsach.extract.duties import roles_in_text

    roles = roles_in_text("Giao Bộ Nội vụ, Ủy ban nhân dân các tỉnh, thành phố ban hành văn bản "
                          "hướng dẫn tiếp nhận hồ sơ xét tặng danh hiệu.")
    assert [(r.name, r.role) for r in roles] == [
        ("Bộ Nội vụ", "lead"), ("Ủy ban nhân dân tỉnh, thành phố", "lead")]
    assert [(r.name, r.role) for r in roles_in_text("Yêu cầu Sở Xây dựng phê duyệt đồ án trong quý III.")] == [
        ("Sở Xây dựng", "lead")]
    # A body named as the issuer of a cited document is still no actor.
    assert roles_in_text("Thực hiện tốt Kế hoạch Ủy ban nhân dân tỉnh ban hành năm 2026.") == []


DRAFT = """# CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc

Số: /QĐ-UBND

Mẫu Sơn, ngày tháng năm 2026

# QUYẾT ĐỊNH

Về việc công bố danh mục thủ tục hành chính mới trong lĩnh vực đất đai

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH MẪU SƠN

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;

# QUYẾT ĐỊNH:

Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính mới.

Điều 2. Giao Văn phòng Ủy ban nhân dân tỉnh chủ trì cập nhật quy trình lên hệ thống.

Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Môi trường chịu trách
nhiệm thi hành Quyết định này./.
"""


def test_draft_with_lost_issuer_cell_and_blank_date(tmp_path: Path) -> None:
    """Before: a MinerU reading of an unsigned draft (the issuer's cell lost, the day and month
    blank) gave no issuer and no place. The authority line under the title names the body with
    its level and place; the place-date line names the place though its date is blank. Number
    and date stay empty (blank in print)."""
    doc = parse_text(tmp_path, DRAFT, "du-thao.md")
    assert doc.meta.issuer == "Ủy ban nhân dân tỉnh Mẫu Sơn"
    assert doc.meta.place == "Mẫu Sơn"
    assert doc.meta.number is None and doc.meta.date is None


LETTER = """BO TAI CHINH CONG HOA XA HOI CHU NGHIA VIET NAM

TONG CUC THUE Độc lập - Tự do - Hanh phúc
Số: 4 12 /TCT-KK Hà Nội, ngày) § tháng 02 năm 2026

V/v kê khai thuế điện tử

Kính gửi: Cục Thuế các tỉnh, thành phố.

Tổng cục Thuế yêu cầu Cục Thuế các tỉnh, thành phố thực hiện các nội dung sau:

1. Rà soát người nộp thuế chưa kê khai điện tử trên địa bàn.

2. Hướng dẫn người nộp thuế kê khai qua cổng thông tin điện tử.

Nơi nhận: KT. TỔNG CỤC TRƯỞNG
- Như trên;
- Lưu: VT.
"""


def test_letter_header_read_through_ocr_noise(tmp_path: Path) -> None:
    """Before: the motto without marks hid the issuer, the number's digits split by OCR ("4 12")
    were no number, and the garbled day hid the place. The day stays unread (no guess)."""
    doc = parse_text(tmp_path, LETTER, "cong-van.md")
    assert doc.meta.issuer == "Tổng cục Thuế"
    assert doc.meta.number == "412/TCT-KK"
    assert doc.meta.place == "Hà Nội" and doc.meta.date is None


def test_stray_slash_before_the_issuer_line(tmp_path: Path) -> None:
    """Before: "/ỦY BAN MTTQ VIỆT NAM" (a docx text extraction's stray slash) was no issuer line
    and the board was read as the commune's."""
    doc = parse_text(tmp_path, "/" + FRONT_PLAN, "ke-hoach-2.md")
    assert doc.meta.issuer == "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường Đông Mẫu"


def test_front_committee_office_is_a_body() -> None:
    """Before: "Cơ quan Ủy ban MTTQ xã" (the Front committee's office, charged in the Front's
    commune plans, s17 dev kh16 and kh-mttq-2026) was read as the committee itself."""
    from chinhsach.extract.units import find_units

    assert [m.name for m in find_units("Cơ quan Ủy ban MTTQ Việt Nam xã chuẩn bị tài liệu hội nghị.")] == [
        "Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã"]
    assert [m.name for m in find_units("Ủy ban MTTQ Việt Nam xã chủ trì hội nghị.")] == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã"]


def test_front_working_committee_of_a_village_is_a_body() -> None:
    """Before: "Ban công tác Mặt trận các tổ dân phố" (the Front's committee in each residential
    group, charged in ward and commune Front plans, s17 dev kh-mttq-2025 and kh16) was read as
    the groups themselves ("tổ dân phố")."""
    from chinhsach.extract.units import find_units

    assert [m.name for m in find_units("Ban công tác Mặt trận các tổ dân phố tổ chức hội nghị.")] == [
        "Ban công tác Mặt trận tổ dân phố"]
    assert [m.name for m in find_units("Giao Ban công tác Mặt trận thôn tuyên truyền.")] == [
        "Ban công tác Mặt trận thôn"]


def test_typed_text_saved_decomposed_is_no_ocr_reading() -> None:
    """A typed plan saved in NFD (decomposed marks, as Mac tools write it) prints its motto with
    its marks: it is no OCR reading, and the OCR repairs must not run on it (they cost the
    robustness evaluation's "nfd" form half its targets and deadlines)."""
    import unicodedata

    from chinhsach.ingest.readers import is_ocr_transcript

    typed = ["ỦY BAN NHÂN DÂN TỈNH ĐÔNG HẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH", "Phát triển nước sạch nông thôn"]
    assert not is_ocr_transcript(typed)
    assert not is_ocr_transcript([unicodedata.normalize("NFD", t) for t in typed])
