"""Acts asked of someone (…を停止するよう求める, 支援を要請した): whoever is to do them, it
is not the one who asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import RelationType
from .slots import Slot, members

if TYPE_CHECKING:
    from .frames import Reader

__all__ = ["asked", "asked_of_someone", "asked_of_two", "asks", "asks_for"]


def asks_for(r: Reader, verb) -> bool:
    """要請する, 求める: a verb that asks someone for an act (検討する considers one's own)."""
    trig = r.lex.triggers.get(verb.lemma_)
    return verb.lemma_ in r.lex.hedging_verbs and trig is not None and trig.type == RelationType.REQUEST


def asked_of_someone(r: Reader, tok) -> bool:
    """Whether the act is in a clause asked for with よう (…を停止するよう求める): whoever is to
    do it, it is not the one who asks."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        if asks(cur) and asks_for(r, cur.head):
            return True
        cur = cur.head
    return False


def asked(r: Reader, tok) -> bool:
    """An act asked of someone (…協議を再開するよう求める): its doer is not the one who asks."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_ in r.lex.hedging_verbs:
            return True
    return False


def asks(clause) -> bool:
    """…行使するよう求めた: GiNZA marks the clause asked for with an auxiliary よう."""

    def marked(t) -> bool:
        return any(c.dep_ in ("aux", "mark") and c.text in ("よう", "ように") for c in t.children)

    # (…取らないよう自制するとともに: the よう may sit one clause down)
    return marked(clause) or any(marked(c) for c in clause.children if c.dep_ in ("advcl", "ccomp"))


def asked_of_two(r: Reader, tok, addressed: list[Slot]) -> list[Slot]:
    """AUはケニアとソマリアに対話を呼びかけた: talks asked of two or more are between them, not
    with the one who asks (asked of one, they would be with the asker); empty otherwise."""
    if tok.dep_ == "obj" and asks_for(r, tok.head) and len(members(addressed)) >= 2:
        return addressed
    return []
