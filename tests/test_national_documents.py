"""National documents: the Prime Minister's and a ministry's decisions carrying a plan, and a
Government resolution assigning tasks by agency (session 13, helper fixnat).

Forms seen in the development documents of /tmp/s13/dev (addresses only, no text copied):
- https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Quyet-dinh-2623-QD-TTg-2025-trien-khai-thi-hanh-Luat-Bao-ve-du-lieu-ca-nhan-682619.aspx
- https://thuvienphapluat.vn/van-ban/Van-hoa-Xa-hoi/Quyet-dinh-4385-QD-BVHTTDL-2025-thuc-hien-Quy-hoach-mang-luoi-co-so-van-hoa-va-the-thao-681516.aspx
- https://thuvienphapluat.vn/van-ban/Tai-nguyen-Moi-truong/Nghi-quyet-380-NQ-CP-2025-giai-phap-khac-phuc-hau-qua-thien-tai-cac-dia-phuong-mien-Trung-682054.aspx

Every text below is written for the test, with the layout those documents use.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.extract.citations import find_citations
from chinhsach.extract.duties import roles_in_text
from chinhsach.extract.targets import find_targets
from chinhsach.extract.units import find_units

_DECISION = """|
**THỦ TƯỚNG
CHÍNH PHỦ**
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 77/QĐ-TTg
|
*Hà Nội, ngày
03 tháng 3 năm 2025*
|

**QUYẾT ĐỊNH**

BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT NUÔI ONG

**THỦ TƯỚNG CHÍNH PHỦ**

*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*

**QUYẾT ĐỊNH:**

**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Nuôi ong.

**Điều 2. **Quyết định này có hiệu lực thi hành từ ngày ký ban hành.

**Điều 3. **Bộ
trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ chịu trách
nhiệm thi hành Quyết định này.

**THỦ TƯỚNG**
Lê Văn Bình

**KẾ HOẠCH**

TRIỂN KHAI THI HÀNH LUẬT NUÔI ONG

**I. NỘI DUNG**

1. Soạn thảo Nghị định quy định chi tiết

- Nội dung: quy định chi tiết khoản 2 Điều 1; khoản 4
Điều 2; khoản 1 Điều 9 và Điều 12 của Luật Nuôi ong.

- Cơ quan chủ trì: Bộ Nông nghiệp và Môi trường.

- Thời hạn ban hành: trước ngày 30 tháng 6 năm 2025.

2. Tập huấn người nuôi ong

- Cơ quan chủ trì: Bộ Khoa học và Công nghệ.

