"""Evaluations: welcome, thanks and praise comment on the actors of what is
welcomed (ONTOLOGY rule 5): 停戦合意を歓迎した, 日本の支援に感謝."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon
from ..types import RelationType
from .cues import Cues
from .emit import emit
from .frames import Frame, Reader
from .modality import NO_TRIGGER, modality
from .slots import TOPIC, Candidate, Confidence

__all__ = ["cues", "evaluations"]


def cues(lex: Lexicon) -> Cues:
    return Cues.of_words(lex.evaluation_verbs)


def evaluations(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    """Every evaluation verb that is not itself a trigger (a trigger is an event)."""
    for tok in r.doc:
        if tok.lemma_ in r.lex.evaluation_verbs and r.trigger_of(tok) is None:
            yield from _evaluation(r, tok)


def _evaluation(r: Reader, tok) -> Iterator[Candidate]:
    """停戦合意を歓迎した, 日本の支援に感謝: welcome, thanks and praise comment on
    the actors of what is welcomed (ONTOLOGY rule 5)."""
    if r.passive(tok) or r.sm.index_at(tok.i) is not None:
        return
    fr = Frame()
    r.collect(tok, fr, {tok.i}, {tok.i})
    speakers = fr.subjects or r.speaker_from(tok) or r.climb_subjects(tok) or r.shared_subject(tok)
    conf = Confidence.EVALUATION
    if not speakers and r.main_clause(tok):
        speakers, conf = [TOPIC], Confidence.CARRIED_EVALUATOR
    targets = [a for a in fr.objs + fr.datives + fr.targets + fr.about if a not in speakers]
    if not targets:
        # 日ウクライナ協定が実質合意に至ったことを歓迎: the parties of what is welcomed
        targets = [a for c in fr.complements for a in r.doers(c) if a not in speakers]
    yield from emit(
        r,
        RelationType.COMMENTS_ON,
        speakers,
        targets,
        tok,
        r.predicate_text(tok),
        modality(r, tok, NO_TRIGGER),
        conf,
    )
