"""Visits: 訪米した岸田首相, 習氏が訪ロ — a visit (訪 + a state) is a meeting
between the visitor and the host state (CAMEO 042)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon
from ..types import Modality, RelationType
from .arguments import collect
from .cues import Cues
from .emit import emit
from .frames import Reader
from .modality import modality
from .slots import Candidate, Confidence, Frame
from .subjects import climb_subjects, shared_subject

__all__ = ["cues", "visits"]

VISIT_PREFIX = "訪"


def cues(lex: Lexicon) -> Cues:
    return Cues(prefixes=(VISIT_PREFIX,))


def visits(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    """訪米した岸田首相, 習氏が訪ロ: a visit (訪 + country) is a meeting with that state."""
    for idx, m in enumerate(r.sm.mentions):
        if m.prefix != VISIT_PREFIX:
            continue
        if m.end < len(r.doc) and r.doc[m.end].text in ("中", "中の"):
            continue  # 訪日中のヴィエイラ外相と会談: a visit that sets the scene adds nothing (ONTOLOGY)
        tok = r.mention_head(m)
        fr = Frame()
        collect(r, tok, fr, set(range(m.start, m.end)), set(range(m.start, m.end)))
        visitors = fr.subjects or climb_subjects(r, tok) or shared_subject(r, tok)
        if not visitors and tok.dep_ == "acl" and r.sm.index_at(tok.head.i) is not None:
            visitors = r.phrase_actors(tok.head, genitive=False)
        trig = r.lex.triggers.get("訪問")
        mood = modality(r, tok, trig) if trig is not None else Modality.ASSERTED
        yield from emit(r, RelationType.MEETING, visitors, r.mention_args(idx), tok, m.text, mood, Confidence.VISIT)
