"""The interactive map: a pyvis Network, drawn by geokg's own offline page.

:func:`to_pyvis` turns the graph into a styled :class:`pyvis.network.Network`
(nodes, edges, colours, shapes, curves for parallel edges, the physics
options) without touching ``G``; :func:`render_html` writes a page from a
graph or from such a Network, so a Network changed the pyvis way
(``net.toggle_physics(False)``, ``net.set_options(...)``, ``net.add_node(...)``)
is drawn by the same page. pyvis's own writers (``show``, ``write_html``,
``generate_html``) are never used: they copy a ``lib/`` folder into the
working directory, load Bootstrap from a CDN and render tooltips as HTML.

The page needs no network: vis-network (vendored in ``graph/static``) and the
map's own script and stylesheet are inlined, there are no web fonts, and a
Content-Security-Policy forbids every request to another host. The graph goes
into the page as JSON data, never as markup; the page builds its tooltips and
panels with DOM text nodes, so article text is always shown as text. The same
input always gives byte-identical HTML (sorted nodes and edges, a fixed
layout seed, no timestamps), and the page written from ``G`` is the page
written from ``to_pyvis(G)``.

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
import math
import numbers
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import networkx as nx

from extract.normalize import loose_romaji, match_key

from . import style
from ._atomic import write_text_atomic
from ._time import sort_key
from .names import _titles  # the resolver's own title list
from .names import search_keys as _resolver_keys
from .names import strip_titles as _strip_titles

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = [
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

_LABEL_MAX = 24  # characters drawn under a node; the panel shows the full name
_TOKEN = re.compile(r"@@([A-Z_]+)@@")
_LIST_SEPARATOR = " | "  # how GraphML flattens lists (graph.readwrite)
_MAX_SAFE_INT = 2**53  # larger integers do not survive JSON.parse

# vis-network keeps its nodes and edges in plain objects keyed by id, so an id
# that names a property of Object.prototype ("constructor", "__proto__",
# "toString" …) breaks the layout (endless recursion) or vanishes. Such ids,
# any id starting with "__", and ids that already start with the prefix get
# the prefix on the page (one-to-one); the panel still shows the actor's id.
_OBJECT_PROTOTYPE = frozenset(
    {
        "constructor",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toLocaleString",
        "toString",
        "valueOf",
        "__proto__",
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
    }
)
_PAGE_ID_PREFIX = "geokg:"

# The search box compares names as query_key does; map.js removes the same characters.
_SPACE = re.compile("[\\s\\u180e\\u200b\\ufeff]+")

_Drawable = Any  # a networkx graph or a pyvis Network (pyvis is imported only when needed)


# ---------------------------------------------------------------------------
# public API


def to_pyvis(G: nx.Graph, *, title: str = "geokg") -> Network:
    """The styled pyvis Network of ``G``; ``G`` itself is not modified.

    One node per actor (colour and shape by actor type, size by mentions)
    and one edge per relation: a directed Network, so parallel edges (several
    relation types between one pair, or both directions) are all kept, each
    bent by its own curve. The nodes and edges carry geokg's fields (type,
    aliases, evidence …) for the page's panels and search; there are no HTML
    ``title`` tooltips.

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
    ('to', '#e8710a', '米国は2022年、ロシアに制裁を科した。')
    """
    from pyvis.network import Network

    G = _as_multidigraph(G)
    ids = _page_ids(G.nodes)
    node_order = sorted(G.nodes, key=lambda n: ids[n])
    edge_order = sorted(G.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], str(e[2]), repr(e[2])))
    degree = {n: int(d) for n, d in G.degree()}
    largest = max((max(_int(G.nodes[n].get("mentions")) or 0, degree[n]) for n in node_order), default=0)

    net = Network(height="100%", width="100%", directed=True, heading=title, cdn_resources="in_line")
    _merge_options(net.options, style.vis_options(len(node_order), len(edge_order)))
    for n in node_order:
        item = _node_item(ids[n], G.nodes[n], degree[n], largest)
        net.add_node(item.pop("id"), label=item.pop("label"), shape=item.pop("shape"), color=item.pop("color"), **item)

    owners = _alias_owners(G)
    curves = _curves([(ids[s], ids[t]) for s, t, _, _ in edge_order])
    for (s, t, k, d), curve in zip(edge_order, curves, strict=True):
        item = _edge_item(ids[s], ids[t], k, d, curve, owners)
        net.add_edge(item.pop("from"), item.pop("to"), **item)
    return net


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
        title = _str(getattr(net, "heading", "")) or "geokg"
    data = map_data(net)
    vis_js = _static_text("vis-network.min.js", script=True)
    app_js = _static_text("map.js", script=True)
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


def query_key(text: str) -> str:
    """How the map's search box compares a name: NFKC, lower case, no white space.

    The page's script normalises what is typed the same way (tested against
    this function in Chromium).

    >>> query_key(" Ｐｕｔｉｎ 大統領"), query_key("ﾛｼｱ")
    ('putin大統領', 'ロシア')
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def search_keys(node_id: Any, attrs: Mapping[str, Any]) -> list[str]:
    """The keys under which the map's search box finds one actor, sorted.

    The contract with the page (graph/static/map.js): a key is either
    ``query_key(name)`` for a name the actor answers to, or ``"~"`` followed
    by ``loose_romaji(name)`` (see :mod:`extract.normalize`). The page finds
    the typed text's ``query_key`` among the plain keys (also with titles
    and honorifics stripped), then as the start of a person's key (a family
    name), then ``"~" + loose_romaji`` of a Latin-letter query, then as part
    of any plain key; several actors on one step: the most mentioned wins.
    Names here are the actor's id, label and aliases, each also without its
    titles, as :meth:`graph.KnowledgeGraph.resolve` reads them.

    Parameters
    ----------
    node_id
        The actor's id in the graph.
    attrs : Mapping
        The node's attributes (``label``, ``aliases``; others are ignored).

    >>> search_keys("putin", {"label": "プーチン", "aliases": ["プーチン大統領"]})
    ['putin', '~ptn', 'プーチン', 'プーチン大統領']
    """
    names = [str(node_id), _str(attrs.get("label")), *_strings(attrs.get("aliases"))]
    # every name the resolver knows the actor by (gazetteer names, English, last names)
    keys: set[str] = set(_resolver_keys(str(node_id), attrs))
    for name in names:
        for form in (name, _strip_titles(name)) if _may_have_title(name) else (name,):
            if k := query_key(form):
                keys.add(k)
        if len(r := loose_romaji(name)) >= 2:
            keys.add("~" + r)
    return sorted(keys)


