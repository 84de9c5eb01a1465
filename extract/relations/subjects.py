"""Carried subjects: who acts when the clause of a trigger names no one.

Japanese drops a subject that the sentence has already given: in a clause
above (締結すると合意した: 合意's subject), in an earlier clause of the same
sentence (岸田首相は訪米し、…会談した), as the sentence's opening は-topic.
Each function here reads one such place for the actors standing there;
:func:`main_clause` says whether a trigger may take the previous sentence's
subject instead (the document fills that in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import Modality, RelationType
from .arguments import together_with
from .asking import asks
from .particles import AGENT, AS, BEFORE_AFTER, WITH, bare, particles, postposition_verb
from .slots import Slot

if TYPE_CHECKING:
    from .frames import Reader

__all__ = [
    "agreed_with",
    "climb_subjects",
    "coagents_of",
    "earlier_subject",
    "headline_subject",
    "main_clause",
    "sentence_topic",
    "shared_subject",
]

# The dependencies a subject is climbed through to the clause above.
_CLIMBED = ("advcl", "acl", "ccomp", "xcomp", "conj", "compound", "nmod", "dep")


_ASPECT_VERBS = frozenset({"まいる", "参る", "いく", "行く", "くる", "来る", "おる", "いる", "いただく"})
_ASPECT = frozenset({"ていく", "ている", "てきた", "てくる", "ておる", "てまいる", "ていき"})
# (…を表明したうえで、…否定した / …と連携しながら、…求める: one subject does both in turn)
_SAME_SUBJECT = frozenset({"うえで", "上で", "ながら", "つつ", "と共に", "とともに"})


def main_clause(r: Reader, tok) -> bool:
    # Only a trigger of the main clause inherits the previous sentence's subject.
    trig = r.trigger_of(tok)
    protest = trig is not None and trig.type == RelationType.CRITICISM
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return True
        if cur.dep_ == "advcl" and protest and not asks(cur) and asks(cur.head):
            # 中国側に抗議し、…退去するよう求めた: GiNZA hangs the protest on the clause asked for
            cur = cur.head.head
            continue
        p = particles(cur)
        # …を攻撃したと発表した: the complement of a subjectless speech verb
        # shares its dropped subject.
        if (
            cur.dep_ in ("acl", "nmod", "advcl", "csubj")
            and p not in ("", "は", "が", "に", "には", "を")
            and p not in _ASPECT  # (連携していくこと: an aspect, not a subordinate clause)
            # (連携して|まいります: GiNZA may make the aspect verb the head)
            and not (p == "て" and cur.head.lemma_ in _ASPECT_VERBS)
            and not (cur.dep_ == "advcl" and p in _SAME_SUBJECT)
            and not (p.endswith("と") and cur.head.lemma_ in r.lex.speech_verbs)
            # 武器供与の方針を表明: the noun after の only carries the act (遺憾の意, 支援の意向)
            and not (p == "の" and cur.head.lemma_ in r.lex.transparent_nouns)
        ):
            return False
        # (…を悪化させるものであり: a clause saying what the act just named is, not anyone's act)
        if cur.dep_ == "acl" and cur.head.lemma_ in ("もの", "物") and any(c.dep_ == "cop" for c in cur.head.children):
            return False
        # 攻撃を停止し…撤収するよう求める: what is asked of someone else is their act (but
        # 中国側に抗議し、…求めた: a protest before the asking is the asker's own)
        if cur.dep_ == "advcl" and cur.head.lemma_ in r.lex.hedging_verbs and not (protest and not asks(cur)):
            return False
        # …への供与を巡り、米国を非難: what the clause is about is not the subject's own act
        if postposition_verb(cur):
            return False
        cur = cur.head
    return True


def shared_subject(r: Reader, tok) -> list[Slot]:
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
                args = _clause_subject(r, ch)
                if args:
                    return args
            clauses = [g for c in clauses for g in sorted(c.children, key=lambda x: -x.i) if g.i < tok.i]
        if node.head.i == node.i:
            break
        node = node.head
    return headline_subject(r)


def headline_subject(r: Reader) -> list[Slot]:
    """ルト大統領、ソマリアを非難 / ケニア、ソマリアに制裁: a headline (no 。) opens with its
    actor set off by 、 and no particle; that actor does what the headline says."""
    doc = r.doc
    if not len(doc) or doc[-1].text == "。" or any(particles(t) in ("は", "が") for t in doc):
        return []
    first = next((i for i, m in enumerate(r.sm.mentions) if not m.is_collective), None)
    if first is None:
        return []
    m = r.sm.mentions[first]
    if any(t.pos_ not in ("PUNCT", "SYM", "SPACE") for t in doc[: m.start]):
        return []
    chosen = [first]  # (ケニアとソマリア、国境で衝突: the pair)
    while m.end + 1 < len(doc) and doc[m.end].text in ("と", "・"):
        nxt = r.sm.index_at(m.end + 1)
        if nxt is None:
            break
        chosen.append(nxt)
        m = r.sm.mentions[nxt]
    if m.end >= len(doc) or doc[m.end].text != "、" or particles(r.mention_head(m)) not in ("", "、"):
        return []
    after = r.sm.index_at(m.end + 1)
    if after is not None and particles(r.mention_head(r.sm.mentions[after])) in ("", "、", "と", "や"):
        return []  # (ケニア、ソマリア、エチオピア…: a list, not a subject)
    return [a for i in chosen for a in r.mention_args(i)]


def _clause_subject(r: Reader, clause) -> list[Slot]:
    """The first subject of ``clause`` that names actors."""
    for sub in clause.children:
        if (sub.dep_ in ("nsubj", "dislocated") and particles(sub) in ("は", "が", "も")) or (
            sub.dep_ == "obl" and particles(sub) in ("では", "の間では") and r.sm.index_at(sub.i) is not None
        ):  # (両国間では対立が激化し、…国交を断絶した: the two)
            if r.sm.index_at(sub.i) is None and r.trigger_of(sub) is not None:
                continue  # ロシアによる侵攻は…ものであり、…非難し: an act as topic is no one's subject
            args = r.phrase_actors(sub, genitive=False)
            if args:
                return args
    return []


# Nouns for doers left unnamed: a relative clause on one is that doer's act, not the topic's.
# fmt: off
_UNNAMED_DOERS = frozenset({
    "国", "国々", "諸国", "国家", "勢力", "組織", "団体", "集団", "人物", "者", "人々", "指導者", "企業",
    "部隊", "軍", "兵士", "民兵",
})
# fmt: on


def _noun_right_after(r: Reader, clause):
    """…侵略を支援しているベラルーシに対する制裁措置: a relative clause modifies the
    noun right after it, though GiNZA hangs it on the phrase's last noun."""
    after = clause.right_edge.i + 1
    if after >= clause.head.i or r.sm.index_at(after) is None:
        return None
    if clause.doc[after - 1].pos_ == "PUNCT" or clause.doc[after - 1].text in ("て", "で", "し"):
        return None  # (…を転換し、ウクライナへの…: a clause joined, not a noun modified)
    gap = clause.doc[after]
    if bare(particles(gap)) in ("の", "による", "によって"):
        return None  # (…を始めとするロシアによる動き: it may modify the noun after)
    return gap


