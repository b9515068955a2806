"""One reading of a letter's addressees (fixY): the "Kính gửi" list leads the letter's items that
name no unit, under a lead-in naming nobody ("Chủ tịch UBND tỉnh yêu cầu:") or none, with the
same limits everywhere: not in a document the letter forwards (02f7a99), a topic item charged
once ([decided, s15 fixU]), and the addressees monitor what an item says to monitor, as a
heading's unit does (GUIDELINES-real.md [decided, s14 adj]).

Before, two paths charged them: the lead-in one (fixT) ignored the forwarded document and the
topic items, the final one (fixU) gave no monitor. Invented wording below; the layouts are those
of s15 dev cv6225, cv5141 and the fresh-scans letter HzW_18.
"""

from __future__ import annotations

import pytest
from conftest import parse_text

from chinhsach.model import Document

ASKING_LETTER = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 912/UBND-KT
V/v triển khai Quy định về quản lý bến thủy nội địa
Bình An, ngày 12 tháng 3 năm 2026

Kính gửi: Sở Xây dựng; Công an tỉnh.

Thực hiện Quy định về quản lý bến thủy nội địa (gửi kèm theo), Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
1. Về việc cấp phép bến khách ngang sông
- Rà soát các bến đang hoạt động trước ngày 30/4/2026.
- Công khai danh sách bến đủ điều kiện trên cổng thông tin.
2. Phối hợp với Ủy ban nhân dân các xã tổ chức tuyên truyền an toàn đường thủy.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình

BỘ GIAO THÔNG VẬN TẢI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
THÔNG TƯ
Quy định về quản lý bến thủy nội địa

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc quản lý bến thủy nội địa.
Điều 2. Trách nhiệm thi hành
1. Phối hợp với cơ quan đăng kiểm kiểm tra phương tiện chở khách hằng quý.
2. Báo cáo tình hình hoạt động bến trước ngày 15 tháng 12 hằng năm.
"""

PLAIN_LETTER = """SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH BÌNH AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 455/SNNMT-TL
V/v vận hành hồ chứa mùa lũ năm 2026
Bình An, ngày 02 tháng 9 năm 2026

Kính gửi: Công ty Thủy lợi Bình An; Ban Quản lý dự án tỉnh.

Để bảo đảm an toàn hồ chứa trong mùa lũ, Sở Nông nghiệp và Môi trường đề nghị các đơn vị thực hiện các nội dung sau:
1. Theo dõi, kiểm tra mực nước các hồ chứa hằng ngày trong mùa lũ.
2. Bố trí nhân lực trực vận hành cửa xả 24/24 giờ.

Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Phạm Thị Hoa
"""

ADDRESSEES = {"Sở Xây dựng", "Công an tỉnh"}


@pytest.fixture(scope="module")
def asking(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("ask"), ASKING_LETTER, "cv912-ubnd.txt")


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("plain"), PLAIN_LETTER, "cv455-snnmt.txt")


def _leads(doc: Document, section: str) -> list[set[str]]:
    return [{u.name for u in d.units if u.role == "lead"} for d in doc.duties if d.section == section]


def test_an_item_naming_only_a_partner_goes_to_the_addressees(asking: Document) -> None:
    assert any(ADDRESSEES <= leads for leads in _leads(asking, "2"))


def test_a_topic_under_the_lead_in_is_charged_once(asking: Document) -> None:
    charged = [d for d in asking.duties if (d.section or "").split(".")[0] == "1"
               and ADDRESSEES <= {u.name for u in d.units if u.role == "lead"}]
    assert len(charged) == 1, [d.text for d in charged]


def test_the_forwarded_document_is_not_charged_to_them(asking: Document) -> None:
    assert asking.meta.attached, "the forwarded circular is read as attached"
    prefix = asking.meta.attached[0]["prefix"] + "."
    forwarded = [d for d in asking.duties if (d.section or "").startswith(prefix)]
    assert forwarded, "the circular's clauses are read"
    for duty in forwarded:
        assert not ADDRESSEES & {u.name for u in duty.units}, duty.section


def test_the_addressees_monitor_what_an_item_says_to_monitor(plain: Document) -> None:
    first = next(d for d in plain.duties if d.text.startswith("Theo dõi"))
    roles = {(u.name, u.role) for u in first.units}
    assert {("Công ty Thủy lợi Bình An", "lead"), ("Công ty Thủy lợi Bình An", "monitor")} <= roles, roles
