"""The frame reader: who stands in which argument slot of a trigger.

:class:`Reader` is a read-only view of one parsed sentence (the Doc, its
mentions, the lexicon, the document's date) with the queries every rule
family asks: the actors an argument phrase stands for, the trigger a token
is, a trigger's argument frame (agent, patient, partner, target …, read from
case particles and structure), the subjects a clause inherits. It never
records anything: rules turn what it reads into :class:`Candidate` records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..actors import TARGET_PREFIXES, SentenceMentions
from ..lexicon import Lexicon, Needs, Trigger
from ..types import ActorType, Modality, RelationType
from .slots import Arg, Known, Recent, Slot

# Words that point back at something just said: 今般の攻撃, この動き, これを非難.
_POINTERS = frozenset(
    {"この", "その", "こうした", "このような", "そうした", "そのような", "かかる", "今般", "今回", "本件", "同", "一連"}
)
_POINTING_PRONOUNS = frozenset({"これ", "それ"})
_EVENT_WORDS = frozenset({"事態", "動き", "行為", "出来事", "事件", "決定", "合意", "措置", "状況"})
_SPEECH_TYPES = frozenset({RelationType.CRITICISM, RelationType.REQUEST, RelationType.COMMENTS_ON})
# Particles of the setting of an act noun (日本のTICADにおける取組): looked through for its owner.
_SETTING = frozenset({"における", "での", "にある", "においての"})
# Particles that mark the one who speaks in a summary of talks (茂木大臣から、…).
_SPEAKER_MARKS = frozenset({"から", "より", "からは", "からも", "よりは", "側から", "側からは"})

__all__ = [
    "ABOUT",
    "AGENT",
    "AS",
    "ATTRIBUTION",
    "BY",
    "COMPARE",
    "DATIVE",
    "FROM",
    "TARGET",
    "Frame",
    "Reader",
    "members",
    "particles",
    "unique",
]


# Particle strings (case markers after an argument) and the slot they fill.
AGENT = frozenset({"が", "は", "も", "では", "こそ", "でも", "がは", "とは"})
BY = ("による", "によって", "により", "によります")
FROM = frozenset({"から", "からの", "からは", "からも"})
TARGET = frozenset(
    {
        "へ",
        "への",
        "へは",
        "に対する",
        "に対して",
        "に対し",
        "にとって",
        "にとっては",
        "にとっての",
        "に向けた",
        "に向け",
        "に向けて",
        "宛て",
        "あて",
    }
)
DATIVE = frozenset({"に", "には", "にも"})
OBJECT = frozenset({"を", "をも"})
WITH = frozenset({"と", "との", "とも", "とは", "と共に", "とともに", "とともには", "との間", "と間"})
ABOUT = frozenset(
    {"について", "については", "に関して", "に関する", "をめぐる", "をめぐり", "をめぐって", "について、"}
)
COMPARE = frozenset({"より", "よりも", "ほど"})
COORD = frozenset({"と", "や", "、", "及び", "および", "・", "とか", "か", "並びに", "ならびに", "も"})
AS = frozenset({"として", "としては", "としても", "とて", "とても", "とては"})
# XをはじめとするY, Xを中心とするY, Xを含むY: a group named by its members
GROUP_VERBS = frozenset({"はじめる", "始める", "初める", "はじめ", "始め", "含む", "中心", "筆頭"})
ATTRIBUTION = ("によると", "によれば", "の発表", "の報道")


CONTENT_DEPS = frozenset(
    {
        "nsubj",
        "obj",
        "obl",
        "nmod",
        "iobj",
        "dislocated",
        "compound",
        "nsubj:pass",
        "csubj",
        "dep",
        "advcl",
        "acl",
        "ccomp",
        "xcomp",
        "conj",
        "appos",
        "amod",
        "advmod",
    }
)


def bare(p: str) -> str:
    """A particle without the list word before it: タイなどの → の, ペルー等から → から."""
    for head in ("など", "等", "ら", "なども"):
        if p.startswith(head) and len(p) > len(head):
            return p[len(head) :]
    return p


# Where something is agreed at a meeting: 会合において, 会談で.
_AT_MEETING = frozenset({"において", "で", "では", "にて", "においては"})


def particles(tok) -> str:
    """The case particles after a token, joined: 北朝鮮 に よる → 'による', 韓国 に は → 'には'."""
    parts = []
    for ch in tok.children:
        if ch.i > tok.i and ch.dep_ in ("case", "mark") and ch.pos_ in ("ADP", "SCONJ", "AUX", "VERB", "NOUN", "PART"):
            parts.append((ch.i, ch.text))
            for f in ch.children:
                if f.dep_ == "fixed":
                    parts.append((f.i, f.text))
    parts.sort()
    return "".join(t for _, t in parts)


def unique(args: Iterable[Slot]) -> list[Slot]:
    return list(dict.fromkeys(args))


def members(args: Iterable[Slot]) -> set[Slot]:
    """The distinct actors among ``args`` (each carried argument counts as one)."""
    return set(args)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in "「『":
            stack.append(i)
        elif ch in "」』" and stack:
            s = stack.pop()
            if not stack:
                spans.append((s, i + 1))
    return spans


class Reader:
    """Read-only queries over one parsed sentence and its mentions."""

    def __init__(self, doc, sm: SentenceMentions, lex: Lexicon, *, doc_year: int | None, doc_date: str | None):
        self.doc = doc
        self.sm = sm
        self.lex = lex
        self.doc_year = doc_year
        self.doc_date = doc_date
        self.quotes = _quote_spans(doc.text)

    # -- actors of a phrase ---------------------------------------------------
    def mention_args(self, idx: int) -> list[Slot]:
        m = self.sm.mentions[idx]
        n = m.count if m.is_collective else max(1, len(m.ids))
        return [Arg(idx, k) for k in range(n)]

    def coordinated(self, tok, seen: set[int]) -> list[Slot]:
        """Actors joined to ``tok`` by と/や/、 (GiNZA attaches them as nmod or conj)."""
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
                and (nxt := self._after_aside(ch.i + 1)) < len(self.doc)
                and (self.doc[nxt].text in "、・," or self.doc[nxt].dep_ == "cc")
            ):
                is_coord = True  # 米国、韓国と / 米国及び韓国と
            if is_coord:
                found = self.phrase_actors(ch, seen, genitive=False)
                if not found and self.sm.index_at(ch.i) is None:
                    # A、B臨時政府、Cの間で: a conjunct named by the actor compounded with it
                    found = [
                        a
                        for g in ch.children
                        if g.dep_ == "compound"
                        for a in self.phrase_actors(g, seen, genitive=False)
                    ]
                    found += self.coordinated(ch, seen)
                out += found
        return out

    def _after_aside(self, k: int) -> int:
        """The token after a bracketed aside starting at ``k`` (ベトナム共和国(南ベトナム)、…), else ``k``."""
        doc = self.doc
        if k < len(doc) and doc[k].text in "(（":
            j = k + 1
            while j < len(doc) and doc[j].text not in ")）" and j - k < 12:
                j += 1
            if j < len(doc) and doc[j].text in ")）":
                return j + 1
        return k

    def _paired_states(self, a, b) -> bool:
        ia, ib = self.sm.index_at(a.i), self.sm.index_at(b.i)
        if ia is None or ib is None or ia == ib:
            return False
        ma, mb = self.sm.mentions[ia], self.sm.mentions[ib]
        return ma.type == mb.type == ActorType.COUNTRY and len(ma.text) == 1 and a.idx + len(a.text) == b.idx

    def phrase_actors(self, tok, seen: set[int] | None = None, *, genitive: bool = True, depth: int = 2) -> list[Slot]:
        """The actors an argument phrase headed by ``tok`` stands for.

        An actor mention, with the actors coordinated to it; an event noun
        (ロ朝会談, 北朝鮮によるロシアへの支援), its participants; another noun
        (ロシアの行動, 北朝鮮による発射, 中国海警局の船舶による妨害), its possessor
        or agent when ``genitive``, up to ``depth`` nouns down.
        """
        seen = set() if seen is None else seen
        if tok.i in seen:
            return []
        seen.add(tok.i)
        idx = self.sm.index_at(tok.i)
        if idx is not None:
            m = self.sm.mentions[idx]
            seen.update(range(m.start, m.end))
            if m.is_collective:
                # イスラエルとハマスの双方, 日米両政府: the group is named right there
                named = [
                    a
                    for t in range(m.start, m.end)
                    for ch in self.doc[t].children
                    if ch.i not in seen and (particles(ch) == "の" or ch.dep_ == "compound")
                    for a in self.phrase_actors(ch, seen, genitive=False)
                ]
                if len(named) >= 2:
                    return named
            args = self.mention_args(idx)
            if (
                m.start > 0
                and m.start - 1 not in seen
                and self._paired_states(self.doc[m.start - 1], self.doc[m.start])
            ):
                # 日ウクライナ情報保護協定: the abbreviation fused before (GiNZA hangs it anywhere)
                seen.add(m.start - 1)
                args = self.mention_args(self.sm.index_at(m.start - 1) or 0) + args
            for t in range(m.start, m.end):
                args += self.coordinated(self.doc[t], seen)
            return args
        out: list[Slot] = []
        trig = self.trigger_of(tok)
        if trig is not None:
            frame = self.frame(tok, trig, shallow=True, seen=seen)
            if trig.type.symmetric:
                out = frame.sources + frame.partners + frame.targets
            else:
                out = frame.sources or frame.partners
            out += self.coordinated(tok, seen)
            return unique(out)
        # G7をはじめとする国際社会, 米国を中心とする有志国: the group stands for the actors named in it
        named = [
            a
            for ch in tok.children
            if ch.dep_ == "acl"
            and ch.i not in seen
            and (ch.lemma_ in GROUP_VERBS or any(g.lemma_ in GROUP_VERBS for g in ch.children))
            for g in ch.children
            if g.dep_ in ("obj", "obl") and particles(g) in ("を", "")
            for a in self.phrase_actors(g, seen, genitive=False)
        ]
        if named:
            return unique(named)
        if tok.pos_ in ("NOUN", "PROPN") and (tok.text in self.lex.titles or tok.lemma_ in self.lex.anonymous_agents):
            # 中国外務省の報道官, 米政府高官: an unnamed official speaks for the body
            genitive = True
        if genitive and depth > 0 and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            for ch in tok.children:
                if ch.i in seen:
                    continue
                p = bare(particles(ch))
                if (
                    (ch.dep_ == "nmod" and p in ("の", "", "との"))
                    or ch.dep_ == "compound"
                    # 日本のTICADにおける取組: the owner of the forum where the act is
                    or (ch.dep_ == "nmod" and p in _SETTING and self.sm.index_at(ch.i) is None)
                    or (ch.dep_ in ("nmod", "obl", "acl") and any(p.startswith(b) for b in BY))
                ):
                    out += self.phrase_actors(ch, seen, genitive=True, depth=depth - 1)
            out += self.coordinated(tok, seen)
        return unique(out)

    # -- triggers ----------------------------------------------------------------
    def trigger_of(self, tok) -> Trigger | None:
        if self.sm.index_at(tok.i) is not None:
            return None
        # 合同|軍事|演習, 輸出|規制: a compound noun may be a trigger as a whole, and
        # then its first parts are not triggers of their own.
        if (
            tok.dep_ == "compound"
            and self.compound_trigger(tok.head) is not None
            and tok.i < tok.head.i
            and all(self.doc[k].dep_ == "compound" for k in range(tok.i, tok.head.i))
        ):
            return None
        trig = self.compound_trigger(tok)
        if trig is None:
            trig = self.lex.triggers.get(tok.lemma_) or self.lex.triggers.get(tok.text)
        if trig is None:
            return None
        if tok.i > 0 and self.doc[tok.i - 1].dep_ == "compound":
            # 貿易紛争, 情報戦: a compound that names no act of the ontology
            if self.doc[tok.i - 1].text + tok.text in self.lex.non_triggers:
                return None
        if trig.noun_only and tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if trig.verb_only and not (tok.pos_ == "VERB" or any(c.lemma_ == "する" for c in tok.children)):
            return None
        return trig

    def compound_trigger(self, tok) -> Trigger | None:
        start = tok.i
        while (
            start > 0
            and self.doc[start - 1].dep_ == "compound"
            # (輸入|規制|措置: GiNZA may hang every part on the last noun, not on the next)
            and (self.doc[start - 1].head.i in range(start, tok.i + 1) or self.doc[start - 1].head.i == tok.head.i)
            and self.sm.index_at(start - 1) is None
        ):
            start -= 1
        for k in range(start, tok.i):
            words = self.doc[k : tok.i + 1].text
            trig = self.lex.triggers.get(words)
            if trig is not None:
                return trig
        return None

    def in_class(self, tok, cls: str) -> bool:
        words = self.lex.object_classes.get(cls, frozenset())
        return any(tok.text.endswith(w) or tok.lemma_.endswith(w) for w in words)

    def needs_ok(self, tok, trig: Trigger, frame: Frame) -> bool:
        if trig.needs is None:
            return True
        if trig.needs == Needs.TRADE:
            # 輸入を停止, 輸入規制: the trade itself is stopped, not an agreement about trade
            # (輸出をめぐる合意の履行停止)
            near = [*tok.children, *frame.objects]
            near += [c for o in frame.objects for c in o.children if c.dep_ == "compound"]
            near += [*tok.head.children, tok.head] if tok.dep_ == "compound" else []
            return any(self.in_class(c, trig.needs) for c in near)
        if trig.needs in (Needs.AGREEMENT, Needs.ARMS, Needs.RELATIONS, Needs.MILITARY, Needs.ASSETS):
            near = [c for c in tok.subtree if c.i != tok.i and abs(c.i - tok.i) <= 8]
            near += [c for c in tok.head.children if abs(c.i - tok.i) <= 4] if tok.dep_ == "compound" else []
            near += list(frame.objects)
            return any(self.in_class(c, trig.needs) for c in near)
        if trig.needs == Needs.RISE:
            h = tok.head
            return tok.dep_ in ("nsubj", "obj") and (
                self.in_class(h, Needs.RISE) or h.lemma_ in self.lex.object_classes[Needs.RISE]
            )
        if trig.needs in (Needs.STATE, Needs.AGAINST, Needs.REFUSAL):
            return True  # checked on the targets and the modality (events)
        if trig.needs == Needs.CAUSATIVE:
            return any(c.lemma_ in self.lex.object_classes[Needs.CAUSATIVE] for c in tok.children)
        return True

    # -- argument frames -----------------------------------------------------------
    def frame(self, tok, trig: Trigger, *, shallow: bool = False, seen: set[int] | None = None) -> Frame:
        """Argument slots of a trigger.

        The trigger's own dependents come first (北朝鮮による…支援, 欧米の対ロ制裁).
        A trigger noun that is the object of a light verb (制裁を科す, 懸念を表明)
        takes the verb's subject and に-arguments; the object or subject of any
        other verb (脅威が増す) takes only its に/にとって targets. ``shallow``
        frames (an event noun used as an argument: ロ朝会談に懸念) read only the
        noun's own dependents.
        """
        seen = {tok.i} if seen is None else seen
        fr = Frame()
        base = tok
        own_nodes = [tok]
        if (
            not shallow
            and tok.dep_ == "compound"
            and tok.head.pos_ in ("NOUN", "VERB")
            and self.sm.index_at(tok.head.i) is None
        ):
            # 結束強化, 防衛協力: the compound's head carries the arguments
            own_nodes.append(tok.head)
            base = tok.head
        if (
            not shallow
            and tok.dep_ == "nmod"
            and particles(tok) == "の"
            and tok.head.lemma_ in self.lex.transparent_nouns
        ):
            # 遺憾の意を表明, 懸念の念: the noun after の only carries the trigger
            own_nodes.append(tok.head)
            base = tok.head
        # 日本にとって深刻な脅威: GiNZA hangs the argument on the adjective
        own_nodes += [ch for ch in tok.children if ch.dep_ in ("acl", "amod") and ch.pos_ == "ADJ"]
        exclude = {n.i for n in own_nodes}
        # (the phrases below a noun first: reading its own dependents marks them as seen)
        for node in own_nodes:
            if node.pos_ in ("NOUN", "PROPN"):
                self.collect_deep(node, fr, seen)
        for node in own_nodes:
            self.collect(node, fr, exclude, seen)
        self.left_source(tok, fr, seen)
        fr.passive = self.passive(tok)
        if not shallow:
            carrier = Frame()
            light = False
            cur = base
            for _hop in range(2):
                if cur.dep_ not in ("obj", "nsubj", "nsubj:pass", "iobj") or cur.head.i == cur.i:
                    break
                v = cur.head
                if self.sm.index_at(v.i) is not None:
                    break
                lemma = v.lemma_
                # Only a light verb lends its subject (制裁を科す); another trigger verb
                # does not (ウクライナへの支援を非難した: the critic is not the supporter).
                is_light = (
                    cur.dep_ == "obj" and (lemma in self.lex.light_verbs or lemma in self.lex.passive_light_verbs)
                ) or (cur.dep_ in ("nsubj", "nsubj:pass") and lemma in self.lex.light_verbs and self.passive(v))
                exclude.add(v.i)
                self.collect(v, carrier, exclude | {cur.i}, seen)
                if is_light:
                    light = True
                    fr.passive = fr.passive ^ (self.passive(v) or lemma in self.lex.passive_light_verbs)
                    if lemma in self.lex.passive_light_verbs and v.dep_ == "acl" and v.head.i not in seen:
                        # 米国の支持を得たコソボ: the one who receives is the noun the clause describes
                        carrier.subjects += self.phrase_actors(v.head, seen, genitive=False)
                    cur = v
                    continue
                break
            # アルジェリアの支援の下に、ポリサリオ戦線は…: under someone's support, the subject receives it
            if (
                base.dep_ == "nmod"
                and particles(base) == "の"
                and base.head.lemma_ in ("下", "もと")
                and base.head.head.i != base.head.i
            ):
                under = Frame()
                self.collect(base.head.head, under, exclude | {base.head.i}, seen)
                fr.targets += under.subjects
            # 北朝鮮の高官を制裁対象に指定: designating someone as a target of the act
            if (
                base.dep_ == "obl"
                and particles(base) in ("に", "として")
                and base.head.lemma_ in self.lex.designation_verbs
            ):
                v = base.head
                designation = Frame()
                self.collect(v, designation, exclude | {base.i}, seen)
                fr.subjects = fr.subjects or designation.subjects
                fr.objs += designation.objs
            # 科してきた制裁: a light verb in a relative clause on the trigger noun
            for ch in tok.children:
                if ch.dep_ == "acl" and (
                    ch.lemma_ in self.lex.light_verbs or ch.lemma_ in self.lex.passive_light_verbs
                ):
                    self.collect(ch, carrier, exclude | {tok.i}, seen)
                    light = True
            fr.merge(carrier, light=light)
            fr.fallback = self.climb_subjects(base, directed=not trig.type.symmetric)
        fr.assign(trig.type, genitive_is_target=trig.needs == Needs.RISE, things_object=trig.object_is_thing)
        return fr

    def collect(self, node, fr: Frame, exclude: set[int], seen: set[int]) -> None:
        """Sort the actors among ``node``'s dependents into slots by their particles."""
        for ch in node.children:
            idx = self.sm.index_at(ch.i)
            if idx is not None:
                # 米|国務|省は: a mention's tokens may hang on the verb separately;
                # read the mention through its head token, once.
                head = self.mention_head(self.sm.mentions[idx])
                if head.i != ch.i and head.head.i == node.i:
                    continue
            if ch.i in exclude or ch.i in seen or ch.dep_ not in CONTENT_DEPS:
                continue
            if ch.dep_ in ("acl", "advcl", "ccomp", "xcomp", "conj") and self.sm.index_at(ch.i) is None:
                continue
            p = particles(ch) or self._shared_particle(ch, node)
            if ch.lemma_ in ("とも", "共", "一緒") and p == "に":
                # 米欧や中国とともに: co-agents of the subject
                fr.coagents += [
                    a
                    for c in ch.children
                    if particles(c) in ("と", "") and c.dep_ in ("nmod", "compound")
                    for a in self.phrase_actors(c, seen, genitive=False)
                ]
                continue
            if ch.dep_ == "obj" or p in OBJECT:
                fr.objects.append(ch)
            # イランの核開発は…脅かす: a possessor stands for a non-actor argument
            genitive = (
                p in ABOUT
                or p in TARGET
                or p in DATIVE
                or p in OBJECT
                # (but 「…の協力が不可欠であり…求めます」: who asks or criticises is named, not owned)
                or (
                    p in AGENT
                    and node.lemma_ in self.lex.triggers
                    and self.lex.triggers[node.lemma_].type not in _SPEECH_TYPES
                )
                or ch.lemma_ in ("間", "あいだ")
            )
            args = self.phrase_actors(ch, seen, genitive=genitive)
            if not args:
                if ch.dep_ in ("nsubj", "nsubj:pass") and p in ("が", "は") and self.trigger_of(ch) is None:
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
                continue
            self.slot(ch, p, args, fr)

    def _shared_particle(self, ch, node) -> str:
        """日本および日本国民への支援: GiNZA hangs both conjuncts on the act, the first
        bare; it takes the particle of the conjunct after the および / 、 / ・."""
        if ch.dep_ not in ("nmod", "compound"):
            return ""
        k = self._after_aside(ch.i + 1)
        if k >= len(self.doc) or not (self.doc[k].dep_ == "cc" or self.doc[k].text in "、・,"):
            return ""
        for sib in node.children:
            if sib.i > k and sib.dep_ == ch.dep_ and any(self.sm.index_at(t.i) is not None for t in sib.subtree):
                return particles(sib)
            if sib.i > k:
                break
        return ""

    def collect_deep(self, tok, fr: Frame, seen: set[int]) -> None:
        """北朝鮮からロシアへの軍事装備品及び弾薬の提供: GiNZA may hang the から / への
        phrases of an act noun on a noun between them and the act; read them there."""
        for mid in tok.children:
            if mid.dep_ not in ("nmod", "compound") or self.sm.index_at(mid.i) is not None or mid.i in seen:
                continue
            if self.trigger_of(mid) is not None:
                continue  # an act of its own (ロシアの侵攻の…) keeps its arguments
            if bare(particles(mid)) not in ("の", ""):
                continue
            for node in (mid, *(m for m in mid.children if m.dep_ in ("nmod", "compound"))):
                for ch in node.children:
                    if ch.i in seen or self.sm.index_at(ch.i) is None:
                        continue
                    p = particles(ch)
                    if p in FROM or p in TARGET or any(p.startswith(b) for b in BY):
                        self.slot(ch, p, self.phrase_actors(ch, seen, genitive=False), fr)

    def slot(self, ch, p: str, args: list[Slot], fr: Frame) -> None:
        prefix = self.prefix(ch)
        if prefix in TARGET_PREFIXES:
            fr.targets += args
        elif ch.lemma_ in ("間", "あいだ") and p in ("で", "では", "に", "には", "の", "で、"):
            # 日本とロシアの間で締結された: the two sides are partners
            fr.partners += args
        elif p.startswith(ATTRIBUTION):
            return
        elif p in ("で", "では") and self.trigger_of(ch) is not None:
            # 軍事協力で緊張が高まる: the event is the cause, its actors the source
            fr.cause += args
        elif any(p.startswith(b) for b in BY):
            fr.by += args
        elif p in AS and self.sm.index_at(ch.i) is not None:
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
            if p in ("が", "も") and fr.subject_marks == {"は"}:
                # 岸田総理大臣は、…イランが…攻撃を行ったことは: the が-subject is this clause's,
                # the は-topic the sentence's
                fr.subjects = []
            if not (p == "は" and "が" in fr.subject_marks):
                fr.subjects += args
            fr.subject_marks.add(p)
        elif p in OBJECT:
            fr.objs += args
        elif p in DATIVE:
            fr.datives += args
        elif p == "の" or (p == "" and ch.dep_ == "nmod"):
            fr.genitives.append(args)
        elif p == "" and ch.dep_ == "compound":
            fr.compounds += args

    def left_source(self, tok, fr: Frame, seen: set[int]) -> None:
        """ロシアから北朝鮮への支援: GiNZA often hangs the から/による phrase on the verb.

        An actor with から/による right before the trigger's noun phrase is its source.
        """
        if tok.pos_ not in ("NOUN", "PROPN") or fr.by or fr.from_:
            return
        left = min(t.i for t in tok.subtree)
        k = left - 1
        while k >= 0 and self.doc[k].dep_ in ("case", "fixed", "mark"):
            k -= 1
        if k < 0 or k in seen or k == tok.i:
            return
        head = self.doc[k]
        p = particles(head)
        if self.sm.index_at(k) is None or not (p in FROM or any(p.startswith(b) for b in BY)):
            return
        args = self.phrase_actors(head, seen, genitive=False)
        if p in FROM:
            fr.from_ += args
        else:
            fr.by += args

    def prefix(self, tok) -> str | None:
        idx = self.sm.index_at(tok.i)
        if idx is not None and self.sm.mentions[idx].prefix:
            return self.sm.mentions[idx].prefix
        # 対 as a separate token before the actor
        if (
            tok.i > 0
            and self.doc[tok.i - 1].text in TARGET_PREFIXES
            and self.doc[tok.i - 1].head.i in (tok.i, tok.head.i)
        ):
            return self.doc[tok.i - 1].text
        return None

    def passive(self, v) -> bool:
        return any(c.dep_ in ("aux", "aux:pass") and c.lemma_ in ("れる", "られる") for c in v.children)

    def coagents_of(self, verb) -> list[Slot]:
        """米欧や中国とともに…つくってきた: those acting together with the subject."""
        fr = Frame()
        for ch in verb.children:
            if ch.lemma_ in ("とも", "共", "一緒") and particles(ch) == "に":
                fr.coagents += [
                    a
                    for c in ch.children
                    if particles(c) in ("と", "") and c.dep_ in ("nmod", "compound")
                    for a in self.phrase_actors(c, genitive=False)
                ]
        return fr.coagents

    def clause_noun(self, tok) -> bool:
        h = self.lex.hedges
        return tok.lemma_ in h[Modality.HEDGED] or tok.lemma_ in h[Modality.HYPOTHETICAL]

    def shared_subject(self, tok) -> list[Slot]:
        """岸田首相は訪米し、バイデン大統領と会談した: a subject stated in an earlier
        clause of the same sentence carries over to the later ones."""
        node = tok
        for _ in range(4):
            # (両外相は…を行い、…を含め、…協力していくことで一致: the clause with the
            # subject may lie several clauses down)
            clauses = [ch for ch in sorted(node.children, key=lambda c: -c.i) if ch.i < tok.i]
            for _depth in range(3):
                clauses = [c for c in clauses if c.dep_ in ("advcl", "conj")]
                for ch in clauses:
                    for sub in ch.children:
                        if (sub.dep_ in ("nsubj", "dislocated") and particles(sub) in ("は", "が", "も")) or (
                            sub.dep_ == "obl"
                            and particles(sub) in ("では", "の間では")
                            and self.sm.index_at(sub.i) is not None
                        ):  # (両国間では対立が激化し、…国交を断絶した: the two)
                            args = self.phrase_actors(sub, genitive=False)
                            if args:
                                return args
                clauses = [g for c in clauses for g in sorted(c.children, key=lambda x: -x.i) if g.i < tok.i]
            if node.head.i == node.i:
                break
            node = node.head
        return []

    def climb_subjects(self, tok, *, directed: bool = False) -> list[Slot]:
        """Subjects of the clauses above the trigger (締結すると合意した → 合意's subject).

        A relative clause with no subject of its own is about the noun it
        modifies (会談した後の…臨むプーチン大統領と金正恩総書記): that noun fills the gap.
        """
        cur = tok
        for _ in range(5):
            if cur.head.i == cur.i:
                return []
            # Not through the object of another verb (支援を求めた: the asker is not
            # the giver), except nouns that take a clause (支援を行う用意がある).
            takes_clause = cur.dep_ in ("nsubj", "obj") and self.clause_noun(cur)
            # 働きかけを重視する: the subject of a plain verb does what its object names;
            # that of a trigger verb (求める, 非難) does not.
            plain_object = (
                cur.dep_ == "obj" and self.trigger_of(cur.head) is None and cur.head.lemma_ not in self.lex.speech_verbs
            )
            # 北朝鮮制裁に違反し: the one who breaks the sanctions did not impose them;
            # for a directed act an oblique is climbed only into a light verb
            # (支援に乗り出す); the parties of a meeting or treaty may sit higher up.
            light_oblique = cur.dep_ == "obl" and (not directed or cur.head.lemma_ in self.lex.light_verbs)
            if (
                cur.dep_ not in ("advcl", "acl", "ccomp", "xcomp", "conj", "compound", "nmod", "dep")
                and not takes_clause
                and not plain_object
                and not light_oblique
            ):
                return []
            if cur.dep_ == "advcl" and cur.head.lemma_ in self.lex.hedging_verbs:
                return []  # …を援助することを控えるよう促す: what is asked is the addressee's act
            if cur.dep_ == "acl" and self.sm.index_at(cur.head.i) is not None:
                return self.phrase_actors(cur.head, genitive=False)
            if cur.dep_ == "dep" and self.sm.index_at(cur.head.i) is not None and particles(cur.head) in AGENT:
                # GiNZA sometimes makes the topic the head of the clause (我が国は…連携し)
                return self.phrase_actors(cur.head, genitive=False)
            came_from = cur
            cur = cur.head
            if self.passive(cur):
                return []  # …支援を始めれば、日本や韓国は対応を迫られる: that subject undergoes, it does not act
            for ch in cur.children:
                if ch.i == came_from.i:
                    continue
                if ch.dep_ in ("nsubj", "dislocated", "nsubj:pass") and particles(ch) in AGENT | {""}:
                    # 北朝鮮による一連の行動は…脅かす: the agent of a non-actor subject
                    args = self.phrase_actors(ch, genitive=True)
                    if args:
                        return args + self.coagents_of(cur)
                    if particles(ch) in ("が", "は"):
                        return []  # the clause has a subject of its own, not an actor
        return []

    def speaker_from(self, tok) -> list[Slot]:
        """茂木大臣から、…懸念を伝え / ゼレンスキー大統領より…謝意の表明があった: in the
        register of meeting summaries, the one who speaks is marked with から or より,
        hung on any verb above the trigger, before it."""
        cur = tok
        for _ in range(6):
            # (GiNZA may hang the sentence-initial 「Xから、」 on the first clause)
            clauses = [c for c in cur.children if c.dep_ in ("advcl", "conj") and c.i < tok.i]
            for ch in [*cur.children, *(g for c in clauses for g in c.children)]:
                if ch.i >= tok.i or particles(ch) not in _SPEAKER_MARKS:
                    continue
                idx = self.sm.index_at(ch.i)
                if idx is not None and self.sm.mentions[idx].type in (ActorType.PERSON, ActorType.COUNTRY):
                    return self.phrase_actors(ch, genitive=False)
            if cur.head.i == cur.i:
                break
            cur = cur.head
        # 茂木大臣から、イランが…ことへの懸念を伝え: GiNZA may hang the speaker on a clause
        # inside what is said; a person marked から and set off by a comma still speaks
        for idx, m in enumerate(self.sm.mentions):
            head = self.mention_head(m)
            if m.type != ActorType.PERSON or head.i >= tok.i or particles(head) not in _SPEAKER_MARKS:
                continue
            k = head.i + 1
            while k < len(self.doc) and self.doc[k].dep_ in ("case", "fixed"):
                k += 1
            if k < len(self.doc) and self.doc[k].text in "、，," and not self.in_quote(head):
                return self.mention_args(idx)
        return []

    def in_quote(self, tok) -> bool:
        return any(qs <= tok.idx < qe for qs, qe in self.quotes)

    def earlier_subject(self, tok) -> list[Slot]:
        """The は-subject of a clause hung on ``tok`` before it (東ドイツは…加盟、…併合された)."""
        for ch in sorted(tok.children, key=lambda c: c.i):
            if ch.i >= tok.i or ch.dep_ not in ("obl", "advcl", "conj", "nmod"):
                continue
            for sub in ch.children:
                if sub.dep_ in ("nsubj", "dislocated") and particles(sub) in ("は", "が"):
                    args = self.phrase_actors(sub, genitive=False)
                    if args:
                        return args
        return []

    def agents_below(self, tok) -> list[Slot]:
        """北朝鮮による…核実験・ミサイル実験を伴う…威嚇行動: an agent marked による anywhere in
        the act noun's phrase."""
        out: list[Slot] = []
        for t in tok.subtree:
            if t.i == tok.i:
                continue
            idx = self.sm.index_at(t.i)
            if idx is not None and self.mention_head(self.sm.mentions[idx]).i == t.i:
                if any(particles(t).startswith(b) for b in BY):
                    out += self.mention_args(idx)
        return unique(out)

    def referred_act(self, phrase) -> Recent | None:
        """今般の攻撃, この動き, こうした行動, これ: a phrase that points back at an act
        already described; the kind of act when the noun names one."""
        if phrase.lemma_ in _POINTING_PRONOUNS:
            return Recent()
        if phrase.lemma_ == "こと":
            # 今般の攻撃が起こったこと: the act the clause says took place
            for clause in phrase.children:
                if clause.dep_ == "acl":
                    for ch in clause.children:
                        if ch.dep_ in ("nsubj", "obj") and (ref := self.referred_act(ch)) is not None:
                            return ref
            return None
        pointed = any(
            c.dep_ in ("det", "nmod", "compound", "amod") and (c.text in _POINTERS or c.lemma_ in _POINTERS)
            for c in phrase.children
        )
        if not pointed:
            return None
        trig = self.trigger_of(phrase)
        if trig is not None:
            return Recent(trig.type)
        if phrase.lemma_ in self.lex.conduct_nouns or phrase.lemma_ in _EVENT_WORDS:
            return Recent()
        return None

    def said_about(self, tok) -> list:
        """…措置について、…遺憾である旨表明: the について phrase of the speech verb a
        旨 / と clause hangs on, for a judgement in it that names no one."""
        cur = tok
        for _ in range(3):
            if cur.head.i == cur.i:
                return []
            nxt = cur.head
            if nxt.lemma_ in self.lex.speech_verbs:
                # (GiNZA may hang a sentence-initial …について on any verb after it)
                return [c for c in self.doc[: tok.i] if particles(c) in ABOUT and not self.in_quote(c)][:1]
            if not (cur.dep_ == "acl" and nxt.lemma_ in ("旨", "むね")) and not particles(cur).endswith("と"):
                return []
            cur = nxt
        return []

    def bare_act(self, phrase) -> Recent | None:
        """措置の撤廃, 制裁の解除: an act noun with no actor of its own under what is asked
        or deplored stands for the same act named before it."""
        for ch in phrase.children:
            if ch.dep_ != "nmod" or particles(ch) != "の":
                continue
            trig = self.trigger_of(ch)
            if trig is None or trig.type not in (RelationType.SANCTION, RelationType.ATTACK, RelationType.THREAT):
                continue
            if any(self.sm.index_at(t.i) is not None for t in ch.subtree):
                return None
            return Recent(trig.type)
        return None

    def sentence_topic(self, tok) -> list[Slot]:
        """岸田総理大臣は、…、今般の攻撃を深く懸念し、…: the actor a sentence opens with
        (marked は) speaks for every predicate after it that names no speaker."""
        for idx, m in enumerate(self.sm.mentions):
            if m.end > tok.i or (m.is_collective and not m.count):
                continue
            head = self.mention_head(m)
            if head.i >= tok.i or particles(head) not in ("は", "では", "からは", "としては"):
                continue
            if self.in_quote(self.doc[m.start]):
                continue
            if self.is_affiliation(idx):
                continue
            return self.mention_args(idx)
        return []

    def topic_doers(self, tok, exclude: Iterable[Slot] = ()) -> list[Slot]:
        """今般のスーダン国軍の行動は、…損なうものであり、強く非難します: a criticism with
        no object of its own is of the act the sentence is about (its は-topic)."""
        skip = set(exclude)
        out: list[Slot] = []
        for t in self.doc:
            if t.dep_ in ("nsubj", "dislocated", "obl") and particles(t) in ("は", "が") and t.i < tok.i:
                if self.sm.index_at(t.i) is not None:
                    continue  # an actor as the subject is the critic, not the act
                if self.trigger_of(t) is not None or t.lemma_ in self.lex.conduct_nouns or t.lemma_ == "こと":
                    out += [a for a in self.doers(t) if a not in skip]
        return unique(out)

    def predicate_text(self, tok) -> str:
        # 首脳会談, 軍事支援: keep the compound the trigger heads
        start = tok.i
        while (
            start > 0
            and self.doc[start - 1].dep_ == "compound"
            and self.doc[start - 1].head.i == tok.i
            and self.sm.index_at(start - 1) is None
        ):
            start -= 1
        return self.doc[start : tok.i + 1].text

    def loose_partners(self, tok) -> list[Slot]:
        """中国の王毅外相と北京で会談した: GiNZA may hang the と-partner on a nearby noun."""
        out: list[Slot] = []
        for t in tok.subtree:
            if t.i >= tok.i or particles(t) not in ("と", "との", "とも"):
                continue
            idx = self.sm.index_at(t.i)
            if idx is None or self.sm.index_at(t.head.i) is not None or self.trigger_of(t.head) is not None:
                continue
            out += self.phrase_actors(t, genitive=False)
        return out

    def met_before(self, tok) -> list[Slot]:
        """…を訪問し、連携を確認した / …と会談し、協力を確認した: those met in an earlier
        clause of the same sentence, the partners of what is agreed there."""
        frames = self._meetings_on(tok, lambda c: c.dep_ in ("advcl", "conj") and c.i < tok.i)
        return [a for fr in frames for a in fr.targets + fr.partners]

    def met_at(self, tok) -> list[Slot]:
        """日米豪印外相会合において、…協力を確認した: the parties of the meeting where it is agreed."""
        frames = self._meetings_on(tok, lambda c: c.dep_ == "obl" and particles(c) in _AT_MEETING)
        return [a for fr in frames for a in fr.sources + fr.partners + fr.targets + fr.compounds]

    def _meetings_on(self, tok, keep: Callable[[Any], bool]) -> list[Frame]:
        """The frames of the meetings hung on the verb that carries ``tok`` (協力を|確認した),
        among its dependents that ``keep`` accepts."""
        verb = tok.head if tok.dep_ in ("obj", "nsubj") else tok
        out = []
        for c in verb.children:
            if not keep(c):
                continue
            trig = self.trigger_of(c)
            if trig is not None and trig.type == RelationType.MEETING:
                out.append(self.frame(c, trig, shallow=True))
        return out

    def main_clause(self, tok) -> bool:
        # Only a trigger of the main clause inherits the previous sentence's subject.
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                return True
            p = particles(cur)
            # …を攻撃したと発表した: the complement of a subjectless speech verb
            # shares its dropped subject.
            if (
                cur.dep_ in ("acl", "nmod", "advcl", "csubj")
                and p not in ("", "は", "が", "に", "には", "を")
                and not (p.endswith("と") and cur.head.lemma_ in self.lex.speech_verbs)
            ):
                return False
            # 攻撃を停止し…撤収するよう求める: what is asked of someone else is their act
            if cur.dep_ == "advcl" and cur.head.lemma_ in self.lex.hedging_verbs:
                return False
            cur = cur.head
        return True

    def phrase_particle(self, tok) -> str:
        """The particle of the phrase a token sits in: 北朝鮮|問題|について → について."""
        for _ in range(4):
            p = particles(tok)
            if p and p != "の":
                return p
            if tok.dep_ not in ("compound", "nmod") or tok.head.i == tok.i:
                return p
            tok = tok.head
        return particles(tok)

    def is_self(self, tok, speaker: list[Slot]) -> bool:
        if tok.lemma_ in ("自ら", "自分", "自国", "我々", "私", "われわれ", "自身"):
            return True
        args = self.phrase_actors(tok, genitive=False)
        return bool(args) and all(a in speaker for a in args)

    def speaker_before(self, start: int) -> list[Slot]:
        """Xは「…」と述べた where GiNZA cut the quote into sentences of its own:
        the last は/が-marked actor before the quote, outside any quote."""
        for idx in range(len(self.sm.mentions) - 1, -1, -1):
            m = self.sm.mentions[idx]
            if m.end > start or m.is_collective:
                continue
            if self.in_quote(self.doc[m.start]):
                continue
            head = self.mention_head(m)
            if particles(head) in AGENT:
                return self.mention_args(idx)
        return []

    def agents_in(self, span: set[int]) -> list[Slot]:
        out: list[Slot] = []
        for i in sorted(span):
            t = self.doc[i]
            trig = self.trigger_of(t)
            if trig is not None:
                fr = self.frame(t, trig, shallow=True)
                out += fr.sources
        if not out:
            for i in sorted(span):
                t = self.doc[i]
                if t.dep_ in ("nsubj",) and particles(t) in AGENT:
                    out += self.phrase_actors(t, genitive=False)
        return unique(out)

    def doers(self, phrase) -> list[Slot]:
        """Who does the act a phrase describes: the one criticised, asked or welcomed.

        「ロシアによる…動きが継続していること」 → ロシア; 「イランが…履行していないこと」
        → イラン; 「北朝鮮からロシアへの…提供」 → both (the giver and the taker);
        「スーダン国軍の行動」 → スーダン国軍. Victims (を, …の主権) are not doers.
        """
        out: list[Slot] = []
        tokens = {t.i for t in phrase.subtree}
        for ev in phrase.subtree:
            trig = self.trigger_of(ev)
            if trig is None:
                continue
            fr = self.frame(ev, trig, shallow=True)
            out += fr.sources
            if trig.type in (RelationType.SUPPORT, RelationType.COOPERATION) or trig.type.symmetric:
                out += fr.targets + fr.partners  # the taker of what is given takes part too
        # (and the agents by their particles: ロシアによる…動き、分離派武装勢力による…不安定化)
        victims = {
            a
            for ev in phrase.subtree
            if (t := self.trigger_of(ev)) is not None
            for a in self.frame(ev, t, shallow=True).targets
            if t.type not in (RelationType.SUPPORT,)
        }
        for idx, m in enumerate(self.sm.mentions):
            if m.start not in tokens or m.type not in (ActorType.COUNTRY, ActorType.ORGANIZATION, ActorType.PERSON):
                continue
            head = self.mention_head(m)
            p = particles(head)
            if p in COMPARE or p.startswith(ATTRIBUTION) or self.is_affiliation(idx):
                continue
            owner = head.head
            if any(p.startswith(b) for b in BY) or p in AGENT or p in FROM or p in ("と", "とともに", "と共に"):
                out += self.mention_args(idx)
            elif (
                p in ("の", "")
                and head.dep_ in ("nmod", "compound")
                and (self.trigger_of(owner) is not None or owner.lemma_ in self.lex.conduct_nouns)
            ):
                out += self.mention_args(idx)
            elif (
                p in TARGET | DATIVE
                and (trig := self.trigger_of(owner)) is not None
                and trig.type
                in (
                    RelationType.SUPPORT,
                    RelationType.COOPERATION,
                )
            ):
                out += self.mention_args(idx)  # the taker of what is given is in it too
        # (the victim of an act is not its doer: ウクライナ in ロシアのウクライナ侵略)
        return [a for a in unique(out) if a not in victims]

    def quote_tokens(self, span: set[int]) -> set[int]:
        """All tokens of a 「…」 quote that the complement starts in (GiNZA may cut quotes apart)."""
        if not span:
            return set()
        out: set[int] = set()
        first = min(span)
        last = max(span)
        for qs, qe in self.quotes:
            if any(qs <= self.doc[i].idx < qe for i in (first, last)):
                out.update(t.i for t in self.doc if qs <= t.idx < qe)
        return out

    def mention_head(self, m):
        """The token that links a mention to the sentence: outside-pointing, with its particle."""
        outside = [
            self.doc[t]
            for t in range(m.start, m.end)
            if not (m.start <= self.doc[t].head.i < m.end) or self.doc[t].head.i == t
        ]
        if not outside:
            return self.doc[m.end - 1]
        with_particle = [t for t in outside if particles(t)]
        return (with_particle or outside)[-1]

    def only_possessor(self, head) -> bool:
        """旧ソ連の砲弾: an actor that only qualifies a thing is not what is discussed.

        It is when the thing is an event (ロシアの協力), the actor's own stance
        or conduct (北朝鮮の方, ロ朝の関係), or the topic (…については).
        """
        if particles(head) != "の" or head.dep_ != "nmod":
            return False
        owner = head.head
        if self.sm.index_at(owner.i) is not None or self.trigger_of(owner) is not None:
            return False
        if owner.lemma_ in self.lex.topic_nouns or owner.text in self.lex.topic_nouns:
            return False
        return particles(owner) not in ABOUT

    def is_affiliation(self, idx: int) -> bool:
        return any(lk.parent == idx for lk in self.sm.links)

    def arg_type(self, a: Slot) -> ActorType | None:
        if isinstance(a, Known):
            return self.lex.actors[a.id].type if a.id in self.lex.actors else None
        if not isinstance(a, Arg):
            return None
        m = self.sm.mentions[a.mention]
        if m.ids and m.kind != "collective":
            return self.lex.actors[m.ids[a.member]].type if m.ids[a.member] in self.lex.actors else m.type
        return m.type


