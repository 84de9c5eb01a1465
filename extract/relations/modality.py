"""Modality of a relation: asserted, hedged, negated or hypothetical (ONTOLOGY.md).

Read from the trigger's predicate and the clause around it, climbing through
light verbs, compounds and the nouns a clause modifies (締結する可能性).
"""

from __future__ import annotations

import re

from ..lexicon import Trigger
from ..types import Modality, RelationType
from .frames import Reader
from .particles import particles

__all__ = ["NO_TRIGGER", "modality", "obliged"]

# For rule families without a trigger word (membership, evaluation): no modality of their own.
NO_TRIGGER = Trigger(lemma="", type=RelationType.COMMENTS_ON)


# What follows the main verb when it is an obligation: しなければならない,
# しなくてはならない, してはならない (must not), すべきである, させるべきだ.
_MUST = re.compile(
    r"^(さ|し|せ|させ|る|せる|させる|す|する)?"
    r"((なけれ|なく|ね)(ば|ては|ちゃ)|ては|では)(なら|なり)(ない|ません)"
    r"|^(さ|し|せ|させ|る|せる|させる|す|する)?べき(だ|である|です)?$"
)


def obliged(r: Reader, verb) -> bool:
    """Whether ``verb`` ends its sentence in an obligation: 慎まなければならない, 撤退させるべきだ."""
    tail = r.doc.text[verb.idx + len(verb.text) :].rstrip("。．.!！」』 　")
    return bool(_MUST.search(tail))


def modality(r: Reader, tok, trig: Trigger) -> Modality:
    """asserted, hedged, negated or hypothetical, read from the trigger's predicate
    and the clause around it (ONTOLOGY.md).

    Negation on the relation itself wins over a hedge around it: 供与しない方針
    is a negated support, not a hedged one. The reading climbs from the trigger
    through the words that carry it (a light verb, a compound, 意 of 遺憾の意)
    until a clause closes; the noun or verb that clause hangs on may still judge it.
    """
    cur = tok
    for step in range(5):
        said = _said_at(r, cur, step)
        if said is not None:
            return said
        carrier = _carrier(r, cur)
        if carrier is not None:
            cur = carrier
            continue
        if _closes(cur):
            judged = _judged_by_head(r, cur)
            if judged is not None:
                return judged
            break
        if _stops(cur):
            break
        cur = cur.head
    return trig.modality or Modality.ASSERTED


def _said_at(r: Reader, cur, step: int) -> Modality | None:
    """What the words on ``cur`` say of it: an obligation, a hedge, a condition, a
    negation, or the verb that stops or asks for it (``step``: how far up ``cur`` is)."""
    hedges = r.lex.hedges
    if cur.head.i == cur.i and obliged(r, cur):
        return Modality.HEDGED  # 協力しなければならない: called for, not done (rule 7)
    lemmas = [c.lemma_ for c in cur.children if c.dep_ in ("aux", "cop", "mark", "case", "fixed", "advmod")]
    texts = [c.text for c in cur.children if c.dep_ in ("aux", "cop", "mark", "case")]
    words = lemmas + texts
    if "かねる" in lemmas or "かね" in texts:
        return Modality.HEDGED
    if any(x in ("ば", "たら", "なら", "ならば") for x in words):
        return Modality.HYPOTHETICAL
    if any(x in hedges[Modality.NEGATED] for x in words):
        return Modality.NEGATED
    if step > 0 and cur.lemma_ in hedges[Modality.HYPOTHETICAL]:
        return Modality.HYPOTHETICAL
    if step > 0 and cur.lemma_ in hedges[Modality.HEDGED]:
        return Modality.HEDGED
    if any(x in hedges[Modality.HEDGED] for x in lemmas):
        return Modality.HEDGED
    if cur.dep_ in ("obj", "nsubj") and cur.head.lemma_.endswith(tuple(r.lex.negating_verbs)):
        return Modality.NEGATED  # 武器供与を停止, 支援を拒否
    if cur.dep_ == "obj" and cur.head.lemma_ in r.lex.hedging_verbs:
        return Modality.HEDGED  # 対話を呼びかけた: asked for, not held (rule 7)
    return None


def _carrier(r: Reader, cur):
    """The word that carries ``cur`` and speaks for it (a compound's head, a light verb,
    意 of 遺憾の意を表明), or None."""
    if cur.dep_ == "compound" or (
        cur.dep_ in ("obj", "iobj") and cur.head.lemma_ in r.lex.light_verbs | r.lex.passive_light_verbs
    ):
        return cur.head
    if cur.dep_ == "nmod" and particles(cur) == "の" and cur.head.lemma_ in r.lex.transparent_nouns:
        return cur.head  # 遺憾の意を表明: the trigger speaks through 意
    if cur.dep_ == "nmod" and particles(cur) == "の" and cur.head.lemma_ in r.lex.designation_verbs:
        return cur.head  # テロ支援国家の指定を解除: the designation is the measure, and is lifted
    return None


def _closes(cur) -> bool:
    """A clause that modifies a noun (締結する可能性, 協力の必要性) or is what a verb says (…したとみられる)."""
    return (
        cur.dep_ == "acl"
        or (cur.dep_ == "nmod" and particles(cur) == "の")
        or (cur.dep_ in ("advcl", "ccomp") and particles(cur).endswith(("と", "とは")))
    )


def _judged_by_head(r: Reader, cur) -> Modality | None:
    """How the noun or verb a closed clause hangs on judges it."""
    h = cur.head
    if cur.dep_ in ("advcl", "ccomp"):
        # …したとみられる: the judge is unnamed, the claim hedged.
        if h.lemma_ in ("見る", "みる", "見込む", "推測", "観測", "予想", "予測") and r.passive(h):
            return Modality.HEDGED
        if h.lemma_ in ("期待", "予定", "計画", "検討", "目指す", "考える"):
            return Modality.HEDGED
        return None
    # 締結する可能性 / 協力の必要性: the noun the clause modifies decides.
    hedges = r.lex.hedges
    if h.lemma_ in hedges[Modality.HEDGED] or h.text in hedges[Modality.HEDGED]:
        return Modality.HEDGED
    if h.lemma_ in hedges[Modality.HYPOTHETICAL] or h.text in hedges[Modality.HYPOTHETICAL]:
        return Modality.HYPOTHETICAL
    return None


def _stops(cur) -> bool:
    """Where the climb ends: an argument, the root, or a clause with a predicate of its own
    (…重大な脅威であり、断じて容認できない)."""
    if cur.dep_ in ("nsubj", "obj", "obl", "dislocated", "nmod") or cur.head.i == cur.i:
        return True
    return cur.dep_ == "advcl" and any(c.dep_ in ("cop", "aux") for c in cur.children)
