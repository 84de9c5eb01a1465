"""What a trigger needs beside it to be the act it names: 輸入を停止 stops trade, 協定の締結
concludes an agreement; the word classes it needs are lexicon data (``object_classes``)."""

from __future__ import annotations

from ..lexicon import Needs, Trigger
from .frames import Reader
from .slots import Frame

__all__ = ["in_class", "needs_met"]


def needs_met(r: Reader, tok, trig: Trigger, frame: Frame) -> bool:
    """Whether what the trigger needs beside it is there: 輸入を停止 (trade), 協定の締結 (an agreement)."""
    if trig.needs is None:
        return True
    if trig.needs == Needs.TRADE:
        # 輸入を停止, 輸入規制: the trade itself is stopped, not an agreement about trade
        # (輸出をめぐる合意の履行停止)
        near = [*tok.children, *frame.objects]
        near += [c for o in frame.objects for c in o.children if c.dep_ == "compound"]
        near += [*tok.head.children, tok.head] if tok.dep_ == "compound" else []
        return any(in_class(r, c, trig.needs) for c in near)
    if trig.needs in (Needs.AGREEMENT, Needs.ARMS, Needs.RELATIONS, Needs.MILITARY, Needs.ASSETS, Needs.ENCOUNTER):
        near = [c for c in tok.subtree if c.i != tok.i and abs(c.i - tok.i) <= 8]
        near += [c for c in tok.head.children if abs(c.i - tok.i) <= 4] if tok.dep_ == "compound" else []
        near += list(frame.objects)
        return any(in_class(r, c, trig.needs) for c in near)
    if trig.needs == Needs.RISE:
        h = tok.head
        return tok.dep_ in ("nsubj", "obj") and (
            in_class(r, h, Needs.RISE) or h.lemma_ in r.lex.object_classes[Needs.RISE]
        )
    if trig.needs in (Needs.STATE, Needs.AGAINST, Needs.REFUSAL):
        return True  # checked on the targets and the modality (events)
    if trig.needs == Needs.OBJECT:
        return any(c.dep_ == "obj" for c in tok.children) or bool(frame.objects)
    if trig.needs == Needs.CAUSATIVE:
        return any(c.lemma_ in r.lex.object_classes[Needs.CAUSATIVE] for c in tok.children)
    return True


def in_class(r: Reader, tok, cls: str) -> bool:
    """Whether ``tok`` is a word of the lexicon's object class ``cls`` (by its ending, or its lemma's)."""
    words = r.lex.object_classes.get(cls, frozenset())
    return any(tok.text.endswith(w) or tok.lemma_.endswith(w) for w in words)
