"""Decisions (Quyết định) and what they carry: the forms of real decisions of other provinces,
years and levels (session 12 survey).

The development set holds one decision (qd2954, Sơn La 2025), which issues its plan as an
attachment. Real decisions also approve a programme by printing it inside "Điều 1", constitute
a steering committee or a working group over a roster of members, state the tasks of the body
they set up in an article of their own, and end with an execution article ("… chịu trách nhiệm
thi hành", "… căn cứ Quyết định thi hành"). About 35 real decisions of some 25 provinces and
central bodies, 2002-2025, were read through the search tool's stored pages. No text is copied
here: every document below is written for the test (a made-up province, "An Hòa"), with the
structure those decisions use. Each test names the addresses where the form was seen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import parse_text

from chinhsach.extract.duties import find_deadline, roles_in_text
from chinhsach.model import Document, Duty

_HEADER = """ỦY BAN NHÂN DÂN
TỈNH AN HÒA
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: {number}

An Hòa, ngày {date}

QUYẾT ĐỊNH

{title}

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN HÒA

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

Theo đề nghị của Giám đốc Sở Nội vụ.

QUYẾT ĐỊNH:

"""
_SIGNATURE = """
Nơi nhận:
- Như Điều {n};
- Lưu: VT.

CHỦ TỊCH

Phạm Quốc Hùng
"""

# ---------------------------------------------------------------------------------------------
# "Điều 1. Phê duyệt … như sau:" over the programme's Roman parts
# ---------------------------------------------------------------------------------------------

APPROVED_PARTS = _HEADER.format(
    number="1877/QĐ-UBND", date="05 tháng 9 năm 2019",
    title="VỀ VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH CHĂM SÓC NGƯỜI CAO TUỔI TỈNH AN HÒA GIAI ĐOẠN 2019 - 2025",
) + """Điều 1. Phê duyệt Chương trình chăm sóc người cao tuổi tỉnh An Hòa giai đoạn 2019 - 2025 với những nội dung chính như sau:

I. MỤC TIÊU

1. Mục tiêu tổng quát

Nâng cao chất lượng chăm sóc sức khỏe và đời sống tinh thần cho người cao tuổi.

2. Mục tiêu cụ thể

a) Đến năm 2025, 95% người cao tuổi được cấp thẻ bảo hiểm y tế.

b) Đến năm 2025, ít nhất 70% người cao tuổi được khám sức khỏe định kỳ.

II. NHIỆM VỤ, GIẢI PHÁP

1. Tuyên truyền nâng cao nhận thức của gia đình và xã hội về chăm sóc người cao tuổi.

2. Phát triển mạng lưới câu lạc bộ liên thế hệ tự giúp nhau ở các xã, phường.

III. TỔ CHỨC THỰC HIỆN

1. Sở Y tế chủ trì hướng dẫn, kiểm tra việc thực hiện Chương trình; báo cáo Ủy ban nhân dân tỉnh trước ngày 10 tháng 12 hằng năm.

