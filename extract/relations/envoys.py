"""Protests lodged with an envoy called in (大使を召致し、抗議した): the envoy hears them.
Whom they are aimed at — the state the envoy speaks for — the document level decides, once
it knows whose envoy a named one is (document.conventions.protests_to_envoys_are_their_states)."""

from __future__ import annotations

from .frames import Reader
from .slots import Slot, unique

__all__ = ["summoned"]

# Verbs of calling an envoy in (召致, 呼び出す): the one called in hears what is said next.
_SUMMONING = frozenset({"召致", "召喚", "呼び出す", "呼び出し", "招致"})


def summoned(r: Reader, tok) -> list[Slot]:
    """ロシア大使を召致し、抗議した: those called in by a verb the protest follows."""
    verbs = [c for c in tok.children if c.i < tok.i and c.dep_ in ("advcl", "obl", "nmod") and c.lemma_ in _SUMMONING]
    return unique([a for v in verbs for o in v.children if o.dep_ == "obj" for a in r.phrase_actors(o)])
