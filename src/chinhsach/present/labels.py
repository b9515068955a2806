"""Vietnamese labels and number/date formats shared by the CLI, the web pages and exports."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

ROLE_VI: dict[str, str] = {"lead": "chủ trì", "cooperate": "phối hợp",
                           "monitor": "theo dõi, giám sát", "report_to": "nhận báo cáo"}


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


def document_label(type_: str | None, number: str | None, date: str | None,
                   title: str | None, limit: int = 110) -> str:
    """How a document is named to a reader: "Kế hoạch 245-KH/TU ngày 15/01/2024"; without a
    printed number, its title (cut at a word, with "…"); never its file slug."""
    if number:
        label = f"{type_ or 'Văn bản'} {number}"
        return f"{label} ngày {date_vi(date)}" if date else label
    text = " ".join((title or "").split()) or (type_ or "Văn bản không số")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def label_of(row: Mapping[str, Any]) -> str:
    """:func:`document_label` of a row of ``Index.documents()``."""
    return document_label(row.get("type"), row.get("number"), row.get("date"), row.get("title"))
