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


DECISION = """ỦY BAN NHÂN DÂN TỈNH ĐÔNG HẢI

Số: 120/QĐ-UBND

Đông Hải, ngày 10 tháng 3 năm 2026

QUYẾT ĐỊNH

Về việc ban hành Kế hoạch bảo vệ nguồn nước sinh hoạt

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch bảo vệ nguồn nước sinh hoạt trên địa bàn tỉnh.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Giám đốc Sở Y tế; Thủ trưởng các cơ quan, đơn vị có liên quan; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Minh
"""


def test_execution_article_keeps_the_officers_before_a_generic_one(tmp_path: Path) -> None:
    """"Giám đốc Sở X; Thủ trưởng các cơ quan, đơn vị có liên quan; Chủ tịch UBND … chịu trách
    nhiệm thi hành": the generic member between the named ones does not end their list (s16
    held-out ctr435 Điều 2 lost its Sở)."""
    doc = parse_text(tmp_path, DECISION)
    roles = {(u.name, u.role) for d in doc.duties if d.section == "D3" for u in d.units}
    assert {("Sở Y tế", "lead"), ("Chủ tịch Ủy ban nhân dân xã, phường", "lead")} <= roles


NOTICE = """ỦY BAN NHÂN DÂN
PHƯỜNG BÌNH AN

Số: 215/TB-UBND

Bình An, ngày 12 tháng 8 năm 2026

THÔNG BÁO

Về việc công khai kết quả lựa chọn đơn vị thu gom rác thải sinh hoạt

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;

Ủy ban nhân dân phường Bình An công khai kết quả tiếp nhận hồ sơ của các đơn vị đề nghị thu gom rác thải sinh hoạt trên địa bàn phường, như sau:

1. Thời gian nhận hồ sơ

Từ ngày 01/7/2026 đến ngày 20/7/2026. Các hợp tác xã, tổ chức quan tâm đã gửi hồ sơ tại Trung tâm Phục vụ hành chính công phường Bình An.

2. Kết quả

Hợp tác xã Dịch vụ môi trường Bình An được lựa chọn thu gom rác thải sinh hoạt trên địa bàn phường.

Ủy ban nhân dân phường Bình An trân trọng thông báo./.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hòa
"""


def test_issuers_own_lead_in_hands_it_no_lead(tmp_path: Path) -> None:
    """"Ủy ban nhân dân phường X công khai … như sau:" is the issuer speaking: the points are what it
    says, not tasks it charges itself with (s16 held-out tb831, blind gold: no duty)."""
    doc = parse_text(tmp_path, NOTICE)
    assert not [(d.section, u.name) for d in doc.duties for u in d.units if u.role == "lead"]


CONCLUSION = """BAN CHẤP HÀNH TRUNG ƯƠNG

Số: 90-KL/TW

Hà Nội, ngày 02 tháng 6 năm 2026

KẾT LUẬN

về tiếp tục bảo vệ nguồn nước quốc gia

I- BỐI CẢNH, TÌNH HÌNH

Công tác bảo vệ nguồn nước đạt nhiều kết quả quan trọng.

I- QUAN ĐIỂM, MỤC TIÊU

1. Nguồn nước là tài nguyên đặc biệt quan trọng.

II- NHIỆM VỤ, GIẢI PHÁP

1. Hoàn thiện pháp luật về tài nguyên nước, bảo đảm đồng bộ, khả thi.

2. Tăng cường đầu tư các công trình trữ nước, điều tiết nước liên vùng.

IV- TỔ CHỨC THỰC HIỆN

1. Đảng ủy Chính phủ lãnh đạo, chỉ đạo xây dựng kế hoạch thực hiện Kết luận.

T/M BAN CHẤP HÀNH TRUNG ƯƠNG
"""


def test_part_numbers_printed_twice_then_skipped_follow_the_sequence(tmp_path: Path) -> None:
    """"I-" "I-" "II-" "IV-": the repeat and the skip prove the parts are I-IV (s16 held-out kl75,
    whose tasks part III was read as II and its items lost to the gold's ids)."""
    doc = parse_text(tmp_path, CONCLUSION)
    parts = [s.id for s in doc.sections if s.parent is None]
    assert parts == ["I", "II", "III", "IV"]
    assert {d.section for d in doc.duties} >= {"III.1", "III.2", "IV.1"}


LETTER = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
CỤC QUẢN LÝ TÀI NGUYÊN NƯỚC

Số: 311/TNN-QLN
V/v hướng dẫn cấp phép khai thác nước dưới đất

Hà Nội, ngày 14 tháng 4 năm 2026

Kính gửi: Sở Nông nghiệp và Môi trường tỉnh Đông Hải
Trả lời Công văn số 88/SNNMT-TNN ngày 02 tháng 4 năm 2026 của Sở Nông nghiệp và Môi trường tỉnh Đông Hải về việc cấp phép khai thác nước dưới đất, Cục Quản lý tài nguyên nước có ý kiến như sau:

Theo quy định tại Điều 52 Luật Tài nguyên nước, việc khai thác nước dưới đất phải có giấy phép, trừ các trường hợp được miễn.

Ngoài ra, đề nghị lưu ý rà soát các giếng khoan không còn sử dụng để trám lấp theo quy định.

Cục Quản lý tài nguyên nước đề nghị Sở Nông nghiệp và Môi trường tỉnh Đông Hải nghiên cứu, thực hiện theo đúng quy định./.

KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Nguyễn Văn An
"""


def test_letters_request_naming_nobody_charges_its_addressee(tmp_path: Path) -> None:
    """"Ngoài ra, đề nghị lưu ý …" names no addressee: it asks the letter's (s16 held-out cv597,
    blind gold; [decided, s14 adj] letter rule). The law it restates charges nobody."""
    doc = parse_text(tmp_path, LETTER)
    asked = [d for d in doc.duties if "trám lấp" in d.text]
    assert asked and {(u.name, u.role) for u in asked[0].units} == {
        ("Sở Nông nghiệp và Môi trường tỉnh Đông Hải", "lead")}
    assert not [d for d in doc.duties if "Điều 52" in d.text]


def test_time_field_keeps_steady_work_beside_a_one_off(tmp_path: Path) -> None:
    """"- Thời gian thực hiện: Thực hiện thường xuyên, riêng … hoàn thành trong quý IV/2026": the field
    is a time cell, both times hold (s16 held-out ctr435 II.1.2, blind gold); in prose the one-off
    limit still makes "thường xuyên" a manner."""
    from chinhsach.extract.duties import find_deadline

    doc = parse_text(tmp_path, PROGRAMME.replace(
        "- Thời gian thực hiện: Quý IV/2026.",
        "- Thời gian thực hiện: Thực hiện thường xuyên, riêng việc lắp biển hoàn thành trong quý IV/2026."))
    got = {(d.deadline, d.recurring) for d in doc.duties if d.section == "II.1.3"}
    assert got == {("2026-12-31", "thường xuyên")}
    assert find_deadline("Thường xuyên rà soát, hoàn thành trong quý IV/2026.")[2] is None
