"""The map's items: a graph's actors and relations as pyvis items, and a Network's items as the page's data.

:func:`node_item` and :func:`edge_item` build what :func:`graph.to_pyvis`
adds to its Network (styled, with geokg's fields for the panels and the
search); :func:`page_node` and :func:`page_edge` turn any Network's items
(changed the pyvis way or not) into the page's JSON, with defaults for what
a pyvis user added by hand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from extract.normalize import match_key

from . import style
from ._time import sort_key
from ._values import as_float, as_int, as_strings, as_text, plain
from .aggregate import years
from .map_search import search_keys

__all__ = [
    "as_multidigraph",
    "curves",
    "edge_item",
    "evidence",
    "node_item",
    "page_edge",
    "page_ids",
    "page_node",
    "vis_id",
]

LABEL_MAX = 24  # characters drawn under a node; the panel shows the full name

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
PAGE_ID_PREFIX = "geokg:"


def clip(name: str) -> str:
    return name if len(name) <= LABEL_MAX else name[: LABEL_MAX - 1] + "…"


def as_multidigraph(G: nx.Graph) -> nx.MultiDiGraph:
    if isinstance(G, nx.MultiDiGraph):
        return G
    # A copy (G is left as it is) with each edge once: nx.MultiDiGraph(G) would turn an
    # undirected edge into two.
    H = nx.MultiDiGraph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True))
    return H


def page_ids(nodes: Iterable[Any]) -> dict[Any, str]:
    """Each node's id as text: ``str(n)``, or ``repr(n)`` where two ids read alike (5 and "5")."""
    by_text: dict[str, list[Any]] = defaultdict(list)
    for n in nodes:
        by_text[as_text(n)].append(n)
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


def vis_id(text: str) -> str:
    if text in _OBJECT_PROTOTYPE or text.startswith(("__", PAGE_ID_PREFIX)):
        return PAGE_ID_PREFIX + text
    return text


# ---------------------------------------------------------------------------
# graph -> pyvis items


def node_item(
    node_id: str, d: Mapping[str, Any], *, degree: int, strength: int, largest: tuple[int, int]
) -> dict[str, Any]:
    """One actor as a pyvis node: styled, sized by its relations (``sizes`` has both of the legend's modes)."""
    atype = as_text(d.get("type")) or "other"
    name = as_text(d.get("label")) or node_id
    mentions = as_int(d.get("mentions")) or 0
    st = style.ACTOR_STYLE.get(atype, style.UNKNOWN_ACTOR)
    sizes = {"relations": style.node_size(strength, largest[0]), "mentions": style.node_size(mentions, largest[1])}
    return {
        "id": node_id,
        "label": clip(name),
        "name": name,
        "type": atype,
        "role": as_text(d.get("role")),
        "aliases": as_strings(d.get("aliases")),
        "docs": as_strings(d.get("docs")),
        "mentions": mentions,
        "degree": degree,
        "strength": strength,
        "size": sizes["relations"],
        "sizes": sizes,
        "shape": st.shape,
        "color": style.node_color(st),
        "keys": search_keys(node_id, d),
    }


def curves(pairs: list[tuple[str, str]]) -> list[dict[str, Any] | None]:
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


def alias_owners(G: nx.MultiDiGraph) -> dict[str, int]:
    """How many actors answer to each name (match_key): a name of several is a compound (ロ朝, 日米韓)."""
    owners: dict[str, set[Any]] = defaultdict(set)
    for n, d in G.nodes(data=True):
        for name in {as_text(d.get("label")), *as_strings(d.get("aliases"))}:
            if name:
                owners[match_key(name)].add(n)
    return {k: len(v) for k, v in owners.items()}


