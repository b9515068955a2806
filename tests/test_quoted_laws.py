"""A letter that quotes a law's clauses under their lead-in (session 17, helper fixZa).

s16 held-out cv597 (a department's reply letter, saved one paragraph per line) quotes three laws:
"… quy định:" over "“1. …" / "3. ….”", "… như sau:" over ""Điều 56. …" and four articles. Before,
the quoted numbers were read as the letter's items 1-5 and 4.2, a body that the quoted article
empowers was charged, and the letter's own request was cited as item 4.2. Causes in the text
layer: a straight quotation mark closing a curly one was not seen as a close (the body ran into
one paragraph), a quoted sentence's end ('.”') was not a sentence's end, and the quoted passage
was not kept apart from its lead-in; the outline then read the passage's numbers as its own
([decided, s15 fixP]: the cited text's numbering gives no ids). Invented wording.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

_LONG = ("việc quản lý, theo dõi, tổng hợp thông tin về hoạt động của các tổ chức, cá nhân có liên quan "
         "trên phạm vi cả nước theo đúng quy định của pháp luật hiện hành và các văn bản hướng dẫn thi hành")

LETTER = (
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCỤC THỦY SẢN\n------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 215/TS-QLTS\n"
    "V/v cấp phép nhập khẩu giống thủy sản | Hà Nội, ngày 14 tháng 4 năm 2026\n\n"
    "Kính gửi: Sở Nông nghiệp và Môi trường tỉnh Hòa Bắc\n"
    "Trả lời Công văn số 402/SNNMT-TS ngày 01 tháng 4 năm 2026 của Sở Nông nghiệp và Môi trường tỉnh "
    "Hòa Bắc về việc cấp phép nhập khẩu giống thủy sản, Cục Thủy sản có ý kiến như sau:\n"
    "Khoản 2 Điều 9 Luật Thủy sản năm 2025 quy định: “Hoạt động nhập khẩu giống thủy sản thực hiện "
    "theo quy định của Luật này và " + _LONG + "."
    "\"\n"
    "Khoản 1, khoản 2 Điều 5 Luật Thủy sản năm 2025 quy định:\n"
    "\"1. Nhà nước thống nhất quản lý giống thủy sản trên phạm vi cả nước, " + _LONG + ".\n"
    "2. Bảo đảm " + _LONG + ".”\n"
    "Theo đó, việc cấp phép nhập khẩu giống thủy sản đối với các tổ chức, cá nhân được thực hiện theo "
    "quy định tại Điều 30 và Điều 31 Luật Thủy sản, " + _LONG + ", cụ thể như sau:\n"
    "\"Điều 30. Nhập khẩu giống thủy sản\n"
    "1. Tổ chức nhập khẩu giống thủy sản phải có giấy phép, " + _LONG + ".\n"
    "2. Giống thủy sản nhập khẩu phải được kiểm dịch, " + _LONG + ".\n"
    "3. Giống thủy sản nhập khẩu phải được khảo nghiệm, " + _LONG + ".\n"
    "4. Giống thủy sản nhập khẩu phải được theo dõi sau nhập khẩu, " + _LONG + ".\n"
    "Điều 31. Trường hợp đặc biệt\n"
    "Trong trường hợp cần thiết, Thủ tướng Chính phủ quyết định cho phép nhập khẩu giống thủy sản "
    "chưa có trong danh mục, " + _LONG + ".”\n"
    "Khoản 3 Điều 12 Nghị định số 40/2026/NĐ-CP của Chính phủ quy định các trường hợp miễn cấp giấy "
    "phép nhập khẩu giống thủy sản đối với " + _LONG + ".\n"
    "Khoản 4 Điều 12 Nghị định số 40/2026/NĐ-CP của Chính phủ quy định hồ sơ đề nghị cấp giấy phép "
    "nhập khẩu giống thủy sản đối với " + _LONG + ".\n"
    "Cục Thủy sản đề nghị Sở Nông nghiệp và Môi trường tỉnh Hòa Bắc căn cứ các quy định trên, chủ "
    "động nghiên cứu, hướng dẫn tổ chức, cá nhân trên địa bàn thực hiện theo đúng quy định./.\n\n"
    "Nơi nhận:\n- Như trên;\n- Cục trưởng (để báo cáo);\n- Lưu: VT, QLTS. | KT. CỤC TRƯỞNG\n"
    "PHÓ CỤC TRƯỞNG\n\nLê Minh Tâm\n"
)


def test_a_quoted_law_gives_the_letter_no_items_and_charges_no_one(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, LETTER)
    assert not doc.sections, [s.id for s in doc.sections]
    charged = {u.name for d in doc.duties for u in d.units}
    assert "Thủ tướng Chính phủ" not in charged
    asks = [d for d in doc.duties if d.text.startswith("Cục Thủy sản đề nghị")]
    assert asks and asks[0].section is None
    assert any(u.name.startswith("Sở Nông nghiệp và Môi trường") and u.role == "lead" for u in asks[0].units)
