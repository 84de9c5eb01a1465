"""What the map computes over the whole graph before the page opens: pairs, weights, communities, years.

The map draws a corpus, not an article: it needs, for each pair of actors,
how many pieces of evidence link them (the layout's springs and the width of
the pair's line), each actor's weighted degree (its importance: node size,
label priority, the top-N filter) and the communities Louvain finds (a colour
mode and a filter). All of it is computed from the relation edges in sorted
order with a fixed seed, so the same graph always gives the same numbers.

Examples
--------
>>> w = pair_weights(["A", "B", "C"], [("A", "B", 2), ("B", "A", 1), ("B", "C", 1), ("C", "C", 4)])
>>> w
{(0, 1): 3, (1, 2): 1}
>>> strengths(3, w)
[3, 4, 1]
>>> communities(3, w, seed=7)
[0, 0, 0]
>>> years([{"time": "2024-06-19"}, {"time": "2024"}, {"time": "1961"}, {"time": ""}, {"time": "昨年"}])
([[1961, 1], [2024, 2]], 2)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

__all__ = ["communities", "pair_weights", "strengths", "years"]

_YEAR = re.compile(r"^(\d{4})(?:-\d{1,2}(?:-\d{1,2})?)?$")


def pair_weights(ids: Sequence[str], edges: Iterable[tuple[str, str, int]]) -> dict[tuple[int, int], int]:
    """Evidence between each two actors, either way and of any type: ``{(i, j): count}`` with ``i < j``.

    ``ids`` fixes the node numbers; loops (an actor with itself) are left out.
    """
    index = {n: i for i, n in enumerate(ids)}
    out: dict[tuple[int, int], int] = defaultdict(int)
    for s, t, count in edges:
        a, b = index[s], index[t]
        if a != b:
            out[min(a, b), max(a, b)] += max(int(count), 1)
    return dict(sorted(out.items()))


def strengths(n: int, weights: Mapping[tuple[int, int], int]) -> list[int]:
    """Each node's weighted degree: the evidence of all its relations with others."""
    out = [0] * n
    for (a, b), w in weights.items():
        out[a] += w
        out[b] += w
    return out


def communities(n: int, weights: Mapping[tuple[int, int], int], *, seed: int = 7) -> list[int]:
    """Louvain communities (networkx, seeded): a number per node, 0 for the largest; -1 for a node with no relation.

    Numbered by size, then by their first node, so the numbers do not depend
    on the order Louvain found them in.
    """
    linked = sorted({i for pair in weights for i in pair})
    if not linked:
        return [-1] * n
    H = nx.Graph()
    H.add_nodes_from(linked)
    H.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    found = nx.community.louvain_communities(H, weight="weight", seed=seed)
    ranked = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    out = [-1] * n
    for number, members in enumerate(ranked):
        for i in members:
            out[i] = number
    return out


def years(evidence: Iterable[Mapping[str, Any]]) -> tuple[list[list[int]], int]:
    """The years of an edge's evidence as ``[[year, count], …]`` (sorted), and how many are undated.

    A time the map cannot read as a year (``昨年``) counts as undated.
    """
    counts: Counter[int] = Counter()
    undated = 0
    for ev in evidence:
        m = _YEAR.match(str(ev.get("time") or "").strip())
        if m:
            counts[int(m[1])] += 1
        else:
            undated += 1
    return [[y, counts[y]] for y in sorted(counts)], undated
