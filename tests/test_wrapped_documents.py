"""Documents wrapped in a law portal's page text, and the Government's and the Party's forms.

Session 13 (helper fixwrap) read four real 2025 pages of thuvienphapluat saved as markdown:
a Prime Minister's telegram (Công điện), a Government Office conclusion notice (Thông báo kết
luận), a Politburo conclusion (Kết luận) and a Central Party board's guidance (Hướng dẫn):
https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Cong-dien-229-CD-TTg-2025-trien-khai-dot-thi-dua-khac-phuc-kho-khan-hoan-thanh-muc-tieu-nhiem-vu-682084.aspx
https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Thong-bao-659-TB-VPCP-2025-cuoc-hop-tinh-hinh-thuc-hien-Nghi-quyet-66-NQ-TW-682948.aspx
https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Ket-luan-221-KL-TW-2025-tinh-hinh-ket-qua-hoat-dong-cua-chinh-quyen-dia-phuong-2-cap-682783.aspx
https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Huong-dan-37-HD-BTGDVTW-2025-nang-cao-chat-luong-ban-tin-sinh-hoat-chi-bo-682667.aspx
The page puts above the document a copyright notice, an info box whose every label and value
stands on a line of its own between "|" rows (about 45 lines), and for news-worthy documents a
summary of the body; the document's header and signature are "|"-separated tables and the body
between them has no blank line. The texts below are invented in that layout.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

FIELDS = ("type", "number", "date", "issuer", "place", "signer")

_BOX = [("Số hiệu:", "{number}"), ("Loại văn bản:", "{kind}"), ("Nơi ban hành:", "{issuer}"),
        ("Người ký:", "{signer}"), ("Ngày ban hành:", "{date}"), ("Ngày hiệu lực:", "Đã biết"),
        ("Ngày công báo:", "Đang cập nhật"), ("Số công báo:", "Đang cập nhật"),
        ("Tình trạng:", "Đã biết")]


def _chrome(**values: str) -> str:
    """The portal's notice and info box, one label or value a line, as the pages print them."""
    lines = ["|", "|", "Bản quyền trang này thuộc về **", "TRANG VĂN BẢN**. Mọi hành vi sao chép",
             "đều vi phạm pháp luật.", "X", "**", "CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI", "**", "|", "|",
             "Đang tải văn bản...", "#"]
    for label, value in _BOX:
        lines += [f"**{label}**", "|", value.format(**values), "|", "|"]
    return "\n".join(lines) + "\n"


_SUMMARY = """\
## Khẩn trương khắc phục hậu quả mưa lớn tại các xã vùng cao
**Ngày 03/10/2025, Ủy ban nhân dân tỉnh có Công điện 41/CĐ-UBND về khắc phục hậu quả mưa lớn.**
Theo đó, Ủy ban nhân dân tỉnh yêu cầu các sở, ngành và Ủy ban nhân dân các xã thực hiện các nhiệm vụ trọng tâm sau đây:
- Rà soát ngay các điểm sạt lở, di dời người dân ra khỏi vùng nguy hiểm trong thời gian sớm nhất có thể.
- Sở Tài chính bố trí kinh phí hỗ trợ kịp thời cho các hộ bị thiệt hại.
Xem chi tiết tại Công điện 41/CĐ-UBND ngày 03/10/2025.
"""

