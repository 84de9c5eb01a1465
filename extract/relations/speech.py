"""Reported speech: 「…」と指摘する, …と述べた, …について語った.

The speaker comments_on the actors of what is said; a demand (…べきだ) is a
request of the actor who must act. A clause reporting the speaker's own act
(追加関税を課すと表明した) is that act, found by the event rules, not a comment:
so this family reads the candidates the families before it found.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon
from ..types import Modality, RelationType
from .acts import agents_in
from .cues import Cues
from .emit import emit
from .frames import Reader
from .particles import ABOUT, AGENT, ATTRIBUTION, COMPARE, particles, postposed
from .phrases import only_possessor
from .slots import TOPIC, Candidate, Confidence, Slot, unique
from .subjects import climb_subjects

__all__ = ["cues", "speech"]


# (…という / …といった: mostly a name, a hearsay or a list, not someone speaking. 言う is
# a cue only written in kanji; its lemma and its normal form are 言う either way)
_WEAK_CUES = frozenset({"いう", "言う"})
_SAYING = frozenset({"言っ", "言い", "言わ", "言え"})


def cues(lex: Lexicon) -> Cues:
    return Cues.of_words((lex.speech_verbs - _WEAK_CUES) | _SAYING)


def speech(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    """Every speech verb with what is said."""
    for tok in r.doc:
        if tok.lemma_ in r.lex.speech_verbs or tok.text in r.lex.speech_verbs:
            yield from _speech(r, tok, earlier)


def _speech(r: Reader, tok, earlier: Sequence[Candidate]) -> Iterator[Candidate]:
    """「…」と指摘する: the speaker comments_on the actors of the quote."""
    if r.passive(tok) or r.sm.index_at(tok.i) is not None or _hearsay(r, tok):
        return
    complements = _said(tok)
    about = [c for c in tok.children if particles(c) in ABOUT] + [c for c, p in postposed(tok) if p in ABOUT]
    lemma = tok.lemma_ if tok.lemma_ in r.lex.speech_verbs else tok.text
    if not complements and (lemma in r.lex.quote_only_speech or not about):
        return
    # 懸念を表明: the object is a trigger noun, handled as that relation.
    if any(c.dep_ == "obj" and r.trigger_of(c) is not None for c in tok.children):
        return
    span: set[int] = {t.i for c in complements for t in c.subtree}
    span |= r.quote_tokens(span)
    quoted = _closing_quote(r, complements)
    if quoted:
        # Xは「…」と指摘した, GiNZA hanging Xは inside the quote: what comes before the quote
        # frames it (the speaker, what it is about); only the quote is what is said
        framing = [r.doc[i] for i in span if i < min(quoted)]
        about += [t for t in framing if particles(t) in ABOUT and t.head.i not in span - quoted]
        span = {i for i in span if i >= min(quoted)}
    speaker, conf = _speaker(r, tok, span)
    raised = _raised_topic(r, complements) if speaker == [TOPIC] else None
    if raised is not None:
        speaker, conf = raised
    if not complements and about and _states_an_act(about, tok, speaker, earlier):
        return  # …について、ASEANの取組を支持する旨述べた: the act stated, found before, is what was said
    called = _called(r, tok, complements)
    # (AはBをCとみなす says what B is, not what A did)
    self_report = raised is None and not called and _reports_own_act(r, complements, span, speaker, earlier)
    named = called + _named(r, span, about, self_report=self_report)
    # (a sea or a strait is what is spoken about, not an actor commented on: 南シナ海に関する声明)
    targets = [a for a in unique(named) if a not in speaker and not r.is_place(a)]
    pred = r.predicate_text(tok)
    if any(r.doc[i].lemma_ == "べき" or r.doc[i].text == "べき" for i in span):
        # 「安保理は制裁を見直すべきだ」と主張: a demand on the actor who must act.
        agents = agents_in(r, span)
        if agents:
            yield from emit(r, RelationType.REQUEST, speaker, agents, tok, pred, Modality.ASSERTED, conf)
            return
    yield from emit(r, RelationType.COMMENTS_ON, speaker, targets, tok, pred, Modality.ASSERTED, conf)


def _states_an_act(about: list, tok, speaker: list[Slot], earlier: Sequence[Candidate]) -> bool:
    """Whether the speaker's own act, found by a family before, lies between what the
    statement is about and its verb."""
    start = min(c.i for c in about)
    return any(start < c.token < tok.i and set(c.sources) & set(speaker) for c in earlier)


def _hearsay(r: Reader, tok) -> bool:
    """…したという。: a sentence ending in という reports what is said to have happened;
    nobody in it is speaking."""
    nxt = r.doc[tok.i + 1].text if tok.i + 1 < len(r.doc) else "。"
    return tok.text == "いう" and nxt in ("。", "．", "」", "』", ")", "）")


def _closing_quote(r: Reader, complements: list) -> set[int]:
    """The tokens of a 「…」 that ends right before a complement's と, or none."""
    for c in complements:
        marks = [k for k in c.children if k.dep_ == "case" and k.text == "と" and k.i > 0]
        for k in marks:
            close = r.doc[k.i - 1]
            if close.text not in "」』":
                continue
            for qs, qe in r.quotes:
                if qe == close.idx + len(close.text):
                    return {t.i for t in r.doc if qs <= t.idx < qe}
    return set()


