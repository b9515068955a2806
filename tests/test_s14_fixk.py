"""Forms of the session-14 development documents (other levels, kinds and years), fixK.

Every text below is invented for the test (a made-up province "Lam Sơn", made-up names and
figures); each test names the layout it stands for, seen in the s14 development documents
(their texts stay in /tmp, see evaluation/gold/fresh-plans/README.md).
"""

from __future__ import annotations

import pytest
from conftest import parse_text

from chinhsach.model import Document

# A Prime Minister's directive / a VPCP letter as a crawl stores them: header and signature as
# markdown table rows; the last row holds "Nơi nhận" and the signature, title and name apart by
# a run of spaces (s14 dev ct13-ttg-2024, cv3479-vpcp-2021).
DIRECTIVE = """| THỦ TƯỚNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
| --- | --- |
| Số: 41/CT-TTg | *Hà Nội, ngày 09 tháng 3 năm 2026* |
CHỈ THỊ
VỀ TĂNG CƯỜNG QUẢN LÝ CÁC KHO LƯU TRỮ ĐIỆN TỬ
Để bảo đảm an toàn các kho lưu trữ điện tử, Thủ tướng Chính phủ yêu cầu:
1. Bộ Nội vụ chủ trì, phối hợp với các bộ, cơ quan liên quan rà soát toàn bộ các kho lưu trữ điện tử, báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 6 năm 2026.
2. Bộ Công an hướng dẫn các bộ, ngành kiểm tra an ninh mạng đối với các kho lưu trữ điện tử.
Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Chỉ thị này.
| *Nơi nhận:* - Ban Bí thư Trung ương Đảng; - Văn phòng Quốc hội; - Hội đồng Dân tộc và các Ủy ban của Quốc hội; - Kiểm toán nhà nước; - Lưu: VT, TCCV. | THỦ TƯỚNG     Trần Văn Khải |
| --- | --- |"""


@pytest.fixture(scope="module")
def directive(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("s14k"), DIRECTIVE, "ct.md")


def test_signer_beside_title_in_a_markdown_signature_row(directive: Document) -> None:
    assert directive.meta.signer == "Trần Văn Khải"


def test_recipients_row_is_not_a_duty(directive: Document) -> None:
    """The "| Nơi nhận: … |" row ends the body: its recipients are no one's duty."""
    names = {u.name for d in directive.duties for u in d.units}
    assert "Văn phòng Quốc hội" not in names and "Hội đồng Dân tộc" not in names
    assert "Kiểm toán nhà nước" not in names


DOCX_LETTER = """ỦY BAN NHÂN DÂN TỈNH LAM SƠN |  | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
Số: 215/UBND-KT |  | Lam Sơn, ngày 12 tháng 3 năm 2026
V/v tăng cường quản lý bến bãi ven sông |  |

Kính gửi: | - Sở Xây dựng; - Ủy ban nhân dân các xã, phường.

Để tăng cường quản lý bến bãi ven sông, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
1. Sở Xây dựng rà soát các bến bãi ven sông trên địa bàn tỉnh, báo cáo Ủy ban nhân dân tỉnh trong tháng 5/2026.
2. Ủy ban nhân dân các xã, phường kiểm tra, xử lý các bến bãi hoạt động không phép trên địa bàn.

Nơi nhận: - Như trên; - Chủ tịch UBND tỉnh; - Lưu: VT, KT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Thị Minh Hạnh"""


