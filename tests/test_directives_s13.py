"""Directives (chỉ thị) of 2025 read in session 13: where their duties were lost.

Four real 2025 directives of other provinces (development data, /tmp/s13/dev: Đắk Lắk
010/CT-UBND and 012/CT-UBND, Quảng Trị 06/CT-UBND, Cần Thơ 09/CT-UBND; addresses in
evaluation/gold/fresh-plans/ct0*.json) scored 0.27-0.45 on units with roles. The causes are
forms of how a directive is written, not of one sentence:

- the addressing clause ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND
  các xã, phường … các nội dung sau:") closes a long paragraph that first states the purpose
  ("Để khắc phục …, nâng cao …,"), so the paragraph was too long to be read as a lead-in and the
  numbered items gave no duty (3 of the 4 directives; the same purpose-first opening in
  https://phucu.hungyen.gov.vn/portal/pages/print.aspx?p=9034, 2020);
- the addressees are listed by their heads with a bare title first ("yêu cầu Giám đốc, Thủ trưởng
  các sở, ban ngành, …"): nobody was read as charged;
- the list announced is qualified ("các nhiệm vụ, giải pháp về cải cách thủ tục hành chính sau:");
- a lead-in clause ("2. Các sở, ban, ngành, địa phương: … chịu trách nhiệm các nội dung sau:")
  over lettered unit headings ("a) Sở Xây dựng" / "- Đánh giá …") gave every bullet to the
  collective instead of the named body.

The documents below are invented (province "Lam Sơn"); only the layout is the real one.
"""

from __future__ import annotations

import pytest
from conftest import parse_text

from chinhsach.model import Document, Duty

PURPOSE_FIRST = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 021/CT-UBND | Lam Sơn, ngày 10 tháng 10 năm 2025 |

**CHỈ THỊ**

**Về tăng cường quản lý chợ đầu mối nông sản trên địa bàn tỉnh**

Thời gian qua, hoạt động của các chợ đầu mối nông sản trên địa bàn tỉnh từng bước đi vào nền nếp,
tuy nhiên việc kiểm soát nguồn gốc hàng hóa còn nhiều hạn chế.

Nhằm khắc phục những hạn chế nêu trên, nâng cao hiệu quả quản lý nhà nước đối với các chợ đầu mối,
bảo đảm an toàn thực phẩm, giữ gìn vệ sinh môi trường và trật tự tại các khu chợ, tạo điều kiện
thuận lợi cho thương nhân, hợp tác xã và người sản xuất tiêu thụ nông sản, góp phần ổn định thị
trường hàng hóa trong dịp cuối năm và các năm tiếp theo, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu
Giám đốc, Thủ trưởng các sở, ban ngành, Chủ tịch Ủy ban nhân dân các xã, phường tập trung chỉ đạo và
tổ chức thực hiện nghiêm các nhiệm vụ, giải pháp về quản lý chợ đầu mối sau:

1. Rà soát quy hoạch mạng lưới chợ đầu mối nông sản, đề xuất điều chỉnh cho phù hợp với nhu cầu.

2. Sở Công Thương

a) Hướng dẫn các ban quản lý chợ xây dựng nội quy mới về an toàn thực phẩm.

