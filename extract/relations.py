"""Typed relations from GiNZA's dependency parse of one sentence.

A relation needs a trigger (a verb or deverbal noun from ``data/triggers.json``)
and actors in argument positions, read from case particles and structure:

- が / は agent, を / に patient, と partner, への / に対する / 対- target,
  による / から agent (passives swap agent and patient);
- a trigger noun carried by a light verb (制裁を科す, 懸念を表明) takes the
  verb's arguments;
- genitive chains inside noun phrases (北朝鮮によるロシアへの支援,
  欧米諸国の対ロ制裁, ロシアのウクライナ侵略);
- coordination (AとBが, AやB), which GiNZA attaches as ``nmod``;
- reported speech (「…」と指摘): the speaker comments_on the actors of the quote.

The functions here are pure: they read a parsed Doc and its mentions and
return :class:`Candidate` records whose arguments still point at mentions.
The document level (:mod:`extract.resolve`) turns them into actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import TARGET_PREFIXES, SentenceMentions
from .lexicon import Lexicon, Trigger
from .types import ActorType, Modality, RelationType

__all__ = ["TOPIC", "Arg", "Candidate", "SentenceAnalysis", "analyse"]

TOPIC = -1  # Arg.mention for "the actor the previous sentence was about"
ANAPHOR = -2  # Arg.mention for "the target of the same kind of act just mentioned"
_NO_TRIGGER = Trigger(lemma="", type=RelationType.COMMENTS_ON)


@dataclass(frozen=True, slots=True, order=True)
class Arg:
    """One actor in an argument slot: member ``member`` of mention ``mention``."""

    mention: int
    member: int = 0


@dataclass(frozen=True, slots=True)
class Candidate:
    type: RelationType
    sources: tuple[Arg, ...]
    targets: tuple[Arg, ...]
    predicate: str
    modality: Modality
    confidence: float
    token: int  # trigger token index
    time: str | None = None


@dataclass(slots=True)
class SentenceAnalysis:
    candidates: list[Candidate] = field(default_factory=list)
    topic: tuple[Arg, ...] = ()  # actors of the main clause's subject, for the next sentence


# Particle strings (case markers after an argument) and the slot they fill.
_AGENT = {"が", "は", "も", "では", "こそ", "でも", "がは", "とは"}
_BY = ("による", "によって", "により", "によります")
_FROM = {"から", "からの", "からは", "からも"}
_TARGET = {
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
_DATIVE = {"に", "には", "にも"}
_OBJECT = {"を", "をも"}
_WITH = {"と", "との", "とも", "とは", "と共に", "とともに", "とともには", "との間", "と間"}
_ABOUT = {"について", "については", "に関して", "に関する", "をめぐる", "をめぐり", "をめぐって", "について、"}
_COMPARE = {"より", "よりも", "ほど"}
_COORD = {"と", "や", "、", "及び", "および", "・", "とか", "か", "並びに", "ならびに", "も"}
_AS = {"として", "としては", "としても"}
# 常任理事国として / NATOに加盟した: words that make a state member_of a body
MEMBERSHIP_NOUNS = ("加盟国", "理事国", "加盟", "一員", "メンバー", "構成国", "締約国")
MEMBERSHIP_VERBS = frozenset({"加盟", "加入"})
# XをはじめとするY, Xを中心とするY, Xを含むY: a group named by its members
_GROUP_VERBS = frozenset({"はじめる", "始める", "初める", "はじめ", "始め", "含む", "中心", "筆頭"})
# Acts whose bare noun refers back to the same act just described (event anaphora).
_ANAPHORIC = frozenset({RelationType.SANCTION, RelationType.SUPPORT, RelationType.ATTACK})
_ATTRIBUTION = ("によると", "によれば", "の発表", "の報道")

_FULL_DATE = re.compile(r"(?<![0-9])([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")
_YEAR_MONTH = re.compile(r"(?<![0-9])([0-9]{4})年([0-9]{1,2})月(?![0-9]{1,2}日)")
_YEAR = re.compile(r"(?<![0-9])([0-9]{4}|[0-9]{2})年")
_MONTH_DAY = re.compile(r"(?<![0-9])([0-9]{1,2})月([0-9]{1,2})日")
_DAY = re.compile(r"(?<![0-9月])([0-9]{1,2})日")

_CONTENT_DEPS = {
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


class _Sentence:
    def __init__(self, doc, sm: SentenceMentions, lex: Lexicon, *, doc_year: int | None, doc_date: str | None):
        self.doc = doc
        self.sm = sm
        self.lex = lex
        self.doc_year = doc_year
        self.doc_date = doc_date
        self.out = SentenceAnalysis()
        self.quotes = _quote_spans(doc.text)

    # -- actors of a phrase ---------------------------------------------------
    def mention_args(self, idx: int) -> list[Arg]:
        m = self.sm.mentions[idx]
        n = m.count if m.is_collective else max(1, len(m.ids))
        return [Arg(idx, k) for k in range(n)]

    def coordinated(self, tok, seen: set[int]) -> list[Arg]:
        """Actors joined to ``tok`` by と/や/、 (GiNZA attaches them as nmod or conj)."""
        out: list[Arg] = []
        for ch in tok.children:
            if ch.i in seen:
                continue
            p = particles(ch)
            is_coord = (ch.dep_ in ("nmod", "conj", "compound", "appos", "obl") and p in _COORD) or ch.dep_ == "conj"
            if (
                not is_coord
                and ch.dep_ in ("nmod", "compound")
                and p == ""
                and ch.i + 1 < len(self.doc)
                and (self.doc[ch.i + 1].text in "、・," or self.doc[ch.i + 1].dep_ == "cc")
            ):
                is_coord = True  # 米国、韓国と / 米国及び韓国と
            if is_coord:
                out += self.phrase_actors(ch, seen, genitive=False)
        return out

    def phrase_actors(self, tok, seen: set[int] | None = None, *, genitive: bool = True, depth: int = 2) -> list[Arg]:
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
            for t in range(m.start, m.end):
                args += self.coordinated(self.doc[t], seen)
            return args
        out: list[Arg] = []
        trig = self.trigger_of(tok)
        if trig is not None:
            frame = self.frame(tok, trig, shallow=True, seen=seen)
            if trig.type.symmetric:
                out = frame.sources + frame.partners + frame.targets
            else:
                out = frame.sources or frame.partners
            out += self.coordinated(tok, seen)
            return _unique(out)
        # G7をはじめとする国際社会, 米国を中心とする有志国: the group stands for the actors named in it
        named = [
            a
            for ch in tok.children
            if ch.dep_ == "acl"
            and ch.i not in seen
            and (ch.lemma_ in _GROUP_VERBS or any(g.lemma_ in _GROUP_VERBS for g in ch.children))
            for g in ch.children
            if g.dep_ in ("obj", "obl") and particles(g) in ("を", "")
            for a in self.phrase_actors(g, seen, genitive=False)
        ]
        if named:
            return _unique(named)
        if tok.pos_ in ("NOUN", "PROPN") and (tok.text in self.lex.titles or tok.lemma_ in self.lex.anonymous_agents):
            # 中国外務省の報道官, 米政府高官: an unnamed official speaks for the body
            genitive = True
        if genitive and depth > 0 and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            for ch in tok.children:
                if ch.i in seen:
                    continue
                p = particles(ch)
                if (
                    (ch.dep_ == "nmod" and p in ("の", "", "との"))
                    or ch.dep_ == "compound"
                    or (ch.dep_ in ("nmod", "obl", "acl") and any(p.startswith(b) for b in _BY))
                ):
                    out += self.phrase_actors(ch, seen, genitive=True, depth=depth - 1)
            out += self.coordinated(tok, seen)
        return _unique(out)

    # -- triggers ----------------------------------------------------------------
    def trigger_of(self, tok) -> Trigger | None:
        if self.sm.index_at(tok.i) is not None:
            return None
        # 合同|軍事|演習, 輸出|規制: a compound noun may be a trigger as a whole, and
        # then its first parts are not triggers of their own.
        if (
            tok.dep_ == "compound"
            and self._compound_trigger(tok.head) is not None
            and tok.i < tok.head.i
            and all(self.doc[k].dep_ == "compound" for k in range(tok.i, tok.head.i))
        ):
            return None
        trig = self._compound_trigger(tok)
        if trig is None:
            trig = self.lex.triggers.get(tok.lemma_) or self.lex.triggers.get(tok.text)
        if trig is None:
            return None
        if trig.noun_only and tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if trig.verb_only and not (tok.pos_ == "VERB" or any(c.lemma_ == "する" for c in tok.children)):
            return None
        return trig

    def _compound_trigger(self, tok) -> Trigger | None:
        start = tok.i
        while (
            start > 0
            and self.doc[start - 1].dep_ == "compound"
            and self.doc[start - 1].head.i in range(start, tok.i + 1)
            and self.sm.index_at(start - 1) is None
        ):
            start -= 1
        for k in range(start, tok.i):
            words = self.doc[k : tok.i + 1].text
            trig = self.lex.triggers.get(words)
            if trig is not None:
                return trig
        return None

    def _in_class(self, tok, cls: str) -> bool:
        words = self.lex.object_classes.get(cls, frozenset())
        return any(tok.text.endswith(w) or tok.lemma_.endswith(w) for w in words)

    def _needs_ok(self, tok, trig: Trigger, frame: _Frame) -> bool:
        if trig.needs is None:
            return True
        if trig.needs in ("agreement", "arms"):
            near = [c for c in tok.subtree if c.i != tok.i and abs(c.i - tok.i) <= 8]
            near += [c for c in tok.head.children if abs(c.i - tok.i) <= 4] if tok.dep_ == "compound" else []
            near += list(frame.objects)
            return any(self._in_class(c, trig.needs) for c in near)
        if trig.needs == "rise":
            h = tok.head
            return tok.dep_ in ("nsubj", "obj") and (
                self._in_class(h, "rise") or h.lemma_ in self.lex.object_classes["rise"]
            )
        if trig.needs == "causative":
            return any(c.lemma_ in self.lex.object_classes["causative"] for c in tok.children)
        return True

    # -- argument frames -----------------------------------------------------------
    def frame(self, tok, trig: Trigger, *, shallow: bool = False, seen: set[int] | None = None) -> _Frame:
        """Argument slots of a trigger.

        The trigger's own dependents come first (北朝鮮による…支援, 欧米の対ロ制裁).
        A trigger noun that is the object of a light verb (制裁を科す, 懸念を表明)
        takes the verb's subject and に-arguments; the object or subject of any
        other verb (脅威が増す) takes only its に/にとって targets. ``shallow``
        frames (an event noun used as an argument: ロ朝会談に懸念) read only the
        noun's own dependents.
        """
        seen = {tok.i} if seen is None else seen
        fr = _Frame()
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
        for node in own_nodes:
            self._collect(node, fr, exclude, seen)
        self._left_source(tok, fr, seen)
        fr.passive = self._passive(tok)
        if not shallow:
            carrier = _Frame()
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
                ) or (cur.dep_ in ("nsubj", "nsubj:pass") and lemma in self.lex.light_verbs and self._passive(v))
                exclude.add(v.i)
                self._collect(v, carrier, exclude | {cur.i}, seen)
                if is_light:
                    light = True
                    fr.passive = fr.passive ^ (self._passive(v) or lemma in self.lex.passive_light_verbs)
                    cur = v
                    continue
                break
            # 北朝鮮の高官を制裁対象に指定: designating someone as a target of the act
            if (
                base.dep_ == "obl"
                and particles(base) in ("に", "として")
                and base.head.lemma_ in self.lex.designation_verbs
            ):
                v = base.head
                designation = _Frame()
                self._collect(v, designation, exclude | {base.i}, seen)
                fr.subjects = fr.subjects or designation.subjects
                fr.objs += designation.objs
            # 科してきた制裁: a light verb in a relative clause on the trigger noun
            for ch in tok.children:
                if ch.dep_ == "acl" and (
                    ch.lemma_ in self.lex.light_verbs or ch.lemma_ in self.lex.passive_light_verbs
                ):
                    self._collect(ch, carrier, exclude | {tok.i}, seen)
                    light = True
            fr.merge(carrier, light=light)
            fr.fallback = self._climb_subjects(base, directed=not trig.type.symmetric)
        fr.assign(trig.type, genitive_is_target=trig.needs == "rise", things_object=trig.object_is_thing)
        return fr

    def _collect(self, node, fr: _Frame, exclude: set[int], seen: set[int]) -> None:
        """Sort the actors among ``node``'s dependents into slots by their particles."""
        for ch in node.children:
            idx = self.sm.index_at(ch.i)
            if idx is not None:
                # 米|国務|省は: a mention's tokens may hang on the verb separately;
                # read the mention through its head token, once.
                head = self._mention_head(self.sm.mentions[idx])
                if head.i != ch.i and head.head.i == node.i:
                    continue
            if ch.i in exclude or ch.i in seen or ch.dep_ not in _CONTENT_DEPS:
                continue
            if ch.dep_ in ("acl", "advcl", "ccomp", "xcomp", "conj") and self.sm.index_at(ch.i) is None:
                continue
            p = particles(ch)
            if ch.lemma_ in ("とも", "共", "一緒") and p == "に":
                # 米欧や中国とともに: co-agents of the subject
                fr.coagents += [
                    a
                    for c in ch.children
                    if particles(c) in ("と", "") and c.dep_ in ("nmod", "compound")
                    for a in self.phrase_actors(c, seen, genitive=False)
                ]
                continue
            if ch.dep_ == "obj" or p in _OBJECT:
                fr.objects.append(ch)
            # イランの核開発は…脅かす: a possessor stands for a non-actor argument
            genitive = (
                p in _ABOUT
                or p in _TARGET
                or p in _DATIVE
                or p in _OBJECT
                or (p in _AGENT and node.lemma_ in self.lex.triggers)
                or ch.lemma_ in ("間", "あいだ")
            )
            args = self.phrase_actors(ch, seen, genitive=genitive)
            if not args:
                if ch.dep_ in ("nsubj", "nsubj:pass") and p in ("が", "は") and self.trigger_of(ch) is None:
                    fr.has_subject = True  # 国連軍が…: a subject, but no actor we know
                continue
            self._slot(ch, p, args, fr)

    def _slot(self, ch, p: str, args: list[Arg], fr: _Frame) -> None:
        prefix = self._prefix(ch)
        if prefix in TARGET_PREFIXES:
            fr.targets += args
        elif ch.lemma_ in ("間", "あいだ") and p in ("で", "では", "に", "には", "の", "で、"):
            # 日本とロシアの間で締結された: the two sides are partners
            fr.partners += args
        elif p.startswith(_ATTRIBUTION):
            return
        elif p in ("で", "では") and self.trigger_of(ch) is not None:
            # 軍事協力で緊張が高まる: the event is the cause, its actors the source
            fr.cause += args
        elif any(p.startswith(b) for b in _BY):
            fr.by += args
        elif p in _COMPARE or p in _AS:
            return
        elif p in _ABOUT:
            fr.about += args
        elif p in _FROM:
            fr.from_ += args
        elif p in _TARGET:
            fr.targets += args
        elif p in _WITH:
            fr.partners += args
            fr.with_partners += args
        elif p in _AGENT or (p == "" and ch.dep_ in ("nsubj", "dislocated")):
            fr.subjects += args
        elif p in _OBJECT:
            fr.objs += args
        elif p in _DATIVE:
            fr.datives += args
        elif p == "の" or (p == "" and ch.dep_ == "nmod"):
            fr.genitives.append(args)
        elif p == "" and ch.dep_ == "compound":
            fr.compounds += args

    def _left_source(self, tok, fr: _Frame, seen: set[int]) -> None:
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
        if self.sm.index_at(k) is None or not (p in _FROM or any(p.startswith(b) for b in _BY)):
            return
        args = self.phrase_actors(head, seen, genitive=False)
        if p in _FROM:
            fr.from_ += args
        else:
            fr.by += args

    def _prefix(self, tok) -> str | None:
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

    def _passive(self, v) -> bool:
        return any(c.dep_ in ("aux", "aux:pass") and c.lemma_ in ("れる", "られる") for c in v.children)

    def _coagents_of(self, verb) -> list[Arg]:
        """米欧や中国とともに…つくってきた: those acting together with the subject."""
        fr = _Frame()
        for ch in verb.children:
            if ch.lemma_ in ("とも", "共", "一緒") and particles(ch) == "に":
                fr.coagents += [
                    a
                    for c in ch.children
                    if particles(c) in ("と", "") and c.dep_ in ("nmod", "compound")
                    for a in self.phrase_actors(c, genitive=False)
                ]
        return fr.coagents

    def _clause_noun(self, tok) -> bool:
        h = self.lex.hedges
        return tok.lemma_ in h[Modality.HEDGED] or tok.lemma_ in h[Modality.HYPOTHETICAL]

    def _shared_subject(self, tok) -> list[Arg]:
        """岸田首相は訪米し、バイデン大統領と会談した: a subject stated in an earlier
        clause of the same sentence carries over to the later ones."""
        node = tok
        for _ in range(4):
            for ch in sorted(node.children, key=lambda c: -c.i):
                if ch.i >= tok.i or ch.dep_ not in ("advcl", "conj"):
                    continue
                for sub in ch.children:
                    if sub.dep_ in ("nsubj", "dislocated") and particles(sub) in ("は", "が", "も"):
                        args = self.phrase_actors(sub, genitive=False)
                        if args:
                            return args
            if node.head.i == node.i:
                break
            node = node.head
        return []

    def _climb_subjects(self, tok, *, directed: bool = False) -> list[Arg]:
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
            takes_clause = cur.dep_ in ("nsubj", "obj") and self._clause_noun(cur)
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
            if cur.dep_ == "acl" and self.sm.index_at(cur.head.i) is not None:
                return self.phrase_actors(cur.head, genitive=False)
            if cur.dep_ == "dep" and self.sm.index_at(cur.head.i) is not None and particles(cur.head) in _AGENT:
                # GiNZA sometimes makes the topic the head of the clause (我が国は…連携し)
                return self.phrase_actors(cur.head, genitive=False)
            came_from = cur
            cur = cur.head
            for ch in cur.children:
                if ch.i == came_from.i:
                    continue
                if ch.dep_ in ("nsubj", "dislocated", "nsubj:pass") and particles(ch) in _AGENT | {""}:
                    # 北朝鮮による一連の行動は…脅かす: the agent of a non-actor subject
                    args = self.phrase_actors(ch, genitive=True)
                    if args:
                        return args + self._coagents_of(cur)
                    if particles(ch) in ("が", "は"):
                        return []  # the clause has a subject of its own, not an actor
        return []

    # -- modality and time -------------------------------------------------------------
    def modality(self, tok, trig: Trigger) -> Modality:
        """asserted, hedged, negated or hypothetical, read from the trigger's predicate
        and the clause around it (ONTOLOGY.md).

        Negation on the relation itself wins over a hedge around it: 供与しない方針
        is a negated support, not a hedged one.
        """
        hedges = self.lex.hedges
        cur = tok
        for step in range(5):
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
            if cur.dep_ in ("obj", "nsubj") and cur.head.lemma_.endswith(tuple(self.lex.negating_verbs)):
                return Modality.NEGATED  # 武器供与を停止, 支援を拒否
            if cur.dep_ == "obj" and cur.head.lemma_ in self.lex.hedging_verbs:
                return Modality.HEDGED  # 対話を呼びかけた: asked for, not held (rule 7)
            if cur.dep_ == "compound" or (
                cur.dep_ in ("obj", "iobj") and cur.head.lemma_ in self.lex.light_verbs | self.lex.passive_light_verbs
            ):
                cur = cur.head
                continue
            if cur.dep_ == "nmod" and particles(cur) == "の" and cur.head.lemma_ in self.lex.transparent_nouns:
                cur = cur.head  # 遺憾の意を表明: the trigger speaks through 意
                continue
            if cur.dep_ == "acl" or (cur.dep_ == "nmod" and particles(cur) == "の"):
                # 締結する可能性 / 協力の必要性: the noun the clause modifies decides.
                h = cur.head
                if h.lemma_ in hedges[Modality.HEDGED] or h.text in hedges[Modality.HEDGED]:
                    return Modality.HEDGED
                if h.lemma_ in hedges[Modality.HYPOTHETICAL] or h.text in hedges[Modality.HYPOTHETICAL]:
                    return Modality.HYPOTHETICAL
                break
            if cur.dep_ in ("advcl", "ccomp") and particles(cur).endswith(("と", "とは")):
                h = cur.head
                # …したとみられる: the judge is unnamed, the claim hedged.
                if h.lemma_ in ("見る", "みる", "見込む", "推測", "観測", "予想", "予測") and self._passive(h):
                    return Modality.HEDGED
                if h.lemma_ in ("期待", "予定", "計画", "検討", "目指す", "考える"):
                    return Modality.HEDGED
                break
            if cur.dep_ in ("nsubj", "obj", "obl", "dislocated", "nmod") or cur.head.i == cur.i:
                break
            cur = cur.head
        return trig.modality or Modality.ASSERTED

    def time(self, tok) -> str | None:
        """The date stated for the event: the date expression nearest the trigger."""
        best: tuple[int, str] | None = None
        text = self.doc.text
        covered: list[tuple[int, int]] = []
        for rx, kind in ((_FULL_DATE, "ymd"), (_YEAR_MONTH, "ym"), (_MONTH_DAY, "md"), (_YEAR, "y"), (_DAY, "d")):
            for m in rx.finditer(_ascii_digits(text)):
                # 1950年6月25日 is one date, not also 1950 and 6月25日
                if any(a < m.end() and m.start() < b for a, b in covered):
                    continue
                covered.append((m.start(), m.end()))
                tok_i = self._token_at(m.start())
                if tok_i is None:
                    continue
                value = self._date_value(m, kind)
                if value is None:
                    continue
                dist = abs(tok_i - tok.i) + (0 if tok_i < tok.i else 3)
                if best is None or dist < best[0]:
                    best = (dist, value)
        return None if best is None else best[1]

    def _token_at(self, char: int) -> int | None:
        for t in self.doc:
            if t.idx <= char < t.idx + len(t.text):
                return t.i
        return None

    def _date_value(self, m: re.Match, kind: str) -> str | None:
        if kind in ("ymd", "ym"):
            y, mo = int(m.group(1)), int(m.group(2))
            d = int(m.group(3)) if kind == "ymd" else 1
            if not (1800 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
                return None
            return f"{y:04d}-{mo:02d}-{d:02d}" if kind == "ymd" else f"{y:04d}-{mo:02d}"
        if kind == "y":
            y = int(m.group(1))
            if len(m.group(1)) == 2:
                ref = (self.doc_year or 2030) % 100
                y += 2000 if y <= ref else 1900
            if not 1800 <= y <= 2100:
                return None
            return f"{y:04d}"
        if self.doc_date is None:
            return None
        year, month = int(self.doc_date[:4]), int(self.doc_date[5:7])
        if kind == "md":
            mo, d = int(m.group(1)), int(m.group(2))
        else:
            mo, d = month, int(m.group(1))
            if self.doc_date[8:10] and d > int(self.doc_date[8:10]) + 1:
                # a day after the publication date is last month's
                mo -= 1
                if mo == 0:
                    mo, year = 12, year - 1
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return f"{year:04d}-{mo:02d}-{d:02d}"

    # -- rules -------------------------------------------------------------------------
    def visits(self) -> None:
        """訪米した岸田首相, 習氏が訪ロ: a visit (訪 + country) is a meeting with that state."""
        for idx, m in enumerate(self.sm.mentions):
            if m.prefix != "訪":
                continue
            tok = self._mention_head(m)
            fr = _Frame()
            self._collect(tok, fr, set(range(m.start, m.end)), set(range(m.start, m.end)))
            visitors = fr.subjects or self._climb_subjects(tok) or self._shared_subject(tok)
            if not visitors and tok.dep_ == "acl" and self.sm.index_at(tok.head.i) is not None:
                visitors = self.phrase_actors(tok.head, genitive=False)
            trig = self.lex.triggers.get("訪問")
            modality = self.modality(tok, trig) if trig is not None else Modality.ASSERTED
            self.emit(RelationType.MEETING, visitors, self.mention_args(idx), tok, m.text, modality, 0.6)

    def run(self) -> SentenceAnalysis:
        self.visits()
        for tok in self.doc:
            trig = self.trigger_of(tok)
            if trig is not None:
                self.event(tok, trig)
            if tok.lemma_ in self.lex.speech_verbs or tok.text in self.lex.speech_verbs:
                self.speech(tok)
            if tok.lemma_ in self.lex.evaluation_verbs and trig is None:
                self.evaluation(tok)
        self.membership()
        self.out.topic = tuple(self.topic())
        return self.out

    def emit(self, rtype: RelationType, sources, targets, tok, predicate: str, modality: Modality, conf: float) -> None:
        sources, targets = tuple(_unique(sources)), tuple(_unique(targets))
        if not sources or not targets:
            return
        self.out.candidates.append(
            Candidate(
                type=rtype,
                sources=sources,
                targets=targets,
                predicate=predicate,
                modality=modality,
                confidence=round(conf, 2),
                token=tok.i,
                time=self.time(tok),
            )
        )

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

    def event(self, tok, trig: Trigger) -> None:
        fr = self.frame(tok, trig)
        if not self._needs_ok(tok, trig, fr):
            return
        if fr.has_subject:
            fr.fallback = []
        elif not fr.fallback:
            fr.fallback = self._shared_subject(tok)
        conf = 0.85 if tok.pos_ == "VERB" or any(n.pos_ == "VERB" for n in (tok.head,)) else 0.75
        if trig.weak:
            conf -= 0.15
        modality = self.modality(tok, trig)
        pred = self.predicate_text(tok)
        if trig.mediation:
            # エジプトが…交渉を仲介: the mediator meets each party (ONTOLOGY rule 6)
            parties = _unique(fr.targets + fr.partners)
            self.emit(trig.type, fr.sources or fr.fallback, parties, tok, pred, modality, conf - 0.1)
            return
        if trig.mutual and (not fr.targets or fr.targets_are_partners) and len(_members(fr.sources + fr.partners)) >= 2:
            # AとBの間で戦闘: each side attacks the other
            sides = _unique(fr.sources + fr.partners)
            self.emit(trig.type, sides, sides, tok, pred, modality, conf - 0.1)
            return
        if trig.type.symmetric:
            parts = _unique(fr.sources + fr.partners + fr.targets)
            if fr.with_partners:
                # 米国及び韓国と連携し: those after と partner the subject, not each other
                agents = [a for a in parts if a not in fr.with_partners]
                if not agents:
                    agents = fr.fallback or ([] if fr.has_subject or not self._main_clause(tok) else [Arg(TOPIC)])
                    conf -= 0.1
                if agents:
                    self.emit(trig.type, agents, fr.with_partners, tok, pred, modality, conf)
                    if len(_members(agents)) >= 2:
                        self.emit(trig.type, agents, agents, tok, pred, modality, conf)
                return
            if len(_members(parts)) < 2:
                parts = _unique(parts + self._loose_partners(tok))
            if len(_members(parts)) < 2:
                parts = _unique(parts + fr.fallback)
                conf -= 0.1
            if len(_members(parts)) >= 2:
                self.emit(trig.type, parts, parts, tok, pred, modality, conf)
            return
        sources, targets = fr.sources, fr.targets
        if not targets and trig.type == RelationType.REQUEST:
            # ロシアに対し、攻撃を停止し…撤収するよう求める: GiNZA hangs the addressee
            # on a verb of the clause asked for
            targets = [
                a
                for c in tok.children
                if c.dep_ == "advcl" and c.i < tok.i
                for t in c.subtree
                if t.dep_ == "obl" and particles(t) in _TARGET | _DATIVE and self.sm.index_at(t.i) is not None
                for a in self.phrase_actors(t, genitive=False)
            ]
            targets = [a for a in _unique(targets) if a not in sources]
        if not targets and trig.type in (RelationType.CRITICISM, RelationType.REQUEST):
            # 中国がロシアを支援していると非難した: the one whose act is criticised;
            # イランが撤退するよう求めた: the one asked to act.
            ends = ("と", "とは") if trig.type == RelationType.CRITICISM else ("ように", "よう")
            span = {
                t.i
                for c in tok.children
                if particles(c).endswith(ends) and c.dep_ in ("advcl", "ccomp", "obl", "xcomp")
                for t in c.subtree
            }
            targets = [a for a in self._agents_in(span) if a not in sources] if span else []
        sources = sources + [a for a in fr.coagents if a not in targets]
        if not sources and targets and not fr.passive:
            # (a passive leaves its agent out on purpose: 対応を迫られる has no one to inherit)
            sources = fr.fallback
            conf -= 0.1
            if not sources and not fr.has_subject and self._main_clause(tok):
                sources = [Arg(TOPIC)]
                conf -= 0.2
        if not targets and tok.pos_ == "NOUN" and trig.type in _ANAPHORIC and not trig.weak:
            # 制裁の枠組みをつくってきた: the sanctions the text was just about
            sources = sources or fr.fallback
            targets = [Arg(ANAPHOR)]
            conf = 0.5
        self.emit(trig.type, sources, targets, tok, pred, modality, conf)

    def _loose_partners(self, tok) -> list[Arg]:
        """中国の王毅外相と北京で会談した: GiNZA may hang the と-partner on a nearby noun."""
        out: list[Arg] = []
        for t in tok.subtree:
            if t.i >= tok.i or particles(t) not in ("と", "との", "とも"):
                continue
            idx = self.sm.index_at(t.i)
            if idx is None or self.sm.index_at(t.head.i) is not None or self.trigger_of(t.head) is not None:
                continue
            out += self.phrase_actors(t, genitive=False)
        return out

    def _main_clause(self, tok) -> bool:
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

    def evaluation(self, tok) -> None:
        """停戦合意を歓迎した, 日本の支援に感謝: welcome, thanks and praise comment on
        the actors of what is welcomed (ONTOLOGY rule 5)."""
        if self._passive(tok) or self.sm.index_at(tok.i) is not None:
            return
        fr = _Frame()
        self._collect(tok, fr, {tok.i}, {tok.i})
        speakers = fr.subjects or self._climb_subjects(tok) or self._shared_subject(tok)
        conf = 0.7
        if not speakers and self._main_clause(tok):
            speakers, conf = [Arg(TOPIC)], 0.5
        targets = [a for a in fr.objs + fr.datives + fr.targets + fr.about if a not in speakers]
        self.emit(
            RelationType.COMMENTS_ON,
            speakers,
            targets,
            tok,
            self.predicate_text(tok),
            self.modality(tok, _NO_TRIGGER),
            conf,
        )

    def speech(self, tok) -> None:
        """「…」と指摘する: the speaker comments_on the actors of the quote."""
        if self._passive(tok) or self.sm.index_at(tok.i) is not None:
            return
        # the quoted clause ends in と (…ていると, …だと, 「…」と)
        complements = [
            c
            for c in tok.children
            if particles(c).endswith(("と", "とは"))
            and c.dep_ in ("advcl", "ccomp", "obl", "nmod", "xcomp", "nsubj", "obj", "dislocated", "acl", "conj")
            and not particles(c).endswith(("とと", "ととは"))
        ]
        about = [c for c in tok.children if particles(c) in _ABOUT]
        lemma = tok.lemma_ if tok.lemma_ in self.lex.speech_verbs else tok.text
        if not complements and (lemma in self.lex.quote_only_speech or not about):
            return
        # 懸念を表明: the object is a trigger noun, handled as that relation.
        for c in tok.children:
            if c.dep_ == "obj" and self.trigger_of(c) is not None:
                return
        speaker = [
            a
            for c in tok.children
            if c.dep_ in ("nsubj", "dislocated") and particles(c) in _AGENT | {""}
            for a in self.phrase_actors(c, genitive=False)
        ]
        span: set[int] = set()
        for c in complements:
            span.update(t.i for t in c.subtree)
        span |= self._quote_tokens(span)
        if not speaker and span:
            speaker = self._speaker_before(min(span))
        if not speaker:
            speaker = self._climb_subjects(tok)
        conf = 0.75
        if not speaker:
            speaker = [Arg(TOPIC)]
            conf = 0.55
        targets = []
        should = False
        for i in sorted(span):
            t = self.doc[i]
            if t.lemma_ == "べき" or t.text == "べき":
                should = True
        # 追加関税を課すと表明した: an indirect clause with no subject of its own
        # reports the speaker's own act, which is a relation, not a comment.
        quoted = bool(self._quote_tokens(span))
        # 「中国に自制を求める」と述べた: a quote of the speaker's own act, too
        self_report = (
            not quoted
            and not any(
                ch.dep_ in ("nsubj", "dislocated") and not self._is_self(ch, speaker)
                for c in complements
                for ch in c.children
            )
        ) or any(
            c.token in span and (set(c.sources) & set(speaker) or (Arg(TOPIC) in c.sources and quoted))
            for c in self.out.candidates
        )
        for idx, m in enumerate(self.sm.mentions):
            if m.start not in span:
                continue
            head = self._mention_head(m)
            if self_report and self._phrase_particle(head) not in _ABOUT:
                continue
            if particles(head) in _COMPARE or particles(head).startswith(_ATTRIBUTION):
                continue
            if self._only_possessor(head):
                continue
            if self._is_affiliation(idx):
                continue
            targets += self.mention_args(idx)
        for c in about:
            targets += self.phrase_actors(c)
        targets = [a for a in targets if a not in speaker]
        modality = Modality.ASSERTED
        if should:
            # 「安保理は制裁を見直すべきだ」と主張: a demand on the actor who must act.
            agents = self._agents_in(span)
            if agents:
                self.emit(RelationType.REQUEST, speaker, agents, tok, self.predicate_text(tok), modality, conf)
                return
        self.emit(RelationType.COMMENTS_ON, speaker, targets, tok, self.predicate_text(tok), modality, conf)

    def _phrase_particle(self, tok) -> str:
        """The particle of the phrase a token sits in: 北朝鮮|問題|について → について."""
        for _ in range(4):
            p = particles(tok)
            if p and p != "の":
                return p
            if tok.dep_ not in ("compound", "nmod") or tok.head.i == tok.i:
                return p
            tok = tok.head
        return particles(tok)

    def _is_self(self, tok, speaker: list[Arg]) -> bool:
        if tok.lemma_ in ("自ら", "自分", "自国", "我々", "私", "われわれ", "自身"):
            return True
        args = self.phrase_actors(tok, genitive=False)
        return bool(args) and all(a in speaker for a in args)

    def _speaker_before(self, start: int) -> list[Arg]:
        """Xは「…」と述べた where GiNZA cut the quote into sentences of its own:
        the last は/が-marked actor before the quote, outside any quote."""
        for idx in range(len(self.sm.mentions) - 1, -1, -1):
            m = self.sm.mentions[idx]
            if m.end > start or m.is_collective:
                continue
            if any(qs <= self.doc[m.start].idx < qe for qs, qe in self.quotes):
                continue
            head = self._mention_head(m)
            if particles(head) in _AGENT:
                return self.mention_args(idx)
        return []

    def _agents_in(self, span: set[int]) -> list[Arg]:
        out: list[Arg] = []
        for i in sorted(span):
            t = self.doc[i]
            trig = self.trigger_of(t)
            if trig is not None:
                fr = self.frame(t, trig, shallow=True)
                out += fr.sources
        if not out:
            for i in sorted(span):
                t = self.doc[i]
                if t.dep_ in ("nsubj",) and particles(t) in _AGENT:
                    out += self.phrase_actors(t, genitive=False)
        return _unique(out)

    def _quote_tokens(self, span: set[int]) -> set[int]:
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

    def _mention_head(self, m):
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

    def _only_possessor(self, head) -> bool:
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
        return particles(owner) not in _ABOUT

    def _is_affiliation(self, idx: int) -> bool:
        return any(lk.parent == idx for lk in self.sm.links)

    def membership(self) -> None:
        """ロシアは安保理の常任理事国として / フィンランドはNATOに加盟した: a state member_of a body."""
        for tok in self.doc:
            if tok.lemma_ in MEMBERSHIP_VERBS and (tok.pos_ == "VERB" or any(c.lemma_ == "する" for c in tok.children)):
                fr = _Frame()
                self._collect(tok, fr, {tok.i}, {tok.i})
                bodies = [a for a in fr.datives if self._arg_type(a) == ActorType.ORGANIZATION]
                members: list[Arg] = [
                    a for a in (fr.subjects or self._climb_subjects(tok)) if self._arg_type(a) == ActorType.COUNTRY
                ]
                self.emit(RelationType.MEMBER_OF, members, bodies, tok, tok.text, self.modality(tok, _NO_TRIGGER), 0.8)
                continue
            if not tok.text.endswith(MEMBERSHIP_NOUNS):
                continue
            bodies = [a for c in tok.children if particles(c) == "の" for a in self.phrase_actors(c, genitive=False)]
            bodies = [a for a in bodies if self._arg_type(a) in (ActorType.ORGANIZATION, ActorType.REGION)]
            if not bodies:
                continue
            members = []
            if particles(tok) in _AS or tok.dep_ in ("obl", "advcl"):
                members = [
                    a
                    for c in tok.head.children
                    if c.dep_ in ("nsubj", "dislocated") and particles(c) in _AGENT
                    for a in self.phrase_actors(c, genitive=False)
                ]
            if not members:
                members = [
                    a
                    for c in tok.children
                    if c.dep_ in ("nsubj", "dislocated")
                    for a in self.phrase_actors(c, genitive=False)
                ]
            members = [a for a in members if self._arg_type(a) == ActorType.COUNTRY]
            self.emit(RelationType.MEMBER_OF, members, bodies, tok, tok.text, Modality.ASSERTED, 0.8)

    def _arg_type(self, a: Arg) -> ActorType | None:
        if a.mention == TOPIC:
            return None
        m = self.sm.mentions[a.mention]
        if m.ids and m.kind != "collective":
            return self.lex.actors[m.ids[a.member]].type if m.ids[a.member] in self.lex.actors else m.type
        return m.type

    def topic(self) -> list[Arg]:
        """The subject of the main clause: what a subjectless next sentence is about."""
        roots = [t for t in self.doc if t.head.i == t.i]
        for root in roots:
            for ch in sorted(root.children, key=lambda c: c.i):
                # (GiNZA attaches 我が国は as "dep" at times)
                if (
                    ch.dep_ in ("nsubj", "dislocated", "dep")
                    and particles(ch) in ("は", "が", "も", "では", "")
                    and (ch.dep_ != "dep" or particles(ch) == "は")
                ):
                    args = self.phrase_actors(ch, genitive=True)
                    if args:
                        return args
        return []


@dataclass(slots=True)
class _Frame:
    subjects: list[Arg] = field(default_factory=list)
    objs: list[Arg] = field(default_factory=list)
    datives: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    partners: list[Arg] = field(default_factory=list)
    by: list[Arg] = field(default_factory=list)
    from_: list[Arg] = field(default_factory=list)
    about: list[Arg] = field(default_factory=list)
    genitives: list[list[Arg]] = field(default_factory=list)
    compounds: list[Arg] = field(default_factory=list)
    cause: list[Arg] = field(default_factory=list)
    fallback: list[Arg] = field(default_factory=list)
    objects: list = field(default_factory=list)
    passive: bool = False
    targets_are_partners: bool = False
    has_subject: bool = False  # a subject that names no actor (国連軍が): no fallback agent
    with_partners: list[Arg] = field(default_factory=list)  # the と-marked ones
    coagents: list[Arg] = field(default_factory=list)  # Xとともに
    sources: list[Arg] = field(default_factory=list)

    def merge(self, carrier: _Frame, *, light: bool) -> None:
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
        self.sources = _unique(sources)
        self.targets = _unique(targets)


def _unique(args) -> list[Arg]:
    return list(dict.fromkeys(args))


def _members(args) -> set[tuple[int, int]]:
    return {(a.mention, a.member) for a in args}


def _ascii_digits(text: str) -> str:
    return text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))


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


def analyse(
    doc, sm: SentenceMentions, lex: Lexicon, *, doc_year: int | None = None, doc_date: str | None = None
) -> SentenceAnalysis:
    """Relation candidates of one parsed sentence, their arguments pointing at ``sm``."""
    return _Sentence(doc, sm, lex, doc_year=doc_year, doc_date=doc_date).run()
