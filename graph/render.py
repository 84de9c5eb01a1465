"""The interactive map: a pyvis Network, drawn by geokg's own offline page.

:func:`to_pyvis` turns the graph into a styled :class:`pyvis.network.Network`
(nodes, edges, colours, shapes, curves for parallel edges, positions laid
out by ForceAtlas2, Louvain communities) without touching ``G``;
:func:`render_html` writes a page from a graph or from such a Network, so a
Network changed the pyvis way (``net.toggle_physics(False)``,
``net.set_options(...)``, ``net.add_node(...)``) is drawn by the same page.
pyvis's own writers (``show``, ``write_html``, ``generate_html``) are never
used: they copy a ``lib/`` folder into the working directory, load Bootstrap
from a CDN and render tooltips as HTML.

The page is made for a corpus as much as for an article: it opens still (the
layout is computed here, :mod:`graph.layout`), draws one line per pair of
actors (width: evidence, colour: the Goldstein balance of cooperation and
conflict), labels the most important actors at a legible size without
overlaps and more as one zooms in, filters by time, top N actors,
community, type and modality, and fades all but an actor's neighbours when
it is clicked.

The page needs no network: vis-network (vendored in ``graph/static``) and the
map's own script and stylesheet are inlined, there are no web fonts, and a
Content-Security-Policy forbids every request to another host. The graph goes
into the page as JSON data, never as markup; the page builds its tooltips and
panels with DOM text nodes, so article text is always shown as text. The same
input always gives byte-identical HTML (sorted nodes and edges, a seeded
layout and seeded Louvain, no timestamps), and the page written from ``G`` is
the page written from ``to_pyvis(G)``.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("RUS", label="ロシア", type="country")
>>> G.add_node("PRK", label="北朝鮮", type="country")
>>> G.add_edge("PRK", "RUS", key="treaty", type="treaty", symmetric=True, count=1)
'treaty'
>>> net = to_pyvis(G, title="ロ朝")
>>> [n["id"] for n in net.nodes], [(e["from"], e["type"], e["to"]) for e in net.edges]
(['PRK', 'RUS'], [('PRK', 'treaty', 'RUS')])
>>> net.get_node("RUS")["shape"], net.get_node("RUS")["color"]["background"]
('dot', '#4e79a7')
>>> net.get_node("PRK")["x"] < net.get_node("RUS")["x"]     # laid out in Python
True
>>> net.toggle_physics(False)                  # change it the pyvis way ...
>>> html = to_html(net)                        # ... and draw it with geokg's page
>>> html.startswith("<!DOCTYPE html>") and "ロシア" in html and "https://" not in html.split("<script")[0]
True
>>> to_html(G, title="ロ朝") == to_html(to_pyvis(G, title="ロ朝"))
True
"""

from __future__ import annotations

import base64
import copy
import functools
import hashlib
import html as _html
import json
import os
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import networkx as nx

from . import aggregate, map_legend, placement, style
from ._atomic import write_text_atomic
from ._values import as_int, as_text, plain
from .map_items import (
    alias_owners,
    as_multidigraph,
    curves,
    edge_item,
    node_item,
    page_edge,
    page_ids,
    page_node,
    vis_id,
)
from .map_search import query_key, search_data, search_keys

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = [
    "APP_SCRIPTS",
    "VIS_NETWORK_VERSION",
    "NotebookMap",
    "embed_json",
    "map_data",
    "notebook_map",
    "query_key",
    "render_html",
    "search_keys",
    "to_html",
    "to_pyvis",
]

VIS_NETWORK_VERSION = "9.1.2"

# The page's own script, in this order, inlined as one <script> inside one function.
APP_SCRIPTS = (
    "map-util.js",
    "map-pairs.js",
    "map-labels.js",
    "map-search.js",
    "map-filters.js",
    "map-panels.js",
    "map-legend.js",
    "map.js",
)

_TOKEN = re.compile(r"@@([A-Z_]+)@@")
LAYOUT_SEED = 7  # ForceAtlas2's start and Louvain's seed
SPACING = 45.0  # at least: median distance from an actor to its nearest neighbour, in vis-network units
EDGE_LENGTH = 150.0  # at least: the median link

_Drawable = Any  # a networkx graph or a pyvis Network (pyvis is imported only when needed)


# ---------------------------------------------------------------------------
# public API


