"""OCR'd letters of a national department to its provincial departments (session 18, fixAG).

Layouts seen in the s18 development documents cv586-tct-2023, cv997-tct-2022 and cv1738-tct-2021
(signed letters scanned, OCR'd and saved as markdown with a front matter and "--- PAGE BREAK ---"
markers): an item's number lost with its line (items 1, 3, 4, … ), "6..." and "§. _" for the
markers 6. and 8., a number line whose figures OCR read as signs ("Số: 5Ï/…"), a motto printed
with long dashes on the issuer's line, an addressee line whose "Kính" OCR lost, and the closing
"phản ánh về … (qua Cục Thanh tra - Kiểm tra …)", the inspection department's name. Invented wording below.
"""

from __future__ import annotations

from conftest import parse_text

from chinhsach.extract.units import find_units

ADDRESSEE = "Cục Hải quan tỉnh, thành phố"


def _letter(number_line: str, addressee_line: str, items: str, motto: str = "Độc lập - Tự do - Hạnh phúc") -> str:
    return f"""---
title: "CV 45 TCHQ Tang cuong"
original_format: "pdf"
---

BỘ TÀI CHÍNH CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
TONG CUC HAI QUAN {motto}
{number_line} Hà Nội, ngày 12 tháng 4 năm 2024

V/v tăng cường kiểm soát hàng hóa

{addressee_line}

Tổng cục Hải quan đề nghị các Cục Hải quan thực hiện một số việc sau:

{items}

Tổng cục Hải quan thông báo để các Cục Hải quan biết. Nếu có vướng mắc, đề nghị các
Cục Hải quan phản ánh về Tổng cục Hải quan (qua Cục Thanh tra - Kiểm tra) để xử lý./.


--- PAGE BREAK ---

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. TỔNG CỤC TRƯỞNG
PHÓ TỔNG CỤC TRƯỞNG

Trần Văn Minh
"""


ITEMS_WITH_A_LOST_NUMBER = """1. Hoàn thành việc rà soát hồ sơ tồn đọng của năm trước trước ngày 30/6/2024.

- Áp dụng quản lý rủi ro khi lựa chọn lô hàng cần kiểm tra thực tế.

- Cập nhật dữ liệu vi phạm vào hệ thống hằng tháng.

3. Tăng cường kiểm soát hàng hóa xuất nhập khẩu qua đường bưu chính.


--- PAGE BREAK ---

2

4. Phối hợp với lực lượng Bộ đội Biên phòng ngăn chặn buôn lậu qua biên giới.

5. Nâng cao kỷ luật, kỷ cương của công chức trong thực thi công vụ."""

ITEMS_WITH_MISREAD_MARKERS = """1. Rà soát danh sách doanh nghiệp có hoạt động thương mại qua mạng.

2. Tuyên truyền chính sách cho doanh nghiệp có hoạt động thương mại qua mạng.

3. Thu thập thông tin từ các sàn giao dịch về doanh thu của người bán.

4. Đối chiếu thông tin thu thập với dữ liệu khai báo của doanh nghiệp.


--- PAGE BREAK ---

2

5. Phân loại doanh nghiệp theo mức độ rủi ro để lựa chọn đối tượng kiểm tra.

6... Trên cơ sở phân tích rủi ro, bổ sung các trường hợp kiểm tra sau thông quan
đối với doanh nghiệp có dấu hiệu gian lận.

7. Phối hợp với các ngân hàng thương mại thu thập dữ liệu thanh toán quốc tế.

§. _ Thực hiện báo cáo định kỳ kết quả kiểm tra theo yêu cầu cụ thể như sau:

8.1. Cung cấp thông tin cán bộ đầu mối phụ trách tổng hợp báo cáo.

8.2. Báo cáo kết quả kiểm tra theo mẫu biểu đính kèm."""


def _sections(doc) -> list[str]:
    return sorted({d.section for d in doc.duties if d.section}, key=lambda s: [int(x) for x in s.split(".")])


def test_an_item_whose_number_ocr_lost_leaves_the_next_items_their_ids(tmp_path) -> None:
    doc = parse_text(tmp_path, _letter("Số: 45/TCHQ-GSQL", "Kính gửi: Cục Hải quan các tỉnh, thành phố.",
                             ITEMS_WITH_A_LOST_NUMBER), "cv45-ocr.md")
    assert {"3", "4", "5"} <= set(_sections(doc))


