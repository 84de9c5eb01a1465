"""Who did an act: the doers of the act a phrase describes, points back at, or names bare.

Speech acts, evaluations and quotes are often about an act rather than an
actor (ロシアによる…動きが継続していることを非難, 今般の攻撃を懸念, 措置の撤廃を
求める): their target is whoever did it. :func:`doers` reads them from the
phrase that describes the act; :func:`referred_act` and :func:`bare_act` give a
:class:`~extract.relations.slots.Recent` for an act only pointed back at, which
the document resolves to the doers of the latest such act.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import Trigger
from ..types import ActorType, Modality, RelationType
from .particles import AGENT, ATTRIBUTION, BY, COMPARE, DATIVE, FROM, TARGET, particles
from .slots import Frame, Recent, Slot, unique

if TYPE_CHECKING:
    from .frames import Reader

__all__ = [
    "acts_as_subject",
    "agents_below",
    "agents_in",
    "aid_cut_off",
    "aimed_in",
    "announced_to",
    "bare_act",
    "doers",
    "each_other",
    "names_a_weapon",
    "prohibited",
    "referred_act",
    "stated_as_done",
    "topic_doers",
]

# Words that point back at something just said: 今般の攻撃, この動き, これを非難.
_POINTERS = frozenset(
    {"この", "その", "こうした", "このような", "そうした", "そのような", "かかる", "今般", "今回", "本件", "同", "一連"}
)
_POINTING_PRONOUNS = frozenset({"これ", "それ"})
_EVENT_WORDS = frozenset({"事態", "動き", "行為", "出来事", "事件", "決定", "合意", "措置", "状況"})
# Acts whose taker takes part too: the one supported, the partner of cooperation.
_GIVING = (RelationType.SUPPORT, RelationType.COOPERATION)


def doers(r: Reader, phrase) -> list[Slot]:
    """Who does the act a phrase describes: the one criticised, asked or welcomed.

    「ロシアによる…動きが継続していること」 → ロシア; 「イランが…履行していないこと」
    → イラン; 「北朝鮮からロシアへの…提供」 → both (the giver and the taker);
    「スーダン国軍の行動」 → スーダン国軍. Victims (を, …の主権) are not doers.
    """
    out = _parties_of_acts(r, phrase)
    # (and the agents by their particles: ロシアによる…動き、分離派武装勢力による…不安定化)
    victims = _victims(r, phrase)
    tokens = {t.i for t in phrase.subtree}
    for idx, m in enumerate(r.sm.mentions):
        if m.start not in tokens or m.type not in (ActorType.COUNTRY, ActorType.ORGANIZATION, ActorType.PERSON):
            continue
        if _acts_by_particle(r, idx):
            out += r.mention_args(idx)
    # (the victim of an act is not its doer: ウクライナ in ロシアのウクライナ侵略)
    return [a for a in unique(out) if a not in victims]


def _parties_of_acts(r: Reader, phrase) -> list[Slot]:
    """The agents of every act in the phrase; the takers too of what is given or shared."""
    out: list[Slot] = []
    for ev in phrase.subtree:
        trig = r.trigger_of(ev)
        if trig is None:
            continue
        fr = r.frame(ev, trig, shallow=True)
        out += fr.sources
        if trig.type in _GIVING or trig.type.symmetric:
            out += fr.targets + fr.partners  # the taker of what is given takes part too
    return out


def _victims(r: Reader, phrase) -> set[Slot]:
    return {
        a
        for ev in phrase.subtree
        if (t := r.trigger_of(ev)) is not None
        for a in r.frame(ev, t, shallow=True).targets
        if t.type not in (RelationType.SUPPORT,)
    }


def _acts_by_particle(r: Reader, idx: int) -> bool:
    """Whether mention ``idx`` is marked as a doer: による, が, から, と, the owner of an act
    noun, or the taker of what is given."""
    head = r.mention_head(r.sm.mentions[idx])
    p = particles(head)
    if p in COMPARE or p.startswith(ATTRIBUTION) or r.is_affiliation(idx):
        return False
    owner = head.head
    if any(p.startswith(b) for b in BY) or p in AGENT or p in FROM or p in ("と", "とともに", "と共に"):
        return True
    if (
        p in ("の", "")
        and head.dep_ in ("nmod", "compound")
        and (r.trigger_of(owner) is not None or owner.lemma_ in r.lex.conduct_nouns)
    ):
        return True
    # the taker of what is given is in it too
    return p in TARGET | DATIVE and (trig := r.trigger_of(owner)) is not None and trig.type in _GIVING


def agents_in(r: Reader, span: set[int]) -> list[Slot]:
    """The agents of the acts in a span of tokens (a clause asked for, a quote), else its subjects."""
    out: list[Slot] = []
    for i in sorted(span):
        t = r.doc[i]
        if t.dep_ == "nsubj" and r.sm.index_at(t.i) is None and (ref := referred_act(r, t)) is not None:
            return [ref]  # この発射は…決議に違反していると非難: the doer of the launch named before
        trig = r.trigger_of(t)
        if trig is not None:
            fr = r.frame(t, trig, shallow=True)
            out += fr.sources
    if not out:
        for i in sorted(span):
            t = r.doc[i]
            if t.dep_ in ("nsubj",) and particles(t) in AGENT:
                out += r.phrase_actors(t, genitive=False)
    return unique(out)


def agents_below(r: Reader, tok) -> list[Slot]:
    """北朝鮮による…核実験・ミサイル実験を伴う…威嚇行動: an agent marked による anywhere in
    the act noun's phrase."""
    out: list[Slot] = []
    for t in tok.subtree:
        if t.i == tok.i:
            continue
        idx = r.sm.index_at(t.i)
        if idx is not None and r.mention_head(r.sm.mentions[idx]).i == t.i:
            if any(particles(t).startswith(b) for b in BY):
                out += r.mention_args(idx)
    return unique(out)


