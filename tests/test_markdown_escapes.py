"""Markdown made from Word escapes the dot after every item number and the hyphens of a
document number ("**1\\.** …", "Số 12\\-KH/TU"): the s18 held-out Politburo resolution lost all
its items, targets and its number to it. The words here are invented."""

from pathlib import Path

from chinhsach import parse
from chinhsach.text.normalize import strip_markdown

TEXT = r"""**TỈNH ỦY BÌNH AN**
**ĐẢNG CỘNG SẢN VIỆT NAM**

Số 12\-KH/TU
*Bình An*, *ngày 03 tháng 3 năm 2025*

**KẾ HOẠCH**

**thực hiện chuyển đổi số trong cơ quan đảng**

**I\- MỤC TIÊU**

**1\.** Đến năm 2027, 100% hồ sơ công việc của cơ quan đảng được xử lý trên môi trường mạng.

**II\- TỔ CHỨC THỰC HIỆN**

**1\.** Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy hướng dẫn thực hiện Kế hoạch, hoàn thành trước ngày 30/6/2025.

**2\.** Văn phòng Tỉnh ủy theo dõi, đôn đốc; định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Trần Văn Minh
"""


def test_escapes_are_read_as_the_marks_they_escape() -> None:
    assert strip_markdown(r"**1\.** Sở Y tế") == "1. Sở Y tế"
    assert strip_markdown(r"chính trị \- xã hội, a \* b") == "chính trị - xã hội, a * b"


def test_an_escaped_markdown_plan_keeps_its_items_targets_and_number(tmp_path: Path) -> None:
    path = tmp_path / "kh12.md"
    path.write_text(TEXT, encoding="utf-8")
    doc = parse(path).to_dict()
    assert doc["meta"]["number"] == "12-KH/TU"
    assert [t["section"] for t in doc["targets"]] == ["I.1"]
    leads = {(d["section"], u["name"]) for d in doc["duties"] for u in d["units"] if u["role"] == "lead"}
    assert ("II.1", "Ban Tuyên giáo Tỉnh ủy") in leads
    assert any(d["section"] == "II.1" and d["deadline"] == "2025-06-30" for d in doc["duties"])
