"""The frame reader: who stands in which argument slot of a trigger.

:class:`Reader` is a read-only view of one parsed sentence (the Doc, its
mentions, the lexicon, the document's date) with what reads a clause: the
actors an argument phrase stands for, the trigger a token is and its
predicate, a trigger's argument frame (agent, patient, partner, target …,
read from case particles and structure), the quotes and who speaks. It never
records anything: rules turn what it reads into :class:`Candidate` records.

The steps live in modules of functions of the reader: :mod:`.phrases` (the
actors of a phrase), :mod:`.arguments` (a node's dependents into slots),
:mod:`.carriers` (what a trigger takes from the verbs that carry it),
:mod:`.subjects` (subjects carried from elsewhere in the sentence).
"""

from __future__ import annotations

from ..actors import TARGET_PREFIXES, SentenceMentions
from ..lexicon import Lexicon, Needs, Trigger
from ..types import ActorType, RelationType
from .arguments import collect, collect_deep, left_source
from .carriers import carry, own_nodes
from .particles import AGENT, compounded, particles
from .phrases import coordinated, event_parties, group_members, mention_actors, owners, quoted_speaker
from .slots import Arg, Frame, Known, Slot, members, unique
from .subjects import climb_subjects

__all__ = ["ENVOY_TITLES", "Reader"]