TELEGRAM = _chrome(number="41/CĐ-UBND", kind="Công điện", issuer="Tỉnh Lam Sơn",
                   signer="Vũ Đình Khoa", date="03/10/2025") + _SUMMARY + """\
|
**ỦY BAN NHÂN DÂN
TỈNH LAM SƠN**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 41/CĐ-UBND
|
*Lam Sơn, ngày 03
tháng 10 năm 2025*
|
**CÔNG ĐIỆN**
VỀ KHẨN TRƯƠNG KHẮC PHỤC HẬU QUẢ MƯA LỚN TẠI CÁC XÃ
VÙNG CAO
**ỦY BAN NHÂN DÂN TỈNH điện:**
- Giám đốc các sở, ngành;
- Chủ tịch Ủy ban nhân dân các xã, phường.
Để chủ động ứng phó với mưa lớn kéo dài, Ủy ban nhân dân tỉnh yêu cầu các cơ
quan, đơn vị thực hiện ngay các nhiệm vụ sau:
1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công an tỉnh rà soát
các điểm có nguy cơ sạt lở, tổ chức di dời người dân ra khỏi vùng nguy hiểm,
báo cáo Ủy ban nhân dân tỉnh trước ngày 10/10/2025.
2. Sở Tài chính tham mưu bố trí kinh phí hỗ trợ các hộ bị thiệt hại, hoàn
thành trước ngày 20/10/2025.
3. Ủy ban nhân dân các xã, phường tổ chức trực ban nghiêm túc, theo dõi chặt
chẽ diễn biến mưa lũ trên địa bàn./.
|
Nơi nhận:
- Như trên;
- Lưu: VT.
|
**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**
Vũ Đình Khoa
|
"""


def _meta(doc) -> dict:
    meta = doc.meta.to_dict()
    return {k: meta[k] for k in FIELDS}


def test_header_below_a_long_info_box_and_a_summary(tmp_path: Path) -> None:
    """The header is the document's own, read under 45 lines of info box and a summary.

    Before: the motto stood past the 40 lines searched for it, the portal text stayed in the
    header region and the issuer was read from the notice ("X các nội dung được sửa đổi"), with
    no type, number or date; the telegram's own number became a citation of itself."""
    doc = parse_text(tmp_path, TELEGRAM, "cong-dien.md")
    assert _meta(doc) == {"type": "Công điện", "number": "41/CĐ-UBND", "date": "2025-10-03",
                          "issuer": "Ủy ban nhân dân tỉnh Lam Sơn", "place": "Lam Sơn",
                          "signer": "Vũ Đình Khoa"}
    assert "41/CĐ-UBND" not in [c.number for c in doc.citations]


def test_a_short_body_between_header_and_signature_tables_is_text(tmp_path: Path) -> None:
    """The body of a short telegram is not a table cell: the title after the header table's
    last "|" ends that table. Before: the whole page from the info box to the signature was
    one pipe table (no line without a pipe for 60 lines), so no outline and no duty was read."""
    doc = parse_text(tmp_path, TELEGRAM, "cong-dien.md")
    assert [s.id for s in doc.sections] == ["1", "2", "3"]
    got = {d.section: ({(u.name, u.role) for u in d.units}, d.deadline) for d in doc.duties}
    assert got["1"] == ({("Sở Nông nghiệp và Môi trường", "lead"), ("Công an tỉnh", "cooperate"),
                         ("Ủy ban nhân dân tỉnh", "report_to")}, "2025-10-10")
    assert got["2"][1] == "2025-10-20"
    assert ("Sở Tài chính", "lead") in got["2"][0]


PARTY = _chrome(number="15-KL/TU", kind="Văn bản khác", issuer="Tỉnh ủy Lam Sơn",
                signer="Hà Minh Tâm", date="12/09/2025") + """\
|
**TỈNH ỦY
LAM SƠN**
*
|
**ĐẢNG
CỘNG SẢN VIỆT NAM**
---------------
|
|
Số 15-KL/TU
|
*Lam Sơn, ngày 12
tháng 9 năm 2025*
|
**KẾT LUẬN**
CỦA BAN THƯỜNG VỤ TỈNH ỦY
VỀ CÔNG TÁC CHUẨN BỊ NĂM HỌC MỚI
-----
Tại phiên họp ngày 10/9/2025, Ban Thường vụ Tỉnh ủy kết luận như sau:
**1.** Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo Sở Giáo dục và Đào tạo
hoàn thành việc sắp xếp trường lớp trước ngày 30/9/2025.
**2.** Ban Tuyên giáo và Dân vận Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kết luận này.
|
*Nơi nhận:*
- Các huyện ủy,
- Lưu Văn phòng Tỉnh ủy.
|
**T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ**
Hà Minh Tâm
|
"""


