"""Sorting a node's dependents into a :class:`~extract.relations.slots.Frame`'s slots by their particles.

:func:`collect` reads every dependent of a node (a trigger, the verb that
carries it); :func:`collect_deep` the から / への phrases GiNZA hangs on a noun
between them and the act; :func:`left_source` the から / による phrase just
before the act's noun phrase. :func:`slot` is the one place a particle decides
the slot: agent, object, dative, target, partner, by, from, about, genitive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import TARGET_PREFIXES
from ..types import ActorType, RelationType
from .particles import (
    ABOUT,
    AGENT,
    AS,
    ATTRIBUTION,
    BY,
    COMPARE,
    CONTENT_DEPS,
    DATIVE,
    FROM,
    OBJECT,
    TARGET,
    WITH,
    bare,
    particles,
    postposed,
)
from .phrases import after_aside, misplaced_holder, title_after
from .slots import Frame, Slot

if TYPE_CHECKING:
    from .frames import Reader

__all__ = ["collect", "collect_deep", "left_source", "slot"]

_WHERE = frozenset({"で", "では", "において", "においては", "にて"})
_INCLUDING = frozenset({"含める", "含む"})
_SPEECH_TYPES = frozenset({RelationType.CRITICISM, RelationType.REQUEST, RelationType.COMMENTS_ON})


def collect(r: Reader, node, fr: Frame, exclude: set[int], seen: set[int]) -> None:
    """Sort the actors among ``node``'s dependents into slots by their particles."""
    for ch in node.children:
        idx = r.sm.index_at(ch.i)
        if idx is not None:
            # 米|国務|省は: a mention's tokens may hang on the verb separately;
            # read the mention through its head token, once.
            head = r.mention_head(r.sm.mentions[idx])
            if head.i != ch.i and head.head.i == node.i and (particles(ch) == "" or particles(head) != ""):
                continue
            if head.i == ch.i and particles(ch) == "" and _marked_elsewhere(r, node, ch, idx):
                continue  # 趙兌烈(チョ・テヨル)韓国外交部長官と: the particle is on the title; read it there
        if ch.i in exclude or ch.i in seen or ch.dep_ not in CONTENT_DEPS or misplaced_holder(ch):
            continue
        if ch.dep_ == "advcl" and ch.lemma_ in _INCLUDING and ch.i < node.i:
            # 米国を始めとする同志国を含め、連携していく: those included act with the subject
            fr.coagents += [a for o in ch.children if o.dep_ == "obj" for a in r.phrase_actors(o, seen)]
            continue
        if ch.dep_ in ("acl", "advcl", "ccomp", "xcomp", "conj") and r.sm.index_at(ch.i) is None:
            continue
        p = bare(particles(ch)) or _shared_particle(r, ch, node)  # (サウジやクウェートなどから: から)
        if ch.lemma_ in ("とも", "共", "一緒") and p == "に":
            # 米欧や中国とともに: co-agents of the subject
            fr.coagents += together_with(r, ch, seen)
            continue
        if ch.dep_ == "obj" or p in OBJECT:
            fr.objects.append(ch)
        _collect_one(r, ch, p, node, fr, seen)
    for ch, p in postposed(node):  # …の発射に関し、非難: read as if marked に関して on the node
        if ch.i not in exclude and ch.i not in seen:
            _collect_one(r, ch, p, node, fr, seen)


def _several_states(r: Reader, ch) -> bool:
    """日米韓3カ国で, 両国で: a collective or compound of two or more states."""
    idx = r.sm.index_at(ch.i)
    if idx is None:
        return False
    m = r.sm.mentions[idx]
    return (m.is_collective or len(m.ids) >= 2) and all(r.arg_type(a) == ActorType.COUNTRY for a in r.mention_args(idx))


def _marked_elsewhere(r: Reader, node, ch, idx: int) -> bool:
    """Whether another token of mention ``idx`` carries a particle: a dependent of ``node``,
    or the person's title after a state (尹錫悦韓国大統領との間で: GiNZA hangs the name on the
    verb bare, the title with the particle elsewhere)."""
    if any(o.i != ch.i and r.sm.index_at(o.i) == idx and particles(o) for o in node.children):
        return True
    return any(particles(r.doc[k]) and r.doc[k].head.i != node.i for k in title_after(r, idx))


