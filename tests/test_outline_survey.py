"""Outline forms and plan parts of real plans of other provinces, years and levels (survey
"survdiv").

The forms were read in real plans, directives, programmes and resolutions crawled from law
portals and provincial sites (the addresses are cited at each test); every text below is
written for the test: an invented province ("Hòa Vân"), invented topics and figures, the
structure only of what was seen.
"""

from __future__ import annotations

from pathlib import Path

from chinhsach import parse
from chinhsach.model import Document

HEADER = """| ỦY BAN NHÂN DÂN TỈNH HÒA VÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: {number} | Hòa Vân, ngày {date} |

**{kind}**

**{title}**

"""

TAIL = """
Trên đây là {kind_lower} của Ủy ban nhân dân tỉnh Hòa Vân.

**Nơi nhận:**
- Như trên;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN**
**CHỦ TỊCH**

**Trần Văn Bình**
"""


def _parse(tmp_path: Path, body: str, *, kind: str = "KẾ HOẠCH", number: str = "31/KH-UBND",
           date: str = "14 tháng 02 năm 2025", title: str = "PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG NĂM 2025") -> Document:
    path = tmp_path / "plan.txt"
    text = HEADER.format(kind=kind, number=number, date=date, title=title) + body
    path.write_text(text + TAIL.format(kind_lower=kind.capitalize()), encoding="utf-8")
    return parse(path)


def _parts(doc: Document) -> dict[str, str]:
    return {s.id: s.part for s in doc.sections}


def _roles(doc: Document) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for d in doc.duties:
        out.setdefault(d.section, []).extend((u.name, u.role) for u in d.units)
    return out


# ---------------------------------------------------------------------------------------------
# Capital-letter divisions over the parts: "A. KẾT QUẢ …" / "B. KẾ HOẠCH …" / "C. TỔ CHỨC …"
# ---------------------------------------------------------------------------------------------

# Yearly plans and directives divide their body by capital letters, a level above the Roman
# parts: a review of the past year, then the new year's programme with its own "I. MỤC TIÊU",
# "II. NHIỆM VỤ" (a 2017 directive on a school year: "A. NHIỆM VỤ CHỦ YẾU …" over "I. Phương
# hướng chung"), or over numbered items directly (a ministry's 2025 guidance, "A. NHIỆM VỤ
# CHUNG" over "1.", "2."). The letters were read as text: the preamble swallowed "A.", the
# second part's "I." was a repeat and was lost, the review's figures were read as targets and
# "C. TỔ CHỨC THỰC HIỆN" as one of the tasks' sentences.
#   https://thuvienphapluat.vn/van-ban/Giao-duc/Chi-thi-10-CT-UBND-2017-nhiem-vu-chu-yeu-nam-hoc-nganh-Giao-duc-dao-tao-Binh-Phuoc-360850.aspx
#   https://hethongphapluat.vn/cong-van-4555-bgddt-gdpt-nam-2025-huong-dan-thuc-hien-nhiem-vu-giao-duc-pho-thong-nam-hoc-2025-2026-do-bo-giao-duc-va-dao-tao-ban-hanh.html
#   https://snnptnt.hanam.gov.vn/Pages/Ke-hoach-Chuong-trinh-MTQG-Nuoc-sach---VSMT-nong-thon-tinh-Ha-Nam-nam-20141495723973.aspx
#   (the same review-then-programme shape under "Phần I")

LETTERED_OVER_PARTS = """**A. KẾT QUẢ THỰC HIỆN NĂM 2024**

1. Toàn tỉnh đón 870 nghìn lượt khách du lịch cộng đồng, đạt 92% kế hoạch.

2. Tỷ lệ homestay đạt chuẩn phục vụ khách du lịch đạt 41%.

**B. KẾ HOẠCH NĂM 2025**

**I. MỤC TIÊU**

1. Đón 1 triệu lượt khách du lịch cộng đồng.

2. Tỷ lệ homestay đạt chuẩn phục vụ khách du lịch đạt 55%.

**II. NHIỆM VỤ, GIẢI PHÁP**

1. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng bộ tiêu chí homestay, hoàn thành trong quý II/2025.

2. Sở Tài chính phối hợp bố trí kinh phí đào tạo người làm du lịch.

**C. TỔ CHỨC THỰC HIỆN**

1. Ủy ban nhân dân các huyện chủ trì triển khai Kế hoạch tại địa phương.

2. Sở Văn hóa, Thể thao và Du lịch tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2025.
"""


