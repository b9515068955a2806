"""Pages of the Official Gazette (Công báo) saved as text: running heads, page numbers and the
e-signature stamp are page furniture, not text.

Layout seen in the s14 development documents nq116-cp-2026 and qd892-ttg-2026 (Công báo số 277
and 302, 2026: every page opens "CÔNG BÁO/Số N/Ngày dd-mm-yyyy" with its page number on the
next line, and the first page ends with the stamp "Ký bởi: … / Cơ quan: … / Ngày ký: …").
Invented wording below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

GAZETTE = """CÔNG BÁO/Số 512/Ngày 03-09-2026
17

ỦY BAN NHÂN DÂN
TỈNH MẪU
Số: 45/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tỉnh Mẫu, ngày 12 tháng 8 năm 2026

KẾ HOẠCH
Phát triển thư viện cộng đồng năm 2026

I. MỤC TIÊU
1. Phấn đấu 85% xã có thư viện cộng đồng hoạt động thường xuyên
và hiệu quả.
Ký bởi: CÔNG BÁO TỈNH MẪU
Cơ quan: VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH
Ngày ký: 2026-09-03 09:41:27 +07:00

CÔNG BÁO/Số 512/Ngày 03-09-2026
18

II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì rà soát mạng lưới thư viện cơ sở, đánh giá nhu
cầu đọc của người dân ở các thôn, bản vùng

CÔNG BÁO/Số 512/Ngày 03-09-2026
19

sâu, vùng xa; hoàn thành trong quý IV năm 2026.
2. Ủy ban nhân dân các xã bố trí địa điểm đặt tủ sách.
"""


def test_running_heads_and_stamp_are_not_text(tmp_path: Path) -> None:
    """Before: the stamp's clock and the issue number gave targets (09, 41, 27, 07, 512 …), and
    the running head inside item II.1 made a pseudo-item "CÔNG BÁO/Số 512 …" that cut the item
    before its deadline."""
    doc = parse_text(tmp_path, GAZETTE, "cong-bao.md")
    assert [(t.section, t.value) for t in doc.targets] == [("I.1", 85.0)]
    texts = [d.text for d in doc.duties]
    assert not any("CÔNG BÁO" in t or "Ký bởi" in t for t in texts)
    first = next(d for d in doc.duties if d.section == "II.1")
    assert "vùng sâu, vùng xa" in first.text
    assert first.deadline == "2026-12-31"
    assert [d.section for d in doc.duties] == ["II.1", "II.2"]


def test_a_number_alone_outside_a_running_head_stays(tmp_path: Path) -> None:
    """Only a number beside a running head is its page number: an STT alone on its line in a
    flattened table, or a figure on its own line, is text."""
    from chinhsach.ingest.readers import drop_page_furniture
    from chinhsach.model import Provenance, SourceLine

    lines = [SourceLine(t, Provenance("x", None, k)) for k, t in
             enumerate(["Ký bởi: ông A", "là người ký văn bản", "17", "CÔNG BÁO/Số 3/Ngày 01-02-2026",
                        "18", "tiếp theo"], 1)]
    kept = [line.text for line in drop_page_furniture(lines)]
    # An unfinished "stamp" (no signing time) is text; "17" before the head is its page number.
    assert kept == ["Ký bởi: ông A", "là người ký văn bản", "tiếp theo"]


def test_a_capital_after_the_page_break_opens_a_block() -> None:
    """The page broke mid-sentence when the next page goes on in lower case or with a figure
    ("… năm" / "2026."); a capital after an unpunctuated line (the signer's name, then "Phụ lục"
    on the next page, s14 dev nq116) opens a block of its own: before, the appendix was joined to
    the signature and its task table read as part of the last section."""
    from chinhsach.ingest.readers import drop_page_furniture
    from chinhsach.model import Provenance, SourceLine

    texts = ["hoàn thành trước ngày 15 tháng 6 năm", "CÔNG BÁO/Số 3/Ngày 01-02-2026", "18", "2026.",
             "Nguyễn Văn Mẫu", "CÔNG BÁO/Số 3/Ngày 01-02-2026", "19", "Phụ lục"]
    lines = [SourceLine(t, Provenance("x", None, k), gap_before=True) for k, t in enumerate(texts, 1)]
    kept = {line.text: line for line in drop_page_furniture(lines)}
    assert not kept["2026."].gap_before and not kept["2026."].page_break_before
    assert kept["Phụ lục"].gap_before and kept["Phụ lục"].page_break_before
