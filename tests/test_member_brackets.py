"""A class followed by its members in brackets, read by one helper (duties.MemberBracket).

GUIDELINES-real.md [decided, s13 fixleft]: the named members a bracket lists after a class take
the class's role, the class is not added; one bracketed body after its parent is a sub-body and
both keep the role ([decided, adjud]). Real layouts: "phối hợp với các nhà mạng (A, B, C)" (kh987
IV.1), the heading "Các cơ quan đăng ký đầu tư (Sở A, Ban B, Ban C)" (ct010 I.1), the heading
"Các cơ quan … (gồm các Sở: X, Y)" (qd1627) of the session-13 development documents. Invented
wording below.

Before the one helper, running text read a members bracket after a class that is no body only
when commas separated the names ("các nhà mạng (A, B)", not "(A và B)"), and a "(gồm A, B)" list
nowhere but in headings; it now reads both (tests marked "Before"). The output of every
development, fresh, real and fixture document stays the same (compared file by file).
"""

from __future__ import annotations

import pytest

from chinhsach.extract.duties import _default_finder, _units_of_heading, roles_in_text


def _roles(text: str) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in roles_in_text(text)}


def _heading(text: str) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in _units_of_heading(text, _default_finder)]


_PARTNERS = ("Viettel Bình Minh", "VNPT Bình Minh")
_HOSPITALS = ("Bệnh viện Đa khoa tỉnh", "Bệnh viện Phục hồi chức năng tỉnh")


@pytest.mark.parametrize(("text", "lead", "members"), [
    # Before: after a class that is no body ("các nhà mạng") a comma was needed, so "A và B"
    # got no role while "A, B" were partners.
    ("Sở Công Thương phối hợp với các nhà mạng (Viettel Bình Minh và VNPT Bình Minh) rà soát trạm.",
     "Sở Công Thương", _PARTNERS),
    # "(gồm A, B)" lists the members as "(A, B)" does. Before: the class got the role and the
    # named members none, or (a class that is no body) nobody did.
    ("Sở Y tế phối hợp với các bệnh viện tuyến tỉnh (gồm Bệnh viện Đa khoa tỉnh, Bệnh viện Phục hồi "
     "chức năng tỉnh) rà soát danh mục thuốc.", "Sở Y tế", _HOSPITALS),
    ("Sở Công Thương phối hợp với các nhà mạng (bao gồm cả Viettel Bình Minh, VNPT Bình Minh) rà soát trạm.",
     "Sở Công Thương", _PARTNERS),
])
def test_listed_members_take_the_class_role(text: str, lead: str, members: tuple[str, ...]) -> None:
    expected = {(lead, "lead")} | {(name, "cooperate") for name in members}
    assert _roles(text) == expected


def test_a_single_body_in_brackets_is_a_sub_body_or_an_aside() -> None:
    # One body after its parent is a sub-body: both keep the role.
    assert _roles("Sở Tài chính phối hợp với Sở Y tế (Chi cục Dân số) rà soát.") == {
        ("Sở Tài chính", "lead"), ("Sở Y tế", "cooperate"), ("Chi cục Dân số", "cooperate")}
    # One body after a thing is named in passing, not a partner.
    assert ("Sở Nội vụ", "cooperate") not in _roles(
        "Sở Tài chính phối hợp với hội nghị (Sở Nội vụ chủ trì) rà soát.")


def test_class_headings_hand_their_items_to_the_members() -> None:
    # ct010 layout: a short "Các …" class, its members in a plain bracket; the class, read as a
    # body, leads with them (the gold keeps both).
    assert _heading("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý Khu kinh tế tỉnh)") == [
        ("cơ quan đăng ký đầu tư", "lead"), ("Sở Tài chính", "lead"), ("Ban Quản lý Khu kinh tế tỉnh", "lead")]
    # qd1627 layout: a title opening with a collective noun, however long, when the bracket
    # says "gồm".
    assert _heading("Lực lượng thực hiện nhiệm vụ bảo đảm an ninh trật tự trên địa bàn tỉnh "
                    "(gồm Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh)") == [
        ("Công an tỉnh", "lead"), ("Bộ Chỉ huy Quân sự tỉnh", "lead")]


def test_a_topic_heading_that_names_bodies_is_no_class_heading() -> None:
    # A long "Các …" title before a plain bracket, or a body named inside the title, is a topic.
    assert _heading("Các cơ quan tham mưu cho Ủy ban nhân dân tỉnh quản lý nhà nước về lĩnh vực đầu tư "
                    "(Sở Tài chính, Sở Xây dựng)") == []
    assert _heading("Các cơ quan tham mưu cho Ủy ban nhân dân tỉnh quản lý nhà nước về lĩnh vực đầu tư "
                    "(gồm Sở Tài chính, Sở Xây dựng)") == []