def test_misread_markers_six_and_eight(tmp_path) -> None:
    doc = parse_text(tmp_path, _letter("Số: 45/TCHQ-GSQL", "Kính gửi: Cục Hải quan các tỉnh, thành phố.",
                             ITEMS_WITH_MISREAD_MARKERS), "cv45-ocr.md")
    assert {"6", "7", "8", "8.1", "8.2"} <= set(_sections(doc))


def test_a_number_read_as_signs_gives_no_number(tmp_path) -> None:
    for line in ("Số: 5Ï/TCHQ-GSQL", "Số:4#4ÿ /TCHQ-GSQL -"):
        doc = parse_text(tmp_path, _letter(line, "Kính gửi: Cục Hải quan các tỉnh, thành phố.",
                                 ITEMS_WITH_A_LOST_NUMBER), "cv45-ocr.md")
        assert doc.meta.number is None, line
        assert doc.meta.place == "Hà Nội"


def test_a_dash_before_the_place_ends_the_number(tmp_path) -> None:
    doc = parse_text(tmp_path, _letter("Số: 45/TCHQ-GSQL -", "Kính gửi: Cục Hải quan các tỉnh, thành phố.",
                             ITEMS_WITH_A_LOST_NUMBER), "cv45-ocr.md")
    assert doc.meta.number == "45/TCHQ-GSQL"


def test_issuer_on_the_line_of_a_motto_with_long_dashes(tmp_path) -> None:
    doc = parse_text(tmp_path, _letter("Số: 45/TCHQ-GSQL", "Kính gửi: Cục Hải quan các tỉnh, thành phố.",
                             ITEMS_WITH_A_LOST_NUMBER, motto="Độc lập — Tự do — Hạnh phúc"), "cv45-ocr.md")
    assert doc.meta.issuer == "Tổng cục Hải quan"


def test_addressee_line_whose_kinh_ocr_lost(tmp_path) -> None:
    doc = parse_text(tmp_path, _letter("Số: 45/TCHQ-GSQL", "`.“ gửi: Cục Hải quan các tỉnh, thành phố.",
                             ITEMS_WITH_A_LOST_NUMBER), "cv45-ocr.md")
    item5 = [d for d in doc.duties if d.section == "5"]
    assert item5 and any(u.name == ADDRESSEE and u.role == "lead" for u in item5[0].units)
    assert doc.meta.number == "45/TCHQ-GSQL"


def test_a_body_named_for_its_checks_charges_no_monitoring(tmp_path) -> None:
    doc = parse_text(tmp_path, _letter("Số: 45/TCHQ-GSQL", "Kính gửi: Cục Hải quan các tỉnh, thành phố.",
                             ITEMS_WITH_A_LOST_NUMBER), "cv45-ocr.md")
    closing = [d for d in doc.duties if d.section is None and "vướng mắc" in d.text]
    assert closing
    roles = {(u.name, u.role) for u in closing[0].units}
    assert (ADDRESSEE, "lead") in roles
    assert ("Cục Thanh tra - Kiểm tra", "report_to") in roles
    assert not any(role == "monitor" for _name, role in roles)


def test_a_common_word_before_a_class_name_is_not_read_as_its_first_word() -> None:
    # "thực hiện nghiên cứu" is no "viện nghiên cứu" misread, though one letter apart.
    text = "Giao 01 Phòng đầu mối thực hiện nghiên cứu, triển khai quản lý hàng hóa gửi qua bưu điện"
    assert not any(m.name == "viện nghiên cứu" for m in find_units(text, ocr=True))


def test_an_announcing_verb_ends_the_issuer_name() -> None:
    names = [m.name for m in find_units("Tổng cục Hải quan thông báo Cục Hải quan các tỉnh biết và thực hiện.")]
    assert "Tổng cục Hải quan" in names


def test_the_issuers_closing_formula_under_the_last_item_is_no_duty(tmp_path) -> None:
    items = ITEMS_WITH_A_LOST_NUMBER + (
        "\n\nTổng cục Hải quan thông báo Cục Hải quan các tỉnh, thành phố được biết và thực hiện./.")
    doc = parse_text(tmp_path, _letter("Số: 45/TCHQ-GSQL", "Kính gửi: Cục Hải quan các tỉnh, thành phố.", items),
                     "cv45-ocr.md")
    assert not [d for d in doc.duties if "được biết" in d.text]
    assert any(d.section == "5" for d in doc.duties)


