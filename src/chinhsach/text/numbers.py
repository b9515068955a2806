"""Roman numerals and calendar dates as Vietnamese documents write them.

One implementation for the outline (parts "III."), citations (khóa "XIII"), deadlines
("quý IV/2025" → 2025-12-31) and the document date ("ngày 15 tháng 01 năm 2024").
"""

from __future__ import annotations

import calendar
import datetime as dt

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_DIGITS = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                 (4, "IV"), (1, "I"))


def roman_to_int(roman: str) -> int:
    """"XIV" → 14 (upper or lower case; characters other than I V X L C raise KeyError)."""
    roman = roman.upper()
    total = 0
    for a, b in zip(roman, roman[1:] + " ", strict=True):
        va, vb = _ROMAN_VALUES[a], _ROMAN_VALUES.get(b, 0)
        total += -va if va < vb else va
    return total


def int_to_roman(n: int) -> str:
    """14 → "XIV" (1 to 399: outline parts and Party terms)."""
    out = []
    for value, letters in _ROMAN_DIGITS:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def iso_date(day: int | str, month: int | str, year: int | str) -> str | None:
    """The ISO date, or None when the parts make no calendar date (31/02, month 13)."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def month_end(year: int, month: int) -> str:
    """The last day of a month as an ISO date: (2024, 2) → "2024-02-29"."""
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