b) Chủ trì, phối hợp với Sở Y tế kiểm tra nguồn gốc hàng hóa tại các chợ đầu mối.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Tâm
"""

ADDRESSEES = {("sở, ban, ngành", "lead"), ("Chủ tịch Ủy ban nhân dân xã, phường", "lead")}


def _roles(duty: Duty) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in duty.units if u.explicit}


def _duty(doc: Document, section: str | None, start: str) -> Duty:
    return next(d for d in doc.duties if d.section == section and d.text.startswith(start))


@pytest.fixture(scope="module")
def purpose_first(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("ct13"), PURPOSE_FIRST, "ct.md")


def test_items_of_a_purpose_first_lead_in_are_the_addressees_duties(purpose_first: Document) -> None:
    """The addressing clause closes a 70-word paragraph: its addressees still lead the item that
    names nobody (before: the item gave no duty at all)."""
    assert _roles(_duty(purpose_first, "1", "Rà soát quy hoạch")) == ADDRESSEES


def test_unit_headed_items_of_such_a_directive_keep_their_unit(purpose_first: Document) -> None:
    assert _roles(_duty(purpose_first, "2.a", "Hướng dẫn các ban")) == {("Sở Công Thương", "lead")}
    assert _roles(_duty(purpose_first, "2.b", "Chủ trì")) >= {("Sở Công Thương", "lead"),
                                                             ("Sở Y tế", "cooperate")}


@pytest.mark.parametrize("heads", ["Giám đốc, Thủ trưởng", "Thủ trưởng"])
def test_the_addressing_paragraph_is_no_duty_of_its_own(tmp_path, heads: str) -> None:
    """It hands its addressees to the items ([decided, kh179]: a lead-in that announces the list
    is no leaf); read as a charging sentence it gave a second, section-less duty."""
    doc = parse_text(tmp_path, PURPOSE_FIRST.replace("Giám đốc, Thủ trưởng", heads), "ct.md")
    assert not [d for d in doc.duties if d.section is None and "Nhằm khắc phục" in d.text]


LEAD_IN_OVER_UNIT_HEADINGS = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 022/CT-UBND | Lam Sơn, ngày 12 tháng 10 năm 2025 |

**CHỈ THỊ**

**Về phối hợp thẩm định dự án khai thác khoáng sản**

Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện các nội dung sau:

**I. Trách nhiệm thẩm định**

**1. Sở Công Thương** là cơ quan đầu mối tiếp nhận hồ sơ, tổ chức lấy ý kiến thẩm định.

**2. Các sở, ban, ngành, địa phương:** Là các đơn vị được lấy ý kiến, chịu trách nhiệm trước
Ủy ban nhân dân tỉnh về các nội dung sau:

2.1. Trách nhiệm chung

a) Trả lời bằng văn bản đúng thời hạn, nêu rõ ý kiến thống nhất hay không thống nhất.

2.2. Trách nhiệm cụ thể

a) Sở Xây dựng

- Đánh giá sự phù hợp của dự án với quy hoạch xây dựng.

- Đánh giá phương án đấu nối giao thông của dự án.

b) Công an tỉnh

- Đánh giá yêu cầu bảo đảm an ninh, trật tự tại khu vực dự án.

**II. Tổ chức thực hiện**

Giao Sở Công Thương theo dõi, đôn đốc việc thực hiện Chỉ thị này.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Tâm
"""


@pytest.fixture(scope="module")
def lead_in_over_headings(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("ct13"), LEAD_IN_OVER_UNIT_HEADINGS, "ct2.md")


def test_a_unit_heading_below_a_lead_in_clause_is_the_nearer_lead(lead_in_over_headings: Document) -> None:
    """"2. Các sở, ban, ngành, địa phương: … các nội dung sau:" over "a) Sở Xây dựng" / "- Đánh
    giá …": the bullet is Sở Xây dựng's, not the collective's (before: the collective's only)."""
    doc = lead_in_over_headings
    assert _roles(_duty(doc, "I.2.2.a", "Đánh giá phương án")) == {("Sở Xây dựng", "lead")}
    assert _roles(_duty(doc, "I.2.2.b", "Đánh giá yêu cầu")) == {("Công an tỉnh", "lead")}


def test_items_under_the_lead_in_without_a_unit_heading_keep_the_collective(
        lead_in_over_headings: Document) -> None:
    assert ("sở, ban, ngành, địa phương", "lead") in _roles(_duty(lead_in_over_headings, "I.2.1.a", "Trả lời"))


OWN_SUBJECTS = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 023/CT-UBND | Lam Sơn, ngày 14 tháng 10 năm 2025 |

**CHỈ THỊ**

**Về tiết kiệm điện trong mùa khô**

Để bảo đảm cung ứng điện trong mùa khô, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban,
ngành tỉnh, Chủ tịch Ủy ban nhân dân các xã, phường thực hiện các nội dung sau:

1. Rà soát, cắt giảm ít nhất một phần ba số đèn chiếu sáng trang trí tại trụ sở.

2. Các doanh nghiệp bán lẻ điện trên địa bàn tỉnh có trách nhiệm

a) Thông báo lịch tạm ngừng cấp điện cho khách hàng trước ít nhất năm ngày.

3. Các hộ gia đình, cá nhân sử dụng điện có trách nhiệm tắt thiết bị khi không sử dụng.

Nơi nhận:
- Như trên;
- Lưu: VT.

