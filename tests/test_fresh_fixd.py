"""Forms of the session-13 fresh plans of other provinces (helper fixd), written with invented
wording: lettered field labels that lay a task out as "a) Nhiệm vụ / b) Cơ quan thực hiện /
c) Thời gian thực hiện", and the unit forms and times that the fresh plans showed the extractor
missing. Layout seen in the fresh development plans (kh308 Hà Nội, qd2820 TP Hồ Chí Minh) and in
real plans of the public crawl, e.g.
https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/Ke-hoach-308-KH-UBND-2025-trien-khai-Nghi-quyet-214-NQ-CP-chuyen-doi-so-toan-dien-Ha-Noi-681504.aspx
and https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/Quyet-dinh-2820-QD-UBND-2025-trien-khai-Quyet-dinh-06-QD-TTg-va-3103-QD-BTC-Ho-Chi-Minh-681674.aspx;
execution articles listing addressees by their heads' titles (Điều 3 "Chánh Văn phòng …, Giám đốc
các Sở …, Thủ trưởng các …, Chủ tịch UBND các …") as in
https://thuviennhadat.vn/vbpl/quyet-dinh-3970-qd-ubnd-nam-2013-thanh-lap-doi-cong-tac-xa-hoi-tinh-nguyen-dong-nai-217955.html
and https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Quyet-dinh-04-2016-QD-UBND-phoi-hop-cong-tac-phong-ngua-xu-ly-vi-pham-phap-luat-de-dieu-Hai-Duong-320398.aspx
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.model import Document, Duty

LETTERED_FIELDS = """KẾ HOẠCH

**I. MỤC ĐÍCH, YÊU CẦU**

1. Bảo đảm dữ liệu đồng bộ.

**II. NHIỆM VỤ**

**1. Về dữ liệu nông nghiệp**

**1.1. Cập nhật Quy hoạch vùng chăn nuôi:**

a) Nhiệm vụ: Tham mưu Ủy ban nhân dân tỉnh cập nhật Đề án chăn nuôi an toàn sinh học đến năm 2035
của tỉnh theo hướng dẫn mới.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.

- Đơn vị phối hợp: Sở Tài chính.

c) Thời gian thực hiện: Hoàn thành trong năm 2026.

**1.2. Số hóa hồ sơ vùng trồng:**

a) Nhiệm vụ:

- Rà soát, chuẩn hóa hồ sơ mã số vùng trồng trên địa bàn.

- Cập nhật dữ liệu vùng trồng lên hệ thống dùng chung của tỉnh.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Ủy ban nhân dân các xã, phường.

- Đơn vị phối hợp: Sở Khoa học và Công nghệ.

c) Thời gian thực hiện: Thực hiện thường xuyên.
"""


def _roles(duty: Duty) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in duty.units}


def _fields_doc(tmp_path: Path) -> Document:
    return parse_text(tmp_path, LETTERED_FIELDS, "ke-hoach-truong.md")


def test_lettered_field_labels_are_fields_of_their_task(tmp_path: Path) -> None:
    """"a) Nhiệm vụ: …" / "b) Cơ quan thực hiện:" / "c) Thời gian thực hiện: …" are the fields of
    one task: its duty keeps the task item's id, takes the units of the b) lines and the time of
    the c) line (not the year in the title of the scheme it updates)."""
    doc = _fields_doc(tmp_path)
    assert not [d for d in doc.duties if d.section.startswith("II.1.1.")], [d.section for d in doc.duties]
    duties = [d for d in doc.duties if d.section == "II.1.1"]
    assert len(duties) == 1, [d.text for d in duties]
    duty = duties[0]
    assert duty.text.startswith("Tham mưu Ủy ban nhân dân tỉnh cập nhật")
    assert {("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "cooperate")} <= _roles(duty)
    assert duty.deadline == "2026-12-31"


def test_field_lines_reach_every_bullet_of_the_task(tmp_path: Path) -> None:
    """"a) Nhiệm vụ:" over two dash bullets: both are the task; the b) and c) fields below reach
    each of them, not only the last one."""
    doc = _fields_doc(tmp_path)
    duties = [d for d in doc.duties if d.section == "II.1.2"]
    assert len(duties) == 2, [(d.section, d.text) for d in doc.duties]
    for duty in duties:
        assert {("Ủy ban nhân dân xã, phường", "lead"), ("Sở Khoa học và Công nghệ", "cooperate")} <= _roles(duty)
        assert duty.recurring == "thường xuyên"


ORGANISATION = """KẾ HOẠCH

**I. MỤC ĐÍCH**