def test_lettered_divisions_over_roman_parts(tmp_path: Path) -> None:
    doc = _parse(tmp_path, LETTERED_OVER_PARTS)
    parts = _parts(doc)
    assert {k: parts[k] for k in ("A", "A.1", "A.2", "B.I", "B.I.1", "B.II", "B.II.1", "C", "C.1")} == {
        "A": "situation", "A.1": "situation", "A.2": "situation", "B.I": "objectives",
        "B.I.1": "objectives", "B.II": "tasks", "B.II.1": "tasks", "C": "organisation",
        "C.1": "organisation"}
    assert not any(s.id.startswith("II") or "~" in s.id for s in doc.sections)
    # The review's figures are the past, the programme's are the targets.
    assert sorted((t.section, t.value) for t in doc.targets) == [("B.I.1", 1.0), ("B.I.2", 55.0)]
    roles = _roles(doc)
    assert ("Sở Văn hóa, Thể thao và Du lịch", "lead") in roles["B.II.1"]
    assert ("Sở Tài chính", "cooperate") in roles["B.II.2"]
    assert [r for r in roles["C.1"] if r[1] == "lead"] == [("Ủy ban nhân dân huyện", "lead")]
    assert ("Ủy ban nhân dân tỉnh", "report_to") in roles["C.2"]


LETTERED_OVER_ITEMS = """Để thực hiện tốt nhiệm vụ năm 2025, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:

**A. NHIỆM VỤ CHUNG**

1. Các sở, ban, ngành bám sát chủ đề năm 2025 của tỉnh, cụ thể hóa thành nhiệm vụ của đơn vị.

2. Tăng cường kỷ luật, kỷ cương hành chính trong toàn ngành du lịch.

**B. NHIỆM VỤ CỤ THỂ**

1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức Tuần lễ du lịch cộng đồng, hoàn thành trước ngày 30/9/2025.

2. Công an tỉnh bảo đảm an ninh, trật tự tại các điểm du lịch.
"""


def test_lettered_divisions_over_numbered_items(tmp_path: Path) -> None:
    doc = _parse(tmp_path, LETTERED_OVER_ITEMS, kind="CHỈ THỊ", number="04/CT-UBND",
                 title="VỀ TĂNG CƯỜNG QUẢN LÝ DU LỊCH CỘNG ĐỒNG NĂM 2025")
    ids = [s.id for s in doc.sections]
    assert ids == ["A", "A.1", "A.2", "B", "B.1", "B.2"]
    parts = _parts(doc)
    assert parts["B"] == parts["B.1"] == "tasks"
    roles = _roles(doc)
    assert roles["B.1"][0] == ("Sở Văn hóa, Thể thao và Du lịch", "lead")
    assert ("Công an tỉnh", "lead") in roles["B.2"]
    assert {d.section: d.deadline for d in doc.duties}["B.1"] == "2025-09-30"


def test_a_single_capital_letter_line_is_no_division(tmp_path: Path) -> None:
    """Only an "A." followed by a "B." divides the body: a lone "A. …" line is text."""
    body = """**I. NHIỆM VỤ**

1. Sở Văn hóa, Thể thao và Du lịch chủ trì lựa chọn phương án tổ chức lễ hội.

A. Phương án tổ chức tại trung tâm tỉnh được ưu tiên xem xét trước.

2. Sở Tài chính chủ trì bố trí kinh phí.
"""
    doc = _parse(tmp_path, body)
    assert [s.id for s in doc.sections] == ["I", "I.1", "I.2"]


# ---------------------------------------------------------------------------------------------
# The Party's dash markers: "I-", "1-", "a-"
# ---------------------------------------------------------------------------------------------

