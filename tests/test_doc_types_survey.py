"""Other document types indexed next to plans: reports (Báo cáo, BC-), submissions (Tờ trình,
TTr-), council resolutions (Nghị quyết HĐND, NQ-HĐND), notices of conclusions (Thông báo, TB-)
and guidance (Hướng dẫn, HD-) (survey "survreport", session 12).

A report's figures are results, only its part on the next period ("phương hướng, nhiệm vụ năm
tới") sets targets; a submission proposes and recounts how its draft was made; a council
resolution adopts targets in its Điều 1 and gives the execution to the people's committee and the
oversight to its standing board (Thường trực) in its Điều 2. The forms were read in real
documents of many provinces, years and levels (addresses at each test); every text below is
written for the test: an invented province ("Hòa Vân"), invented topics and figures, the
structure only of what was seen.
"""

from __future__ import annotations

from pathlib import Path

from chinhsach import parse
from chinhsach.extract.targets import heading_year
from chinhsach.model import Document
from chinhsach.structure.outline import plan_part

HEADER = """| {issuer} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: {number} | {place}, ngày {date} |

**{kind}**

**{title}**

"""

TAIL = """
**Nơi nhận:**
- Như trên;
- Lưu: VT.

**{sign}**

**Trần Văn Bình**
"""


