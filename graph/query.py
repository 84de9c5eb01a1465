"""Querying the knowledge graph from Python.

``graph.load("output/graph.json")`` gives a :class:`KnowledgeGraph`: the
networkx graph (``kg.G``) plus a few questions a reader of the news asks of
it. Every method takes an actor by id, name or any alias ("RUS", "ロシア",
"露", "プーチン大統領", "putin"), and returns plain values: a :class:`Table`
(a list of frozen dataclass rows that prints as a table) or a networkx
graph. Every relation row carries its evidence sentences.

>>> import graph
>>> kg = graph.example()          # a small built-in graph; use graph.load("output/graph.json")
>>> kg.relations(type="sanction")
source              type      target  n  modality  time  goldstein  evidence
------------------  --------  ------  -  --------  ----  ---------  --------------------------------------
国連安全保障理事会  sanction  北朝鮮  1  asserted             -4.0  国連安保理は北朝鮮に制裁を科している。
米国                sanction  ロシア  1  asserted  2022       -4.0  米国は2022年、ロシアに制裁を科した。
>>> kg.relations(type="sanction")[1].source, kg.relations(type="sanction")[1].sentence
('USA', '米国は2022年、ロシアに制裁を科した。')
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import networkx as nx

from extract.types import MODALITY_STRENGTH, Modality, RelationType

from ._time import period, sort_key, time_bound
from .names import NameIndex
from .readwrite import GraphFileError, read_json
from .table import Table

__all__ = [
    "PREDECESSORS",
    "STATEMENT_TYPES",
    "ActorInfo",
    "AmbiguousActor",
    "Comment",
    "Edge",
    "Event",
    "Evidence",
    "KnowledgeGraph",
    "Neighbor",
    "NoPath",
    "Ranked",
    "UnknownActor",
    "load",
]

# Relations that are something said: what comments() and commentators() list.
STATEMENT_TYPES = ("comments_on", "criticism", "request")

# States whose relations a successor's timeline includes: the Russian Federation
# continues the Soviet Union's treaties (its UN seat among them).
PREDECESSORS: Mapping[str, tuple[str, ...]] = MappingProxyType({"RUS": ("SUN",)})

_TYPE_ORDER = {t.value: i for i, t in enumerate(RelationType)}


class UnknownActor(KeyError):
    """No actor in the graph answers to this name. ``candidates`` lists close ones as (id, label)."""

    def __init__(self, name: str, candidates: Iterable[tuple[str, str]] = (), message: str | None = None) -> None:
        self.name = name
        self.candidates = list(candidates)
        if message is None:
            message = f"no actor {name!r} in the graph"
            if self.candidates:
                message += "; did you mean " + ", ".join(f"{label} ({i})" for i, label in self.candidates) + "?"
            else:
                message += "; list the actors with kg.actors() or `geokg query GRAPH actors`"
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return self.message


class AmbiguousActor(UnknownActor):
    """The name is an alias of several actors; ``candidates`` lists them. Use an id."""

    def __init__(self, name: str, candidates: Iterable[tuple[str, str]]) -> None:
        candidates = list(candidates)
        listed = ", ".join(f"{label} ({i})" for i, label in candidates)
        super().__init__(name, candidates, f"{name!r} names several actors: {listed}; use one of the ids")


class NoPath(nx.NetworkXNoPath):
    """No chain of relations links the two actors."""


# ---------------------------------------------------------------------------- rows


def _goldstein(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}"


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first}–{last}"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence supporting a relation, and where it comes from."""

    doc: str
    sentence: str
    sentence_index: int
    predicate: str
    modality: str
    time: str
    confidence: float
    source_mention: str
    target_mention: str

    @classmethod
    def from_dict(cls, ev: Mapping[str, Any], *, flip: bool = False) -> Evidence:
        sm, tm = ev.get("source_mention", ""), ev.get("target_mention", "")
        return cls(
            doc=ev["doc"],
            sentence=ev["sentence"],
            sentence_index=int(ev["sentence_index"]),
            predicate=ev.get("predicate", ""),
            modality=ev.get("modality", "asserted"),
            time=ev.get("time") or "",
            confidence=float(ev.get("confidence", 1.0)),
            source_mention=tm if flip else sm,
            target_mention=sm if flip else tm,
        )

    _columns = (
        ("doc", lambda r: r.doc),
        ("#", lambda r: r.sentence_index),
        ("time", lambda r: r.time),
        ("modality", lambda r: r.modality),
        ("sentence", lambda r: r.sentence),
    )


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """An actor (a node) and what the graph knows of it."""

    id: str
    label: str
    type: str
    role: str
    aliases: tuple[str, ...]
    mentions: int
    docs: tuple[str, ...]
    neighbors: int
    merged: tuple[str, ...] = ()  # nodes merged into this one across documents, and why

    _columns = (
        ("id", lambda r: r.id),
        ("label", lambda r: r.label),
        ("type", lambda r: r.type),
        ("role", lambda r: r.role),
        ("mentions", lambda r: r.mentions),
        ("neighbors", lambda r: r.neighbors),
        ("aliases", lambda r: r.aliases),
    )