def climb_subjects(r: Reader, tok, *, directed: bool = False) -> list[Slot]:
    """Subjects of the clauses above the trigger (締結すると合意した → 合意's subject).

    A relative clause with no subject of its own is about the noun it
    modifies (会談した後の…臨むプーチン大統領と金正恩総書記): that noun fills the gap.
    """
    cur = tok
    if tok.lemma_ in BEFORE_AFTER or (tok.dep_ in ("compound", "nmod") and tok.head.lemma_ in BEFORE_AFTER):
        # ルラ大統領は会談後、…米国とEUが…と批判: the talks are the topic's, whichever clause
        # GiNZA hangs 会談後 on
        return sentence_topic(r, tok)
    for _ in range(5):
        # (アンゴラを支援するため部隊を派遣した: an act done for a purpose states the purpose as
        # the subject's own; GiNZA hangs it on ため, an oblique of the verb)
        purpose = cur.dep_ == "acl" and cur.head.lemma_ in _PURPOSE and cur.head.dep_ in ("obl", "advcl")
        if purpose:
            cur = cur.head
        if cur.head.i == cur.i or not (purpose or _climbs(r, cur, directed=directed)):
            return []
        if cur.dep_ == "acl" and r.sm.index_at(cur.head.i) is not None:
            return r.phrase_actors(cur.head, genitive=False)
        if cur.dep_ == "acl" and (gap := _noun_right_after(r, cur)) is not None:
            return r.phrase_actors(gap, genitive=False)
        if cur.dep_ == "acl" and cur.head.lemma_ in _UNNAMED_DOERS:
            return []  # 中国は台湾と断交した国に…: the clause's doer is the noun it modifies
        if cur.dep_ == "dep" and r.sm.index_at(cur.head.i) is not None and particles(cur.head) in AGENT | AS:
            # GiNZA sometimes makes the topic the head of the clause (我が国は…連携し, 我が国としては…)
            return r.phrase_actors(cur.head, genitive=False)
        came_from = cur
        cur = cur.head
        if r.passive(cur):
            return []  # …支援を始めれば、日本や韓国は対応を迫られる: that subject undergoes, it does not act
        for ch in cur.children:
            if ch.i == came_from.i:
                continue
            if ch.dep_ in ("nsubj", "dislocated", "nsubj:pass") and particles(ch) in AGENT | {""}:
                # 北朝鮮による一連の行動は…脅かす: the agent of a non-actor subject
                args = r.phrase_actors(ch, genitive=True)
                if args:
                    return args + coagents_of(r, cur)
                if particles(ch) in ("が", "は"):
                    return []  # the clause has a subject of its own, not an actor
            if ch.dep_ in ("obl", "advcl") and particles(ch) in AS and r.sm.index_at(ch.i) is not None:
                # 我が国としては、…支援を継続してまいります: the state acting in its own name
                return r.phrase_actors(ch, genitive=False)
    return []


