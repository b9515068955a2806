"""A scanned duty appendix that OCR read line by line across the page.

Layout seen in s17 dev qd2439/QĐ-BTC 2022 (eleven appendices, STT | task | time | lead |
partner): the header on one line ("STT Nội dung … Đơn vị chủ trì Đơn vị phối hợp", the time
label on the line above), then each printed line through all the cells left to right, the row's
number and time beside its middle line, a column rule now and then read as "|", the header again
on the next page. Invented wording, bodies and figures.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

PLAN = """===== Trang 1 =====
ỦY BAN NHÂN DÂN TỈNH MẪU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số 41/KH-UBND Tỉnh Mẫu, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Cải cách thủ tục đăng ký kinh doanh giai đoạn 2026 - 2028

I. MỤC ĐÍCH
Rút ngắn thời gian giải quyết hồ sơ đăng ký kinh doanh.

II. TỔ CHỨC THỰC HIỆN
Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Trần Văn Mẫu

===== Trang 2 =====
PHỤ LỤC I
LỘ TRÌNH THỰC HIỆN CẢI CÁCH ĐĂNG KÝ KINH DOANH
a Thời gian ¬
STT Nội dung hoạt động thực hiện Đơn vị chủ trì Đơn vị phối hợp
I | Về thể chế
Rà soát quy trình tiếp nhận hồ sơ đăng ký Sở Tài chính
1 | kinh doanh qua mạng tại bộ phận một cửa. 2026-2027 (Phòng ĐKKD) Các sở, ngành liên quan
Xây dựng quy chế phối hợp giữa các cơ quan
2 trong cấp mã số cho hộ kinh doanh, thống 2026 Sở Tài chính Các sở, ngành liên quan
nhất biểu mẫu. (Phòng ĐKKD, Phòng NS) | và UBND cấp xã
Công bố danh mục thủ tục được cắt giảm Văn phòng UBND
3 | thành phần hồ sơ trên cổng dịch vụ công. 2027-2028 tỉnh Các sở, ngành liên quan

===== Trang 3 =====
an Thời gian
STT Nội dung hoạt động thực hiện Đơn vị chủ trì Đơn vị phối hợp
II | Về ứng dụng công nghệ
Nâng cấp phần mềm một cửa điện tử kết nối Sở Khoa học và
1 | với hệ thống đăng ký kinh doanh quốc gia. 2026-2028 Công nghệ Sở Tài chính
Đào tạo công chức bộ phận một cửa sử dụng Sở Nội vụ
2 | phần mềm mới. 2027 (Phòng CCHC) Các sở, ngành liên quan
"""


def test_a_scanned_duty_appendix_read_across_the_page_gives_its_rows(tmp_path: Path) -> None:
    """Each row is a duty of its row (PL1.I.n, PL1.II.n under the group rows): the lead from the
    words after the time (a bracketed sub-body wrapped onto the line below stays the lead's),
    the partner after it, the time's last year the deadline."""
    doc = parse_text(tmp_path, PLAN, "ke-hoach-dkkd.md")
    rows = {d.section: d for d in doc.duties if (d.section or "").startswith("PL1.")}
    assert set(rows) == {"PL1.I.1", "PL1.I.2", "PL1.I.3", "PL1.II.1", "PL1.II.2"}

    def leads(section: str) -> set[str]:
        return {u.name for u in rows[section].units if u.role == "lead"}

    assert "Sở Tài chính" in leads("PL1.I.1")
    assert "Sở Tài chính" in leads("PL1.I.2")
    assert "Sở Khoa học và Công nghệ" in leads("PL1.II.1")
    assert "Sở Nội vụ" in leads("PL1.II.2")
    assert {u.name for u in rows["PL1.II.1"].units if u.role == "cooperate"} == {"Sở Tài chính"}
    assert rows["PL1.I.1"].deadline == "2027-12-31"
    assert rows["PL1.I.2"].deadline == "2026-12-31"
    assert rows["PL1.II.1"].deadline == "2028-12-31"