@dataclass(slots=True)
class Frame:
    subjects: list[Slot] = field(default_factory=list)
    objs: list[Slot] = field(default_factory=list)
    datives: list[Slot] = field(default_factory=list)
    targets: list[Slot] = field(default_factory=list)
    partners: list[Slot] = field(default_factory=list)
    by: list[Slot] = field(default_factory=list)
    from_: list[Slot] = field(default_factory=list)
    about: list[Slot] = field(default_factory=list)
    genitives: list[list[Slot]] = field(default_factory=list)
    compounds: list[Slot] = field(default_factory=list)
    cause: list[Slot] = field(default_factory=list)
    fallback: list[Slot] = field(default_factory=list)
    objects: list = field(default_factory=list)
    passive: bool = False
    targets_are_partners: bool = False
    has_subject: bool = False  # a subject that names no actor (国連軍が): no fallback agent
    with_partners: list[Slot] = field(default_factory=list)  # the と-marked ones
    coagents: list[Slot] = field(default_factory=list)  # Xとともに
    sources: list[Slot] = field(default_factory=list)
    complements: list = field(default_factory=list)  # argument phrases that describe an act (…ことに)
    subject_marks: set[str] = field(default_factory=set)  # the particles the subjects came with
    subject_phrases: list = field(default_factory=list)  # subjects that describe an act (…したことは)

    def merge(self, carrier: Frame, *, light: bool) -> None:
        """Add a carrying verb's slots: all of them for a light verb, else only targets."""
        own_agent = bool(self.by or self.from_ or self.subjects)
        if light:
            if not own_agent:
                self.subjects = carrier.subjects + self.subjects
            self.by += carrier.by
            self.from_ += carrier.from_
            self.objs += carrier.objs
            self.datives += carrier.datives
            self.targets += carrier.targets
            self.partners += carrier.partners
            self.with_partners += carrier.with_partners
            self.coagents += carrier.coagents
            self.about += carrier.about
            self.cause += carrier.cause
            self.complements += carrier.complements
            self.subject_phrases += carrier.subject_phrases
        else:
            self.cause += carrier.cause
            if not (self.targets or self.datives or self.objs):
                self.targets += carrier.targets
                self.datives += carrier.datives
            self.partners += carrier.partners
            self.with_partners += carrier.with_partners
        self.objects += carrier.objects
        self.has_subject = self.has_subject or carrier.has_subject

    def assign(self, rtype: RelationType, *, genitive_is_target: bool = False, things_object: bool = False) -> None:
        """Fill ``sources`` and ``targets`` from the slots, for this relation type.

        ``genitive_is_target``: for 緊張 (朝鮮半島の緊張) the genitive is where
        the tension is, not who causes it.
        """
        if genitive_is_target and self.genitives:
            self.targets = self.targets + [a for g in self.genitives for a in g]
            self.genitives = []
        subj, dat = self.subjects, self.datives
        if self.passive:
            # 北朝鮮は制裁を科され: the subject undergoes, に/から/による act.
            sources = self.by + self.from_ + dat
            targets = subj + self.objs
        else:
            sources = subj + self.by + (self.from_ if rtype != RelationType.MEETING else [])
            if things_object or (rtype in (RelationType.REQUEST, RelationType.SUPPORT) and (dat or self.targets)):
                # 北朝鮮に自制を求める, ウクライナに部隊を派遣: the object is what is asked or sent
                targets = dat + self.targets
            else:
                targets = self.objs + dat + self.targets
        gens = self.genitives
        if gens:
            if not sources and len(gens) >= 2:
                sources, targets = sources + gens[0], targets + gens[-1]
            elif not sources:
                sources = sources + gens[0]
            elif not targets:
                targets = targets + gens[-1]
        if rtype.symmetric:
            self.partners = self.partners + self.compounds + [a for g in gens for a in g]
        else:
            targets = targets + self.compounds
            if not targets and self.partners:
                # イランとの国交を断絶: with no other target, the partner is it
                targets = list(self.partners)
                self.targets_are_partners = True
        if rtype == RelationType.COMMENTS_ON:
            targets = targets + self.about
        if not sources and rtype in (RelationType.THREAT, RelationType.ATTACK, RelationType.SUPPORT):
            sources = self.cause
        self.sources = unique(sources)
        self.targets = unique(targets)
