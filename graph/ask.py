"""Who said what, and the structure and time of the graph: the questions :class:`graph.KnowledgeGraph` asks beside relations."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import networkx as nx

from extract.types import RelationType

from ._time import sort_key
from .rows import TYPE_ORDER, Comment, Event, Neighbor, Ranked, as_set
from .table import Table

__all__ = ["PREDECESSORS", "STATEMENT_TYPES", "NoPath", "Questions", "Structure"]

# Relations that are something said: what comments() and commentators() list.
STATEMENT_TYPES = ("comments_on", "criticism", "request")

# States whose relations a successor's timeline includes: the Russian Federation
# continues the Soviet Union's treaties (its UN seat among them).
PREDECESSORS: Mapping[str, tuple[str, ...]] = MappingProxyType({"RUS": ("SUN",)})


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


class NoPath(nx.NetworkXNoPath):
    """No chain of relations links the two actors."""


class Questions:
    """Comments, commentators, centrality and timelines, for :class:`graph.query.KnowledgeGraph`."""

    G: nx.MultiDiGraph

    if TYPE_CHECKING:  # KnowledgeGraph's

        def resolve(self, name: str) -> str: ...
        def _label(self, n: str) -> str: ...
        def _undirected(self, type: str | Iterable[str] | None) -> nx.Graph: ...

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
                    types=tuple(sorted(g["types"], key=lambda t: TYPE_ORDER.get(t, 99))),
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
        types = as_set(type, [t.value for t in RelationType], "relation type")
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
        types = as_set(type, [t.value for t in RelationType], "relation type")

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
        rows.sort(key=lambda e: (sort_key(e.time), e.doc, e.sentence_index, TYPE_ORDER.get(e.type, 99)))
        title = f"{self._label(x)} – {self._label(y)}" if y is not None else self._label(x)
        return Table(rows, title=f"timeline: {title}")


class Structure:
    """Neighbours, paths and ego networks, for :class:`graph.query.KnowledgeGraph`."""

    G: nx.MultiDiGraph

    if TYPE_CHECKING:  # KnowledgeGraph's

        def resolve(self, name: str) -> str: ...
        def _label(self, n: str) -> str: ...
        def between(self, a: str, b: str, *, type: str | Iterable[str] | None = None) -> Table: ...

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
        types = as_set(type, [t.value for t in RelationType], "relation type")
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
                relations=tuple(sorted(rels, key=lambda x: (TYPE_ORDER.get(x.strip("←→"), 99), x))),
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
        types = as_set(type, [t.value for t in RelationType], "relation type")
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
        types = as_set(type, [t.value for t in RelationType], "relation type")
        G = self.G
        if types is not None:
            G = nx.subgraph_view(self.G, filter_edge=lambda s, t, k: str(self.G.edges[s, t, k].get("type", k)) in types)
        return nx.MultiDiGraph(nx.ego_graph(G, n, radius=radius, undirected=True))
