"""The topic a sentence hands on: the subject of its main clause, which a
following sentence with no subject of its own continues (Japanese drops it)."""

from __future__ import annotations

from .frames import Reader
from .particles import particles
from .slots import Slot

__all__ = ["heading", "topic"]

# What sets off an entry's subject in a list (「フランス - 2月27日、…を決定。」, 「中国：…を非難」).
_ENTRY_MARKS = frozenset({"-", "－", "‐", "—", "–", "―", "−", ":", "："})
# Bullets and numbering an entry may open with.
_BULLETS = frozenset({"・", "●", "○", "■", "□", "◆", "◇", "*", "＊", "•"})


def topic(r: Reader) -> list[Slot]:
    """The subject of the main clause: what a subjectless next sentence is about."""
    roots = [t for t in r.doc if t.head.i == t.i]
    # 中国は…を非難し、…を継続した: the subject may hang on the first clause of the main one
    clauses = roots + [c for root in roots for c in root.children if c.dep_ in ("advcl", "conj") and c.i < root.i]
    for root in clauses:
        for ch in sorted(root.children, key=lambda c: c.i):
            # (GiNZA attaches 我が国は as "dep" at times)
            if (
                ch.dep_ in ("nsubj", "dislocated", "dep")
                and particles(ch) in ("は", "が", "も", "では", "")
                and (ch.dep_ != "dep" or particles(ch) == "は")
            ):
                args = r.phrase_actors(ch, genitive=True)
                if args:
                    return args
    return []


def heading(r: Reader) -> list[Slot]:
    """The actor an entry of a list opens with, set off by a dash or a colon:
    「フランス - 2月27日、ウクライナへの追加の軍事支援を決定。」 is France's act.

    Encyclopedias list reactions and aid by state this way; the entry's clauses have no
    subject of their own, and the one named first is theirs (and the next sentence's).
    """
    toks = [t for t in r.doc if not t.is_space and t.text not in _BULLETS]
    if not toks:
        return []
    idx = r.sm.index_at(toks[0].i)
    if idx is None:
        return []
    m = r.sm.mentions[idx]
    after = [t for t in toks if t.i >= m.end]
    if not after or after[0].text not in _ENTRY_MARKS:
        return []
    return r.phrase_actors(r.doc[m.start], genitive=False)
