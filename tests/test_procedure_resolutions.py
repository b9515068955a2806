"""Government resolutions that cut and devolve administrative procedures, and a ministry's
decision that allocates quotas (session 16, fixF).

Layouts seen in the s16 development documents nq22/NQ-CP and nq18/NQ-CP 2026 (Công báo text
layers: an organisation article, ten and two procedure appendices, a drafting table of the
decrees to amend) and qd699/QĐ-BNNMT 2026 (a markdown allocation table: facilities' emission
quotas per year). Invented wording, bodies and figures below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

HEAD = """CHÍNH PHỦ
_______
Số: 91/2027/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 5 năm 2027
NGHỊ QUYẾT
Cắt giảm, phân cấp thủ tục hành chính thuộc phạm vi quản lý của Bộ Xây dựng
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định việc cắt giảm, phân cấp thủ tục hành chính thuộc phạm vi quản lý của Bộ Xây dựng.
Điều 2. Tổ chức thi hành
1. Bộ trưởng Bộ Xây dựng có trách nhiệm:
a) Tổ chức thi hành Nghị quyết này;
b) Trình cơ quan có thẩm quyền ban hành văn bản theo Phụ lục II ban hành kèm theo Nghị quyết này, bảo đảm có hiệu lực trước ngày 01 tháng 6 năm 2028.
2. Bộ Tư pháp chịu trách nhiệm theo dõi, đôn đốc việc thực hiện Nghị quyết này.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn Mẫu

