"""What a speech act is about when its clause names no one: the grounds it gives (…として非難), the subject of what is said (…について遺憾である旨表明)."""

from __future__ import annotations

from ..types import RelationType
from .acts import doers
from .frames import Reader
from .particles import ABOUT, particles, postposition_verb
from .slots import Slot

__all__ = [
    "AS_GROUNDS",
    "clause_actors",
    "grounds",
    "pointed_objects",
    "protested_before",
    "punished_for",
    "said_about",
]

# How a clause is given as grounds: …として, 「…」と(して).
AS_GROUNDS = ("と", "として")


def grounds(r: Reader, tok) -> list:
    """…、として非難した, 「…」として不満を表明した: the clause a criticism gives as its grounds."""
    verbs = [tok] + ([tok.head] if tok.dep_ == "obj" and tok.head.lemma_ in r.lex.light_verbs else [])
    out = []
    for v in verbs:
        for ch in v.children:
            if ch.dep_ != "advcl":
                continue
            if particles(ch).endswith(AS_GROUNDS):
                out.append(ch)  # …立てている、として非難
            elif ch.lemma_ == "する":
                out += [g for g in ch.children if g.dep_ == "advcl" and particles(g).endswith(AS_GROUNDS)]
    return out


def clause_actors(r: Reader, clause) -> list[Slot]:
    """Those a clause is about: its subject, else the first actor named in it."""
    for ch in clause.children:
        if ch.dep_ in ("nsubj", "dislocated") and particles(ch) in ("は", "が"):
            args = r.phrase_actors(ch, genitive=True)
            if args:
                return args
    for t in clause.subtree:
        idx = r.sm.index_at(t.i)
        if idx is not None and not r.sm.mentions[idx].is_collective:
            return r.mention_args(idx)
    return []


def said_about(r: Reader, tok) -> list:
    """…措置について、…遺憾である旨表明: the について phrase of the speech verb a
    旨 / と clause hangs on, for a judgement in it that names no one."""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return []
        nxt = cur.head
        if nxt.lemma_ in r.lex.speech_verbs:
            # (GiNZA may hang a sentence-initial …について on any verb after it)
            return [c for c in r.doc[: tok.i] if particles(c) in ABOUT and not r.in_quote(c)][:1]
        if not (cur.dep_ == "acl" and nxt.lemma_ in ("旨", "むね")) and not particles(cur).endswith("と"):
            return []
        cur = nxt
    return []


def chained_about(r: Reader, tok) -> list:
    """…の発射に関し、…ものであり、断じて容認できず、強く非難: a …に関し / …をめぐり phrase that
    opens a chain of clauses is what the last of them is about too."""
    # (…について「…」と述べ、深い懸念を伝えた: the clauses hang on the verb carrying the noun)
    clauses = [tok.head] if tok.dep_ == "obj" and tok.head.lemma_ in r.lex.light_verbs else [tok]
    for _ in range(3):
        clauses = [c for n in clauses for c in n.children if c.dep_ == "advcl" and c.i < n.i]
        for c in clauses:
            for v in c.children:
                if postposition_verb(v) and v.i < c.i:
                    return [g for g in v.children if g.dep_ in ("obl", "obj")][:1]
            about = [t for t in c.subtree if t.dep_ == "obl" and particles(t) in ABOUT and not r.in_quote(t)]
            if about:
                return about[:1]
    return []


def pointed_objects(r: Reader, tok) -> list:
    """…努力を歓迎し、これを支持する: the object of the clause before that これ / それ points at."""
    if not any(c.dep_ == "obj" and c.lemma_ in ("これ", "それ") for c in tok.children):
        return []
    for clause in sorted(tok.children, key=lambda c: -c.i):
        if clause.dep_ in ("advcl", "conj") and clause.i < tok.i:
            return [c for c in clause.children if c.dep_ == "obj"]
    return []


def _verb_of(tok):
    """The verb a noun is the object of (追加制裁を|発動した), or the verb itself."""
    return tok.head if tok.dep_ == "obj" and tok.head.i > tok.i else tok


def protested_before(r: Reader, tok) -> list[Slot]:
    """英国はロシアを非難し、部隊の撤退を求めた, …を強く非難するとともに、解放を求めます: a demand
    naming no one that follows a protest in the same sentence is made of the one protested
    against (the object of the protest, or the doers of the act it names); so are measures
    taken after it (EUはベラルーシを非難し、追加制裁を発動した)."""
    for clause in sorted(_verb_of(tok).children, key=lambda c: -c.i):
        if clause.dep_ != "advcl" or clause.i >= tok.i:
            continue
        trig = r.trigger_of(clause)
        if trig is None or trig.type != RelationType.CRITICISM:
            continue
        objects = [c for c in clause.children if c.dep_ == "obj" and not r.in_quote(c)]
        return [a for o in objects for a in doers(r, o) or r.phrase_actors(o)]
    return []


def punished_for(r: Reader, tok) -> list[Slot]:
    """ロシアがウクライナを攻撃したため、EUは制裁を科した, …に武器を供給したとして制裁を科した:
    a measure naming no one is aimed at the doers of what it is taken for."""
    causes = [
        c
        for ch in _verb_of(tok).children
        if ch.i < tok.i and ch.lemma_ in ("ため", "為") and ch.dep_ in ("obl", "advcl")
        for c in ch.children
        if c.dep_ == "acl" and any(a.text == "た" for a in c.children)
    ] + grounds(r, tok)
    # (only a subject named: …に武器を供給したとして、企業に制裁 leaves the doer to the measure's target)
    for c in causes:
        found = [
            a
            for ch in c.children
            if ch.dep_ in ("nsubj", "dislocated") and particles(ch) in ("は", "が")
            for a in r.phrase_actors(ch, genitive=True)
        ]
        if found:
            return found
    return []
