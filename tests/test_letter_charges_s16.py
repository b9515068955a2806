"""How letters and a team's own plan charge units (s16 fixI). Invented wording below.

Layouts: a ministry's letter to the training schools it runs, addressed by their class on the
"Kính gửi" line, wrapped over two lines in the crawled markdown (s15 cv6386; the same
addressee form as s15 dev cv5141's "Các tổ chức, cá nhân khai thác …").
"""

from __future__ import annotations

from conftest import parse_text

SCHOOLS_LETTER = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 777/BNNMT-TCCB
V/v triển khai nhiệm vụ năm học 2026 - 2027
Hà Nội, ngày 05 tháng 9 năm 2026

**Kính gửi:** Các cơ sở đào tạo
trực thuộc Bộ

Bộ Nông nghiệp và Môi trường đề nghị các cơ sở thực hiện một số nhiệm vụ năm học 2026 - 2027 như sau:

I. NHIỆM VỤ CHUNG
Nâng cao chất lượng đào tạo nghề nông nghiệp gắn với nhu cầu của thị trường lao động.

II. NHIỆM VỤ CỤ THỂ
1. Rà soát chương trình đào tạo
- Cập nhật chương trình đào tạo các ngành chăn nuôi, thú y trước tháng 12/2026.
- Tổ chức lấy ý kiến người học về chất lượng giảng dạy.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Văn Mẫu
"""


def test_letter_to_a_class_of_schools_charges_them(tmp_path) -> None:
    """Before: only a class opening with 'tổ chức', 'cơ quan', 'doanh nghiệp', 'đơn vị' was an
    addressee; a letter to its schools ('cơ sở đào tạo …', 'trường …') charged nobody."""
    doc = parse_text(tmp_path, SCHOOLS_LETTER, "cv777-bnm.md")
    charged = [d for d in doc.duties if d.section in ("I", "II.1")]
    assert len(charged) >= 3
    for duty in charged:
        assert ("cơ sở đào tạo trực thuộc Bộ Nông nghiệp và Môi trường", "lead") in {(u.name, u.role) for u in duty.units}, duty.text


# A team's own inspection plan (s15 kh1105, the plan of the team s15 dev qd1050 set up): issued
# and signed by the team, its tasks assigned to members by name and office.
TEAM_PLAN = """SỞ XÂY DỰNG TỈNH BÌNH AN
ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 88/QĐ-SXD
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-ĐKT
Bình An, ngày 20 tháng 4 năm 2026

KẾ HOẠCH
Kiểm tra an toàn công trình nhà chung cư năm 2026

1. Mục đích, yêu cầu
Phát hiện kịp thời các nguy cơ mất an toàn tại các nhà chung cư.
2. Phân công nhiệm vụ
2.1. Bà Trần Thị Mẫu - Trưởng đoàn: Phụ trách chung; ký các văn bản thuộc thẩm quyền của Đoàn.
2.2. Ông Lê Văn Mẫu - Thư ký đoàn: Lập biên bản làm việc; tổng hợp hồ sơ của Đoàn.
3. Tổ chức thực hiện
3.1. Đối với Đoàn kiểm tra: Thực hiện đúng nội dung Kế hoạch; bảo mật thông tin.