"""

# A procedure appendix: the steps of a devolved procedure name the bodies that receive and decide
# each file, with time limits. They are rules, not tasks (GUIDELINES-real [decided, s16 fixF]).
PROCEDURES = """Phụ lục I
PHÂN CẤP THỦ TỤC HÀNH CHÍNH THUỘC LĨNH VỰC CẤP PHÉP XÂY DỰNG
(Kèm theo Nghị quyết số 91/2027/NQ-CP ngày 10 tháng 5 năm 2027 của Chính phủ)
I. Thủ tục cấp giấy phép di dời công trình
1. Tổ chức đề nghị cấp giấy phép nộp 01 bộ hồ sơ tới Sở Xây dựng nơi có công trình.
2. Trong thời hạn 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, Sở Xây dựng cấp giấy phép; trường hợp từ chối phải trả lời bằng văn bản.
3. Cơ quan tiếp nhận hồ sơ có trách nhiệm chủ động khai thác thông tin trên cơ sở dữ liệu quốc gia về dân cư.
II. Thủ tục cấp lại giấy phép di dời công trình
Trong thời hạn 03 ngày làm việc, Ủy ban nhân dân cấp xã xác nhận và chuyển hồ sơ cho Sở Xây dựng.
"""

# The drafting table in the Gazette's text layer: header labels wrapped one piece per line in
# capitals ("CƠ QUAN CHỦ TRÌ" / "SOẠN THẢO", "ĐIỀU, KHOẢN, ĐIỂM" / "CẦN SỬA ĐỔI, BỔ SUNG,"),
# then per row its STT, the decree, its provisions and the drafting body.
DRAFTING_CAPS = """Phụ lục II
DANH MỤC VĂN BẢN ĐỀ XUẤT SỬA ĐỔI, BỔ SUNG
(Kèm theo Nghị quyết số 91/2027/NQ-CP ngày 10 tháng 5 năm 2027 của Chính phủ)
STT
CÁC NGHỊ ĐỊNH CẦN SỬA ĐỔI, BỔ SUNG
ĐIỀU, KHOẢN, ĐIỂM
CẦN SỬA ĐỔI, BỔ SUNG,
BÃI BỎ
CƠ QUAN CHỦ TRÌ
SOẠN THẢO
1.
Nghị định số 41/2025/NĐ-CP ngày 12/3/2025 của Chính phủ quy định chi tiết về cấp phép di dời công trình
Điều 7, Điều 9,
khoản 2 Điều 12
Bộ Xây dựng
2.
Nghị định số 58/2024/NĐ-CP ngày 20/6/2024 của Chính phủ về quản lý trật tự xây dựng đô thị
Điều 15
Bộ Xây dựng
3.
Nghị định số 73/2023/NĐ-CP ngày 05/9/2023 của Chính phủ về kiểm định chất lượng công trình
Điều 4, Điều 6
Bộ Xây dựng
"""

# The same table with labels in sentence case and the drafting body printed once, in the first
# row, for all rows (a merged cell); the provisions one short capitalised line each.
DRAFTING_MERGED = """Phụ lục II
CÁC VĂN BẢN QUY PHẠM PHÁP LUẬT THỰC HIỆN SỬA ĐỔI, BỔ SUNG
(Kèm theo Nghị quyết số 91/2027/NQ-CP ngày 10 tháng 5 năm 2027 của Chính phủ)
STT
Danh sách các VBQPPL
sửa đổi, bổ sung
Điều, khoản, điểm cần
sửa đổi, bổ sung, bãi bỏ
Cơ quan
chủ trì
soạn thảo
1.
Nghị định số 41/2025/NĐ-CP
- Điều 7
- Khoản 2 Điều 12
Bộ Xây dựng
2.
Nghị định số 58/2024/NĐ-CP
Khoản 1 Điều 15
Điểm a khoản 2 Điều 15
Điều 19
3.
Nghị định số 73/2023/NĐ-CP
Điều 4
4.
Nghị định số 66/2022/NĐ-CP
Khoản 3 Điều 8
Điều 11
"""


def _rows(doc, prefix: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(d.section, sorted((u.name, u.role) for u in d.units))
            for d in doc.duties if (d.section or "").startswith(prefix)]


def test_steps_of_an_enacted_procedure_are_no_duties(tmp_path: Path) -> None:
    """Before: each step naming a body ("Sở Xây dựng cấp giấy phép", "Ủy ban nhân dân cấp xã
    xác nhận", "Cơ quan tiếp nhận hồ sơ có trách nhiệm …") was read as a duty of that body
    (s16 dev nq22: 38 false units with roles, nq18: 13)."""
    doc = parse_text(tmp_path, HEAD + PROCEDURES, "nq.md")
    assert _rows(doc, "PL1") == []
    # The organisation article still charges the ministries.
    sections = {d.section for d in doc.duties if d.units}
    assert {"D2.1.a", "D2.1.b", "D2.2"} <= sections


def test_a_task_appendix_on_procedures_keeps_its_duties(tmp_path: Path) -> None:
    """An appendix of tasks about procedures is no procedure appendix."""
    tasks = PROCEDURES.replace("PHÂN CẤP THỦ TỤC HÀNH CHÍNH THUỘC LĨNH VỰC CẤP PHÉP XÂY DỰNG",
                               "NHIỆM VỤ CẮT GIẢM THỦ TỤC HÀNH CHÍNH NĂM 2027")
    doc = parse_text(tmp_path, HEAD + tasks, "nq.md")
    assert _rows(doc, "PL1")


def test_a_drafting_table_in_capitals_gives_one_duty_per_decree(tmp_path: Path) -> None:
    """Before: "CÁC NGHỊ ĐỊNH CẦN SỬA ĐỔI" named no column role, "CẦN SỬA ĐỔI, BỔ SUNG," and
    "SOẠN THẢO" opened labels of their own: no table, no duty (s16 dev nq22 Phụ lục II)."""
    doc = parse_text(tmp_path, HEAD + PROCEDURES + DRAFTING_CAPS, "nq.md")
    assert _rows(doc, "PL2") == [(f"PL2.{n}", [("Bộ Xây dựng", "lead")]) for n in (1, 2, 3)]


def test_a_drafting_body_printed_once_leads_every_row(tmp_path: Path) -> None:
    """Before: no table; read by width the provisions' last line ("Điều 19") filled the body
    cell, and rows with no body cell were group rows (s16 dev nq18 Phụ lục III)."""
    doc = parse_text(tmp_path, HEAD + DRAFTING_MERGED.replace("Phụ lục II", "Phụ lục I", 1), "nq.md")
    assert _rows(doc, "PL1") == [(f"PL1.{n}", [("Bộ Xây dựng", "lead")]) for n in (1, 2, 3, 4)]


ALLOCATION = """| BỘ MẪU ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc  --------------- |
| --- | --- |
| Số: 123/QĐ-BM | *Hà Nội, ngày 05 tháng 3 năm 2027* |
QUYẾT ĐỊNH
THÍ ĐIỂM PHÂN BỔ HẠN NGẠCH KHAI THÁC NƯỚC NGẦM CHO NĂM 2027 VÀ NĂM 2028
QUYẾT ĐỊNH:
Điều 1. Thí điểm phân bổ hạn ngạch khai thác nước ngầm cho các cơ sở theo Phụ lục ban hành kèm theo Quyết định này.
Điều 2. Cục Quản lý tài nguyên nước có trách nhiệm thông báo và theo dõi việc tuân thủ hạn ngạch.
Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.
| *Nơi nhận:* - Như Điều 3; - Lưu: VT. | KT. BỘ TRƯỞNG THỨ TRƯỞNG     Trần Văn Mẫu |
| --- | --- |
PHỤ LỤC
THÍ ĐIỂM PHÂN BỔ HẠN NGẠCH KHAI THÁC NƯỚC NGẦM
*(Ban hành kèm theo Quyết định số 123/QĐ-BM)*
*Đơn vị: m3*
| STT | Tên cơ sở | Địa chỉ | Mã số thuế | Hạn ngạch khai thác nước ngầm   |
| --- | --- | --- | --- | --- |
|  |  |  |  | Năm 2027 | Năm 2028 |
| I | Các nhà máy bia |
| 1 | Công ty Bia Mẫu Một | Xã An Bình, tỉnh Mẫu | 0100000001 | 1,250,000 | 1,300,000 |
| 2 | Công ty Bia Mẫu Hai | Xã An Phú, tỉnh Mẫu | 0100000002 | 845,500 | 880,000 |
| II | Các nhà máy giấy |
| 1 | Công ty Giấy Mẫu | Xã An Lạc, tỉnh Mẫu | 0100000003 | 2,040,000 | 2,100,000 |
|  | TỔNG HẠN NGẠCH | 4,135,500 | 4,280,000 |
"""


def test_an_allocation_table_gives_no_targets(tmp_path: Path) -> None:
    """Before: every quota cell was a target with no indicator (s16 dev qd699: 220 targets).
    A quota is a share granted, as money allocated: no target (GUIDELINES-real [decided, s16
    fixF])."""
    doc = parse_text(tmp_path, ALLOCATION, "qd.md")
    assert doc.targets == []
    assert [d.section for d in doc.duties if d.units] == ["D2"]


# Blank forms appended to a resolution, each printed with its own "Phần" parts.
FORMS = """

Phụ lục III
QUY ĐỊNH VỀ MẪU ĐƠN, TỜ KHAI CỦA THỦ TỤC HÀNH CHÍNH
(Kèm theo Nghị quyết số 91/2027/NQ-CP ngày 10 tháng 5 năm 2027 của Chính phủ)
Mẫu số 01
ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP DI DỜI CÔNG TRÌNH
Kính gửi: Sở Xây dựng tỉnh, thành phố……
Phần 1. Thông tin chung
1. Tên tổ chức đề nghị: ……………
2. Địa chỉ trụ sở: ……………
Phần 2. Nội dung đề nghị
1. Công trình đề nghị di dời: ……………
2. Tổ chức cam kết chấp hành nghiêm chỉnh các quy định của pháp luật về trật tự xây dựng.
Phần 3. Tài liệu kèm theo
1. Bản sao giấy chứng nhận quyền sử dụng đất: ……………
Mẫu số 02
GIẤY PHÉP DI DỜI CÔNG TRÌNH
GIÁM ĐỐC SỞ XÂY DỰNG
Căn cứ Nghị định số …/…/NĐ-CP ngày … tháng … năm … của Chính phủ;
Phần 1. Thông tin chung
1. Tên tổ chức được cấp phép: ……………
Phần 2. Nội dung cấp phép
1. Sở Xây dựng cấp phép di dời công trình: ……………
2. Tổ chức được cấp phép phải thực hiện đúng nội dung giấy phép.
"""


def test_parts_of_a_blank_form_stay_in_its_appendix(tmp_path: Path) -> None:
    """Before: with "Phần" divisions read document-wide, the second form's "Phần 1." … opened
    top-level parts ("P1", "P2") outside the appendix, and their lines were charged to the
    form's issuer (s16 dev nq18 Phụ lục IV: 14 false units with roles)."""
    doc = parse_text(tmp_path, HEAD + FORMS, "nq.md")
    assert not [s.id for s in doc.sections if s.id.startswith("P") and not s.id.startswith("PL")]
    assert [d.section for d in doc.duties if d.units and not (d.section or "").startswith("D")] == []
