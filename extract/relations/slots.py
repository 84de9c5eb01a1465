"""Argument slots: what fills them, a trigger's frame of them, and the candidates rules hand on.

A candidate's arguments still point at the sentence's mentions (:class:`Arg`);
two kinds of argument the sentence leaves out are typed values of their own
(:class:`Carried`), filled later from the document: the subject carried over
from earlier sentences, and the target of the same kind of act just described.
A :class:`Frame` holds one trigger's arguments by slot while the rules read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from ..types import Modality, RelationType

__all__ = [
    "ANAPHOR",
    "REACTED",
    "SPEAKER",
    "THEME",
    "TOPIC",
    "VOICE",
    "Arg",
    "Candidate",
    "Carried",
    "Confidence",
    "Frame",
    "Known",
    "Penalty",
    "Recent",
    "SentenceAnalysis",
    "Slot",
    "members",
    "unique",
]


@dataclass(frozen=True, slots=True, order=True)
class Arg:
    """One actor in an argument slot: member ``member`` of mention ``mention``
    (a compound such as ロ朝 or a collective such as 両国 stands for several)."""

    mention: int
    member: int = 0


class Carried(Enum):
    """An argument the sentence does not name, resolved from the document."""

    TOPIC = "topic"  # the actor the previous sentences were about (a dropped subject)
    ANAPHOR = "anaphor"  # the target of the same kind of act just mentioned (「制裁」 = those sanctions)
    THEME = "theme"  # the body the document is about (an encyclopedia article's subject)
    SPEAKER = "speaker"  # the one whose statement the sentence is (支援を表明する), else TOPIC
    VOICE = "voice"  # the one speaking, else the text's own government; no one in a text with no voice
    REACTED = "reacted"  # those whose act on the subject was just described (ロシアは強く反発した)


TOPIC: Final = Carried.TOPIC
ANAPHOR: Final = Carried.ANAPHOR
THEME: Final = Carried.THEME
SPEAKER: Final = Carried.SPEAKER
VOICE: Final = Carried.VOICE
REACTED: Final = Carried.REACTED


@dataclass(frozen=True, slots=True, order=True)
class Known:
    """An actor the gazetteer knows and a word names without a mention of its own
    (国連安保理常任理事国: the Security Council)."""

    id: str


@dataclass(frozen=True, slots=True)
class Recent:
    """Whoever did the act just described (今般の攻撃を非難, この動きを歓迎, これを非難):
    the doers of the latest act of ``type`` (of any kind of act when None) in this
    or the sentences before."""

    type: RelationType | None = None


Slot = Arg | Carried | Known | Recent


def unique(args: Iterable[Slot]) -> list[Slot]:
    return list(dict.fromkeys(args))


def members(args: Iterable[Slot]) -> set[Slot]:
    """The distinct actors among ``args`` (each carried argument counts as one)."""
    return set(args)


class Confidence:
    """Named confidence levels: how directly the sentence states a relation.

    A candidate's confidence is one of these, less the :class:`Penalty` of
    each argument that had to be inferred.
    """

    AFFILIATION: Final = 0.9  # read from the noun phrase itself: ロシアのプーチン大統領
    VERB: Final = 0.85  # a trigger verb, or a trigger noun carried by a verb (制裁を科す)
    MEMBERSHIP: Final = 0.8  # 加盟, 常任理事国として
    NOUN: Final = 0.75  # a trigger noun in a noun phrase (ロシアによる侵略)
    SPEECH: Final = 0.75  # a named speaker and what is said
    EVALUATION: Final = 0.7  # 歓迎, 感謝 with the one who welcomes
    VISIT: Final = 0.6  # 訪米: a visit read as a meeting with the host
    CARRIED_SPEAKER: Final = 0.55  # a speech act whose speaker is an earlier sentence's subject
    CARRIED_EVALUATOR: Final = 0.5  # an evaluation whose evaluator is an earlier sentence's subject
    ANAPHORA: Final = 0.5  # a bare act noun whose target is the same act's, sentences before


class Penalty:
    """What an inferred argument costs a candidate's confidence."""

    WEAK_TRIGGER: Final = 0.15  # nominal triggers that rarely carry both arguments (条約, 協定)
    INFERRED: Final = 0.1  # an argument from a clause above, or each side of a mutual act
    CARRIED_TOPIC: Final = 0.2  # the subject of an earlier sentence


@dataclass(frozen=True, slots=True)
class Candidate:
    """A relation one rule read from one sentence; arguments not yet resolved to actors."""

    type: RelationType
    sources: tuple[Slot, ...]
    targets: tuple[Slot, ...]
    predicate: str
    modality: Modality
    confidence: float
    token: int  # trigger token index
    time: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceAnalysis:
    """Everything the document level needs from a parsed sentence."""

    candidates: tuple[Candidate, ...] = ()
    topic: tuple[Slot, ...] = ()  # actors of the main clause's subject, for the next sentence
    heading: tuple[Slot, ...] = ()  # the actors a list entry opens with (「フランス - …」), its subject


