"""Names a document defines for a body, and the addressees a letter charges (session 15, fixU).

Every text here is invented (province "An Hòa", made-up bodies, tasks and dates).
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.extract.duties import defined_unit_names

_HEADER = """THỦ TƯỚNG CHÍNH PHỦ
______________

Số: 402/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
_______________________________________________
Hà Nội, ngày 21 tháng 02 năm 2026

QUYẾT ĐỊNH
Thành lập Ban Chỉ đạo quốc gia về phát triển nông nghiệp hữu cơ

THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
QUYẾT ĐỊNH:
"""


def test_both_bracket_forms_are_one_mapping() -> None:
    """"(gọi tắt là Y)" after a head noun phrase Y begins, and "(sau đây gọi là Y)" after a list
    of bodies Y abbreviates, give one mapping (folded short name → full name): one reader of the
    names a document defines (before: two readers with two data shapes, fixP's and fixQ's)."""
    defined = defined_unit_names([
        "Thành lập Ban Chỉ đạo quốc gia về phát triển nông nghiệp hữu cơ (gọi tắt là Ban Chỉ đạo).",
        "Kính gửi các Bộ, cơ quan ngang Bộ, cơ quan khác ở trung ương (sau đây gọi là Bộ, cơ quan trung ương).",
    ])
    assert defined["ban chi dao"] == "Ban Chỉ đạo quốc gia về phát triển nông nghiệp hữu cơ"
    assert len(defined) == 2


def test_a_short_name_defined_below_with_a_colon_takes_the_full_name(tmp_path: Path) -> None:
    """"(dưới đây được gọi tắt là: Ban Chỉ đạo)": the same definition in other words, the full
    name stands for the committee's tasks (before: the bare "Ban Chỉ đạo", the reader of
    "gọi tắt là" took neither "dưới đây" nor the colon)."""
    text = _HEADER + """Điều 1. Thành lập Ban Chỉ đạo quốc gia về phát triển nông nghiệp hữu cơ (dưới đây được gọi tắt là: Ban Chỉ đạo), gồm các thành viên sau đây:
1. Trưởng ban: Phó Thủ tướng Chính phủ.
2. Ủy viên: Bộ trưởng Bộ Nông nghiệp và Môi trường.
Điều 2. Nhiệm vụ của Ban Chỉ đạo:
1. Nghiên cứu, đề xuất chính sách khuyến khích sản xuất nông nghiệp hữu cơ.
2. Đôn đốc các bộ, ngành thực hiện chương trình nông nghiệp hữu cơ.
Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký./.

THỦ TƯỚNG
"""
    doc = parse_text(tmp_path, text, "qd.md")
    full = "Ban Chỉ đạo quốc gia về phát triển nông nghiệp hữu cơ"
    d21 = [d for d in doc.duties if d.section == "D2.1"]
    assert d21 and (full, "lead") in {(u.name, u.role) for u in d21[0].units}


_LETTER = """ỦY BAN NHÂN DÂN TỈNH AN HÒA                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ CÔNG THƯƠNG                                 Độc lập - Tự do - Hạnh phúc

Số: 812/SCT-QLNL                               An Hòa, ngày 10 tháng 3 năm 2026
V/v chấp hành quy định về kinh doanh xăng dầu

Kính gửi: {to}

Nhằm chấn chỉnh hoạt động kinh doanh xăng dầu trên địa bàn, Sở Công Thương yêu cầu:
1. Niêm yết công khai giá bán lẻ tại cửa hàng; cập nhật giá trong ngày khi có điều chỉnh.
2. Về việc lưu giữ hồ sơ nhập hàng
a) Hóa đơn nhập hàng được lưu giữ tối thiểu 05 năm.
b) Sổ theo dõi nhập, xuất được lập theo mẫu.
3. Gửi báo cáo tình hình kinh doanh về Sở Công Thương trước ngày 20 hằng tháng.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Văn Bình
"""


def _leads(doc, section: str) -> list[set[str]]:
    return [{u.name for u in d.units if u.role == "lead"} for d in doc.duties if d.section == section]


def test_a_letters_items_that_name_no_unit_charge_its_addressees(tmp_path: Path) -> None:
    """GUIDELINES-real.md [decided, s14 adj]: in a letter an item that names no unit charges the
    letter's addressees ("Kính gửi: …"), each a lead (before: no unit; s15 dev cv5141)."""
    doc = parse_text(tmp_path, _LETTER.format(to="- Công an tỉnh;\n- Sở Tài chính."), "cv.md")
    assert _leads(doc, "1") == [{"Công an tỉnh", "Sở Tài chính"}]
    assert _leads(doc, "2.a") == [{"Công an tỉnh", "Sở Tài chính"}]


def test_a_class_addressee_and_a_topic_item_charged_once(tmp_path: Path) -> None:
    """"Kính gửi: Các doanh nghiệp kinh doanh xăng dầu trên địa bàn tỉnh": the class of bodies is
    the addressee; a topic item ("2. Về việc lưu giữ hồ sơ …") and its points restating the rules
    are charged once ([decided, s15 fixU])."""
    text = _LETTER.format(to="Các doanh nghiệp kinh doanh xăng dầu trên địa bàn tỉnh An Hòa.").replace(
        "Sở Công Thương yêu cầu:", "yêu cầu các đơn vị nghiêm túc thực hiện các nội dung sau:")
    doc = parse_text(tmp_path, text, "cv.md")
    who = "doanh nghiệp kinh doanh xăng dầu"
    assert _leads(doc, "1") == [{who}]
    topic = [d for d in doc.duties if d.section and d.section.startswith("2") and any(u.name == who for u in d.units)]
    assert len(topic) == 1
