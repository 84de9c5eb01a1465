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

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from extract.types import MODALITY_STRENGTH, Modality, RelationType

from ._time import period, sort_key, time_bound
from .ask import PREDECESSORS, STATEMENT_TYPES, NoPath, Questions, Structure
from .names import NameIndex
from .readwrite import GraphFileError, read_json
from .rows import TYPE_ORDER as _TYPE_ORDER
from .rows import ActorInfo, Comment, Edge, Event, Evidence, Neighbor, Ranked
from .rows import as_set as _as_set
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


class KnowledgeGraph(Questions, Structure):
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

    def resolve(self, name: str) -> str:
        """The id of the actor ``name`` refers to.

        Any name the actor is known by, tried in the order of
        :class:`graph.names.Tier`: the id; the label; an alias (or an
        ``en``/``latin`` name on the node); a name the gazetteer knows it by
        (アメリカ, North Korea, 中国外交部 for ``CHN:外務省``); the same without
        titles and honorifics (氏, 大統領, 教授 …); an abbreviation (PRC, ROK,
        UK, 露); a person's full name in either order and script, or family
        name (兵頭 → 兵頭慎治, putin → プーチン). Case, width and spaces do not
        matter. Raises :class:`AmbiguousActor` when the first step that finds
        anything finds several actors, and :class:`UnknownActor`, with the
        most alike names as candidates (never as an answer), when none does.

        >>> from graph.example import example
        >>> kg = example()
        >>> [kg.resolve(n) for n in ("RUS", "rus", "ロシア連邦", "ﾛｼｱ", "プーチン氏", "Putin", "兵頭")]
        ['RUS', 'RUS', 'RUS', 'RUS', 'putin', 'putin', 'hyodo_shinji']
        >>> [kg.resolve(n) for n in ("露", "アメリカ", "america", "United States", "north korea")]
        ['RUS', 'USA', 'USA', 'USA', 'PRK']
        >>> kg.resolve("平岩教授"), kg.resolve("キム・ジョンウン"), kg.resolve("kim jong un")
        ('hiraiwa_shunji', 'kim_jong_un', 'kim_jong_un')
        >>> [kg.resolve(n) for n in ("DPRK", "ROK", "USSR", "Soviet Union")]
        ['PRK', 'KOR', 'SUN', 'SUN']
        >>> kg.resolve("PRC")
        Traceback (most recent call last):
        ...
        graph.query.UnknownActor: no actor 'PRC' in the graph: no document relates CHN to another actor
        >>> kg.resolve("ロ朝")
        Traceback (most recent call last):
        ...
        graph.query.AmbiguousActor: 'ロ朝' names several actors: 北朝鮮 (PRK), ロシア (RUS); use one of the ids
        >>> kg.resolve("ソ連国")
        Traceback (most recent call last):
        ...
        graph.query.UnknownActor: no actor 'ソ連国' in the graph; did you mean ソ連 (SUN)?
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
        rows = self._edge_rows(src, tgt, types, self._evidence_filter(modality, since, until))
        rows.sort(key=lambda r: (_TYPE_ORDER.get(r.type, 99), r.source_label, r.target_label, r.source, r.target))
        title = " ".join(
            x
            for x in (self._label(src) if src else "", "→" if src or tgt else "", self._label(tgt) if tgt else "")
            if x
        )
        return Table(rows, title=title)

    def _edge_rows(self, src: str | None, tgt: str | None, types: frozenset[str] | None, keep) -> list[Edge]:
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
        return rows

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