_PURPOSE = frozenset({"ため", "為"})


def _climbs(r: Reader, cur, *, directed: bool) -> bool:
    """Whether the subject of the clause above ``cur`` is also its clause's."""
    # Not through the object of another verb (支援を求めた: the asker is not
    # the giver), except nouns that take a clause (支援を行う用意がある).
    if postposition_verb(cur.head):
        return False  # …への供与を巡り、米国を非難: what the clause is about is not the subject's act
    if _grounds_given(cur):
        return False  # RSFに武器を供給したとして、…に制裁を科した: the deed is the one punished's
    takes_clause = cur.dep_ in ("nsubj", "obj") and _clause_noun(r, cur)
    # 働きかけを重視する: the subject of a plain verb does what its object names;
    # that of a trigger verb (求める, 非難) does not.
    plain_object = cur.dep_ == "obj" and r.trigger_of(cur.head) is None and cur.head.lemma_ not in r.lex.speech_verbs
    # 北朝鮮制裁に違反し: the one who breaks the sanctions did not impose them;
    # for a directed act an oblique is climbed only into a light verb
    # (支援に乗り出す); the parties of a meeting or treaty may sit higher up.
    light_oblique = cur.dep_ == "obl" and (not directed or cur.head.lemma_ in r.lex.light_verbs)
    if cur.dep_ not in _CLIMBED and not takes_clause and not plain_object and not light_oblique:
        return False
    # …を援助することを控えるよう促す: what is asked is the addressee's act
    return not (cur.dep_ == "advcl" and cur.head.lemma_ in r.lex.hedging_verbs)


