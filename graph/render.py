"""The interactive map: one self-contained, offline HTML file drawn with vis-network.

The page needs no network: vis-network (vendored in ``graph/static``) and the
map's own script and stylesheet are inlined, there are no web fonts, and a
Content-Security-Policy forbids every request to another host. The graph goes
into the page as JSON data, never as markup; the page builds its tooltips and
panels with DOM text nodes, so article text is always shown as text.

The same graph always gives byte-identical HTML (sorted nodes and edges, a
fixed layout seed, no timestamps), and ``G`` is never modified.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("RUS", label="ロシア", type="country")
>>> G.add_node("PRK", label="北朝鮮", type="country")
>>> G.add_edge("PRK", "RUS", key="treaty", type="treaty", symmetric=True, count=1)
'treaty'
>>> data = map_data(G)
>>> [n["id"] for n in data["nodes"]], [(e["from"], e["type"], e["to"]) for e in data["edges"]]
(['PRK', 'RUS'], [('PRK', 'treaty', 'RUS')])
>>> html = to_html(G, title="ロ朝")
>>> html.startswith("<!DOCTYPE html>") and "ロシア" in html and "https://" not in html.split("<script")[0]
True
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html as _html
import json
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

import networkx as nx

from . import style
from ._atomic import write_text_atomic
from .identity import search_keys

__all__ = ["VIS_NETWORK_VERSION", "embed_json", "map_data", "render_html", "to_html"]

VIS_NETWORK_VERSION = "9.1.2"

_LABEL_MAX = 24  # characters drawn under a node; the panel shows the full name
_TOKEN = re.compile(r"@@([A-Z_]+)@@")
_LIST_SEPARATOR = " | "  # how GraphML flattens lists (graph.readwrite)


def render_html(G: nx.MultiDiGraph, path: str | os.PathLike[str], *, title: str = "geokg") -> None:
    """Write the map of ``G`` to ``path`` (atomically), and nothing else anywhere.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`graph.build_graph` (or read back from graph.json).
        It is not modified.
    path : str or os.PathLike
        The HTML file to write; its folder is created if needed.
    title : str
        Shown in the browser tab and the page header (escaped).
    """
    write_text_atomic(path, to_html(G, title=title))


def to_html(G: nx.MultiDiGraph, *, title: str = "geokg") -> str:
    """The map of ``G`` as one HTML document (a string)."""
    data = map_data(G)
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
# graph -> page data


def map_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The data the page draws: node and edge items, the legend and the vis-network options.

    Pure: reads ``G`` only. Nodes are sorted by id and edges by (source, target,
    key); edge ids are ``e0``, ``e1``, … in that order. Items carry the graph's
    own attributes (type, role, aliases, evidence …) for the panels, plus
    ``size`` / ``width`` / ``smooth``; colours, shapes, arrows and dashes are
    per type and modality, so they travel once, in ``legend``, and the page
    applies them.
    """
    degree = {n: int(d) for n, d in G.degree()}
    node_ids = sorted(G.nodes, key=str)
    largest = max((max(_int(G.nodes[n].get("mentions")) or 0, degree[n]) for n in node_ids), default=0)
    nodes = [_node_item(n, G.nodes[n], degree[n], largest) for n in node_ids]

    raw_edges = sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    # Parallel edges (one pair, several types or both directions) get distinct curves.
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (s, t, _, _) in enumerate(raw_edges):
        lo, hi = sorted((str(s), str(t)))
        by_pair[lo, hi].append(i)
    curve: dict[int, tuple[int, int]] = {}
    for members in by_pair.values():
        for rank, i in enumerate(members):
            curve[i] = (rank, len(members))
    edges = [_edge_item(i, s, t, k, d, *curve[i]) for i, (s, t, k, d) in enumerate(raw_edges)]

    return {
        "nodes": nodes,
        "edges": edges,
        "search": _search_data(),
        "legend": _legend(nodes, edges),
        "options": style.vis_options(len(nodes), len(edges)),
    }


@functools.cache
def _search_data() -> dict[str, Any]:
    """What map.js needs to read a query as graph.identity reads names: the romanisation's table."""
    from extract.normalize import _LOOSE

    return {"loose": [list(pair) for pair in _LOOSE]}


def _node_item(n: Any, d: Mapping[str, Any], degree: int, largest: int) -> dict[str, Any]:
    atype = _str(d.get("type")) or "other"
    name = _str(d.get("label")) or str(n)
    mentions = _int(d.get("mentions")) or 0
    return {
        "id": str(n),
        "label": name if len(name) <= _LABEL_MAX else name[: _LABEL_MAX - 1] + "…",
        "name": name,
        "type": atype,
        "role": _str(d.get("role")),
        "aliases": _strings(d.get("aliases")),
        "docs": _strings(d.get("docs")),
        # every name the resolver finds the actor by (graph.identity.search_keys); the page
        # reads a query with identity.page_key and, for Latin letters, "~" + loose romaji
        "keys": search_keys(str(n), d),
        "mentions": mentions,
        "degree": degree,
        "size": style.node_size(mentions, degree, largest),
    }


def _edge_item(i: int, s: Any, t: Any, key: Any, d: Mapping[str, Any], rank: int, parallel: int) -> dict[str, Any]:
    rtype = _str(d.get("type")) or _str(key) or "other"
    st = style.RELATION_STYLE.get(rtype, style.UNKNOWN_RELATION)
    evidence = _evidence(d.get("evidence"))
    modality = _str(d.get("modality")) or "asserted"
    count = _int(d.get("count")) or len(evidence) or 1
    symmetric = bool(d.get("symmetric", not st.arrows))
    item: dict[str, Any] = {
        "id": f"e{i}",
        "from": str(s),
        "to": str(t),
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
    }
    if parallel > 1 and rank > 0:
        # Curve relative to the sorted pair, so A→B and B→A bend to opposite sides.
        side = rank % 2 == 1
        if str(s) > str(t):
            side = not side
        item["smooth"] = {
            "enabled": True,
            "type": "curvedCW" if side else "curvedCCW",
            "roundness": round(0.18 * ((rank + 1) // 2), 2),
        }
    return item


def _evidence(value: Any) -> list[dict[str, Any]]:
    if value is None or value == "":
        return []
    if isinstance(value, str):  # GraphML flattens the evidence to text
        return [_evidence_item({"sentence": line}) for line in value.splitlines() if line.strip()]
    return [_evidence_item(ev if isinstance(ev, Mapping) else {"sentence": ev}) for ev in value]


def _evidence_item(ev: Mapping[str, Any]) -> dict[str, Any]:
    return {
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
    }


# ---------------------------------------------------------------------------
# small converters: tolerate graphs read back from JSON or GraphML


def _str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    return str(value)


def _int(value: Any, default: int | None = 0) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default


def _float(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _strings(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [s for s in value.split(_LIST_SEPARATOR) if s] if _LIST_SEPARATOR in value else [value]
    if isinstance(value, Iterable):
        return [_str(v) for v in value]
    return [_str(value)]


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