def test_party_header_with_the_party_name_wrapped_below_an_info_box(tmp_path: Path) -> None:
    """"ĐẢNG" / "CỘNG SẢN VIỆT NAM" on two lines is the Party's motto column all the same.
    Before: no motto was found on either line, the info box was read as the header (issuer
    "X các nội dung được sửa đổi"), and the type, number and date were lost."""
    meta = _meta(parse_text(tmp_path, PARTY, "ket-luan.md"))
    assert (meta["type"], meta["number"], meta["date"], meta["place"], meta["signer"]) == (
        "Kết luận", "15-KL/TU", "2025-09-12", "Lam Sơn", "Hà Minh Tâm")
    assert meta["issuer"] != "X các nội dung được sửa đổi"


# -- the Government's addressees and requests ----------------------------------------------------

def _roles(text: str) -> list[tuple[str, str]]:
    from chinhsach.extract.duties import roles_in_text
    from chinhsach.text.normalize import normalize_text

    return [(r.name, r.role) for r in roles_in_text(normalize_text(text))]


MINISTRIES = "bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"


def test_ministers_addressed_without_cac_are_the_ministries() -> None:
    """The Government's formula "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan
    thuộc Chính phủ" is the ministries' collective, as "Các Bộ trưởng, …" of a decree's closing
    article already was; a telegram writes it without "Các" and in title case. Before: only
    "Chính phủ" was found (a lead of its own), and the Prime Minister who asks stayed a lead."""
    assert _roles("Thủ tướng Chính phủ yêu cầu Bộ trưởng, Thủ trưởng Cơ quan ngang Bộ, Thủ trưởng "
                  "Cơ quan thuộc Chính phủ rà soát ngay các dự án chậm tiến độ.") == [(MINISTRIES, "lead")]


def test_comrades_before_a_title_open_the_subject() -> None:
    """"Các đồng chí Bộ trưởng, …" (a notice of a Deputy Prime Minister's conclusions) and "các
    đồng chí bí thư tỉnh ủy, thành ủy" (a Politburo conclusion): the form of address is no opener
    and the plural before it governs the title's bodies. Before: no unit at all in the first; the
    second split "Tỉnh ủy" (the province's own committee) from "thành ủy"."""
    assert _roles("Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ theo "
                  "chức năng, nhiệm vụ được giao trực tiếp chỉ đạo việc sắp xếp trụ sở.") == [(MINISTRIES, "lead")]
    got = _roles("Yêu cầu các đồng chí bí thư tỉnh ủy, thành ủy chỉ đạo hoàn thành việc bàn giao tài sản.")
    assert got == [("tỉnh ủy, thành ủy", "lead")]


def test_the_body_guided_does_not_end_the_guides_monitoring() -> None:
    """"X hướng dẫn các văn phòng sở, ngành mẫu báo cáo và theo dõi, đôn đốc …": the bodies
    guided are the object; X goes on as subject and monitors. Before: the guided collective cut
    the sentence and X lost its monitor role."""
    got = _roles("Văn phòng Ủy ban nhân dân tỉnh hướng dẫn các văn phòng sở, ngành mẫu báo cáo và "
                 "theo dõi, đôn đốc việc thực hiện; báo cáo Chủ tịch Ủy ban nhân dân tỉnh.")
    assert ("Văn phòng Ủy ban nhân dân tỉnh", "monitor") in got


NOTICE = """\
BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                            Độc lập - Tự do - Hạnh phúc
Số: 88/TB-BNNMT                             Hà Nội, ngày 14 tháng 10 năm 2025

THÔNG BÁO
KẾT LUẬN CỦA THỨ TRƯỞNG TẠI CUỘC HỌP VỀ PHÒNG CHỐNG DỊCH BỆNH GIA SÚC

Ngày 12 tháng 10 năm 2025, Thứ trưởng đã chủ trì cuộc họp về phòng chống dịch bệnh gia súc và kết luận như sau:

1. Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ theo chức năng, nhiệm vụ được giao chỉ đạo thực hiện quyết liệt các giải pháp phòng dịch; trong đó lưu ý một số nội dung trọng tâm sau:
- Rà soát đàn gia súc tại các vùng có nguy cơ cao.
- Bảo đảm đủ vắc xin cho đợt tiêm phòng cuối năm.

2. Cục Chăn nuôi và Thú y tổng hợp kết quả, báo cáo Bộ trưởng trước ngày 30/10/2025.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Lê Văn Hòa
"""


