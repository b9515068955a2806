"""Vietnamese labels and number/date formats shared by the CLI, the web pages and exports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Re-exported: the pages, exports and CLI import them from here.
from chinhsach.text.labels import date_vi as date_vi
from chinhsach.text.labels import document_label as document_label

ROLE_VI: dict[str, str] = {"lead": "chủ trì", "cooperate": "phối hợp",
                           "monitor": "theo dõi, giám sát", "report_to": "nhận báo cáo"}
SEGMENT_KIND_VI = {
    "paragraph": "đoạn", "bullet": "gạch đầu dòng", "table_row": "dòng bảng",
    "preamble": "phần mở đầu", "heading": "tiêu đề", "title": "tên văn bản", "signature": "phần ký", "note": "chú thích",
}
FACT_KIND_VI = {"target": "Chỉ tiêu", "duty": "Nhiệm vụ", "other": "Nội dung khác"}
COMPARATOR_VI = {
    "reach": "đạt", "above": "trên", "at_least": "ít nhất", "below": "dưới", "at_most": "không quá",
    "about": "khoảng", "range": "trong khoảng", "maintain": "duy trì",
}
DIRECTION_VI = {"up": "↑ càng cao càng tốt", "down": "↓ càng thấp càng tốt"}
EDGE_KIND_VI = {"implements": "thực hiện", "cites": "dẫn chiếu", "issues": "ban hành kèm theo"}


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


def label_of(row: Mapping[str, Any]) -> str:
    """:func:`document_label` of a row of ``Index.documents()``."""
    return document_label(row.get("type"), row.get("number"), row.get("date"), row.get("title"))
def comparator_value(t: Mapping[str, Any], qualitative: str = "định tính") -> str:
    """"ít nhất 95 %", "trong khoảng 32–35 giường bệnh/10.000 dân"; the qualitative label alone."""
    if t.get("value") is None:
        return qualitative
    label = COMPARATOR_VI.get(t.get("comparator") or "", t.get("comparator") or "")
    return f"{label} {target_value(t)}".strip()


# --------------------------------------------------------------------------------------------
# Exports (spreadsheets, calendar, unit brief)
# --------------------------------------------------------------------------------------------

EXPLICIT_VI: dict[bool | None, str] = {True: "đích danh", False: "giao chung cả kế hoạch",
                                       None: "không nêu đơn vị"}
DEADLINE_STATUS_VI: dict[str, str] = {"overdue": "quá hạn", "upcoming": "sắp đến hạn"}
ANCHOR_VI: dict[str, str] = {"deadline": "theo hạn đầu tiên", "written": "theo ngày ghi trong văn bản",
                             "period_end": "cuối kỳ (văn bản không ghi ngày)"}
ALL_SHEET = "Tất cả"

DUTY_HEADERS: dict[str, str] = {
    "document": "Văn bản", "doc_date": "Ngày ban hành", "section": "Mục",
    "section_heading": "Tên mục", "text": "Nhiệm vụ", "lead": "Đơn vị chủ trì",
    "cooperate": "Đơn vị phối hợp", "monitor": "Theo dõi, giám sát", "report_to": "Báo cáo về",
    "deadline": "Thời hạn", "deadline_text": "Thời hạn (nguyên văn)", "recurring": "Định kỳ",
    "product": "Sản phẩm", "explicit": "Giao đích danh / giao chung",
    "unit_roles": "Vai trò của đơn vị", "where": "Vị trí (trang, dòng)", "doc_id": "Mã văn bản",
}
TARGET_HEADERS: dict[str, str] = {
    "document": "Văn bản", "doc_date": "Ngày ban hành", "section": "Mục",
    "section_heading": "Tên mục", "indicator": "Chỉ tiêu", "comparator": "So sánh",
    "value": "Giá trị", "value_max": "Giá trị tối đa", "unit": "Đơn vị tính", "year": "Năm",
    "direction": "Chiều", "text": "Nguyên văn", "where": "Vị trí (trang, dòng)",
    "doc_id": "Mã văn bản",
}
EMPTY_DUTIES = "Không có nhiệm vụ nào khớp điều kiện lọc."
EMPTY_TARGETS = "Không có chỉ tiêu nào trong các văn bản đã chọn."
EMPTY_DEADLINES = "Không có thời hạn nào khớp điều kiện lọc."


def where_vi(page: int | None, line: int | None) -> str:
    """(3, 12) → "tr. 3, dòng 12"; (None, 12) → "dòng 12"."""
    if line is None:
        return ""
    return f"tr. {page}, dòng {line}" if page else f"dòng {line}"


def roles_vi(roles: list[str]) -> str:
    return ", ".join(ROLE_VI.get(r, r) for r in roles)
