"""Deadlines as an iCalendar file (RFC 5545, the ``icalendar`` package).

One all-day event per deadline on the day it is due; a recurring duty gets a recurrence rule
from its next occurrence on (``FREQ=YEARLY`` for a year, ``FREQ=MONTHLY;INTERVAL=n``
otherwise, ``BYMONTHDAY=-1`` when it falls on the month's last day), so a calendar program
shows every later occurrence too. The summary names the lead unit and the duty; the
description carries the document, section, units and the deadline as written (the evidence).
UIDs are stable (document, duty, day), so importing a newer file updates events in place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from chinhsach.answers.deadlines import DeadlineItem
from chinhsach.present.labels import ANCHOR_VI, DEADLINE_STATUS_VI, date_vi, roles_vi

PRODID = "-//chinhsach//Thời hạn nhiệm vụ//VI"
_SUMMARY_CHARS = 90


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def description(item: DeadlineItem) -> str:
    """The event's description: document, section, duty, units, deadline as written."""
    e = item.entry
    lines = [f"Văn bản: {e.doc.label}" + (f" ngày {date_vi(e.doc.date)}" if e.doc.date else ""),
             f"Mục {e.section or '—'}" + (f": {e.section_heading}" if e.section_heading else ""),
             f"Nhiệm vụ: {e.text}"]
    if e.leads:
        lines.append("Chủ trì: " + "; ".join(name for name, _ in e.leads))
    for label, names in (("Phối hợp", e.cooperate), ("Theo dõi, giám sát", e.monitor),
                         ("Báo cáo về", e.report_to)):
        if names:
            lines.append(f"{label}: " + "; ".join(names))
    if e.unit_roles:
        lines.append(f"Vai trò của đơn vị: {roles_vi(e.unit_roles)}")
    written = ", ".join(x for x in (e.deadline_text, e.recurring) if x)
    lines.append(f"Thời hạn: {written or date_vi(e.deadline)} ({DEADLINE_STATUS_VI[item.status]})")
    if item.rule is not None:
        lines.append(f"Lặp lại mỗi {item.rule.months} tháng, {ANCHOR_VI[item.rule.anchor]}")
    return "\n".join(lines)


def calendar_bytes(items: Sequence[DeadlineItem], stamp: dt.datetime | None = None,
                   name: str = "Thời hạn nhiệm vụ") -> bytes:
    """The deadlines as an ``.ics`` file; an empty list gives a calendar with no event."""
    from icalendar import Calendar, Event, vRecur

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    now = stamp or dt.datetime.now(dt.UTC)
    for item in items:
        e = item.entry
        ev = Event()
        lead = e.leads[0][0] if e.leads else None
        summary = (f"[{lead}] " if lead else "") + _short(e.text, _SUMMARY_CHARS)
        if item.status == "overdue":
            summary = "(Quá hạn) " + summary
        ev.add("summary", summary)
        ev.add("dtstart", item.due)
        ev.add("dtend", item.due + dt.timedelta(days=1))
        ev.add("dtstamp", now)
        key = f"{e.doc.doc_id}#{e.ord}#{item.due.isoformat() if item.rule is None else f'r{item.part}'}"
        ev.add("uid", hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + "@chinhsach")
        ev.add("description", description(item))
        ev.add("categories", [e.doc.label])
        if item.rule is not None:
            ev.add("rrule", vRecur(item.rule.rrule()))
        cal.add_component(ev)
    return cal.to_ical()


__all__ = ["PRODID", "calendar_bytes", "description"]