@dataclass(slots=True)
class Frame:
    """One trigger's arguments by slot, as its particles and structure place them;
    :meth:`assign` then reads its ``sources`` and ``targets`` for a relation type."""

    subjects: list[Slot] = field(default_factory=list)
    objs: list[Slot] = field(default_factory=list)
    datives: list[Slot] = field(default_factory=list)
    targets: list[Slot] = field(default_factory=list)
    partners: list[Slot] = field(default_factory=list)
    by: list[Slot] = field(default_factory=list)
    from_: list[Slot] = field(default_factory=list)
    about: list[Slot] = field(default_factory=list)
    genitives: list[list[Slot]] = field(default_factory=list)
    compounds: list[Slot] = field(default_factory=list)
    cause: list[Slot] = field(default_factory=list)
    where: list[Slot] = field(default_factory=list)  # で / において: where the act happens
    fallback: list[Slot] = field(default_factory=list)
    objects: list = field(default_factory=list)
    passive: bool = False
    targets_are_partners: bool = False
    has_subject: bool = False  # a subject that names no actor (国連軍が): no fallback agent
    with_partners: list[Slot] = field(default_factory=list)  # the と-marked ones
    coagents: list[Slot] = field(default_factory=list)  # Xとともに
    sources: list[Slot] = field(default_factory=list)
    complements: list = field(default_factory=list)  # argument phrases that describe an act (…ことに)
    subject_marks: set[str] = field(default_factory=set)  # the particles the subjects came with
    subject_phrases: list = field(default_factory=list)  # subjects that describe an act (…したことは)

    def merge(self, carrier: Frame, *, light: bool) -> None:
        """Add a carrying verb's slots: all of them for a light verb, else only targets."""
        own_agent = bool(self.by or self.from_ or self.subjects)
        if light:
            if not own_agent or self.passive:
                # (クウェートから支援を受けた: the subject of a passive light verb undergoes the act,
                # whoever the noun names as its giver)
                self.subjects = carrier.subjects + self.subjects
            self.by += carrier.by
            self.from_ += carrier.from_
            self.objs += carrier.objs
            self.datives += carrier.datives
            self.targets += carrier.targets
            self.partners += carrier.partners
            self.with_partners += carrier.with_partners
            self.coagents += carrier.coagents
            self.about += carrier.about
            self.cause += carrier.cause
            self.where += carrier.where
            self.complements += carrier.complements
            self.subject_phrases += carrier.subject_phrases
        else:
            self.cause += carrier.cause
            if not (self.targets or self.datives or self.objs):
                self.targets += carrier.targets
                self.datives += carrier.datives
            self.partners += carrier.partners
            self.with_partners += carrier.with_partners
        self.objects += carrier.objects
        self.has_subject = self.has_subject or carrier.has_subject

    def assign(self, rtype: RelationType, *, genitive_is_target: bool = False, things_object: bool = False) -> None:
        """Fill ``sources`` and ``targets`` from the slots, for this relation type.

        ``genitive_is_target``: for 緊張 (朝鮮半島の緊張) the genitive is where
        the tension is, not who causes it.
        """
        if genitive_is_target and self.genitives:
            self.targets = self.targets + [a for g in self.genitives for a in g]
            self.genitives = []
        subj, dat = self.subjects, self.datives
        if self.passive:
            # 北朝鮮は制裁を科され: the subject undergoes, に/から/による act; with an agent
            # marked から or による, a に-phrase is what the act is about (Xから、Yの核開発に
            # 懸念が示された)
            agents = self.by + self.from_
            sources = agents if agents and dat else agents + dat
            targets = subj + self.objs + (dat if agents else [])
        else:
            sources = subj + self.by + (self.from_ if rtype != RelationType.MEETING else [])
            if things_object or (rtype in (RelationType.REQUEST, RelationType.SUPPORT) and (dat or self.targets)):
                # 北朝鮮に自制を求める, ウクライナに部隊を派遣: the object is what is asked or sent
                targets = dat + self.targets
            else:
                targets = self.objs + dat + self.targets
        gens = self.genitives
        if gens:
            if not sources and len(gens) >= 2:
                sources, targets = sources + gens[0], targets + gens[-1]
            elif not sources:
                sources = sources + gens[0]
            elif not targets:
                targets = targets + gens[-1]
        if rtype.symmetric:
            self.partners = self.partners + self.compounds + [a for g in gens for a in g]
        else:
            targets = targets + self.compounds
            if not targets and self.partners:
                # イランとの国交を断絶: with no other target, the partner is it
                targets = list(self.partners)
                self.targets_are_partners = True
        if rtype == RelationType.COMMENTS_ON:
            targets = targets + self.about
        if rtype == RelationType.ATTACK and not targets:
            # XがYで展開する戦争, Yで空爆を行った: an attack with no other target is on where it is
            targets = [a for a in self.where if a not in sources]
        if not sources and rtype in (RelationType.THREAT, RelationType.ATTACK, RelationType.SUPPORT):
            sources = self.cause
        self.sources = unique(sources)
        self.targets = unique(targets)
