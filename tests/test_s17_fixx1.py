"""Forms of the spent s16 held-out documents that generalise (session 17, helper fixX1).

Real documents read (kept outside the repository): a provincial action programme of 2020 whose
decimal items print their "Cơ quan thực hiện / Thời gian thực hiện" block only after the last item
of a run, and whose decision closes with one executing article naming several officers separated
by ";". All wording below is invented (a made-up province "Đông Hải", a water topic); each test
failed before the change it covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import parse_text

from chinhsach.model import Document

PROGRAMME = """ỦY BAN NHÂN DÂN TỈNH ĐÔNG HẢI

Số: 52/KH-UBND

Đông Hải, ngày 10 tháng 3 năm 2026

KẾ HOẠCH

Bảo vệ nguồn nước sinh hoạt trên địa bàn tỉnh

I. MỤC ĐÍCH, YÊU CẦU

1. Bảo đảm nguồn nước sinh hoạt an toàn cho người dân.

II. NHIỆM VỤ

1. Nâng cao nhận thức về bảo vệ nguồn nước

1.1. Biên soạn tài liệu hướng dẫn người dân giữ gìn giếng nước và bể chứa.

1.2. Tổ chức các buổi nói chuyện về nước sạch tại khu dân cư.

- Cơ quan thực hiện: Sở Y tế chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch.

- Thời gian thực hiện: Thường xuyên hằng năm.

1.3. Lắp đặt biển cảnh báo tại các nguồn nước bị ô nhiễm.

- Cơ quan thực hiện: Sở Xây dựng chủ trì, phối hợp với Ủy ban nhân dân các xã, phường.

- Thời gian thực hiện: Quý IV/2026.

2. Quản lý công trình cấp nước

2.1. Sở Tài chính bố trí kinh phí duy tu các công trình cấp nước tập trung.

2.2. Kiểm kê các công trình cấp nước nông thôn đã xuống cấp.

- Cơ quan thực hiện: Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các xã, phường.

- Thời gian thực hiện: Năm 2027.

III. TỔ CHỨC THỰC HIỆN

1. Sở Y tế theo dõi, tổng hợp kết quả thực hiện Kế hoạch, báo cáo Ủy ban nhân dân tỉnh.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Minh
"""


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(Path(tmp_path_factory.mktemp("run")), PROGRAMME)


def _roles(doc: Document, section: str) -> set[tuple[str, str]]:
    return {(u.name, u.role) for d in doc.duties if d.section == section for u in d.units if u.explicit}


def test_field_block_after_a_run_covers_the_items_without_fields(programme: Document) -> None:
    """1.1 prints no fields; the block after 1.2 closes the run 1.1-1.2 (the s16 ctr435 gold, written
    blind, reads II.1.1 and II.3.1-3.3 so)."""
    for section in ("II.1.1", "II.1.2"):
        assert {("Sở Y tế", "lead"), ("Sở Văn hóa, Thể thao và Du lịch", "cooperate")} <= _roles(programme, section)
        assert {d.recurring for d in programme.duties if d.section == section} == {"thường xuyên, hằng năm"}
    # An item with fields of its own keeps them; the next run starts after it.
    assert ("Sở Y tế", "lead") not in _roles(programme, "II.1.3")
    assert ("Sở Xây dựng", "lead") in _roles(programme, "II.1.3")


def test_item_naming_its_own_lead_keeps_it(programme: Document) -> None:
    """2.1 names who does it: the block after 2.2 is not its."""
    roles = _roles(programme, "II.2.1")
    assert ("Sở Tài chính", "lead") in roles
    assert ("Sở Nông nghiệp và Môi trường", "lead") not in roles
