"""Forms left over from the session-13 fresh development documents (helper fixleft), written
with invented wording: numbered categories inside a target's population (qd2853), …
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

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


_LONG_ITEM = (
    "1. Sở Nông nghiệp và Môi trường khẩn trương rà soát, đánh giá toàn bộ hệ thống đê bao, kè chống "
    "sạt lở, hồ chứa nước và các công trình thủy lợi trên địa bàn, lập danh mục công trình xuống cấp cần "
    "sửa chữa, nâng cấp trước mùa mưa, đề xuất nguồn vốn và thứ tự ưu tiên đầu tư, bảo đảm an toàn cho "
    "người dân ở các vùng trũng thấp, ven sông, ven biển và khu vực có nguy cơ ngập sâu. "
    "Tập trung chỉ đạo các đơn vị quản lý khai thác công trình thủy lợi vận hành hồ chứa đúng quy trình, "
    "chủ động xả nước đệm đón lũ, phối hợp chặt chẽ với chính quyền cơ sở trong việc thông tin cảnh báo "
    "sớm, sơ tán người dân ra khỏi khu vực nguy hiểm, chuẩn bị đầy đủ vật tư, phương tiện, lực lượng "
    "ứng cứu tại chỗ theo phương châm bốn tại chỗ, không để bị động, bất ngờ trong mọi tình huống. "
    "Đồng thời, tổng hợp thiệt hại về sản xuất nông nghiệp sau mỗi đợt thiên tai, đề xuất chính sách hỗ "
    "trợ giống cây trồng, vật nuôi, vật tư nông nghiệp để người dân sớm khôi phục sản xuất, ổn định đời "
    "sống, không để ai bị thiếu đói, không để người dân nào không có nơi ở an toàn sau thiên tai, bão lũ.\n"
)
PLAN = ("KẾ HOẠCH\n\nỨng phó thiên tai mùa mưa năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n"
        "Chủ động phòng, chống thiên tai.\n\nII. NHIỆM VỤ\n\n" + _LONG_ITEM +
        "2. Sở Tài chính bố trí kinh phí cho công tác khắc phục hậu quả thiên tai.\n")


def test_a_long_paragraph_is_one_duty(tmp_path: Path) -> None:
    # A paragraph over the search segment's length is cut into sentence parts for the search
    # model; it is still one duty, as the same item printed shorter is (cd229 item 1).
    assert len(_LONG_ITEM.split()) > 160
    doc = parse_text(tmp_path, PLAN, "ke-hoach.md")
    parts = [s for s in doc.segments if s.section == "II.1"]
    assert len(parts) > 1  # the premise: the search model reads it in parts
    duties = [d for d in doc.duties if d.section == "II.1"]
    assert len(duties) == 1, [d.text[:60] for d in duties]
    assert "Đồng thời" in duties[0].text
    # It keeps every part it was read from, the first being its evidence.
    assert duties[0].segment_ids == [s.id for s in parts]
    assert duties[0].segment_id == parts[0].id


def test_a_day_limit_beats_a_bare_year_of_the_same_year() -> None:
    from chinhsach.extract.duties import find_deadline

    iso, words, _ = find_deadline("Rà soát các hồ sơ tồn đọng, phân loại hồ sơ đã giải quyết trong năm 2026 và "
                                  "hồ sơ chuyển sang năm sau; báo cáo gửi Sở Nội vụ trước ngày 10 tháng 11 năm 2026.")
    assert iso == "2026-11-10", (iso, words)
    # A year alone stays the deadline.
    assert find_deadline("Hoàn thành việc số hóa hồ sơ trong năm 2026.")[0] == "2026-12-31"


def test_results_reported_to_the_superior_body() -> None:
    # "cơ quan quản lý cấp trên" is a body named by its function (asset-inventory and public-
    # asset rules charge and address it so); "báo cáo kết quả … cho X" sends the results to X
    # (qd1627 IV.1.5).
    assert _roles("Báo cáo kết quả rà soát cho cơ quan quản lý cấp trên (nếu có).") == {
        ("cơ quan quản lý cấp trên", "report_to")}
    assert ("cơ quan quản lý cấp trên", "lead") in _roles(
        "Các cơ quan quản lý cấp trên đôn đốc các đơn vị cấp dưới thực hiện.")


def test_a_bracketed_list_of_named_members_stands_for_its_class() -> None:
    # GUIDELINES-real.md [decided, s13 fixleft]: the named members take the class's role; the
    # class is not added; a single bracketed sub-body keeps its parent (kh987 IV.1).
    roles = _roles("Sở Y tế phối hợp với các bệnh viện tuyến tỉnh (Bệnh viện Đa khoa tỉnh, Bệnh viện Y học cổ "
                   "truyền tỉnh) rà soát danh mục thuốc.")
    assert roles == {("Sở Y tế", "lead"), ("Bệnh viện Đa khoa tỉnh", "cooperate"),
                     ("Bệnh viện Y học cổ truyền tỉnh", "cooperate")}, roles
    roles = _roles("Sở Công Thương phối hợp với các doanh nghiệp viễn thông (Viettel Bình Minh, VNPT Bình Minh) "
                   "rà soát mạng lưới.")
    assert roles == {("Sở Công Thương", "lead"), ("Viettel Bình Minh", "cooperate"),
                     ("VNPT Bình Minh", "cooperate")}, roles


def test_a_count_brought_to_completion_in_a_task_is_a_target() -> None:
    # GUIDELINES-real.md [decided, s13 adj]: outside a chỉ tiêu part a count is a target when it
    # is a result level; "hoàn thiện N <things>" is one (kh308 II.1.2), a count of rounds of
    # work is not.
    found = find_targets("Trong đó, ưu tiên hoàn thiện 7 hệ thống thông tin trọng yếu của ngành.",
                         section="II.1", in_objectives=False)
    assert [(t.value, t.indicator) for t in found] == [(7.0, "số hệ thống thông tin trọng yếu của ngành")], found
    assert find_targets("Hoàn thành 02 đợt kiểm tra tại các xã.", section="II.1", in_objectives=False) == []
    # "cơ sở dữ liệu" (a database) is counted as itself, not as "cơ sở" (a facility).
    found = find_targets("Hoàn thiện 5 cơ sở dữ liệu chuyên ngành.", section="II.1", in_objectives=False)
    assert [(t.value, t.unit) for t in found] == [(5.0, "cơ sở dữ liệu")], found