def _collect_one(r: Reader, ch, p: str, node, fr: Frame, seen: set[int]) -> None:
    args = r.phrase_actors(ch, seen, genitive=_owner_speaks_for(r, ch, p, node))
    if not args:
        _unnamed(r, ch, p, node, fr)
    else:
        slot(r, ch, p, args, fr)


def together_with(r: Reader, ch, seen: set[int] | None = None) -> list[Slot]:
    """The actors of 米欧や中国とともに, hung on its ともに."""
    return [
        a
        for c in ch.children
        if particles(c) in ("と", "") and c.dep_ in ("nmod", "compound")
        for a in r.phrase_actors(c, seen, genitive=False)
    ]


def _owner_speaks_for(r: Reader, ch, p: str, node) -> bool:
    """イランの核開発は…脅かす: whether a possessor stands for a non-actor argument."""
    return (
        p in ABOUT
        or p in TARGET
        or p in DATIVE
        or p in OBJECT
        # (but 「…の協力が不可欠であり…求めます」: who asks or criticises is named, not owned)
        or (p in AGENT and node.lemma_ in r.lex.triggers and r.lex.triggers[node.lemma_].type not in _SPEECH_TYPES)
        or ch.lemma_ in ("間", "あいだ")
        # 日本とブラジルの外相は, 両国の首脳が: those who speak for a state speak for its owners
        or (p in AGENT and _speaks_for_state(r, ch))
    )


def _speaks_for_state(r: Reader, ch) -> bool:
    return r.sm.index_at(ch.i) is None and (
        r.lex.title_role(ch.lemma_) is not None or ch.lemma_ in r.lex.state_alias_suffixes
    )


def _unnamed(r: Reader, ch, p: str, node, fr: Frame) -> None:
    """An argument that names no actor: a subject all the same, or an act described."""
    if ch.dep_ in ("nsubj", "nsubj:pass") and p in ("が", "は") and r.trigger_of(ch) is None:
        fr.has_subject = True  # 国連軍が…: a subject, but no actor we know
        fr.subject_phrases.append(ch)
    elif (
        ch.dep_ == "obj"
        or p in OBJECT
        or p in DATIVE
        or p in ABOUT
        or p in TARGET
        or (p == "" and ch.lemma_ == "こと" and ch.i < node.i)  # 攻撃が起こったこと、憂慮し
    ):
        fr.complements.append(ch)  # …していることに懸念: an act described, not named


def _shared_particle(r: Reader, ch, node) -> str:
    """日本および日本国民への支援: GiNZA hangs both conjuncts on the act, the first
    bare; it takes the particle of the conjunct after the および / 、 / ・."""
    if ch.dep_ not in ("nmod", "compound"):
        return ""
    k = after_aside(r.doc, ch.i + 1)
    if k >= len(r.doc) or not (r.doc[k].dep_ == "cc" or r.doc[k].text in "、・,"):
        return ""
    for sib in node.children:
        if sib.i > k and sib.dep_ == ch.dep_ and any(r.sm.index_at(t.i) is not None for t in sib.subtree):
            return particles(sib)
        if sib.i > k:
            break
    return ""


def collect_deep(r: Reader, tok, fr: Frame, seen: set[int]) -> None:
    """北朝鮮からロシアへの軍事装備品及び弾薬の提供: GiNZA may hang the から / への
    phrases of an act noun on a noun between them and the act; read them there."""
    _owner_before_target(r, tok, fr, seen)
    for mid in tok.children:
        if mid.dep_ not in ("nmod", "compound") or r.sm.index_at(mid.i) is not None or mid.i in seen:
            continue
        if r.trigger_of(mid) is not None:
            continue  # an act of its own (ロシアの侵攻の…) keeps its arguments
        if bare(particles(mid)) not in ("の", ""):
            continue
        # (日本の|長年の|協力: an adverbial noun between owner and act lets the owner through)
        adverbial = mid.tag_.endswith("副詞可能") and bare(particles(mid)) == "の"
        for node in (mid, *(m for m in mid.children if m.dep_ in ("nmod", "compound"))):
            for ch in node.children:
                if ch.i in seen or r.sm.index_at(ch.i) is None:
                    continue
                p = particles(ch)
                if p in FROM or p in TARGET or any(p.startswith(b) for b in BY) or (adverbial and p == "の"):
                    slot(r, ch, p, r.phrase_actors(ch, seen, genitive=False), fr)


