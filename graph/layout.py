"""Where each actor sits on the map: ForceAtlas2, computed in Python before the page opens.

The map opens still, with no physics dance, and the same graph always gets
the same picture: the layout is ForceAtlas2 (Jacomy et al. 2014, the layout
Gephi users know) started from seeded random positions, run for a bounded
number of steps, rounded, and written into the page as each node's ``x`` and
``y``. networkx's own ``forceatlas2_layout`` computes every pair of nodes at
every step (45 s for 2,000 actors here); this one computes the repulsion of
far-away nodes from grid cells (a Barnes-Hut approximation on a fixed
quadtree), so 2,000 actors and 10,000 relations take about a second.

Examples
--------
>>> pos = forceatlas2(4, [0, 1, 2], [1, 2, 3], [1.0, 1.0, 1.0], seed=7)
>>> pos.shape
(4, 2)
>>> bool((forceatlas2(4, [0, 1, 2], [1, 2, 3], [1.0, 1.0, 1.0], seed=7) == pos).all())
True
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["FA2", "forceatlas2", "iterations_for", "neighbour_pairs"]

Array = npt.NDArray[np.float64]

# The last fraction of the steps during which the moves shrink to nothing.
COOLING = 0.3

# The finest level of the repulsion grid: 2 ** 10 cells a side.
MAX_LEVELS = 10

# Below this many nodes every pair is computed exactly; above, far nodes act through grid cells.
EXACT_UP_TO = 300


@dataclass(frozen=True, slots=True)
class FA2:
    """ForceAtlas2's settings (Gephi's names); the defaults are geokg's, tuned on the development corpus."""

    scaling: float = 2.0  # repulsion strength kr
    gravity: float = 1.0  # pull toward the centre
    strong_gravity: bool = False  # a pull that grows with the distance: nothing drifts far out
    linlog: bool = False  # log attraction (LinLog): tighter communities, but leaves pile up on their hub
    dissuade_hubs: bool = True  # a hub's attraction shared among its links: hubs go to the centre
    edge_weight_influence: float = 1.0
    jitter_tolerance: float = 1.0