def _grounds_given(cur) -> bool:
    """…したとして(、): a past deed given as the grounds of what the subject does to another."""
    p = particles(cur)
    as_grounds = p.endswith("として") or (p.endswith("と") and cur.head.lemma_ == "する" and cur.head.dep_ == "advcl")
    return cur.dep_ == "advcl" and as_grounds and any(c.dep_ == "aux" and c.text == "た" for c in cur.children)


def _clause_noun(r: Reader, tok) -> bool:
    h = r.lex.hedges
    return tok.lemma_ in h[Modality.HEDGED] or tok.lemma_ in h[Modality.HYPOTHETICAL]


def coagents_of(r: Reader, verb) -> list[Slot]:
    """米欧や中国とともに…つくってきた: those acting together with the subject."""
    return [
        a
        for ch in verb.children
        if ch.lemma_ in ("とも", "共", "一緒") and particles(ch) == "に"
        for a in together_with(r, ch)
    ]


def earlier_subject(r: Reader, tok) -> list[Slot]:
    """The は-subject of a clause hung on ``tok`` before it (東ドイツは…加盟、…併合された)."""
    for ch in sorted(tok.children, key=lambda c: c.i):
        if ch.i >= tok.i or ch.dep_ not in ("obl", "advcl", "conj", "nmod"):
            continue
        for sub in ch.children:
            if sub.dep_ in ("nsubj", "dislocated") and particles(sub) in ("は", "が"):
                args = r.phrase_actors(sub, genitive=False)
                if args:
                    return args
    return []


def sentence_topic(r: Reader, tok) -> list[Slot]:
    """岸田総理大臣は、…、今般の攻撃を深く懸念し、…: the actor a sentence opens with
    (marked は) speaks for every predicate after it that names no speaker."""
    for idx, m in enumerate(r.sm.mentions):
        if m.end > tok.i or (m.is_collective and not m.count):
            continue
        head = r.mention_head(m)
        if head.i >= tok.i or particles(head) not in ("は", "では", "からは", "としては"):
            continue
        if r.in_quote(r.doc[m.start]):
            continue
        if r.is_affiliation(idx):
            continue
        return r.mention_args(idx)
    return _topic_phrase(r, tok) or headline_subject(r)


def _topic_phrase(r: Reader, tok) -> list[Slot]:
    """フランスとドイツの首脳は、…: a は-topic headed by a word for those who speak for a state
    (首脳, 政府, a title) speaks for the actors it is of; ロシアによる決定は does not."""
    for t in r.doc[: tok.i]:
        if r.sm.index_at(t.i) is not None or t.dep_ not in ("nsubj", "dislocated"):
            continue
        if r.lex.title_role(t.lemma_) is None and t.lemma_ not in r.lex.state_alias_suffixes:
            continue
        if particles(t) not in ("は", "では", "からは", "としては") or r.in_quote(t):
            continue
        args = r.phrase_actors(t, genitive=True)
        if args:
            return args
    return []


# Verbs of agreeing on a clause (…を非難することで一致, …を支援することで合意).
_AGREEING = frozenset({"一致", "合意"})


def agreed_with(r: Reader, tok) -> tuple[object, list[Slot]] | None:
    """The verb of agreeing an act is the content of, and those it names the agreement with
    (ブラジルはアルゼンチンと、…を非難することで一致した: Argentina criticises too); None
    when the act is not what is agreed."""
    node = tok
    if node.dep_ == "acl" and node.head.lemma_ in ("こと", "事"):
        node = node.head
    verb = node.head
    # (…ことで一致をし: the agreement a noun, the object of a light する)
    light = verb.lemma_ in ("する", "行う", "いたす", "致す") and any(
        c.dep_ == "obj" and c.lemma_ in _AGREEING for c in verb.children
    )
    if node.i == verb.i or not (verb.lemma_ in _AGREEING or light) or node.dep_ not in ("obl", "advcl", "obj", "nmod"):
        return None
    return verb, [a for ch in verb.children if bare(particles(ch)) in WITH for a in r.phrase_actors(ch, genitive=False)]