# Particles that mark the one who speaks in a summary of talks (茂木大臣から、…).
# Titles of a state's envoys (駐日大使, 特使): what an envoy hears is aimed at the state.
ENVOY_TITLES = ("大使", "公使", "特使")
_SPEAKER_MARKS = frozenset({"から", "より", "からは", "からも", "よりは", "側から", "側からは"})


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
        self._triggers: dict[int, Trigger | None] = {}  # (asked of every token by every family)

    # -- mentions ----------------------------------------------------------------
    def mention_args(self, idx: int) -> list[Slot]:
        m = self.sm.mentions[idx]
        n = m.count if m.is_collective else max(1, len(m.ids))
        return [Arg(idx, k) for k in range(n)]

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

    def is_affiliation(self, idx: int) -> bool:
        return any(lk.parent == idx for lk in self.sm.links)

    def is_place(self, a: Slot) -> bool:
        """A territory or waters (カシミール, 南シナ海): where acts happen, rarely a party to them."""
        if isinstance(a, Known):
            return a.id in self.lex.places
        if not isinstance(a, Arg):
            return False
        m = self.sm.mentions[a.mention]
        return bool(m.ids) and m.kind != "collective" and m.ids[a.member] in self.lex.places

    def arg_type(self, a: Slot) -> ActorType | None:
        if isinstance(a, Known):
            return self.lex.actors[a.id].type if a.id in self.lex.actors else None
        if not isinstance(a, Arg):
            return None
        m = self.sm.mentions[a.mention]
        if m.ids and m.kind != "collective":
            return self.lex.actors[m.ids[a.member]].type if m.ids[a.member] in self.lex.actors else m.type
        return m.type

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

    # -- actors of a phrase ---------------------------------------------------
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
            return mention_actors(self, idx, seen)
        if tok.lemma_ in ("等", "など"):
            # ハマス等による攻撃: 等 heads the phrase and stands for those listed before it
            listed = [
                a
                for ch in tok.children
                if ch.dep_ in ("compound", "nmod") and ch.i < tok.i
                for a in self.phrase_actors(ch, seen, genitive=False)
            ]
            if listed:
                return unique(listed)
        trig = self.trigger_of(tok)
        if trig is not None:
            return event_parties(self, tok, trig, seen)
        named = group_members(self, tok, seen)
        if named:
            return unique(named)
        if tok.pos_ in ("NOUN", "PROPN") and (
            tok.text in self.lex.titles or compounded(tok) in self.lex.titles or tok.lemma_ in self.lex.anonymous_agents
        ):
            # 中国外務省の報道官, 米政府高官: an unnamed official speaks for the body
            genitive = True
        if genitive and depth > 0 and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return unique(owners(self, tok, seen, depth))
        if genitive and tok.pos_ in ("NOUN", "PROPN"):
            # 日本と地域の平和: an owner named beside a noun owner is as near as the noun
            return unique(coordinated(self, tok, seen))
        return []

    # -- triggers and the predicate ---------------------------------------------
    def trigger_of(self, tok) -> Trigger | None:
        if tok.i not in self._triggers:
            self._triggers[tok.i] = _find_trigger(self, tok)
        return self._triggers[tok.i]

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

    def passive(self, v) -> bool:
        return any(c.dep_ in ("aux", "aux:pass") and c.lemma_ in ("れる", "られる") for c in v.children)

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
        nodes, base = own_nodes(self, tok, shallow=shallow)
        exclude = {n.i for n in nodes}
        # (the phrases below a noun first: reading its own dependents marks them as seen)
        for node in nodes:
            if node.pos_ in ("NOUN", "PROPN"):
                collect_deep(self, node, fr, seen)
        for node in nodes:
            collect(self, node, fr, exclude, seen)
        left_source(self, tok, fr, seen)
        fr.passive = self.passive(tok)
        if not shallow:
            carry(self, tok, base, fr, exclude, seen)
            fr.fallback = climb_subjects(self, base, directed=not trig.type.symmetric)
        fr.assign(trig.type, genitive_is_target=trig.needs == Needs.RISE, things_object=trig.object_is_thing)
        if trig.type == RelationType.MEETING and not trig.visit and self._venue(fr.compounds):
            # マルタ会談, ミュンヘン会談: one state before a meeting noun is where it met, not who met
            fr.sources, fr.targets, fr.partners = (
                [a for a in slot if a not in fr.compounds] for slot in (fr.sources, fr.targets, fr.partners)
            )
        return fr

    def is_envoy(self, a: Slot) -> bool:
        """Whether ``a`` is a person titled an ambassador or envoy (孔鉉佑駐日大使)."""
        if not isinstance(a, Arg) or self.arg_type(a) != ActorType.PERSON:
            return False
        title = self.sm.mentions[a.mention].title or ""
        return title.endswith(ENVOY_TITLES)

    def _venue(self, compounds: list[Slot]) -> bool:
        """Whether the actors compounded with a meeting noun are one state alone (マルタ会談)."""
        return len(members(compounds)) == 1 and all(self.arg_type(a) == ActorType.COUNTRY for a in compounds)

    # -- the quote and the speaker ---------------------------------------------------
    def in_quote(self, tok) -> bool:
        return any(qs <= tok.idx < qe for qs, qe in self.quotes)

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

    def speaker_before(self, start: int) -> list[Slot]:
        """Xは「…」と述べた where GiNZA cut the quote into sentences of its own:
        the last は/が-marked phrase before the quote, outside any quote — its actors, or
        none when that phrase names no actor we know (外務省幹部も「…」と)."""
        for k in range(start - 1, -1, -1):
            tok = self.doc[k]
            if self.in_quote(tok) or particles(tok) not in AGENT or tok.dep_ in ("case", "fixed"):
                continue
            if tok.dep_ not in ("nsubj", "dislocated", "obl", "nmod", "compound", "ROOT", "advcl", "conj"):
                continue
            idx = self.sm.index_at(k)
            if idx is not None and self.sm.mentions[idx].is_collective:
                continue
            return self.phrase_actors(tok, genitive=False)
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
                if idx is None and self.lex.title_role(ch.lemma_) is not None:
                    # ペルーの外相から、…: a title with no name speaks for the state it is of
                    owners = self.phrase_actors(ch, genitive=True)
                    if owners:
                        return owners
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return self._speaker_set_off(tok) or quoted_speaker(self, tok)

    def _speaker_set_off(self, tok) -> list[Slot]:
        """茂木大臣から、イランが…ことへの懸念を伝え: GiNZA may hang the speaker on a clause
        inside what is said; a person marked から and set off by a comma still speaks."""
        for idx, m in enumerate(self.sm.mentions):
            head = self.mention_head(m)
            if m.type != ActorType.PERSON or head.i >= tok.i or particles(head) not in _SPEAKER_MARKS:
                continue
            k = head.i + 1
            while k < len(self.doc) and self.doc[k].dep_ in ("case", "fixed"):
                k += 1
            if self.in_quote(head):
                continue
            # (or hung on the noun after it: 森外務次官から|孔鉉佑駐日大使に対して)
            if (k < len(self.doc) and self.doc[k].text in "、，,") or (
                head.dep_ == "nmod" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN")
            ):
                return self.mention_args(idx)
        return []