CHỦ TỊCH
Lê Văn Tâm
"""


def test_an_item_that_names_its_own_subject_is_not_the_addressees(tmp_path) -> None:
    """"2. Các doanh nghiệp … có trách nhiệm" over a), "3. Các hộ gia đình … có trách nhiệm …":
    the directive addresses them directly; the departments it addressed at the top do not lead
    these items (before: every item that named no known unit was theirs). The item with no
    subject of its own still is."""
    doc = parse_text(tmp_path, OWN_SUBJECTS, "ct3.md")
    assert _roles(_duty(doc, "1", "Rà soát")) == {("sở, ban, ngành tỉnh", "lead"),
                                                   ("Chủ tịch Ủy ban nhân dân xã, phường", "lead")}
    for section, start in (("2.a", "Thông báo lịch"), ("3", "Các hộ gia đình")):
        assert not {r for r in _roles(_duty(doc, section, start)) if r[0] == "sở, ban, ngành tỉnh"}


@pytest.mark.parametrize("closing", [
    "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch Ủy ban nhân dân các "
    "xã, phường nghiêm túc triển khai thực hiện Chỉ thị này./.",
    "Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường triển khai thực hiện "
    "nghiêm túc Chỉ thị này./.",
])
def test_the_closing_of_a_directive_without_parts_has_no_section(tmp_path, closing: str) -> None:
    """A directive with numbered items only ends with the issuer's call to carry it out; it speaks
    to the whole document, like "Trên đây là …" ([decided, kh165]), not to the last item (before:
    the last item's id). Both closings are printed so in the 2025 directives of Đắk Lắk (012) and
    Quảng Trị (06)."""
    text = OWN_SUBJECTS.replace("Nơi nhận:", closing + "\n\nNơi nhận:")
    doc = parse_text(tmp_path, text, "ct4.md")
    duty = next(d for d in doc.duties if "Chỉ thị này" in d.text)
    assert duty.section is None
    assert ("sở, ban, ngành", "lead") in _roles(duty) or ("sở, ban, ngành tỉnh", "lead") in _roles(duty)


CLASS_WITH_MEMBERS = LEAD_IN_OVER_UNIT_HEADINGS.replace(
    "**1. Sở Công Thương** là cơ quan đầu mối tiếp nhận hồ sơ, tổ chức lấy ý kiến thẩm định.",
    "**1. Các cơ quan tiếp nhận hồ sơ dự án (Sở Công Thương, Ban Quản lý các khu công nghiệp tỉnh, "
    "Ban Quản lý Khu kinh tế cửa khẩu tỉnh Lam Sơn và các vùng phụ cận thuộc tỉnh):**\n\n"
    "a) Là đầu mối tiếp nhận hồ sơ, tổ chức lấy ý kiến thẩm định các dự án khai thác.\n\n"
    "b) Chịu trách nhiệm trả kết quả thủ tục cho nhà đầu tư đúng hạn.")


def test_a_class_heading_with_its_members_in_brackets_gives_them_the_items(tmp_path) -> None:
    """"1. Các cơ quan đăng ký đầu tư (Sở …, Ban Quản lý …, Ban Quản lý …):" over a) b): each
    bracketed member leads the items (before: the heading read as a topic — its class name and
    the members' long names — and the items had no unit). Seen in the 2025 Đắk Lắk directive
    010/CT-UBND, I.1."""
    doc = parse_text(tmp_path, CLASS_WITH_MEMBERS, "ct5.md")
    roles = _roles(_duty(doc, "I.1.b", "Chịu trách nhiệm trả"))
    assert {("Sở Công Thương", "lead"), ("Ban Quản lý các khu công nghiệp tỉnh", "lead")} <= roles
    assert not [d for d in doc.duties if d.section == "I.1" and d.text.startswith("Các cơ quan tiếp nhận")]


def test_a_fronted_purpose_with_its_own_commas_leaves_the_subject_charged() -> None:
    """"Để nâng cao hiệu lực, hiệu quả …, tăng cường kiểm tra, giám sát …, các sở, ngành … triển
    khai …": the purpose runs, its own commas included, to the comma before the subject (before:
    read piece by piece, its inner commas hid the subject and nobody was charged; the 2025 Đắk Lắk
    directive 010/CT-UBND, II.5)."""
    from chinhsach.extract.duties import roles_in_text

    text = ("Để nâng cao hiệu lực, hiệu quả quản lý nhà nước về đất đai, tăng cường công tác kiểm tra, "
            "giám sát việc sử dụng đất, các sở, ngành, Ủy ban nhân dân các xã, phường rà soát các dự án "
            "chậm tiến độ.")
    roles = {(u.name, u.role) for u in roles_in_text(text)}
    assert {("sở, ngành", "lead"), ("Ủy ban nhân dân xã, phường", "lead")} <= roles


def test_a_request_is_no_purpose_opener() -> None:
    """"Đề nghị …" folds to "de nghi": it charges, it states no purpose."""
    from chinhsach.extract.duties import roles_in_text

    roles = {(u.name, u.role) for u in roles_in_text("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các "
                                                     "tổ chức chính trị - xã hội tỉnh tuyên truyền, vận động.")}
    assert ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead") in roles