Nơi nhận:
- Như trên;
- Lưu: VT.
T/M. ĐOÀN KIỂM TRA
TRƯỞNG ĐOÀN
Trần Thị Mẫu
"""


def test_team_plan_charges_the_team_by_its_offices(tmp_path) -> None:
    """Before: the team was a unit only in the decision that sets it up; its own plan charged
    nobody in 2.1, 2.2 (a person's name before the office) and 3.1 ('Đối với Đoàn kiểm tra:')."""
    doc = parse_text(tmp_path, TEAM_PLAN, "kh12-dkt.md")
    for section in ("2.1", "2.2", "3.1"):
        duty = next(d for d in doc.duties if d.section == section)
        assert ("Đoàn kiểm tra", "lead", True) in {(u.name, u.role, u.explicit) for u in duty.units}, section


# A guidance allotting a number to each body ("Mỗi X: cử tối đa N người"), layout of the Party
# guidance s13 hd40 II (six such bullets); invented wording.
ALLOTMENT_GUIDANCE = """BAN CHẤP HÀNH TRUNG ƯƠNG
BAN MẪU TRUNG ƯƠNG
ĐẢNG CỘNG SẢN VIỆT NAM
Số 12-HD/BMTW
Hà Nội, ngày 10 tháng 3 năm 2026

HƯỚNG DẪN
Về đội ngũ cộng tác viên thông tin

I. SỐ LƯỢNG CỘNG TÁC VIÊN
1. Cấp Trung ương
- Mỗi bộ, cơ quan ngang bộ: cử tối đa 04 người tham gia mạng lưới cộng tác viên.
- Mỗi tỉnh ủy, thành ủy lựa chọn tối đa 06 người tham gia mạng lưới cộng tác viên.
"""


def test_each_body_allotted_is_the_subject(tmp_path) -> None:
    """Before: 'Mỗi' (each) before the bodies hid them as subjects; both bullets had no unit."""
    doc = parse_text(tmp_path, ALLOTMENT_GUIDANCE, "hd12-bmtw.md")
    units = {(u.name, u.role) for d in doc.duties if d.section == "I.1" for u in d.units}
    assert {("bộ, cơ quan ngang bộ", "lead"), ("tỉnh ủy, thành ủy", "lead")} <= units


# A Party committee's letter charging the provincial committee to direct its apparatus (s14
# cv2449 item 1: "1. <body>, chỉ đạo các cơ quan, đơn vị có liên quan:" over bullets); invented.
DIRECTING_LETTER = """ĐẢNG BỘ TỈNH BÌNH AN
ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH
ĐẢNG CỘNG SẢN VIỆT NAM
Số 310-CV/ĐU
Bình An, ngày 02 tháng 10 năm 2026

Kính gửi: - Ủy ban nhân dân tỉnh,
- Các chi bộ, đảng bộ cơ sở.

Thực hiện Chương trình hành động của Tỉnh ủy về phát triển nông nghiệp xanh, Đảng ủy Ủy ban
nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh và các tổ chức đảng trực thuộc triển khai thực hiện
một số nhiệm vụ trọng tâm như sau:
1. Ủy ban nhân dân tỉnh, chỉ đạo các cơ quan, đơn vị có liên quan:
- Xây dựng kế hoạch chuyển đổi sang nông nghiệp xanh giai đoạn 2026 - 2030.
- Bố trí nguồn lực cho các mô hình sản xuất tuần hoàn trên địa bàn tỉnh.
"""


def test_body_directing_its_apparatus_leads_the_points(tmp_path) -> None:
    """Before: the line '<body>, chỉ đạo các cơ quan, đơn vị có liên quan:' was a duty of its own
    and handed nothing; the letter's other addressees were added to both bullets."""
    doc = parse_text(tmp_path, DIRECTING_LETTER, "cv310-du.md")
    item = [d for d in doc.duties if d.section == "1"]
    assert len(item) == 2
    for duty in item:
        assert {(u.name, u.role) for u in duty.units} == {("Ủy ban nhân dân tỉnh", "lead")}, duty.text


# A city's letter whose "Kính gửi" list names departments by their short names after "Các sở:",
# the crawl leaving a table pipe before the first mark (s15 cv6356); invented wording.
LONG_ADDRESSEE_LETTER = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 5120/UBND-NNMT
V/v ứng phó đợt rét đậm, rét hại
Bình An, ngày 05 tháng 12 năm 2026

|
**Kính gửi:**
| - Các sở: Y tế, Xây dựng, Dân tộc và Tôn giáo, Nội vụ; Tài chính, Công Thương, Giáo dục và Đào tạo, Nông nghiệp và Môi trường;
- Công an tỉnh;
- UBND các xã, phường.
|

Ủy ban nhân dân tỉnh yêu cầu các đơn vị thực hiện một số nhiệm vụ như sau:
1. Sở Nông nghiệp và Môi trường:
- Hướng dẫn người dân che chắn chuồng trại cho gia súc trong các đợt rét.
"""


def test_addressee_list_charges_nobody(tmp_path) -> None:
    """Before: a long addressee line after a pipe closed the list and was read as a duty charging
    four departments."""
    doc = parse_text(tmp_path, LONG_ADDRESSEE_LETTER, "cv5120-ubnd.md")
    assert not [d for d in doc.duties if d.section is None and "Các sở" in d.text]
    item = next(d for d in doc.duties if d.section == "1")
    assert {(u.name, u.role) for u in item.units} == {("Sở Nông nghiệp và Môi trường", "lead")}