def to_pyvis(G: nx.Graph, *, title: str = "geokg") -> Network:
    """The styled pyvis Network of ``G``, laid out; ``G`` itself is not modified.

    One node per actor (colour and shape by actor type, size by its evidence,
    ``x`` and ``y`` from ForceAtlas2, its Louvain ``community``) and one edge
    per relation: a directed Network, so parallel edges (several relation
    types between one pair, or both directions) are all kept, each bent by
    its own curve; the page draws them as one line per pair until told
    otherwise. The nodes and edges carry geokg's fields (type, aliases,
    evidence …) for the page's panels and search; there are no HTML
    ``title`` tooltips. Physics is off (the positions are final); the page's
    "Physics" toggle turns it on.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`graph.build_graph` (or read back from graph.json).
        Other networkx graphs are drawn too (a copy is made as a MultiDiGraph).
    title : str
        The Network's ``heading``: the page's title and header.

    Returns
    -------
    pyvis.network.Network
        Change it the pyvis way, then write it with :func:`render_html`
        (never with pyvis's ``write_html`` / ``show``, which write ``lib/``
        into the working directory) or show it in Jupyter with
        :func:`notebook_map`.

    Examples
    --------
    >>> import graph
    >>> net = graph.to_pyvis(graph.example_graph())
    >>> net.directed, len(net.nodes), len(net.edges)
    (True, 13, 19)
    >>> e = next(e for e in net.edges if e["type"] == "sanction")
    >>> e["arrows"], e["color"]["color"], e["evidence"][0]["sentence"]
    ('to', '#ef1600', '米国は2022年、ロシアに制裁を科した。')
    >>> rus = net.get_node("RUS")
    >>> rus["community"], rus["strength"], rus["sizes"]["relations"] < style.MAX_NODE_SIZE
    (0, 10, True)
    """
    from pyvis.edge import Edge
    from pyvis.network import Network

    G = as_multidigraph(G)
    ids = page_ids(G.nodes)
    node_order = sorted(G.nodes, key=lambda n: ids[n])
    edge_order = sorted(G.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], str(e[2]), repr(e[2])))
    net = Network(height="100%", width="100%", directed=True, heading=title, cdn_resources="in_line")
    _merge_options(net.options, style.vis_options(len(node_order), len(edge_order), laid_out=True))
    _add_nodes(net, G, ids, node_order, [(ids[s], ids[t], d) for s, t, _, d in edge_order])
    owners = alias_owners(G)
    bends = curves([(ids[s], ids[t]) for s, t, _, _ in edge_order])
    for (s, t, k, d), curve in zip(edge_order, bends, strict=True):
        item = edge_item(ids[s], ids[t], k, d, curve, owners)
        # pyvis's own Edge, as net.add_edge makes it, without add_edge's check that both nodes
        # exist (a scan of the node list for each end: 0.5 s for 10,000 relations)
        net.edges.append(Edge(item.pop("from"), item.pop("to"), net.directed, **item).options)
    return net


def _add_nodes(
    net: Network, G: nx.MultiDiGraph, ids: Mapping[Any, str], order: list[Any], edges: list[tuple[str, str, Any]]
) -> None:
    placed = _placement([ids[n] for n in order], edges)
    degree = {n: int(d) for n, d in G.degree()}
    mentions = [as_int(G.nodes[n].get("mentions")) or 0 for n in order]
    largest = (max(placed.strength, default=0), max(mentions, default=0))
    for i, n in enumerate(order):
        item = node_item(ids[n], G.nodes[n], degree=degree[n], strength=placed.strength[i], largest=largest)
        item.update(x=placed.x[i], y=placed.y[i], community=placed.community[i])
        net.add_node(item.pop("id"), label=item.pop("label"), shape=item.pop("shape"), color=item.pop("color"), **item)


@dataclass(frozen=True, slots=True)
class _Placement:
    x: list[float]
    y: list[float]
    strength: list[int]
    community: list[int]


