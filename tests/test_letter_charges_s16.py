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