def topic_doers(r: Reader, tok, exclude: Iterable[Slot] = ()) -> list[Slot]:
    """今般のスーダン国軍の行動は、…損なうものであり、強く非難します: a criticism with
    no object of its own is of the act the sentence is about (its は-topic)."""
    skip = set(exclude)
    out: list[Slot] = []
    for t in r.doc:
        if t.dep_ in ("nsubj", "dislocated", "obl") and particles(t) in ("は", "が") and t.i < tok.i:
            if r.sm.index_at(t.i) is not None:
                continue  # an actor as the subject is the critic, not the act
            if r.trigger_of(t) is not None or t.lemma_ in r.lex.conduct_nouns or t.lemma_ == "こと":
                out += [a for a in doers(r, t) if a not in skip]
    return unique(out)


def referred_act(r: Reader, phrase) -> Recent | None:
    """今般の攻撃, この動き, こうした行動, これ: a phrase that points back at an act
    already described; the kind of act when the noun names one."""
    if phrase.lemma_ in _POINTING_PRONOUNS:
        return Recent()
    if phrase.lemma_ == "こと":
        # 今般の攻撃が起こったこと: the act the clause says took place
        for clause in phrase.children:
            if clause.dep_ == "acl":
                for ch in clause.children:
                    if ch.dep_ in ("nsubj", "obj") and (ref := referred_act(r, ch)) is not None:
                        return ref
        return None
    pointed = any(
        (c.dep_ in ("det", "nmod", "compound", "amod") and (c.text in _POINTERS or c.lemma_ in _POINTERS))
        or _like_this(c)
        for c in phrase.children
    )
    if not pointed:
        return None
    trig = r.trigger_of(phrase)
    if trig is not None:
        return Recent(trig.type)
    if phrase.lemma_ in r.lex.conduct_nouns or phrase.lemma_ in _EVENT_WORDS:
        return Recent()
    return None


def acts_as_subject(r: Reader, tok) -> list:
    """ソマリアによる攻撃は…容認できない: the subjects of ``tok`` that are acts (not their doers)."""
    return [
        c
        for c in tok.children
        if c.dep_ in ("nsubj", "dislocated") and (r.trigger_of(c) is not None or c.lemma_ in r.lex.conduct_nouns)
    ]


def each_other(fr: Frame) -> bool:
    """互いの都市を, お互いを: the act's object is the doers' own, each other's."""
    return any(t.lemma_ in ("互い", "お互い", "相互") for c in fr.objects for t in c.subtree)


def _like_this(c) -> bool:
    # GiNZA splits このような into この + よう + な (よう a clause on the noun)
    return c.lemma_ in ("よう", "様") and any(d.text in _POINTERS for d in c.children if d.i < c.i)


def bare_act(r: Reader, phrase) -> Recent | None:
    """措置の撤廃, 制裁の解除: an act noun with no actor of its own under what is asked
    or deplored stands for the same act named before it."""
    for ch in phrase.children:
        if ch.dep_ != "nmod" or particles(ch) != "の":
            continue
        trig = r.trigger_of(ch)
        if trig is None or trig.type not in (RelationType.SANCTION, RelationType.ATTACK, RelationType.THREAT):
            continue
        if any(r.sm.index_at(t.i) is not None for t in ch.subtree):
            return None
        return Recent(trig.type)
    return None


# 輸出の禁止措置, 供与の停止: the noun that stops what is given (the measure is a sanction of its own)
_PROHIBITING = frozenset({"禁止", "停止", "規制", "制限", "中止", "禁輸", "凍結"})