@functools.cache
def _title_ends() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, _titles())) + ")$|[(（]")


def _may_have_title(name: str) -> bool:
    # _strip_titles tries every title in turn; most names have none (a quick test first).
    return _title_ends().search(name) is not None


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


# ---------------------------------------------------------------------------
# graph -> pyvis items


def _as_multidigraph(G: nx.Graph) -> nx.MultiDiGraph:
    if isinstance(G, nx.MultiDiGraph):
        return G
    # A copy (G is left as it is) with each edge once: nx.MultiDiGraph(G) would turn an
    # undirected edge into two.
    H = nx.MultiDiGraph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True))
    return H


def _page_ids(nodes: Iterable[Any]) -> dict[Any, str]:
    """Each node's id as text: ``str(n)``, or ``repr(n)`` where two ids read alike (5 and "5")."""
    by_text: dict[str, list[Any]] = defaultdict(list)
    for n in nodes:
        by_text[_str(n)].append(n)
    out: dict[Any, str] = {}
    for text, group in by_text.items():
        for n in group:
            out[n] = text if len(group) == 1 else repr(n)
    if len(set(out.values())) != len(out):
        seen: dict[str, list[Any]] = defaultdict(list)
        for n, text in out.items():
            seen[text].append(n)
        clash = next(group for group in seen.values() if len(group) > 1)
        raise ValueError(f"actor ids {', '.join(map(repr, clash))} cannot be told apart on the map; rename one")
    return out


