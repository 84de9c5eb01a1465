"""What the rules hand to the document level: argument slots and candidates.

A candidate's arguments still point at the sentence's mentions (:class:`Arg`);
two kinds of argument the sentence leaves out are typed values of their own
(:class:`Carried`), filled later from the document: the subject carried over
from earlier sentences, and the target of the same kind of act just described.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

from ..types import Modality, RelationType

__all__ = [
    "ANAPHOR",
    "SPEAKER",
    "THEME",
    "TOPIC",
    "VOICE",
    "Arg",
    "Candidate",
    "Carried",
    "Confidence",
    "Known",
    "Penalty",
    "Recent",
    "SentenceAnalysis",
    "Slot",
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


TOPIC: Final = Carried.TOPIC
ANAPHOR: Final = Carried.ANAPHOR
THEME: Final = Carried.THEME
SPEAKER: Final = Carried.SPEAKER
VOICE: Final = Carried.VOICE


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