def test_signer_in_a_docx_block_joined_on_one_line(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A docx export joins the signature cell into one line: title words, then the name
    (s14 dev, the Lào Cai letter on unexploited minerals)."""
    doc = parse_text(tmp_path_factory.mktemp("s14k"), DOCX_LETTER, "cv.md")
    assert doc.meta.signer == "Lê Thị Minh Hạnh"


# A province's letter in PDF layout: the number typed into the form's blanks, so runs of spaces
# sit inside it ("Số:   NNN     /UBND-XX"), and the subject line cites a decree (s14 dev cv4390).
PDF_LETTER = """     ỦY BAN NHÂN DÂN                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
       TỈNH LAM SƠN                            Độc lập - Tự do - Hạnh phúc
 Số:   2718     /UBND-VX                  Lam Sơn, ngày 14 tháng 4 năm 2026
V/v triển khai Nghị định số
77/2026/NĐ-CP ngày 02/4/2026
của Chính phủ
                   Kính gửi:
                              - Sở Y tế;
                              - Ủy ban nhân dân các xã, phường.
       Thực hiện Nghị định số 77/2026/NĐ-CP ngày 02/4/2026 của Chính phủ, Chủ tịch Ủy ban
nhân dân tỉnh giao:
       1. Sở Y tế chủ trì tổ chức phổ biến nội dung Nghị định đến các cơ sở khám bệnh, chữa
bệnh trên địa bàn tỉnh.
       2. Ủy ban nhân dân các xã, phường phối hợp với Sở Y tế triển khai thực hiện.
Nơi nhận:                                               KT. CHỦ TỊCH
- Như trên;                                             PHÓ CHỦ TỊCH
- Lưu: VT, VX.
                                                         Đỗ Văn Tùng"""


def test_number_typed_into_the_form_blanks(tmp_path_factory: pytest.TempPathFactory) -> None:
    doc = parse_text(tmp_path_factory.mktemp("s14k"), PDF_LETTER, "cv.md")
    assert doc.meta.number == "2718/UBND-VX"
    assert doc.meta.type == "Công văn"
    assert "77/2026/NĐ-CP" in {c.number for c in doc.citations}


# A Government resolution charging one named city by a "Giao X:" lead-in (s14 dev nq126), and a
# Government Office letter charging one named province (s14 dev cv3479).
RESOLUTION = """CHÍNH PHỦ
Số: 88/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 20 tháng 4 năm 2026

NGHỊ QUYẾT
Về việc chuyển giao Bảo tàng Nông nghiệp về Ủy ban nhân dân tỉnh Lam Sơn quản lý

CHÍNH PHỦ
QUYẾT NGHỊ:

Điều 1.
1. Đồng ý chủ trương chuyển giao nguyên trạng Bảo tàng Nông nghiệp về địa phương quản lý.
2. Giao Ủy ban nhân dân tỉnh Lam Sơn:
a) Phối hợp với Bộ Nông nghiệp và Môi trường tổ chức tiếp nhận nguyên trạng Bảo tàng Nông nghiệp.
b) Bố trí ngân sách tỉnh bảo đảm kinh phí hoạt động thường xuyên của Bảo tàng.
Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Lê Văn Bình
"""


def test_central_document_keeps_the_named_province(tmp_path_factory: pytest.TempPathFactory) -> None:
    doc = parse_text(tmp_path_factory.mktemp("s14k"), RESOLUTION, "nq.md")
    leads = {(d.section, u.name) for d in doc.duties for u in d.units if u.role == "lead"}
    assert ("D1.2.a", "Ủy ban nhân dân tỉnh Lam Sơn") in leads
    assert ("D1.2.b", "Ủy ban nhân dân tỉnh Lam Sơn") in leads


def test_provincial_document_still_drops_its_own_name(directive: Document,
                                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    doc = parse_text(tmp_path_factory.mktemp("s14k"), PDF_LETTER, "cv.md")
    names = {u.name for d in doc.duties for u in d.units}
    assert "Ủy ban nhân dân xã, phường" in names
    assert not any(n.endswith("Lam Sơn") for n in names)


# A province's letter in PDF layout (first-line indents, hard wraps at the margin): a class
# whose members are listed one per bullet with their remit in brackets, then "Có trách nhiệm:"
# over the points; the closing request after the last item (s14 dev cv7103, cv4390).
MEMBERS_LETTER = """     ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
       TỈNH LAM SƠN                           Độc lập - Tự do - Hạnh phúc
      Số: 3310/UBND-TH                    Lam Sơn, ngày 02 tháng 6 năm 2026
V/v quản lý nhà văn hóa thôn, tổ dân phố

              Kính gửi:
                          - Các sở, ban, ngành thuộc UBND tỉnh;
                          - Ủy ban nhân dân các xã, phường.

      Để quản lý thống nhất các nhà văn hóa thôn, tổ dân phố, Chủ tịch Ủy ban nhân dân
