"""Calendar-aware lengths of periods such as "6 months" or "the last year", in days.

A month is not a fixed number of days, so "822 a day over six months" has no single total.
The length of ``n`` consecutive calendar months is an interval: the shortest and longest
run of ``n`` consecutive months in the calendar, over leap and common years.  In the
Gregorian calendar six months last 181 to 184 days; in the Persian (Solar Hijri) calendar,
whose first six months have 31 days each, 179 to 186.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from fractions import Fraction
from typing import Literal

from .errors import InputError

__all__ = ["Calendar", "days_between", "duration_days", "months_days"]

Calendar = Literal["gregorian", "persian", "any"]

_GREGORIAN = {
    False: (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31),
    True: (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31),
}
_PERSIAN = {
    False: (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29),
    True: (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30),
}


@functools.lru_cache(maxsize=256)
def months_days(n: int, calendar: Calendar = "any") -> tuple[int, int]:
    """Shortest and longest total of ``n`` consecutive months, in days.

    >>> months_days(6, "gregorian")
    (181, 184)
    >>> months_days(6, "persian")
    (179, 186)
    >>> months_days(12, "gregorian")
    (365, 366)
    """
    if n < 0:
        raise ValueError(f"number of months must be >= 0 (got {n!r})")
    tables = []
    if calendar in ("gregorian", "any"):
        tables.append(_GREGORIAN)
    if calendar in ("persian", "any"):
        tables.append(_PERSIAN)
    lo, hi = None, None
    for table in tables:
        # Runs can span a year boundary, and at most one leap year falls inside any run
        # shorter than four years; try every start month and every leap position.
        years = n // 12 + 2
        for leap_at in range(-1, years):
            seq: list[int] = []
            for y in range(years):
                seq.extend(table[y == leap_at])
            for start in range(12):
                total = sum(seq[start : start + n])
                lo = total if lo is None else min(lo, total)
                hi = total if hi is None else max(hi, total)
    assert lo is not None and hi is not None
    return lo, hi


_UNIT_DAYS = {
    "second": Fraction(1, 86400),
    "minute": Fraction(1, 1440),
    "hour": Fraction(1, 24),
    "day": Fraction(1),
    "week": Fraction(7),
    "fortnight": Fraction(14),
}
_ALIASES = {
    "s": "second", "sec": "second", "seconds": "second",
    "min": "minute", "minutes": "minute",
    "h": "hour", "hr": "hour", "hours": "hour",
    "d": "day", "days": "day",
    "w": "week", "weeks": "week",
    "fortnights": "fortnight",
    "mo": "month", "months": "month",
    "quarters": "quarter",
    "y": "year", "yr": "year", "years": "year", "a": "year",
}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)?\s*([A-Za-z_]+)\s*$")


@functools.lru_cache(maxsize=1024)  # a handful of durations recur across thousands of rules
def duration_days(text: str, calendar: Calendar = "any") -> tuple[Fraction, Fraction]:
    """Length of a duration such as ``"6 month"`` or ``"2 week"`` as an interval of days.

    >>> duration_days("6 months", "gregorian")
    (Fraction(181, 1), Fraction(184, 1))
    >>> duration_days("36 hours")
    (Fraction(3, 2), Fraction(3, 2))
    """
    m = _DURATION.match(text)
    if not m:
        raise InputError(f"cannot read duration (got {text!r}); write e.g. '6 month' or '2 week'")
    count = Fraction(m.group(1)) if m.group(1) else Fraction(1)
    unit = m.group(2).lower()
    unit = _ALIASES.get(unit, unit)
    if unit in _UNIT_DAYS:
        d = count * _UNIT_DAYS[unit]
        return d, d
    months_per = {"month": 1, "quarter": 3, "year": 12}.get(unit)
    if months_per is None:
        raise InputError(f"unknown duration unit (got {m.group(2)!r})")
    if count.denominator != 1:
        raise InputError(f"calendar durations need a whole number (got {text!r})")
    lo, hi = months_days(int(count) * months_per, calendar)
    return Fraction(lo), Fraction(hi)


def days_between(start: _dt.date, end: _dt.date, *, inclusive: bool = True) -> Fraction:
    """Days in the date range; ``inclusive`` counts both the first and the last day."""
    if end < start:
        raise InputError(f"period ends before it starts (got {start} .. {end})")
    return Fraction((end - start).days + (1 if inclusive else 0))
