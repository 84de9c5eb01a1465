"""Document-level conventions of the ontology, applied to a document's relations.

The rules read what a sentence says; some choices of the ontology need the
whole document (docs/ontology.md, "Annotation conventions"): a treaty that two
leaders sign is their states' treaty, and a state is only known once the
document has said whose leader someone is. Pure functions over
:class:`~extract.types.Relation` records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from ..relations import ENVOY_TITLES
from ..types import MODALITY_STRENGTH, ActorType, Relation, RelationType

__all__ = [
    "forces_abroad_are_the_state",
    "joint_speech_is_the_states",
    "no_act_on_own_state",
    "no_comment_beside_criticism",
    "no_comment_on_own_agreement",
    "persons_states",
    "protests_to_envoys_are_their_states",
    "states_for_persons",
    "strongest",
]

# Between states, whoever signs: the leaders' treaty is their states' (ONTOLOGY conventions).
_STATE_TYPES = frozenset({RelationType.TREATY, RelationType.COOPERATION})
_AFFILIATIONS = (RelationType.LEADER_OF, RelationType.MEMBER_OF)


def persons_states(relations: Iterable[Relation]) -> dict[str, tuple[str, str]]:
    """Each person's state (id, label), from the document's own affiliations: the
    state the person leads, else the one they serve, the first stated."""
    found: dict[str, tuple[int, int, str, str]] = {}
    for r in relations:
        if r.type in _AFFILIATIONS and r.source_type == ActorType.PERSON and r.target_type == ActorType.COUNTRY:
            rank = (0 if r.type == RelationType.LEADER_OF else 1, r.sentence_index)
            if r.source not in found or rank < found[r.source][:2]:
                found[r.source] = (*rank, r.target, r.target_label)
    return {p: (sid, label) for p, (_, _, sid, label) in found.items()}


def states_for_persons(relations: list[Relation]) -> list[Relation]:
    """Treaties and cooperation with a person as a party are the person's state's.

    A party whose state the document does not give drops the relation: the
    ontology has no treaty between persons.
    """
    states = persons_states(relations)
    out = []
    for r in relations:
        if r.type not in _STATE_TYPES or ActorType.PERSON not in (r.source_type, r.target_type):
            out.append(r)
            continue
        ends: dict[str, Any] = {}
        for side in ("source", "target"):
            aid, atype = getattr(r, side), getattr(r, side + "_type")
            if atype == ActorType.PERSON:
                if aid not in states:
                    break
                ends.update(_state_end(side, *states[aid]))
        else:
            out += _moved(r, ends)
    return strongest(out)


_JOINT_SPEECH = frozenset({RelationType.CRITICISM, RelationType.REQUEST, RelationType.COMMENTS_ON})


def joint_speech_is_the_states(relations: list[Relation]) -> list[Relation]:
    """What two or more persons say together (両外相は…非難することで一致, Xと立ち話を行い、…を非難
    することで一致) is their states' act: a collective of officials gives the states (ONTOLOGY
    "Attribution"). Told by one speech act, in one sentence, of several persons."""
    states = persons_states(relations)
    said: dict[tuple[int, RelationType, str, str], set[str]] = {}
    for r in relations:
        if r.type in _JOINT_SPEECH and r.source_type == ActorType.PERSON:
            said.setdefault((r.sentence_index, r.type, r.target, r.predicate), set()).add(r.source)
    out = []
    for r in relations:
        speakers = said.get((r.sentence_index, r.type, r.target, r.predicate), set())
        # (two officials of one state, ハンセン首相はオルセン国防大臣とともに, speak each for himself)
        sides = {states[p][0] for p in speakers if p in states}
        if r.source_type != ActorType.PERSON or len(sides) < 2 or not all(p in states for p in speakers):
            out.append(r)
            continue
        out += _moved(r, _state_end("source", *states[r.source]))
    return strongest(out)


def protests_to_envoys_are_their_states(relations: list[Relation]) -> list[Relation]:
    """A protest or demand lodged with an envoy (大使を召致の上、同大使に対して申し入れた) is
    aimed at the state the envoy speaks for (ONTOLOGY: the target of criticism is the doer
    of the criticised act), as the document makes the envoy its member."""
    envoys = {
        r.source: (r.target, r.target_label)
        for r in relations
        if r.type == RelationType.MEMBER_OF
        and r.source_type == ActorType.PERSON
        and r.target_type == ActorType.COUNTRY
        and r.predicate.endswith(ENVOY_TITLES)
    }
    out = []
    for r in relations:
        if r.type in (RelationType.CRITICISM, RelationType.REQUEST) and r.target in envoys:
            out += _moved(r, _state_end("target", *envoys[r.target]))
        else:
            out.append(r)
    return strongest(out)


_TIES = frozenset({RelationType.LEADER_OF, RelationType.MEMBER_OF, RelationType.PART_OF})


def no_act_on_own_state(relations: list[Relation]) -> list[Relation]:
    """An official's remarks about their own state (岸田総理は…日本は…と述べた) are the
    state speaking, not an assessment of it; what a leader gives or asks (チン首相から支持を
    得た) is the state's act on others, never on itself: a person's relations go to other actors."""
    states = persons_states(relations)
    return [r for r in relations if r.type in _TIES or states.get(r.source, ("",))[0] != r.target]


_THANKS = ("感謝", "謝意", "謝辞", "礼")


def no_comment_beside_criticism(relations: list[Relation]) -> list[Relation]:
    """「…脅かすものだ」と述べ、深い懸念を伝えた: a remark that the same sentence's criticism or
    request of the same actor already captures adds no comment (ONTOLOGY trigger mapping)."""
    said = {(r.sentence_index, r.source, r.target) for r in relations if r.type in _STRONGER_SPEECH}
    return [
        r for r in relations if r.type != RelationType.COMMENTS_ON or (r.sentence_index, r.source, r.target) not in said
    ]


_STRONGER_SPEECH = frozenset({RelationType.CRITICISM, RelationType.REQUEST})


def no_comment_on_own_agreement(relations: list[Relation]) -> list[Relation]:
    """Welcoming what one's own side agreed with another (両首脳は、…条約改正交渉が基本合意に
    達したことを歓迎した) is no remark about the other: the agreement, a treaty or cooperation
    in the same sentence, says it."""
    states = persons_states(relations)

    def sides(r: Relation) -> tuple[int, frozenset[str]]:
        """The sentence and the two sides of a relation, persons counted as their states."""
        return r.sentence_index, frozenset(states.get(a, (a, ""))[0] for a in (r.source, r.target))

    joint = {sides(r) for r in relations if r.type in _STATE_TYPES}
    return [
        r
        for r in relations
        if r.type != RelationType.COMMENTS_ON
        or any(w in r.predicate for w in _THANKS)  # (thanks for help, 日本の協力に感謝, is for the helper)
        or sides(r) not in joint
    ]


# A state's national army (X国軍) is the state when it fights another state, an organisation
# of its own when it acts at home (ミャンマー国軍 in a coup): ONTOLOGY conventions, armed forces.
_NATIONAL_ARMY = ":国軍"
_FIGHTING = frozenset({RelationType.ATTACK, RelationType.THREAT})


def forces_abroad_are_the_state(relations: list[Relation]) -> list[Relation]:
    """コロンビア国軍によるエクアドル領内への攻撃: a national army attacking or threatening
    another state acts as its state, named generically; its relations are the state's."""
    state_of = {
        r.source: (r.target, r.target_label)
        for r in relations
        if r.type == RelationType.PART_OF and r.source.endswith(_NATIONAL_ARMY) and r.target_type == ActorType.COUNTRY
    }
    abroad = {
        r.source
        for r in relations
        if r.source in state_of
        and r.type in _FIGHTING
        and r.target_type == ActorType.COUNTRY
        and r.target != state_of[r.source][0]
    }
    if not abroad:
        return relations
    out = []
    for r in relations:
        ends: dict[str, Any] = {}
        for side in ("source", "target"):
            aid = getattr(r, side)
            if aid in abroad:
                ends[side], ends[side + "_label"] = state_of[aid]
                ends[side + "_type"] = ActorType.COUNTRY
        out += _moved(r, ends) if ends else [r]
    return strongest(out)