def _placement(ids: list[str], edges: list[tuple[str, str, Mapping[str, Any]]]) -> _Placement:
    """Where each actor goes, its weighted degree and its community, from the evidence between each pair."""
    weights = aggregate.pair_weights(ids, ((s, t, _evidence_count(d)) for s, t, d in edges))
    strength = aggregate.strengths(len(ids), weights)
    largest = max(strength, default=0)
    pos = placement.place(
        len(ids),
        [a for a, _ in weights],
        [b for _, b in weights],
        list(weights.values()),
        radius=[style.node_size(s, largest) for s in strength],
        spacing=SPACING,
        edge_length=EDGE_LENGTH,
        seed=LAYOUT_SEED,
    )
    return _Placement(
        x=[round(float(v), 1) + 0.0 for v in pos[:, 0]],
        y=[round(float(v), 1) + 0.0 for v in pos[:, 1]],
        strength=strength,
        community=aggregate.communities(len(ids), weights, seed=LAYOUT_SEED),
    )


def _evidence_count(d: Mapping[str, Any]) -> int:
    count = as_int(d.get("count"))
    if count:
        return count
    ev = d.get("evidence")
    return len(ev) if isinstance(ev, list) and ev else 1


def render_html(obj: _Drawable, path: str | os.PathLike[str], *, title: str | None = None) -> None:
    """Write the map of a graph or a pyvis Network to ``path`` (atomically), and nothing else anywhere.

    Parameters
    ----------
    obj : networkx.MultiDiGraph or pyvis.network.Network
        A graph from :func:`graph.build_graph` (not modified), or a Network
        from :func:`to_pyvis`, changed or not; any pyvis Network is drawn.
    path : str or os.PathLike
        The HTML file to write; its folder is created if needed.
    title : str, optional
        Shown in the browser tab and the page header (escaped). Default: the
        Network's ``heading``, else "geokg".
    """
    write_text_atomic(path, to_html(obj, title=title))


def to_html(obj: _Drawable, *, title: str | None = None) -> str:
    """The map of a graph or a pyvis Network as one HTML document (a string)."""
    net = _as_network(obj, title)
    if title is None:
        title = as_text(getattr(net, "heading", "")) or "geokg"
    data = _map_data(net, fresh=isinstance(obj, nx.Graph))
    vis_js = _static_text("vis-network.min.js", script=True)
    app_js = _app_script()
    parts = {
        "TITLE": _html.escape(title, quote=True),
        "VIS_VERSION": VIS_NETWORK_VERSION,
        "CSP": _csp(vis_js, app_js),
        "VIS_CSS": _static_text("vis-network.min.css", style=True),
        "APP_CSS": _static_text("map.css", style=True),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
        "DATA": embed_json(data),
    }
    # One pass over the template: inserted text (article sentences included) is never rescanned.
    return _TOKEN.sub(lambda m: parts[m.group(1)], _static_text("map.html"))


@dataclass(frozen=True, slots=True)
class NotebookMap:
    """The map for Jupyter: shown as a sandboxed ``<iframe>`` holding the whole page (no files written)."""

    html: str
    height: int = 640

    def _repr_html_(self) -> str:
        return (
            f'<iframe sandbox="allow-scripts" title="geokg map" style="width:100%;height:{int(self.height)}px;'
            f'border:1px solid #d8dbe0" srcdoc="{_html.escape(self.html, quote=True)}"></iframe>'
        )


def notebook_map(obj: _Drawable, *, title: str | None = None, height: int = 640) -> NotebookMap:
    """Show the map of a graph or a pyvis Network in a Jupyter notebook: make it a cell's last value.

    pyvis's ``net.show(..., notebook=True)`` writes files into the working
    directory and loads scripts from a CDN; this writes nothing and works
    offline. The page runs in a sandboxed iframe (scripts, no same-origin
    access to the notebook).

    >>> import graph
    >>> view = graph.notebook_map(graph.example_graph(), height=500)
    >>> view._repr_html_().startswith('<iframe sandbox="allow-scripts"')
    True
    """
    return NotebookMap(to_html(obj, title=title), height)


def embed_json(value: Any) -> str:
    r"""JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\u003c`` ``\u003e`` ``\u0026`` (so ``</script>``
    in an article cannot end the element) and U+2028/U+2029 are escaped too;
    ``JSON.parse`` gives the original strings back.

    >>> embed_json({"s": "</script><b>&"})
    '{"s":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _merge_options(target: Any, values: Mapping[str, Any]) -> None:
    """Set vis-network options on pyvis's Options tree, keeping its objects (so toggle_physics etc. still work)."""
    for key, value in values.items():
        current = getattr(target, key, None)
        if isinstance(value, Mapping) and current is not None and hasattr(current, "__dict__"):
            _merge_options(current, value)
        else:
            setattr(target, key, copy.deepcopy(value))


