"""Unit classes of sector letters (session 15, helper fixW), invented wording.

- Licence holders named by the licensed activity ("các tổ chức, cá nhân (được cấp giấy phép)
  <activity> <object>"): a provincial department's letter to mining licence holders (s15 dev
  cv5141) and a mining-protection letter (s14 dev, whose gold keeps the licence words).
- "các Bộ quản lý chuyên ngành": the ministry-level twin of "sở quản lý chuyên ngành" (s15 dev
  cv8388, a ministry's letter on a decree), read before as a bare "bộ".
- A heading "Đối với <class> (theo quy định tại …)": the bracket cites the act that defines the
  class; the heading still names who leads its points.
"""

from chinhsach.extract.duties import _default_finder, _units_of_heading
from chinhsach.extract.units import find_units


def _names(text: str) -> list[str]:
    return [m.name for m in find_units(text)]


def test_licence_holders_named_by_activity() -> None:
    assert _names("Các tổ chức, cá nhân kinh doanh khí dầu mỏ hóa lỏng có trách nhiệm báo cáo Sở Công Thương.") == [
        "tổ chức, cá nhân kinh doanh khí dầu mỏ hóa lỏng", "Sở Công Thương"]
    assert _names("2. Yêu cầu các tổ chức, cá nhân được cấp phép khai thác, chế biến đá xây dựng.") == [
        "tổ chức, cá nhân được cấp phép khai thác, chế biến đá xây dựng"]


def test_generic_pair_is_no_class() -> None:
    # no activity, or a law's generic statement without "các": nothing
    assert _names("Các cơ quan, tổ chức, cá nhân liên quan có trách nhiệm phối hợp.") == []
    assert _names("Tổ chức, cá nhân sản xuất phân bón phải lưu giữ chứng từ.") == []


def test_ministry_class_by_function() -> None:
    assert _names("Các Bộ quản lý chuyên ngành có trách nhiệm công bố danh mục.") == ["bộ quản lý chuyên ngành"]


def test_heading_class_with_legal_basis_bracket() -> None:
    for heading in ("Đối với các Bộ quản lý chuyên ngành (theo quy định tại khoản 2 Điều 7 Nghị định số 45/2030/NĐ-CP)",
                    "Đối với các Sở quản lý chuyên ngành (theo quy định tại Điều 3 Thông …"):
        units = _units_of_heading(heading, _default_finder)
        assert [(u.role) for u in units] == ["lead"], heading


def test_assignment_entry_closing_body_leads() -> None:
    """"<field> - <body>": a list assigning fields to bodies (s15 dev cv8388 5.a)."""
    from chinhsach.extract.duties import roles_in_text

    for text, body in (("Hạ tầng bến xe khách, trạm dừng nghỉ - Sở Xây dựng.", "Sở Xây dựng"),
                       ("Công trình thủy lợi nội đồng; hạ tầng chợ nông thôn — Sở Công Thương.", "Sở Công Thương")):
        assert [(u.name, u.role) for u in roles_in_text(text)] == [(body, "lead")]