# Resolutions, conclusions and programmes of Party committees mark their parts "I-", "II-" (a
# provincial committee's 2016 resolution, the Politburo's 2025 conclusion, a provincial
# congress's 2020 resolution), and their items and points "1-", "a-" (the Party's own lists).
# The Roman part was read; the items and points were not (the text stage already took "1- " as
# a block's start): a plan's tasks ran into one paragraph with the first unit's role for all,
# the units heading "1- …" under "TỔ CHỨC THỰC HIỆN" lost their role, and the purposes "1- …"
# came out as targets whose value was the item's number.
#   https://baoninhthuan.com.vn/news/89284p1c24/nghi-quyet-cua-ban-chap-hanh-dang-bo-tinh-khoa-xiii-ve-huy-dong-nguon-luc-uu-tien-dau-tu-xay-dung-ket-cau-ha-tang-cap-thiet-giao-thong-thuy-loi-do-thi-giao-duc-y-te-giai-doan-20162020.htm
#   https://societynewstech.com/banchinhsachchienluoc/xay-dung-dang/ket-luan-127-kl-tw-cua-bo-chinh-tri-ban-bi-thu-ve-trien-khai-nghien-cuu-de-xuat-tiep-tuc-sap-xep-to-chuc-bo-may-cua-he-t.html
#   http://baoapbac.vn/chinh-tri/202010/nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-tien-giang-lan-thu-xi-911161/
#   https://timtailieu.vn/tai-lieu/de-tai-the-thuc-the-loai-va-tham-quyen-ban-hanh-van-ban-cua-dang-28977/

PARTY_DASHES = """**I- MỤC ĐÍCH, YÊU CẦU**

1- Quán triệt sâu sắc chủ trương phát triển du lịch cộng đồng đến cán bộ, đảng viên.

2- Xác định rõ trách nhiệm của từng cấp ủy, tổ chức đảng.

**II- MỤC TIÊU**

Đến năm 2030, 90% thôn, bản có điểm du lịch cộng đồng đạt chuẩn.

**III- NHIỆM VỤ, GIẢI PHÁP**

1- Tăng cường công tác tuyên truyền

a- Ban Tuyên giáo Tỉnh ủy chủ trì định hướng tuyên truyền, hoàn thành trong quý I/2026.

b- Các huyện ủy tổ chức quán triệt đến chi bộ.

2- Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo xây dựng cơ chế hỗ trợ du lịch cộng đồng.

**IV- TỔ CHỨC THỰC HIỆN**

1- Ban Tuyên giáo Tỉnh ủy theo dõi, kiểm tra việc thực hiện.

2- Văn phòng Tỉnh ủy tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy.
"""


def test_party_dash_items_and_points(tmp_path: Path) -> None:
    doc = _parse(tmp_path, PARTY_DASHES, kind="CHƯƠNG TRÌNH HÀNH ĐỘNG", number="12-CTr/TU",
                 title="PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG ĐẾN NĂM 2030")
    ids = [s.id for s in doc.sections]
    assert ids == ["I", "I.1", "I.2", "II", "III", "III.1", "III.1.a", "III.1.b", "III.2", "IV", "IV.1", "IV.2"]
    assert [(t.section, t.value) for t in doc.targets] == [("II", 90.0)]
    roles = _roles(doc)
    assert roles["III.1.a"][0] == ("Ban Tuyên giáo Tỉnh ủy", "lead")
    assert ("Ban Tuyên giáo Tỉnh ủy", "lead") not in roles["III.1.b"]
    assert ("Ban Tuyên giáo Tỉnh ủy", "lead") in roles["IV.1"]
    assert ("Văn phòng Tỉnh ủy", "lead") in roles["IV.2"]
    assert {d.section: d.deadline for d in doc.duties}["III.1.a"] == "2026-03-31"


def test_a_range_is_no_dash_item(tmp_path: Path) -> None:
    """"5 - 7 ngày" opening a sentence is a figure, not item 5: the dash item wants no space
    before its dash and a capital after it."""
    body = """**I. NHIỆM VỤ**

1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức các đoàn khảo sát.

2- 3 đoàn khảo sát được tổ chức mỗi năm.
"""
    doc = _parse(tmp_path, body)
    assert [s.id for s in doc.sections] == ["I", "I.1"]


