"""The layout computed before the page opens (issue 18): ForceAtlas2, the packing of components, Louvain.

No browser: graph.layout, graph.placement and graph.aggregate on small inline graphs and one random corpus-like
graph; deterministic, finite, nodes apart, small components beside the large one.
"""

from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np
import pytest

import graph
from graph import aggregate, layout, placement, render


def _random_edges(n: int, m: int, seed: int = 3) -> tuple[list[int], list[int], list[float]]:
    rng = random.Random(seed)
    weights = [rng.paretovariate(1.2) for _ in range(n)]
    pairs: dict[tuple[int, int], float] = {}
    while len(pairs) < m:
        a, b = rng.choices(range(n), weights=weights, k=2)
        if a != b:
            pairs[min(a, b), max(a, b)] = float(rng.randint(1, 4))
    keys = sorted(pairs)
    return [a for a, _ in keys], [b for _, b in keys], [pairs[k] for k in keys]


def test_forceatlas2_is_seeded_and_finite():
    src, tgt, w = _random_edges(120, 300)
    a = layout.forceatlas2(120, src, tgt, w, seed=7)
    b = layout.forceatlas2(120, src, tgt, w, seed=7)
    assert a.shape == (120, 2) and np.isfinite(a).all()
    assert (a == b).all()
    assert not (a == layout.forceatlas2(120, src, tgt, w, seed=8)).all()


def test_forceatlas2_draws_linked_nodes_closer_than_others():
    # two cliques joined by one link: inside a clique the nodes are nearer than across
    G = nx.barbell_graph(8, 0)
    src, tgt = zip(*G.edges(), strict=True)
    pos = layout.forceatlas2(16, src, tgt, [1.0] * len(src), seed=7)
    left, right = pos[:8], pos[8:]
    inside = np.mean([np.linalg.norm(p - q) for p in left for q in left if p is not q])
    across = np.mean([np.linalg.norm(p - q) for p in left for q in right])
    assert across > 1.5 * inside


def test_the_grid_repulsion_is_the_exact_one_within_a_percent():
    rng = np.random.default_rng(1)
    pos = np.concatenate([rng.normal(size=(900, 2)) * 100, rng.normal(size=(100, 2)) * 2000])  # a core and a halo
    mass = rng.integers(1, 12, len(pos)).astype(float)
    exact = layout._exact(pos, mass)
    grid = layout._grid(pos, mass)
    error = np.hypot(*(grid - exact).T) / np.hypot(*exact.T)
    assert np.median(error) < 0.01 and np.percentile(error, 95) < 0.05


@pytest.mark.parametrize("n", [0, 1, 2, 3, 5])
def test_tiny_graphs_are_placed(n):
    src, tgt = list(range(n - 1)), list(range(1, n))
    pos = placement.place(n, src, tgt, [1.0] * len(src))
    assert pos.shape == (n, 2) and np.isfinite(pos).all()
    if n >= 2:
        assert len({tuple(p) for p in pos.round(3)}) == n, "no two actors on one spot"


def test_components_are_packed_beside_the_largest_and_nodes_do_not_overlap():
    src, tgt, w = _random_edges(150, 320)
    # three small components and four actors in no relation
    src += [150, 152, 153, 155]
    tgt += [151, 153, 154, 156]
    w += [1.0] * 4
    n = 161
    radius = np.full(n, 12.0)
    radius[:10] = 40.0
    pos = placement.place(n, src, tgt, w, radius=radius)
    groups = placement.components(n, src, tgt)
    assert len(groups[0]) > 100 and [len(g) for g in groups[1:4]] == [3, 2, 2]
    boxes = [(pos[g].min(axis=0) - 1, pos[g].max(axis=0) + 1) for g in groups if len(g) > 1]
    for i, (lo, hi) in enumerate(boxes):
        for lo2, hi2 in boxes[i + 1 :]:
            assert (hi < lo2).any() or (hi2 < lo).any(), "components do not overlap"
    lone = [g[0] for g in groups if len(g) == 1]
    linked = [i for g in groups if len(g) > 1 for i in g]
    assert {157, 158, 159, 160} <= set(lone) and (pos[lone][:, 1] > pos[linked][:, 1].max()).all(), "lone ones below"
    main = groups[0]
    d = np.hypot(*(pos[main][:, None, :] - pos[main][None, :, :]).transpose(2, 0, 1))
    need = radius[main][:, None] + radius[main][None, :]
    np.fill_diagonal(d, np.inf)
    assert (d >= 0.9 * need).all(), "overlapping actors are pushed apart"
    width, height = np.ptp(pos[main], axis=0)
    assert width >= height, "the largest component lies along the screen"