def _said(tok) -> list:
    """The clauses of what is said: those ending in と (…ていると, …だと, 「…」と)."""
    return [
        c
        for c in tok.children
        if particles(c).endswith(("と", "とは"))
        and c.dep_ in ("advcl", "ccomp", "obl", "nmod", "xcomp", "nsubj", "obj", "dislocated", "acl", "conj")
        and not particles(c).endswith(("とと", "ととは"))
    ]


def _speaker(r: Reader, tok, span: set[int]) -> tuple[list[Slot], float]:
    """Who speaks, and how surely: the verb's subject, the actor before a quote cut off
    from it, the subject of a clause above, else the previous sentences' topic."""
    speaker = [
        a
        for c in tok.children
        if c.dep_ in ("nsubj", "dislocated") and particles(c) in AGENT | {""}
        for a in r.phrase_actors(c, genitive=False)
    ]
    if not speaker and span:
        speaker = r.speaker_before(min(span))
    if not speaker:
        speaker = climb_subjects(r, tok) or r.speaker_from(tok)  # (上川大臣から、…旨述べました)
    if not speaker and any(
        c.dep_ in ("nsubj", "dislocated") and particles(c) in ("は", "が", "も") for c in tok.children
    ):
        return [], Confidence.SPEECH  # スポーツニッポンは…と指摘した: a speaker, though no actor we know
    if not speaker:
        return [TOPIC], Confidence.CARRIED_SPEAKER
    return speaker, Confidence.SPEECH


def _called(r: Reader, tok, complements: list) -> list[Slot]:
    """AはBをCとみなす / 呼ぶ: the one said to be something is commented on."""
    if not complements:
        return []
    objects = [c for c in tok.children if c.dep_ == "obj" and particles(c) == "を"]
    # (GiNZA may hang Bを on the noun it is said to be: タンザニア政府を|傀儡であると考えた)
    objects += [
        k
        for c in complements
        if any(g.dep_ == "cop" for g in c.children)
        for k in c.children
        if k.dep_ == "obj" and k.i < c.i and particles(k) == "を"
    ]
    return [a for c in objects for a in r.phrase_actors(c, genitive=False)]


def _raised_topic(r: Reader, complements: list) -> tuple[list[Slot], float] | None:
    """ケニアは、タンザニアをソマリアの傀儡であると考えた: GiNZA may hang the は-topic on
    the clause said, but a は-topic before a を-object there is the one who says it of that
    object (AはBをCとみなす)."""
    for c in complements:
        kids = sorted(c.children, key=lambda k: k.i)
        topic = next((k for k in kids if k.dep_ == "nsubj" and particles(k) == "は"), None)
        if topic is None or not any(k.dep_ == "obj" and particles(k) == "を" and k.i > topic.i for k in kids):
            continue
        actors = r.phrase_actors(topic, genitive=False)
        if actors:
            return actors, Confidence.SPEECH
    return None


def _reports_own_act(
    r: Reader, complements: list, span: set[int], speaker: list[Slot], earlier: Sequence[Candidate]
) -> bool:
    """追加関税を課すと表明した: an indirect clause with no subject of its own reports
    the speaker's own act, which is a relation, not a comment; 「中国に自制を求める」と
    述べた: a quote of the speaker's own act, found by a family before, too."""
    quoted = bool(r.quote_tokens(span))
    unsubjected = not quoted and not any(
        ch.dep_ in ("nsubj", "dislocated") and not _is_self(r, ch, speaker) for c in complements for ch in c.children
    )
    return unsubjected or any(
        c.token in span and (set(c.sources) & set(speaker) or (TOPIC in c.sources and quoted)) for c in earlier
    )


def _named(r: Reader, span: set[int], about: list, *, self_report: bool) -> list[Slot]:
    """The actors what is said is about: those named in it (only its について phrases when
    it reports the speaker's own act), and the verb's について phrases."""
    targets: list[Slot] = []
    for idx, m in enumerate(r.sm.mentions):
        if m.start not in span:
            continue
        head = r.mention_head(m)
        if self_report and _phrase_particle(head) not in ABOUT:
            continue
        if particles(head) in COMPARE or particles(head).startswith(ATTRIBUTION):
            continue
        if only_possessor(r, head):
            continue
        if r.is_affiliation(idx):
            continue
        targets += r.mention_args(idx)
    for c in about:
        targets += r.phrase_actors(c)
    return targets


_SELF_WORDS = frozenset({"自ら", "自分", "自国", "我々", "私", "われわれ", "自身"})


def _is_self(r: Reader, tok, speaker: list[Slot]) -> bool:
    if tok.lemma_ in _SELF_WORDS:
        return True
    args = r.phrase_actors(tok, genitive=False)
    return bool(args) and all(a in speaker for a in args)


def _phrase_particle(tok) -> str:
    """The particle of the phrase a token sits in: 北朝鮮|問題|について → について."""
    for _ in range(4):
        p = particles(tok)
        if p and p != "の":
            return p
        if tok.dep_ not in ("compound", "nmod") or tok.head.i == tok.i:
            return p
        tok = tok.head
    return particles(tok)