def test_a_lead_in_with_a_focus_list_hands_its_subject_to_the_bullets(tmp_path: Path) -> None:
    """"… lưu ý một số nội dung trọng tâm sau:" announces the bullets as "các nội dung sau:"
    does; its subject leads each of them. Before: "trọng tâm" broke the announcement and the
    bullets had no unit."""
    doc = parse_text(tmp_path, NOTICE, "thong-bao.txt")
    bullets = [d for d in doc.duties if d.section == "1"]
    assert len(bullets) >= 3
    assert all((MINISTRIES, "lead") in {(u.name, u.role) for u in d.units} for d in bullets)


TELEGRAM_PLAIN = """\
ỦY BAN NHÂN DÂN                             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM SƠN                                Độc lập - Tự do - Hạnh phúc
Số: 52/CĐ-UBND                              Lam Sơn, ngày 20 tháng 10 năm 2025

CÔNG ĐIỆN
VỀ TẬP TRUNG KHẮC PHỤC HẬU QUẢ MƯA LŨ

ỦY BAN NHÂN DÂN TỈNH điện:
- Giám đốc các sở, ngành;
- Chủ tịch Ủy ban nhân dân các xã, phường.

Để nhanh chóng ổn định đời sống người dân sau đợt mưa lũ vừa qua, khôi phục sản xuất, bảo đảm an toàn cho học sinh trở lại trường và hoàn thành các chỉ tiêu kinh tế - xã hội đã đề ra cho năm nay, đồng thời chuẩn bị tốt các điều kiện ứng phó với những đợt thiên tai có thể còn xảy ra trong những tháng cuối năm, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Giám đốc các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường thực hiện một số nhiệm vụ trọng tâm, cấp bách sau:

1. Khẩn trương sửa chữa trường học, trạm y tế bị hư hỏng, hoàn thành trước ngày 15/11/2025.

2. Hỗ trợ giống cây trồng cho các hộ bị thiệt hại để sản xuất vụ đông.

Nơi nhận:
- Như trên;
- Lưu: VT.

CHỦ TỊCH

Đặng Quốc Bình
"""


def test_a_long_purpose_before_the_request_still_hands_the_items_over(tmp_path: Path) -> None:
    """A telegram states why before who asks whom; the request after the purpose names the
    addressees who lead the unnumbered-subject items, and the lead-in itself is no duty.
    Before: past 80 words the lead-in was no lead-in, the items had no unit and the lead-in
    was a duty of the preamble."""
    doc = parse_text(tmp_path, TELEGRAM_PLAIN, "cong-dien.txt")
    by_section = {d.section: {(u.name, u.role) for u in d.units} for d in doc.duties}
    assert None not in by_section
    for item in ("1", "2"):
        assert ("sở, ban, ngành", "lead") in by_section[item]
        assert ("Chủ tịch Ủy ban nhân dân xã, phường", "lead") in by_section[item]


# -- targets in a telegram ------------------------------------------------------------------------

def _targets(text: str) -> list[tuple[str, str, float, str | None, int | None]]:
    from chinhsach.extract.targets import find_targets

    return [(t.indicator, t.comparator, t.value, t.unit, t.year)
            for t in find_targets(text, section="2", in_objectives=False)]


def test_an_aim_after_the_duty_words_is_a_target() -> None:
    """"…, trước mắt là phấn đấu tăng trưởng cả tỉnh năm 2025 trên 8%": "trên" before a share
    bounds it and the "là" of the frame before "phấn đấu" describes nothing; the indicator starts
    after the aim verb. Before: no target."""
    assert _targets("Đẩy mạnh phục hồi sản xuất kinh doanh, trước mắt là phấn đấu tăng trưởng cả "
                    "tỉnh năm 2025 trên 8%.") == [("tăng trưởng cả tỉnh", "above", 8.0, "%", 2025)]