def _parse(tmp_path: Path, body: str, *, kind: str, number: str, title: str,
           issuer: str = "ỦY BAN NHÂN DÂN TỈNH HÒA VÂN", date: str = "25 tháng 11 năm 2025",
           sign: str = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", place: str = "Hòa Vân") -> Document:
    path = tmp_path / "doc.txt"
    text = HEADER.format(issuer=issuer, number=number, place=place, date=date, kind=kind, title=title) + body
    path.write_text(text + TAIL.format(sign=sign), encoding="utf-8")
    return parse(path)


def _parts(doc: Document) -> dict[str, str]:
    return {s.id: s.part for s in doc.sections}


def _roles(doc: Document) -> dict[str | None, set[tuple[str, str]]]:
    out: dict[str | None, set[tuple[str, str]]] = {}
    for d in doc.duties:
        out.setdefault(d.section, set()).update((u.name, u.role) for u in d.units)
    return out


# ---------------------------------------------------------------------------------------------
# Reports (Báo cáo): results, then the next period
# ---------------------------------------------------------------------------------------------

# A commune's yearly report whose first part names no result ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"):
# the layout of the monthly report of a provincial committee's office
# (https://vpubnd.quangnam.gov.vn/webcenter/portal/vpubnd/pages_tin-tuc/chi-tiet-tin?dDocName=PORTAL221945,
# 2017: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CỦA UBND TỈNH THÁNG 5/2017" then the tasks of June) and of
# the commune committee's self-review (https://quangthai.thuathienhue.gov.vn/?gd=4&cn=280&tc=39469,
# 2021: results of 2021, then the direction for 2022).
COMMUNE_REPORT = """I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH NĂM 2025

1. Ủy ban nhân dân xã đã chỉ đạo Công an xã phối hợp với các thôn tổ chức 24 đợt tuần tra bảo đảm an ninh trật tự trên địa bàn.

2. Tổng thu ngân sách trên địa bàn đạt 18 tỷ đồng, bằng 112% dự toán được giao.

3. Văn phòng - Thống kê xã chủ trì tham mưu tổng kết phong trào thi đua năm 2025.

II. PHƯƠNG HƯỚNG NĂM 2026

1. Phấn đấu tổng thu ngân sách trên địa bàn đạt 20 tỷ đồng.

2. Công an xã chủ trì, phối hợp với Ban Chỉ huy Quân sự xã bảo đảm an ninh trật tự dịp Tết Nguyên đán, hoàn thành trước ngày 15/02/2026.

Trên đây là báo cáo của Ủy ban nhân dân xã.
"""


def test_a_report_recounts_until_it_looks_ahead(tmp_path: Path) -> None:
    """A report's part with no cue of its own is its results: its figures are no targets and
    its accounts ("đã chỉ đạo …", "… chủ trì tham mưu tổng kết …" of the year past) charge no
    one; "PHƯƠNG HƯỚNG NĂM 2026" sets the targets and tasks. Before, part I was "other": the
    result "đạt 18 tỷ đồng" was a target of 2025 and both accounts were duties, and part II was
    "other" too (no cue for "phương hướng"). The type line and number (BÁO CÁO, Số: …/BC-UBND)
    are read as for a plan. Seen in 14 reports of provinces, districts and communes, 2011–2026,
    e.g. https://yenmy.hungyen.gov.vn/portal/Pages/2011-07/Bao-cao-KTXH-6-thang-dau--c22a9ce441df96b1.aspx
    (district, 45/BC-UBND), https://text.123docz.net/document/5013528-bao-cao-so-ket-giua-nhiem-ky-2015-2020.htm
    (commune, …/BC-UBND), https://baophutho.vn/dieu-hanh-linh-hoat-hieu-qua-hoan-thanh-cac-muc-tieu-phat-trien-kinh-te-xa-hoi-nam-2025-phuong-huong-nhiem-vu-nam-2026-244968.htm
    (province, results of 2025 and directions for 2026)."""
    doc = _parse(tmp_path, COMMUNE_REPORT, kind="BÁO CÁO", number="88/BC-UBND",
                 title="Công tác chỉ đạo, điều hành năm 2025 và phương hướng năm 2026",
                 issuer="ỦY BAN NHÂN DÂN XÃ TÂN PHÚ")
    assert (doc.meta.type, doc.meta.number) == ("Báo cáo", "88/BC-UBND")
    parts = _parts(doc)
    assert parts["I"] == parts["I.1"] == parts["I.2"] == "situation"
    assert parts["II"] == parts["II.2"] == "tasks"
    assert [(t.section, t.value, t.year) for t in doc.targets] == [("II.1", 20.0, 2026)]
    roles = _roles(doc)
    assert not any(s and s.startswith("I.") for s in roles)
    assert roles["II.2"] == {("Công an xã", "lead"), ("Ban Chỉ huy Quân sự xã", "cooperate")}


# A provincial yearly report in three divisions: results (with shortcomings and causes), the
# directions for the next year with its targets, proposals to the ministries. The division and
# outline of https://yenmy.hungyen.gov.vn/portal/Pages/2011-07/Bao-cao-KTXH-6-thang-dau--c22a9ce441df96b1.aspx
# ("Phần thứ nhất: TÌNH HÌNH THỰC HIỆN …"), the proposals ("Những kiến nghị với cấp trên") of the
# report templates https://123docz.net/trich-doan/3913471-cau-truc-cua-bao-cao.htm and
# https://thuvienphapluat.vn/chinh-sach-phap-luat-moi/vn/bieu-mau/44597/mau-bao-cao-tong-ket-cong-tac-nam-cua-chi-bo-va-cach-ghi.
PROVINCE_REPORT = """Phần thứ nhất

KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025

I. KẾT QUẢ ĐẠT ĐƯỢC

Tốc độ tăng trưởng tổng sản phẩm trên địa bàn ước đạt 7,2%, vượt chỉ tiêu Nghị quyết. Tổng thu ngân sách nhà nước ước đạt 14.500 tỷ đồng, bằng 108% dự toán.

II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN

Giải ngân vốn đầu tư công còn chậm, đến ngày 31/10/2025 mới đạt 58% kế hoạch.

Phần thứ hai

PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026

I. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU

1. Tốc độ tăng trưởng tổng sản phẩm trên địa bàn đạt 8% trở lên.

2. Tỷ lệ hộ nghèo giảm 1% so với năm 2025.

II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU

1. Sở Tài chính chủ trì, phối hợp với các sở, ngành tham mưu phân bổ vốn đầu tư công, hoàn thành trong quý I/2026.

Phần thứ ba

KIẾN NGHỊ, ĐỀ XUẤT

1. Đề nghị Bộ Tài chính bổ sung vốn ngân sách trung ương cho các dự án chuyển tiếp của tỉnh.

Trên đây là báo cáo của Ủy ban nhân dân tỉnh.
"""


def test_a_report_in_divisions(tmp_path: Path) -> None:
    """Results, then directions, then proposals: only the second division's targets count, and
    a target compared with the year past ("giảm 1% so với năm 2025") is a target of 2026, the
    report's next year (before: its own item heading gave it 2025, the comparison base). A
    proposal to a ministry ("Đề nghị Bộ X …") keeps X as lead (GUIDELINES-real.md)."""
    doc = _parse(tmp_path, PROVINCE_REPORT, kind="BÁO CÁO", number="412/BC-UBND",
                 title="Kết quả thực hiện nhiệm vụ năm 2025 và phương hướng, nhiệm vụ năm 2026")
    parts = _parts(doc)
    assert parts["P1"] == parts["P1.I"] == parts["P1.II"] == "situation"
    assert (parts["P2"], parts["P2.I"], parts["P2.II"], parts["P3"]) == ("tasks", "objectives", "tasks", "other")
    assert sorted((t.section, t.value, t.year) for t in doc.targets) == [("P2.I.1", 8.0, 2026), ("P2.I.2", 1.0, 2026)]
    roles = _roles(doc)
    assert ("Sở Tài chính", "lead") in roles["P2.II.1"]
    assert roles["P3.1"] == {("Bộ Tài chính", "lead")}


def test_the_report_rule_is_the_reports_alone() -> None:
    """A plan's part with no cue stays "other" and one named by an action verb sets tasks; in
    a report the same headings are its results. A report's proposals ("KIẾN NGHỊ, ĐỀ XUẤT")
    are asked of others, no results."""
    assert plan_part("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH NĂM 2025", "part", None) == "other"
    assert plan_part("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH NĂM 2025", "part", None, report=True) == "situation"
    assert plan_part("TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT", "part", None) == "tasks"
    assert plan_part("TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT", "part", None, report=True) == "situation"
    assert plan_part("Về kinh tế", "item", None, report=True) == "situation"
    assert plan_part("KIẾN NGHỊ, ĐỀ XUẤT", "part", None, report=True) == "other"
    assert plan_part("PHƯƠNG HƯỚNG NĂM 2026", "part", None, report=True) == "tasks"


def test_a_comparison_base_is_no_horizon() -> None:
    """"so với năm 2025", "so với cùng kỳ năm 2024" name the base a change is measured from."""
    assert heading_year("Tỷ lệ hộ nghèo giảm 1% so với năm 2025") is None
    assert heading_year("Kim ngạch xuất khẩu tăng 10% so với cùng kỳ năm 2024") is None
    assert heading_year("Đến năm 2030, giảm 20% so với năm 2025") == 2030


# ---------------------------------------------------------------------------------------------
# Submissions (Tờ trình)
# ---------------------------------------------------------------------------------------------

# The submission of a draft resolution to the council: need, purpose, how the draft was made,
# its outline, the request. Its opening ("Kính gửi: …", "I. SỰ CẦN THIẾT") as in the draft
# submission https://text.123docz.net/document/4710024-tai-lieu-cuoc-hop-tu-van-tham-dinh-du-thao-nghi-dinh-ban-hanh-quy-che-lam-viec-cua-chinh-phu-totrinhcp-1.htm
# (TTr-VPCP); the dossier (submission, draft, appraisal) per the guidance
# https://123doc.top/document/12851802-cong-van-so-474-stp-xdpbpl-huongdanxaydungnghiquyet-pdf.htm
# (Đồng Nai, 2021) and http://113.160.202.252:8080/CSDLVungMien/Home/Hoidap/6696; submissions of
# the committee (…/TTr-UBND) and of the council's boards (…/TTr-HĐND) are cited by the resolutions
# read below (Sơn La 39/TTr-UBND, Yên Bái 70/TTr-UBND, Đắk Lắk 279/TTr-HĐND, An Giang 515/TTr-UBND).
SUBMISSION = """Kính gửi: Hội đồng nhân dân tỉnh.

Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, ban hành Nghị quyết quy định mức hỗ trợ học phí như sau:

I. SỰ CẦN THIẾT BAN HÀNH NGHỊ QUYẾT

Năm học 2024 - 2025, toàn tỉnh có 41.200 học sinh trung học phổ thông; tỷ lệ học sinh bỏ học là 1,3%.

II. QUÁ TRÌNH XÂY DỰNG DỰ THẢO NGHỊ QUYẾT

Sở Giáo dục và Đào tạo đã lấy ý kiến các sở, ngành và Ủy ban nhân dân các xã, phường; Sở Tư pháp đã thẩm định dự thảo tại Báo cáo số 310/BC-STP ngày 10 tháng 11 năm 2025.

III. BỐ CỤC VÀ NỘI DUNG CƠ BẢN CỦA DỰ THẢO NGHỊ QUYẾT

1. Bố cục: dự thảo Nghị quyết gồm 04 điều.

2. Nội dung cơ bản

a) Mức hỗ trợ: 100% học phí đối với học sinh trung học phổ thông công lập.

b) Kinh phí thực hiện dự kiến 85 tỷ đồng mỗi năm học, do ngân sách tỉnh bảo đảm.

Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, quyết định.
"""


def test_a_submission_proposes_and_recounts(tmp_path: Path) -> None:
    """How the draft was made is the past ("… đã lấy ý kiến …", "… đã thẩm định …"); the
    draft's outline describes what is proposed; the request to the council is the submission
    speaking to its addressee: none of these charges anyone. Before: the drafting history was
    a duty led by Sở Giáo dục và Đào tạo, each point of the draft's outline a duty with no unit
    and the closing request a duty of the committee reporting to the council."""
    doc = _parse(tmp_path, SUBMISSION, kind="TỜ TRÌNH", number="233/TTr-UBND",
                 title="Về việc ban hành Nghị quyết quy định mức hỗ trợ học phí năm học 2025 - 2026")
    assert (doc.meta.type, doc.meta.number) == ("Tờ trình", "233/TTr-UBND")
    parts = _parts(doc)
    assert (parts["I"], parts["II"], parts["III"], parts["III.2"]) == ("situation", "situation", "other", "other")
    assert doc.duties == []


# ---------------------------------------------------------------------------------------------
# Council resolutions (Nghị quyết HĐND)
# ---------------------------------------------------------------------------------------------

# "QUYẾT NGHỊ: Điều 1. Thông qua Kế hoạch … với các nội dung chủ yếu sau: … chỉ tiêu …; Điều 2.
# Tổ chức thực hiện: giao UBND tỉnh …; Thường trực HĐND … giám sát …". Seen in 13 resolutions,
# e.g. https://luatminhkhue.vn/nghi-quyet-11-2011-nq-hdnd-ke-hoach-phat-trien-kinh-te---xa-hoi-tinh-tien-giang-nam-2012.aspx
# (Tiền Giang 2011), https://thuvienphapluat.vn/van-ban/Bat-dong-san/Nghi-quyet-14-NQ-HDND-2019-chuong-trinh-phat-trien-nha-o-Yen-Bai-422922.aspx?tab=7
# (Yên Bái 2019), https://vanbanphapluat.co/nghi-quyet-70-2014-nq-hdnd-bien-phap-phong-chong-hiv-aids-son-la-den-2020
# (Sơn La 2014), https://uat.nhansu.vn/van-ban-phap-luat/Nghi-quyet-05-2025-NQ-HDND-Quy-che-lam-viec-cua-Hoi-dong-nhan-dan-tinh-Dak-Lak-673636.html
# (Đắk Lắk 2025).
RESOLUTION = """**HỘI ĐỒNG NHÂN DÂN TỈNH HÒA VÂN**
**KHÓA XVII, KỲ HỌP THỨ TÁM**

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

Xét Tờ trình số 190/TTr-UBND ngày 28 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra số 77/BC-KTNS ngày 5 tháng 12 năm 2025 của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.

**QUYẾT NGHỊ:**

**Điều 1.** Thông qua kế hoạch phát triển kinh tế - xã hội năm 2026 với các nội dung chủ yếu sau:

1. Các chỉ tiêu chủ yếu

a) Tốc độ tăng trưởng tổng sản phẩm trên địa bàn đạt từ 9% trở lên.

b) Tỷ lệ lao động qua đào tạo đạt 75%.

2. Nhiệm vụ, giải pháp chủ yếu

a) Đẩy mạnh giải ngân vốn đầu tư công ngay từ đầu năm.

**Điều 2.** Tổ chức thực hiện

1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này; định kỳ báo cáo Hội đồng nhân dân tỉnh tại các kỳ họp thường lệ.

2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.

**Điều 3.** Hiệu lực thi hành

Nghị quyết này được Hội đồng nhân dân tỉnh Hòa Vân khóa XVII, Kỳ họp thứ Tám thông qua ngày 10 tháng 12 năm 2025 và có hiệu lực từ ngày thông qua.
"""


def test_a_council_resolution(tmp_path: Path) -> None:
    """Pinned (right before this survey): the type and number (NQ-HĐND), the adopted targets of
    Điều 1 with the plan's year, the committee charged with the execution and reporting to the
    council, the standing board and the boards with the oversight."""
    doc = _parse(tmp_path, RESOLUTION, kind="NGHỊ QUYẾT", number="58/NQ-HĐND", date="10 tháng 12 năm 2025",
                 title="Về kế hoạch phát triển kinh tế - xã hội năm 2026",
                 issuer="HỘI ĐỒNG NHÂN DÂN TỈNH HÒA VÂN", sign="CHỦ TỊCH")
    assert (doc.meta.type, doc.meta.number, doc.meta.issuer) == ("Nghị quyết", "58/NQ-HĐND", "Hội đồng nhân dân tỉnh Hòa Vân")
    assert sorted((t.section, t.value, t.year) for t in doc.targets) == [("D1.1.a", 9.0, 2026), ("D1.1.b", 75.0, 2026)]
    roles = _roles(doc)
    assert roles["D2.1"] == {("Ủy ban nhân dân tỉnh", "lead"), ("Hội đồng nhân dân tỉnh", "report_to")}
    assert {("Thường trực Hội đồng nhân dân tỉnh", "monitor"), ("Ban của Hội đồng nhân dân tỉnh", "monitor")} <= roles["D2.2"]


# ---------------------------------------------------------------------------------------------
# Notices of conclusions (Thông báo kết luận) and guidance (Hướng dẫn)
# ---------------------------------------------------------------------------------------------

# The conclusions of a meeting opened with the day written out, closed by the office's formula:
# http://113.160.144.194/detailNewsPrint.aspx?id=17931 (2018, "Chủ tịch UBND tỉnh có ý kiến chỉ
# đạo: Giao Sở … chủ trì …"), https://184303.5707z.group/detailNews.aspx?Cate=2&id=17415&lang=vi,
# http://113.160.144.194/detailNews.aspx?Cate=3&id=19262&lang=vi,
# https://thainguyentv.vn/ket-luan-cua-chu-tich-ubnd-tinh-thai-nguyen-ve-cong-tac-phong-chong-dich-benh-viem-phoi-cap-do-chung-moi-cua-virut-corona-gay-ra-76063.html
# ("… kết luận về cuộc họp như sau:").
NOTICE = """Ngày 10 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp về tiến độ giải ngân vốn đầu tư công. Sau khi nghe Sở Tài chính báo cáo và ý kiến của các đại biểu, Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:

1. Nhiệm vụ thời gian tới

a) Sở Tài chính chủ trì, phối hợp với các chủ đầu tư rà soát, điều chuyển vốn của các dự án chậm giải ngân, báo cáo Ủy ban nhân dân tỉnh trước ngày 25 tháng 10 năm 2025.

b) Ủy ban nhân dân các xã, phường đẩy nhanh công tác giải phóng mặt bằng, hoàn thành trước ngày 31 tháng 01 năm 2026.

Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện.
"""


def test_a_notice_of_conclusions(tmp_path: Path) -> None:
    """Who chaired the meeting, with its day written out ("Ngày 10 tháng 10 năm 2025, …"), and
    the office's closing formula ("… thông báo để các cơ quan, đơn vị biết, thực hiện") charge
    no one (before: the first was a duty led by the chair, the second a duty with no unit under
    the last item)."""
    doc = _parse(tmp_path, NOTICE, kind="THÔNG BÁO", number="95/TB-UBND", date="14 tháng 10 năm 2025",
                 title="Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về tiến độ giải ngân vốn đầu tư công",
                 sign="TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG")
    assert (doc.meta.type, doc.meta.number) == ("Thông báo", "95/TB-UBND")
    assert [d.section for d in doc.duties] == ["1.a", "1.b"]
    assert ("Sở Tài chính", "lead") in _roles(doc)["1.a"]


# Guidance of a department (…/HD-SNV), the outline of the guidance
# https://luatvietnam.vn/van-hoa/huong-dan-1064-hd-bvhttdl-219080-d6.html (1064/HD-BVHTTDL, 2022)
# and of http://nongthonmoilaocai.vn/Huong-dan-NTM/huong-dan-danh-gia-tieu-chi-so-18-91.html.
GUIDANCE = """I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm việc xét khen thưởng kịp thời, chính xác, công khai.

II. NỘI DUNG HƯỚNG DẪN

1. Hồ sơ đề nghị khen thưởng gửi về Sở Nội vụ trước ngày 15 tháng 01 năm 2026.

III. TỔ CHỨC THỰC HIỆN

1. Các sở, ban, ngành và Ủy ban nhân dân các xã, phường phổ biến Hướng dẫn này đến cán bộ, công chức.

Trên đây là hướng dẫn của Sở Nội vụ.
"""


def test_guidance(tmp_path: Path) -> None:
    """Pinned: a department's guidance reads as a plan does (type, number with the
    department's code, its parts)."""
    doc = _parse(tmp_path, GUIDANCE, kind="HƯỚNG DẪN", number="14/HD-SNV", date="02 tháng 12 năm 2025",
                 title="Công tác thi đua, khen thưởng năm 2026", issuer="SỞ NỘI VỤ TỈNH HÒA VÂN",
                 sign="GIÁM ĐỐC")
    assert (doc.meta.type, doc.meta.number) == ("Hướng dẫn", "14/HD-SNV")
    assert _parts(doc) == {"I": "objectives", "II": "tasks", "II.1": "tasks", "III": "organisation",
                           "III.1": "organisation"}
    assert ("Sở Nội vụ", "report_to") in _roles(doc)["II.1"]


# ---------------------------------------------------------------------------------------------
# Second round: a half-year report, a council's resolution on a report, the place "Nam …"
# ---------------------------------------------------------------------------------------------

# A district's half-year report whose results name "the tasks done" (Yên Mỹ 45/BC-UBND 2011,
# https://yenmy.hungyen.gov.vn/portal/Pages/2011-07/Bao-cao-KTXH-6-thang-dau--c22a9ce441df96b1.aspx;
# the district meetings on such drafts, http://yenlap.phutho.gov.vn/thong-tin-tuyen-truyen/bai-viet/cat/tin-moi-nhat-2548/id/ubnd-huyen-hop-phien-thuong-ky-thang-11-95771).
HALF_YEAR_REPORT = """I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM

1. Các nhiệm vụ đã triển khai

Phòng Kinh tế đã phối hợp với các xã tổ chức 12 lớp tập huấn kỹ thuật cho 600 hộ nông dân.

2. Thu ngân sách

Tổng thu ngân sách 6 tháng ước đạt 52 tỷ đồng, bằng 55% dự toán.

II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM

1. Phấn đấu tổng thu ngân sách cả năm đạt 98 tỷ đồng.

2. Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Chi cục Thuế khu vực đôn đốc thu nợ thuế, báo cáo Ủy ban nhân dân huyện trước ngày 15/10/2025.

Trên đây là báo cáo của Ủy ban nhân dân huyện.
"""


def test_the_tasks_done_are_results(tmp_path: Path) -> None:
    """"1. Các nhiệm vụ đã triển khai" under a report's results names tasks already done: what
    follows is the past (before: the title's "nhiệm vụ" made it a task part and "Phòng Kinh tế
    đã phối hợp …" a duty). The place "Nam Sơn" keeps its "Nam" (before: "Sơn", the word read
    as the end of the motto "Việt Nam"; "Nam Định, ngày …" lost it the same way)."""
    doc = _parse(tmp_path, HALF_YEAR_REPORT, kind="BÁO CÁO", number="145/BC-UBND", date="15 tháng 6 năm 2025",
                 title="Tình hình thực hiện nhiệm vụ 6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2025",
                 issuer="ỦY BAN NHÂN DÂN HUYỆN NAM SƠN", place="Nam Sơn")
    assert doc.meta.place == "Nam Sơn"
    parts = _parts(doc)
    assert parts["I.1"] == "situation"
    assert not any(s and s.startswith("I.") for s in _roles(doc))
    assert [(t.section, t.value, t.year) for t in doc.targets] == [("II.1", 98.0, 2025)]


def test_nam_opens_a_place() -> None:
    """"Nam" is dropped from a place only after "Việt" (the motto run into the line)."""
    from chinhsach.structure.metadata import read_date
    assert read_date("Nam Định, ngày 02 tháng 3 năm 2024") == ("2024-03-02", "Nam Định")
    assert read_date("Tự do - Hạnh phúc Việt Nam Hà Nội, ngày 2 tháng 3 năm 2024") == ("2024-03-02", "Hà Nội")
    assert read_date("Quảng Nam, ngày 15 tháng 6 năm 2025") == ("2025-06-15", "Quảng Nam")


# A council's resolution on the committee's half-year report: it endorses the report, restates
# the assessment, sets the tasks of the rest of the year, and closes with its adoption after the
# last article (Phú Yên 138/2015, https://luatminhkhue.vn/nghi-quyet-138-2015-nq-hdnd-tiep-tuc-thuc-hien-nhiem-vu-kinh-te-xa-hoi-quoc-phong-an-ninh-phu-yen.aspx;
# An Giang 08/2015, https://hethongphapluat.com/nghi-quyet-08-2015-nq-hdnd-ve-nhiem-vu-kinh-te-xa-hoi-2016-2020-do-tinh-an-giang-ban-hanh.html;
# the adoption clause as in Lào Cai 76/2016, https://vdocuments.pub/hi-ng-nhn-dn-cng-ha-xf-hi-ch-ngha-vit-quy-ch-hot.html).
ENDORSEMENT = """**HỘI ĐỒNG NHÂN DÂN TỈNH HÒA VÂN**

Trên cơ sở xem xét báo cáo của Ủy ban nhân dân tỉnh, báo cáo thẩm tra của các Ban Hội đồng nhân dân tỉnh và ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp,

**QUYẾT NGHỊ:**

**Điều 1.** Hội đồng nhân dân tỉnh cơ bản tán thành báo cáo của Ủy ban nhân dân tỉnh về tình hình thực hiện nhiệm vụ 6 tháng đầu năm và nhấn mạnh một số nội dung sau:

I. ĐÁNH GIÁ TÌNH HÌNH 6 THÁNG ĐẦU NĂM 2025

Tốc độ tăng trưởng kinh tế ước đạt 6,8%; thu ngân sách đạt 54% dự toán.

II. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM 2025

1. Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành tập trung giải ngân vốn đầu tư công.

**Điều 2.** Tổ chức thực hiện

1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.

2. Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.

Nghị quyết này được Hội đồng nhân dân tỉnh Hòa Vân khóa XVII, kỳ họp thứ Năm thông qua ngày 10 tháng 7 năm 2025.
"""


def test_a_council_endorses_and_adopts(tmp_path: Path) -> None:
    """The council endorsing the report ("… cơ bản tán thành báo cáo …") and adopting the
    resolution ("Nghị quyết này được … thông qua ngày …") acts as the issuer: no duty (before:
    the first was a duty led by the council, and the second, after the last clause of Điều 2, a
    duty of the committee by inheritance)."""
    doc = _parse(tmp_path, ENDORSEMENT, kind="NGHỊ QUYẾT", number="21/NQ-HĐND", date="10 tháng 7 năm 2025",
                 title="Về nhiệm vụ phát triển kinh tế - xã hội 6 tháng cuối năm 2025",
                 issuer="HỘI ĐỒNG NHÂN DÂN TỈNH HÒA VÂN", sign="CHỦ TỊCH")
    assert _parts(doc)["D1.I"] == "situation"
    assert [d.section for d in doc.duties] == ["D1.II.1", "D2.1", "D2.2"]
    assert not any(u.name == "Hội đồng nhân dân tỉnh" for d in doc.duties for u in d.units)


# A province's yearly report on the economy and the next year's plan, as the councils' resolutions
# cite it ("Báo cáo số 187/BC-UBND … về tình hình kinh tế - xã hội năm 2011 và kế hoạch phát triển
# kinh tế - xã hội năm 2012", Tiền Giang 11/2011/NQ-HĐND,
# https://luatminhkhue.vn/nghi-quyet-11-2011-nq-hdnd-ke-hoach-phat-trien-kinh-te---xa-hoi-tinh-tien-giang-nam-2012.aspx);
# the results counted against the year's targets ("đạt 90,36% so với kế hoạch",
# https://nghean24h.vn/thong-cao-bao-chi-tinh-hinh-kinh-te-xa-hoi-quoc-phong-an-ninh-tinh-nghe-an-thang-22026-a772284.html).
PLAN_REPORT = """I. TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2025

1. Các chỉ tiêu chủ yếu

Tốc độ tăng trưởng tổng sản phẩm trên địa bàn đạt 7,4%; tỷ lệ hộ nghèo còn 2,3%.

2. Nhiệm vụ trọng tâm

Sở Xây dựng chủ trì hoàn thành 3 công trình giao thông trọng điểm.

II. KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026

1. Tốc độ tăng trưởng tổng sản phẩm trên địa bàn đạt 8,5%.

2. Sở Tài chính chủ trì, phối hợp với Sở Xây dựng bố trí vốn cho các công trình chuyển tiếp.

Trên đây là báo cáo của Ủy ban nhân dân tỉnh.
"""


def test_a_report_and_the_next_years_plan(tmp_path: Path) -> None:
    """Under a report's results, "Các chỉ tiêu chủ yếu" and "Nhiệm vụ trọng tâm" tell how the
    year's targets and tasks went (before: objectives and tasks, the result 7,4% a target and
    the finished works a duty); "KẾ HOẠCH … NĂM 2026" is the next year's part though it names
    no task (before: taken for results)."""
    doc = _parse(tmp_path, PLAN_REPORT, kind="BÁO CÁO", number="187/BC-UBND",
                 title="Tình hình kinh tế - xã hội năm 2025 và kế hoạch phát triển kinh tế - xã hội năm 2026")
    parts = _parts(doc)
    assert parts["I.1"] == parts["I.2"] == "situation"
    assert parts["II"] == "tasks"
    assert [(t.section, t.value, t.year) for t in doc.targets] == [("II.1", 8.5, 2026)]
    assert sorted(s for s in _roles(doc) if s) == ["II.1", "II.2"]
    assert plan_part("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026", "part", None) == "other"
