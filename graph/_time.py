"""Relation times as periods: "1961" is the whole year, "2024-06" the month.

The extractor writes a time as precisely as the text gives it, so comparing
times means comparing periods: "2024-06" is after "2024" starts and before it
ends. GEXF wants ISO dates, so a period becomes its first and last day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["period", "sort_key", "time_bound"]

_TIME = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def period(time: str | None) -> tuple[str, str] | None:
    """First and last day of a time, as ISO dates; None when undated or unreadable.

    >>> period("1961")
    ('1961-01-01', '1961-12-31')
    >>> period("2024-02")
    ('2024-02-01', '2024-02-29')
    >>> period("2024-06-19")
    ('2024-06-19', '2024-06-19')
    >>> period("") is None and period("昨年") is None
    True
    """
    if not time:
        return None
    m = _TIME.match(time.strip())
    if not m:
        return None
    year = int(m[1])
    month = int(m[2]) if m[2] else None
    day = int(m[3]) if m[3] else None
    try:
        if month is None:
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        last = calendar.monthrange(year, month)[1]
        if day is None:
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        dt.date(year, month, day)
    except ValueError:
        return None
    return (f"{year:04d}-{month:02d}-{day:02d}",) * 2


def time_bound(value: str | int | dt.date | None, *, end: bool) -> str | None:
    """A ``since``/``until`` argument as an ISO date (the period's first or last day).

    >>> time_bound(2000, end=False), time_bound("2000", end=True)
    ('2000-01-01', '2000-12-31')
    >>> time_bound("next year", end=False)
    Traceback (most recent call last):
    ...
    ValueError: time 'next year': write a year, year-month or date such as 2000, 2024-06 or 2024-06-19
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    p = period(str(value))
    if p is None:
        raise ValueError(f"time {value!r}: write a year, year-month or date such as 2000, 2024-06 or 2024-06-19")
    return p[1] if end else p[0]


def sort_key(time: str | None) -> tuple[int, str, str]:
    """Order dated before undated, then by start and end of the period.

    >>> sorted(["2024-06-19", "", "1961", "2024"], key=sort_key)
    ['1961', '2024', '2024-06-19', '']
    """
    p = period(time)
    return (0, p[0], p[1]) if p else (1, "", time or "")
