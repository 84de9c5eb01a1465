"""The map's legend and the settings its controls start from: types present, communities, years.

The legend is both key and filter: the actor and relation types present,
with counts and styles, the modalities, the largest communities (named by
their most connected members), and what the page's controls need (the years
the evidence spans, label sizes, the Goldstein colour scale).

>>> import graph
>>> data = graph.render.map_data(graph.example_graph())
>>> [c["names"] for c in data["legend"]["communities"]][:2]
[['北朝鮮', 'ロシア', '韓国'], ['平岩俊司', '南山大']]
>>> data["view"]["years"]
[1961, 2024]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from . import style

__all__ = ["COMMUNITIES_SHOWN", "legend", "view"]

# The legend names this many communities; the others are one "other" entry.
COMMUNITIES_SHOWN = len(style.COMMUNITY_COLORS)


def legend(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """The types present in the graph, in a fixed order, with counts and styles."""

    def counts(items: Iterable[dict[str, Any]], field: str) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for it in items:
            out[it[field]] += 1
        return out

    actor_counts, rel_counts, mod_counts = counts(nodes, "type"), counts(edges, "type"), counts(edges, "modality")

    def order(known: Iterable[str], present: Mapping[str, int]) -> list[str]:
        known = list(known)
        return [k for k in known if k in present] + sorted(k for k in present if k not in known)

    return {
        "actors": [
            {
                "value": a,
                "count": actor_counts[a],
                "text": st.text,
                "shape": st.shape,
                "color": st.color,
                "border": st.border,
            }
            for a in order(style.ACTOR_STYLE, actor_counts)
            for st in [style.ACTOR_STYLE.get(a, style.UNKNOWN_ACTOR)]
        ],
        "relations": [
            {
                "value": r,
                "count": rel_counts[r],
                "text": st.text if r in style.RELATION_STYLE else r,
                "color": st.color,
                "arrows": st.arrows,
                "head": st.head,
            }
            for r in order(style.RELATION_STYLE, rel_counts)
            for st in [style.RELATION_STYLE.get(r, style.UNKNOWN_RELATION)]
        ],
        "modalities": [
            {
                "value": m,
                "count": mod_counts[m],
                "dashes": list(d) if isinstance(d := style.MODALITY_DASHES.get(m), tuple) else [],
            }
            for m in order(style.MODALITY_DASHES, mod_counts)
        ],
        "isolated": sum(1 for n in nodes if n["degree"] == 0),
        "communities": communities(nodes),
        "communities_shown": COMMUNITIES_SHOWN,
        "other_community": style.OTHER_COMMUNITY,
    }


def communities(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The communities, largest first, each named by its three most connected actors, with its colour."""
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for n in nodes:
        if isinstance(n.get("community"), int) and n["community"] >= 0:
            members[n["community"]].append(n)
    out: list[dict[str, Any]] = []
    for number in sorted(members, key=lambda c: (-len(members[c]), c)):
        ranked = sorted(members[number], key=lambda n: (-n.get("strength", 0), -n["mentions"], n["id"]))
        shown = len(out) < COMMUNITIES_SHOWN
        out.append(
            {
                "value": number,
                "count": len(ranked),
                "names": [n["name"] for n in ranked[:3]],
                "color": style.COMMUNITY_COLORS[len(out)] if shown else style.OTHER_COMMUNITY,
            }
        )
    return out


def view(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """What the page's controls start from."""
    spanned = [y for e in edges for y, _ in e["years"]]
    return {
        "laid_out": bool(nodes) and all(_number(n.get("x")) and _number(n.get("y")) for n in nodes),
        "years": [min(spanned), max(spanned)] if spanned else None,
        "undated": sum(e["undated"] for e in edges),
        "labels": {
            "sizes": [list(t) for t in style.LABEL_SIZES],
            "min": style.LABEL_MIN_SIZE,
            "movable": style.LABEL_MOVABLE,
        },
        "goldstein": [list(a) for a in style.GOLDSTEIN_SCALE],
        "unscored": style.UNSCORED_PAIR,
        "other_community": style.OTHER_COMMUNITY,
    }


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
