"""Membership of states in bodies: フィンランドはNATOに加盟した, ロシアは安保理の
常任理事国として."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon
from ..types import ActorType, Modality, RelationType
from .arguments import collect
from .cues import Cues
from .emit import emit
from .frames import Reader
from .modality import NO_TRIGGER, modality
from .particles import AGENT, AS, bare, particles
from .slots import THEME, Arg, Candidate, Confidence, Frame, Known, Slot, unique
from .subjects import climb_subjects, shared_subject

__all__ = ["MEMBERSHIP_NOUNS", "MEMBERSHIP_VERBS", "cues", "leaves_body", "membership", "pair_cues"]

# 常任理事国として / NATOに加盟した: words that make a state member_of a body
MEMBERSHIP_NOUNS = ("加盟国", "理事国", "加盟", "一員", "メンバー", "構成国", "締約国", "議長国", "参加国", "盟主")
MEMBERSHIP_VERBS = frozenset({"加盟", "加入"})
# モロッコはアフリカ連合を脱退した: a member that leaves was one (member_of, negated)
LEAVING_VERBS = frozenset({"脱退", "離脱"})
# ペルー、コロンビア等から成るリマグループ: verbs that say what a body is made of
_COMPOSED_OF = frozenset({"成る", "構成", "加盟", "参加", "結成", "組織", "設立", "創設", "創立", "発足"})
# A list in brackets (A、B / A・B / AおよびB), the shape _bracket_lists reads
_BRACKET_LIST = re.compile(r"[(（][^()（）]*(?:[、・,]|および|及び)[^()（）]*[)）]")
# Verbs whose subjects found the body that is their object (AとBがXを結成した).
_FOUNDING = frozenset({"結成", "設立", "創設", "創立"})


def cues(lex: Lexicon) -> Cues:
    return Cues(words=MEMBERSHIP_VERBS | LEAVING_VERBS)


def pair_cues(lex: Lexicon) -> Cues:
    # (a body and its members are two actors at least) ペルー、コロンビア等から成るリマグループ;
    # メルコスール(ブラジル、アルゼンチン…): a body's members, listed in brackets after its name
    # (成る is also every なる: only から成る/からなる is the cue)
    made_of = tuple(f"から{v}" for v in ("成る", "なる", "成り", "なり", "成っ", "なっ"))
    # (a membership noun reads a state in a body named with it: 常任理事国, 議長国マレーシア)
    return Cues(words=_COMPOSED_OF - {"成る"}, suffixes=MEMBERSHIP_NOUNS, phrases=made_of, patterns=(_BRACKET_LIST,))


def membership(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    """States in bodies: フィンランドはNATOに加盟した, ロシアは安保理の常任理事国として,
    G7議長国であるイタリア, タイなどの国連加盟国, ペルー、コロンビア等から成るリマグループ,
    サヘルのG5(ブルキナファソ、チャド、…)."""
    for tok in r.doc:
        if tok.lemma_ in MEMBERSHIP_VERBS and (
            tok.pos_ == "VERB"
            or any(c.lemma_ == "する" for c in tok.children)
            or any(c.dep_ in ("nsubj", "obl") for c in tok.children)  # 東ドイツは1990年にNATOに加盟、
        ):
            yield from _joins(r, tok)
        elif tok.lemma_ in LEAVING_VERBS and (
            tok.pos_ == "VERB" or any(c.lemma_ == "する" for c in tok.children) or _declared(tok)
        ):
            yield from _leaves(r, tok)
        elif tok.text.endswith(MEMBERSHIP_NOUNS) and r.sm.index_at(tok.i) is None:
            yield from _member_noun(r, tok)
        elif (idx := r.sm.index_at(tok.i)) is not None and r.arg_type(Arg(idx)) == ActorType.ORGANIZATION:
            if tok.i == r.mention_head(r.sm.mentions[idx]).i:
                yield from _composed_of(r, tok, idx)
    yield from _bracket_lists(r)


def leaves_body(r: Reader, tok, parties: Sequence[Slot]) -> bool:
    """Whether ``tok`` leaves a body among ``parties`` (ワルシャワ条約機構を脱退): that is
    membership ended, not a treaty left."""
    return tok.lemma_ in LEAVING_VERBS and any(r.arg_type(a) == ActorType.ORGANIZATION for a in parties)


def _joins(r: Reader, tok) -> Iterator[Candidate]:
    """フィンランドはNATOに加盟した."""
    fr = Frame()
    collect(r, tok, fr, {tok.i}, {tok.i})
    bodies: list[Slot] = [a for a in fr.datives if r.arg_type(a) == ActorType.ORGANIZATION]
    members = [
        a
        for a in (fr.subjects or climb_subjects(r, tok) or shared_subject(r, tok))
        if r.arg_type(a) == ActorType.COUNTRY
    ]
    if not bodies and not fr.datives:
        bodies = [THEME]  # 東ドイツは1956年加盟: of the body the text is about
    yield from emit(
        r, RelationType.MEMBER_OF, members, bodies, tok, tok.text, modality(r, tok, NO_TRIGGER), Confidence.MEMBERSHIP
    )


# Verbs that declare a decision (…からの脱退を表明した): the act declared is the subject's.
_DECLARING = frozenset({"表明", "決定", "宣言", "通告", "通知", "発表", "決める"})


def _declared(tok) -> bool:
    """ECOWASからの脱退を表明した, NATO脱退を決めた: a leaving declared, named as a noun."""
    return tok.pos_ == "NOUN" and tok.dep_ == "obj" and tok.head.lemma_ in _DECLARING


def _left_from(c) -> bool:
    """The body left: を / から on the verb, からの / a compound on the noun."""
    return (c.dep_ in ("obj", "obl") and particles(c) in ("を", "から")) or (
        c.dep_ in ("nmod", "compound") and particles(c) in ("からの", "")
    )


def _leaves(r: Reader, tok) -> Iterator[Candidate]:
    """モロッコはアフリカ連合を脱退した, 英国はEUから離脱した, …からの脱退を表明: no longer a member."""
    fr = Frame()
    verb = tok.head if _declared(tok) else tok
    collect(r, verb, fr, {tok.i, verb.i}, {tok.i, verb.i})
    bodies = [
        a
        for c in tok.children
        if _left_from(c)
        for a in r.phrase_actors(c, genitive=False)
        if r.arg_type(a) == ActorType.ORGANIZATION
    ]
    members = [
        a
        for a in (fr.subjects or climb_subjects(r, verb) or shared_subject(r, verb))
        if r.arg_type(a) == ActorType.COUNTRY
    ]
    if not bodies and not any(_left_from(c) for c in tok.children):
        bodies = [THEME]  # アルバニアは1968年に脱退した: from the body the text is about
    yield from emit(r, RelationType.MEMBER_OF, members, bodies, tok, tok.text, Modality.NEGATED, Confidence.MEMBERSHIP)


def _member_noun(r: Reader, tok) -> Iterator[Candidate]:
    """常任理事国, 議長国, 加盟国: the body is named before the noun (の, a compound, or
    in the same word: 国連安保理常任理事国), the state as its subject, in a list before
    it (タイなどの国連加盟国), or as what it describes (G7議長国であるイタリア)."""
    named = [
        a
        for c in tok.children
        if bare(particles(c)) in ("の", "") or c.dep_ == "compound"
        for a in r.phrase_actors(c, genitive=False)
    ]
    fused = _fused_body(r, tok.text)
    bodies = [a for a in named if r.arg_type(a) == ActorType.ORGANIZATION]
    if not bodies and fused is None:
        bodies = [a for a in named if r.arg_type(a) == ActorType.REGION]
    listed = _said_to_be(r, tok)
    said_to_be = bool(listed)
    apposed = _apposed(r, tok)  # 議長国マレーシア, 加盟国ミャンマー: the state the noun names
    if apposed and not bodies and fused is None:
        bodies = _body_before(r, tok)  # AU議長国ケニア (GiNZA hangs AU on the state)
    if not bodies and fused is None and not named and said_to_be and tok.text in ("加盟国", "原加盟国", "構成国"):
        bodies = [THEME]  # 加盟国はソ連、ポーランド…であった: of the body the text is about
    if not bodies and fused is None:
        return
    members = [a for a in named if r.arg_type(a) == ActorType.COUNTRY]
    if particles(tok) in AS or tok.dep_ in ("obl", "advcl"):
        members += [
            a
            for c in tok.head.children
            if c.dep_ in ("nsubj", "dislocated") and particles(c) in AGENT
            for a in r.phrase_actors(c, genitive=False)
        ]
    members += listed  # NATOの加盟国は、米国、英国、フランスなどである: the states the noun is said to be
    if tok.dep_ == "acl" and any(c.dep_ == "cop" for c in tok.children):
        described = tok.head  # G7議長国であるイタリア
        members += r.phrase_actors(described, genitive=False)
        if particles(described) in ("と", "や", "、") and r.sm.index_at(described.head.i) is not None:
            members += r.phrase_actors(described.head, genitive=False)  # …であるイギリスとフランス
    members += [
        a for c in tok.children if c.dep_ in ("nsubj", "dislocated") for a in r.phrase_actors(c, genitive=False)
    ]
    members += apposed
    members = [a for a in unique(members) if r.arg_type(a) == ActorType.COUNTRY]
    if fused is not None and not bodies:
        yield from emit(
            r, RelationType.MEMBER_OF, members, [Known(fused)], tok, tok.text, Modality.ASSERTED, Confidence.MEMBERSHIP
        )
        return
    yield from emit(r, RelationType.MEMBER_OF, members, bodies, tok, tok.text, Modality.ASSERTED, Confidence.MEMBERSHIP)


def _apposed(r: Reader, tok) -> list[Slot]:
    """The actor named right after a membership noun, with no particle between."""
    idx = r.sm.index_at(tok.i + 1)
    if particles(tok) != "" or idx is None or r.sm.mentions[idx].start != tok.i + 1:
        return []
    return r.mention_args(idx)


def _body_before(r: Reader, tok) -> list[Slot]:
    """The body named right before a membership noun (AU議長国, ASEANの加盟国)."""
    k = tok.i - 1
    if k > 0 and r.doc[k].text == "の":
        k -= 1
    idx = r.sm.index_at(k) if k >= 0 else None
    if idx is None or r.sm.mentions[idx].end != k + 1 or r.arg_type(Arg(idx)) != ActorType.ORGANIZATION:
        return []
    return r.mention_args(idx)


def _said_to_be(r: Reader, tok) -> list[Slot]:
    """加盟国は、A、B、Cであった: the actors of a list that a subject noun is said to be (GiNZA
    hangs the subject on the first of them, the copula on the last)."""
    if tok.dep_ != "nsubj" or particles(tok) not in ("は", "が"):
        return []
    # (the copula であった may be tagged a case particle: read it by its lemma)
    cop = next((t for t in r.doc[tok.i + 1 :] if t.dep_ == "cop" or t.lemma_ in ("だ", "です")), None)
    if cop is None or r.sm.index_at(cop.head.i) is None:
        return []
    out: list[Slot] = []
    for k in range(tok.i + 1, cop.i):
        idx = r.sm.index_at(k)
        if idx is not None and r.mention_head(r.sm.mentions[idx]).i == k:
            out += r.mention_args(idx)
    return unique(out)


def _fused_body(r: Reader, word: str) -> str | None:
    """国連安保理常任理事国: a body and the membership noun in one word."""
    for noun in MEMBERSHIP_NOUNS:
        if word.endswith(noun) and len(word) > len(noun):
            head = word[: -len(noun)]
            for modifier in ("常任", "非常任", "原", "正式", "現"):
                if head.endswith(modifier) and len(head) > len(modifier):
                    head = head[: -len(modifier)]
            aid = r.lex.lookup(head)
            if aid is not None and r.lex.actors[aid].type == ActorType.ORGANIZATION:
                return aid
    return None


def _composed_of(r: Reader, tok, idx: int) -> Iterator[Candidate]:
    """ペルー、コロンビア等から成るリマグループ, …加盟国で構成された国連軍, AとBによって
    設立された: the states a body is made of, or was founded by."""
    # (Xは、AとBによって設立された同盟である: the clause may hang on the noun X is said to be)
    said_to_be = [tok.head] if tok.dep_ == "nsubj" and any(c.dep_ == "cop" for c in tok.head.children) else []
    clauses = [c for t in (tok, *said_to_be) for c in t.children if c.dep_ == "acl"]
    if tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.lemma_ in _COMPOSED_OF and r.passive(tok.head):
        clauses.append(tok.head)  # Xは、AとBによって設立された
    if tok.dep_ == "obj" and tok.head.lemma_ in _FOUNDING and not r.passive(tok.head):
        clauses.append(tok.head)  # A、B及びCの3か国がXを結成した: the founders are its members
    for acl in clauses:
        if acl.lemma_ not in _COMPOSED_OF:
            continue
        # (GiNZA may hang the founders' によって on the noun the clause modifies)
        around = (
            [c for c in acl.head.children if c.i < acl.i and bare(particles(c)) == "によって"] if said_to_be else []
        )
        members = [
            a
            for c in [*acl.children, *around]
            if c.dep_ in ("obl", "obj", "nsubj")
            and bare(particles(c)) in ("から", "で", "を", "が", "は", "によって", "より")
            for a in r.phrase_actors(c, genitive=True, depth=3)
        ]
        members = [a for a in unique(members) if r.arg_type(a) == ActorType.COUNTRY]
        yield from emit(
            r,
            RelationType.MEMBER_OF,
            members,
            r.mention_args(idx),
            acl,
            acl.text,
            Modality.ASSERTED,
            Confidence.MEMBERSHIP,
        )


def _bracket_lists(r: Reader) -> Iterator[Candidate]:
    """サヘルのG5(ブルキナファソ、チャド、マリ、モーリタニアおよびニジェール): a body and,
    in brackets right after it, the states it is made of."""
    doc, sm = r.doc, r.sm
    for idx, m in enumerate(sm.mentions):
        if r.arg_type(Arg(idx)) != ActorType.ORGANIZATION or m.end >= len(doc) or doc[m.end].text not in "(（":
            continue
        inside: list[Slot] = []
        k = m.end + 1
        while k < len(doc) and doc[k].text not in ")）":
            j = sm.index_at(k)
            if j is not None:
                inside += r.mention_args(j)
                k = sm.mentions[j].end
                continue
            if doc[k].text not in ("、", "・", ",", "および", "及び", "と", "や"):
                break
            k += 1
        states = [a for a in inside if r.arg_type(a) == ActorType.COUNTRY]
        if k < len(doc) and doc[k].text in ")）" and len(states) >= 2 and len(states) == len(inside):
            yield from emit(
                r,
                RelationType.MEMBER_OF,
                states,
                r.mention_args(idx),
                doc[m.end],
                m.text,
                Modality.ASSERTED,
                Confidence.MEMBERSHIP,
            )
