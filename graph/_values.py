"""Values as the map's page needs them: tolerant converters for graphs read back from JSON or GraphML,
and for whatever a pyvis user adds to a Network.

>>> as_text(None), as_text(float("nan")), as_int("3"), as_int("x"), as_float("inf")
('', '', 3, 0, None)
>>> as_strings("ロシア | ロ | 露"), plain({1: {"b", "a"}})
(['ロシア', 'ロ', '露'], {'1': ['a', 'b']})
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["LIST_SEPARATOR", "MAX_SAFE_INT", "as_float", "as_int", "as_strings", "as_text", "plain"]

LIST_SEPARATOR = " | "  # how GraphML flattens lists (graph.readwrite)
MAX_SAFE_INT = 2**53  # larger integers do not survive JSON.parse


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SAFE_INT:
        return f"{float(value):.6g}" if abs(value) < 10**308 else "(a very large number)"
    return str(value)


def as_int(value: Any, default: int | None = 0) -> int | None:
    try:
        i = int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return i if abs(i) <= MAX_SAFE_INT else default


def as_float(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def as_strings(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [s for s in value.split(LIST_SEPARATOR) if s] if LIST_SEPARATOR in value else [value]
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        return [as_text(v) for v in value]
    return [as_text(value)]


def plain(value: Any) -> Any:
    """A JSON value for the page: finite numbers, str keys, sets sorted; anything else as text."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, numbers.Integral):
        return int(value) if abs(int(value)) <= MAX_SAFE_INT else as_text(int(value))
    if isinstance(value, numbers.Real):
        return as_float(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((plain(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return as_text(value)