def _owner_before_target(r: Reader, tok, fr: Frame, seen: set[int]) -> None:
    """ロシアのウクライナに対する攻撃, ウクライナに対するロシアの攻撃: GiNZA hangs one phrase
    on the state beside it, but a state's name takes neither an owner nor a target; both
    are the act's."""
    for ch in tok.children:
        idx = r.sm.index_at(ch.i)
        if idx is None or r.sm.mentions[idx].type != ActorType.COUNTRY:
            continue
        marked = particles(ch)
        for g in ch.children:
            if g.i > ch.i or g.i in seen or g.dep_ != "nmod" or r.sm.index_at(g.i) is None:
                continue
            if marked in TARGET | FROM and particles(g) == "の":
                fr.genitives.append(r.phrase_actors(g, seen, genitive=False))
            elif marked == "の" and particles(g) in TARGET:
                fr.targets += r.phrase_actors(g, seen, genitive=False)


def _mediation(r: Reader, ch) -> bool:
    trig = r.trigger_of(ch)
    return trig is not None and trig.mediation


def slot(r: Reader, ch, p: str, args: list[Slot], fr: Frame) -> None:
    """Put ``args``, read from the dependent ``ch`` marked ``p``, into their slot."""
    prefix = r.prefix(ch)
    if prefix in TARGET_PREFIXES:
        fr.targets += args
    elif ch.lemma_ in ("間", "あいだ") and p in ("で", "では", "に", "には", "の", "で、"):
        # 日本とロシアの間で締結された: the two sides are partners; 米国との間で: the subject's
        fr.partners += args
        if any(particles(c) == "との" for c in ch.children):
            fr.with_partners += args
    elif p.startswith(ATTRIBUTION):
        return
    elif (p in ("で", "では") or p.startswith(BY)) and _mediation(r, ch):
        # 米国の仲介により合意: the mediator is no party to what was agreed
        return
    elif p in ("で", "では") and r.trigger_of(ch) is not None:
        # 軍事協力で緊張が高まる: the event is the cause, its actors the source
        fr.cause += args
    elif p == "で" and _several_states(r, ch):
        # 日米韓3カ国で連携: the states it is done among, not where
        fr.subjects += args
    elif p in _WHERE:
        fr.where += args
    elif any(p.startswith(b) for b in BY):
        fr.by += args
    elif p in AS and r.sm.index_at(ch.i) is not None:
        fr.subjects += args  # 我が国として(も)…求めます: the state acting in its own name
    elif p in COMPARE or p in AS:
        return
    elif p in ABOUT:
        fr.about += args
    elif p in FROM:
        fr.from_ += args
    elif p in TARGET:
        fr.targets += args
    elif p in WITH:
        fr.partners += args
        fr.with_partners += args
    elif p in AGENT or (p == "" and ch.dep_ in ("nsubj", "dislocated")):
        _subject(p, args, fr)
    elif p in OBJECT:
        fr.objs += args
    elif p in DATIVE:
        fr.datives += args
    elif p == "の" or (p == "" and ch.dep_ == "nmod"):
        fr.genitives.append(args)
    elif p == "" and ch.dep_ == "compound":
        fr.compounds += args


def _subject(p: str, args: list[Slot], fr: Frame) -> None:
    if p in ("が", "も") and fr.subject_marks == {"は"}:
        # 岸田総理大臣は、…イランが…攻撃を行ったことは: the が-subject is this clause's,
        # the は-topic the sentence's
        fr.subjects = []
    if not (p == "は" and "が" in fr.subject_marks):
        fr.subjects += args
    fr.subject_marks.add(p)


def left_source(r: Reader, tok, fr: Frame, seen: set[int]) -> None:
    """ロシアから北朝鮮への支援: GiNZA often hangs the から/による phrase on the verb.

    An actor with から/による right before the trigger's noun phrase is its source.
    """
    if tok.pos_ not in ("NOUN", "PROPN") or fr.by or fr.from_:
        return
    left = min(t.i for t in tok.subtree)
    k = left - 1
    while k >= 0 and r.doc[k].dep_ in ("case", "fixed", "mark"):
        k -= 1
    if k < 0 or k in seen or k == tok.i:
        return
    head = r.doc[k]
    p = particles(head)
    if r.sm.index_at(k) is None or not (p in FROM or any(p.startswith(b) for b in BY)):
        return
    args = r.phrase_actors(head, seen, genitive=False)
    if p in FROM:
        fr.from_ += args
    else:
        fr.by += args
