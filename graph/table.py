"""Query results as lists that print as aligned text tables.

A :class:`Table` is a plain ``list`` of rows (frozen dataclasses), so a
script iterates, indexes and filters it as any list; printing it, or showing
it in a notebook, draws a table. Japanese text is measured by display width
(a kanji takes two columns), so columns stay aligned in a terminal.
"""

from __future__ import annotations

import dataclasses
import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["Table", "display_width", "printable", "printable_json", "truncate"]

# What a terminal would act on rather than show: C0 and C1 controls (ESC starts the escape
# sequences that move the cursor, recolour or retitle the window), line separators, bidi
# overrides (which reorder what is shown), and lone surrogates (which cannot be encoded).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNPRINTABLE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""``text`` safe to print to a terminal: control characters and the like shown as escapes.

    Article text and file names are data; an escape sequence in them must be
    shown, not obeyed. Line breaks and tabs are escaped too, so one message
    stays one line.

    >>> printable("ロシア\x1b[2J\u202e.txt\n")
    'ロシア\\x1b[2J\\u202e.txt\\x0a'
    """
    return _UNPRINTABLE.sub(_escape, text)


def printable_json(text: str) -> str:
    r"""JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the characters a terminal acts on escaped.

    ``json.dumps`` escapes C0 controls already but leaves DEL, C1 controls and
    bidi overrides raw; they become ``\uXXXX``, which is still the same JSON.

    >>> import json
    >>> printable_json(json.dumps("a\x9bb\u202e", ensure_ascii=False))
    '"a\\u009bb\\u202e"'
    """
    return _UNPRINTABLE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count two.

    >>> display_width("RUS"), display_width("ロシア"), display_width("ﾛｼｱ")
    (3, 6, 3)
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def truncate(text: str, width: int) -> str:
    """Cut ``text`` to at most ``width`` columns, marking the cut with "…".

    >>> truncate("北朝鮮とソ連が1961年に条約を締結した", 16)
    '北朝鮮とソ連が1…'
    """
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple | list | frozenset | set):
        return printable(", ".join(" ".join(str(v).split()) for v in value))
    return printable(" ".join(str(value).split()))


Column = tuple  # (header, getter) or (header, getter, "right")


class Table(list):
    """A list of result rows that prints as a table.

    Each row type declares its columns in a ``_columns`` class attribute:
    ``(header, getter)`` pairs, or ``(header, getter, "right")`` to align
    right; columns of numbers align right anyway. ``title`` (optional) is printed above.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Row:
    ...     name: str
    ...     n: int
    ...     _columns = (("name", lambda r: r.name), ("n", lambda r: r.n))
    >>> t = Table([Row("ロシア", 3), Row("北朝鮮", 12)], title="mentions")
    >>> print(t)
    mentions
    name     n
    ------  --
    ロシア   3
    北朝鮮  12
    >>> t[1].n, len(t)
    (12, 2)
    >>> t.to_dicts()[0]
    {'name': 'ロシア', 'n': 3}
    """

    def __init__(
        self, rows: Iterable[Any] = (), *, title: str = "", columns: Sequence[Column] | None = None, max_width: int = 48
    ) -> None:
        super().__init__(rows)
        self.title = title
        self._explicit_columns = tuple(columns) if columns is not None else None
        self.max_width = max_width

    @property
    def columns(self) -> tuple[Column, ...]:
        if self._explicit_columns is not None:
            return self._explicit_columns
        if self:
            return tuple(getattr(type(self[0]), "_columns", ()))
        return ()

    def to_string(self, *, max_width: int | None = -1) -> str:
        """The table as text; cells longer than ``max_width`` columns are cut (None: never)."""
        limit = self.max_width if max_width == -1 else max_width
        lines = [printable(self.title)] if self.title else []
        columns = self.columns
        if not self:
            lines.append("(no results)")
            return "\n".join(lines)
        if not columns:
            lines.extend(repr(r) for r in self)
            return "\n".join(lines)
        cells = [[_cell(col[1](r)) for col in columns] for r in self]
        if limit is not None:
            cells = [[truncate(c, limit) for c in row] for row in cells]
        headers = [col[0] for col in columns]
        widths = [max(display_width(x) for x in [h, *(row[i] for row in cells)]) for i, h in enumerate(headers)]
        # Numbers align right: columns whose values are all numbers, or that say so ("right").
        numeric = [
            (len(col) > 2 and col[2] == "right")
            or all(isinstance(v, int | float) and not isinstance(v, bool) for v in (col[1](r) for r in self))
            for col in columns
        ]
        lines.append("  ".join(_pad(h, w, n) for h, w, n in zip(headers, widths, numeric, strict=True)).rstrip())
        lines.append("  ".join("-" * w for w in widths))
        for row in cells:
            lines.append("  ".join(_pad(c, w, n) for c, w, n in zip(row, widths, numeric, strict=True)).rstrip())
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_string()

    def __repr__(self) -> str:
        return self.to_string()

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # IPython / Jupyter
        p.text(self.to_string())

    def _repr_html_(self) -> str:  # Jupyter: a real table, cells in full
        head = "".join(f"<th>{html.escape(col[0])}</th>" for col in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_cell(col[1](r)))}</td>" for col in self.columns) + "</tr>"
            for r in self
        )
        caption = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as plain dicts (for JSON, pandas.DataFrame, csv.DictWriter)."""
        return [
            dataclasses.asdict(r) if dataclasses.is_dataclass(r) and not isinstance(r, type) else dict(r) for r in self
        ]

    def __getitem__(self, index: Any) -> Any:
        item = super().__getitem__(index)
        if isinstance(index, slice):
            return Table(item, title=self.title, columns=self._explicit_columns, max_width=self.max_width)
        return item