- Thời gian thực hiện: năm 2026.
"""


def test_article_reference_wrapped_before_dieu_is_not_an_article(tmp_path: Path) -> None:
    """A hard wrap before "Điều 2;" inside a list of clauses must not open an item numbered 2
    (the next number the outline expects) and move the rest of item 1 under it: the item keeps
    its id, its lead and its time."""
    doc = parse_text(tmp_path, _DECISION)
    first = [d for d in doc.duties if d.section == "KH.I.1"]
    assert any(u.name == "Bộ Nông nghiệp và Môi trường" for d in first for u in d.units)
    assert any(d.deadline == "2025-06-30" for d in first)
    second = [d for d in doc.duties if d.section == "KH.I.2"]
    assert not any(u.name == "Bộ Nông nghiệp và Môi trường" for d in second for u in d.units)


def test_minister_title_without_cac_stands_for_the_ministries() -> None:
    """"Bộ trưởng, Thủ trưởng cơ quan ngang bộ, …" (the execution article of the Prime
    Minister's decisions, the Government's resolutions) names the ministries' class "bộ" with
    or without a leading "Các"."""
    names = [m.name for m in find_units(
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân "
        "các tỉnh, thành phố trực thuộc trung ương chỉ đạo triển khai các biện pháp.")]
    assert names[0] == "bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"
    assert "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương" in names
    # A named minister is still his ministry.
    assert [m.name for m in find_units("Bộ trưởng Bộ Y tế chịu trách nhiệm.")] == ["Bộ Y tế"]


def test_ministries_agencies_and_localities_collective() -> None:
    """"các bộ, cơ quan, địa phương" (the Government's short name for every ministry, agency
    and province) and "các bộ, cơ quan trung ương, địa phương" are one collective each; the
    generic "các cơ quan, đơn vị, địa phương" stays no unit."""
    assert [m.name for m in find_units("Các bộ, cơ quan, địa phương chủ động rà soát nguồn lực.")] \
        == ["bộ, cơ quan, địa phương"]
    assert [m.name for m in find_units("Bộ Công Thương phối hợp với các bộ, cơ quan trung ương, "
                                       "địa phương xây dựng phương án.")] \
        == ["Bộ Công Thương", "bộ, cơ quan trung ương, địa phương"]
    assert find_units("Các cơ quan, đơn vị, địa phương thực hiện nghiêm.") == []


def test_numbers_listed_in_brackets_after_capital_so() -> None:
    """"các Quyết định của Bộ trưởng … (Số 15/QĐ-BXD ngày …, số 21/QĐ-BXD ngày …)": the
    bracket lists the numbers of the documents named before it; the capital "Số" after "(" is
    not a header joined into the line."""
    text = ("Căn cứ các Quyết định của Bộ trưởng Bộ Xây dựng phê duyệt điều chỉnh đề án (Số "
            "15/QĐ-BXD ngày 02/3/2024 và số 21/QĐ-BXD ngày 09/8/2024);")
    got = {(c.number, c.date) for c in find_citations(text, section=None)}
    assert ("15/QĐ-BXD", "2024-03-02") in got
    assert ("21/QĐ-BXD", "2024-08-09") in got


def test_national_bodies_keep_viet_nam() -> None:
    """The national bodies a Government resolution charges keep "Việt Nam" in their names, as
    the gazetteer already writes "Hội Nông dân Việt Nam" beside the borrowed "Hội Nông dân"; the
    provincial form stays with its level."""
    names = [m.name for m in find_units(
        "Hội Chữ thập đỏ Việt Nam, Liên minh Hợp tác xã Việt Nam và Thông tấn xã Việt Nam "
        "tham gia vận động ủng hộ.")]
    assert names == ["Hội Chữ thập đỏ Việt Nam", "Liên minh Hợp tác xã Việt Nam", "Thông tấn xã Việt Nam"]
    assert [m.name for m in find_units("Hội Chữ thập đỏ tỉnh phối hợp thực hiện.")] == ["Hội Chữ thập đỏ tỉnh"]


def test_named_provinces_each_with_its_level_word() -> None:
    """"Ủy ban nhân dân thành phố X, thành phố Y và tỉnh Z" under one head names three bodies,
    told apart by their names (GUIDELINES-real.md: a list of proper names under one head gives
    one unit per named body); one named province alone stays the plan's own committee."""
    names = [m.name for m in find_units(
        "Ủy ban nhân dân thành phố Bắc Hà, thành phố Nam Sơn và tỉnh Tây Lĩnh cử đoàn công tác hỗ trợ.")]
    assert names == ["Ủy ban nhân dân thành phố Bắc Hà", "Ủy ban nhân dân thành phố Nam Sơn",
                     "Ủy ban nhân dân tỉnh Tây Lĩnh"]
    assert [m.name for m in find_units("Ủy ban nhân dân tỉnh Tây Lĩnh chỉ đạo.")] == ["Ủy ban nhân dân tỉnh"]


def test_government_courteously_requests_is_no_lead() -> None:
    """"Chính phủ trân trọng đề nghị X …": the courtesy word between the requester and "đề nghị"
    does not make the requester a charged unit; X leads."""
    roles = {(u.name, u.role) for u in roles_in_text(
        "Chính phủ trân trọng đề nghị Hội Chữ thập đỏ Việt Nam chủ động vận động, kêu gọi ủng hộ.")}
    assert roles == {("Hội Chữ thập đỏ Việt Nam", "lead")}


def test_object_between_send_and_receiver() -> None:
    """"gửi kết quả kiểm kê về Bộ X trước ngày …": the receiver named after the object sent is
    report_to, as after "báo cáo … về"."""
    roles = {(u.name, u.role) for u in roles_in_text(
        "Ủy ban nhân dân các tỉnh gửi kết quả kiểm kê về Bộ Tài chính trước ngày 10 tháng 3 năm 2026.")}
    assert ("Bộ Tài chính", "report_to") in roles
    assert ("Bộ Tài chính", "lead") not in roles


def test_second_year_shares_the_growth_subject() -> None:
    """"phấn đấu tăng trưởng … cả năm 2025 đạt trên N% và năm 2026 từ M% trở lên, cụ thể như
    sau:": the second member shares the first one's subject (the announcing "cụ thể như sau" is
    no indicator), and "cả" goes with the year it led."""
    got = [(t.indicator, t.comparator, t.value, t.year) for t in find_targets(
        "Các bộ, cơ quan, địa phương tiếp tục triển khai các giải pháp, phấn đấu tăng trưởng xuất khẩu "
        "cả năm 2025 đạt trên 12% và năm 2026 từ 15% trở lên, cụ thể như sau:", section="II.3")]
    assert got == [("tăng trưởng xuất khẩu", "above", 12.0, 2025),
                   ("tăng trưởng xuất khẩu", "at_least", 15.0, 2026)]