1. Bảo đảm vận hành an toàn.

**II. TỔ CHỨC THỰC HIỆN**

**1. Trung tâm Dữ liệu số Thành phố**

Trung tâm Dữ liệu số Thành phố chủ trì, phối hợp với Bộ Tư lệnh Thành phố bảo đảm an toàn hạ tầng.

**2. Các sở ngành liên quan, Viện Nghiên cứu phát triển Thành phố**

- Cung cấp dữ liệu chuyên ngành thuộc phạm vi quản lý.

**3. Ủy ban nhân dân phường, xã**

- Chịu trách nhiệm về số liệu do địa phương cung cấp và thực hiện trách nhiệm giải trình trước
Ủy ban nhân dân Thành phố khi cung cấp chậm.
"""


def test_city_named_bodies_and_accountability(tmp_path: Path) -> None:
    """A capitalised "Thành phố" closes a sentence-case name as "thành phố" does; an institute
    named in sentence case keeps its name; "Bộ Tư lệnh Thành phố" (the city's military command
    after the 2025 reorganisation) is a body; "giải trình trước Y" makes Y report_to."""
    doc = parse_text(tmp_path, ORGANISATION, "ke-hoach-du-lieu.md")
    first = [d for d in doc.duties if d.section == "II.1"]
    assert len(first) == 1
    names = {u.name.lower(): u.role for u in first[0].units}
    assert names.get("trung tâm dữ liệu số thành phố") == "lead", first[0].units
    assert names.get("bộ tư lệnh thành phố") == "cooperate", first[0].units
    second = [d for d in doc.duties if d.section == "II.2"]
    assert len(second) == 1
    leads = {u.name.lower() for u in second[0].units if u.role == "lead" and u.explicit}
    assert {"sở, ngành", "viện nghiên cứu phát triển thành phố"} <= leads, second[0].units
    third = [d for d in doc.duties if d.section == "II.3"]
    assert len(third) == 1
    assert any(u.role == "report_to" and u.name.lower() == "ủy ban nhân dân thành phố" for u in third[0].units), \
        third[0].units


def test_a_roadmap_step_is_dated_by_its_bracketed_period() -> None:
    """"Lộ trình …:" over steps that end with their period in brackets: the bracket dates the
    step as a time label does; a period inside the text or an open start does not."""
    from chinhsach.extract.duties import find_deadline

    assert find_deadline("Chuẩn hóa kho dữ liệu đất đai và đưa vào khai thác thử (2026 - 2027).")[0] == "2027-12-31"
    assert find_deadline("Bồi dưỡng kỹ năng số cho cán bộ cơ sở (xuyên suốt 2026 - 2031).")[0] == "2031-12-31"
    assert find_deadline("Kết nối dữ liệu với các tỉnh lân cận (2027 trở đi).")[0] is None
    assert find_deadline("Triển khai Chương trình (giai đoạn 2026-2030) tại các xã vùng cao.")[0] is None


# A duty table flattened one cell per line; group II's first row prints two tasks: the second
# under the TT, time, result and funding cells merged down, with a lead and a partner of its own.
MERGED_TT = """KẾ HOẠCH

**I. NHIỆM VỤ**

1. Thực hiện các nhiệm vụ tại Phụ lục.

**PHỤ LỤC**

