"""How a reply letter charges units, and how an item with several year limits is dated (s17 fixZd).

Invented wording below. Layouts: a body's reply to another body's letter opens "Trả lời Văn bản
số … của Sở X về việc đề nghị hướng dẫn …, Cục Y có ý kiến như sau:" (s16 held-out cv216; the
same opening in s14 dev cv3479 and s16 cv597). The "đề nghị" there names the request being
answered ("về việc đề nghị …"), not a charge: the paragraph is the issuer speaking.
"""

from __future__ import annotations

from conftest import parse_text

REPLY_LETTER = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
CỤC THỦY LỢI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 345/ĐĐ-QL
V/v hướng dẫn gia cố kè sông
Hà Nội, ngày 12 tháng 3 năm 2026

Kính gửi: Sở Xây dựng tỉnh Bình An

Trả lời Văn bản số 88/SXD-HT ngày 02 tháng 3 năm 2026 của Sở Xây dựng tỉnh Bình An về việc đề nghị hướng dẫn gia cố kè sông sau mùa lũ, sau khi xem xét, Cục Thủy lợi có ý kiến như sau:
1. Gia cố kè sông thực hiện theo quy định của Luật Đê điều; việc cấp phép đã được bãi bỏ.
2. Đề nghị Sở Xây dựng tổ chức kiểm tra hiện trạng kè trước mùa mưa.
Trên đây là ý kiến của Cục Thủy lợi, đề nghị Sở Xây dựng tỉnh Bình An nghiên cứu, thực hiện.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Trần Văn Mẫu
"""


def test_reply_letter_does_not_charge_its_issuer(tmp_path) -> None:
    """Before: 'về việc đề nghị …' in the opening read as the issuer addressing its items, so the
    answering Cục led every item of its own letter."""
    doc = parse_text(tmp_path, REPLY_LETTER, "cv345-ddd.md")
    issuer = "Cục Thủy lợi"
    assert doc.duties
    for duty in doc.duties:
        assert not any(u.name.lower() == issuer.lower() for u in duty.units), (duty.section, duty.text, duty.units)
    item2 = [d for d in doc.duties if d.section == "2"]
    assert item2 and any(u.name.startswith("Sở Xây dựng") and u.role == "lead" for u in item2[0].units)


# A ministry's letter to one province's department: the department is named with its province
# ("Sở Xây dựng tỉnh Bình An") in the closing request and bare ("Sở Xây dựng") in an item. In a
# central body's document the province is kept ([decided, s14 fixK]) and the bare name is the
# same body, one spelling per body ([decided, kh165]); s16 cv216 (a Cục of a ministry to one
# province's Sở) names it so.
PLACED_LETTER = REPLY_LETTER.replace(
    "2. Đề nghị Sở Xây dựng tổ chức kiểm tra hiện trạng kè trước mùa mưa.",
    "2. Trường hợp kè bị sạt lở thì đề nghị Sở Xây dựng tổ chức kiểm tra hiện trạng kè trước mùa mưa.")


def test_central_letter_keeps_the_department_province(tmp_path) -> None:
    """Before: 'Sở Xây dựng' in both duties; the province a central letter names was dropped."""
    doc = parse_text(tmp_path, PLACED_LETTER, "cv346-ddd.md")
    leads = {(d.section, u.name) for d in doc.duties for u in d.units if u.role == "lead"}
    assert ("2", "Sở Xây dựng tỉnh Bình An") in leads, leads
    assert (None, "Sở Xây dựng tỉnh Bình An") in leads, leads


def test_several_year_limits_in_one_item_take_the_last() -> None:
    """'… trước năm 2027. …, hoàn thành trước năm 2031.': two limits, each in a clause of its
    own; the item is done when its last step is ([decided, s14 fixG], as for dates; s16 nq10
    III.4 prints 'trước năm 2025' then 'hoàn thành trước năm 2030'). Before: the first year, as
    'trước năm' was read as a bare year that may only date what the item handles."""
    from chinhsach.extract.duties import find_deadline

    text = ("Hoàn thành xây dựng kho dữ liệu về đê điều trước năm 2027. Nghiên cứu phương án nâng cấp "
            "các tuyến kè trọng điểm, hoàn thành trước năm 2031.")
    assert find_deadline(text)[0] == "2030-12-31"
    # A bare year that dates what the item handles still gives way to nothing later.
    assert find_deadline("Rà soát các dự án trong năm 2026; báo cáo kết quả.")[0] == "2026-12-31"


def test_year_of_the_aim_an_item_works_toward_is_no_deadline() -> None:
    """'…, hướng tới mục tiêu trung hòa carbon trước năm 2050': the horizon of a national aim,
    not the item's deadline (blind golds of s15 nq88, s16 nq10, s16 qd334 read it so). Before:
    2049-12-31."""
    from chinhsach.extract.duties import find_deadline

    text = ("Vận hành ổn định các nhà máy chế biến đá, sử dụng công nghệ tiết kiệm năng lượng, "
            "hướng tới mục tiêu trung hòa carbon trước năm 2050.")
    assert find_deadline(text)[0] is None
    # In a clause of its own the year is still the item's.
    assert find_deadline("Hướng tới sản xuất sạch; hoàn thành trước năm 2031.")[0] == "2030-12-31"


def test_year_range_after_trong_nam_dates_the_item() -> None:
    """'- Trong năm 2027 - 2028: Hoàn thiện …' under a phase: the item prints its own time, the
    range's last year, as 'Trong các năm 2027 - 2028' already was (s15 dev nq175 D1.VII.1.c and
    VII.2.c, its gold: 'Trong năm 2023 - 2024' → 2024-12-31). Before: nothing, so the phase
    heading's period was taken."""
    from chinhsach.extract.duties import find_deadline

    assert find_deadline("Trong năm 2027 - 2028: Hoàn thiện hồ sơ dự án kho lưu trữ.")[0] == "2028-12-31"
    assert find_deadline("Hoàn thành lắp đặt thiết bị trong năm 2027-2028.")[0] == "2028-12-31"


def test_comma_joined_report_step_is_the_items_last_limit() -> None:
    """'… hoàn thành trước ngày 10 tháng 5 năm 2027, …, báo cáo Bộ Tài chính trong tháng 5 năm
    2027': the report is the item's last step ([decided, s14 fixG]; s15 dev nq109 IV.1.a). Before:
    the first date, as no clause end stood between the two."""
    from chinhsach.extract.duties import find_deadline

    text = ("Rà soát, bổ sung kế hoạch của ngành, hoàn thành trước ngày 10 tháng 5 năm 2027, trong đó "
            "nêu rõ sản phẩm đầu ra, báo cáo Bộ Tài chính trong tháng 5 năm 2027.")
    assert find_deadline(text)[0] == "2027-05-31"
