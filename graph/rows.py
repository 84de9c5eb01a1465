"""The rows a query answers with: plain frozen dataclasses that print as a table (:class:`graph.table.Table`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from extract.types import RelationType

__all__ = ["TYPE_ORDER", "ActorInfo", "Comment", "Edge", "Event", "Evidence", "Neighbor", "Ranked", "as_set"]

TYPE_ORDER = {t.value: i for i, t in enumerate(RelationType)}


def as_set(value: str | Iterable[str] | None, allowed: Iterable[str], what: str) -> frozenset[str] | None:
    """A filter's values, checked against what is allowed (None: no filter).

    >>> as_set("sanction", ["sanction", "support"], "relation type")
    frozenset({'sanction'})
    """
    if value is None:
        return None
    values = {value} if isinstance(value, str) else {str(v) for v in value}
    allowed = tuple(allowed)
    bad = sorted(values - set(allowed))
    if bad:
        raise ValueError(f"unknown {what} {', '.join(map(repr, bad))}; choose from {', '.join(allowed)}")
    return frozenset(values)


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
