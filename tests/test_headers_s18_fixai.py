"""Issuers and signers the header reader missed in the s17 documents (session 18, helper fixAI).

Forms seen in s17 held-out kh3260-ddqh-2025 (a party group placed directly under the Central
Committee), kh01-tbttkt-2025 (a sub-committee of a commune election committee), cv1046-tct-2020
(a stray mark inside the signer's name) and s17 dev cv1457-bkhdt-2019 (a letter sending a draft
decision, its own signature before the draft). All wording below is invented.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.structure.metadata import doc_type_of, issuer_name


def test_party_group_under_the_central_committee() -> None:
    """Before: "Ban Chấp hành Trung ương đảng đoàn Quốc hội", "Ban cán sự đảng Chính phủ Trung
    ương": the body under the Central Committee's line was read as a part of its name."""
    assert issuer_name("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG ĐOÀN QUỐC HỘI",
                       ["BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG ĐOÀN QUỐC HỘI"]) == "Đảng đoàn Quốc hội"
    assert issuer_name("BAN CHẤP HÀNH TRUNG ƯƠNG BAN CÁN SỰ ĐẢNG CHÍNH PHỦ") == "Ban cán sự đảng Chính phủ"
    # A board of the Central Committee keeps its "Trung ương" (unchanged).
    assert issuer_name("BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ CHỨC") == "Ban Tổ chức Trung ương"


def test_sub_committee_named_with_its_committee() -> None:
    """Before: "Ban hậu cần xã Tân Lộc Tiểu": the bare BAN split "TIỂU" off the sub-committee."""
    assert issuer_name("ỦY BAN BẦU CỬ XÃ TÂN LỘC TIỂU BAN HẬU CẦN, AN NINH") == (
        "Tiểu ban hậu cần, an ninh Ủy ban bầu cử xã Tân Lộc")
    assert issuer_name("BAN CHỈ ĐẠO ĐẠI HỘI ĐẢNG BỘ PHƯỜNG HÒA AN TIỂU BAN VĂN KIỆN") == (
        "Tiểu ban văn kiện Ban chỉ đạo đại hội Đảng bộ phường Hòa An")


LETTER = """BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 812/BNV-CCVC Hà Nội, ngày 14 tháng 4 năm 2026
V/v góp ý dự thảo Quyết định về lưu trữ số

Kính gửi: Các bộ, cơ quan ngang bộ

Bộ Nội vụ đã dự thảo Quyết định của Thủ tướng Chính phủ về lưu trữ số (xin gửi kèm theo).
Đề nghị Quý cơ quan góp ý và gửi về Bộ Nội vụ trước ngày 30/4/2026.

Trân trọng cảm ơn./.

Nơi nhận: BỘ TRƯỞNG
- Như trên;
- Lưu: VT, CCVC.

Trần Văn Mẫu

--- PAGE BREAK ---

THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: /QĐ-TTg Hà Nội, ngày tháng năm 2026
DỰ THẢO

QUYẾT ĐỊNH
Về lưu trữ số

THỦ TƯỚNG CHÍNH PHỦ

Căn cứ Luật Lưu trữ;

QUYẾT ĐỊNH:

Điều 1. Các bộ số hóa hồ sơ lưu trữ trong năm 2027.

Điều 2. Bộ Nội vụ chủ trì hướng dẫn thực hiện Quyết định này.

Nơi nhận: THỦ TƯỚNG
- Các bộ;
- Lưu: VT.
"""


def test_letter_signature_before_the_draft_it_sends(tmp_path: Path) -> None:
    """Before: no signer. The outline is the draft's, so the search began inside the draft, after
    the letter's own "Nơi nhận" (s17 dev cv1457)."""
    doc = parse_text(tmp_path, LETTER, "cv.md")
    assert doc.meta.issuer == "Bộ Nội vụ"
    assert doc.meta.signer == "Trần Văn Mẫu"


def test_stray_mark_inside_the_signer_name(tmp_path: Path) -> None:
    """Before: "Phan! Văn Mẫu" under the title was no name (a pen stroke read as "!"): no signer.
    The mark is dropped only when what is left is a name; a recipients' line stays none."""
    text = LETTER.split("--- PAGE BREAK ---")[0].replace("Trần Văn Mẫu", "Phan! Văn Mẫu")
    doc = parse_text(tmp_path, text, "cv2.md")
    assert doc.meta.signer == "Phan Văn Mẫu"
    garbled = text.replace("Phan! Văn Mẫu", "- Lưu; VT!")
    assert parse_text(tmp_path, garbled, "cv3.md").meta.signer is None


