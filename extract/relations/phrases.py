"""The actors an argument phrase stands for, step by step.

:meth:`Reader.phrase_actors <extract.relations.frames.Reader.phrase_actors>`
reads a phrase by its head: an actor mention with those coordinated to it
(:func:`mention_actors`), an event noun by its parties (:func:`event_parties`),
a group by the actors named in it (:func:`group_members`), another noun by its
owner or agent (:func:`owners`). Each step is a function of the reader and a
token; ``seen`` is the set of tokens already read into the phrase, shared
through the recursion so that no actor is read twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Trigger
from ..types import ActorType
from .particles import ABOUT, BY, COORD, GROUP_VERBS, bare, particles
from .slots import Slot, unique

if TYPE_CHECKING:
    from .frames import Reader

__all__ = [
    "after_aside",
    "coordinated",
    "event_parties",
    "group_members",
    "mention_actors",
    "misplaced_holder",
    "only_possessor",
    "owners",
    "quoted_speaker",
    "speaker_before",
    "title_after",
    "verbless_speaker",
]

# Particles of the setting of an act noun (日本のTICADにおける取組): looked through for its owner.
_SETTING = frozenset({"における", "での", "にある", "においての"})
# Group nouns that stand for the states given as their examples, and how examples are marked.
_STATE_GROUPS = frozenset(
    {"国", "国々", "諸国", "各国", "同志国", "友好国", "有志国", "加盟国", "近隣国", "周辺国", "当事国"}
)
_EXAMPLE_MARKS = frozenset({"といった", "などの", "等の", "のような", "のように", "などといった", "ら"})


def mention_actors(r: Reader, idx: int, seen: set[int]) -> list[Slot]:
    """An actor mention: its members, the abbreviation fused before it, the actors coordinated to it."""
    m = r.sm.mentions[idx]
    seen.update(range(m.start, m.end))
    if m.is_collective:
        # イスラエルとハマスの双方, 日米両政府: the group is named right there
        named = [
            a
            for t in range(m.start, m.end)
            for ch in r.doc[t].children
            if ch.i not in seen and (particles(ch) == "の" or ch.dep_ == "compound")
            for a in r.phrase_actors(ch, seen, genitive=False)
        ]
        if len(named) >= 2:
            return named
    args = r.mention_args(idx)
    if m.start > 0 and m.start - 1 not in seen and _paired_states(r, r.doc[m.start - 1], r.doc[m.start]):
        # 日ウクライナ情報保護協定: the abbreviation fused before (GiNZA hangs it anywhere)
        seen.add(m.start - 1)
        args = r.mention_args(r.sm.index_at(m.start - 1) or 0) + args
    # (GiNZA hangs the next conjunct on the title after the state: アルバニージー・オーストラリア首相)
    for t in [*range(m.start, m.end), *title_after(r, idx)]:
        args += coordinated(r, r.doc[t], seen)
        if m.type == ActorType.PERSON:
            args += _persons_before_owner(r, r.doc[t], seen)
    return args + _side_by_side(r, idx, seen) + _listed_left(r, idx, seen)


def _persons_before_owner(r: Reader, tok, seen: set[int]) -> list[Slot]:
    """フランスのA大統領とドイツのB首相との会談: GiNZA hangs the first person on the second's
    state (ドイツ), not on the person; a person joined to a person's owner is the person's conjunct."""
    out: list[Slot] = []
    for owner in tok.children:
        if owner.dep_ != "nmod" or particles(owner) != "の" or owner.i in seen or r.sm.index_at(owner.i) is None:
            continue
        for ch in owner.children:
            idx = r.sm.index_at(ch.i)
            if ch.i not in seen and idx is not None and r.sm.mentions[idx].type == ActorType.PERSON:
                if ch.dep_ == "nmod" and particles(ch) in ("と", "や", "、", "及び", "および"):
                    out += r.phrase_actors(ch, seen, genitive=False)
    return out


def _side_by_side(r: Reader, idx: int, seen: set[int]) -> list[Slot]:
    """オーストラリアニュージーランドに, シリアレバノンの: states named one right after another
    with the separator lost (a copied page's links side by side) stand together."""
    out: list[Slot] = []
    for step in (-1, 1):
        k = idx + step
        while 0 <= k < len(r.sm.mentions) and _adjacent(r, min(k, k - step), max(k, k - step)):
            m = r.sm.mentions[k]
            if any(t in seen for t in range(m.start, m.end)):
                break
            seen.update(range(m.start, m.end))
            out += r.mention_args(k)
            k += step
    return out


# What separates the items of a list written out (A、B及びC).
_LIST_MARKS = frozenset({"、", "及び", "および", "並びに", "ならびに", "・"})


def _listed_left(r: Reader, idx: int, seen: set[int]) -> list[Slot]:
    """ペルー、チリ及びパナマは: the actors of the same kind listed right before mention
    ``idx``, which GiNZA sometimes hangs on the verb instead (チリ as its obl)."""
    out: list[Slot] = []
    kind = r.sm.mentions[idx].type
    k = r.sm.mentions[idx].start
    while k >= 2 and r.doc[k - 1].text in _LIST_MARKS:
        before = r.sm.index_at(k - 2)
        if before is None or before == idx:
            break
        m = r.sm.mentions[before]
        if m.end != k - 1 or m.type != kind or m.prefix:
            break
        # (not skipped when seen: the verb's reading may have taken it as an argument of its own)
        seen.update(range(m.start, m.end))
        out += r.mention_args(before)
        k = m.start
    return out


def _adjacent(r: Reader, a: int, b: int) -> bool:
    """Mentions ``a`` and ``b`` (in that order) are states with nothing between them."""
    ma, mb = r.sm.mentions[a], r.sm.mentions[b]
    if ma.end != mb.start or ma.prefix or mb.prefix:
        return False
    touching = r.doc[ma.end - 1].idx + len(r.doc[ma.end - 1].text) == r.doc[mb.start].idx
    states = all(r.arg_type(x) == ActorType.COUNTRY for x in (*r.mention_args(a), *r.mention_args(b)))
    return touching and states and len(ma.text) > 1 and len(mb.text) > 1


def _paired_states(r: Reader, a, b) -> bool:
    ia, ib = r.sm.index_at(a.i), r.sm.index_at(b.i)
    if ia is None or ib is None or ia == ib:
        return False
    ma, mb = r.sm.mentions[ia], r.sm.mentions[ib]
    return ma.type == mb.type == ActorType.COUNTRY and len(ma.text) == 1 and a.idx + len(a.text) == b.idx


def event_parties(r: Reader, tok, trig: Trigger, seen: set[int]) -> list[Slot]:
    """An event noun (ロ朝会談, 北朝鮮によるロシアへの支援): its participants."""
    frame = r.frame(tok, trig, shallow=True, seen=seen)
    if trig.type.symmetric:
        out = frame.sources + frame.partners + frame.targets
    else:
        out = frame.sources or frame.partners
    out += coordinated(r, tok, seen)
    return unique(out)


def group_members(r: Reader, tok, seen: set[int]) -> list[Slot]:
    """G7をはじめとする国際社会, 米国を中心とする有志国, ブラジルやアルゼンチンといった
    同志国: the group stands for the actors named in it."""
    led = [
        a
        for ch in tok.children
        if ch.dep_ == "acl"
        and ch.i not in seen
        and (ch.lemma_ in GROUP_VERBS or any(g.lemma_ in GROUP_VERBS for g in ch.children))
        for g in ch.children
        if g.dep_ in ("obj", "obl") and particles(g) in ("を", "")
        for a in r.phrase_actors(g, seen, genitive=False)
    ]
    return led + (_examples(r, tok, seen) or _named_group(r, tok, seen))


def _named_group(r: Reader, tok, seen: set[int]) -> list[Slot]:
    """ASEAN諸国, 欧州各国: the states of a body or region named in the compound stand for
    it, when none is given as an example (the members of a body, 加盟国, are not the body)."""
    if not _state_group(tok) or tok.text.endswith("加盟国"):
        return []
    return [
        a
        for ch in tok.children
        if ch.dep_ == "compound" and ch.i not in seen and r.sm.index_at(ch.i) is not None
        for a in r.phrase_actors(ch, seen, genitive=False)
        if r.arg_type(a) in (ActorType.ORGANIZATION, ActorType.REGION)
    ]


def _state_group(tok) -> bool:
    return tok.text in _STATE_GROUPS or tok.lemma_ in _STATE_GROUPS or tok.text[-2:] in _STATE_GROUPS


def _examples(r: Reader, tok, seen: set[int]) -> list[Slot]:
    """XやYといった同志国, X、Y等の近隣諸国: states given as examples of a group of states
    (国, 諸国, 国々 …) are the group named here."""
    if not (_state_group(tok) or (tok.lemma_ in ("等", "など") and any(_state_group(c) for c in tok.children))):
        return []  # (同志国等と: GiNZA heads the phrase with 等)
    out: list[Slot] = []
    for ch in tok.children:
        listed = ch.lemma_ in ("等", "など") and particles(ch) == "の"  # (X、Y等の: 等 heads the list)
        if ch.i in seen or ch.dep_ != "nmod" or not (listed or particles(ch) in _EXAMPLE_MARKS):
            continue
        found = r.phrase_actors(ch, seen, genitive=False)
        if not found and listed:
            found = [a for g in ch.children for a in r.phrase_actors(g, seen, genitive=False)]
            found += coordinated(r, ch, seen)
        out += found
    return out


# Nouns naming a part of a state's land or its side (国内, 北部, 領内, 側): transparent to ownership.
_LAND_PARTS = frozenset(
    {
        "国内",
        "領内",
        "域内",
        "全土",
        "各地",
        "側",
        "北部",
        "南部",
        "東部",
        "西部",
        "中部",
        "北東部",
        "北西部",
        "南東部",
        "南西部",
        "国境",
        "国境地帯",
        "沿岸",
        "周辺",
    }
)
# A state's envoys and missions (ロシアの外交官の追放, ベラルーシ大使の国外退去): a measure
# against them is aimed at the state (ONTOLOGY: expelling a state's advisers), so they too
# leave the owner one step nearer.
_ENVOYS = frozenset({"大使", "公使", "領事", "外交官", "大使館員", "外交団", "大使館", "総領事館", "領事館"})
_TRANSPARENT = _LAND_PARTS | _ENVOYS


def _transparent(tok) -> bool:
    """A part of a state's land or one of its envoys, also written as a compound (大使館+員)."""
    return tok.lemma_ in _TRANSPARENT or (
        tok.pos_ == "NOUN" and any(c.dep_ == "compound" and c.lemma_ in _ENVOYS for c in tok.children)
    )


def owners(r: Reader, tok, seen: set[int], depth: int) -> list[Slot]:
    """ロシアの行動, 北朝鮮による発射, 中国海警局の船舶による妨害: a noun's possessor or
    agent, up to ``depth`` nouns down, and the actors coordinated to the noun."""
    out: list[Slot] = []
    for ch in tok.children:
        if ch.i in seen:
            continue
        p = bare(particles(ch))
        if (
            (ch.dep_ == "nmod" and p in ("の", "", "との"))
            or ch.dep_ == "compound"
            # 日本のTICADにおける取組: the owner of the forum where the act is
            or (ch.dep_ == "nmod" and p in _SETTING and r.sm.index_at(ch.i) is None)
            or (ch.dep_ in ("nmod", "obl", "acl") and any(p.startswith(b) for b in BY))
        ):
            # (パキスタン国内のテロの拠点: a part of a state's land is the state's, one step nearer)
            out += r.phrase_actors(ch, seen, genitive=True, depth=depth if _transparent(ch) else depth - 1)
        elif ch.dep_ == "acl" and _holds(ch):
            # (ハマスが支配する地域, フーシ派が拠点とする施設: the place is the holder's)
            out += [a for s in _holder(ch) if s.i not in seen for a in r.phrase_actors(s, seen)]
    # (Yの友情とおもてなし: the owner of a conjunct owns the phrase)
    out += coordinated(r, tok, seen, genitive=depth > 1)
    return out


# Verbs of holding a place or a thing: an act on what a named actor holds is an act on it.
_HOLDING = frozenset({"支配", "実効支配", "占拠", "占領", "掌握", "保有", "使用", "管理", "運営", "拠点"})
# (Xが拠点とする, Xが根城とする: a noun of holding with とする)
_HELD_AS = frozenset({"拠点", "根拠地", "本拠", "本拠地", "根城", "アジト"})


def _holder(verb) -> list:
    """The subject of a clause of holding: its own, or the が-phrase right before the clause
    (GiNZA hangs Xが of Xが拠点とするY on the main verb)."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    left = verb.left_edge.i
    if own or left < 2 or verb.doc[left - 1].text != "が":
        return own
    return [verb.doc[left - 1].head]


def misplaced_holder(tok) -> bool:
    """Whether ``tok`` is the holder of a clause right after it that GiNZA left without its
    subject (フーシ派が|拠点とする施設を攻撃: not the attacker)."""
    left = tok.right_edge.i + 1  # (the clause starts after tok's が)
    if tok.dep_ != "nsubj" or left >= len(tok.doc):
        return False
    # the clauses that start there: the token and those above it whose span opens with it
    t = tok.doc[left]
    while True:
        if t.dep_ == "acl" and _holds(t) and tok.head.i != t.i and _holder(t) == [tok]:
            return True
        if t.head.i == t.i or t.head.left_edge.i != left:
            return False
        t = t.head


def _holds(verb) -> bool:
    return verb.lemma_ in _HOLDING or (
        verb.lemma_ == "する"
        and any(c.dep_ == "obl" and c.lemma_ in _HELD_AS and particles(c) == "と" for c in verb.children)
    )


def coordinated(r: Reader, tok, seen: set[int], *, genitive: bool = False) -> list[Slot]:
    """Actors joined to ``tok`` by と/や/、 (GiNZA attaches them as nmod or conj); with
    ``genitive``, also the owners of a conjunct that names no actor."""
    out: list[Slot] = []
    for ch in tok.children:
        if ch.i in seen:
            continue
        p = particles(ch)
        is_coord = (ch.dep_ in ("nmod", "conj", "compound", "appos", "obl") and p in COORD) or ch.dep_ == "conj"
        if (
            not is_coord
            and ch.dep_ in ("nmod", "compound")
            and p == ""
            and (nxt := after_aside(r.doc, ch.i + 1)) < len(r.doc)
            and (r.doc[nxt].text in "、・," or r.doc[nxt].dep_ == "cc")
        ):
            is_coord = True  # 米国、韓国と / 米国及び韓国と
        if is_coord:
            found = r.phrase_actors(ch, seen, genitive=genitive and r.sm.index_at(ch.i) is None, depth=1)
            if not found and r.sm.index_at(ch.i) is None:
                # A、B臨時政府、Cの間で: a conjunct named by the actor compounded with it
                found = [
                    a for g in ch.children if g.dep_ == "compound" for a in r.phrase_actors(g, seen, genitive=False)
                ]
                found += coordinated(r, ch, seen)
            out += found
    return out


def title_after(r: Reader, idx: int) -> list[int]:
    """The tokens after mention ``idx`` that are still its own: a person's title after the
    state named between (アルバニージー・オーストラリア|首相), which the mention's span leaves out."""
    m = r.sm.mentions[idx]
    return [k for k in range(m.end, min(len(r.doc), m.end + 6)) if r.sm.index_at(k) == idx]


def after_aside(doc, k: int) -> int:
    """The token after a bracketed aside starting at ``k`` (ベトナム共和国(南ベトナム)、…), else ``k``."""
    if k < len(doc) and doc[k].text in "(（":
        j = k + 1
        while j < len(doc) and doc[j].text not in ")）" and j - k < 12:
            j += 1
        if j < len(doc) and doc[j].text in ")）":
            return j + 1
    return k


def only_possessor(r: Reader, head) -> bool:
    """旧ソ連の砲弾: an actor that only qualifies a thing is not what is discussed.

    It is when the thing is an event (ロシアの協力), the actor's own stance
    or conduct (北朝鮮の方, ロ朝の関係), or the topic (…については).
    """
    if particles(head) != "の" or head.dep_ != "nmod":
        return False
    owner = head.head
    if r.sm.index_at(owner.i) is not None or r.trigger_of(owner) is not None:
        return False
    if any(c.dep_ == "compound" and r.trigger_of(c) is not None for c in owner.children):
        return False  # (ソマリアの軍事的|挑発: GiNZA may make the modifier the head of the act)
    if owner.lemma_ in r.lex.topic_nouns or owner.text in r.lex.topic_nouns:
        return False
    return particles(owner) not in ABOUT


# What may stand between a speaker and their quote: their title in brackets, spaces, an earlier quote.
_BETWEEN = frozenset({"(", ")", "（", "）", " ", "　", "」", "『", "』", ":", "：", "、"})


def speaker_before(r: Reader, first: int) -> list[Slot]:
    """The person or body right before a quote: nothing but their bracketed title,
    spaces or an earlier quote of theirs in between."""
    doc, sm = r.doc, r.sm
    k = first - 1
    depth = 0
    while k >= 0:
        idx = sm.index_at(k)
        if idx is not None and depth == 0:
            m = sm.mentions[idx]
            if m.type == ActorType.PERSON and not m.is_speaker:
                return r.mention_args(idx)
            return []
        t = doc[k].text
        if t in (")", "）"):
            depth += 1
        elif t in ("(", "（"):
            depth -= 1
        elif depth == 0 and t not in _BETWEEN and not doc[k].is_space:
            if t == "」":
                pass
            else:
                return []
        k -= 1
        if first - k > 40:
            return []
    return []


# What follows a quote a verb of saying takes (「…」と述べた): the speech rules read it.
_QUOTED_WITH_VERB = ("と", "とは", "という", "との")


def verbless_speaker(r: Reader, first: int, last: int) -> list[Slot]:
    """The person a quote (tokens ``first``…``last``) with no verb of saying is set after:
    ルト大統領「…」, ネッド・プライス(米国家安全保障会議報道官)「…」; none for 「…」と述べた."""
    if last + 1 < len(r.doc) and r.doc[last + 1].text in _QUOTED_WITH_VERB:
        return []
    return speaker_before(r, first)


def quoted_speaker(r: Reader, tok) -> list[Slot]:
    """ルト大統領「ソマリアの攻撃は断じて容認できない」: the person a quote with no verb of
    saying is set after speaks what is said in it."""
    for qs, qe in r.quotes:
        if qs <= tok.idx < qe:
            inside = [t.i for t in r.doc if qs <= t.idx < qe]
            return verbless_speaker(r, min(inside), max(inside))
    return []