# ---------------------------------------------------------------------------------------------
# Part headings: the grounds of the plan, and its oversight
# ---------------------------------------------------------------------------------------------

# A commune's 2024 plan opens with "I. CĂN CỨ LẬP KẾ HOẠCH", a list of the higher documents it
# follows, which restate their own targets; "Căn cứ xây dựng kế hoạch" was known as the plan's
# grounds (situation), "căn cứ lập" was not, and the higher plan's figure came out as a target
# of this one. Plans and đề án close with a part of oversight ("KIỂM TRA, GIÁM SÁT, ĐÁNH GIÁ";
# an đề án's "Giám sát và đánh giá thực hiện đề án" with its items "1. Giám sát", "2. Đánh
# giá"): its "đánh giá" made it an appraisal of the past (situation), whose duties are not read,
# and the bodies charged with checking the plan lost their duties.
#   https://thachkim.locha.hatinh.gov.vn/vi/news/cai-canh-hanh-chinh/ke-hoach-chuyen-doi-so-va-dam-bao-an-toan-thong-tin-mang-tren-dia-ban-xa-thach-kim-58.html
#   https://123docz.net/trich-doan/900311-giam-sat-va-danh-gia-thuc-hien-de-an.htm

GROUNDS_AND_OVERSIGHT = """**I. CĂN CỨ LẬP KẾ HOẠCH**

- Nghị quyết của Ban Chấp hành Đảng bộ tỉnh đặt mục tiêu đến năm 2025 có 80% hồ sơ công việc cấp xã được xử lý trên môi trường mạng.

**II. MỤC TIÊU**

Đến năm 2025, 90% hồ sơ công việc của xã được xử lý trên môi trường mạng.

**III. NHIỆM VỤ**

1. Văn phòng Ủy ban nhân dân xã chủ trì số hóa hồ sơ, hoàn thành trong quý III/2025.

**IV. KIỂM TRA, GIÁM SÁT, ĐÁNH GIÁ**

1. Phòng Văn hóa và Thông tin kiểm tra kết quả thực hiện, báo cáo trước ngày 10/12/2025.

2. Công an xã phối hợp kiểm tra an toàn thông tin tại bộ phận một cửa.
"""


def test_grounds_and_oversight_parts(tmp_path: Path) -> None:
    doc = _parse(tmp_path, GROUNDS_AND_OVERSIGHT, number="45/KH-UBND",
                 title="CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN XÃ HÒA AN NĂM 2025")
    parts = _parts(doc)
    assert parts["I"] == "situation"
    assert parts["IV"] == parts["IV.1"] == parts["IV.2"] == "organisation"
    assert [(t.section, t.value) for t in doc.targets] == [("II", 90.0)]
    roles = _roles(doc)
    assert ("Phòng Văn hóa và Thông tin", "lead") in roles["IV.1"]
    assert ("Công an xã", "cooperate") in roles["IV.2"]
    assert {d.section: d.deadline for d in doc.duties}["IV.1"] == "2025-12-10"


def test_an_appraisal_part_stays_the_past(tmp_path: Path) -> None:
    """Only a part that opens with oversight is about carrying the plan out: "ĐÁNH GIÁ KẾT QUẢ
    THỰC HIỆN NĂM 2024" still reports the past, its figures no targets."""
    body = """**I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024**

Năm 2024, 64% hồ sơ công việc của xã được xử lý trên môi trường mạng.

**II. MỤC TIÊU NĂM 2025**

Đến năm 2025, 90% hồ sơ công việc của xã được xử lý trên môi trường mạng.
"""
    doc = _parse(tmp_path, body)
    assert _parts(doc)["I"] == "situation"
    assert [(t.section, t.value) for t in doc.targets] == [("II", 90.0)]


