"""The graph model: one node per actor, one edge per (source, target, type), evidence on every edge.

One node per canonical actor, one edge per (source, target, type): the
relation type is the edge key, and symmetric types (treaty, cooperation,
meeting) are stored once with their endpoints in sorted order. Every edge
keeps the evidence that supports it, so :func:`to_relations` gives the input
back, and every aggregate on it is recomputed from that evidence.

Node attributes
    ``label``, ``type`` (country, person, organization, region), ``role``
    (leader, official, expert or ""), ``aliases`` (list), ``mentions`` (int),
    ``docs`` (list of the documents the actor appears in).
Edge attributes
    ``type``, ``symmetric``, ``evidence`` (list of dicts, one per sentence:
    doc, sentence, sentence_index, predicate, modality, time, confidence,
    source_mention, target_mention), ``count`` (the number of evidence
    sentences, an integer) and ``weight`` (the same as a float, as layout
    tools and GEXF take weights), ``docs``, ``predicates``, ``modality`` (the strongest
    seen), ``confidence`` (the highest), ``first_time`` / ``last_time`` ("" when
    undated), and for event types ``cameo`` and ``goldstein`` (ONTOLOGY.md).
    ``merged`` (only on a node that absorbed others): ``"absorbed id: why"``
    for each node merged into it (:func:`graph.merge.merge_identities`).
Graph attributes
    ``documents``: for every document merged with :func:`graph.build.add_results`,
    the mentions of each actor in it, so re-adding a document replaces it;
    ``digests``: document → SHA-256 of its text and date, so that the same text
    under another path is known to be in the graph (``geokg build --into``);
    ``merged_ids``: absorbed id -> the node it joined.

This module holds the operations on that model (nodes, edges, absorbing one
node into another, removing a document); :mod:`graph.build` adds relations and
:mod:`graph.merge` decides which nodes are one actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

import networkx as nx

from extract.types import (
    MODALITY_STRENGTH,
    ActorType,
    Modality,
    Relation,
    RelationType,
)

from ._time import sort_key

__all__ = [
    "DIGESTS",
    "EDGE_LIST_ATTRS",
    "EVIDENCE_FIELDS",
    "NODE_LIST_ATTRS",
    "ROLE_RANK",
    "absorb",
    "add_to_list",
    "better_label",
    "canonical",
    "edge_defaults",
    "ensure_node",
    "evidence_order",
    "refresh_edge",
    "relation_order",
    "remove_document",
    "to_relations",
]


EVIDENCE_FIELDS = (
    "doc",
    "sentence",
    "sentence_index",
    "predicate",
    "modality",
    "time",
    "confidence",
    "source_mention",
    "target_mention",
)


DIGESTS = "digests"  # graph attribute: document → SHA-256 of its text and date (extract.run.into)

# Attributes that hold lists; flat formats (GraphML, GEXF, CSV) join them. en, acronyms: the actor dictionary's.
NODE_LIST_ATTRS = ("aliases", "docs", "merged", "en", "acronyms")


EDGE_LIST_ATTRS = ("docs", "predicates")


ROLE_RANK = {"": 0, "expert": 1, "official": 2, "leader": 3}


def better_label(new: str, old: str, atype: str) -> bool:
    # Persons: the fullest name wins (金正恩 over 金); ties and other actors
    # go to the smallest string, so the result does not depend on merge order.
    if not new or new == old:
        return False
    if not old:
        return True
    if atype == ActorType.PERSON and len(new) != len(old):
        return len(new) > len(old)
    return new < old


def ensure_node(G: nx.MultiDiGraph, node_id: str, label: str, atype: ActorType | str) -> dict[str, Any]:
    if node_id not in G:
        G.add_node(node_id, label=label or node_id, type=str(atype), role="", aliases=[], mentions=0, docs=[])
    node = G.nodes[node_id]
    if better_label(label, node["label"], node["type"]):
        node["label"] = label
    return node


def add_to_list(node: dict[str, Any], attr: str, values: Iterable[str]) -> None:
    new = {v for v in values if v} - set(node[attr])
    if new:
        node[attr] = sorted(set(node[attr]) | new)


def absorb(G: nx.MultiDiGraph, old: str, new: str) -> nx.MultiDiGraph:
    """Make ``old`` part of ``new``: its relations, evidence, names, documents and mentions; returns ``G``.

    Symmetric relations keep their endpoints sorted; a relation between the
    two nodes themselves is dropped (one actor does not meet itself). The
    policy of which nodes are one actor is :mod:`graph.merge`'s.
    """
    a, b = G.nodes[old], G.nodes[new]
    add_to_list(b, "aliases", (a.get("label", ""), *(a.get("aliases") or ())))
    add_to_list(b, "docs", a.get("docs") or ())
    b["mentions"] = int(b.get("mentions") or 0) + int(a.get("mentions") or 0)
    if ROLE_RANK.get(a.get("role") or "", 0) > ROLE_RANK.get(b.get("role") or "", 0):
        b["role"] = a["role"]
    if better_label(str(a.get("label") or ""), str(b.get("label") or ""), str(b.get("type") or "")):
        b["label"] = a["label"]
    if a.get("merged"):
        b["merged"] = sorted(set(b.get("merged") or ()) | set(a["merged"]))
    moved = [(s, t, k, d) for s, t, k, d in G.out_edges(old, keys=True, data=True)]
    moved += [(s, t, k, d) for s, t, k, d in G.in_edges(old, keys=True, data=True) if s != old]
    for s, t, k, d in moved:
        s2, t2 = (new if s == old else s), (new if t == old else t)
        if s2 == t2:
            continue
        evidence = list(d["evidence"])
        if d.get("symmetric") and t2 < s2:
            s2, t2 = t2, s2
            evidence = [
                {**ev, "source_mention": ev["target_mention"], "target_mention": ev["source_mention"]}
                for ev in evidence
            ]
        if not G.has_edge(s2, t2, key=k):
            G.add_edge(s2, t2, key=k, **edge_defaults(RelationType(k)))
        e = G.edges[s2, t2, k]
        kept = list(e["evidence"])
        kept += [ev for ev in evidence if ev not in kept]
        e["evidence"] = sorted(kept, key=evidence_order)
        refresh_edge(e)
    for mentions in G.graph.get("documents", {}).values():
        if old in mentions:
            mentions[new] = mentions.get(new, 0) + mentions.pop(old)
            items = sorted(mentions.items())
            mentions.clear()
            mentions.update(items)
    G.remove_node(old)
    return G


def remove_document(G: nx.MultiDiGraph, doc: str) -> nx.MultiDiGraph:
    """Take one document's evidence, mentions and actors out of ``G``; returns ``G``.

    Edges left without evidence go, and so do actors that no remaining
    document mentions and that have no relation left.

    Examples
    --------
    >>> from graph.example import example_graph
    >>> G = example_graph()
    >>> G.edges["PRK", "RUS", "treaty"]["count"], "SUN" in G
    (2, True)
    >>> G = remove_document(remove_document(G, "demo/2000.txt"), "demo/1961.txt")
    >>> G.edges["PRK", "RUS", "treaty"]["count"], "SUN" in G
    (1, False)
    """
    for s, t, k, e in list(G.edges(keys=True, data=True)):
        kept = [ev for ev in e["evidence"] if ev["doc"] != doc]
        if not kept:
            G.remove_edge(s, t, key=k)
        elif len(kept) != len(e["evidence"]):
            e["evidence"] = kept
            refresh_edge(e)
    mentions = G.graph.get("documents", {}).pop(doc, {})
    G.graph.get(DIGESTS, {}).pop(doc, None)
    for n, node in list(G.nodes(data=True)):
        if doc not in node["docs"]:
            continue
        node["docs"] = [d for d in node["docs"] if d != doc]
        node["mentions"] = max(0, node["mentions"] - mentions.get(n, 0))
        if not node["docs"] and G.degree(n) == 0:
            G.remove_node(n)
    return G


def relation_order(r: Relation) -> tuple:
    return (
        r.doc,
        r.sentence_index,
        r.key,
        r.predicate,
        r.sentence,
        str(r.modality),
        r.time or "",
        r.confidence,
        r.source_mention,
        r.target_mention,
    )


def evidence_order(ev: Mapping[str, Any]) -> tuple:
    # A total order over every field, so merge order never shows in the output.
    return (
        ev["doc"],
        ev["sentence_index"],
        ev["predicate"],
        ev["sentence"],
        ev["modality"],
        ev["time"] or "",
        ev["confidence"],
        ev["source_mention"],
        ev["target_mention"],
    )


def edge_defaults(rtype: RelationType) -> dict[str, Any]:
    attrs: dict[str, Any] = {"type": str(rtype), "symmetric": rtype.symmetric, "evidence": []}
    if rtype.cameo is not None:
        attrs["cameo"] = rtype.cameo
        attrs["goldstein"] = rtype.goldstein
    return attrs


def refresh_edge(e: dict[str, Any]) -> None:
    """Recompute the aggregates of an edge from its evidence."""
    ev = e["evidence"]
    e["count"] = len(ev)
    e["weight"] = float(len(ev))  # a number for layouts, as GEXF's weight is; ``count`` is the integer
    e["docs"] = sorted({x["doc"] for x in ev})
    e["predicates"] = sorted({x["predicate"] for x in ev})
    e["modality"] = max((x["modality"] for x in ev), key=lambda m: (MODALITY_STRENGTH[Modality(m)], m))
    e["confidence"] = max(float(x["confidence"]) for x in ev)
    times = sorted((x["time"] for x in ev if x["time"]), key=sort_key)
    e["first_time"] = times[0] if times else ""
    e["last_time"] = times[-1] if times else ""


def canonical(r: Relation) -> Relation:
    """The relation as the graph stores it: symmetric types with endpoints sorted.

    >>> from graph.example import example_relations
    >>> r = example_relations()[1]
    >>> (r.source, r.target), (canonical(r).source, canonical(r).target)
    (('RUS', 'PRK'), ('PRK', 'RUS'))
    """
    if not r.type.symmetric or r.source <= r.target:
        return r
    return replace(
        r,
        source=r.target,
        target=r.source,
        source_label=r.target_label,
        target_label=r.source_label,
        source_type=r.target_type,
        target_type=r.source_type,
        source_mention=r.target_mention,
        target_mention=r.source_mention,
    )


def to_relations(G: nx.MultiDiGraph) -> list[Relation]:
    """The relations a graph was built from (inverse of :func:`build_graph`).

    Labels come from the nodes, so they are the canonical ones after merging.

    Examples
    --------
    >>> from graph.example import example_relations
    >>> rels = example_relations()
    >>> from graph.build import build_graph
    >>> set(to_relations(build_graph(rels))) == {canonical(r) for r in rels}
    True
    """
    out = []
    for s, t, key, e in G.edges(keys=True, data=True):
        sn, tn = G.nodes[s], G.nodes[t]
        for ev in e["evidence"]:
            out.append(
                Relation(
                    doc=ev["doc"],
                    sentence=ev["sentence"],
                    sentence_index=int(ev["sentence_index"]),
                    source=s,
                    source_label=sn["label"],
                    source_type=ActorType(sn["type"]),
                    source_mention=ev["source_mention"],
                    type=RelationType(key),
                    target=t,
                    target_label=tn["label"],
                    target_type=ActorType(tn["type"]),
                    target_mention=ev["target_mention"],
                    predicate=ev["predicate"],
                    modality=Modality(ev["modality"]),
                    time=ev["time"] or None,
                    confidence=float(ev["confidence"]),
                )
            )
    return sorted(out, key=relation_order)