2. Sở Tài chính tham mưu bố trí kinh phí thực hiện Chương trình.

Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.

Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Y tế, Tài chính; Chủ tịch Ủy ban nhân dân các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./.
""" + _SIGNATURE.format(n=3)


def _roles(duty: Duty) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in duty.units}


def _parse(tmp_path: Path, text: str, name: str = "qd.md") -> Document:
    return parse_text(tmp_path, text, name)


def test_roman_parts_printed_inside_the_approving_article(tmp_path: Path) -> None:
    """"Điều 1. Phê duyệt Chương trình … với những nội dung chính như sau:" over "I. MỤC TIÊU",
    "II. NHIỆM VỤ …", "III. TỔ CHỨC THỰC HIỆN": the parts are the article's (D1.I, D1.II.1,
    dotted as printed), and "Điều 2" closes them. Before, the parts took the top-level ids
    ("I", "II.1") and "Điều 2. Quyết định này có hiệu lực …" fell under part III's organisation,
    so the entry into force became a duty charged to the plan's lead.

    Seen in 6 real decisions and resolutions, 2008-2021:
    https://thuvienphapluat.vn/van-ban/Linh-vuc-khac/Quyet-dinh-1994-QD-UBND-2021-Ke-hoach-chuyen-doi-co-cau-cay-trong-An-Giang-2021-2025-556532.aspx,
    https://phapluatcongdong.vn/van-ban/quyet-dinh-853-qd-ubnd-ban-hanh-tinh-lam-dong-nam-2018-p97173.htm,
    https://thuvienphapluat.vn/van-ban/dau-tu/quyet-dinh-61-2008-qd-ttg-phe-duyet-quy-hoach-tong-the-phat-trien-kinh-te-xa-hoi-dai-ven-bien-mien-trung-viet-nam-den-nam-2020-65831.aspx,
    https://thuviennhadat.vn/vbpl/quyet-dinh-344-qd-ttg-2022-phe-duyet-de-an-phat-trien-ben-vung-mac-ca-2021-2030-506742.html,
    https://luatminhkhue.vn/nghi-quyet-11-2011-nq-hdnd-ke-hoach-phat-trien-kinh-te---xa-hoi-tinh-tien-giang-nam-2012.aspx
    """
    doc = _parse(tmp_path, APPROVED_PARTS)
    ids = {s.id: s for s in doc.sections}
    assert {"D1.I", "D1.I.2.a", "D1.II.1", "D1.III.2", "D2", "D3"} <= set(ids)
    assert not {"I", "II", "III"} & set(ids)
    assert ids["D1.I"].parent == "D1" and ids["D1.II"].part == "tasks" and ids["D1.III"].part == "organisation"
    assert ids["D2"].parent is None
    assert {t.section for t in doc.targets} == {"D1.I.2.a", "D1.I.2.b"}
    sections = [d.section for d in doc.duties]
    assert sections == ["D1.II.1", "D1.II.2", "D1.III.1", "D1.III.2", "D3"]
    assert {("Sở Y tế", "lead"), ("Ủy ban nhân dân tỉnh", "report_to")} <= _roles(doc.duties[2])


# ---------------------------------------------------------------------------------------------
# Decimal points inside a clause of the approving article
# ---------------------------------------------------------------------------------------------

APPROVED_CLAUSES = _HEADER.format(
    number="2033/QĐ-UBND", date="02 tháng 11 năm 2021",
    title="VỀ VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH PHÒNG, CHỐNG TAI NẠN THƯƠNG TÍCH TRẺ EM GIAI ĐOẠN 2021 - 2025",
) + """Điều 1. Phê duyệt Chương trình phòng, chống tai nạn thương tích trẻ em tỉnh An Hòa giai đoạn 2021 - 2025 với các nội dung chính như sau:

1. Mục tiêu:

1.1. Mục tiêu tổng quát:

Giảm tai nạn thương tích ở trẻ em, xây dựng môi trường sống an toàn cho trẻ em.

1.2. Các mục tiêu cụ thể:

- Giảm tỷ suất trẻ em tử vong do tai nạn thương tích xuống dưới 12/100.000 trẻ em vào năm 2025;

- 70% trẻ em từ 6 đến 16 tuổi được học kỹ năng an toàn trong môi trường nước.

2. Nhiệm vụ, giải pháp:

2.1. Truyền thông nâng cao nhận thức của cha mẹ về phòng, chống tai nạn thương tích trẻ em.

2.2. Sở Giáo dục và Đào tạo chủ trì tổ chức dạy bơi an toàn cho học sinh tiểu học hằng năm.