# ---------------------------------------------------------------------------
# pyvis Network -> page data


def _as_network(obj: _Drawable, title: str | None) -> Any:
    if isinstance(obj, nx.Graph):
        return to_pyvis(obj, title=title or "geokg")
    from pyvis.network import Network

    if isinstance(obj, Network):
        return obj
    raise TypeError(f"the map is drawn from a networkx graph or a pyvis Network, not {type(obj).__name__}")


def map_data(obj: _Drawable) -> dict[str, Any]:
    """The data the page draws from a graph or a pyvis Network.

    Pure: reads its argument only. Returns node and edge items (in the
    Network's order: nodes sorted by id and edges by (source, target, key)
    for a Network from :func:`to_pyvis`; edge ids are ``e0``, ``e1`` …), the
    legend (the types present, with counts and styles, and the communities),
    the vis-network options, what the search box needs, and the ``view`` the
    page's controls start from (the years the evidence spans, whether every
    node has a position …). Items carry the graph's own attributes (type,
    role, aliases, evidence …) for the panels, with defaults for nodes and
    edges a user added by hand.

    >>> import graph
    >>> data = map_data(graph.example_graph())
    >>> sorted(data), data["nodes"][0]["id"], data["edges"][0]["id"]
    (['background', 'edges', 'legend', 'nodes', 'options', 'search', 'view'], 'JPN', 'e0')
    >>> data["view"]["laid_out"], data["view"]["years"]
    (True, [1961, 2024])
    >>> [(e["years"], e["undated"]) for e in data["edges"] if e["type"] == "treaty"]
    [([[2000, 1], [2024, 1]], 0), ([[1961, 1]], 0)]
    """
    return _map_data(_as_network(obj, None))


def _map_data(net: Any, *, fresh: bool = False) -> dict[str, Any]:
    """:func:`map_data` of a Network; ``fresh``: just made by :func:`to_pyvis` (its evidence is already clean)."""
    ids = page_ids(n["id"] for n in net.nodes)
    vis_ids = {n: vis_id(text) for n, text in ids.items()}
    edges = []
    for i, e in enumerate(net.edges):
        for end in ("from", "to"):
            if e.get(end) not in vis_ids:
                raise ValueError(
                    f"edge {i} ({e.get('from')!r} → {e.get('to')!r}): no node {e.get(end)!r} in the network"
                )
        edges.append(page_edge(i, e, vis_ids, fresh=fresh))
    links: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for e in edges:
        for end in (e["from"], e["to"]):
            degree, strength = links[end]
            links[end] = (degree + 1, strength + (e["count"] if e["from"] != e["to"] else 0))
    nodes = [page_node(n, vis_ids[n["id"]], ids[n["id"]], links) for n in net.nodes]
    options = net.options if isinstance(net.options, Mapping) else json.loads(net.options.to_json())
    return {
        "nodes": nodes,
        "edges": edges,
        "legend": map_legend.legend(nodes, edges),
        "options": plain(options),
        "search": search_data(),
        "background": as_text(getattr(net, "bgcolor", "")),
        "view": map_legend.view(nodes, edges),
    }


# ---------------------------------------------------------------------------
# the vendored and hand-written static files


@functools.cache
def _static_text(name: str, *, script: bool = False, style: bool = False) -> str:
    text = resources.files("graph").joinpath("static", name).read_text(encoding="utf-8")
    # The HTML parser turns CR LF into LF; do it first, or the CSP hashes would not match.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"\n?//# sourceMappingURL=\S*\s*$", "\n", text)  # no source-map fetches
    text = re.sub(r"/\*# sourceMappingURL=\S*\s*\*/\s*$", "", text)
    closing = "</script" if script else "</style" if style else None
    if closing and closing in text.lower():
        raise ValueError(f"graph/static/{name} contains {closing}> and cannot be inlined")
    return text


@functools.cache
def _app_script() -> str:
    """The page's own script: the parts of :data:`APP_SCRIPTS` in one strict-mode function."""
    parts = [_static_text(name, script=True) for name in APP_SCRIPTS]
    return '(function () {\n"use strict";\n\n' + "\n".join(parts) + "})();\n"


def _csp(*scripts: str) -> str:
    """Content-Security-Policy: only the inlined scripts run; nothing is fetched from anywhere."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'" for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
