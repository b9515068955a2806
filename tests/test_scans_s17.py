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