def test_an_approval_given_already_sends_nothing_to_the_approver() -> None:
    from chinhsach.extract.duties import roles_in_text

    done = roles_in_text("Tổ chức thực hiện ngay kế hoạch kiểm tra năm 2025 đã được Cục Hải quan phê duyệt "
                         "theo Quyết định số 12/QĐ-HQ.")
    assert not any(u.role == "report_to" for u in done)
    asked = roles_in_text("Kế hoạch phải được Sở Y tế phê duyệt trước khi thực hiện.")
    assert ("Sở Y tế", "report_to") in {(u.name, u.role) for u in asked}


LEAD_IN_THEN_ANNOUNCEMENT = """Tổng cục Hải quan đề nghị các Cục Hải quan tiếp tục đẩy mạnh công tác kiểm soát, có
các giải pháp phù hợp đối với hàng hóa gửi qua đường bưu chính. Cụ thể như sau:


--- PAGE BREAK ---

iz

1. Giao 01 Phòng đầu mối nghiên cứu, triển khai quản lý hàng hóa gửi qua bưu điện.

2. Thông qua chi nhánh ngân hàng thương mại rà soát danh sách tổ chức chuyển tiền ra nước ngoài.

3. Tăng cường kiểm soát hàng hóa xuất nhập khẩu qua đường bưu chính."""


def test_an_announcement_printed_as_its_own_sentence_closes_the_lead_in(tmp_path) -> None:
    text = _letter("Số: 45/TCHQ-GSQL", "Kính gửi: Cục Hải quan các tỉnh, thành phố.", LEAD_IN_THEN_ANNOUNCEMENT)
    text = text.replace("Tổng cục Hải quan đề nghị các Cục Hải quan thực hiện một số việc sau:\n\n", "")
    doc = parse_text(tmp_path, text, "cv45-ocr.md")
    for item in ("1", "2"):
        duty = [d for d in doc.duties if d.section == item]
        assert duty and any(u.name == ADDRESSEE and u.role == "lead" for u in duty[0].units), item
    assert not [d for d in doc.duties if d.section is None and "đẩy mạnh" in d.text]


def test_a_request_given_already_is_no_task_of_its_giver() -> None:
    from chinhsach.extract.duties import roles_in_text

    roles = roles_in_text("Để ngăn ngừa giao dịch trái phép, Ngân hàng Nhà nước Việt Nam đã yêu cầu các tổ chức "
                          "phát hành thẻ phối hợp nhận diện giao dịch. Do vậy, Tổng cục Hải quan đề nghị các Cục "
                          "Hải quan tăng cường rà soát.")
    assert not any(u.name == "Ngân hàng Nhà nước Việt Nam" for u in roles)
    assert ("Ngân hàng Nhà nước Việt Nam", "lead") in {
        (u.name, u.role) for u in roles_in_text("Ngân hàng Nhà nước Việt Nam hướng dẫn các tổ chức tín dụng "
                                                "nhận diện giao dịch.")}


FORM = """

--- PAGE BREAK ---

Biểu 01: TỔNG HỢP KẾT QUẢ KIỂM SOÁT HÀNG HÓA GỬI QUA BƯU CHÍNH
Quý..

I. Tổ chức, cá nhân có hoạt động gửi hàng hóa qua bưu chính

1. Cá nhân cung cấp dịch vụ, sản phẩm nội dung số (quảng cáo, phần mềm,...) II. Hộ, cá nhân cung cấp dịch vụ chuyển phát (lưu kho,...)

STT Cơ quan hải quan Số lô hàng | Trị giá | Số thuế | Số tiền phạt
Số lượng | Doanh thu| Số thuế chậm nộp Số tiền phạt| Số lượng| Doanh thu Số thuế | chậm nộp | phạt |dịch vụ| thanh toán chuyển phát Số lượng thu Số thuế nộp phạt
1 2 3 4 5 6

1 |Cục Hải quan tỉnh/thành phố....

1.1 [Văn phòng Cục Hải quan.

1.2 |Chi cục Hải quan cửa khẩu....
"""


def test_the_lead_in_does_not_charge_the_rows_of_a_report_form(tmp_path) -> None:
    text = _letter("Số: 45/TCHQ-GSQL", "Kính gửi: Cục Hải quan các tỉnh, thành phố.", LEAD_IN_THEN_ANNOUNCEMENT)
    text = text.replace("Tổng cục Hải quan đề nghị các Cục Hải quan thực hiện một số việc sau:\n\n", "") + FORM
    doc = parse_text(tmp_path, text, "cv45-ocr.md")
    assert [d for d in doc.duties if d.section == "1"]
    assert not [d for d in doc.duties if d.section and d.section.startswith("PL")]
