"""Forms left over from the session-13 fresh development documents (helper fixleft), written
with invented wording: numbered categories inside a target's population (qd2853), …
"""

from __future__ import annotations

from chinhsach.extract.duties import roles_in_text
from chinhsach.extract.targets import find_targets


def test_a_numbered_category_does_not_cut_the_population_list() -> None:
    # "đối tượng 4" names a training category (national-defence courses are numbered 1-4):
    # it is no second value, and the listed groups before it stay in the indicator.
    text = ("- 100% giáo viên, nhân viên, người lao động khi dự lớp bồi dưỡng thuộc đối tượng 3 "
            "và người có uy tín trong thôn, bản được tập huấn kỹ năng sơ cứu;")
    targets = find_targets(text, section="I.2", year=2030)
    assert len(targets) == 1
    assert targets[0].value == 100.0
    assert targets[0].indicator.startswith("tỷ lệ giáo viên, nhân viên, người lao động")


def _roles(text: str) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in roles_in_text(text)}


def test_an_owner_list_in_the_opener_ends_before_the_subject() -> None:
    # "Trên cơ sở đề nghị của <owners> liên quan, <subject> …": "liên quan," closes the owners;
    # the body after it is the subject (tb659 item 2), not one more owner.
    roles = _roles("Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Xây dựng khẩn trương rà soát, "
                   "hoàn thiện tiêu chuẩn kỹ thuật về phòng cháy.")
    assert roles == {("Bộ Xây dựng", "lead")}, roles
    roles = _roles("Theo báo cáo của các sở, ngành có liên quan, Sở Nội vụ tổng hợp danh sách.")
    assert roles == {("Sở Nội vụ", "lead")}, roles


def test_a_list_going_on_after_lien_quan_stays_one_list() -> None:
    # Without an owner opener, "các sở, ngành liên quan, Ủy ban nhân dân các xã" is one subject list.
    roles = _roles("Các sở, ngành liên quan, Ủy ban nhân dân các xã tổ chức tuyên truyền.")
    assert ("Ủy ban nhân dân xã", "lead") in roles or any(r == "lead" and "xã" in n for n, r in roles), roles
    assert all(r == "lead" for _, r in roles), roles


def test_office_holders_addressed_as_comrades_form_one_list() -> None:
    # "các đồng chí <title> A, các đồng chí <title> B phải …; tăng cường kiểm tra …": both lists
    # of office holders are the subject, and both monitor (kl221 item 2).
    roles = _roles("Đề nghị các đồng chí giám đốc sở, các đồng chí chủ tịch ủy ban nhân dân xã phải trực tiếp "
                   "chỉ đạo công việc được giao; tăng cường kiểm tra, đôn đốc việc thực hiện.")
    leads = {n for n, r in roles if r == "lead"}
    monitors = {n for n, r in roles if r == "monitor"}
    assert len(leads) == 2 and leads == monitors, roles