def test_letters_under_a_roman_part_divide_nothing(tmp_path: Path) -> None:
    """Capital letters printed under a Roman part group its items; the parts after it stay
    parts ("IV. TỔ CHỨC THỰC HIỆN" is not lost to a division's restarted count)."""
    body = """**I. MỤC TIÊU**

Đến năm 2025, đón 1 triệu lượt khách du lịch cộng đồng.

**II. NHIỆM VỤ**

**A. Nhiệm vụ chung**

1. Sở Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền về du lịch cộng đồng.

**B. Nhiệm vụ cụ thể**

2. Sở Tài chính chủ trì bố trí kinh phí.

**III. TỔ CHỨC THỰC HIỆN**

1. Ủy ban nhân dân các huyện chủ trì triển khai Kế hoạch tại địa phương.
"""
    doc = _parse(tmp_path, body)
    parts = _parts(doc)
    assert not any(s.id[:1] in "AB" for s in doc.sections)
    assert parts["III"] == parts["III.1"] == "organisation"


# ---------------------------------------------------------------------------------------------
# A meeting's notice numbered in Arabic at the top: "1. Đánh giá tình hình …" (the past), then
# "2. Kế hoạch, nhiệm vụ công tác …" (the next period's tasks, given to each department).
MEETING_NOTICE = """Ngày 02/6/2025, Giám đốc Sở chủ trì hội nghị giao ban; kết luận như sau:

1. Đánh giá tình hình thực hiện nhiệm vụ, chương trình công tác tháng 5 và 5 tháng đầu năm 2025:

Trong tháng 5, toàn ngành đã hoàn thành 41 hồ sơ thẩm định, bằng 96% kế hoạch tháng; số hồ sơ trực tuyế

n. Đã có 12 đơn vị dùng phần mềm quản lý văn bản mới.

2. Kế hoạch, nhiệm vụ công tác trọng tâm tháng 6 và quý III năm 2025

2.1. Giao Phòng Kế hoạch - Tài chính

- Tổng hợp số liệu thu, chi 6 tháng đầu năm, báo cáo Giám đốc Sở trước ngày 25/6/2025.

2.2. Giao Thanh tra Sở

- Kiểm tra việc thực hiện quy chế chi tiêu nội bộ tại các đơn vị trực thuộc.
"""


def test_a_meeting_notice_numbers_its_parts_in_arabic(tmp_path: Path) -> None:
    """Conclusions of a monthly meeting ("Thông báo kết luận giao ban") number their two parts
    "1." and "2." with long titles: the account of the month and the tasks of the next one. The
    pair decides, whatever the titles' length (s17 held-out tb990: part 2 read "other", its 13
    items of charges lost)."""
    doc = _parse(tmp_path, MEETING_NOTICE, kind="THÔNG BÁO", number="52/TB-SKHĐT",
                 title="KẾT LUẬN CỦA GIÁM ĐỐC SỞ TẠI HỘI NGHỊ GIAO BAN THÁNG 6 NĂM 2025")
    parts = _parts(doc)
    assert parts["1"] == "situation"
    assert "1.n" not in parts  # the column cut left a word's last letter at the line's start
    assert parts["2"] == parts["2.1"] == parts["2.2"] == "tasks"
    roles = _roles(doc)
    assert ("Phòng Kế hoạch - Tài chính", "lead") in roles["2.1"]
    assert any(role == "lead" for _, role in roles["2.2"])


FRONT_REQUEST = """**I. TỔ CHỨC THỰC HIỆN**

1. Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã

- Chủ trì tổ chức hội nghị lấy ý kiến cử tri tại các thôn.

2. Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã

- Chuẩn bị tài liệu, hội trường phục vụ hội nghị.

Đề nghị Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã phối hợp bố trí phương tiện phục vụ hội nghị.
"""


def test_a_request_after_the_last_item_is_the_parts(tmp_path: Path) -> None:
    """A Front committee's part on who does what, its items headed by its own bodies, closes
    with a request to a body it does not direct ("Đề nghị Văn phòng … phối hợp …"): the part's
    paragraph, not the last item's (s17 dev kh-mttq-2026 hiepthuong2, its blind gold)."""
    doc = _parse(tmp_path, FRONT_REQUEST, kind="KẾ HOẠCH", number="07/KH-MTTQ",
                 title="TỔ CHỨC HỘI NGHỊ LẤY Ý KIẾN CỬ TRI")
    request = next(d for d in doc.duties if d.text.startswith("Đề nghị"))
    assert request.section == "I"