@dataclass(frozen=True, slots=True)
class Edge:
    """A relation between two actors (one graph edge) with the evidence for it.

    For symmetric types the row is turned to read from the actor asked about,
    so ``kg.relations(source="ロシア", type="treaty")`` lists Russia as source.
    """

    source: str
    type: str
    target: str
    source_label: str
    target_label: str
    symmetric: bool
    count: int
    modality: str
    confidence: float
    first_time: str
    last_time: str
    cameo: str | None
    goldstein: float | None
    predicates: tuple[str, ...]
    docs: tuple[str, ...]
    evidence: tuple[Evidence, ...] = field(repr=False)

    @property
    def sentence(self) -> str:
        """The first evidence sentence."""
        return self.evidence[0].sentence if self.evidence else ""

    @property
    def sentences(self) -> tuple[str, ...]:
        """Every evidence sentence, in document order."""
        return tuple(e.sentence for e in self.evidence)

    @property
    def time(self) -> str:
        """ "1961", "2000–2024-06-19", or "" when undated."""
        return _span(self.first_time, self.last_time)

    _columns = (
        ("source", lambda r: r.source_label),
        ("type", lambda r: r.type),
        ("target", lambda r: r.target_label),
        ("n", lambda r: r.count),
        ("modality", lambda r: r.modality),
        ("time", lambda r: r.time),
        ("goldstein", lambda r: _goldstein(r.goldstein), "right"),
        ("evidence", lambda r: r.sentence),
    )


@dataclass(frozen=True, slots=True)
class Neighbor:
    """An actor linked to the one asked about, and how: "support→" (to it), "←sanction" (from it)."""

    id: str
    label: str
    type: str
    relations: tuple[str, ...]
    count: int

    _columns = (
        ("id", lambda r: r.id),
        ("label", lambda r: r.label),
        ("type", lambda r: r.type),
        ("relations", lambda r: r.relations),
        ("n", lambda r: r.count),
    )


@dataclass(frozen=True, slots=True)
class Comment:
    """Something an actor said (comments_on, criticism, request), about whom, in which sentence."""

    speaker: str
    speaker_label: str
    role: str
    about: tuple[str, ...]
    about_labels: tuple[str, ...]
    types: tuple[str, ...]
    quote: str
    sentence: str
    doc: str
    sentence_index: int
    time: str

    _columns = (
        ("speaker", lambda r: r.speaker_label),
        ("role", lambda r: r.role),
        ("about", lambda r: r.about_labels),
        ("type", lambda r: r.types),
        ("said", lambda r: r.quote),
    )


@dataclass(frozen=True, slots=True)
class Event:
    """One dated (or undated) relation between two actors, for a timeline."""

    time: str
    source: str
    type: str
    target: str
    source_label: str
    target_label: str
    goldstein: float | None
    modality: str
    sentence: str
    doc: str
    sentence_index: int
    predicate: str

    _columns = (
        ("time", lambda r: r.time or "(undated)"),
        ("source", lambda r: r.source_label),
        ("type", lambda r: r.type),
        ("target", lambda r: r.target_label),
        ("goldstein", lambda r: _goldstein(r.goldstein), "right"),
        ("modality", lambda r: r.modality),
        ("evidence", lambda r: r.sentence),
    )