def _node_item(node_id: str, d: Mapping[str, Any], degree: int, largest: int) -> dict[str, Any]:
    atype = _str(d.get("type")) or "other"
    name = _str(d.get("label")) or node_id
    mentions = _int(d.get("mentions")) or 0
    st = style.ACTOR_STYLE.get(atype, style.UNKNOWN_ACTOR)
    return {
        "id": node_id,
        "label": _clip(name),
        "name": name,
        "type": atype,
        "role": _str(d.get("role")),
        "aliases": _strings(d.get("aliases")),
        "docs": _strings(d.get("docs")),
        "mentions": mentions,
        "degree": degree,
        "size": style.node_size(mentions, degree, largest),
        "shape": st.shape,
        "color": style.node_color(st),
        "keys": search_keys(node_id, d),
    }


def _curves(pairs: list[tuple[str, str]]) -> list[dict[str, Any] | None]:
    """A distinct curve for every edge of a pair beyond the first (which stays straight).

    Ranks alternate sides and grow in roundness; the side is taken relative
    to the sorted pair, so A→B and B→A bend to opposite sides.
    """
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (s, t) in enumerate(pairs):
        lo, hi = sorted((s, t))
        by_pair[lo, hi].append(i)
    out: list[dict[str, Any] | None] = [None] * len(pairs)
    for members in by_pair.values():
        for rank, i in enumerate(members):
            if rank == 0:
                continue
            s, t = pairs[i]
            clockwise = (rank % 2 == 1) != (s > t)
            out[i] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(0.18 * ((rank + 1) // 2), 2),
            }
    return out


def _alias_owners(G: nx.MultiDiGraph) -> dict[str, int]:
    """How many actors answer to each name (match_key): a name of several is a compound (ロ朝, 日米韓)."""
    owners: dict[str, set[Any]] = defaultdict(set)
    for n, d in G.nodes(data=True):
        for name in {_str(d.get("label")), *_strings(d.get("aliases"))}:
            if name:
                owners[match_key(name)].add(n)
    return {k: len(v) for k, v in owners.items()}


def _edge_item(
    s: str, t: str, key: Any, d: Mapping[str, Any], curve: dict[str, Any] | None, owners: Mapping[str, int]
) -> dict[str, Any]:
    rtype = _str(d.get("type")) or _str(key) or "other"
    st = style.RELATION_STYLE.get(rtype, style.UNKNOWN_RELATION)
    evidence = _evidence(d.get("evidence"))
    for ev in evidence:
        _mark_compounds(ev, s == t, owners)
    modality = _str(d.get("modality")) or "asserted"
    count = _int(d.get("count")) or len(evidence) or 1
    symmetric = bool(d.get("symmetric", not st.arrows))
    item: dict[str, Any] = {
        "from": s,
        "to": t,
        "type": rtype,
        "symmetric": symmetric,
        "modality": modality,
        "count": count,
        "confidence": _float(d.get("confidence")),
        "predicates": _strings(d.get("predicates")) or sorted({e["predicate"] for e in evidence if e["predicate"]}),
        "docs": _strings(d.get("docs")) or sorted({e["doc"] for e in evidence if e["doc"]}),
        "first_time": _str(d.get("first_time")),
        "last_time": _str(d.get("last_time")),
        "cameo": _str(d.get("cameo")),
        "goldstein": _float(d.get("goldstein")),
        "evidence": evidence,
        "width": style.edge_width(count),
        "color": style.edge_color(st),
        # pyvis gives every edge of a directed Network an arrow unless told otherwise.
        "arrows": "" if symmetric else "to",
    }
    dashes = style.MODALITY_DASHES.get(modality)
    if isinstance(dashes, tuple):
        item["dashes"] = list(dashes)
    if curve is not None:
        item["smooth"] = curve
    return item


def _mark_compounds(ev: dict[str, Any], loop: bool, owners: Mapping[str, int]) -> None:
    """Flag a mention that names several actors at once (ロ朝 for Russia and North Korea)."""
    src, tgt = ev["source_mention"], ev["target_mention"]
    for side, mention in (("source", src), ("target", tgt)):
        if mention and ((src == tgt and not loop) or owners.get(match_key(mention), 0) > 1):
            ev[f"{side}_compound"] = True


def _evidence(value: Any) -> list[dict[str, Any]]:
    if value is None or value == "":
        return []
    if isinstance(value, str):  # GraphML flattens the evidence to text
        return [_evidence_item({"sentence": line}) for line in value.splitlines() if line.strip()]
    if not isinstance(value, Iterable) or isinstance(value, Mapping):
        return [_evidence_item({"sentence": _str(value)})]
    return [_evidence_item(ev if isinstance(ev, Mapping) else {"sentence": _str(ev)}) for ev in value]


def _evidence_item(ev: Mapping[str, Any]) -> dict[str, Any]:
    item = {
        "doc": _str(ev.get("doc")),
        "sentence": _str(ev.get("sentence")),
        "sentence_index": _int(ev.get("sentence_index"), default=None),
        "predicate": _str(ev.get("predicate")),
        "modality": _str(ev.get("modality")),
        "time": _str(ev.get("time")),
        "confidence": _float(ev.get("confidence")),
        "source_mention": _str(ev.get("source_mention")),
        "target_mention": _str(ev.get("target_mention")),
    }
    for flag in ("source_compound", "target_compound"):
        if ev.get(flag) is True:
            item[flag] = True
    return item


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
    legend (the types present, with counts and styles), the vis-network
    options, and what the search box needs. Items carry the graph's own
    attributes (type, role, aliases, evidence …) for the panels, with
    defaults for nodes and edges a user added by hand.

    >>> import graph
    >>> data = map_data(graph.example_graph())
    >>> sorted(data), data["nodes"][0]["id"], data["edges"][0]["id"]
    (['background', 'edges', 'legend', 'nodes', 'options', 'search'], 'JPN', 'e0')
    """
    net = _as_network(obj, None)
    ids = _page_ids(n["id"] for n in net.nodes)
    vis_ids = {n: _vis_id(text) for n, text in ids.items()}
    edges = []
    for i, e in enumerate(net.edges):
        for end in ("from", "to"):
            if e.get(end) not in vis_ids:
                raise ValueError(
                    f"edge {i} ({e.get('from')!r} → {e.get('to')!r}): no node {e.get(end)!r} in the network"
                )
        edges.append(_page_edge(i, e, vis_ids))
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[e["from"]] += 1
        degree[e["to"]] += 1
    nodes = [_page_node(n, vis_ids[n["id"]], ids[n["id"]], degree) for n in net.nodes]
    options = net.options if isinstance(net.options, Mapping) else json.loads(net.options.to_json())
    return {
        "nodes": nodes,
        "edges": edges,
        "legend": _legend(nodes, edges),
        "options": _plain(options),
        "search": _search_data(),
        "background": _str(getattr(net, "bgcolor", "")),
    }


def _vis_id(text: str) -> str:
    if text in _OBJECT_PROTOTYPE or text.startswith(("__", _PAGE_ID_PREFIX)):
        return _PAGE_ID_PREFIX + text
    return text


_NODE_FIELDS = ("id", "title", "label", "name", "type", "role", "aliases", "docs", "mentions", "degree", "keys")
_EDGE_FIELDS = (
    "id",
    "title",
    "from",
    "to",
    "type",
    "symmetric",
    "modality",
    "count",
    "confidence",
    "predicates",
    "docs",
    "first_time",
    "last_time",
    "cameo",
    "goldstein",
    "evidence",
)


def _page_node(d: Mapping[str, Any], vis_id: str, text_id: str, degree: Mapping[str, int]) -> dict[str, Any]:
    # Other pyvis fields (shape, color, size, x, y, font …) go to vis-network as they are.
    item = {str(k): _plain(v) for k, v in d.items() if k not in _NODE_FIELDS}
    name = _str(d.get("name")) or _str(d.get("label")) or text_id
    keys = d.get("keys")
    item.update(
        id=vis_id,
        label=_clip(_str(d.get("label")) or name),
        name=name,
        type=_str(d.get("type")) or "other",
        role=_str(d.get("role")),
        aliases=_strings(d.get("aliases")),
        docs=_strings(d.get("docs")),
        mentions=_int(d.get("mentions")) or 0,
        degree=degree.get(vis_id, 0),
        keys=[_str(k) for k in keys] if isinstance(keys, list) else search_keys(text_id, {"label": name, **d}),
    )
    if text_id != vis_id:
        item["actor"] = text_id  # the id to show
    if note := _str(d.get("title")):
        item["note"] = note  # pyvis's HTML tooltip, shown as text
    return item


def _page_edge(i: int, d: Mapping[str, Any], vis_ids: Mapping[Any, str]) -> dict[str, Any]:
    item = {str(k): _plain(v) for k, v in d.items() if k not in _EDGE_FIELDS}
    evidence = _evidence(d.get("evidence"))
    first, last = _str(d.get("first_time")), _str(d.get("last_time"))
    count = _int(d.get("count")) or len(evidence) or 1
    item.update(
        {
            "id": f"e{i}",
            "from": vis_ids[d["from"]],
            "to": vis_ids[d["to"]],
            "type": _str(d.get("type")) or "other",
            "symmetric": d.get("symmetric") is True,
            "modality": _str(d.get("modality")) or "asserted",
            "count": count,
            "confidence": _float(d.get("confidence")),
            "predicates": _strings(d.get("predicates")),
            "docs": _strings(d.get("docs")),
            "first_time": first,
            "last_time": last,
            "when": _when(evidence, first, last),
            "cameo": _str(d.get("cameo")),
            "goldstein": _float(d.get("goldstein")),
            "evidence": evidence,
        }
    )
    if note := _str(d.get("title")):
        item["note"] = note
    return item


def _when(evidence: list[dict[str, Any]], first: str, last: str) -> str:
    """The span of an edge's evidence: "1961 – 2000", with the undated sentences counted."""
    times = sorted({ev["time"] for ev in evidence if ev["time"]}, key=sort_key)
    if times:
        first, last = times[0], times[-1]
    span = "" if not first else first if last in ("", first) else f"{first} – {last}"
    undated = sum(1 for ev in evidence if not ev["time"])
    return f"{span} · {undated} undated" if span and undated else span


@functools.cache
def _search_data() -> dict[str, Any]:
    """What map.js needs to read a query as :func:`search_keys` reads names."""
    from extract.normalize import _LOOSE  # the romanisation's own table

    return {"titles": list(_titles()), "loose": [list(pair) for pair in _LOOSE]}


def _legend(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
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
    }


# ---------------------------------------------------------------------------
# small converters: tolerate graphs read back from JSON or GraphML, and whatever a pyvis user adds


def _str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_SAFE_INT:
        return f"{float(value):.6g}" if abs(value) < 10**308 else "(a very large number)"
    return str(value)


def _int(value: Any, default: int | None = 0) -> int | None:
    try:
        i = int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return i if abs(i) <= _MAX_SAFE_INT else default


def _float(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def _strings(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [s for s in value.split(_LIST_SEPARATOR) if s] if _LIST_SEPARATOR in value else [value]
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        return [_str(v) for v in value]
    return [_str(value)]


def _clip(name: str) -> str:
    return name if len(name) <= _LABEL_MAX else name[: _LABEL_MAX - 1] + "…"


def _plain(value: Any) -> Any:
    """A JSON value for the page: finite numbers, str keys, sets sorted; anything else as text."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, numbers.Integral):
        return int(value) if abs(int(value)) <= _MAX_SAFE_INT else _str(int(value))
    if isinstance(value, numbers.Real):
        return _float(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((_plain(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return _str(value)


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


def _csp(*scripts: str) -> str:
    """Content-Security-Policy: only the inlined scripts run; nothing is fetched from anywhere."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'" for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
