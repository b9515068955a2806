"""Vietnamese labels and number/date formats shared by the CLI, the web pages and exports."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

ROLE_VI: dict[str, str] = {"lead": "chủ trì", "cooperate": "phối hợp",
                           "monitor": "theo dõi, giám sát", "report_to": "nhận báo cáo"}
SEGMENT_KIND_VI = {
    "paragraph": "đoạn", "bullet": "gạch đầu dòng", "table_row": "dòng bảng",
    "preamble": "phần mở đầu", "heading": "tiêu đề", "title": "tên văn bản", "signature": "phần ký",
}
FACT_KIND_VI = {"target": "Chỉ tiêu", "duty": "Nhiệm vụ", "other": "Nội dung khác"}
COMPARATOR_VI = {
    "reach": "đạt", "above": "trên", "at_least": "ít nhất", "below": "dưới", "at_most": "không quá",
    "about": "khoảng", "range": "trong khoảng", "maintain": "duy trì",
}
DIRECTION_VI = {"up": "↑ càng cao càng tốt", "down": "↓ càng thấp càng tốt"}
EDGE_KIND_VI = {"implements": "thực hiện", "cites": "dẫn chiếu"}


def date_vi(iso: str | None) -> str:
    """"2024-01-15" → "15/01/2024"; anything else unchanged."""
    if iso and re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        y, m, d = iso.split("-")
        return f"{d}/{m}/{y}"
    return iso or ""


def number_vi(value: float | None) -> str:
    """24.6 → "24,6", 10000 → "10.000" (Vietnamese separators)."""
    if value is None:
        return ""
    s = f"{value:,.4f}".rstrip("0").rstrip(".")
    return s.replace(",", " ").replace(".", ",").replace(" ", ".")


def target_value(t: Mapping[str, Any], qualitative: str = "định tính") -> str:
    """A target's value with its unit: "3,5 %", "32–35 giường bệnh/10.000 dân"."""
    if t.get("value") is None:
        return qualitative
    v = number_vi(t["value"])
    if t.get("value_max") is not None:
        v += "–" + number_vi(t["value_max"])
    return f"{v} {t.get('unit') or ''}".strip()


def comparator_value(t: Mapping[str, Any], qualitative: str = "định tính") -> str:
    """"ít nhất 95 %", "trong khoảng 32–35 giường bệnh/10.000 dân"; the qualitative label alone."""
    if t.get("value") is None:
        return qualitative
    label = COMPARATOR_VI.get(t.get("comparator") or "", t.get("comparator") or "")
    return f"{label} {target_value(t)}".strip()
