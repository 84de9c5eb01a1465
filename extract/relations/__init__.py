"""Typed relations from GiNZA's dependency parse of one sentence.

A relation needs a cue (a trigger verb or deverbal noun from
``data/triggers.json``, a verb of saying, welcoming or joining, a visit) and
actors in argument positions, read from case particles and structure:

- が / は agent, を / に patient, と partner, への / に対する / 対- target,
  による / から agent (passives swap agent and patient);
- a trigger noun carried by a light verb (制裁を科す, 懸念を表明) takes the
  verb's arguments;
- genitive chains inside noun phrases (北朝鮮によるロシアへの支援,
  欧米諸国の対ロ制裁, ロシアのウクライナ侵略);
- coordination (AとBが, AやB), which GiNZA attaches as ``nmod``;
- reported speech (「…」と指摘): the speaker comments_on the actors of the quote.

The reading is shared: the clause reader (:mod:`.frames`, with its steps in
:mod:`.particles`, :mod:`.phrases`, :mod:`.arguments`, :mod:`.carriers`),
subjects carried within the sentence (:mod:`.subjects`), the doers of an act
(:mod:`.acts`), :mod:`.modality` and :mod:`.timex`; each
rule family is a module with one function of the same signature,
``family(reader, earlier) -> Iterator[Candidate]``, and the cue words it can
start from. :data:`RULES` lists them in the order they run; the prefilter's
cue set is derived from it (:func:`cues`). Everything here is pure: it reads
a parsed Doc and its mentions and returns :class:`Candidate` records whose
arguments still point at mentions; the document level
(:mod:`extract.document.resolve`) turns them into actors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum

from ..actors import SentenceMentions
from ..lexicon import Lexicon
from . import evaluation, events, heads, leaders, membership, obligation, quotes, speech, visits
from .cues import Cues
from .frames import ENVOY_TITLES, Reader
from .membership import MEMBERSHIP_NOUNS, MEMBERSHIP_VERBS
from .slots import (
    ANAPHOR,
    REACTED,
    SPEAKER,
    THEME,
    TOPIC,
    VOICE,
    Arg,
    Candidate,
    Carried,
    Confidence,
    Known,
    Penalty,
    Recent,
    SentenceAnalysis,
    Slot,
)
from .topic import heading, topic

__all__ = [
    "ANAPHOR",
    "ENVOY_TITLES",
    "MEMBERSHIP_NOUNS",
    "MEMBERSHIP_VERBS",
    "REACTED",
    "RULES",
    "SPEAKER",
    "THEME",
    "TOPIC",
    "VOICE",
    "Arg",
    "Candidate",
    "Carried",
    "Confidence",
    "Cues",
    "Known",
    "Penalty",
    "Recent",
    "Rule",
    "SentenceAnalysis",
    "Slot",
    "analyse",
    "cues",
]


class Phase(IntEnum):
    """When a family's candidates come, relative to the others.

    The document level keeps the first of two equally confident readings of
    one relation in one sentence, so the order of candidates is part of the
    output: visits first, then the word-by-word families in the order of
    their words, then membership.
    """

    BEFORE = 0
    BY_TOKEN = 1
    AFTER = 2


def _no_cues(lex: Lexicon) -> Cues:
    return Cues()


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule family: its function, the cue words it starts from, when it runs."""

    name: str
    find: Callable[[Reader, Sequence[Candidate]], Iterator[Candidate]]
    cues: Callable[[Lexicon], Cues]
    phase: Phase = Phase.BY_TOKEN
    # cue words that start the family only in a sentence naming two actors or more (a quote's
    # speaker and whom it names; a body and the states in brackets after it)
    pair_cues: Callable[[Lexicon], Cues] = _no_cues
    # finds nothing in a sentence naming fewer than two actors: all its cues are pair cues
    two_actors: bool = False


# In the order they run; each family sees the candidates of those before it.
RULES: tuple[Rule, ...] = (
    Rule("visits", visits.visits, visits.cues, Phase.BEFORE),
    Rule("events", events.events, events.cues),
    Rule("speech", speech.speech, speech.cues),
    Rule("evaluations", evaluation.evaluations, evaluation.cues),
    Rule("quotes", quotes.quotes, _no_cues, pair_cues=quotes.cues, two_actors=True),
    Rule("obligations", obligation.obligations, obligation.cues),
    Rule("membership", membership.membership, membership.cues, Phase.AFTER, pair_cues=membership.pair_cues),
    Rule("leaders", leaders.leaders, _no_cues, Phase.AFTER, pair_cues=leaders.cues, two_actors=True),
    Rule("heads", heads.heads, _no_cues, Phase.AFTER, pair_cues=heads.cues, two_actors=True),
)


def cues(lex: Lexicon, rules: tuple[Rule, ...] = RULES, *, actors: int = 1) -> Cues:
    """The union of the cue words of the families that can find something in a sentence
    naming ``actors`` actors: a sentence with none of them can yield no relation, and is
    not parsed."""
    out = Cues()
    for rule in rules:
        out = out | rule.cues(lex)
        if actors >= 2:
            out = out | rule.pair_cues(lex)
    return out


def analyse(
    doc,
    sm: SentenceMentions,
    lex: Lexicon,
    *,
    doc_year: int | None = None,
    doc_date: str | None = None,
    rules: tuple[Rule, ...] = RULES,
) -> SentenceAnalysis:
    """Relation candidates of one parsed sentence, their arguments pointing at ``sm``."""
    reader = Reader(doc, sm, lex, doc_year=doc_year, doc_date=doc_date)
    found: list[tuple[Phase, int, int, Candidate]] = []
    for rank, rule in enumerate(rules):
        earlier = [c for *_, c in found]
        found += [(rule.phase, c.token, rank, c) for c in rule.find(reader, earlier)]
    found.sort(key=lambda x: x[:3])
    return SentenceAnalysis(
        candidates=tuple(c for *_, c in found), topic=tuple(topic(reader)), heading=tuple(heading(reader))
    )