def _state_end(side: str, sid: str, label: str) -> dict[str, Any]:
    """The fields that make one end of a relation a person's state; the person's words name
    the person, not the state, so the state is named by its label."""
    return {side: sid, side + "_label": label, side + "_type": ActorType.COUNTRY, side + "_mention": label}


def _moved(r: Relation, ends: dict[str, Any]) -> list[Relation]:
    """``r`` with the ends given replaced, a symmetric pair in the order its ids sort; none
    if both ends are now one actor."""
    moved = dataclasses.replace(r, **ends)
    if moved.source == moved.target:
        return []
    return [_swap(moved) if moved.type.symmetric and moved.target < moved.source else moved]


def _swap(r: Relation) -> Relation:
    return dataclasses.replace(
        r,
        source=r.target,
        source_label=r.target_label,
        source_type=r.target_type,
        source_mention=r.target_mention,
        target=r.source,
        target_label=r.source_label,
        target_type=r.source_type,
        target_mention=r.source_mention,
    )


def strongest(relations: Iterable[Relation]) -> list[Relation]:
    """One relation per (source, type, target) and sentence: the most confident,
    then the most strongly claimed, then the first."""
    best: dict[tuple, Relation] = {}
    for r in relations:
        k = (r.key, r.sentence_index)
        old = best.get(k)
        if old is None or (r.confidence, MODALITY_STRENGTH[r.modality]) > (
            old.confidence,
            MODALITY_STRENGTH[old.modality],
        ):
            best[k] = r
    return list(best.values())
