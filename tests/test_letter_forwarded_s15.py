"""A letter's addressees lead the letter's own items that name no unit, not the articles of a
document it forwards.

Seen in the fresh-scans set (HzW_18_syt_vp: a Sở Y tế letter to hospitals and district health
centres that forwards a Ministry circular after its "Nơi nhận"): once the addressee rule of
GUIDELINES-real.md [decided, s14 adj] reached every letter item, the circular's articles that name
no unit were charged to the letter's addressees (9 extra triples; units 0.585 -> 0.539). The
forwarded document is written to its own readers. Invented wording below.
"""

from __future__ import annotations

import pytest
from conftest import parse_text

from chinhsach.model import Document

LETTER = """SỞ Y TẾ TỈNH BÌNH AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/SYT-NV
V/v triển khai Thông tư số 05/2026/TT-BYT
Bình An, ngày 10 tháng 3 năm 2026

Kính gửi: Bệnh viện Đa khoa tỉnh; Trung tâm Y tế huyện Hòa Lạc.

Thực hiện Thông tư số 05/2026/TT-BYT của Bộ Y tế (sao gửi kèm theo công văn này), đề nghị các đơn vị:
1. Tổ chức phổ biến Thông tư đến toàn thể viên chức trong tháng 4/2026.
2. Báo cáo kết quả về Sở Y tế trước ngày 30/4/2026.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn Tâm

BỘ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
THÔNG TƯ
Quy định về ghi chép hồ sơ bệnh án điện tử

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc ghi chép hồ sơ bệnh án điện tử.
Điều 2. Lưu trữ hồ sơ
1. Hồ sơ bệnh án điện tử được lưu trữ tối thiểu mười năm.
2. Việc sao lưu dữ liệu được thực hiện hằng tháng.
"""


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("fwd"), LETTER, "cv77-syt.txt")


def test_the_letters_own_items_go_to_its_addressees(letter: Document) -> None:
    leads = {u.name for d in letter.duties if d.section == "1" for u in d.units if u.role == "lead"}
    assert "Bệnh viện Đa khoa tỉnh" in leads


def test_the_forwarded_documents_articles_do_not(letter: Document) -> None:
    assert letter.meta.attached, "the forwarded circular is read as attached"
    prefix = letter.meta.attached[0]["prefix"] + "."
    forwarded = [d for d in letter.duties if (d.section or "").startswith(prefix)]
    for duty in forwarded:
        assert not any(u.name == "Bệnh viện Đa khoa tỉnh" for u in duty.units), duty.section
