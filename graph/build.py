"""Relations → a networkx MultiDiGraph with aggregated evidence.

The graph model (nodes, edges, their attributes) is :mod:`graph.model`'s.

Merging is order-independent: building from all documents at once, or
adding them one by one, gives the same graph. After the relations are in,
nodes that name one person across documents are merged
(:func:`graph.merge.merge_identities`; ``merge=False`` leaves that to the
caller, who runs it once at the end).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from extract.types import (
    Actor,
    ActorType,
    DocumentResult,
    Modality,
    Relation,
    RelationType,
)

from .merge import merge_identities
from .model import (
    ROLE_RANK,
    add_to_list,
    edge_defaults,
    ensure_node,
    evidence_order,
    refresh_edge,
    relation_order,
    remove_document,
)
from .names import is_name_of, is_whole_name

__all__ = ["add_relations", "add_results", "build_graph"]


def _as_relation(r: Relation | Mapping[str, Any]) -> Relation:
    if isinstance(r, Relation):
        # A Relation built by hand with plain strings for its enums is checked like a JSON line.
        typed = isinstance(r.type, RelationType) and isinstance(r.modality, Modality)
        return r if typed else Relation.from_dict(r.to_dict())
    return Relation.from_dict(r)


def _as_actor(a: Actor | Mapping[str, Any]) -> Actor:
    if isinstance(a, Actor):
        return a if isinstance(a.type, ActorType) else Actor.from_dict(a.to_dict())
    return Actor.from_dict(a)


def build_graph(
    relations: Iterable[Relation | Mapping[str, Any]], actors: Iterable[Actor | Mapping[str, Any]] | None = None
) -> nx.MultiDiGraph:
    """Build the knowledge graph from relations (and, optionally, actor records).

    Examples
    --------
    >>> from extract.types import Relation
    >>> r = Relation(doc="a.txt", sentence="米国がイランに制裁を科した。", sentence_index=0,
    ...              source="USA", source_label="米国", source_type="country", source_mention="米国",
    ...              type="sanction", target="IRN", target_label="イラン", target_type="country",
    ...              target_mention="イラン", predicate="制裁", time="2018")
    >>> G = build_graph([r])
    >>> e = G.edges["USA", "IRN", "sanction"]
    >>> e["count"], e["cameo"], e["goldstein"], e["first_time"]
    (1, '16', -4.0, '2018')
    """
    G = nx.MultiDiGraph()
    add_relations(G, relations, actors)
    return G


def _merge(G: nx.MultiDiGraph) -> None:
    merge_identities(G)


def _add_actors(G: nx.MultiDiGraph, actors: Iterable[Actor], doc: str | None) -> None:
    for a in sorted(actors, key=lambda a: a.id):
        node = ensure_node(G, a.id, a.name, a.type)
        add_to_list(node, "aliases", (*a.aliases, a.name))
        if doc:
            add_to_list(node, "docs", (doc,))
        node["mentions"] += a.mentions
        role = "" if a.role is None else str(a.role)
        if ROLE_RANK.get(role, 0) > ROLE_RANK.get(node["role"], 0):
            node["role"] = role
        _whole_names_only(node)


def _whole_names_only(node: dict[str, Any]) -> None:
    """Drop the aliases that are fragments of a name (金正 of 金正恩, ドナルド of ドナルド・トランプ, 同外相).

    Decided on all the node's names at once, so the result does not depend on
    the order the names came in.
    """
    names = [node["label"], *node["aliases"]]
    kept = [a for a in node["aliases"] if is_whole_name(a, names)]
    if len(kept) != len(node["aliases"]):
        node["aliases"] = kept


def _add_relation(G: nx.MultiDiGraph, r: Relation) -> set[str]:
    """Add one relation's endpoints and evidence; returns the nodes it touched."""
    s, t = r.source, r.target
    slabel, stype, tlabel, ttype = r.source_label, r.source_type, r.target_label, r.target_type
    smention, tmention = r.source_mention, r.target_mention
    if r.type.symmetric and t < s:
        s, t = t, s
        slabel, stype, tlabel, ttype = tlabel, ttype, slabel, stype
        smention, tmention = tmention, smention
    for n, label, atype, mention in ((s, slabel, stype, smention), (t, tlabel, ttype, tmention)):
        node = ensure_node(G, n, label, atype)
        if mention and mention not in node["aliases"] and is_name_of(mention, n):
            add_to_list(node, "aliases", (mention,))
        add_to_list(node, "docs", (r.doc,))
    ev = {
        "doc": r.doc,
        "sentence": r.sentence,
        "sentence_index": r.sentence_index,
        "predicate": r.predicate,
        "modality": str(r.modality),
        "time": r.time,
        "confidence": r.confidence,
        "source_mention": smention,
        "target_mention": tmention,
    }
    key = str(r.type)
    if not G.has_edge(s, t, key=key):
        G.add_edge(s, t, key=key, **edge_defaults(r.type))
    e = G.edges[s, t, key]
    if ev not in e["evidence"]:
        e["evidence"] = sorted([*e["evidence"], ev], key=evidence_order)
        refresh_edge(e)
    return {s, t}


