"""The topic a sentence hands on: the subject of its main clause, which a
following sentence with no subject of its own continues (Japanese drops it)."""

from __future__ import annotations

from .frames import Reader
from .particles import particles
from .slots import Slot

__all__ = ["topic"]


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
