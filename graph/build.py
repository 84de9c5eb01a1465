"""Relations → a networkx MultiDiGraph with aggregated evidence.

One node per canonical actor; one edge per (source, target, type), the
relation type being the edge key; symmetric types are stored once with
their endpoints in sorted order. Every edge keeps the evidence that
supports it, so ``to_relations`` gives the input back.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

import networkx as nx

from extract.types import MODALITY_STRENGTH, Actor, ActorType, Modality, Relation, RelationType

__all__ = ["build_graph", "add_relations", "to_relations", "EVIDENCE_FIELDS"]

EVIDENCE_FIELDS = ("doc", "sentence", "sentence_index", "predicate", "modality", "time", "confidence",
                   "source_mention", "target_mention")


def _as_relation(r: Relation | Mapping[str, Any]) -> Relation:
    return r if isinstance(r, Relation) else Relation.from_dict(r)


def _as_actor(a: Actor | Mapping[str, Any]) -> Actor:
    return a if isinstance(a, Actor) else Actor.from_dict(a)


def build_graph(relations: Iterable[Relation | Mapping[str, Any]],
                actors: Iterable[Actor | Mapping[str, Any]] | None = None) -> nx.MultiDiGraph:
    """Build the knowledge graph from relations (and, optionally, actor records).

    Examples
    --------
    >>> from extract.types import Relation
    >>> r = Relation(doc="a.txt", sentence="米国がイランに制裁を科した。", sentence_index=0,
    ...              source="USA", source_label="米国", source_type="country", source_mention="米国",
    ...              type="sanction", target="IRN", target_label="イラン", target_type="country",
    ...              target_mention="イラン", predicate="制裁")
    >>> G = build_graph([r])
    >>> G.edges["USA", "IRN", "sanction"]["count"]
    1
    """
    G = nx.MultiDiGraph()
    add_relations(G, relations, actors)
    return G


def _node_defaults(G: nx.MultiDiGraph, node_id: str, label: str, atype: ActorType | str) -> None:
    if node_id not in G:
        G.add_node(node_id, label=label, type=str(atype), role="", aliases=[], mentions=0, docs=[])


def add_relations(G: nx.MultiDiGraph, relations: Iterable[Relation | Mapping[str, Any]],
                  actors: Iterable[Actor | Mapping[str, Any]] | None = None) -> nx.MultiDiGraph:
    """Merge relations and actors into ``G`` in place (used to grow a graph with new articles)."""
    for a in sorted((_as_actor(a) for a in actors or ()), key=lambda a: a.id):
        _node_defaults(G, a.id, a.name, a.type)
        node = G.nodes[a.id]
        if len(a.name) > len(node["label"]) and a.type == ActorType.PERSON:
            node["label"] = a.name
        node["aliases"] = sorted(set(node["aliases"]) | set(a.aliases) | {a.name})
        node["mentions"] += a.mentions
        if a.role is not None and _role_rank(str(a.role)) > _role_rank(node["role"]):
            node["role"] = str(a.role)
    rels = sorted((_as_relation(r) for r in relations),
                  key=lambda r: (r.doc, r.sentence_index, r.key, r.predicate))
    for r in rels:
        s, t = (r.source, r.target)
        slabel, stype, tlabel, ttype = r.source_label, r.source_type, r.target_label, r.target_type
        smention, tmention = r.source_mention, r.target_mention
        if r.type.symmetric and t < s:
            s, t = t, s
            slabel, stype, tlabel, ttype = tlabel, ttype, slabel, stype
            smention, tmention = tmention, smention
        _node_defaults(G, s, slabel, stype)
        _node_defaults(G, t, tlabel, ttype)
        for n, m in ((s, smention), (t, tmention)):
            node = G.nodes[n]
            if m and m not in node["aliases"]:
                node["aliases"] = sorted(set(node["aliases"]) | {m})
            if r.doc not in node["docs"]:
                node["docs"] = sorted(set(node["docs"]) | {r.doc})
        ev = {"doc": r.doc, "sentence": r.sentence, "sentence_index": r.sentence_index, "predicate": r.predicate,
              "modality": str(r.modality), "time": r.time, "confidence": r.confidence,
              "source_mention": smention, "target_mention": tmention}
        if not G.has_edge(s, t, key=str(r.type)):
            G.add_edge(s, t, key=str(r.type), **_edge_defaults(r.type))
        e = G.edges[s, t, str(r.type)]
        if ev in e["evidence"]:
            continue
        e["evidence"] = sorted(e["evidence"] + [ev], key=_evidence_order)
        _refresh(e)
    return G


def _role_rank(role: str) -> int:
    return {"": 0, "expert": 1, "official": 2, "leader": 3}.get(role, 0)


def _evidence_order(ev: Mapping[str, Any]) -> tuple:
    return (ev["doc"], ev["sentence_index"], ev["predicate"], ev["sentence"])


def _edge_defaults(rtype: RelationType) -> dict[str, Any]:
    attrs: dict[str, Any] = {"type": str(rtype), "symmetric": rtype.symmetric, "evidence": []}
    if rtype.cameo is not None:
        attrs["cameo"] = rtype.cameo
        attrs["goldstein"] = rtype.goldstein
    return attrs


def _refresh(e: dict[str, Any]) -> None:
    """Recompute the aggregates of an edge from its evidence."""
    ev = e["evidence"]
    e["count"] = len(ev)
    e["weight"] = len(ev)
    e["docs"] = sorted({x["doc"] for x in ev})
    e["predicates"] = sorted({x["predicate"] for x in ev})
    e["modality"] = max((x["modality"] for x in ev), key=lambda m: MODALITY_STRENGTH[Modality(m)])
    e["confidence"] = max(float(x["confidence"]) for x in ev)
    times = sorted(x["time"] for x in ev if x["time"])
    e["first_time"] = times[0] if times else ""
    e["last_time"] = times[-1] if times else ""


def to_relations(G: nx.MultiDiGraph) -> list[Relation]:
    """The relations a graph was built from (inverse of :func:`build_graph`)."""
    out = []
    for s, t, key, e in G.edges(keys=True, data=True):
        sn, tn = G.nodes[s], G.nodes[t]
        for ev in e["evidence"]:
            out.append(Relation(
                doc=ev["doc"], sentence=ev["sentence"], sentence_index=int(ev["sentence_index"]),
                source=s, source_label=sn["label"], source_type=ActorType(sn["type"]),
                source_mention=ev["source_mention"], type=RelationType(key), target=t, target_label=tn["label"],
                target_type=ActorType(tn["type"]), target_mention=ev["target_mention"], predicate=ev["predicate"],
                modality=Modality(ev["modality"]), time=ev["time"] or None, confidence=float(ev["confidence"]),
            ))
    return sorted(out, key=lambda r: (r.doc, r.sentence_index, r.key, r.predicate))