def _what_a_body_is(r: Reader, tok) -> bool:
    if not any(c.dep_ == "cop" for c in tok.children):
        return False
    subjects = [r.sm.index_at(c.i) for c in tok.children if c.dep_ == "nsubj"]
    return any(i is not None and r.sm.mentions[i].type == ActorType.ORGANIZATION for i in subjects)


def _treaty_word(r: Reader, tok, pos: tuple[str, ...]) -> bool:
    """Whether ``tok`` is a treaty trigger word used as ``pos``: a verb that concludes one
    (結ぶ, 締結), or a noun that names one (条約, 協定)."""
    trig = r.lex.triggers.get(tok.lemma_)
    return trig is not None and trig.type == RelationType.TREATY and tok.pos_ in pos


def _find_trigger(r: Reader, tok) -> Trigger | None:
    """The trigger ``tok`` is, unless a compound, a name or a use makes it none."""
    if r.sm.index_at(tok.i) is not None:
        return None
    # 合同|軍事|演習, 輸出|規制: a compound noun may be a trigger as a whole, and
    # then its first parts are not triggers of their own.
    if (
        tok.dep_ == "compound"
        and r.compound_trigger(tok.head) is not None
        and tok.i < tok.head.i
        and all(r.doc[k].dep_ == "compound" for k in range(tok.i, tok.head.i))
    ):
        return None
    if tok.dep_ == "compound" and tok.head.i == tok.i + 1 and tok.head.text in r.lex.non_trigger_heads:
        return None  # 紛争|当事者, 紛争|地域: the compound names a party or a place, not the act
    if tok.dep_ == "compound" and tok.i < tok.head.i and _treaty_word(r, tok.head, ("NOUN", "PROPN")):
        return None  # 中ソ友好|同盟|相互援助|条約: a word in a treaty's name is no act of its own
    if tok.i + 1 < len(r.doc) and r.doc[tok.i + 1].text == "的":
        return None  # 報復|的, 挑発|的: an adjective of manner names no act
    trig = r.compound_trigger(tok)
    if trig is None:
        # (by its normalised form last: 申入れ is 申し入れ, 呼び掛け is 呼びかけ)
        trig = r.lex.triggers.get(tok.lemma_) or r.lex.triggers.get(tok.text) or r.lex.triggers.get(tok.norm_)
    if trig is None:
        return None
    if tok.i > 0 and r.doc[tok.i - 1].dep_ == "compound":
        # 貿易紛争, 情報戦: a compound that names no act of the ontology
        if r.doc[tok.i - 1].text + tok.text in r.lex.non_triggers:
            return None
    if trig.noun_only and tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if trig.type == RelationType.COOPERATION and tok.dep_ == "obj" and _treaty_word(r, tok.head, ("VERB",)):
        return None  # 軍事同盟を結んだ: the alliance is what is concluded, a treaty, not an act besides
    if trig.type == RelationType.COOPERATION and _what_a_body_is(r, tok):
        return None  # NATOは、北米と欧州の軍事同盟である: what the body is, not an act of it
    if trig.verb_only and not (tok.pos_ == "VERB" or any(c.lemma_ == "する" for c in tok.children)):
        return None
    return trig
