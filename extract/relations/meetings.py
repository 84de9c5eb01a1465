"""Meetings read beside another act: who met, for what is agreed or done there.

…と会談し、協力を確認した, 日米豪印外相会合において、…協力を確認した: a cooperation
whose clause names one side (or none) takes its partners from the meeting hung
on the same verb; 中国の王毅外相と北京で会談した: a partner GiNZA hung on a
nearby noun. The events family asks these when a symmetric act is short of
parties.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..types import ActorType, RelationType
from .particles import particles
from .slots import Arg, Frame, Slot

if TYPE_CHECKING:
    from .frames import Reader

__all__ = ["loose_partners", "met_at", "met_before", "named_states"]

# Where something is agreed at a meeting: 会合において, 会談で.
_AT_MEETING = frozenset({"において", "で", "では", "にて", "においては"})


def loose_partners(r: Reader, tok) -> list[Slot]:
    """中国の王毅外相と北京で会談した: GiNZA may hang the と-partner on a nearby noun."""
    out: list[Slot] = []
    for t in tok.subtree:
        if t.i >= tok.i or particles(t) not in ("と", "との", "とも"):
            continue
        idx = r.sm.index_at(t.i)
        if idx is None or r.sm.index_at(t.head.i) is not None or r.trigger_of(t.head) is not None:
            continue
        out += r.phrase_actors(t, genitive=False)
    return out


def met_before(r: Reader, tok) -> list[Slot]:
    """…を訪問し、連携を確認した / …と会談し、協力を確認した: those met in an earlier
    clause of the same sentence, the partners of what is agreed there."""
    frames = _meetings_on(r, tok, lambda c: c.dep_ in ("advcl", "conj") and c.i < tok.i)
    return [a for fr in frames for a in fr.targets + fr.partners]


def met_at(r: Reader, tok) -> list[Slot]:
    """日米豪印外相会合において、…協力を確認した: the parties of the meeting where it is agreed."""
    frames = _meetings_on(r, tok, lambda c: c.dep_ == "obl" and particles(c) in _AT_MEETING)
    return [a for fr in frames for a in fr.sources + fr.partners + fr.targets + fr.compounds]


def _meetings_on(r: Reader, tok, keep: Callable[[Any], bool]) -> list[Frame]:
    """The frames of the meetings hung on the verb that carries ``tok`` (協力を|確認した),
    among its dependents that ``keep`` accepts."""
    verb = tok.head if tok.dep_ in ("obj", "nsubj") else tok
    out = []
    for c in verb.children:
        if not keep(c):
            continue
        # (…と立ち話を行い: the meeting noun the object of a light verb)
        nouns = [o for o in c.children if o.dep_ == "obj"] if c.lemma_ in r.lex.light_verbs else []
        for m in (c, *nouns):
            trig = r.trigger_of(m)
            if trig is not None and trig.type == RelationType.MEETING:
                out.append(r.frame(m, trig, shallow=True))
    return out


# What may stand between the states naming a meeting and its noun: 日中|外相|会談, 日・米・フィリピン|海洋|協議.
_NAME_JOINERS = frozenset({"・", "･", "="})


def named_states(r: Reader, tok) -> list[Slot]:
    """The states a meeting's own name gives (日中外相会談, 日・米・フィリピン海洋協議): they meet
    too, beside the persons who do (ONTOLOGY: a compound names the meeting)."""
    out: list[Slot] = []
    k = tok.i - 1
    while k >= 0 and tok.i - k <= 8:
        t = r.doc[k]
        idx = r.sm.index_at(k)
        if idx is not None:
            m = r.sm.mentions[idx]
            if m.prefix or m.is_collective or not all(r.arg_type(a) == ActorType.COUNTRY for a in r.mention_args(idx)):
                break
            out = r.mention_args(idx) + out
            k = m.start - 1
        elif t.text in _NAME_JOINERS or (t.pos_ == "NOUN" and not particles(t) and t.dep_ in ("compound", "nmod")):
            k -= 1
        else:
            break
    states = {
        r.sm.mentions[a.mention].ids[a.member]
        for a in out
        if isinstance(a, Arg) and a.member < len(r.sm.mentions[a.mention].ids)
    }  # (a government named after its leader, マルコス政権, has no id of its own yet)
    return out if len(states) >= 2 else []
