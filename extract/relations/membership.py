"""Membership of states in bodies: フィンランドはNATOに加盟した, ロシアは安保理の
常任理事国として."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon
from ..types import ActorType, Modality, RelationType
from .cues import Cues
from .emit import emit
from .frames import AGENT, AS, Frame, Reader, particles
from .modality import NO_TRIGGER, modality
from .slots import Candidate, Confidence, Slot

__all__ = ["MEMBERSHIP_NOUNS", "MEMBERSHIP_VERBS", "cues", "membership"]

# 常任理事国として / NATOに加盟した: words that make a state member_of a body
MEMBERSHIP_NOUNS = ("加盟国", "理事国", "加盟", "一員", "メンバー", "構成国", "締約国")
MEMBERSHIP_VERBS = frozenset({"加盟", "加入"})


def cues(lex: Lexicon) -> Cues:
    return Cues(words=MEMBERSHIP_VERBS, suffixes=MEMBERSHIP_NOUNS)


def membership(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    """ロシアは安保理の常任理事国として / フィンランドはNATOに加盟した: a state member_of a body."""
    for tok in r.doc:
        if tok.lemma_ in MEMBERSHIP_VERBS and (tok.pos_ == "VERB" or any(c.lemma_ == "する" for c in tok.children)):
            fr = Frame()
            r.collect(tok, fr, {tok.i}, {tok.i})
            bodies = [a for a in fr.datives if r.arg_type(a) == ActorType.ORGANIZATION]
            members: list[Slot] = [
                a for a in (fr.subjects or r.climb_subjects(tok)) if r.arg_type(a) == ActorType.COUNTRY
            ]
            yield from emit(
                r,
                RelationType.MEMBER_OF,
                members,
                bodies,
                tok,
                tok.text,
                modality(r, tok, NO_TRIGGER),
                Confidence.MEMBERSHIP,
            )
            continue
        if not tok.text.endswith(MEMBERSHIP_NOUNS):
            continue
        bodies = [a for c in tok.children if particles(c) == "の" for a in r.phrase_actors(c, genitive=False)]
        bodies = [a for a in bodies if r.arg_type(a) in (ActorType.ORGANIZATION, ActorType.REGION)]
        if not bodies:
            continue
        members = []
        if particles(tok) in AS or tok.dep_ in ("obl", "advcl"):
            members = [
                a
                for c in tok.head.children
                if c.dep_ in ("nsubj", "dislocated") and particles(c) in AGENT
                for a in r.phrase_actors(c, genitive=False)
            ]
        if not members:
            members = [
                a for c in tok.children if c.dep_ in ("nsubj", "dislocated") for a in r.phrase_actors(c, genitive=False)
            ]
        members = [a for a in members if r.arg_type(a) == ActorType.COUNTRY]
        yield from emit(
            r, RelationType.MEMBER_OF, members, bodies, tok, tok.text, Modality.ASSERTED, Confidence.MEMBERSHIP
        )
