"""Obligations a statement lays on others: 北朝鮮は…を慎まなければならない,
ロシアは軍を撤退させるべきである.

In a statement's own sentences (not a quote, not a clause of a speech verb,
which the quote and speech families read) a main clause that says what
another actor must or must not do is a demand on that actor: a request of
whoever speaks in the text (ONTOLOGY: 求める… → request). Who speaks is for
the document to say (the statement's author, the turn's speaker, the text's
own government), so the source is :data:`VOICE`; a text with no voice (an
encyclopedia's "X must…" is rare and not a demand of anyone) yields nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon
from ..types import Modality, RelationType
from .cues import Cues
from .emit import emit
from .frames import Reader
from .modality import obliged
from .particles import particles
from .slots import VOICE, Arg, Candidate, Confidence
from .subjects import shared_subject

__all__ = ["cues", "obligations"]

_CUES = ("ならない", "なりません", "べき")


def cues(lex: Lexicon) -> Cues:
    # phrases, not words: なら and なり alone are in every other sentence
    return Cues(phrases=_CUES)


def obligations(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    doc = r.doc
    for root in doc:
        if root.head.i != root.i:
            continue
        if r.in_quote(root):
            continue  # 「…べきだ」: the quote's speaker (the quotes family)
        if not obliged(r, root):
            continue
        targets = [
            a
            for ch in root.children
            if ch.dep_ in ("nsubj", "dislocated") and particles(ch) in ("は", "が", "も")
            for a in r.phrase_actors(ch, genitive=False)
        ]
        # 北朝鮮は、…を遵守し、…を慎まなければならない: the subject of the first clause
        targets = targets or shared_subject(r, root)
        # (我々は…なければならない: the speaker's duty, not a demand on anyone)
        targets = [a for a in targets if not (isinstance(a, Arg) and r.sm.mentions[a.mention].is_speaker)]
        yield from emit(
            r,
            RelationType.REQUEST,
            [VOICE],
            targets,
            root,
            r.predicate_text(root),
            Modality.ASSERTED,
            Confidence.SPEECH - 0.1,
        )