@dataclass(frozen=True, slots=True)
class Ranked:
    """An actor ranked by :meth:`KnowledgeGraph.central`."""

    id: str
    label: str
    type: str
    neighbors: int
    relations: int
    evidence: int
    score: float

    _columns = (
        ("id", lambda r: r.id),
        ("label", lambda r: r.label),
        ("type", lambda r: r.type),
        ("neighbors", lambda r: r.neighbors),
        ("relations", lambda r: r.relations),
        ("evidence", lambda r: r.evidence),
        ("score", lambda r: round(r.score, 3)),
    )


# ---------------------------------------------------------------------------- names


def _quote(sentence: str) -> str:
    """The words in 「」 (top level), or the sentence when nothing is quoted."""
    quotes, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        if ch == "「":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "」" and depth:
            depth -= 1
            if depth == 0:
                quotes.append(sentence[start:i])
    return " … ".join(f"「{q}」" for q in quotes) if quotes else sentence


def _as_set(value: str | Iterable[str] | None, allowed: Iterable[str], what: str) -> frozenset[str] | None:
    if value is None:
        return None
    values = {value} if isinstance(value, str) else {str(v) for v in value}
    allowed = tuple(allowed)
    bad = sorted(values - set(allowed))
    if bad:
        raise ValueError(f"unknown {what} {', '.join(map(repr, bad))}; choose from {', '.join(allowed)}")
    return frozenset(values)


# ---------------------------------------------------------------------------- the graph


def load(path: str | Path) -> KnowledgeGraph:
    """Load ``graph.json`` (or the folder holding it) for querying.

    Raises ``FileNotFoundError`` when there is no such file and
    :class:`~graph.readwrite.GraphFileError` (a ``ValueError``) when the file
    is not a geokg graph.

    >>> import tempfile, graph
    >>> with tempfile.TemporaryDirectory() as d:
    ...     graph.write_json(graph.example_graph(), f"{d}/graph.json")
    ...     kg = load(d)
    >>> kg
    KnowledgeGraph(13 actors, 20 relations, 4 documents)
    """
    p = Path(path)
    if p.is_dir() or (not p.exists() and not p.suffix):
        p = p / "graph.json"
    if not p.is_file():
        raise FileNotFoundError(f"{p}: no such graph file; `geokg build ARTICLES -o {p.parent}/` writes one")
    if p.suffix.lower() in (".graphml", ".gexf", ".csv", ".xml"):
        raise GraphFileError(
            f"{p}: load reads graph.json (other formats keep evidence as text only); "
            f"pass the graph.json written beside it"
        )
    return KnowledgeGraph(read_json(p))


