"""Governments named after their leader (マルコス政権): which state each is, and that its leader leads it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..lexicon import Lexicon
from ..normalize import is_kanji
from ..relations import Arg, Confidence
from ..types import ActorType, RelationType
from .context import DocumentContext, ReadSentence

__all__ = ["government_leaders", "government_states"]


def government_states(
    sentences: Sequence[ReadSentence], home: str | None, lex: Lexicon, year: int | None = None
) -> dict[str, str]:
    """Which state each government named after its leader is (ONTOLOGY convention 10):
    the state it is named with anywhere (米国ではトランプ政権), the state the document
    gives that person (トランプ米大統領), the state the dictionary knows the person led
    (李明博政権 is Korea's), Japan for a 内閣 or for a kanji name in a Japanese
    government's text, else the state the document is most about."""
    named, leaders, counts = _states_named(sentences, lex)
    out: dict[str, str] = {}
    salient = [s for s, _ in counts.most_common() if s != home]
    for s in sentences:
        for m in s.mentions.mentions:
            if m.kind != "government" or m.name in out:
                continue
            state = named.get(m.name) or leaders.get(m.name) or _dictionary_state(m.name, year, lex)
            if state is None and all(is_kanji(c) for c in m.name) and (m.title == "内閣" or home == "JPN"):
                state = "JPN"  # 岸田内閣, or a kanji name's 政権 in a Japanese government's text
            if state is None and salient:
                state = salient[0]
            if state is not None:
                out[m.name] = state
    return out


def _dictionary_state(name: str, year: int | None, lex: Lexicon) -> str | None:
    """The one state every person the name may mean headed (in ``year`` when known)."""
    heads = ("head_of_state", "head_of_government", "party_leader")
    states = {
        o.state
        for p in lex.dictionary.persons_named(name)
        for o in p.offices
        if o.office in heads and (year is None or o.held_in(year)) and o.state in lex.actors
    }
    return next(iter(states)) if len(states) == 1 else None


def _states_named(
    sentences: Sequence[ReadSentence], lex: Lexicon
) -> tuple[dict[str, str], dict[str, str], Counter[str]]:
    """What the document says of states: the state each government is named with, the
    state each person leads or serves (by full and last name), and how often each state is named."""
    named: dict[str, str] = {}
    leaders: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for s in sentences:
        sm = s.mentions
        for m in sm.mentions:
            if m.kind == "government" and m.ids:
                named.setdefault(m.name, m.ids[0])
            elif m.type == ActorType.COUNTRY and len(m.ids) == 1 and m.kind != "government":
                counts[m.ids[0]] += 1
        for lk in sm.links:
            child = sm.mentions[lk.child]
            if child.type != ActorType.PERSON or lk.type not in ("leader_of", "member_of"):
                continue
            state = lk.parent_id if lk.parent is None else (sm.mentions[lk.parent].ids or (None,))[0]
            if state and state in lex.actors and lex.actors[state].type == ActorType.COUNTRY:
                for n in (child.name, child.name.split("・")[-1]):
                    leaders.setdefault(n, state)
    return named, leaders, counts


def government_leaders(ctx: DocumentContext, index: int, s: ReadSentence) -> None:
    """マルコス政権: Marcos leads the state whose government it is."""
    for gi, gm in enumerate(s.mentions.mentions):
        if gm.kind == "government":
            state = ctx.actors.resolve(Arg(gi), s.mentions, s.groups)
            if state is not None:
                leader = ctx.actors.person_named(gm.name, gm.name)
                ctx.add(index, leader, RelationType.LEADER_OF, state, gm.text, confidence=Confidence.AFFILIATION)