3. Kinh phí thực hiện: từ ngân sách nhà nước theo phân cấp hiện hành.

Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Giáo dục và Đào tạo, Chủ tịch Ủy ban nhân dân các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./.
""" + _SIGNATURE.format(n=2)


def test_decimal_points_under_a_clause_of_an_article(tmp_path: Path) -> None:
    """"1. Mục tiêu:" over "1.1. Mục tiêu tổng quát:", "1.2. Các mục tiêu cụ thể:" inside
    "Điều 1. Phê duyệt …": the decimal points are D1.1.1, D1.1.2 (as "2.1." under part III is
    III.2.1), and the next clause "3." is still read as D1.3. Before, "1.1." was no outline
    marker under an article: its text stayed in the clause's duty ("2.1. Truyền thông …", section
    D1.2).

    Seen in https://thuvienphapluat.vn/van-ban/Van-hoa-Xa-hoi/Quyet-dinh-2033-QD-UBND-phe-duyet-chuong-trinh-bao-ve-tre-em-2011-2015-Tra-Vinh-191773.aspx
    (and the clause-level contents of
    https://thuvienphapluat.vn/van-ban/Thuong-mai/Quyet-dinh-61-QD-TTg-2018-phe-duyet-De-an-xay-dung-nong-thon-moi-khu-vuc-bien-gioi-tinh-Nghe-An-372461.aspx).
    """
    doc = _parse(tmp_path, APPROVED_CLAUSES)
    ids = {s.id: s for s in doc.sections}
    assert {"D1.1.1", "D1.1.2", "D1.2.1", "D1.2.2", "D1.3", "D2"} <= set(ids)
    assert ids["D1.2.1"].parent == "D1.2"
    assert {t.section for t in doc.targets} == {"D1.1.2"}
    tasks = [d for d in doc.duties if d.section and d.section.startswith("D1.2")]
    assert [d.section for d in tasks] == ["D1.2.1", "D1.2.2"]
    assert tasks[0].text.startswith("Truyền thông")
    assert ("Sở Giáo dục và Đào tạo", "lead") in _roles(tasks[1])


# ---------------------------------------------------------------------------------------------
# "Kiện toàn / Thành lập …" over a roster, then the body's tasks in an article of their own
# ---------------------------------------------------------------------------------------------

WORKING_GROUP = _HEADER.format(
    number="1540/QĐ-UBND", date="11 tháng 8 năm 2023",
    title="VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC LIÊN NGÀNH KIỂM TRA AN TOÀN THỰC PHẨM",
) + """Điều 1. Kiện toàn Tổ công tác liên ngành kiểm tra an toàn thực phẩm tỉnh An Hòa (sau đây gọi tắt là Tổ công tác), gồm các ông, bà có tên sau:

1. Tổ trưởng: Ông Lê Minh Đức, Phó Giám đốc Sở Y tế.

2. Tổ phó: Bà Hoàng Thị Lan, Phó Trưởng phòng Quản lý thị trường.

3. Các thành viên:

- Ông Trần Quang Vinh, Phó Trưởng phòng Cảnh sát kinh tế Công an tỉnh;
- Bà Vũ Thị Thu, chuyên viên Sở Công Thương.

Điều 2. Tổ công tác có nhiệm vụ:

1. Kiểm tra việc chấp hành quy định về an toàn thực phẩm của các cơ sở sản xuất, kinh doanh trên địa bàn tỉnh trong quý IV/2023.

2. Báo cáo kết quả kiểm tra về Ủy ban nhân dân tỉnh (qua Sở Y tế) trước ngày 31 tháng 12 năm 2023.

Điều 3. Quyết định này có hiệu lực kể từ ngày ký.

Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế, Giám đốc Công an tỉnh và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
""" + _SIGNATURE.format(n=4)


def test_a_roster_is_no_duty_and_the_body_has_its_tasks(tmp_path: Path) -> None:
    """"Điều 1. Kiện toàn Tổ công tác …, gồm các ông, bà có tên sau:" over "1. Tổ trưởng: Ông
    …", "- Bà …": the decision's own act over its members, none a duty (before, "kiện toàn"
    made the article a task part and each member line a duty with no unit). "Điều 2. Tổ công
    tác có nhiệm vụ:" over its clauses: each clause is a task of the working group (before the
    article was no task part: its first clause gave no duty, and "Tổ công tác" was no unit).

    The form (a roster with each member's role, then the body's tasks) in the decisions reported
    at https://247news.vn/kien-toan-ban-chi-dao-cap-tinh-va-cac-tieu-ban-phong-chong-dich-benh-covid-19/,
    https://binhduong.gov.vn:443/thong-tin-tuyen-truyen/2025/02/756-binh-duong-thanh-lap-ban-chi-dao-ve-phat-trien-khoa-hoc-cong-nghe-doi-moi-sang-tao-va-chuyen-doi-so,
    https://baomoi.com/thanh-lap-ban-chi-dao-dai-hoi-dai-bieu-cac-dan-toc-thieu-so-viet-nam/c/2962133.epi?utm_source=mobile&utm_medium=zalo&utm_campaign=share;
    working groups with rules of their own:
    https://hethongphapluat.vn/quyet-dinh-757-qd-ubnd-nam-2014-ve-quy-che-hoat-dong-cua-to-cong-tac-thuc-hien-ke-hoach-nang-cao-chi-so-nang-luc-canh-tranh-pci-tinh-quang-ninh.html,
    https://nguoihanoi.vn/ket-luan-ptag.html.
    """
    doc = _parse(tmp_path, WORKING_GROUP)
    assert not [d for d in doc.duties if d.section and d.section.startswith("D1")]
    # The group by the full name its short name stands for (session 15, fixQ: "(sau đây gọi
    # tắt là Tổ công tác)"), the province dropped after its level word ([decided, kh165]).
    group = "Tổ công tác liên ngành kiểm tra an toàn thực phẩm tỉnh"
    first = next(d for d in doc.duties if d.section == "D2.1")
    assert (group, "lead") in _roles(first)
    second = next(d for d in doc.duties if d.section == "D2.2")
    assert {(group, "lead"), ("Ủy ban nhân dân tỉnh", "report_to")} <= _roles(second)
    assert second.deadline == "2023-12-31"
    assert [d.section for d in doc.duties if d.section in ("D3", "D4")] == ["D4"]


# ---------------------------------------------------------------------------------------------
# The execution article
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    # Members of the body come first; the units after them are subjects of their own.
    ("Các thành viên Ban Chỉ đạo, Thủ trưởng các sở, ban, ngành có trách nhiệm thực hiện Quy chế này.",
     {("sở, ban, ngành", "lead")}),
    # "… căn cứ Quyết định thi hành": the other wording of the execution article.
    ("Thành viên Tổ công tác, Giám đốc Sở Y tế, Chủ tịch Ủy ban nhân dân các huyện căn cứ Quyết định thi hành./.",
     {("Sở Y tế", "lead"), ("Chủ tịch Ủy ban nhân dân huyện", "lead")}),
    # The members open the subjects; generic bodies close the list before the verb.
    ("Các thành viên Ban Chỉ đạo, Văn phòng Ủy ban nhân dân tỉnh và Thủ trưởng cơ quan, đơn vị có liên quan "
     "chịu trách nhiệm thi hành Quyết định này./.",
     {("Văn phòng Ủy ban nhân dân tỉnh", "lead")}),
])
def test_execution_article_forms(sentence: str, expected: set[tuple[str, str]]) -> None:
    """The execution article lists the offices that carry the decision out, with the members
    of the body the decision concerns ("các thành viên Ban Chỉ đạo", "các thành viên Tổ công
    tác") and "chịu trách nhiệm thi hành" or "căn cứ Quyết định thi hành" (every decision read;
    GUIDELINES-real.md and the development gold of qd2954 D3 read it as a duty of each office).
    Before, a list that opened with the members lost every unit after them, and "căn cứ Quyết
    định thi hành" charged no one unless the list opened the sentence.

    Seen in https://thuviennhadat.vn/vbpl/quyet-dinh-1209-qd-ubnd-2013-quy-che-ban-chi-dao-cong-tac-dan-so-tinh-ha-giang-208300.html,
    https://hethongphapluat.vn/quyet-dinh-757-qd-ubnd-nam-2014-ve-quy-che-hoat-dong-cua-to-cong-tac-thuc-hien-ke-hoach-nang-cao-chi-so-nang-luc-canh-tranh-pci-tinh-quang-ninh.html,
    https://luatminhkhue.vn/quyet-dinh-so-4848-qd-ubnd-cua-ubnd-tinh-ninh-thuan---ban-hanh-quy-che-to-chuc-va-hoat-dong-cua-ban-quan-ly-du-an-nang-cao-chat-luong-va-su-dung-dich-vu-suc-khoe-sinh-san-tinh-ninh-thuan--ma-so--vnm7p.aspx,
    https://2mit.org/forum/threads/qui-dinh-ve-ban-hanh-van-ban-cua-doan.31554,
    https://thuvienphapluat.vn/van-ban/Tai-nguyen-Moi-truong/Quyet-dinh-503-QD-UBND-2019-Ke-hoach-Phong-chong-thien-tai-va-tim-kiem-cuu-nan-tinh-Kon-Tum-426117.aspx?tab=3
    (its Điều 3 opens with the members of the provincial command).
    """
    assert {(u.name, u.role) for u in roles_in_text(sentence)} == expected


# ---------------------------------------------------------------------------------------------
# An attached Quy chế: its working rules
# ---------------------------------------------------------------------------------------------

def test_report_receiver_name_stops_before_what_is_reported() -> None:
    """"Tổng hợp, báo cáo Ban Chỉ đạo kết quả thực hiện …" (the standing office's duty in a
    steering committee's rules): the receiver is "Ban Chỉ đạo"; the lower-case run of its name
    stopped only at a role verb, so "kết quả thực hiện" became part of it.

    Steering committees' and working groups' rules issued by decision:
    https://thuviennhadat.vn/vbpl/quyet-dinh-1209-qd-ubnd-2013-quy-che-ban-chi-dao-cong-tac-dan-so-tinh-ha-giang-208300.html,
    https://luatminhkhue.vn/quyet-dinh-40-qd-bcd-nam-2014-ve-quy-che-hoat-dong-cua-ban-chi-dao-phong--chong-toi-pham--te-nan-xa-hoi-va-xay-dung-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-tinh-thai-binh.aspx,
    https://hethongphapluat.com/quyet-dinh-1531-qd-bnn-pc-nam-2022-ve-quy-che-hoat-dong-cua-hoi-dong-phoi-hop-pho-bien-giao-duc-phap-luat-cua-bo-nong-nghiep-va-phat-trien-nong-thon.html
    """
    assert {(u.name, u.role) for u in roles_in_text(
        "Tổng hợp, báo cáo Ban Chỉ đạo kết quả thực hiện trước ngày 20 tháng 12 hằng năm.")} == {
        ("Ban Chỉ đạo", "report_to")}
    assert {(u.name, u.role) for u in roles_in_text(
        "Định kỳ báo cáo Ban Chỉ đạo tỉnh tình hình thực hiện nhiệm vụ.")} == {("Ban Chỉ đạo tỉnh", "report_to")}


@pytest.mark.parametrize(("text", "recurring"), [
    ("Ban Chỉ đạo họp định kỳ 6 tháng một lần; họp bất thường khi Trưởng ban triệu tập.", "6 tháng"),
    ("Tổ công tác họp định kỳ 6 tháng/lần.", "6 tháng"),
    ("Báo cáo sơ kết 6 tháng, năm gửi Sở Nội vụ.", "6 tháng, hằng năm"),
])
def test_six_month_cycle_said_twice_is_one_cycle(text: str, recurring: str) -> None:
    """"họp định kỳ 6 tháng một lần" (a steering committee's meeting rule): one six-month
    cycle. Before, "một lần" after "6 tháng" was read as the "năm" of "6 tháng, năm" and added a
    yearly cycle. Meeting rules of the committees' regulations above, e.g.
    https://thuviennhadat.vn/vbpl/quyet-dinh-1209-qd-ubnd-2013-quy-che-ban-chi-dao-cong-tac-dan-so-tinh-ha-giang-208300.html
    """
    assert find_deadline(text)[2] == recurring


# ---------------------------------------------------------------------------------------------
# The issued document's announcement: "(có Phương án kèm theo)", a bare "Ban hành Phương án"
# ---------------------------------------------------------------------------------------------

_RESPONSE_PLAN = """
ỦY BAN NHÂN DÂN
TỈNH AN HÒA
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
{type_line}
ỨNG PHÓ VỚI BÃO MẠNH TRÊN ĐỊA BÀN TỈNH AN HÒA NĂM 2022

(Ban hành kèm theo Quyết định số 903/QĐ-UBND ngày 02 tháng 6 năm 2022 của Ủy ban nhân dân tỉnh An Hòa)

I. MỤC ĐÍCH, YÊU CẦU

1. Chủ động ứng phó, giảm thiểu thiệt hại về người và tài sản khi bão mạnh đổ bộ.

II. NHIỆM VỤ CỦA CÁC CƠ QUAN

1. Sở Nông nghiệp và Môi trường chủ trì theo dõi diễn biến của bão, tham mưu Ban Chỉ huy tỉnh chỉ đạo ứng phó.

2. Công an tỉnh bố trí lực lượng hỗ trợ sơ tán dân cư ra khỏi vùng nguy hiểm.
"""


def _issuing(article_one: str, type_line: str) -> str:
    return _HEADER.format(
        number="903/QĐ-UBND", date="02 tháng 6 năm 2022",
        title="VỀ VIỆC PHƯƠNG ÁN ỨNG PHÓ VỚI BÃO MẠNH TRÊN ĐỊA BÀN TỈNH AN HÒA NĂM 2022",
    ) + article_one + """

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Môi trường, Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.
""" + _SIGNATURE.format(n=3) + _RESPONSE_PLAN.format(type_line=type_line)


@pytest.mark.parametrize(("article_one", "type_line"), [
    # Hà Tĩnh 1669/QĐ-UBND 2019: approved, "(có Phương án kèm theo)", printed under its type line.
    ("Điều 1. Phê duyệt Phương án ứng phó với bão mạnh trên địa bàn tỉnh An Hòa năm 2022 (có Phương án kèm theo).",
     "\nPHƯƠNG ÁN\n"),
    # Bình Định 3741/QĐ-UBND 2018: "Ban hành Phương án …" with no "kèm theo Quyết định này", and
    # the crawl kept the plan's title and accompanying line but not its type line.
    ("Điều 1. Ban hành Phương án ứng phó với bão mạnh trên địa bàn tỉnh An Hòa năm 2022.", ""),
])
def test_an_issued_response_plan_is_attached(tmp_path: Path, article_one: str, type_line: str) -> None:
    """A decision that approves or issues a "Phương án" (a response or evacuation plan) prints
    it after its signature. Before, "Phương án" was no attachable type, and only "ban hành / phê
    duyệt kèm theo Quyết định này X" announced one: the plan was read as the decision's
    signature block, its tasks lost. Now the plan is attached (``PA.`` ids) whether the decision
    says "(có Phương án kèm theo)" or only "Ban hành Phương án …", and also when the crawl lost
    its type line but kept its title over "(Ban hành kèm theo Quyết định số …)".

    Seen in https://vanbanphapluat.co/quyet-dinh-1669-qd-ubnd-2019-phuong-an-phong-ngua-ung-pho-bao-manh-sieu-bao-tinh-ha-tinh,
    https://hethongphapluat.com/quyet-dinh-3741-qd-ubnd-ve-phuong-an-ung-pho-voi-bao-manh-sieu-bao-nam-2018-tren-dia-ban-tinh-binh-dinh.html
    (and the approved disaster plans of
    https://thuvienphapluat.vn/bulletin/document.aspx?bid=c630a6a2-efc8-4139-9f3f-7363190eca38&key=fFR7GqYOHeOFdatwplHefg%3D%3D,
    https://thuvienphapluat.vn/van-ban/Tai-nguyen-Moi-truong/Quyet-dinh-503-QD-UBND-2019-Ke-hoach-Phong-chong-thien-tai-va-tim-kiem-cuu-nan-tinh-Kon-Tum-426117.aspx?tab=3).
    """
    doc = _parse(tmp_path, _issuing(article_one, type_line))
    assert doc.meta.number == "903/QĐ-UBND"
    assert [(a["type"], a["prefix"]) for a in doc.meta.attached] == [("Phương án", "PA")]
    assert doc.meta.attached[0]["title"].startswith("Ứng phó với bão mạnh")
    sections = {s.id for s in doc.sections}
    assert {"PA.I", "PA.II.1", "PA.II.2"} <= sections
    police = next(d for d in doc.duties if d.section == "PA.II.2")
    assert ("Công an tỉnh", "lead") in _roles(police)


# ---------------------------------------------------------------------------------------------
# "Giao chỉ tiêu …": the yearly indicators in an appendix table, by the unit that carries them
# ---------------------------------------------------------------------------------------------

ASSIGNED_INDICATORS = _HEADER.format(
    number="3120/QĐ-UBND", date="20 tháng 12 năm 2023",
    title="VỀ VIỆC GIAO CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN VĂN HÓA, THỂ THAO VÀ DU LỊCH NĂM 2024",
) + """Điều 1. Giao chỉ tiêu kế hoạch phát triển văn hóa, thể thao và du lịch năm 2024 cho các sở, ngành và Ủy ban nhân dân các huyện, thành phố (chi tiết tại Phụ lục kèm theo).

Điều 2. Căn cứ chỉ tiêu được giao, Thủ trưởng các sở, ngành, Chủ tịch Ủy ban nhân dân các huyện, thành phố tổ chức thực hiện hoàn thành chỉ tiêu; định kỳ hằng quý, 6 tháng, năm báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Tài chính).

Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ngành và Chủ tịch Ủy ban nhân dân các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./.
""" + _SIGNATURE.format(n=3) + """
PHỤ LỤC

CHỈ TIÊU KẾ HOẠCH NĂM 2024

(Kèm theo Quyết định số 3120/QĐ-UBND ngày 20/12/2023 của Chủ tịch Ủy ban nhân dân tỉnh)

| STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2024 | Đơn vị thực hiện |
|---|---|---|---|---|
| 1 | Tỷ lệ gia đình đạt tiêu chuẩn văn hóa | % | 85 | Sở Văn hóa, Thể thao và Du lịch |
| 2 | Tổng lượt khách du lịch | nghìn lượt | 950 | Sở Văn hóa, Thể thao và Du lịch |
| 3 | Tỷ lệ người tập luyện thể dục thể thao thường xuyên | % | 32 | Ủy ban nhân dân các huyện, thành phố |
"""


def test_assigned_indicators_table(tmp_path: Path) -> None:
    """"Giao chỉ tiêu kế hoạch … năm 2024 … (chi tiết tại Phụ lục kèm theo)": each indicator of
    the appendix is a target for the year, carried by the unit of its row; the reporting article
    charges the units with their cycles. "Tỷ lệ người tập luyện thể dục thể thao thường xuyên"
    names a standing indicator (people who exercise regularly): no "thường xuyên" cycle of the
    row (before, the row's duty took one).

    Seen in the decision reported at http://vhttdldaklak.gov.vn/thoi-su/ubnd-tinh-giao-chi-tieu-ke-hoach-nha-nuoc-nam-2019-5528.html
    (Đắk Lắk 3445/QĐ-UBND 2018, nine indicators of the department of culture, among them the
    share of people and of families exercising regularly).
    """
    doc = _parse(tmp_path, ASSIGNED_INDICATORS)
    targets = {t.section: t for t in doc.targets}
    assert {s: (t.value, t.unit, t.year) for s, t in targets.items()} == {
        "PL1.1": (85.0, "%", 2024), "PL1.2": (950.0, "nghìn lượt", 2024), "PL1.3": (32.0, "%", 2024)}
    report = next(d for d in doc.duties if d.section == "D2")
    assert {("sở, ngành", "lead"), ("Ủy ban nhân dân tỉnh", "report_to")} <= _roles(report)
    assert report.recurring == "hằng quý, 6 tháng, hằng năm"
    row = next(d for d in doc.duties if d.section == "PL1.3")
    assert ("Ủy ban nhân dân huyện, thành phố", "lead") in _roles(row)
    assert row.recurring is None
