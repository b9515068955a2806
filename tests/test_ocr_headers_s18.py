"""Headers and signature blocks of OCR'd scans (session 18, helper fixAC).

Forms seen in the s17 development and spent held-out scans (ct11-ttg-2020, cv1457-bkhdt-2019,
nq106-cp-2021, tb393-btc-2019, tb990-tct-2024, cv1046-tct-2020, cd119-ttg-2024; s15 dev
ctr31-tw-2026): OCR glues the words of a header ("VADAUTU"), reads "CỤC" as "CYC", puts a quote
before the issuer, prints the motto with em dashes, reads the e-portal's seal as a caps line
above the header, reads "Số:" as "$6:", misreads the digits filled by hand into the number's
and the day's blanks, merges the signer's title into the "Nơi nhận" line and garbles a name.
All wording below is invented.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.structure.metadata import issuer_name


def test_issuer_words_glued_by_ocr() -> None:
    """Before: "Bộ khoa hoc vacongnghe", "Thu tuong chinhphu": the vocabulary matched word by
    word only, and a glued word matched nothing."""
    assert issuer_name("BỘ KHOA HOC VACONGNGHE") == "Bộ Khoa học và Công nghệ"
    assert issuer_name("THU TUONG CHINHPHU") == "Thủ tướng Chính phủ"
    assert issuer_name("UY BAN NHAN DAN TINH LAOCAI SO Y TE") == "Sở Y tế tỉnh Lào Cai"


def test_general_department_and_stray_quote() -> None:
    """Before: "CYC" (OCR's "CỤC") did not split the ministry from its general department, and a
    stray quote before "BO" hid the ministry's name."""
    assert issuer_name("BỘ TÀI CHÍNH TONG CYC HAI QUAN") == "Tổng cục Hải quan"
    assert issuer_name("“BỘ XÂY DỰNG") == "Bộ Xây dựng"


DIRECTIVE = """Ký bởi: Cổng Thông tin điện tử Chính phủ
Thời gian ký: 03.02.2026 09:15:00 +07:00
XKONG THONG TY DIEN TỦ CHÍ NI PHÙ
» ¢

THỦ TƯỚNG CHÍNHPHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
— Độc lập — Tự do — Hạnh phúc

$6:27/CT-TTg Hà Nội, ngày 02 tháng 02 năm 2026

CHỈ THỊ
Về tăng cường quản lý kho lưu trữ điện tử

Thời gian qua, các bộ, ngành đã số hóa một phần hồ sơ lưu trữ. Để đẩy nhanh việc số hóa,
Thủ tướng Chính phủ yêu cầu:

1. Bộ Nội vụ chủ trì hướng dẫn số hóa hồ sơ lưu trữ, hoàn thành trong quý III năm 2026.

2. Các bộ, ngành rà soát hồ sơ lưu trữ của mình.

Nơi nhận: THỦ TƯỚNG
- Các bộ, ngành;
- Lưu: VT.

Lê Văn Mẫu
"""


def test_seal_above_the_motto_row_and_ocr_number_label(tmp_path: Path) -> None:
    """Before: the e-portal seal's caps line above the header was taken for the issuer, "$6:"
    (OCR's "Số:") gave no number, and the title merged into the "Nơi nhận" line gave no
    signer."""
    doc = parse_text(tmp_path, DIRECTIVE, "chi-thi.md")
    assert doc.meta.issuer == "Thủ tướng Chính phủ"
    assert doc.meta.number == "27/CT-TTg" and doc.meta.date == "2026-02-02"
    assert doc.meta.signer == "Lê Văn Mẫu"


RESOLUTION = """CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
——— Độc lập - Tự do - Hạnh phúc

{number} Hà Nội, ngày{day} tháng 5 năm 2026

NGHỊ QUYẾT
Về miễn phí lưu kho hàng cứu trợ

CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ;

QUYẾT NGHỊ:

Điều 1. Miễn phí lưu kho đối với hàng cứu trợ nhập khẩu trong năm 2026.

Điều 2. Bộ Tài chính chủ trì hướng dẫn thực hiện Nghị quyết này.

Nơi nhận: TM. CHÍNH PHỦ
- Các bộ;                      THỦ TƯỚNG
- Lưu: VT.

Phạm Văn Mẫu
"""


def test_hand_filled_number_with_garbled_day_is_not_guessed(tmp_path: Path) -> None:
    """Before: "Số: 58 /NQ-CP" beside "ngày3A" gave 58/NQ-CP. The registry writes number and day
    into the form's blanks together; the day misread, the number's digits are not trusted
    (GUIDELINES-real.md [decided, s17 fixY4]). A typed number, or a readable day, keeps it."""
    doc = parse_text(tmp_path, RESOLUTION.format(number="Số: 58 /NQ-CP", day="3A"), "nq.md")
    assert doc.meta.number is None and doc.meta.date is None
    assert any(w.code == "meta_unreadable" and "number not readable" in w.message for w in doc.warnings)
    typed = parse_text(tmp_path, RESOLUTION.format(number="Số: 58/NQ-CP", day="3A"), "nq2.md")
    assert typed.meta.number == "58/NQ-CP"
    clear = parse_text(tmp_path, RESOLUTION.format(number="Số: 58 /NQ-CP", day=" 12"), "nq3.md")
    assert clear.meta.number == "58/NQ-CP" and clear.meta.date == "2026-05-12"
    marked = parse_text(tmp_path, RESOLUTION.format(number="Số: 58? /NQ-CP", day=" 12"), "nq4.md")
    assert marked.meta.number is None  # "?": a digit OCR lost


def test_signer_name_with_letters_no_vietnamese_name_has(tmp_path: Path) -> None:
    """Before: "ž Wuyễn Văn Mẫu" was the signer; which name was printed is a guess: empty, with
    the warning (GUIDELINES-real.md [decided, s18 fixAC])."""
    text = DIRECTIVE.replace("Lê Văn Mẫu", "ž Wuyễn Văn Mẫu")
    doc = parse_text(tmp_path, text, "chi-thi-2.md")
    assert doc.meta.signer is None
    assert any(w.code == "meta_unreadable" and "signer not readable" in w.message for w in doc.warnings)