def test_communities_are_numbered_by_size_and_seeded():
    ids = [f"n{i:02d}" for i in range(12)]
    edges = [(f"n{a:02d}", f"n{b:02d}", 1) for a in range(6) for b in range(a + 1, 6)]
    edges += [(f"n{a:02d}", f"n{b:02d}", 1) for a in range(6, 10) for b in range(a + 1, 10)]
    edges += [("n00", "n06", 1)]
    weights = aggregate.pair_weights(ids, edges)
    found = aggregate.communities(12, weights, seed=7)
    assert found[:6] == [0] * 6 and found[6:10] == [1] * 4 and found[10:] == [-1, -1]
    assert aggregate.communities(12, weights, seed=7) == found
    assert aggregate.strengths(12, weights)[0] == 6 and aggregate.strengths(12, weights)[11] == 0


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        (["1961", "2024-06", "2024-06-19"], ([[1961, 1], [2024, 2]], 0)),
        (["", None, "昨年", "2000"], ([[2000, 1]], 3)),
        ([], ([], 0)),
    ],
)
def test_the_years_of_the_evidence(times, expected):
    assert aggregate.years([{"time": t} for t in times]) == expected


def _europe():
    rel = {
        "doc": "e.txt",
        "sentence_index": 0,
        "source_type": "country",
        "target_type": "country",
        "predicate": "協力",
        "modality": "asserted",
        "time": None,
        "confidence": 0.8,
    }
    names = {"FRA": "フランス", "DEU": "ドイツ", "ITA": "イタリア", "ESP": "スペイン"}
    out = []
    for i, (s, t, rtype) in enumerate(
        [("FRA", "DEU", "treaty"), ("DEU", "FRA", "criticism"), ("ITA", "FRA", "request"), ("ESP", "ITA", "support")]
    ):
        out.append(
            rel
            | {
                "sentence": f"文{i}。",
                "source": s,
                "source_label": names[s],
                "source_mention": names[s],
                "type": rtype,
                "target": t,
                "target_label": names[t],
                "target_mention": names[t],
            }
        )
    return graph.build_graph(out, [{"id": "LUX", "type": "country", "name": "ルクセンブルク", "mentions": 1}])


def test_to_pyvis_gives_positions_communities_and_weighted_degrees():
    net = graph.to_pyvis(_europe())
    nodes = {n["id"]: n for n in net.nodes}
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes.values())
    assert nodes["FRA"]["strength"] == 3 and nodes["LUX"]["strength"] == 0 and nodes["LUX"]["community"] == -1
    assert nodes["FRA"]["sizes"]["relations"] > nodes["ESP"]["sizes"]["relations"]
    assert json_options(net)["physics"]["enabled"] is False
    data = render.map_data(net)
    assert data["view"]["laid_out"] is True and data["view"]["years"] is None
    # a Network built by hand has no positions: the page lays it out with vis-network's physics, as before
    from pyvis.network import Network

    hand = Network(directed=True)
    hand.add_node("a")
    hand.add_node("b")
    hand.add_edge("a", "b")
    data = render.map_data(hand)
    assert data["view"]["laid_out"] is False and data["nodes"][0]["community"] == -1
    assert data["nodes"][0]["strength"] == 1 and data["edges"][0]["undated"] == 1


def json_options(net) -> dict:
    import json

    return json.loads(net.options.to_json())


def test_the_layout_does_not_depend_on_the_order_of_the_input():
    G = _europe()
    H = nx.MultiDiGraph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    a = {n["id"]: (n["x"], n["y"], n["community"]) for n in graph.to_pyvis(G).nodes}
    b = {n["id"]: (n["x"], n["y"], n["community"]) for n in graph.to_pyvis(H).nodes}
    assert a == b
    assert all(math.isfinite(x) and math.isfinite(y) for x, y, _ in a.values())