class KnowledgeGraph:
    """The knowledge graph with questions to ask it. ``G`` is the networkx ``MultiDiGraph``.

    Examples
    --------
    >>> from graph.example import example_graph
    >>> kg = KnowledgeGraph(example_graph())
    >>> kg.actor("露").id, kg.actor("putin").id, kg.actor("金正恩総書記").label
    ('RUS', 'putin', '金正恩')
    >>> "ソ連" in kg, "フランス" in kg
    (True, False)
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G if isinstance(G, nx.MultiDiGraph) else nx.MultiDiGraph(G)
        self.names = NameIndex(self.G)  # the one resolver: queries, the CLI and the map's search keys

    def __repr__(self) -> str:
        docs = {ev["doc"] for *_, d in self.G.edges(data=True) for ev in d.get("evidence", ())}
        docs.update(self.G.graph.get("documents", {}))
        n_rel = sum(d.get("count", 1) for *_, d in self.G.edges(data=True))
        return f"KnowledgeGraph({self.G.number_of_nodes()} actors, {n_rel} relations, {len(docs)} documents)"

    def __contains__(self, name: object) -> bool:
        try:
            self.resolve(str(name))
        except UnknownActor:
            return False
        return True

    def __len__(self) -> int:
        return self.G.number_of_nodes()

    # -- names

    def _label(self, n: str) -> str:
        return str(self.G.nodes[n].get("label", n)) if n in self.G else n

    def _choices(self, ids: Iterable[str]) -> list[tuple[str, str]]:
        return [(i, self._label(i)) for i in sorted(ids, key=lambda i: (-self.G.nodes[i].get("mentions", 0), i))]

    def _one(self, name: str, ids: set[str] | None) -> str | None:
        if not ids:
            return None
        if len(ids) > 1:
            raise AmbiguousActor(name, self._choices(ids))
        return next(iter(ids))

    def resolve(self, name: str) -> str:
        """The id of the actor ``name`` refers to.

        Any name the actor is known by (:meth:`graph.names.NameIndex.find`):
        the id; an id or label; an alias; a name the gazetteer knows it by
        (露, アメリカ, North Korea, 中国外交部 for ``CHN:外務省``); the same without
        titles and honorifics (氏, 大統領, 教授 …); a person's surname or last
        name (兵頭 → 兵頭慎治); a loose romanisation ("putin" → プーチン). Case,
        width and spaces do not matter. Raises :class:`AmbiguousActor` when
        the first step that finds anything finds several actors, and
        :class:`UnknownActor`, with the most alike names as candidates, when
        none finds any.

        >>> from graph.example import example
        >>> kg = example()
        >>> [kg.resolve(n) for n in ("RUS", "rus", "ロシア連邦", "ﾛｼｱ", "プーチン氏", "Putin", "兵頭")]
        ['RUS', 'RUS', 'RUS', 'RUS', 'putin', 'putin', 'hyodo_shinji']
        >>> [kg.resolve(n) for n in ("露", "アメリカ", "america", "United States", "north korea")]
        ['RUS', 'USA', 'USA', 'USA', 'PRK']
        >>> kg.resolve("平岩教授"), kg.resolve("キム・ジョンウン"), kg.resolve("kim jong un")
        ('hiraiwa_shunji', 'kim_jong_un', 'kim_jong_un')
        >>> kg.resolve("ロ朝")
        Traceback (most recent call last):
        ...
        graph.query.AmbiguousActor: 'ロ朝' names several actors: 北朝鮮 (PRK), ロシア (RUS); use one of the ids
        >>> kg.resolve("ソ連邦")
        Traceback (most recent call last):
        ...
        graph.query.UnknownActor: no actor 'ソ連邦' in the graph; did you mean ソ連 (SUN), ロシア (RUS)?
        """
        name = str(name)
        found = self.names.lookup(name)
        if found.ambiguous:
            others = [(i, self.names.gazetteer_label(i)) for i in found.absent]
            raise AmbiguousActor(name, [*self._choices(found.ids), *others])
        if found.ids:
            return found.ids[0]
        suggestions = [(i, self._label(i)) for i in self.names.suggest(name)]
        if found.absent:
            absent = ", ".join(found.absent)
            raise UnknownActor(
                name, suggestions, f"no actor {name!r} in the graph: no document relates {absent} to another actor"
            )
        raise UnknownActor(name, suggestions)

    def actor(self, name: str) -> ActorInfo:
        """The actor ``name`` refers to (see :meth:`resolve` for the names accepted).

        >>> from graph.example import example
        >>> a = example().actor("プーチン大統領")
        >>> a.id, a.type, a.role, a.neighbors
        ('putin', 'person', 'leader', 2)
        """
        return self._info(self.resolve(name))

    def _info(self, n: str) -> ActorInfo:
        d = self.G.nodes[n]
        return ActorInfo(
            id=n,
            label=self._label(n),
            type=str(d.get("type", "")),
            role=str(d.get("role") or ""),
            aliases=tuple(d.get("aliases") or ()),
            mentions=int(d.get("mentions") or 0),
            docs=tuple(d.get("docs") or ()),
            neighbors=len(self._neighbor_ids(n)),
            merged=tuple(d.get("merged") or ()),
        )

    def _neighbor_ids(self, n: str) -> set[str]:
        return (set(self.G.successors(n)) | set(self.G.predecessors(n))) - {n}

    def actors(self, *, type: str | None = None, role: str | None = None) -> Table:
        """Every actor, most mentioned first; ``type`` and ``role`` narrow the list.

        >>> from graph.example import example
        >>> [a.label for a in example().actors(role="expert")]
        ['平岩俊司', '兵頭慎治']
        """
        rows = [
            self._info(n)
            for n, d in self.G.nodes(data=True)
            if (type is None or d.get("type") == type) and (role is None or (d.get("role") or "") == role)
        ]
        rows.sort(key=lambda a: (-a.mentions, a.label, a.id))
        return Table(rows)

    # -- relations

    def _edge(
        self, s: str, t: str, key: str, d: Mapping[str, Any], evidence: list[Mapping[str, Any]], flip: bool
    ) -> Edge:
        if flip:
            s, t = t, s
        times = sorted((str(ev["time"]) for ev in evidence if ev.get("time")), key=sort_key)
        strongest = max(
            (ev.get("modality", "asserted") for ev in evidence), key=lambda m: (MODALITY_STRENGTH.get(m, 0), m)
        )
        return Edge(
            source=s,
            type=str(d.get("type", key)),
            target=t,
            source_label=self._label(s),
            target_label=self._label(t),
            symmetric=bool(d.get("symmetric")),
            count=len(evidence),
            modality=strongest,
            confidence=max(float(ev.get("confidence", 1.0)) for ev in evidence),
            first_time=times[0] if times else "",
            last_time=times[-1] if times else "",
            cameo=d.get("cameo"),
            goldstein=d.get("goldstein"),
            predicates=tuple(sorted({ev.get("predicate", "") for ev in evidence})),
            docs=tuple(sorted({ev["doc"] for ev in evidence})),
            evidence=tuple(Evidence.from_dict(ev, flip=flip) for ev in evidence),
        )

    def _evidence_filter(self, modality: str | Iterable[str] | None, since: Any, until: Any):
        mods = _as_set(modality, [m.value for m in Modality], "modality")
        lo, hi = time_bound(since, end=False), time_bound(until, end=True)

        def keep(ev: Mapping[str, Any]) -> bool:
            if mods is not None and ev.get("modality") not in mods:
                return False
            if lo or hi:
                p = period(ev.get("time"))
                if p is None or (lo and p[1] < lo) or (hi and p[0] > hi):
                    return False
            return True

        return keep

    def relations(
        self,
        source: str | None = None,
        target: str | None = None,
        *,
        type: str | Iterable[str] | None = None,
        modality: str | Iterable[str] | None = None,
        since: str | int | None = None,
        until: str | int | None = None,
    ) -> Table:
        """Relations matching every filter given, one row per edge, with their evidence.

        Parameters
        ----------
        source, target : str, optional
            Actors (any name). Symmetric relations (treaty, cooperation,
            meeting) match either way round and are turned to read from
            ``source``.
        type : str or list of str, optional
            Relation types (``ONTOLOGY.md``), e.g. ``"sanction"`` or ``["support", "attack"]``.
        modality : str or list of str, optional
            Keep only evidence with this modality (asserted, hedged, negated, hypothetical).
        since, until : str or int, optional
            Keep only evidence dated within these bounds: a year, year-month
            or date (``2000``, ``"2024-06"``); undated evidence is left out
            when either is given.

        When a filter drops some of an edge's evidence, the row's count,
        times and modality describe what is left.

        Examples
        --------
        >>> from graph.example import example
        >>> kg = example()
        >>> [(r.source, r.target, r.time) for r in kg.relations(source="ロシア", type="treaty")]
        [('RUS', 'PRK', '2000–2024-06-19')]
        >>> [(r.source_label, r.target_label) for r in kg.relations(type="sanction")]
        [('国連安全保障理事会', '北朝鮮'), ('米国', 'ロシア')]
        >>> [r.time for r in kg.relations(type="treaty", since=2001)]
        ['2024-06-19']
        >>> kg.relations(type="sanctions")
        Traceback (most recent call last):
        ...
        ValueError: unknown relation type 'sanctions'; choose from treaty, cooperation, meeting, support, sanction, threat, criticism, request, attack, comments_on, leader_of, member_of, part_of
        """
        src = self.resolve(source) if source is not None else None
        tgt = self.resolve(target) if target is not None else None
        types = _as_set(type, [t.value for t in RelationType], "relation type")
        keep = self._evidence_filter(modality, since, until)
        rows = []
        for s, t, k, d in self.G.edges(keys=True, data=True):
            if types is not None and str(d.get("type", k)) not in types:
                continue
            turns = [False, True] if d.get("symmetric") and s != t else [False]
            for flip in turns:
                a, b = (t, s) if flip else (s, t)
                if (src is not None and a != src) or (tgt is not None and b != tgt):
                    continue
                evidence = [ev for ev in d.get("evidence", ()) if keep(ev)]
                if evidence:
                    rows.append(self._edge(s, t, k, d, evidence, flip))
                break
        rows.sort(key=lambda r: (_TYPE_ORDER.get(r.type, 99), r.source_label, r.target_label, r.source, r.target))
        title = " ".join(
            x
            for x in (self._label(src) if src else "", "→" if src or tgt else "", self._label(tgt) if tgt else "")
            if x
        )
        return Table(rows, title=title)

    def between(
        self,
        a: str,
        b: str,
        *,
        type: str | Iterable[str] | None = None,
        modality: str | Iterable[str] | None = None,
        since: str | int | None = None,
        until: str | int | None = None,
    ) -> Table:
        """All relations between two actors, either way, each with its evidence.

        >>> from graph.example import example
        >>> for r in example().between("ロシア", "北朝鮮"):
        ...     print(r.source, r.type, r.target, r.count, r.sentences[0])
        RUS treaty PRK 2 ロシアと北朝鮮は2000年に友好善隣協力条約を結んだ。
        RUS support PRK 1 ロシアから北朝鮮への軍事支援は地域の緊張を高めかねない。
        PRK support RUS 1 北朝鮮はロシアに弾薬を供与している。
        """
        x, y = self.resolve(a), self.resolve(b)
        rows = list(self.relations(x, y, type=type, modality=modality, since=since, until=until))
        if x != y:
            rows += [
                r
                for r in self.relations(y, x, type=type, modality=modality, since=since, until=until)
                if not r.symmetric
            ]
        rows.sort(key=lambda r: (_TYPE_ORDER.get(r.type, 99), r.source != x))
        return Table(rows, title=f"{self._label(x)} ↔ {self._label(y)}")

    def neighbors(self, actor: str, *, type: str | Iterable[str] | None = None) -> Table:
        """The actors linked to ``actor``, and by which relations ("support→": from it, "←sanction": to it).

        >>> from graph.example import example
        >>> for n in example().neighbors("北朝鮮", type=["treaty", "sanction"]):
        ...     print(n.label, n.relations)
        ロシア ('treaty',)
        ソ連 ('treaty',)
        国連安全保障理事会 ('←sanction',)
        """
        n = self.resolve(actor)
        types = _as_set(type, [t.value for t in RelationType], "relation type")
        found: dict[str, tuple[set[str], int]] = {}
        for s, t, k, d in [*self.G.out_edges(n, keys=True, data=True), *self.G.in_edges(n, keys=True, data=True)]:
            rtype = str(d.get("type", k))
            if (types is not None and rtype not in types) or s == t:
                continue
            other = t if s == n else s
            label = rtype if d.get("symmetric") else (f"{rtype}→" if s == n else f"←{rtype}")
            rels, count = found.get(other, (set(), 0))
            rels.add(label)
            found[other] = (rels, count + int(d.get("count", 1)))
        rows = [
            Neighbor(
                id=o,
                label=self._label(o),
                type=str(self.G.nodes[o].get("type", "")),
                relations=tuple(sorted(rels, key=lambda x: (_TYPE_ORDER.get(x.strip("←→"), 99), x))),
                count=count,
            )
            for o, (rels, count) in found.items()
        ]
        rows.sort(key=lambda r: (-r.count, r.label, r.id))
        return Table(rows, title=f"neighbours of {self._label(n)}")

    def path(self, a: str, b: str, *, type: str | Iterable[str] | None = None) -> Table:
        """How two actors are connected: the relations along a shortest chain, hop by hop.

        Relations count in either direction. Every relation between two
        actors next to each other on the chain is listed, so each hop shows
        all its evidence. Raises :class:`NoPath` when nothing links them.

        >>> from graph.example import example
        >>> p = example().path("日本", "ソ連")
        >>> p.title
        '日本 → 北朝鮮 → ソ連'
        >>> [(r.source, r.type, r.target, r.time) for r in p]
        [('PRK', 'threat', 'JPN', ''), ('PRK', 'treaty', 'SUN', '1961')]
        >>> example().path("米国", "日本", type=["sanction", "threat"]).title
        '米国 → ロシア → 日本'
        """
        x, y = self.resolve(a), self.resolve(b)
        H = self._undirected(type)
        try:
            chain = nx.shortest_path(H, x, y)
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            raise NoPath(f"no chain of relations links {self._label(x)} and {self._label(y)}") from None
        rows: list[Any] = []
        for u, v in itertools.pairwise(chain):
            rows.extend(self.between(u, v, type=type))
        return Table(rows, title=" → ".join(self._label(n) for n in chain))

    def _undirected(self, type: str | Iterable[str] | None) -> nx.Graph:
        types = _as_set(type, [t.value for t in RelationType], "relation type")
        H = nx.Graph()
        # Sorted, so that among equally short chains the same one is always found.
        H.add_nodes_from(sorted(self.G.nodes))
        H.add_edges_from(
            sorted(
                (min(s, t), max(s, t))
                for s, t, k, d in self.G.edges(keys=True, data=True)
                if s != t and (types is None or str(d.get("type", k)) in types)
            )
        )
        return H

    def ego(self, actor: str, radius: int = 1, *, type: str | Iterable[str] | None = None) -> nx.MultiDiGraph:
        """The subgraph of actors within ``radius`` relations of ``actor`` (either direction).

        A copy: a networkx ``MultiDiGraph`` with every attribute; wrap it in
        :class:`KnowledgeGraph` to query it, or export it.

        >>> from graph.example import example
        >>> sorted(example().ego("ソ連"))
        ['PRK', 'SUN']
        >>> sorted(example().ego("ソ連", radius=2, type="treaty"))
        ['PRK', 'RUS', 'SUN']
        """
        n = self.resolve(actor)
        types = _as_set(type, [t.value for t in RelationType], "relation type")
        G = self.G
        if types is not None:
            G = nx.subgraph_view(self.G, filter_edge=lambda s, t, k: str(self.G.edges[s, t, k].get("type", k)) in types)
        return nx.MultiDiGraph(nx.ego_graph(G, n, radius=radius, undirected=True))

    # -- who said what

    def comments(self, speaker: str | None = None, *, about: str | None = None, role: str | None = None) -> Table:
        """Who said what about whom: statements (comments_on, criticism, request) with the words quoted.

        One row per sentence: a statement about two actors is one row naming
        both. ``speaker`` and ``about`` take any name; ``role="expert"`` keeps
        the experts.

        >>> from graph.example import example
        >>> for c in example().comments(role="expert"):
        ...     print(c.speaker_label, c.about_labels, c.quote)
        兵頭慎治 ('北朝鮮',) 「北朝鮮からの武器供与は有効だ」
        平岩俊司 ('ロシア', '北朝鮮') 「北朝鮮はロシアの技術協力がほしい」
        """
        spk = self.resolve(speaker) if speaker is not None else None
        abt = self.resolve(about) if about is not None else None
        groups: dict[tuple, dict[str, Any]] = {}
        for s, t, k, d in self.G.edges(keys=True, data=True):
            rtype = str(d.get("type", k))
            if rtype not in STATEMENT_TYPES or (spk and s != spk) or (abt and t != abt):
                continue
            if role is not None and (self.G.nodes[s].get("role") or "") != role:
                continue
            for ev in d.get("evidence", ()):
                g = groups.setdefault(
                    (s, ev["doc"], int(ev["sentence_index"]), ev["sentence"]),
                    {"about": set(), "types": set(), "time": ev.get("time") or ""},
                )
                g["about"].add(t)
                g["types"].add(rtype)
        rows = []
        for (s, doc, index, sentence), g in groups.items():
            about_ids = tuple(sorted(g["about"], key=lambda i: (self._label(i), i)))
            rows.append(
                Comment(
                    speaker=s,
                    speaker_label=self._label(s),
                    role=str(self.G.nodes[s].get("role") or ""),
                    about=about_ids,
                    about_labels=tuple(self._label(i) for i in about_ids),
                    types=tuple(sorted(g["types"], key=lambda t: _TYPE_ORDER.get(t, 99))),
                    quote=_quote(sentence),
                    sentence=sentence,
                    doc=doc,
                    sentence_index=index,
                    time=g["time"],
                )
            )
        rows.sort(key=lambda c: (c.speaker_label, c.speaker, c.doc, c.sentence_index))
        return Table(rows, title=f"what {self._label(spk)} said" if spk else "")

    def commentators(self, actor: str) -> Table:
        """Who said what about ``actor``: :meth:`comments` with ``about=actor``.

        >>> from graph.example import example
        >>> [c.speaker_label for c in example().commentators("ロシア")]
        ['平岩俊司', '韓国']
        """
        n = self.resolve(actor)
        table = self.comments(about=n)
        table.title = f"what was said about {self._label(n)}"
        return table

    # -- structure and time

    def central(self, n: int = 10, *, by: str = "degree", type: str | Iterable[str] | None = None) -> Table:
        """The ``n`` most connected actors.

        ``by="degree"`` ranks by the number of distinct actors linked (then by
        evidence); ``"evidence"`` by the sentences supporting their relations;
        ``"betweenness"`` by betweenness centrality, the actors that chains
        between others go through.

        >>> from graph.example import example
        >>> [(r.label, r.neighbors) for r in example().central(3)]
        [('北朝鮮', 8), ('ロシア', 7), ('平岩俊司', 3)]
        """
        if by not in ("degree", "evidence", "betweenness"):
            raise ValueError(f"unknown ranking {by!r}; choose from degree, evidence, betweenness")
        H = self._undirected(type)
        types = _as_set(type, [t.value for t in RelationType], "relation type")
        between = nx.betweenness_centrality(H) if by == "betweenness" else {}
        rows = []
        for node in self.G.nodes:
            edges = [
                d
                for *_, d in [*self.G.out_edges(node, data=True), *self.G.in_edges(node, data=True)]
                if types is None or d.get("type") in types
            ]
            evidence = sum(int(d.get("count", 1)) for d in edges)
            degree = H.degree(node)
            score = {"degree": float(degree), "evidence": float(evidence)}.get(by, between.get(node, 0.0))
            rows.append(
                Ranked(
                    id=node,
                    label=self._label(node),
                    type=str(self.G.nodes[node].get("type", "")),
                    neighbors=degree,
                    relations=len(edges),
                    evidence=evidence,
                    score=score,
                )
            )
        rows.sort(key=lambda r: (-r.score, -r.neighbors, -r.evidence, r.label, r.id))
        return Table(rows[:n], title=f"most central by {by}")

    def timeline(
        self, a: str, b: str | None = None, *, predecessors: bool = True, type: str | Iterable[str] | None = None
    ) -> Table:
        """The relations between ``a`` and ``b`` (or all of ``a``'s) in time order, with Goldstein scores.

        One row per evidence sentence; undated ones come last. With
        ``predecessors`` (the default) a state's timeline includes the
        states it continues (:data:`PREDECESSORS`: Russia includes the
        Soviet Union). Actor roles (leader_of, member_of, part_of) are not
        events and are left out.

        >>> from graph.example import example
        >>> for e in example().timeline("ロシア", "北朝鮮", type="treaty"):
        ...     print(e.time, e.source_label, e.target_label, e.goldstein)
        1961 北朝鮮 ソ連 8.0
        2000 北朝鮮 ロシア 8.0
        2024-06-19 北朝鮮 ロシア 8.0
        """
        x = self.resolve(a)
        y = self.resolve(b) if b is not None else None
        types = _as_set(type, [t.value for t in RelationType], "relation type")

        def side(n: str) -> set[str]:
            return {n, *(p for p in PREDECESSORS.get(n, ()) if p in self.G)} if predecessors else {n}

        xs, ys = side(x), side(y) if y is not None else None
        rows = []
        for s, t, k, d in self.G.edges(keys=True, data=True):
            rtype = str(d.get("type", k))
            if not RelationType(rtype).is_event or (types is not None and rtype not in types):
                continue
            if not ((s in xs and (ys is None or t in ys)) or (t in xs and (ys is None or s in ys))):
                continue
            for ev in d.get("evidence", ()):
                rows.append(
                    Event(
                        time=ev.get("time") or "",
                        source=s,
                        type=rtype,
                        target=t,
                        source_label=self._label(s),
                        target_label=self._label(t),
                        goldstein=d.get("goldstein"),
                        modality=ev.get("modality", ""),
                        sentence=ev["sentence"],
                        doc=ev["doc"],
                        sentence_index=int(ev["sentence_index"]),
                        predicate=ev.get("predicate", ""),
                    )
                )
        rows.sort(key=lambda e: (sort_key(e.time), e.doc, e.sentence_index, _TYPE_ORDER.get(e.type, 99)))
        title = f"{self._label(x)} – {self._label(y)}" if y is not None else self._label(x)
        return Table(rows, title=f"timeline: {title}")