tỉnh yêu cầu các cơ quan, đơn vị triển khai thực hiện các nội dung sau:
       1. Các sở quản lý chuyên ngành
      Giao các sở quản lý chuyên ngành theo lĩnh vực gồm:
       - Sở Văn hóa, Thể thao và Du lịch (đối với nhà văn hóa, sân thể thao thôn);
      - Sở Xây dựng (đối với công trình phụ trợ, đường nội bộ);
      - Sở Giáo dục và Đào tạo (đối với điểm trường dùng chung).
      Có trách nhiệm:
       a) Rà soát, thống kê toàn bộ nhà văn hóa thuộc lĩnh vực quản lý, lập danh mục
đề nghị sửa chữa theo thứ tự ưu tiên.
      b) Hướng dẫn Ủy ban nhân dân các xã, phường lập hồ sơ quản lý, sử dụng nhà văn
hóa theo quy định.
       2. Ủy ban nhân dân các xã, phường bố trí kinh phí bảo trì nhà văn hóa thôn, tổ dân
phố trên địa bàn, báo cáo kết quả về Sở Tài chính trước ngày 30/11/2026.
       Căn cứ nội dung chỉ đạo trên, yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy
ban nhân dân các xã, phường nghiêm túc tổ chức triển khai thực hiện./.
Nơi nhận:                                           KT. CHỦ TỊCH
- Như trên;                                         PHÓ CHỦ TỊCH
- Lưu: VT, TH.
                                                     Hà Quang Vinh"""


@pytest.fixture(scope="module")
def members_letter(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("s14k"), MEMBERS_LETTER, "cv.md")


def test_listed_members_lead_the_points(members_letter: Document) -> None:
    for point in ("1.a", "1.b"):
        leads = {u.name for d in members_letter.duties if d.section == point for u in d.units if u.role == "lead"}
        assert leads == {"Sở Văn hóa, Thể thao và Du lịch", "Sở Xây dựng", "Sở Giáo dục và Đào tạo"}, point


def test_member_bullets_are_no_duties(members_letter: Document) -> None:
    assert not any(d.section == "1" and d.text.startswith("Sở") for d in members_letter.duties)


def test_indented_closing_request_is_not_the_last_item(members_letter: Document) -> None:
    """The closing line starts indented after a sentence's end: a paragraph of its own, the
    document's closing (no section), not a part of item 2."""
    item2 = [d for d in members_letter.duties if d.section == "2"]
    assert len(item2) == 1 and "Căn cứ" not in item2[0].text
    closing = [d for d in members_letter.duties if d.section is None]
    assert closing and {"sở, ban, ngành", "Chủ tịch Ủy ban nhân dân xã, phường"} <= {u.name for u in closing[0].units}


# A Government resolution as the Official Gazette's text layer gives it: a running head and page
# number at each page's top, the Gazette's e-signature stamp on the first page, in mid-clause
# (s14 dev nq126; the catalogue's ct21 has the same heads).
GAZETTE = """CÔNG BÁO/Số 140/Ngày 03-04-2026
57

CHÍNH PHỦ
Số: 61/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 20 tháng 3 năm 2026

NGHỊ QUYẾT
Về việc điều chuyển Trung tâm Lưu trữ ảnh

CHÍNH PHỦ
QUYẾT NGHỊ:

Điều 1.
1. Giao Bộ Nội vụ chủ trì, phối hợp với Bộ Tài chính hoàn thành việc điều chuyển Trung tâm
Lưu trữ ảnh trước ngày 15 tháng 6 năm
Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Cơ quan: VĂN PHÒNG CHÍNH PHỦ
Ngày ký: 2026-04-03 09:12:40 +07:00

CÔNG BÁO/Số 140/Ngày 03-04-2026
58

2026.
2. Giao Bộ Tài chính bố trí kinh phí cho việc điều chuyển.
Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Lê Văn Bình
"""


