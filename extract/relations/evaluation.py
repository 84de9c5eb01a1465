"""Evaluations: welcome, thanks and praise comment on the actors of what is
welcomed (ONTOLOGY rule 5): 停戦合意を歓迎した, 日本の支援に感謝."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon
from ..types import RelationType
from .acts import doers, referred_act
from .arguments import collect
from .cues import Cues
from .emit import emit
from .frames import Reader
from .modality import NO_TRIGGER, modality
from .particles import particles
from .slots import TOPIC, Arg, Candidate, Confidence, Frame, Slot
from .subjects import climb_subjects, main_clause, shared_subject

__all__ = ["cues", "evaluations"]


def _visited(r: Reader, a: Slot) -> bool:
    """A state named as the one visited (訪日): what is welcomed is the visit, by its visitor."""
    return isinstance(a, Arg) and r.sm.mentions[a.mention].prefix == "訪"


def _visitors(r: Reader, phrase) -> list[Slot]:
    idx = r.sm.index_at(phrase.i)
    if idx is None or r.sm.mentions[idx].prefix != "訪":
        return []
    return [a for ch in phrase.children if particles(ch) == "の" for a in r.phrase_actors(ch, genitive=False)]


# Verbs that state an evaluation named by their object (謝意を表明, 歓迎の意を表する).
_DECLARING = frozenset({"表明", "表する", "表す", "述べる", "示す", "伝える", "伝達"})


def cues(lex: Lexicon) -> Cues:
    return Cues.of_words(lex.evaluation_verbs)


def evaluations(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    """Every evaluation verb that is not itself a trigger (a trigger is an event)."""
    for tok in r.doc:
        if tok.lemma_ in r.lex.evaluation_verbs and r.trigger_of(tok) is None:
            yield from _evaluation(r, tok)


def _carried_by(r: Reader, tok):
    """感謝の意, 歓迎の念: the noun after の that only carries the evaluation, else ``tok``."""
    if tok.dep_ == "nmod" and particles(tok) == "の" and tok.head.lemma_ in r.lex.transparent_nouns:
        return tok.head
    return tok


def _evaluation(r: Reader, tok) -> Iterator[Candidate]:
    """停戦合意を歓迎した, 日本の支援に感謝: welcome, thanks and praise comment on
    the actors of what is welcomed (ONTOLOGY rule 5)."""
    if r.passive(tok) or r.sm.index_at(tok.i) is not None:
        return
    fr = Frame()
    collect(r, tok, fr, {tok.i}, {tok.i})
    # 日本の支援に謝意を表明した, 歓迎の意を示した: the noun's verb says who and for what
    noun = _carried_by(r, tok)  # (感謝の意を表明: the evaluation carried by 意)
    stated = noun.dep_ in ("obj", "nsubj", "nsubj:pass")  # 謝意を表明した, 謝意が表明された
    node = noun.head if stated and noun.head.lemma_ in _DECLARING else tok
    if node is not tok:
        collect(r, node, fr, {tok.i, node.i}, {tok.i, node.i})
    speakers = fr.subjects or r.speaker_from(node) or climb_subjects(r, node) or shared_subject(r, node)
    conf = Confidence.EVALUATION
    if not speakers and main_clause(r, tok):
        speakers, conf = [TOPIC], Confidence.CARRIED_EVALUATOR
    targets = [a for a in fr.objs + fr.datives + fr.targets + fr.about if a not in speakers and not _visited(r, a)]
    if not targets:
        # ヴィエイラ外相の訪日を歓迎: the visitor, not the state visited
        targets = [a for c in fr.objects for a in _visitors(r, c) if a not in speakers]
    if not targets:
        # ロペス外相の訪問を歓迎: the doers of the act welcomed
        targets = [a for c in fr.objects if r.trigger_of(c) is not None for a in doers(r, c) if a not in speakers]
    if not targets:
        # 日ウクライナ協定が実質合意に至ったことを歓迎: the parties of what is welcomed
        targets = [a for c in fr.complements for a in doers(r, c) if a not in speakers]
    if not targets:
        # この動きを歓迎: the act just described
        refs: list[Slot] = [ref for c in fr.complements + fr.objects if (ref := referred_act(r, c)) is not None]
        targets = refs[:1]
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
