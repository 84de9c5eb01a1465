"""Identity across documents: when two nodes are one actor, and merging them.

:func:`merge_identities` joins a person named by the surname in one article
(岸田) to the one person named in full in another (岸田文雄) when their states
and roles agree and no other person fits; two people who share a surname
(金正恩, 金与正) stay two. Every merged node lists what it absorbed and why in
its ``merged`` attribute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from extract.normalize import is_katakana, is_short_name, slugify
from extract.types import ActorType, RelationType, Role

from .model import absorb
from .names import is_whole_name, name_key, strip_titles

__all__ = ["MERGED_ATTR", "Merge", "merge_identities", "names_of", "plan_merges", "remap_relation"]

MERGED_ATTR = "merged"  # node attribute: "absorbed id (its label): why", one per merged node
_MAPPING = "merged_ids"  # graph attribute: absorbed id -> id of the node it is now part of


@dataclass(frozen=True, slots=True)
class Merge:
    """One node absorbed into another, and why."""

    absorbed: str
    into: str
    reason: str

    @property
    def record(self) -> str:
        return f"{self.absorbed}: {self.reason}"


_AFFILIATIONS = (RelationType.LEADER_OF.value, RelationType.MEMBER_OF.value)


def _states(G: nx.MultiDiGraph, n: str) -> set[str]:
    """The states a person leads or serves, directly or through one of their bodies (CHN:外務省)."""
    out = set()
    for _, t, k in G.out_edges(n, keys=True):
        if k not in _AFFILIATIONS:
            continue
        target = str(t)
        if G.nodes[t].get("type") == ActorType.COUNTRY:
            out.add(target)
        elif ":" in target:
            out.add(target.split(":", 1)[0])
    return out


def _roles_agree(a: str, b: str) -> bool:
    # A minister may become head of government (官房長官 → 首相), a scholar is not either.
    if not a or not b:
        return True
    return (a == Role.EXPERT) == (b == Role.EXPERT)


def _label(G: nx.MultiDiGraph, n: str) -> str:
    return strip_titles(str(G.nodes[n].get("label") or n))


def _fits(G: nx.MultiDiGraph, short: str, full: str) -> str | None:
    """Why the person ``short`` is the person ``full`` (another document's name), or None."""
    a, b = G.nodes[short], G.nodes[full]
    sa, sb = _states(G, short), _states(G, full)
    if sa and sb and not sa & sb:
        return None
    if not _roles_agree(str(a.get("role") or ""), str(b.get("role") or "")):
        return None
    la, lb = _label(G, short), _label(G, full)
    names_b_full = {strip_titles(str(x)) for x in b.get("aliases") or ()} - {lb}
    names_b = {name_key(x) for x in names_b_full} - {name_key(lb)}
    if la == lb:
        how = f"{la} is named so in another document"
    elif is_short_name(la, lb):
        # One character (林, 金) names too many people: only with a state both share.
        if len(la) == 1 and not (sa & sb):
            return None
        how = f"{la} is the {'last name' if is_katakana(lb) else 'surname'} of {lb}"
    elif name_key(la) in names_b:
        how = f"{la} is a name of {lb} in another document"
    elif other := next((x for x in sorted(names_b_full) if is_short_name(la, x)), None):
        how = f"{la} is the {'last name' if is_katakana(other) else 'surname'} of {other}, a name of {lb}"
    else:
        return None
    agree = sorted(sa & sb)
    return how + (f", both of {', '.join(agree)}" if agree else "") + ", and no other person fits"


def plan_merges(G: nx.MultiDiGraph) -> list[Merge]:
    """The person nodes that are another node's short name, each with the one node it fits.

    Pure: ``G`` is not changed. A short name that fits two people (金 of 金正恩
    and 金与正) is merged with neither; a node already merged before (its id in
    the graph's ``merged_ids``) goes to the same node again.
    """
    # Longest names first: 岸田文 joins 岸田文雄 before 岸田 is asked which of them it is.
    persons = sorted(
        (str(n) for n, d in G.nodes(data=True) if d.get("type") == ActorType.PERSON),
        key=lambda n: (-len(_label(G, n)), n),
    )
    # short name -> the persons it may stand for: their surnames, last names and other names
    index: dict[str, set[str]] = defaultdict(set)
    for n in persons:
        full = _label(G, n)
        # its own name too: a person the dictionary knew in one article and not in another
        # (a different title then) is two nodes of one name
        for k in (name_key(full), *_short_keys(full)):
            index[k].add(n)
        for alias in G.nodes[n].get("aliases") or ():
            name = strip_titles(str(alias))
            # another name of the person, and its surname (ニコラス・マドゥーロ: マドゥーロ)
            for k in (name_key(name), *_short_keys(name)):
                if k and k != name_key(full):
                    index[k].add(n)
    mapping = G.graph.get(_MAPPING) or {}
    plans: list[Merge] = []
    taken: set[str] = set()
    for short in persons:
        target = _follow(mapping, short)
        if target != short and target in G:
            plans.append(Merge(short, target, f"merged with {target} before"))
            taken.add(short)
            continue
        candidates = sorted(
            c for c in index.get(name_key(_label(G, short)), set()) - taken - {short} if not _named_only(G, c, short)
        )
        fits = [(full, why) for full in candidates if (why := _fits(G, short, full)) is not None]
        if len(fits) == 1:
            plans.append(Merge(short, fits[0][0], fits[0][1]))
            taken.add(short)
    into = {m.absorbed: m.into for m in plans}
    return [Merge(m.absorbed, _follow(into, m.into), m.reason) for m in plans]


def _named_only(G: nx.MultiDiGraph, other: str, node: str) -> bool:
    """Whether ``other`` is known only by the name ``node`` also has, while ``node`` has an id of its
    own (the dictionary's): then ``other`` joins ``node``, not the other way round."""
    label = _label(G, node)
    return _label(G, other) == label and other == slugify(label) and node != slugify(label)


def _short_keys(full: str) -> list[str]:
    """Keys of the surnames a person named ``full`` is called by: the last part of a name in
    katakana (never a given name alone: a king and a president who share one are two), a
    kanji name less its given name."""
    if is_katakana(full):
        parts = [p for p in full.replace("=", "・").replace("＝", "・").split("・") if p]
        return [name_key(parts[-1])] if len(parts) > 1 else []
    return [name_key(full[:i]) for i in range(max(1, len(full) - 3), len(full))]


def _follow(mapping: Mapping[str, str], n: str) -> str:
    seen = {n}
    while n in mapping and mapping[n] not in seen:
        n = mapping[n]
        seen.add(n)
    return n


def merge_identities(G: nx.MultiDiGraph) -> list[Merge]:
    """Merge the nodes of ``G`` that name one person (:func:`plan_merges`), in place.

    The absorbed node's relations, evidence, aliases, documents and mentions
    move to the node it is part of; that node's ``merged`` attribute records
    ``"absorbed id: why"`` and the graph's ``merged_ids`` maps the absorbed id
    to it, so a later document naming the short form again joins the same
    node (``geokg build --into``), and triples can be rewritten
    (:func:`remap_relation`). Returns the merges made.

    >>> from graph.build import build_graph
    >>> from extract.types import Relation
    >>> def rel(doc, src, label):
    ...     return Relation(doc=doc, sentence="…", sentence_index=0, source=src, source_label=label,
    ...                     source_type="person", source_mention=label, type="leader_of", target="JPN",
    ...                     target_label="日本", target_type="country", target_mention="日本", predicate="首相")
    >>> G = build_graph([rel("a.txt", "岸田", "岸田"), rel("b.txt", "岸田文雄", "岸田文雄")])
    >>> sorted(G), G.nodes["岸田文雄"]["merged"]
    (['JPN', '岸田文雄'], ['岸田: 岸田 is the surname of 岸田文雄, both of JPN, and no other person fits'])
    """
    plans = plan_merges(G)
    mapping: dict[str, str] = dict(G.graph.get(_MAPPING) or {})
    for m in plans:
        if m.absorbed not in G or m.into not in G:
            continue
        absorb(G, m.absorbed, m.into)
        node = G.nodes[m.into]
        names = [node["label"], *node["aliases"]]
        node["aliases"] = [a for a in node["aliases"] if is_whole_name(a, names)]  # ドナルド joins, but names no one
        node[MERGED_ATTR] = sorted(set(node.get(MERGED_ATTR) or ()) | {m.record})
        mapping[m.absorbed] = m.into
    if mapping:
        G.graph[_MAPPING] = {k: _follow(mapping, v) for k, v in sorted(mapping.items())}
    return plans


def remap_relation(data: Mapping[str, Any], G: nx.MultiDiGraph) -> dict[str, Any]:
    """A relation record (a line of triples.jsonl) with merged ids replaced by the node they joined.

    Labels follow the node; mentions stay as the text wrote them.
    """
    mapping = G.graph.get(_MAPPING) or {}
    out = dict(data)
    for side in ("source", "target"):
        n = _follow(mapping, str(out.get(side, "")))
        if n != out.get(side) and n in G:
            out[side] = n
            out[f"{side}_label"] = str(G.nodes[n].get("label") or n)
    return out


def names_of(G: nx.MultiDiGraph, nodes: Iterable[str]) -> list[tuple[str, str]]:
    """(id, label) pairs, for messages."""
    return [(n, str(G.nodes[n].get("label") or n)) for n in nodes if n in G]
