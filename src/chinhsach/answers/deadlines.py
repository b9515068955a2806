"""Deadlines (thời hạn): what is due and what is overdue, relative to a given day.

A duty with a fixed deadline ("trước ngày 30/6/2024", "quý II/2024") is due on that day and
overdue once it has passed. A recurring duty is expanded to its next occurrence on or after
``today``; it is never overdue, since the index cannot know whether the last report was sent.

Expansion rules, general rather than tuned to one phrase:

* occurrences start no earlier than the plan's issue date (a plan dated 2028 has no report
  due in 2024);
* the period is the shortest one the duty names: ``hằng tháng`` 1 month, ``hằng quý`` 3,
  ``6 tháng`` 6, ``hằng năm`` 12, ``5 năm`` 60 ("định kỳ 6 tháng, hằng năm" reports every six
  months); a cycle of several years with no day or deadline written is not expanded (its year
  is unknown);
* the anchor is the fixed deadline if there is one (the first occurrence: nothing falls before
  it) unless the words make it the end of the series ("hằng năm … đến hết năm 2030": the
  rule stops there, ``until``), else the day and month written without a year ("hằng năm trước ngày 15/12" → every
  15 December; "6 tháng, hằng năm (trước ngày 10/12)" → 10 June and 10 December), else the
  end of each period (``anchor`` is then ``"period_end"``: 30 June / 31 December for six
  months, quarter ends, month ends, 31 December for a year).

A day/month written without a year and without a recurring word ("trước ngày 05/12") is not
given a year: those duties are counted as ``undated``, not guessed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from chinhsach.answers.assignments import DutyEntry
from chinhsach.errors import QueryError
from chinhsach.text.normalize import fold
from chinhsach.text.numbers import iso_date, month_end

# Months per period, keyed by the words of Duty.recurring (extract/duties.py labels).
_PERIODS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\b(?:hang|moi) thang\b"), 1),
    (re.compile(r"\bquy\b"), 3),
    (re.compile(r"\b(?:6|sau) thang\b"), 6),
    (re.compile(r"\bnam\b"), 12),
]
# "ngày 15/12", "ngày 15-12", "ngày 15 tháng 12" with no year after it.
_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*(?:/|-|\.|thang)\s*(\d{1,2})(?!\s*(?:/|-|\.|nam)\s*\d)(?!\d)")
# "đến hết năm 2030", "đến năm 2030", "giai đoạn 2026-2030": the fixed day ends the series.
_UNTIL = re.compile(r"\bden\b|\bgiai doan\b")
# Period words inside a duty's sentence (stricter than the labels: "năm" alone is any year).
_TEXT_PERIODS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\b(?:hang|moi) thang\b"), 1),
    (re.compile(r"\b(?:hang|moi) quy\b"), 3),
    (re.compile(r"\b(?:6|sau) thang\b"), 6),
    (re.compile(r"\b(?:hang|moi|thuong) nam\b|\bbao cao nam\b"), 12),
]
_DAY_ONLY = re.compile(r"\bngay\s+(\d{1,2})\b(?!\s*(?:/|-|\.|thang))")


def period_months(recurring: str | None) -> int | None:
    """The shortest period a recurring label names, in months; None if it names none."""
    if not recurring:
        return None
    folded = fold(recurring).lower()
    # "3 lần/năm học", "2 lần/năm": a count per period fixes no day to remind on.
    folded = re.sub(r"\b\d+ lan/[a-z ]+", " ", folded)
    # "5 năm", "3 tháng" (extract/duties.py: cycles of N years or months); "6 tháng" is 6 either way.
    every_n = [int(m.group(1)) * (12 if m.group(2) == "nam" else 1)
               for m in re.finditer(r"\b(\d+) (nam|thang)\b", folded)]
    folded = re.sub(r"\b\d+ (?:nam|thang)\b", " ", folded) if every_n else folded
    found = every_n + [months for pattern, months in _PERIODS if pattern.search(folded)]
    return min(found) if found else None


def _last_day(year: int, month: int) -> int:
    return int(month_end(year, month)[-2:])


def _on(year: int, month: int, day: int | None) -> dt.date:
    """The day in that month; None or a day past the month's end means its last day."""
    last = _last_day(year, month)
    return dt.date(year, month, last if day is None or day > last else day)


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def parse_day(value: str, what: str = "date") -> dt.date:
    """"2024-06-30" or "30/6/2024" → a date; anything else is a QueryError naming the value."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if m and (iso := iso_date(m.group(1), m.group(2), m.group(3))):
        return dt.date.fromisoformat(iso)
    raise QueryError(f"bad {what} {value!r}: use YYYY-MM-DD or DD/MM/YYYY")


@dataclass(frozen=True, slots=True)
class Rule:
    """How a recurring duty repeats: every ``months`` months on ``day`` (None: the month's last
    day), first on ``start``. ``anchor`` says where the day came from: ``deadline`` (a fixed
    first deadline), ``written`` (a day/month without a year) or ``period_end`` (nothing was
    written: the end of each period)."""

    months: int
    day: int | None
    start: dt.date
    anchor: str
    until: dt.date | None = None  # "hằng năm ... đến hết năm 2030": no occurrence after it

    def next_on_or_after(self, today: dt.date) -> dt.date:
        if self.start >= today:
            return self.start
        y, m = self.start.year, self.start.month
        # Jump close to today, then step: at most a couple of iterations.
        gap = (today.year - y) * 12 + (today.month - m)
        steps = max(0, gap // self.months - 1)
        y, m = _add_months(y, m, steps * self.months)
        while True:
            when = _on(y, m, self.day)
            if when >= today and when >= self.start:
                return when
            y, m = _add_months(y, m, self.months)

    def rrule(self) -> dict[str, Any]:
        """The iCalendar recurrence (RFC 5545) that yields the same days from ``start``."""
        day = self.day if self.day is not None else -1
        rule: dict[str, Any] = (
            {"FREQ": "YEARLY", "BYMONTH": self.start.month, "BYMONTHDAY": day} if self.months == 12
            else {"FREQ": "MONTHLY", "INTERVAL": self.months, "BYMONTHDAY": day})
        if self.until is not None:
            rule["UNTIL"] = self.until
        return rule


def _period_days(text: str) -> list[tuple[int, int, int]]:
    """(period in months, day, month) for each period word that has its own day after it:
    "định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/11)" → [(6, 15, 6),
    (12, 15, 11)]. A day is looked for up to the next period word, within 40 characters."""
    folded = fold(text).lower()
    marks = sorted((m.start(), m.end(), months) for pattern, months in _TEXT_PERIODS
                   for m in pattern.finditer(folded))
    out: list[tuple[int, int, int]] = []
    for i, (_, end, months) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(folded)
        m = _DAY_MONTH.search(folded[end:min(stop, end + 40)])
        if m and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
            out.append((months, int(m.group(1)), int(m.group(2))))
    return out


def recurrences(entry: DutyEntry, today: dt.date) -> list[Rule]:
    """Every repetition rule of a recurring duty (none if it does not recur).

    Two reports each with its own day ("6 tháng (trước ngày 15/6) và hằng năm (trước ngày
    15/11)") are two yearly rules, 15 June and 15 November: the extracted deadline keeps one
    day only, so the duty's own sentence is read for the pairs. Otherwise one rule, anchored
    as the module docstring says.
    """
    if period_months(entry.recurring) is None:
        return []
    # A plan issued after today repeats from its issue date (ngày ban hành), not before it.
    with contextlib.suppress(TypeError, ValueError):
        today = max(today, dt.date.fromisoformat(entry.doc.date))  # type: ignore[arg-type]
    if not entry.deadline:
        pairs = sorted(set(_period_days(entry.text)), key=lambda p: (p[2], p[1]))
        if len({(d, m) for _, d, m in pairs}) >= 2:
            rules = []
            for _, day, month in pairs:
                start = _on(today.year, month, day)
                if start < today:
                    start = _on(today.year + 1, month, day)
                rules.append(Rule(12, day, start, "written"))
            return rules
    rule = recurrence(entry, today, _single=True)
    return [rule] if rule is not None else []


def recurrence(entry: DutyEntry, today: dt.date, _single: bool = False) -> Rule | None:
    """The repetition rule of a recurring duty, anchored as the module docstring says (for a
    duty with several, the one that comes soonest)."""
    if not _single:
        rules = recurrences(entry, today)
        return min(rules, key=lambda r: r.next_on_or_after(today)) if rules else None
    months = period_months(entry.recurring)
    if months is None:
        return None
    written = fold(entry.deadline_text or "").lower()
    until: dt.date | None = None
    if entry.deadline:
        with_deadline = dt.date.fromisoformat(entry.deadline)
        if _UNTIL.search(written):
            until = with_deadline  # the series runs up to that day; its days come below
        else:
            end = with_deadline.day == _last_day(with_deadline.year, with_deadline.month)
            return Rule(months, None if end else with_deadline.day, with_deadline, "deadline")
    day: int | None = None
    month: int | None = None
    m = _DAY_MONTH.search(written)
    if m and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
        day, month = int(m.group(1)), int(m.group(2))
    elif (d := _DAY_ONLY.search(written)) and 1 <= int(d.group(1)) <= 31:
        day = int(d.group(1))
    anchor = "written" if day is not None else "period_end"
    if months > 12 and anchor == "period_end":
        return None  # "định kỳ 05 năm" with no day: which year the cycle falls in is not written
    if month is None:
        # Periods end on their calendar boundary: quarter ends, 30 June / 31 December, 31 Dec.
        month = 12 if months == 12 else months if months in (3, 6) else today.month
    # The occurrence in this period cycle that is on or after today.
    first_month = (month - 1) % months + 1
    start = _on(today.year - 1, first_month, day)
    rule = Rule(months, day, start, anchor)
    return Rule(months, day, rule.next_on_or_after(today), anchor, until)


@dataclass(slots=True)
class DeadlineItem:
    """One deadline: the duty, the day it is due, and whether it has passed.

    ``status``: ``overdue`` (quá hạn) or ``upcoming`` (sắp đến hạn); ``rule`` is set for a
    recurring duty (``due`` is then its next occurrence).
    """

    entry: DutyEntry
    due: dt.date
    status: str
    rule: Rule | None = None
    part: int = 0  # which of the duty's rules (a stable part of the calendar event's id)

    def to_dict(self) -> dict[str, Any]:
        e = self.entry
        out: dict[str, Any] = {
            "due": self.due.isoformat(), "status": self.status,
            "document": e.doc.to_dict(), "section": e.section, "section_heading": e.section_heading,
            "text": e.text, "lead": [name for name, _ in e.leads],
            "explicit": any(explicit for _, explicit in e.leads),
            "cooperate": e.cooperate, "monitor": e.monitor, "report_to": e.report_to,
            "deadline": e.deadline, "deadline_text": e.deadline_text, "recurring": e.recurring,
            "page": e.page, "line": e.line,
        }
        if e.unit_roles:
            out["unit_roles"] = e.unit_roles
        if self.rule is not None:
            out["every_months"] = self.rule.months
            out["anchor"] = self.rule.anchor
        return out


@dataclass(slots=True)
class DeadlineReport:
    """Deadlines sorted by day, with the duties that carry no usable day counted apart."""

    today: dt.date
    items: list[DeadlineItem]
    undated: int  # duties with a deadline text but no day that can be fixed

    def to_dict(self) -> dict[str, Any]:
        return {"today": self.today.isoformat(), "count": len(self.items), "undated": self.undated,
                "deadlines": [i.to_dict() for i in self.items]}


def deadlines(entries: Sequence[DutyEntry], today: dt.date, *, before: dt.date | None = None,
              overdue_only: bool = False) -> DeadlineReport:
    """Due and overdue duties among ``entries``, soonest first (so the overdue ones lead).

    ``before`` keeps deadlines on or before that day; ``overdue_only`` those already passed.
    """
    items: list[DeadlineItem] = []
    undated = 0
    for e in entries:
        found: list[DeadlineItem] = []
        for part, rule in enumerate(recurrences(e, today)):
            due = rule.next_on_or_after(today)
            if rule.until is None or due <= rule.until:  # else the series has ended
                found.append(DeadlineItem(e, due, "upcoming", rule, part))
        if not found and (period_months(e.recurring) is None or not recurrences(e, today)):
            if e.deadline:
                due = dt.date.fromisoformat(e.deadline)
                found.append(DeadlineItem(e, due, "overdue" if due < today else "upcoming"))
            else:
                undated += bool(e.deadline_text)
        for item in found:
            if before is not None and item.due > before:
                continue
            if overdue_only and item.status != "overdue":
                continue
            items.append(item)
    items.sort(key=lambda i: (i.due, i.entry.doc.doc_id, i.entry.ord))
    return DeadlineReport(today, items, undated)


__all__ = ["DeadlineItem", "DeadlineReport", "Rule", "deadlines", "parse_day", "period_months",
           "recurrence", "recurrences"]