def iterations_for(n_nodes: int) -> int:
    """Steps of ForceAtlas2: 300 for small graphs, fewer as they grow (70 at 2,000 actors)."""
    return max(60, min(300, 140_000 // max(n_nodes, 1)))


def forceatlas2(
    n: int,
    sources: Sequence[int] | npt.NDArray[np.int64],
    targets: Sequence[int] | npt.NDArray[np.int64],
    weights: Sequence[float] | Array,
    *,
    seed: int = 7,
    iterations: int | None = None,
    settings: FA2 = FA2(),  # frozen, so a shared default is safe
) -> Array:
    """Positions (n × 2) of nodes ``0 … n-1`` linked by the edges ``sources[k] – targets[k]`` of ``weights[k]``.

    Deterministic: the start is drawn from ``numpy.random.default_rng(seed)``.
    """
    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros((0, 2))
    src, tgt = np.asarray(sources, dtype=np.int64), np.asarray(targets, dtype=np.int64)
    w = np.asarray(weights, dtype=np.float64) ** settings.edge_weight_influence
    mass: Array = 1.0 + (np.bincount(src, minlength=n) + np.bincount(tgt, minlength=n)).astype(np.float64)
    pos = rng.uniform(-1.0, 1.0, size=(n, 2)) * 10.0 * math.sqrt(n)
    state = _Speed()
    old = np.zeros((n, 2))
    steps = iterations if iterations is not None else iterations_for(n)
    cooling = max(1, int(steps * COOLING))
    for k in range(steps):
        force = _repulsion(pos, mass, settings.scaling)
        force += _gravity(pos, mass, settings.gravity, strong=settings.strong_gravity)
        force += _attraction(pos, src, tgt, w, mass, settings)
        step = state.factors(force, old, mass, settings.jitter_tolerance)
        # the last steps cool down to a standstill, so the result is settled rather than mid-swing
        temperature = min(1.0, (steps - k) / cooling)
        pos += _capped(force * (step * temperature)[:, None], pos)
        old = force
    return pos


class _Speed:
    """ForceAtlas2's adaptive speed: fast while the nodes move together, slow where they swing."""

    def __init__(self) -> None:
        self.speed = 1.0
        self.efficiency = 1.0

    def factors(self, force: Array, old: Array, mass: Array, tolerance: float) -> Array:
        n = len(mass)
        swinging = mass * np.hypot(*(force - old).T)
        traction = 0.5 * mass * np.hypot(*(force + old).T)
        total_swing, total_traction = float(swinging.sum()), float(traction.sum())
        optimal = 0.05 * math.sqrt(n)
        jitter = tolerance * max(math.sqrt(optimal), min(10.0, optimal * total_traction / n**2))
        if total_traction > 0 and total_swing / total_traction > 2.0:
            if self.efficiency > 0.05:
                self.efficiency *= 0.5
            jitter = max(jitter, tolerance)
        target = jitter * self.efficiency * total_traction / total_swing if total_swing > 0 else self.speed * 1.5
        if total_swing > jitter * total_traction:
            if self.efficiency > 0.05:
                self.efficiency *= 0.7
        elif self.speed < 1000:
            self.efficiency *= 1.3
        self.speed += min(target - self.speed, 0.5 * self.speed)
        step: Array = self.speed / (1.0 + np.sqrt(self.speed * swinging))
        return step


def _capped(move: Array, pos: Array) -> Array:
    """The moves, none longer than a quarter of the drawing's median radius.

    One near-coincident pair can give a node a kick that sends it far out,
    where a few dozen steps cannot bring it back: "Fit" would then show a
    dot and a far-away speck.
    """
    radius = float(np.median(np.hypot(*(pos - np.median(pos, axis=0)).T)))
    length = np.hypot(*move.T)
    limit = max(radius / 4, 1e-9)
    over = length > limit
    if over.any():
        move[over] *= (limit / length[over])[:, None]
    return move


def _gravity(pos: Array, mass: Array, gravity: float, *, strong: bool = False) -> Array:
    centred = pos - pos.mean(axis=0)
    if strong:
        pulled: Array = -(gravity * mass)[:, None] * centred
        return pulled
    dist = np.hypot(*centred.T)
    dist[dist == 0] = 1.0
    out: Array = -(gravity * mass / dist)[:, None] * centred
    return out


def _attraction(
    pos: Array, src: npt.NDArray[np.int64], tgt: npt.NDArray[np.int64], w: Array, mass: Array, settings: FA2
) -> Array:
    delta = pos[src] - pos[tgt]
    dist = np.hypot(*delta.T)
    if settings.linlog:
        safe = np.where(dist > 0, dist, 1.0)
        pull = w * np.log1p(dist) / safe
    else:
        pull = w.copy()
    if settings.dissuade_hubs:
        pull_s, pull_t = pull / mass[src], pull / mass[tgt]
        pull_s *= mass.mean()
        pull_t *= mass.mean()
    else:
        pull_s = pull_t = pull
    out = np.zeros_like(pos)
    for axis in (0, 1):
        out[:, axis] -= np.bincount(src, pull_s * delta[:, axis], minlength=len(pos))
        out[:, axis] += np.bincount(tgt, pull_t * delta[:, axis], minlength=len(pos))
    return out


def _repulsion(pos: Array, mass: Array, kr: float) -> Array:
    """kr · m_i · m_j / d between every two nodes (exactly, or far nodes through grid cells)."""
    if len(pos) <= EXACT_UP_TO:
        return kr * _exact(pos, mass)
    return kr * _grid(pos, mass)


def _exact(pos: Array, mass: Array) -> Array:
    x, y = pos[:, 0], pos[:, 1]
    d2 = np.subtract.outer(x, x) ** 2
    d2 += np.subtract.outer(y, y) ** 2
    np.fill_diagonal(d2, 1.0)
    np.maximum(d2, 1e-4, out=d2)
    w = mass[None, :] / d2
    np.fill_diagonal(w, 0.0)
    # sum_j w_ij (p_i - p_j) = p_i * sum_j w_ij - (w @ p)_i, in one product
    both = w @ np.column_stack([pos, np.ones(len(pos))])
    out: Array = mass[:, None] * (pos * both[:, 2:] - both[:, :2])
    return out


def _grid(pos: Array, mass: Array) -> Array:
    """Near nodes exactly, far ones through the cells of a quadtree's levels (each cell acts once on a node)."""
    levels, cell = _finest(pos)
    out = _near(pos, mass, cell, 1 << levels)
    masses, cxs, cys, lists = [], [], [], []
    first = 0
    for level in range(2, levels + 1):
        m, cx, cy, far = _far_cells(pos, mass, cell >> (levels - level), 1 << level)
        masses.append(m)
        cxs.append(cx)
        cys.append(cy)
        lists.append(np.where(far >= 0, far + first, -1))
        first += len(m)
    # one pass over every (node, far cell) pair of every level; -1 points at a massless cell
    # (in single precision: twice as fast, and plenty for a force that only has to push the right way)
    fm, fx, fy = (np.concatenate([*parts, [0.0]]).astype(np.float32) for parts in (masses, cxs, cys))
    k = np.concatenate(lists, axis=1)
    dx = pos[:, 0, None].astype(np.float32) - fx[k]
    dy = pos[:, 1, None].astype(np.float32) - fy[k]
    d2 = dx * dx
    d2 += dy * dy
    np.maximum(d2, np.float32(1e-4), out=d2)
    f = fm[k] / d2
    out[:, 0] += np.einsum("ij,ij->i", f, dx)
    out[:, 1] += np.einsum("ij,ij->i", f, dy)
    out *= mass[:, None]
    return out


def _finest(pos: Array) -> tuple[int, npt.NDArray[np.int64]]:
    """The finest grid level and each node's cell in it: fine enough that few nodes share a neighbourhood.

    A layout is dense in its core and sparse outside, so the level is raised
    until the exact near pairs (same or touching cells) are at most about 48 per node.
    """
    n = len(pos)
    lo = pos.min(axis=0)
    side = float(np.ptp(pos, axis=0).max()) * 1.000001 or 1.0
    levels = max(3, math.ceil(math.log2(math.sqrt(n))))
    while True:
        cell = np.clip(((pos - lo) / side * (1 << levels)).astype(np.int64), 0, (1 << levels) - 1)
        counts = np.unique(cell[:, 0] * (1 << levels) + cell[:, 1], return_counts=True)[1]
        if levels >= MAX_LEVELS or 9 * int((counts * counts).sum()) <= 48 * n:
            return levels, cell
        levels += 1


def _interaction_offsets() -> npt.NDArray[np.int64]:
    """For a cell at (even|odd column, even|odd row): the 27 cells of its level that act on it as one mass.

    They are the children of the parent's 3 × 3 neighbours that are not the cell's own neighbours.
    """
    out = np.zeros((2, 2, 27, 2), dtype=np.int64)
    for pc in (0, 1):
        for pr in (0, 1):
            around = [(a - 2 - pc, b - 2 - pr) for a in range(6) for b in range(6)]
            out[pc, pr] = [(dc, dr) for dc, dr in around if abs(dc) > 1 or abs(dr) > 1]
    return out


_FAR = _interaction_offsets()


def _far_cells(
    pos: Array, mass: Array, cell: npt.NDArray[np.int64], size: int
) -> tuple[Array, Array, Array, npt.NDArray[np.int64]]:
    """One level's occupied cells (mass, centroid) and, per node, those acting on it (-1: none)."""
    keys, first, inverse = np.unique(cell[:, 0] * size + cell[:, 1], return_index=True, return_inverse=True)
    m: Array = np.bincount(inverse, mass, minlength=len(keys)).astype(np.float64)
    cx: Array = np.bincount(inverse, mass * pos[:, 0], minlength=len(keys)) / m
    cy: Array = np.bincount(inverse, mass * pos[:, 1], minlength=len(keys)) / m
    c = cell[first]
    offsets = _FAR[c[:, 0] & 1, c[:, 1] & 1]
    index = _CellIndex(c, size)
    far = index.find(c[:, 0, None] + offsets[:, :, 0], c[:, 1, None] + offsets[:, :, 1])
    far = far[:, (far >= 0).any(axis=0)]  # columns no cell uses
    result: npt.NDArray[np.int64] = far[inverse]
    return m, cx, cy, result


class _CellIndex:
    """The occupied cells of one level (sorted, unique) by (column, row): -1 for an empty or outside cell.

    A dense table with a margin of 3 cells, so that looking up a neighbour needs no bounds check.
    """

    def __init__(self, cells: npt.NDArray[np.int64], size: int) -> None:
        self.side = size + 6
        self.table = np.full(self.side * self.side, -1, dtype=np.int64)
        self.table[(cells[:, 0] + 3) * self.side + cells[:, 1] + 3] = np.arange(len(cells))

    def find(self, col: npt.NDArray[np.int64], row: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        found: npt.NDArray[np.int64] = self.table[(col + 3) * self.side + row + 3]
        return found


def _near(pos: Array, mass: Array, cell: npt.NDArray[np.int64], size: int) -> Array:
    """Exact repulsion between nodes in the same or touching cells of the finest level."""
    n = len(pos)
    out = np.zeros((n, 2))
    for i, j in neighbour_pairs(cell, size):
        delta = pos[i] - pos[j]
        f = mass[j] / np.maximum((delta**2).sum(axis=1), 1e-4)
        for axis in (0, 1):
            out[:, axis] += np.bincount(i, f * delta[:, axis], minlength=n)
    return out


def neighbour_pairs(
    cell: npt.NDArray[np.int64], size: int
) -> Iterator[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]:
    """Every (i, j), i ≠ j, of nodes in the same or touching cells, nine batches (one per direction)."""
    n = len(cell)
    key = cell[:, 0] * size + cell[:, 1]
    order = np.argsort(key, kind="stable")
    _, first, counts = np.unique(key, return_index=True, return_counts=True)
    starts = np.cumsum(counts) - counts
    index = _CellIndex(cell[first], size)
    for dc in (-1, 0, 1):
        for dr in (-1, 0, 1):
            other = index.find(cell[:, 0] + dc, cell[:, 1] + dr)
            cnt = np.where(other >= 0, counts[other], 0)
            i = np.repeat(np.arange(n), cnt)
            within = np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt)
            j = order[np.repeat(starts[other], cnt) + within]
            keep = i != j
            yield i[keep], j[keep]
