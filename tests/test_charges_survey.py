"""Duties charged outside plans: directives, letters, meeting conclusions, inspection plans (session 12).

Staff ask "ai chịu trách nhiệm" about tasks that a chỉ thị, a công văn, a thông báo kết luận, a
quyết định giao nhiệm vụ or a kế hoạch kiểm tra assigns, not only about plans. In session 12 we
read the charging sentences of about 30 real documents and news reports quoting them (provinces,
districts, a ministry; 2013-2025) through the search tool's stored pages. No text is copied here:
every document below is written for the test (a made-up province, "Lam Sơn") with the structure
those documents use, and each test names the addresses where the form was seen. The forms the
extractor already read (directive lead-ins, a letter's instruction to report, heads standing for
their bodies, "- Sở X: …" lines, numbered charges) are pinned at the end so that they stay so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import parse_text

from chinhsach import parse
from chinhsach.extract.duties import roles_in_text
from chinhsach.model import Document, Duty

# ---------------------------------------------------------------------------------------------
# A meeting's conclusions (thông báo kết luận)
# ---------------------------------------------------------------------------------------------

CONCLUSIONS = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 318/TB-UBND | Lam Sơn, ngày 06 tháng 11 năm 2025 |

THÔNG BÁO

Kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về tiến độ dự án đường vành đai phía Tây

Ngày 03/11/2025, Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn Hòa chủ trì cuộc họp nghe báo cáo tiến độ dự án. Sau khi nghe báo cáo và ý kiến của các đại biểu, Phó Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:

1. Đánh giá cao sự nỗ lực của chủ đầu tư và các địa phương trong công tác giải phóng mặt bằng.

2. Nhiệm vụ thời gian tới:

- Sở Xây dựng: đôn đốc nhà thầu tăng ca, bảo đảm tiến độ thi công đoạn qua xã Tân Phú; hoàn thành trong tháng 12/2025.

- Sở Tài chính: tham mưu bố trí vốn năm 2026 cho dự án, trình Ủy ban nhân dân tỉnh trước ngày 20/11/2025.

- Ủy ban nhân dân các xã Tân Phú, Hòa Lạc: hoàn thành bàn giao mặt bằng còn lại, chậm nhất ngày 30/11/2025.

3. Giao Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì lập báo cáo tiến độ, gửi Sở Xây dựng trước ngày 25 hằng tháng để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.

4. Thường trực Ủy ban nhân dân tỉnh thống nhất giao Sở Tài chính tham mưu phương án điều chuyển vốn của các dự án chậm giải ngân.

5. Chánh Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện các nội dung trên.

Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.

Nơi nhận:
- Sở Xây dựng, Sở Tài chính;
- UBND các xã Tân Phú, Hòa Lạc;
- Lưu: VT.

KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Lê Thị Mai
"""


def _roles(duty: Duty) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in duty.units}


def _starting(doc: Document, start: str) -> Duty:
    return next(d for d in doc.duties if d.text.startswith(start))


def _parsed(tmp_path_factory: pytest.TempPathFactory, text: str, name: str) -> Document:
    return parse_text(tmp_path_factory.mktemp("charges"), text, name)


