"""The relations a document states: one per relation and sentence, the most confident."""

from __future__ import annotations

from ..types import ActorType, Document, Modality, Relation, RelationType
from .resolve import Resolved

__all__ = ["Found", "relation"]


def relation(
    document: Document,
    sentence: str,
    index: int,
    s: Resolved,
    rtype: RelationType,
    t: Resolved,
    predicate: str,
    modality: Modality,
    time: str | None,
    confidence: float,
) -> Relation:
    """The record of one relation between two resolved actors, with its evidence
    (sentence ``index`` of ``document``, whose text is ``sentence``)."""
    if rtype.symmetric and t.id < s.id:
        s, t = t, s
    return Relation(
        doc=document.path,
        sentence=sentence,
        sentence_index=index,
        source=s.id,
        source_label=s.label,
        source_type=s.type,
        source_mention=s.mention,
        type=rtype,
        target=t.id,
        target_label=t.label,
        target_type=t.type,
        target_mention=t.mention,
        predicate=predicate,
        modality=modality,
        time=time,
        confidence=confidence,
    )


class Found:
    """The relations found so far in one document.

    One relation per key and sentence text: a title repeated in the body
    counts once; of two readings of one relation in one sentence the more
    confident stays, the first on a tie (so the order relations are added in
    is part of the output).
    """

    __slots__ = ("_by_key",)

    def __init__(self) -> None:
        self._by_key: dict[tuple, Relation] = {}

    def add(self, rel: Relation) -> None:
        if rel.source == rel.target:
            return  # no actor acts on itself (コロンビア国軍 part_of コロンビア read as the state)
        key = (rel.key, rel.sentence)
        old = self._by_key.get(key)
        if old is None or rel.confidence > old.confidence:
            self._by_key[key] = rel

    def relations(self) -> list[Relation]:
        return list(self._by_key.values())

    def placed(self) -> set[str]:
        """The persons the relations already give a state (leader_of or member_of one)."""
        return {
            r.source
            for r in self._by_key.values()
            if r.type in (RelationType.LEADER_OF, RelationType.MEMBER_OF) and r.target_type == ActorType.COUNTRY
        }

    def acting(self) -> set[str]:
        """Every actor that is a source or a target of a relation."""
        return {x for r in self._by_key.values() for x in (r.source, r.target)}
