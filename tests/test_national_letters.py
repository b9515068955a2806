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


# A minister's conclusions, sent by the ministry's office: no "Kính gửi"; the attendees in the
# opening paragraph; a part of results, then a part of tasks ("Một số công việc …") whose items
# name nobody; the recipients' list marks who carries them out "(để thực hiện)" (s17 dev tb393;
# the notices of conclusions of the Government Office mark their recipients so).
NOTICE = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/TB-BNNMT
Hà Nội, ngày 14 tháng 4 năm 2026

THÔNG BÁO
Kết luận của Bộ trưởng tại Hội nghị triển khai công tác thủy lợi năm 2026

Ngày 10 tháng 4 năm 2026, Bộ trưởng chủ trì Hội nghị triển khai công tác thủy lợi năm 2026. Sau khi nghe báo cáo và ý kiến của các đại biểu, Bộ trưởng kết luận như sau:

I. Về tình hình thực hiện nhiệm vụ quý I/2026

Công tác thủy lợi quý I/2026 đạt nhiều kết quả; tuy nhiên tiến độ một số công trình còn chậm.

II. Một số công việc tiếp tục triển khai trong năm 2026

1. Rà soát các công trình thủy lợi xuống cấp, hoàn thành trước ngày 30/6/2026.

2. Xây dựng phương án vận hành hồ chứa mùa lũ năm 2026.

3. Phối hợp với Sở Xây dựng các tỉnh kiểm tra an toàn đập.

Thừa lệnh Bộ trưởng, Văn phòng Bộ thông báo để các đơn vị biết và thực hiện./.

Nơi nhận:
- Bộ trưởng (để b/c);
- Các Thứ trưởng (để b/c);
- Cục Thủy lợi (để thực hiện);
- Chi cục Thủy lợi các tỉnh (để thực hiện);
- Lưu: VT, VP.
TL. BỘ TRƯỞNG
CHÁNH VĂN PHÒNG
Trần Văn Mẫu
"""


def test_recipients_marked_to_carry_out_lead_the_notice_items(tmp_path) -> None:
    """Before: 'Một số công việc …' was no part of tasks and the notice had no addressees; its
    three items gave no duty."""
    doc = parse_text(tmp_path, NOTICE, "tb77-bnnmt.md")
    by_item: dict = {}
    for d in doc.duties:
        by_item.setdefault(d.section, d)
    for item in ("II.1", "II.2", "II.3"):
        leads = [u.name for u in by_item[item].units if u.role == "lead"]
        assert leads[:1] == ["Cục Thủy lợi"] and len(leads) == 2, (item, by_item[item].units)
    # "(để b/c)": the minister is informed, not charged.
    names = {u.name for d in doc.duties for u in d.units}
    assert not any("Bộ trưởng" in n or "Thứ trưởng" in n for n in names), names
    assert by_item["II.1"].deadline == "2026-06-30"


def test_a_head_closing_on_a_capital_over_levels() -> None:
    """'Cục Thuế các tỉnh, thành phố trực thuộc Trung ương' is one collective; before, a head
    closing on a capital ('Thuế') was taken for a split name ('Bộ Tài' of 'các Bộ: Tài chính, …')
    and the levels made two bodies, 'Cục Thuế tỉnh' and 'Cục Thuế thành phố …'."""
    from chinhsach.extract.units import find_units

    names = [m.name for m in find_units("Giao Cục Thuế các tỉnh, thành phố trực thuộc Trung ương thực hiện")]
    assert names == ["Cục Thuế tỉnh, thành phố trực thuộc Trung ương"], names
    names = [m.name for m in find_units("các Bộ: Tài chính, Tài nguyên và Môi trường")]
    assert names == ["Bộ Tài chính", "Bộ Tài nguyên và Môi trường"], names


def test_a_part_numeral_losing_a_stroke_after_its_predecessor(tmp_path) -> None:
    """'Il. TỔ CHỨC THỰC HIỆN' after 'II. …' is part III (a stroke lost; s17 dev ct11). Before:
    read as a repeat of II, it was no part, and its items were taken for II's next ones."""
    text = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
Số: 12/CT-UBND
Bình An, ngày 02 tháng 3 năm 2026
CHỈ THỊ
Về tăng cường phòng, chống dịch bệnh trên cây trồng

I. MỤC TIÊU
1. Kiểm soát dịch bệnh trên lúa vụ đông xuân.
II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Nông nghiệp và Môi trường hướng dẫn các biện pháp phòng trừ.
2. Sở Tài chính bố trí kinh phí phòng, chống dịch.
Il. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các xã tổ chức thực hiện Chỉ thị này, báo cáo trước ngày 30/6/2026.
"""
    doc = parse_text(tmp_path, text, "ct12-ubnd.md")
    parts = [s.id for s in doc.sections if s.kind == "part"]
    assert parts == ["I", "II", "III"], parts
    assert any(d.section == "III.1" for d in doc.duties), [(d.section, d.text[:40]) for d in doc.duties]
