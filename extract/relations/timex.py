"""The date stated for an event: the date expression nearest its trigger.

Full dates, year–month, years (two-digit years read against the document's
year), month–day and bare days (「19日」, resolved with the publication date), and
days and years counted from the publication date (「3日前」, 「2年後」). A length of
time (「25年間」, 「30年ぶり」) is no date.
"""

from __future__ import annotations

import datetime
import re

from .frames import Reader

__all__ = ["time"]

_FULL_DATE = re.compile(r"(?<![0-9])([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")
_YEAR_MONTH = re.compile(r"(?<![0-9])([0-9]{4})年([0-9]{1,2})月(?![0-9]{1,2}日)")
# After a number of years or days, what makes it a length or a count, not a date.
_SPAN = r"(?!間|前|後|ぶり|振り|以上|以内|余|近く|目|来|連続|分)"
_YEAR = re.compile(r"(?<![0-9])([0-9]{4}|[0-9]{2})年" + _SPAN)
_MONTH_DAY = re.compile(r"(?<![0-9])([0-9]{1,2})月([0-9]{1,2})日" + _SPAN)
_DAY = re.compile(r"(?<![0-9月])([0-9]{1,2})日" + _SPAN)
_RELATIVE = re.compile(r"(?<![0-9月])([0-9]{1,3})(年|日)(前|後)")


def time(r: Reader, tok) -> str | None:
    """The date stated for the event: the date expression nearest the trigger."""
    best: tuple[int, str] | None = None
    text = r.doc.text
    covered: list[tuple[int, int]] = []
    for rx, kind in (
        (_FULL_DATE, "ymd"),
        (_YEAR_MONTH, "ym"),
        (_RELATIVE, "rel"),
        (_MONTH_DAY, "md"),
        (_YEAR, "y"),
        (_DAY, "d"),
    ):
        for m in rx.finditer(_ascii_digits(text)):
            # 1950年6月25日 is one date, not also 1950 and 6月25日
            if any(a < m.end() and m.start() < b for a, b in covered):
                continue
            covered.append((m.start(), m.end()))
            tok_i = _token_at(r, m.start())
            if tok_i is None:
                continue
            value = _date_value(r, m, kind)
            if value is None:
                continue
            dist = abs(tok_i - tok.i) + (0 if tok_i < tok.i else 3)
            if best is None or dist < best[0]:
                best = (dist, value)
    return None if best is None else best[1]


def _token_at(r: Reader, char: int) -> int | None:
    for t in r.doc:
        if t.idx <= char < t.idx + len(t.text):
            return t.i
    return None


def _date_value(r: Reader, m: re.Match, kind: str) -> str | None:
    if kind in ("ymd", "ym"):
        y, mo = int(m.group(1)), int(m.group(2))
        d = int(m.group(3)) if kind == "ymd" else 1
        if not (1800 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return f"{y:04d}-{mo:02d}-{d:02d}" if kind == "ymd" else f"{y:04d}-{mo:02d}"
    if kind == "rel":
        return _counted(r, int(m.group(1)), m.group(2), m.group(3) == "後")
    if kind == "y":
        y = int(m.group(1))
        if len(m.group(1)) == 2:
            ref = (r.doc_year or 2030) % 100
            y += 2000 if y <= ref else 1900
        if not 1800 <= y <= 2100:
            return None
        return f"{y:04d}"
    if r.doc_date is None:
        return None
    year, month = int(r.doc_date[:4]), int(r.doc_date[5:7])
    if kind == "md":
        mo, d = int(m.group(1)), int(m.group(2))
    else:
        mo, d = month, int(m.group(1))
        if r.doc_date[8:10] and d > int(r.doc_date[8:10]) + 1:
            # a day after the publication date is last month's
            mo -= 1
            if mo == 0:
                mo, year = 12, year - 1
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{year:04d}-{mo:02d}-{d:02d}"


def _counted(r: Reader, n: int, unit: str, later: bool) -> str | None:
    """3日前, 2年後: counted from the publication date (its year, for years)."""
    sign = 1 if later else -1
    if unit == "年":
        return f"{r.doc_year + sign * n:04d}" if r.doc_year is not None else None
    try:
        published = datetime.date.fromisoformat(r.doc_date[:10]) if r.doc_date else None
    except ValueError:
        return None
    if published is None:
        return None
    return (published + datetime.timedelta(days=sign * n)).isoformat()


def _ascii_digits(text: str) -> str:
    return text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