def test_funding_split_by_source_is_no_target() -> None:
    """Outside the objectives, the shares of a plan's funding by source ("Vốn ngoài ngân sách …
    dự kiến N%-M%") size the plan as its money does: no target."""
    text = ("Nhu cầu vốn thực hiện Kế hoạch dự kiến khoảng 900 tỷ đồng. Trong đó:\n"
            "- Vốn ngoài ngân sách và các nguồn vốn hợp pháp khác dự kiến 20%-25%.")
    assert find_targets(text, section="KH.II.4", in_objectives=False) == []


_DRAFTS_PLAN = _DECISION.split("**I. NỘI DUNG**")[0] + """**I. NỘI DUNG**

1. Soạn thảo các nghị định hướng dẫn Luật Nuôi ong

- Nghị định quy định chi tiết một số điều của Luật Nuôi ong

+ Nội dung: quy định chi tiết khoản 3 Điều 5 và khoản 2 Điều 11 của Luật Nuôi ong.

+ Cơ quan chủ trì: Bộ Nông nghiệp và Môi trường.

+ Cơ quan phối hợp: Bộ Tư pháp và các cơ quan có liên quan.

+ Thời hạn ban hành: trước ngày 31 tháng 3 năm 2026.

- Nghị định quy định xử phạt vi phạm hành chính trong nuôi ong

+ Nội dung: quy định hành vi vi phạm và mức phạt.

+ Cơ quan chủ trì: Bộ Công an.

+ Thời hạn ban hành: trước ngày 30 tháng 6 năm 2026.

**II. TỔ CHỨC THỰC HIỆN**

1. Bộ Nông nghiệp và Môi trường theo dõi, đôn đốc việc thực hiện Kế hoạch này.

2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các
tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm tổ chức thực hiện Kế hoạch này.

Căn cứ Kế hoạch này, các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ xây dựng kế hoạch chi tiết
của bộ, ngành mình.

3. Trong quá trình thực hiện, nếu có vướng mắc, các bộ, ngành phản ánh về Bộ Nông nghiệp và Môi
trường để tổng hợp.
"""


def test_plus_fields_under_a_titled_bullet_are_one_duty(tmp_path: Path) -> None:
    """"- Nghị định …" over "+ Nội dung: …", "+ Cơ quan chủ trì: …", "+ Thời hạn ban hành: …":
    the outer bullet names the task and its "+" lines are its fields, one duty per draft
    (GUIDELINES-real.md, labelled field lines are one duty), each with its own lead and date."""
    doc = parse_text(tmp_path, _DRAFTS_PLAN)
    drafts = [d for d in doc.duties if d.section == "KH.I.1"]
    assert len(drafts) == 2
    first, second = drafts
    assert {(u.name, u.role) for u in first.units} == {("Bộ Nông nghiệp và Môi trường", "lead"),
                                                      ("Bộ Tư pháp", "cooperate")}
    assert first.deadline == "2026-03-31"
    assert {(u.name, u.role) for u in second.units} == {("Bộ Công an", "lead")}
    assert second.deadline == "2026-06-30"


def test_cut_heading_names_no_cut_body(tmp_path: Path) -> None:
    """A long item's heading is its first words cut with "…"; a collective cut there ("…, cơ
    quan") must not reach the item's continuation paragraph as one more body."""
    doc = parse_text(tmp_path, _DRAFTS_PLAN)
    names = {u.name for d in doc.duties if d.section == "KH.II.2" for u in d.units}
    assert "bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ" in names
    assert "bộ, cơ quan ngang bộ, cơ quan" not in names


def test_institute_named_with_several_commas_before_va() -> None:
    """"Viện A, B, C và D Việt Nam": the "A, B và C" shape of department names with more than
    one comma; a list of listed departments sharing "Sở" is still several bodies."""
    assert [m.name for m in find_units("Viện Kinh tế, Xã hội, Môi trường và Đô thị Việt Nam chủ trì.")] \
        == ["Viện Kinh tế, Xã hội, Môi trường và Đô thị Việt Nam"]
    assert [m.name for m in find_units("Sở Y tế, Tài chính, Nội vụ và Xây dựng phối hợp.")] \
        == ["Sở Y tế", "Sở Tài chính", "Sở Nội vụ", "Sở Xây dựng"]


def test_ministry_execution_article_heads() -> None:
    """A ministry's execution article lists the heads of its departments ("Chánh Văn phòng Bộ, Vụ
    trưởng Vụ X, Viện trưởng Viện Y …"): "Vụ trưởng" is a title like "Cục trưởng", each head
    stands for its body and every body in the list is charged."""
    roles = {(u.name, u.role) for u in roles_in_text(
        "Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế, Viện trưởng Viện Kinh tế, Xã hội, Môi trường và "
        "Đô thị Việt Nam và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này.")}
    assert ("Vụ Pháp chế", "lead") in roles
    assert ("Viện Kinh tế, Xã hội, Môi trường và Đô thị Việt Nam", "lead") in roles
