"""How a national body's letter or notice charges its addressees (s17 fixY1).

Invented wording below. Layouts seen in the s17 development OCR'd scans (a General Department's
letter to the provincial departments, cv4800; a ministry's notice of conclusions, tb393; a Prime
Minister's directive, ct11):

- points numbered "1/", "2/" … instead of "1.", as many letters and notices number them;
- a lead-in "Tổng cục X yêu cầu Cục X các tỉnh … thực hiện …:" (the verb is no part of a name);
- the addressees named in full once ("Kính gửi: Cục X các tỉnh, thành phố …") and then by their
  head only ("Các Cục X rà soát …").
"""

from __future__ import annotations

from conftest import parse_text

SLASH_LETTER = """BỘ CÔNG THƯƠNG
TỔNG CỤC QUẢN LÝ THỊ TRƯỜNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 512/TCQLTT-NV
V/v tăng cường kiểm soát hàng giả dịp cuối năm
Hà Nội, ngày 05 tháng 10 năm 2026

Kính gửi: Cục Quản lý thị trường các tỉnh, thành phố trực thuộc Trung ương.

Chín tháng đầu năm 2026, lực lượng đã kiểm tra nhiều vụ việc, song tình trạng hàng giả vẫn diễn biến phức tạp.

Để hoàn thành nhiệm vụ năm 2026, Tổng cục Quản lý thị trường yêu cầu Cục Quản lý thị trường các tỉnh, thành phố trực thuộc Trung ương thực hiện một số giải pháp sau:

1/ Các Cục Quản lý thị trường rà soát lại kế hoạch kiểm tra năm 2026, bổ sung các cơ sở có dấu hiệu vi phạm.

2/ Tăng cường kiểm tra các chợ đầu mối, kho hàng trước ngày 15/12/2026.

3/ Phối hợp chặt chẽ với Công an tỉnh trong điều tra, xử lý các vụ việc lớn.

Tổng cục Quản lý thị trường yêu cầu Cục trưởng Cục Quản lý thị trường các tỉnh, thành phố trực thuộc Trung ương nghiêm túc triển khai thực hiện.

Nơi nhận:
- Như trên;
- Lưu: VT, NV.
KT. TỔNG CỤC TRƯỞNG
PHÓ TỔNG CỤC TRƯỞNG
Trần Văn Mẫu
"""

ADDRESSEE = "Cục Quản lý thị trường tỉnh, thành phố trực thuộc Trung ương"


def test_slash_numbered_points_are_items(tmp_path) -> None:
    """Before: '1/', '2/', '3/' were no items; every duty had no section."""
    doc = parse_text(tmp_path, SLASH_LETTER, "cv512-tcqltt.md")
    sections = {d.section for d in doc.duties}
    assert {"1", "2", "3"} <= sections, sections


def test_the_asking_verb_is_no_part_of_the_issuer_name(tmp_path) -> None:
    """Before: 'Tổng cục Quản lý thị trường yêu cầu' was read as a unit and led the items."""
    doc = parse_text(tmp_path, SLASH_LETTER, "cv512-tcqltt.md")
    names = {u.name for d in doc.duties for u in d.units}
    assert not any("yêu cầu" in n for n in names), names


def test_the_addressees_named_by_their_head(tmp_path) -> None:
    """Before: 'Các Cục Quản lý thị trường' gave the bare 'Cục Quản lý thị trường', another body
    than the letter's addressees; items naming nobody were the addressees' all the same."""
    doc = parse_text(tmp_path, SLASH_LETTER, "cv512-tcqltt.md")
    by_item: dict = {}
    for d in doc.duties:
        by_item.setdefault(d.section, d)
    for item in ("1", "2", "3"):
        leads = [u.name for u in by_item[item].units if u.role == "lead"]
        assert leads == [ADDRESSEE], (item, by_item[item].units)
    assert any(u.name == "Công an tỉnh" and u.role == "cooperate" for u in by_item["3"].units)


def test_a_date_broken_after_its_day_is_no_item() -> None:
    """'15/ 12/2026' at a line's start (a hard wrap) is no point '15/'; the slash needs a capital."""
    from chinhsach.structure.outline import _ITEM_RE

    assert _ITEM_RE.match("15/ 12/2026 các đơn vị gửi báo cáo") is None
    assert _ITEM_RE.match("4/ Các Cục rà soát") is not None


def test_the_closing_request_is_no_part_of_the_last_item(tmp_path) -> None:
    """'Tổng cục X yêu cầu Cục trưởng … nghiêm túc triển khai thực hiện.' closes the letter, as a
    department's or a Cục's closing request does; before, it was a second duty of item 3."""
    doc = parse_text(tmp_path, SLASH_LETTER, "cv512-tcqltt.md")
    assert [d.section for d in doc.duties].count("3") == 1, [(d.section, d.text[:50]) for d in doc.duties]