def test_a_count_of_digits_is_no_value() -> None:
    """"tăng trưởng 2 con số" is double-digit growth. Before: a target of 2 "con" (animals),
    dated by the year of the clause before it."""
    got = _targets("Phấn đấu tăng trưởng năm 2025 trên 8%; tạo đà để thực hiện mục tiêu tăng trưởng "
                   "2 con số trong những năm tiếp theo.")
    assert [t for t in got if t[3] == "con"] == []


# -- the Party's central documents -----------------------------------------------------------------

def _party_central(left: str, number: str, title: str, signature: str) -> str:
    return f"""\
{left}                        ĐẢNG CỘNG SẢN VIỆT NAM
                                            ---------------
Số {number}                                 Hà Nội, ngày 05 tháng 11 năm 2025

{title}

Tại phiên họp ngày 03/11/2025, sau khi nghe báo cáo, các cơ quan kết luận như sau:

1. Giao Ban Tổ chức Trung ương chủ trì, phối hợp với Bộ Nội vụ đánh giá kết quả sắp xếp, báo cáo trước ngày 15/12/2025.

Nơi nhận:
- Như trên,
- Lưu Văn phòng Trung ương Đảng.

{signature}

Lương Văn Khải
"""


def test_a_central_board_is_named_with_trung_uong(tmp_path: Path) -> None:
    """"BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TUYÊN GIÁO VÀ DÂN VẬN": the board of the Central
    Committee is "Ban Tuyên giáo và Dân vận Trung ương", as a provincial board is named with its
    committee. Before: "Ban Tuyên giáo và Dân vận" (no level)."""
    text = _party_central("BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n      *", "45-HD/BTGDVTW",
                          "HƯỚNG DẪN\nVỀ CÔNG TÁC THÔNG TIN CƠ SỞ", "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN")
    assert parse_text(tmp_path, text, "huong-dan.txt").meta.issuer == "Ban Tuyên giáo và Dân vận Trung ương"


def test_the_politburo_and_secretariat_issue_under_the_central_committee(tmp_path: Path) -> None:
    """"KẾT LUẬN CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ" under "BAN CHẤP HÀNH TRUNG ƯƠNG": the title names
    who concludes. Before: "Ban Chấp hành Trung ương"."""
    text = _party_central("BAN CHẤP HÀNH TRUNG ƯƠNG\n      *", "230-KL/TW",
                          "KẾT LUẬN\nCỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ\nVỀ TÌNH HÌNH SẮP XẾP BỘ MÁY",
                          "T/M BỘ CHÍNH TRỊ")
    assert parse_text(tmp_path, text, "ket-luan.txt").meta.issuer == "Bộ Chính trị, Ban Bí thư"


def test_party_committees_under_the_centre() -> None:
    """"Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương": two units as GUIDELINES.md
    splits the provincial "huyện ủy, thành ủy, đảng ủy trực thuộc", the second keeping whose
    they are. Before: "đảng ủy trực thuộc" lost "Trung ương"."""
    assert _roles("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương cụ thể hóa hướng dẫn này.") == [
        ("tỉnh ủy, thành ủy", "lead"), ("đảng ủy trực thuộc Trung ương", "lead")]


def test_partner_named_without_voi() -> None:
    """"X phối hợp Bộ Y tế … sắp xếp": with "với" left out the unit after the verb is still
    the partner and X the actor. Before: X was a partner too and nobody led."""
    assert _roles("Các tỉnh ủy, thành ủy phối hợp Bộ Y tế, Bộ Nội vụ khẩn trương sắp xếp các trạm "
                  "y tế cấp xã.") == [("tỉnh ủy, thành ủy", "lead"), ("Bộ Y tế", "cooperate"),
                                      ("Bộ Nội vụ", "cooperate")]


def test_acknowledging_and_praising_charge_no_one() -> None:
    """A conclusion's "X ghi nhận và biểu dương Y …" is a verdict. Before: X was a lead."""
    assert _roles("Ban Thường vụ Tỉnh ủy ghi nhận và biểu dương các cấp ủy, tổ chức đảng đã nỗ lực "
                  "khắc phục khó khăn.") == []
