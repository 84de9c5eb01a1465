"""Protests lodged with an envoy (大使を召致し、抗議した, 同大使に対して申し入れた): the
envoy hears them; the state the envoy speaks for is their target (ONTOLOGY: the target
of criticism is the doer of the criticised act)."""

from __future__ import annotations

from .frames import Reader
from .slots import Arg, Known, Slot, unique

__all__ = ["envoys_to_states", "summoned"]

# Verbs of calling an envoy in (召致, 呼び出す): the one called in hears what is said next.
_SUMMONING = frozenset({"召致", "召喚", "呼び出す", "呼び出し", "招致"})


def envoys_to_states(r: Reader, targets: list[Slot]) -> list[Slot]:
    """Each envoy among ``targets`` replaced by the state the text makes them the envoy of."""
    return unique([(_envoy_state(r, a) if r.is_envoy(a) else None) or a for a in targets])


def _envoy_state(r: Reader, a: Slot) -> Slot | None:
    if not isinstance(a, Arg):
        return None
    for lk in r.sm.links:
        if lk.child == a.mention and lk.type == "member_of":
            return Arg(lk.parent) if lk.parent is not None else Known(lk.parent_id) if lk.parent_id else None
    return None


def summoned(r: Reader, tok) -> list[Slot]:
    """ロシア大使を召致し、抗議した: those called in by a verb the protest follows."""
    verbs = [c for c in tok.children if c.i < tok.i and c.dep_ in ("advcl", "obl", "nmod") and c.lemma_ in _SUMMONING]
    return unique([a for v in verbs for o in v.children if o.dep_ == "obj" for a in r.phrase_actors(o)])