def edge_item(
    s: str, t: str, key: Any, d: Mapping[str, Any], curve: dict[str, Any] | None, owners: Mapping[str, int]
) -> dict[str, Any]:
    rtype = as_text(d.get("type")) or as_text(key) or "other"
    st = style.RELATION_STYLE.get(rtype, style.UNKNOWN_RELATION)
    items = evidence(d.get("evidence"))
    for ev in items:
        _mark_compounds(ev, s == t, owners)
    modality = as_text(d.get("modality")) or "asserted"
    count = as_int(d.get("count")) or len(items) or 1
    symmetric = bool(d.get("symmetric", not st.arrows))
    item: dict[str, Any] = {
        "from": s,
        "to": t,
        "type": rtype,
        "symmetric": symmetric,
        "modality": modality,
        "count": count,
        "confidence": as_float(d.get("confidence")),
        "predicates": as_strings(d.get("predicates")) or sorted({e["predicate"] for e in items if e["predicate"]}),
        "docs": as_strings(d.get("docs")) or sorted({e["doc"] for e in items if e["doc"]}),
        "first_time": as_text(d.get("first_time")),
        "last_time": as_text(d.get("last_time")),
        "cameo": as_text(d.get("cameo")),
        "goldstein": as_float(d.get("goldstein")),
        "evidence": items,
        "width": style.edge_width(count),
        "color": style.edge_color(st),
        # pyvis gives every edge of a directed Network an arrow unless told otherwise.
        "arrows": style.edge_arrows(st, symmetric),
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


def evidence(value: Any) -> list[dict[str, Any]]:
    if value is None or value == "":
        return []
    if isinstance(value, str):  # GraphML flattens the evidence to text
        return [_evidence_item({"sentence": line}) for line in value.splitlines() if line.strip()]
    if not isinstance(value, Iterable) or isinstance(value, Mapping):
        return [_evidence_item({"sentence": as_text(value)})]
    return [_evidence_item(ev if isinstance(ev, Mapping) else {"sentence": as_text(ev)}) for ev in value]


def _evidence_item(ev: Mapping[str, Any]) -> dict[str, Any]:
    item = {
        "doc": as_text(ev.get("doc")),
        "sentence": as_text(ev.get("sentence")),
        "sentence_index": as_int(ev.get("sentence_index"), default=None),
        "predicate": as_text(ev.get("predicate")),
        "modality": as_text(ev.get("modality")),
        "time": as_text(ev.get("time")),
        "confidence": as_float(ev.get("confidence")),
        "source_mention": as_text(ev.get("source_mention")),
        "target_mention": as_text(ev.get("target_mention")),
    }
    for flag in ("source_compound", "target_compound"):
        if ev.get(flag) is True:
            item[flag] = True
    return item


NODE_FIELDS = (
    "id",
    "title",
    "label",
    "name",
    "type",
    "role",
    "aliases",
    "docs",
    "mentions",
    "degree",
    "strength",
    "community",
    "keys",
)
EDGE_FIELDS = (
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


def page_node(d: Mapping[str, Any], page_id: str, text_id: str, links: Mapping[str, tuple[int, int]]) -> dict[str, Any]:
    """One node of any Network as the page draws it; ``links``: its (relations, evidence) on the page."""
    # Other pyvis fields (shape, color, size, sizes, x, y, font …) go to vis-network as they are.
    item = {str(k): plain(v) for k, v in d.items() if k not in NODE_FIELDS}
    name = as_text(d.get("name")) or as_text(d.get("label")) or text_id
    keys = d.get("keys")
    degree, strength = links.get(page_id, (0, 0))
    item.update(
        id=page_id,
        label=clip(as_text(d.get("label")) or name),
        name=name,
        type=as_text(d.get("type")) or "other",
        role=as_text(d.get("role")),
        aliases=as_strings(d.get("aliases")),
        docs=as_strings(d.get("docs")),
        mentions=as_int(d.get("mentions")) or 0,
        degree=degree,
        strength=strength,
        community=as_int(d.get("community"), -1),
        keys=[as_text(k) for k in keys] if isinstance(keys, list) else search_keys(text_id, {"label": name, **d}),
    )
    if text_id != page_id:
        item["actor"] = text_id  # the id to show
    if note := as_text(d.get("title")):
        item["note"] = note  # pyvis's HTML tooltip, shown as text
    return item


def page_edge(i: int, d: Mapping[str, Any], vis_ids: Mapping[Any, str], *, fresh: bool = False) -> dict[str, Any]:
    """One edge of any Network as the page draws it; ``fresh``: made by :func:`edge_item` just now, unchanged."""
    item = {str(k): plain(v) for k, v in d.items() if k not in EDGE_FIELDS}
    # evidence() is idempotent: what edge_item made needs no second pass (a third of the time for 10,000 edges)
    items = d["evidence"] if fresh else evidence(d.get("evidence"))
    first, last = as_text(d.get("first_time")), as_text(d.get("last_time"))
    count = as_int(d.get("count")) or len(items) or 1
    dated, undated = years(items)
    item.update(
        {
            "id": f"e{i}",
            "from": vis_ids[d["from"]],
            "to": vis_ids[d["to"]],
            "type": as_text(d.get("type")) or "other",
            "symmetric": d.get("symmetric") is True,
            "modality": as_text(d.get("modality")) or "asserted",
            "count": count,
            "confidence": as_float(d.get("confidence")),
            "predicates": as_strings(d.get("predicates")),
            "docs": as_strings(d.get("docs")),
            "first_time": first,
            "last_time": last,
            "when": _when(items, first, last),
            "years": dated,
            "undated": undated if items else count,
            "cameo": as_text(d.get("cameo")),
            "goldstein": as_float(d.get("goldstein")),
            "evidence": items,
        }
    )
    if note := as_text(d.get("title")):
        item["note"] = note
    return item


def _when(items: list[dict[str, Any]], first: str, last: str) -> str:
    """The span of an edge's evidence: "1961 – 2000", with the undated sentences counted."""
    times = sorted({ev["time"] for ev in items if ev["time"]}, key=sort_key)
    if times:
        first, last = times[0], times[-1]
    span = "" if not first else first if last in ("", first) else f"{first} – {last}"
    undated = sum(1 for ev in items if not ev["time"])
    return f"{span} · {undated} undated" if span and undated else span
