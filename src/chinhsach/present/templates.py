"""The HTML pages: Jinja2 files in ``present/templates/*.html`` (package data), loaded with
``PackageLoader`` and autoescaped (every value is escaped). This module holds the environment,
its helpers and the labels the pages share.

They carry no inline script or style: the Content-Security-Policy of the app allows only the
package's own ``/static/style.css`` and ``/static/app.js``.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from chinhsach.answers.who import MEANING_LABEL
from chinhsach.present import render

TARGET_LABELS = {
    "covered": "Đạt / khớp", "stricter": "Cao hơn (chặt hơn)", "weaker": "Thấp hơn (lỏng hơn)",
    "contradicts": "Mâu thuẫn", "changed": "Thay đổi, không so sánh được", "missing": "Thiếu",
}
DUTY_LABELS = {"covered": "Đã cụ thể hóa", "partial": "Một phần", "missing": "Thiếu"}


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("chinhsach.present", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        marked=render.marked, date_vi=render.date_vi, doc_url=render.doc_url,
        segment_anchor=render.segment_anchor, group_by_evidence=render.group_by_evidence, target_value=render.target_value,
        meaning_label=MEANING_LABEL, roles=render.ROLE_VI, seg_kinds=render.SEGMENT_KIND_VI, comparators=render.COMPARATOR_VI,
        directions=render.DIRECTION_VI, edge_kinds=render.EDGE_KIND_VI,
        target_labels=TARGET_LABELS, duty_labels=DUTY_LABELS, generation=None, nav=None,
    )
    return env


_ENV: Environment | None = None


def render_page(template: str, /, **context: Any) -> str:
    global _ENV
    if _ENV is None:
        _ENV = environment()
    return _ENV.get_template(template).render(**context)


__all__ = ["environment", "render_page"]