DIRECTIVE = """THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 1? /CT-TT5 Hà Nội, ngày 09 tháng 6 năm 2026

ĐEN Số: : _| CHỈ THỊ
Về tăng cường quản lý kho lưu trữ số

Thời gian qua, việc số hóa hồ sơ còn chậm. Thủ tướng Chính phủ yêu cầu:

1. Bộ Nội vụ chủ trì hướng dẫn số hóa hồ sơ lưu trữ.

Nơi nhận: THỦ TƯỚNG
- Các bộ;
- Lưu: VT.

Trần Văn Mẫu
"""


def test_received_stamp_before_the_type_word(tmp_path: Path) -> None:
    """Before: no type (and a header running into the body): a received stamp ("ĐẾN / Số: …")
    OCR'd left of the type word put its marks before "CHỈ THỊ" (s17 dev ct11). Only a bare
    type word after a short head ending in a stamp's mark is taken."""
    doc = parse_text(tmp_path, DIRECTIVE, "ct.md")  # the number garbled: no type from its code
    assert doc.meta.type == "Chỉ thị"
    assert doc.meta.title == "Chỉ thị Về tăng cường quản lý kho lưu trữ số"
    assert doc.meta.number is None and doc.meta.signer == "Trần Văn Mẫu"
    assert doc_type_of("Số: 12/KH-UBND KẾ HOẠCH") is None
    assert doc_type_of("Hà Nội: QUYẾT ĐỊNH về việc") is None


DECISION = """BỘ NỘI VỤ CONG HOA XA HOI CHU NGHIA VIET NAM
Độc lập - Tự do - Hạnh phúc

Số: 301/QĐ-BNV Hà Nội, ngày 12 tháng 5 năm 2026

QUYẾT ĐỊNH
Ban hành Kế hoạch số hóa hồ sơ lưu trữ

BỘ TRƯỞNG BỘ NỘI VỤ

Căn cứ Luật Lưu trữ;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch số hóa hồ sơ lưu trữ.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

+

Đỗ Văn Mẫu

--- PAGE BREAK ---

BỘ NỘI VỤ CONG HOA XA HOI CHU NGHIA VIET NAM

KẾ HOẠCH
Số hóa hồ sơ lưu trữ
(Kèm theo Quyết định số 301/QĐ-BNV ngày 12/5/2026 của Bộ Nội vụ)

I. NHIỆM VỤ

1. Văn phòng Bộ chủ trì số hóa hồ sơ năm 2026.

2. Các vụ phối hợp rà soát hồ sơ.

3. Trung tâm Lưu trữ bảo quản bản số.

II. TỔ CHỨC THỰC HIỆN

Văn phòng Bộ theo dõi, báo cáo Bộ trưởng.
"""


def test_name_alone_under_recipients_before_an_attached_page(tmp_path: Path) -> None:
    """Before: no signer. The scan lost the title over the name ("+" left of it); the name alone
    on the block's last lines is read, but those lines were taken from the attached plan's
    page (s17 dev qd2439): the block ends at the page break."""
    doc = parse_text(tmp_path, DECISION, "qd.md")
    assert doc.meta.number == "301/QĐ-BNV"
    assert doc.meta.signer == "Đỗ Văn Mẫu"


def test_garbled_number_read_from_the_attached_plan_caption(tmp_path: Path) -> None:
    """Before: number and date null. The decision's number line is garbled, its attached plan's
    caption names it through OCR noise ("s6:", "OD" for QĐ, "ngày12tháng 5Jnăm"); the caption
    is the decision's own print (GUIDELINES-real.md [decided, s16 fixA], [decided, s18 fixAI])."""
    text = DECISION.replace("Số: 301/QĐ-BNV Hà Nội, ngày 12 tháng 5 năm 2026",
                            "Số; #0! /QD-BNY Hà Nội. ngay12 tháng 55 năm 2026")
    text = text.replace("(Kèm theo Quyết định số 301/QĐ-BNV ngày 12/5/2026 của Bộ Nội vụ)",
                        "(Kèm theo Quyết định s6:301/OD-BNV ngày12tháng 5Jnăm 2026 của Bộ Nội vụ)")
    doc = parse_text(tmp_path, text, "qd2.md")
    assert doc.meta.number == "301/QĐ-BNV" and doc.meta.date == "2026-05-12"
