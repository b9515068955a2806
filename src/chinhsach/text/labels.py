"""How a document is named to a reader, at the lowest stage so that every stage names it the
same way: the web pages and exports (through :mod:`chinhsach.present.labels`, which re-exports
these) and the plan check's own HTML report (:mod:`chinhsach.answers.check`, a stage below
``present``)."""

from __future__ import annotations

import re


def date_vi(iso: str | None) -> str:
    """"2024-01-15" → "15/01/2024"; anything else unchanged."""
    if iso and re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        y, m, d = iso.split("-")
        return f"{d}/{m}/{y}"
    return iso or ""


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


__all__ = ["date_vi", "document_label"]