@pytest.fixture(scope="module")
def conclusions(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _parsed(tmp_path_factory, CONCLUSIONS, "tb.md")


def test_who_chaired_the_meeting_is_no_duty(conclusions: Document) -> None:
    """"Ngày …, Phó Chủ tịch UBND tỉnh … chủ trì cuộc họp …": the opening of a meeting's
    conclusions tells who chaired it; the charges follow "… kết luận như sau:". Before, the
    opening was a duty led by "Ủy ban nhân dân tỉnh" (the chair's title read as his body).
    The opening of every conclusion read: https://quangnam.gov.vn/print/22693.html (2022),
    https://thainguyentv.vn/ket-luan-cua-chu-tich-ubnd-tinh-thai-nguyen-ve-cong-tac-phong-chong-dich-benh-viem-phoi-cap-do-chung-moi-cua-virut-corona-gay-ra-76063.html
    (2020); the same account of a meeting in the news that relays it:
    http://tnmttuyenquang.gov.vn/tin-tuc/chinh-tri-xa-hoi/trang-784.html (2015),
    https://hdndtuyenquang.gov.vn/tin-hoat-dong/tin-tuc-chung/trang-302.html,
    https://daihoidang.baoquangninh.vn/ubnd-tinh-hop-thuong-ky-3242719.html (2023),
    https://nghean24h.vn/tag/san-xuat-vu-xuan (a part of the day, several chairs),
    https://brt.vn/./thoi-su-toi/33-to-trinh-nghi-quyet-du-kien-trinh-hdnd-tinh-brvt-o-ky-hop-cuoi-nam."""
    assert not any(d.text.startswith("Ngày 03/11/2025") for d in conclusions.duties)
    assert not any(u.name == "Ủy ban nhân dân tỉnh" and u.role == "lead" for d in conclusions.duties for u in d.units)


@pytest.mark.parametrize("sentence", [
    "Sáng 14/3, Giám đốc Sở Y tế và Phó Giám đốc Công an tỉnh cùng chủ trì hội nghị sơ kết công tác phòng dịch.",
    "Ngày 15-10, dưới sự chủ trì của Chủ tịch Ủy ban nhân dân tỉnh, Sở Tài chính báo cáo tại buổi làm việc về dự toán ngân sách.",
    # A council's session (https://danang.gov.vn/web/guest/trang-chu, 2025).
    "Ngày 02/7, Phó Chủ tịch Hội đồng nhân dân tỉnh chủ trì kỳ họp bất thường bàn về đầu tư công.",
])
def test_other_accounts_of_a_meeting(sentence: str) -> None:
    """A part of the day and "dưới sự chủ trì của" open such accounts too (these two gave no
    duty before either: their openers left no subject; the rule names them all the same)."""
    from chinhsach.extract.duties import _MEETING_ACCOUNT
    from chinhsach.text.normalize import fold
    assert _MEETING_ACCOUNT.match(fold(sentence))


def test_a_dated_charge_that_chairs_no_meeting_stays_a_duty() -> None:
    """Only the account of who chaired a meeting is dropped: a charging sentence that names a
    day keeps its charge."""
    from chinhsach.extract.duties import _MEETING_ACCOUNT
    from chinhsach.text.normalize import fold
    assert _MEETING_ACCOUNT.match(fold("Ngày 20/11/2025, Sở Y tế chủ trì tổ chức tiêm vắc xin tại các trường.")) is None


def test_an_agreeing_word_before_the_hand_over(conclusions: Document) -> None:
    """"Thường trực UBND tỉnh thống nhất giao Sở Tài chính …", "UBND tỉnh có ý kiến chỉ đạo như
    sau: Giao Sở X …": the body that agrees or announces hands the task on (before: it led the
    duty as well). Letters that relay the committee's decision this way:
    https://www.quangtri.gov.vn/%C4%90%E1%BB%90i-tho%E1%BA%A0i-doanh-nghi%E1%BB%86p?p_p_id=publicquestionportlet_WAR_3cmsnewportlet_INSTANCE_dzqopL9zQml8&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&_publicquestionportlet_WAR_3cmsnewportlet_INSTANCE_dzqopL9zQml8_action=viewQuestionDetail&questionid=1701398290308
    (2023), https://184303.5707z.group/detailNews.aspx?Cate=2&id=17415&lang=vi (2018)."""
    assert _roles(_starting(conclusions, "Thường trực")) == {("Sở Tài chính", "lead")}
    roles = {(u.name, u.role) for u in roles_in_text(
        "Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau: Giao Sở Nông nghiệp và Môi trường chủ trì nghiên cứu, "
        "đề xuất Ủy ban nhân dân tỉnh xem xét; hoàn thành trước ngày 10/12/2025.")}
    assert roles == {("Sở Nông nghiệp và Môi trường", "lead"), ("Ủy ban nhân dân tỉnh", "report_to")}


def test_the_receiver_consolidates_after_the_due_date(conclusions: Document) -> None:
    """"gửi Sở Xây dựng trước ngày 25 hằng tháng để tổng hợp": the due date stands between the
    receiver and "để tổng hợp"; the receiver still consolidates what it receives, report_to and
    lead (GUIDELINES-real.md, [decided, adjud]). Before, report_to only. Letters that put the date
    there: https://thuviennhadat.vn/vbpl/cong-van-4396-byt-kh-tc-2021-danh-gia-thuc-hien-bo-tieu-chi-quoc-gia-ve-y-te-xa-den-2020-476023.html
    (2021), https://thuvienphapluat.vn/phap-luat/tim-tu-van?loc=right_news&page=2630&q=H%E1%BB%99i+%C4%91%E1%BB%93ng+l%C6%B0%C6%A1ng
    (a budget rule quoted there: the receiver, then what it does with the reports)."""
    duty = _starting(conclusions, "Giao Ban Quản lý")
    assert {("Ban Quản lý dự án đầu tư xây dựng tỉnh", "lead"), ("Sở Xây dựng", "report_to"),
            ("Sở Xây dựng", "lead"), ("Ủy ban nhân dân tỉnh", "report_to")} <= _roles(duty)
    roles = {(u.name, u.role) for u in roles_in_text(
        "Các đơn vị hoàn thành báo cáo, gửi về Sở Nội vụ chậm nhất ngày 05/12/2025 để tổng hợp.")}
    assert roles == {("Sở Nội vụ", "report_to"), ("Sở Nội vụ", "lead")}
    # Through an intermediary nobody is named to consolidate (unchanged).
    roles = {(u.name, u.role) for u in roles_in_text(
        "Các đơn vị gửi báo cáo về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 15/12/2025 để tổng hợp.")}
    assert roles == {("Ủy ban nhân dân tỉnh", "report_to"), ("Sở Nội vụ", "report_to")}


def test_unit_lines_of_a_conclusion(conclusions: Document) -> None:
    """"- Sở X: <task>; <time>." lines under "Nhiệm vụ thời gian tới:" (already read)."""
    building = _starting(conclusions, "Sở Xây dựng:")
    assert _roles(building) == {("Sở Xây dựng", "lead")}
    assert building.deadline == "2025-12-31"
    communes = _starting(conclusions, "Ủy ban nhân dân các xã")
    assert _roles(communes) == {("Ủy ban nhân dân xã Tân Phú", "lead"), ("Ủy ban nhân dân xã Hòa Lạc", "lead")}
    assert communes.deadline == "2025-11-30"
    assert not any(d.text.startswith(("Đánh giá cao", "Văn phòng Ủy ban nhân dân tỉnh thông báo", "- Sở Xây dựng, Sở Tài chính"))
                   for d in conclusions.duties)


# ---------------------------------------------------------------------------------------------
# An inspection plan (kế hoạch kiểm tra, thanh tra)
# ---------------------------------------------------------------------------------------------

INSPECTION = """| SỞ Y TẾ TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 96/KH-SYT | Lam Sơn, ngày 02 tháng 3 năm 2026 |

KẾ HOẠCH

Kiểm tra công tác phòng, chống dịch bệnh năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Đánh giá việc triển khai các biện pháp phòng, chống dịch bệnh tại cơ sở.

II. NỘI DUNG, ĐỐI TƯỢNG, THỜI GIAN KIỂM TRA

1. Nội dung: việc giám sát ca bệnh, dự trữ thuốc, hóa chất.

2. Đơn vị được kiểm tra: Trung tâm Y tế các khu vực; Trạm Y tế các xã, phường.

3. Thời gian kiểm tra: từ ngày 16/3/2026 đến ngày 27/3/2026.

III. TỔ CHỨC THỰC HIỆN

1. Phòng Nghiệp vụ Y chủ trì, phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh thành lập đoàn kiểm tra, xây dựng lịch kiểm tra cụ thể.

2. Các đơn vị được kiểm tra chuẩn bị báo cáo theo đề cương, gửi về Sở Y tế trước ngày 13/3/2026.

3. Văn phòng Sở bố trí phương tiện phục vụ đoàn kiểm tra.
"""


@pytest.fixture(scope="module")
def inspection(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _parsed(tmp_path_factory, INSPECTION, "kt.md")


def test_the_inspected_bodies_are_not_charged(inspection: Document) -> None:
    """"Đơn vị được kiểm tra: A; B", "Đối tượng kiểm tra: …", "Đối tượng và thời gian kiểm tra:
    A (a month); B (a month)": the bodies an inspection visits are
    acted on (GUIDELINES-real.md: not units). Before, each led the item. Seen in
    https://sonoivu.tayninh.gov.vn/vi/news/thanh-tra/ke-hoach-thanh-tra-noi-vu-nam-2024-2705.html (2024),
    https://thanhtra.com.vn/thanh-tra/hoat-dong-nganh/nam-2024-thanh-tra-tinh-tuyen-quang-se-thanh-tra-nhung-don-vi-nao-220244.html (2024),
    https://baobinhduong.vn/nam-2019-kiem-tra-ca-i-ca-ch-ha-nh-chi-nh-tai-11-co-quan-don-vi-a213791.html (2019)."""
    inspected = {"Trung tâm Y tế khu vực", "Trạm Y tế xã, phường"}
    assert not any(u.name in inspected for d in inspection.duties for u in d.units)
    for sentence in ("Đối tượng và thời gian kiểm tra: Sở Xây dựng (tháng 4/2026); Sở Công Thương (tháng 9/2026).",
                     "Đối tượng kiểm tra: Ủy ban nhân dân các xã, phường và Trung tâm Y tế khu vực."):
        assert roles_in_text(sentence) == []
    # The label bounds the list: a charge in the next sentence keeps its unit.
    assert [(u.name, u.role) for u in roles_in_text(
        "Đối tượng kiểm tra: các trạm y tế xã. Sở Y tế chủ trì thành lập đoàn.")] == [("Sở Y tế", "lead")]


def test_the_inspection_team_is_no_monitoring_verb(inspection: Document) -> None:
    """"đoàn kiểm tra", "đợt kiểm tra" name the team and the round: the office that provides
    cars for the team does not monitor (before: monitor). The inspection plans above."""
    assert _roles(_starting(inspection, "Văn phòng Sở")) == {("Văn phòng Sở Y tế", "lead")}
    # The office that sets up the team and plans the visits is still charged with inspecting.
    assert ("Phòng Nghiệp vụ Y", "lead") in _roles(_starting(inspection, "Phòng Nghiệp vụ Y"))


def test_a_report_of_results_with_its_recipient() -> None:
    """"… báo cáo kết quả kiểm tra với Chủ tịch UBND tỉnh": "với" names the
    one reported to after the results (before: no report_to). Seen in
    https://thanhtra.com.vn/thanh-tra/hoat-dong-nganh/nam-2024-thanh-tra-tinh-tuyen-quang-se-thanh-tra-nhung-don-vi-nao-220244.html."""
    roles = {(u.name, u.role) for u in roles_in_text(
        "Giao Sở Nội vụ chủ trì các đợt kiểm tra công vụ năm 2026 và báo cáo kết quả kiểm tra "
        "với Chủ tịch Ủy ban nhân dân tỉnh.")}
    assert roles == {("Sở Nội vụ", "lead"), ("Sở Nội vụ", "monitor"), ("Chủ tịch Ủy ban nhân dân tỉnh", "report_to")}
    # A partner after "báo cáo, phối hợp với" stays a partner.
    assert ("Sở Y tế", "cooperate") in {(u.name, u.role) for u in roles_in_text(
        "Sở Nội vụ tổng hợp, báo cáo kết quả, phối hợp với Sở Y tế kiểm tra các đơn vị.")}


# ---------------------------------------------------------------------------------------------
# Forms already read: pinned
# ---------------------------------------------------------------------------------------------

LETTER = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 1450/UBND-KGVX | Lam Sơn, ngày 14 tháng 10 năm 2025 |

V/v tăng cường quản lý an toàn thực phẩm tại bếp ăn tập thể

Kính gửi:
- Các sở, ban, ngành tỉnh;
- Ủy ban nhân dân các xã, phường.

Thời gian gần đây, trên địa bàn tỉnh xảy ra một số vụ ngộ độc thực phẩm tại bếp ăn tập thể của doanh nghiệp. Để chấn chỉnh tình trạng trên, Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo:

1. Giám đốc Sở Y tế chủ trì, phối hợp với Công an tỉnh tổ chức kiểm tra đột xuất các bếp ăn tập thể; báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 30/11/2025.

2. Sở Y tế, Sở Giáo dục và Đào tạo theo chức năng, nhiệm vụ được giao hướng dẫn các trường học ký hợp đồng cung cấp suất ăn với cơ sở đủ điều kiện.

3. Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh nếu để xảy ra ngộ độc tập thể trên địa bàn; xong trước ngày 15/12/2025.

4. Thủ trưởng các cơ quan, đơn vị tổ chức rà soát bếp ăn của cơ quan mình, gửi báo cáo về Sở Y tế để tổng hợp, trong thời hạn 10 ngày kể từ ngày nhận được văn bản này.

5. Đề nghị Liên đoàn Lao động tỉnh giám sát việc tổ chức bữa ăn ca cho người lao động.

Nơi nhận:
- Như trên;
- Bộ Y tế (để b/c);
- CVP, các PCVP UBND tỉnh (để theo dõi);
- Lưu: VT, KGVX.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Văn Nam
"""


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _parsed(tmp_path_factory, LETTER, "cv.md")


def test_heads_stand_for_their_bodies(letter: Document) -> None:
    """"Giám đốc Sở Y tế chủ trì …" → Sở Y tế; "Chủ tịch UBND các xã, phường" its own unit
    (GUIDELINES-real.md, [decided, duties2]). The chair-led letters and directives read, e.g.
    https://xatanmyha.hatinh.gov.vn/portal/pages/2023-06-01/Ve-viec-day-manh-thuc-hien-Chuong-trinh-tong-the-c-4684181.aspx,
    https://sotaichinh.tayninh.gov.vn/vi/news/van-ban-huong-dan-dieu-hanh/ubnd-t-nh-tri-n-khai-th-c-hi-n-c-c-nhi-m-v--gi-i-ph-p-ch-y-u-trong-c-ng-t-c-qu-n-l--s-d-ng-t-i-s-n-c-ng-tr-n--a-b-n-t-nh-t-y-ninh-1567.html,
    https://thainguyentv.vn/thuc-hien-nghiem-cac-bien-phap-phong-ho-ca-nhan-trong-phong-chong-dich-covid-19-87377.html."""
    first = _starting(letter, "Giám đốc Sở Y tế")
    assert {("Sở Y tế", "lead"), ("Công an tỉnh", "cooperate"), ("Ủy ban nhân dân tỉnh", "report_to")} <= _roles(first)
    assert first.deadline == "2025-11-30"
    third = _starting(letter, "Chủ tịch Ủy ban nhân dân các xã")
    assert _roles(third) == {("Chủ tịch Ủy ban nhân dân xã, phường", "lead"),
                             ("Chủ tịch Ủy ban nhân dân tỉnh", "report_to")}
    assert third.deadline == "2025-12-15"


def test_several_units_each_by_their_remit(letter: Document) -> None:
    """"Sở Y tế, Sở Giáo dục và Đào tạo theo chức năng, nhiệm vụ …": each leads."""
    assert _roles(_starting(letter, "Sở Y tế, Sở Giáo dục")) == {("Sở Y tế", "lead"), ("Sở Giáo dục và Đào tạo", "lead")}


def test_a_limit_counted_from_receipt_and_the_generic_addressee(letter: Document) -> None:
    """"Thủ trưởng các cơ quan, đơn vị …, gửi báo cáo về Sở Y tế để tổng hợp, trong thời hạn 10
    ngày kể từ ngày nhận được văn bản này": generic heads name no unit; the receiver
    consolidates; the limit is kept as printed."""
    duty = _starting(letter, "Thủ trưởng các cơ quan")
    assert _roles(duty) == {("Sở Y tế", "report_to"), ("Sở Y tế", "lead")}
    assert duty.deadline is None
    assert duty.deadline_text == "trong thời hạn 10 ngày kể từ ngày nhận được văn bản này"


def test_the_recipients_list_is_no_duty(letter: Document) -> None:
    """"Nơi nhận: … (để b/c); … (để theo dõi)" copies the letter to bodies; it charges none.
    Recipients' lists with such notes: https://thuvienphapluat.vn/bulletin/document.aspx?bid=aeb23e59-07f2-463f-9731-3f0d58a42c76&key=hthhopY64g2EiZ5QQ4Knfg%3D%3D
    (2024), https://thuviennhadat.vn/vbpl/quyet-dinh-1209-qd-ubnd-2013-quy-che-ban-chi-dao-cong-tac-dan-so-tinh-ha-giang-208300.html (2013)."""
    assert not any(u.name == "Bộ Y tế" for d in letter.duties for u in d.units)
    assert len(letter.duties) == 5


# ---------------------------------------------------------------------------------------------
# A department's letter addressing its recipients by a generic word
# ---------------------------------------------------------------------------------------------

DEPARTMENT_LETTER = """SỞ Y TẾ TỈNH LAM SƠN

Số: 845/SYT-NV

V/v rà soát trang thiết bị y tế tại các trạm y tế

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Lam Sơn, ngày 20 tháng 10 năm 2025

Kính gửi:
- Trung tâm Y tế các khu vực;
- Trạm Y tế các xã, phường.

Nhằm chuẩn bị phương án đầu tư trang thiết bị năm 2026, Giám đốc Sở Y tế yêu cầu Thủ trưởng các đơn vị:

1. Rà soát số lượng, tình trạng trang thiết bị đang sử dụng tại đơn vị, lập danh mục đề xuất bổ sung, hoàn thành trước ngày 05/11/2025.

2. Gửi báo cáo về Sở Y tế (qua Phòng Kế hoạch - Tài chính) trước ngày 10/11/2025 để tổng hợp.

Nơi nhận:
- Như trên;
- Phòng Kế hoạch - Tài chính (để theo dõi);
- Lưu: VT, NV.

GIÁM ĐỐC
Trần Thị Hoa
"""


def test_items_addressed_to_generic_recipients_are_duties(tmp_path: Path) -> None:
    """"Giám đốc Sở Y tế yêu cầu Thủ trưởng các đơn vị:" over numbered items: each item is a
    charged task of the recipients, a duty with no unit to name (as the fresh-scans gold gives
    "Đề nghị Thủ trưởng các đơn vị …" one, AQr_2193_tb_syt) and with its time; before, an item
    that named no unit gave no duty at all and its deadline was lost. Generic addressees of
    letters and directives: http://yenlac.vinhphuc.gov.vn/pages/Detail.aspx?newsid=5594 (2021),
    https://thuvienphapluat.vn/van-ban/Ke-toan-Kiem-toan/Quyet-dinh-99-QD-KTNN-2021-Quy-trinh-Thanh-tra-cua-Kiem-toan-nha-nuoc-466366.aspx?anchor=dieu_24
    ("Thủ trưởng các đơn vị …", 2021), https://baobinhduong.vn/nam-2019-kiem-tra-ca-i-ca-ch-ha-nh-chi-nh-tai-11-co-quan-don-vi-a213791.html."""
    path = tmp_path / "cv.md"
    path.write_text(DEPARTMENT_LETTER, encoding="utf-8")
    doc = parse(path)
    first = _starting(doc, "Rà soát số lượng")
    # Session 15 (fixU): the item that names no unit charges the letter's addressees
    # (GUIDELINES-real.md [decided, s14 adj]), each a lead.
    assert {role for _, role in _roles(first)} == {"lead"} and len(first.units) == 2
    assert first.deadline == "2025-11-05"
    second = _starting(doc, "Gửi báo cáo")
    assert _roles(second) == {("Sở Y tế", "report_to"), ("Phòng Kế hoạch - Tài chính", "report_to")}
    assert not any(d.text.startswith("Nhằm chuẩn bị") for d in doc.duties)


@pytest.mark.parametrize(("sentence", "subject", "recurring"), [
    ("Định kỳ hằng quý, Sở Xây dựng báo cáo tiến độ về Ủy ban nhân dân tỉnh.", "Sở Xây dựng", "hằng quý"),
    ("Định kỳ 6 tháng, Sở Nội vụ tổng hợp kết quả, báo cáo Chủ tịch Ủy ban nhân dân tỉnh.", "Sở Nội vụ", "6 tháng"),
    ("Định kỳ trước ngày 20 hằng tháng, Sở Xây dựng báo cáo tiến độ về Ủy ban nhân dân tỉnh.", "Sở Xây dựng", "hằng tháng"),
])
def test_a_reporting_cycle_before_the_subject(sentence: str, subject: str, recurring: str) -> None:
    """"Định kỳ hằng quý, Sở X báo cáo …": the cycle opens the sentence as "Hằng năm, …" does; the
    unit after it is still the subject (before: report_to only, no lead). Letters and directives
    close with such reporting cycles; the provincial reporting regulations that set them:
    https://thuvienphapluat.vn/van-ban/bo-may-hanh-chinh/quyet-dinh-56-2020-qd-ubnd-quy-dinh-che-do-bao-cao-dinh-ky-linh-vuc-noi-vu-tinh-binh-dinh-456020.aspx (2020),
    https://hethongphapluat.vn/quyet-dinh-41-2019-qd-ubnd-quy-dinh-ve-che-do-bao-cao-dinh-ky-phuc-vu-muc-tieu-quan-ly-tren-dia-ban-tinh-quang-tri.html (2019),
    https://thuviennhadat.vn/vbpl/quyet-dinh-29-2022-qd-ubnd-che-do-bao-cao-dinh-ky-co-quan-hanh-chinh-nghe-an-508643.html (2022)."""
    from chinhsach.extract.duties import find_deadline
    assert (subject, "lead") in {(u.name, u.role) for u in roles_in_text(sentence)}
    assert find_deadline(sentence)[2] == recurring


CHAIR_LETTER = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 1620/UBND-KT | Lam Sơn, ngày 02 tháng 12 năm 2025 |

V/v tăng cường phòng, chống cháy rừng mùa khô 2025 - 2026

Kính gửi:
- Các sở, ban, ngành tỉnh;
- Ủy ban nhân dân các xã, phường.

Trước tình hình nắng nóng kéo dài, nguy cơ cháy rừng ở mức cao, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Tổ chức trực phòng cháy, chữa cháy rừng 24/24 giờ trong những ngày nắng nóng; hoàn thành phương án chữa cháy trước ngày 15/12/2025.

2. Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Kiểm lâm tăng cường tuần tra các khu rừng có nguy cơ cháy cao.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Văn Nam
"""


def test_items_under_a_lead_in_with_no_addressee_are_duties(tmp_path: Path) -> None:
    """"Chủ tịch UBND tỉnh yêu cầu:" (the addressees are the letter's "Kính gửi") over numbered
    charges: an item that names no unit is still a charged task, a duty with its time and no
    unit; an item that names its unit keeps it. Before, the first item gave no duty. The
    lead-in form: https://184303.5707z.group/detailNews.aspx?Cate=2&id=17415&lang=vi
    (2018), https://www.quangtri.gov.vn/%C4%90%E1%BB%90i-tho%E1%BA%A0i-doanh-nghi%E1%BB%86p?p_p_id=publicquestionportlet_WAR_3cmsnewportlet_INSTANCE_dzqopL9zQml8&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&_publicquestionportlet_WAR_3cmsnewportlet_INSTANCE_dzqopL9zQml8_action=viewQuestionDetail&questionid=1701398290308
    (2023), https://phucu.hungyen.gov.vn/portal/pages/print.aspx?p=9034 (2020)."""
    path = tmp_path / "cv.md"
    path.write_text(CHAIR_LETTER, encoding="utf-8")
    doc = parse(path)
    first = _starting(doc, "Tổ chức trực")
    # GUIDELINES-real.md [decided, s14 adj]: an item of a letter that names no unit charges the
    # letter's addressees ("Kính gửi"), each lead (before that rule: no unit).
    assert _roles(first) == {("sở, ban, ngành tỉnh", "lead"), ("Ủy ban nhân dân xã, phường", "lead")}
    assert first.deadline == "2025-12-15"
    assert _roles(_starting(doc, "Sở Nông nghiệp")) == {("Sở Nông nghiệp và Môi trường", "lead")}
    assert not any(d.text.startswith("Trước tình hình") for d in doc.duties)


@pytest.mark.parametrize(("sentence", "name"), [
    ("Tổ công tác 204 tỉnh lập danh mục công trình dừng thi công, trình Ủy ban nhân dân tỉnh.", "Tổ công tác 204 tỉnh"),
    ("Giao Đoàn kiểm tra liên ngành an toàn thực phẩm tỉnh kiểm tra các bếp ăn tập thể.",
     "Đoàn kiểm tra liên ngành an toàn thực phẩm tỉnh"),
])
def test_a_named_team_is_a_unit(sentence: str, name: str) -> None:
    """A working group or an inspection team set up by name ("Tổ công tác 204 tỉnh", "Đoàn kiểm
    tra liên ngành … tỉnh") is charged as a body, as a "Ban Chỉ đạo" is (before: no unit, the
    duty had nobody). Named teams in the conclusions and inspection plans read:
    https://baomoi.net.vn/tag/v%C4%83n-b%E1%BA%A3n-s%E1%BB%91-13021%2FBTC_PTHT.epi (2025),
    https://baobinhduong.vn/nam-2019-kiem-tra-ca-i-ca-ch-ha-nh-chi-nh-tai-11-co-quan-don-vi-a213791.html (2019),
    https://thanhdoanhaiphong.gov.vn/chuyen-muc-nc5517.html?page=3 (2024). A bare "Đoàn kiểm
    tra" or "đoàn kiểm tra" stays no unit (the team of the document itself, read back)."""
    assert (name, "lead") in {(u.name, u.role) for u in roles_in_text(sentence)}
    assert roles_in_text("Đoàn kiểm tra có trách nhiệm báo cáo kết quả.") == []


@pytest.mark.parametrize("sentence", [
    "Ngày 20/11/2025, Sở Y tế chủ trì tổ chức hội nghị tập huấn cho cán bộ y tế xã.",
    "Ngày 25/11/2025, Phó Chủ tịch Ủy ban nhân dân tỉnh sẽ chủ trì hội nghị trực tuyến với các xã.",
])
def test_a_meeting_to_organise_or_to_come_is_no_account(sentence: str) -> None:
    """A body charged with organising a conference, or a meeting still to come, is no account
    of the past: the sentence stays a charge (the fresh-scans invitation zPs_171 gives "Sở Y tế
    tổ chức Hội nghị …" a duty)."""
    from chinhsach.extract.duties import _MEETING_ACCOUNT
    from chinhsach.text.normalize import fold
    assert _MEETING_ACCOUNT.match(fold(sentence)) is None