def add_relations(
    G: nx.MultiDiGraph,
    relations: Iterable[Relation | Mapping[str, Any]],
    actors: Iterable[Actor | Mapping[str, Any]] | None = None,
    *,
    merge: bool = True,
) -> nx.MultiDiGraph:
    """Merge relations and actor records into ``G`` in place; returns ``G``.

    Evidence already on an edge is not added twice, but actor mentions add
    up: to add a document again without counting it twice, use
    :func:`add_results`, which replaces it. A mention becomes an alias of its
    actor only when it names it (ロシア, 露; not ロ朝 or 両国:
    :func:`graph.names.is_name_of`), and aliases are whole names only
    (:func:`graph.names.is_whole_name`). Then nodes naming one person are
    merged, unless ``merge`` is False.

    Examples
    --------
    >>> from graph.example import example_relations
    >>> G = add_relations(nx.MultiDiGraph(), example_relations()[:2])
    >>> G = add_relations(G, example_relations()[:3])   # the first two again, and one more
    >>> sum(e["count"] for *_, e in G.edges(data=True))
    3
    """
    _add_actors(G, [_as_actor(a) for a in actors or ()], None)
    touched: set[str] = set()
    for r in sorted((_as_relation(r) for r in relations), key=relation_order):
        touched |= _add_relation(G, r)
    for n in sorted(touched):
        _whole_names_only(G.nodes[n])
    if merge:
        _merge(G)
    return G


def add_results(G: nx.MultiDiGraph, results: Iterable[DocumentResult], *, merge: bool = True) -> nx.MultiDiGraph:
    """Merge what the extractor found in each document into ``G``; returns ``G``.

    This is how ``geokg build NEW... --into OUTDIR`` grows a graph without
    re-reading the old articles. A document already in the graph (same
    ``doc`` path) is replaced, so adding it twice counts it once. Then nodes
    naming one person are merged, unless ``merge`` is False (a caller adding
    documents one at a time merges once at the end, so that the result does
    not depend on their order).

    Examples
    --------
    >>> from extract.types import DocumentResult
    >>> from graph.example import example_actors, example_relations
    >>> res = DocumentResult(doc="demo/a.txt", relations=tuple(example_relations()), actors=tuple(example_actors()))
    >>> once = add_results(nx.MultiDiGraph(), [res])
    >>> twice = add_results(add_results(nx.MultiDiGraph(), [res]), [res])
    >>> once.nodes["RUS"]["mentions"] == twice.nodes["RUS"]["mentions"]
    True
    """
    docs: dict[str, dict[str, int]] = G.graph.setdefault("documents", {})
    for res in sorted(results, key=lambda r: r.doc):
        if res.doc in docs:
            remove_document(G, res.doc)
        actors = [_as_actor(a) for a in res.actors]
        _add_actors(G, actors, res.doc)
        add_relations(G, res.relations, merge=False)
        mentions: dict[str, int] = {}
        for a in actors:
            mentions[a.id] = mentions.get(a.id, 0) + a.mentions
        docs[res.doc] = dict(sorted(mentions.items()))
    G.graph["documents"] = dict(sorted(docs.items()))
    if merge:
        _merge(G)
    return G
