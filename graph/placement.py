"""Where the map's components go: each laid out on its own, then packed together at one scale.

ForceAtlas2 (:mod:`graph.layout`) on a whole corpus sends the small
components (two actors named together in one article) far out, which would
shrink everything else at "Fit". So each component is laid out on its own,
the largest is scaled so that its nodes have room, overlapping nodes are
pushed apart, and the others are packed beside it in rows or columns; the
nodes in no relation (hidden until asked for) go in rows at the bottom.

>>> pos = place(5, [0, 1, 3], [1, 2, 4], [1.0, 1.0, 1.0])
>>> pos.shape, bool((pos == place(5, [0, 1, 3], [1, 2, 4], [1.0, 1.0, 1.0])).all())
((5, 2), True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from .layout import Array, forceatlas2, neighbour_pairs

__all__ = ["components", "place", "separate"]


def components(
    n: int, sources: Sequence[int] | npt.NDArray[np.int64], targets: Sequence[int] | npt.NDArray[np.int64]
) -> list[list[int]]:
    """The connected components of nodes ``0 … n-1``: largest first, then by their smallest node."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(sources, targets, strict=True):
        ra, rb = root(int(a)), root(int(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def place(
    n: int,
    sources: Sequence[int],
    targets: Sequence[int],
    weights: Sequence[float],
    *,
    radius: Sequence[float] | None = None,
    spacing: float = 45.0,
    edge_length: float = 110.0,
    seed: int = 7,
    aspect: float = 1.6,
) -> Array:
    """Positions for a whole map: each component laid out on its own, the small ones packed beside the largest.

    One scale for all the components: in the largest, the median distance
    from a node to its nearest neighbour is at least ``spacing`` and the
    median link at least ``edge_length`` (so that dense and sparse graphs
    alike leave room for the nodes and their lines). Then no two nodes of
    ``radius`` (the drawn size) overlap, and the other components are packed
    in rows under the largest or in columns to its right, whichever brings
    the whole closer to ``aspect`` (width / height, a screen's); nodes in no
    relation go in rows at the bottom.
    """
    out = np.zeros((n, 2))
    if n == 0:
        return out
    src, tgt, w = np.asarray(sources, np.int64), np.asarray(targets, np.int64), np.asarray(weights, np.float64)
    size = np.asarray(radius, np.float64) if radius is not None else np.full(n, spacing / 4)
    groups = components(n, src, tgt)
    shapes: list[tuple[list[int], Array]] = []
    unit = 0.0
    for group in (g for g in groups if len(g) > 1):
        pos = _component(group, src, tgt, w, n, seed)
        if len(group) <= 3:
            shapes.append((group, pos * max(2 * spacing, 2.5 * float(size[group].max()))))
            continue
        unit = unit or max(
            spacing / max(_nearest(pos, seed), 1e-9), edge_length / _median_link(pos, group, src, tgt, n)
        )
        shapes.append((group, separate(_level(pos) * unit, size[group])))
    single = [g[0] for g in groups if len(g) == 1]
    return _pack(out, shapes, single, gap=2 * spacing, aspect=aspect)


def separate(pos: Array, radius: Array, *, margin: float = 16.0, rounds: int = 12) -> Array:
    """The positions with overlapping nodes (discs of ``radius`` plus ``margin``) pushed apart, a few rounds."""
    pos = pos.copy()
    if len(pos) < 2:
        return pos
    reach = 2 * float(radius.max()) + margin
    for _ in range(rounds):
        cell = np.floor((pos - pos.min(axis=0)) / reach).astype(np.int64)
        size = int(cell.max()) + 1
        push = np.zeros_like(pos)
        moved = False
        for i, j in neighbour_pairs(cell, size):
            delta = pos[i] - pos[j]
            dist = np.hypot(*delta.T)
            overlap = radius[i] + radius[j] + margin - dist
            hit = overlap > 0
            if not hit.any():
                continue
            moved = True
            i, delta, dist, overlap = i[hit], delta[hit], dist[hit], overlap[hit]
            # coincident nodes part along a fixed direction; each side moves half the overlap
            unit = np.where(dist[:, None] > 1e-9, delta / np.maximum(dist, 1e-9)[:, None], [1.0, 0.0])
            for axis in (0, 1):
                push[:, axis] += np.bincount(i, unit[:, axis] * overlap / 2, minlength=len(pos))
        if not moved:
            break
        pos += push
    return pos


def _level(pos: Array) -> Array:
    """The layout turned so that its long axis lies along x (screens are wide); which way round is fixed."""
    centred = pos - pos.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov(centred.T))
    turned: Array = centred @ vectors[:, ::-1]  # the axis of the largest spread first
    # eigenvectors have no sign: make the far end of each axis the positive one
    for axis in (0, 1):
        if turned[np.argmax(np.abs(turned[:, axis])), axis] < 0:
            turned[:, axis] = -turned[:, axis]
    return turned


def _median_link(pos: Array, group: list[int], src: npt.NDArray[np.int64], tgt: npt.NDArray[np.int64], n: int) -> float:
    local = np.full(n, -1, dtype=np.int64)
    local[group] = np.arange(len(group))
    inside = local[src] >= 0
    lengths = np.hypot(*(pos[local[src[inside]]] - pos[local[tgt[inside]]]).T)
    return max(float(np.median(lengths)), 1e-9)


def _nearest(pos: Array, seed: int, sample: int = 400) -> float:
    """The median distance from a node to its nearest neighbour (over a seeded sample of the nodes)."""
    rng = np.random.default_rng(seed)
    some = pos if len(pos) <= sample else pos[rng.choice(len(pos), sample, replace=False)]
    d2 = ((some[:, None, :] - pos[None, :, :]) ** 2).sum(axis=2)
    d2[d2 == 0] = np.inf  # the node itself (and exact duplicates)
    return float(np.median(np.sqrt(d2.min(axis=1))))


def _component(
    group: list[int], src: npt.NDArray[np.int64], tgt: npt.NDArray[np.int64], w: Array, n: int, seed: int
) -> Array:
    """One component's layout: ForceAtlas2, or a fixed shape for two or three actors (a line, a triangle)."""
    if len(group) == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    if len(group) == 3:
        return np.array([[0.0, 0.0], [1.0, 0.0], [0.5, 0.87]])
    local = np.full(n, -1, dtype=np.int64)
    local[group] = np.arange(len(group))
    inside = local[src] >= 0
    return forceatlas2(len(group), local[src[inside]], local[tgt[inside]], w[inside], seed=seed)


def _pack(out: Array, shapes: list[tuple[list[int], Array]], single: list[int], *, gap: float, aspect: float) -> Array:
    """The largest component centred on (0, 0), the others beside it, the lone nodes in rows under all."""
    lo, hi = np.zeros(2), np.zeros(2)
    if shapes:
        (first, pos), rest = shapes[0], shapes[1:]
        out[first] = pos - (pos.min(axis=0) + pos.max(axis=0)) / 2
        lo, hi = out[first].min(axis=0), out[first].max(axis=0)
        boxes = [(g, p - p.min(axis=0)) for g, p in rest]
        below = _shelves(boxes, width=max(hi[0] - lo[0], gap * 6), gap=gap)
        right = _shelves([(g, p[:, ::-1]) for g, p in boxes], width=max(hi[1] - lo[1], gap * 6), gap=gap)
        if _closeness(lo, hi, below, gap, aspect, down=True) <= _closeness(lo, hi, right, gap, aspect, down=False):
            for g, p in below:
                out[g] = p + np.array([lo[0], hi[1] + 2 * gap])
        else:
            for g, p in right:
                out[g] = p[:, ::-1] + np.array([hi[0] + 2 * gap, lo[1]])
        lo, hi = out[[i for g, _ in shapes for i in g]].min(axis=0), out[[i for g, _ in shapes for i in g]].max(axis=0)
    per_row = max(1, int((hi[0] - lo[0]) // gap) + 1)
    for k, i in enumerate(single):
        out[i] = [lo[0] + (k % per_row) * gap, hi[1] + 2 * gap + (k // per_row) * gap]
    return out


def _shelves(boxes: list[tuple[list[int], Array]], *, width: float, gap: float) -> list[tuple[list[int], Array]]:
    """Shapes (each starting at 0, 0) in rows no wider than ``width``, from the top left."""
    placed = []
    x = y = row = 0.0
    for group, p in boxes:
        w, h = float(p[:, 0].max()), float(p[:, 1].max())
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row + gap, 0.0
        placed.append((group, p + np.array([x, y])))
        x += w + gap
        row = max(row, h)
    return placed


def _closeness(
    lo: Array, hi: Array, packed: list[tuple[list[int], Array]], gap: float, aspect: float, *, down: bool
) -> float:
    """How far from ``aspect`` the whole drawing is with the small components packed below (or right)."""
    w, h = float(hi[0] - lo[0]), float(hi[1] - lo[1])
    if packed:
        extent = np.concatenate([p for _, p in packed]).max(axis=0)
        if down:
            h += 2 * gap + float(extent[1])
        else:
            w += 2 * gap + float(extent[1])
    return abs(math.log(max(w, gap) / max(h, gap) / aspect))