def prohibited(tok, rtype: RelationType) -> bool:
    """ロシアへの…輸出の禁止措置, 援助の停止: a giving act named only as what a measure
    prohibits or stops gives nothing."""
    if rtype != RelationType.SUPPORT or tok.dep_ not in ("nmod", "compound") or tok.head.i == tok.i:
        return False
    head = tok.head
    return head.lemma_ in _PROHIBITING or any(
        c.dep_ == "compound" and c.lemma_ in _PROHIBITING for c in head.children if c.i > tok.i
    )


# Verbs that stop or cut what is given: stopping aid reduces relations (CAMEO 162), a sanction.
_CUTTING = frozenset({"停止", "中止", "打ち切る", "打ち切り", "凍結", "中断", "削減"})


def aid_cut_off(r: Reader, tok, trig: Trigger, mood: Modality, fr: Frame) -> tuple[Trigger, Modality]:
    """英国はフィジーへの軍事援助を中断した: aid stopped is a sanction (CAMEO 162), not support
    negated; whoever stops it (the subject of 中断) imposes it. (Aid named under a measure of
    _PROHIBITING, 援助の停止, is dropped by :func:`prohibited` before this is asked.)"""
    if trig.type != RelationType.SUPPORT or tok.head.lemma_ not in _CUTTING:
        return trig, mood
    if not (tok.dep_ in ("obj", "nsubj", "compound") or (tok.dep_ == "nmod" and particles(tok) == "の")):
        return trig, mood
    if not fr.sources and not fr.fallback:
        fr.fallback = [
            a
            for c in tok.head.children
            if c.dep_ in ("nsubj", "dislocated") and particles(c) in ("は", "が", "も")
            for a in r.phrase_actors(c, genitive=False)
        ]
    return replace(trig, type=RelationType.SANCTION), Modality.ASSERTED


# What a weapon's name ends with (爆撃機, 攻撃ヘリ, 爆撃照準器, 攻撃型潜水艦)
_WEAPON_ENDINGS = ("機", "器", "艦", "ヘリ", "ヘリコプター", "砲")


def names_a_weapon(r: Reader, tok, rtype: RelationType) -> bool:
    """ノルデン爆撃照準器, 攻撃ヘリ: an attack word inside a weapon's name is no attack."""
    if rtype != RelationType.ATTACK or tok.dep_ != "compound" or tok.head.i <= tok.i:
        return False
    head = tok.head
    words = r.lex.object_classes.get("arms", frozenset())
    return head.text.endswith(_WEAPON_ENDINGS) or any(head.text.endswith(w) for w in words)


def stated_as_done(r: Reader, tok) -> bool:
    """Whether the act is stated as done (支持する, 意見交換を行い), not named as a thing of
    someone's (…の支援, ロシアとの連携を含む活動)."""
    return (
        tok.pos_ == "VERB"
        or any(c.lemma_ == "する" for c in tok.children)
        or (tok.dep_ == "obj" and tok.head.lemma_ in r.lex.light_verbs)
    )


# Verbs that announce an act (…制裁を科すと表明): a に-phrase on them is no one spoken to.
_ANNOUNCING = frozenset({"表明", "発表", "明らかにする", "宣言", "公表", "決定", "決める", "発表する"})


def announced_to(r: Reader, tok) -> list[Slot]:
    """英国は、イランに制裁を科すと表明した: GiNZA hangs the act's target on the verb that
    announces it; a に-phrase there, before the act, is the act's (an announcement has no
    one it is addressed to)."""
    clause = tok.head if tok.dep_ == "obj" and tok.head.lemma_ in r.lex.light_verbs else tok
    if clause.dep_ not in ("advcl", "ccomp") or not particles(clause).endswith("と"):
        return []
    verb = clause.head
    if verb.lemma_ not in _ANNOUNCING:
        return []
    return [
        a
        for c in verb.children
        if c.i < tok.i and c.dep_ == "obl" and particles(c) in DATIVE | TARGET
        # (イランの航空会社に: the owner stands for what it owns)
        for a in r.phrase_actors(c, genitive=r.sm.index_at(c.i) is None)
    ]


def aimed_in(r: Reader, tok) -> list[Slot]:
    """イスラエルに対する報復を警告, 英国に対抗措置をとると警告: a warning names no one to
    warn; those the act it threatens is aimed at are its targets."""
    return [
        a
        for c in tok.children
        if c.dep_ == "obj" or (c.dep_ in ("advcl", "ccomp") and particles(c).endswith("と"))
        for t in c.subtree
        if t.i != tok.i and r.sm.index_at(t.i) is not None and particles(t) in TARGET | DATIVE
        for a in r.phrase_actors(t, genitive=False)
    ]