def test_gazette_page_furniture_is_not_text(tmp_path_factory: pytest.TempPathFactory) -> None:
    doc = parse_text(tmp_path_factory.mktemp("s14k"), GAZETTE, "nq.md")
    assert not any("CÔNG BÁO" in s.text or "Ký bởi" in s.text for s in doc.segments)
    names = {u.name for d in doc.duties for u in d.units}
    assert "Văn phòng Chính phủ" not in names  # the stamp's office charges no one
    first = [d for d in doc.duties if d.section == "D1.1"]
    assert first and first[0].deadline == "2026-06-15"  # the date goes on over the page break


def test_numbers_listed_after_a_colon_are_citations(tmp_path_factory: pytest.TempPathFactory) -> None:
    """"Theo đề nghị của … tại các văn bản: Số N/TTr-X ngày …, số M/BC-X ngày …": the first
    number, capitalised after the colon, is a cited document, not a header (s14 dev nq126)."""
    text = RESOLUTION.replace(
        "CHÍNH PHỦ\nQUYẾT NGHỊ:",
        "CHÍNH PHỦ\nTheo đề nghị của Bộ trưởng Bộ Nông nghiệp và Môi trường tại các văn bản: Số 417/TTr-BNNMT "
        "ngày 02 tháng 4 năm 2026, số 388/BC-BNNMT ngày 28 tháng 3 năm 2026;\nQUYẾT NGHỊ:")
    doc = parse_text(tmp_path_factory.mktemp("s14k"), text, "nq.md")
    assert {"417/TTr-BNNMT", "388/BC-BNNMT"} <= {c.number for c in doc.citations}


def test_office_follow_up_line_closes_the_directive(directive: Document) -> None:
    """"Văn phòng Chính phủ theo dõi, đôn đốc …" after the last item: the office's own duty, of
    the whole directive (no section), not a second duty of item 2 (s14 dev ct13)."""
    office = [d for d in directive.duties if any(u.name == "Văn phòng Chính phủ" for u in d.units)]
    assert office and all(d.section is None for d in office)
    assert {u.role for u in office[0].units} >= {"lead", "monitor"}


def test_bodies_whose_opinions_are_taken_in_have_no_role(tmp_path_factory: pytest.TempPathFactory) -> None:
    """"X chủ trì … tiếp thu ý kiến các Bộ: Tư pháp, Tài chính, Xây dựng …": the ministries are
    inputs ([decided, kh179]), not leads (s14 dev cv3479, a Government Office letter)."""
    text = RESOLUTION.replace(
        "2. Giao Ủy ban nhân dân tỉnh Lam Sơn:",
        "2. Ủy ban nhân dân tỉnh Lam Sơn chủ trì nghiên cứu, tiếp thu ý kiến các Bộ: Tư pháp, Tài chính, "
        "Xây dựng tại các văn bản nêu trên để hoàn thiện Đề án.\n3. Giao Ủy ban nhân dân tỉnh Lam Sơn:")
    doc = parse_text(tmp_path_factory.mktemp("s14k"), text, "nq.md")
    roles = {(u.name, u.role) for d in doc.duties if d.section == "D1.2" for u in d.units}
    assert ("Ủy ban nhân dân tỉnh Lam Sơn", "lead") in roles
    assert not any(name.startswith("Bộ") for name, _ in roles)


def test_levels_joined_by_va_are_one_collective(tmp_path_factory: pytest.TempPathFactory) -> None:
    """"Ủy ban nhân dân các tỉnh và thành phố trực thuộc trung ương:" heads one class, as "các
    tỉnh, thành phố …" does; it is not the provinces' committees plus another body (s14 dev ct13)."""
    text = DIRECTIVE.replace(
        "Văn phòng Chính phủ theo dõi",
        "3. Ủy ban nhân dân các tỉnh và thành phố trực thuộc trung ương rà soát các kho lưu trữ tại địa phương.\n"
        "Văn phòng Chính phủ theo dõi")
    doc = parse_text(tmp_path_factory.mktemp("s14k"), text, "ct.md")
    leads = {u.name for d in doc.duties if d.section == "3" for u in d.units if u.role == "lead"}
    assert leads == {"Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương"}