|
**TT**
|
**Nhiệm vụ**
|
**Cơ quan chủ trì**
|
**Cơ quan phối hợp**
|
**Thời gian hoàn thành**
|
**Kết quả**
|
**Nguồn kinh phí**
|
|
**I**
|
**Hạ tầng**
|
|
1
|
Nâng cấp mạng nội bộ của các trạm quan trắc.
|
Sở Nông nghiệp và Môi trường
|
Sở Tài chính
|
Quý III/2026
|
Mạng được nâng cấp
|
Ngân sách tỉnh
|
|
**II**
|
**Vận hành**
|
|
1
|
Vận hành phần mềm quản lý trạm quan trắc.
|
Sở Nông nghiệp và Môi trường
|
Sở Tài chính
|
Quý IV/2026
|
|
Sao lưu định kỳ dữ liệu quan trắc.
|
Sở Khoa học và Công nghệ
|
Công an tỉnh
|
|
2
|
Tập huấn cán bộ vận hành trạm.
|
Sở Nội vụ
|
Sở Tài chính
|
Năm 2027
|
Lớp tập huấn
|
Ngân sách tỉnh
|
"""


def test_a_second_task_under_a_merged_tt_is_a_row_of_its_own(tmp_path: Path) -> None:
    """A row that ends early ("… | Quý IV/2026 |") followed by cells that cannot fit in it is
    over: the next cells are the second task of the merged TT, with their own lead and partner."""
    doc = parse_text(tmp_path, MERGED_TT, "ke-hoach-quan-trac.md")
    rows = [d for d in doc.duties if d.section.startswith("PL1")]
    second = [d for d in rows if d.text.startswith("Sao lưu định kỳ")]
    assert len(second) == 1, [(d.section, d.text) for d in rows]
    assert {("Sở Khoa học và Công nghệ", "lead"), ("Công an tỉnh", "cooperate")} <= _roles(second[0])
    first = next(d for d in rows if d.text.startswith("Vận hành phần mềm"))
    assert ("Sở Khoa học và Công nghệ", "lead") not in _roles(first)


def test_the_execution_article_names_every_addressee(tmp_path: Path) -> None:
    """"Thủ trưởng các cơ quan, đơn vị trực thuộc Ủy ban nhân dân tỉnh" in a decision's execution
    article is one collective (its generic member kept, GUIDELINES-real.md [decided, adjud]), so
    the list of addressees goes on to the commune chairs after it."""
    text = ("QUYẾT ĐỊNH\n\n**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch số hóa hồ sơ đất đai.\n\n"
            "**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký.\n\n"
            "**Điều 3.** Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở, Thủ trưởng các cơ quan, đơn vị "
            "trực thuộc Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành "
            "Quyết định này./.\n")
    doc = parse_text(tmp_path, text, "quyet-dinh-dat-dai.md")
    duty = next(d for d in doc.duties if d.section == "D3")
    leads = {u.name.lower() for u in duty.units if u.role == "lead"}
    assert {"cơ quan, đơn vị trực thuộc ủy ban nhân dân tỉnh", "chủ tịch ủy ban nhân dân xã, phường"} <= leads, duty.units


def test_a_dotted_resolution_number_is_cited_whole(tmp_path: Path) -> None:
    """"Nghị quyết số 45.3/2025/NQ-CP": a series number with a dotted suffix is one number."""
    text = ("KẾ HOẠCH\n\nCăn cứ Nghị quyết số 45.3/2025/NQ-CP ngày 12 tháng 3 năm 2025 của Chính phủ về "
            "xử lý vướng mắc trong quy hoạch;\n\n**I. MỤC ĐÍCH**\n\n1. Bảo đảm tiến độ.\n")
    doc = parse_text(tmp_path, text, "ke-hoach-quy-hoach.md")
    assert ("45.3/2025/NQ-CP", "2025-03-12") in {(c.number, c.date) for c in doc.citations}, doc.citations


def test_the_receiver_of_reports_to_consolidate_leads_without_de(tmp_path: Path) -> None:
    """"gửi Sở X tổng hợp, báo cáo …" charges X with consolidating as "gửi Sở X để tổng hợp" does."""
    text = ("KẾ HOẠCH\n\n**I. MỤC ĐÍCH**\n\n1. Bảo đảm tiến độ.\n\n**II. TỔ CHỨC THỰC HIỆN**\n\n"
            "1. Các đơn vị lập dự toán kinh phí của nhiệm vụ được giao, gửi Sở Tài chính tổng hợp, báo cáo "
            "Ủy ban nhân dân tỉnh xem xét bố trí.\n")
    doc = parse_text(tmp_path, text, "ke-hoach-du-toan.md")
    duty = next(d for d in doc.duties if d.section == "II.1")
    assert {("Sở Tài chính", "report_to"), ("Sở Tài chính", "lead")} <= _roles(duty), duty.units


def test_a_reflected_difficulty_goes_to_the_consolidating_body() -> None:
    """"phản ánh về Sở X tổng hợp, báo cáo …" charges X as "… để tổng hợp" does; "tham mưu Ban Y
    tổng hợp" leaves Y the addressee only (the adviser consolidates)."""
    from chinhsach.extract.duties import roles_in_text

    roles = {(u.name, u.role) for u in roles_in_text(
        "Nếu có vướng mắc, các đơn vị phản ánh về Sở Xây dựng tổng hợp, báo cáo Ủy ban nhân dân tỉnh.")}
    assert {("Sở Xây dựng", "report_to"), ("Sở Xây dựng", "lead")} <= roles
    roles = {(u.name, u.role) for u in roles_in_text(
        "Sở Nội vụ tham mưu Ban Chỉ đạo cải cách hành chính tỉnh tổng hợp kết quả thực hiện.")}
    assert ("Ban Chỉ đạo cải cách hành chính tỉnh", "lead") not in roles
