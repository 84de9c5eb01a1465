"""Events: a trigger word (data/triggers.json) with its argument frame.

Treaties, cooperation, meetings, support, sanctions, threats, criticism,
requests and attacks: the trigger's agents become sources and its patients,
targets and partners targets; symmetric types pair every party; a mediator
meets each party; a mutual act (戦闘) goes both ways; a bare act noun with no
target refers back to the same kind of act just described.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..actors import TARGET_PREFIXES
from ..lexicon import Lexicon, Needs, Trigger
from ..types import ActorType, Modality, RelationType
from .about import chained_about, clause_actors, grounds, pointed_objects, protested_before, punished_for, said_about
from .acts import (
    acts_as_subject,
    agents_below,
    agents_in,
    aid_cut_off,
    aimed_in,
    announced_to,
    bare_act,
    doers,
    each_other,
    names_a_weapon,
    prohibited,
    referred_act,
    stated_as_done,
    topic_doers,
)
from .asking import asked, asked_of_someone, asked_of_two, asks, asks_for
from .cues import Cues
from .emit import emit
from .envoys import summoned
from .frames import Reader
from .goods import origins
from .meetings import loose_partners, met_at, met_before, named_states
from .membership import leaves_body
from .modality import modality
from .mutual import also_did, both_sides
from .needs import needs_met
from .particles import DATIVE, TARGET, particles
from .slots import (
    ANAPHOR,
    REACTED,
    SPEAKER,
    TOPIC,
    VOICE,
    Arg,
    Candidate,
    Confidence,
    Frame,
    Penalty,
    Slot,
    members,
    unique,
)
from .subjects import agreed_with, climb_subjects, earlier_subject, main_clause, sentence_topic, shared_subject

__all__ = ["cues", "events"]

# Acts whose bare noun refers back to the same act just described (event anaphora).
_ANAPHORIC = frozenset({RelationType.SANCTION, RelationType.SUPPORT, RelationType.ATTACK})
# Acts others join, marked も with no target of their own (英国も非難した): aimed where the last one was.
_JOINED = _ANAPHORIC | {RelationType.CRITICISM, RelationType.THREAT}
# Answering force with force (応戦, 反撃, 報復): with no target named, aimed at who attacked.
_COUNTERS = frozenset({"応戦", "反撃", "報復"})
# Acts whose doer may be given by what the subject describes (…したことは…脅威である).
_ACTS_BY_SUBJECT = frozenset({RelationType.THREAT, RelationType.ATTACK})
# What is said to someone about what they do: the target is the doer of the act described.
_SPEECH_ACTS = frozenset({RelationType.CRITICISM, RelationType.REQUEST, RelationType.COMMENTS_ON})


def cues(lex: Lexicon) -> Cues:
    return Cues.of_words(lex.triggers)


def events(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    """Every trigger of the sentence with its frame; an act threatened (…を攻撃すると脅した)
    is the threat's, not an act of its own."""
    threatened = _threatened(r)
    for tok in r.doc:
        if tok.i in threatened:
            continue
        trig = r.trigger_of(tok)
        if trig is not None:
            yield from _event(r, tok, trig, threatened=[t for t, by in threatened.items() if by == tok.i])


def _threatened(r: Reader) -> dict[int, int]:
    """The act tokens in the と-clause of a threat verb (脅す, 警告): act → threat."""
    out: dict[int, int] = {}
    for tok in r.doc:
        trig = r.trigger_of(tok)
        if trig is None or trig.type != RelationType.THREAT or tok.pos_ != "VERB":
            continue
        for c in tok.children:
            if c.dep_ in ("advcl", "ccomp", "obl") and particles(c).endswith("と"):
                for t in c.subtree:
                    inner = r.trigger_of(t)
                    if inner is not None and inner.type in (RelationType.ATTACK, RelationType.THREAT):
                        out[t.i] = tok.i
    return out


def _event(r: Reader, tok, trig: Trigger, *, threatened: Sequence[int] = ()) -> Iterator[Candidate]:
    """One trigger read as the kind of act it is: refused, mediated, mutual, symmetric or directed."""
    fr = _frame(r, tok, trig, threatened)
    if not needs_met(r, tok, trig, fr) or prohibited(tok, trig.type) or names_a_weapon(r, tok, trig.type):
        return
    if fr.has_subject:
        fr.fallback = []
    elif not fr.fallback:
        fr.fallback = shared_subject(r, tok)
    if not (fr.fallback or fr.has_subject or fr.sources) and trig.type == RelationType.MEETING and not asked(r, tok):
        fr.fallback = sentence_topic(r, tok)  # (石破総理は、…訪日中のルト大統領と会談: the topic meets)
    mood = modality(r, tok, trig)
    trig, mood = aid_cut_off(r, tok, trig, mood, fr)  # (援助を中断: a sanction, CAMEO 162)
    if trig.needs == Needs.REFUSAL:
        # 断じて容認できない: refusing to accept is the criticism; accepting is none
        if mood != Modality.NEGATED:
            return
        mood = Modality.ASSERTED
    act = _Act(r, tok, trig, fr, r.predicate_text(tok), mood, _confidence(tok, trig))
    refusal = trig.needs == Needs.REFUSAL and not fr.sources and fr.subject_phrases
    if refusal or (trig.type == RelationType.CRITICISM and acts_as_subject(r, tok)):
        yield from _refused(act)
    elif trig.mediation:
        yield from _mediated(act)
    elif sides := both_sides(act.fr, mutual=act.trig.mutual, joins=also_did(r, act.fr)):
        # AとBの間で戦闘, 印パ戦争: each side attacks the other
        # (the other side's acts first: the document remembers the last targets named, for
        # those who join the act later)
        one, other = sides
        if one is not other:
            yield from act.emit(other, one, act.conf - Penalty.INFERRED)
        yield from act.emit(one, other, act.conf - Penalty.INFERRED)
    elif trig.type.symmetric:
        yield from _symmetric_act(act)
    else:
        yield from _directed(act)


@dataclass(frozen=True, slots=True)
class _Act:
    """One trigger being read: its frame, and what every candidate of it shares."""

    r: Reader
    tok: Any
    trig: Trigger
    fr: Frame
    pred: str
    mood: Modality
    conf: float

    def emit(self, sources: Iterable[Slot], targets: Iterable[Slot], conf: float | None = None) -> Iterator[Candidate]:
        conf = self.conf if conf is None else conf
        return emit(self.r, self.trig.type, sources, targets, self.tok, self.pred, self.mood, conf)


def _frame(r: Reader, tok, trig: Trigger, threatened: Sequence[int]) -> Frame:
    """The trigger's frame; a threat's targets include those of the acts it threatens."""
    fr = r.frame(tok, trig)
    for t in threatened:
        inner = r.trigger_of(r.doc[t])
        if inner is not None:
            fr.targets = unique(fr.targets + r.frame(r.doc[t], inner).targets)
    return fr


def _confidence(tok, trig: Trigger) -> float:
    conf = Confidence.VERB if tok.pos_ == "VERB" or tok.head.pos_ == "VERB" else Confidence.NOUN
    if trig.weak:
        conf -= Penalty.WEAK_TRIGGER
    return conf


def _refused(act: _Act) -> Iterator[Candidate]:
    """北朝鮮が…を強行したことは…容認できない: what is refused is the subject, its doers
    the target; who refuses goes unsaid (the text's voice)."""
    r, tok = act.r, act.tok
    targets = [a for c in act.fr.subject_phrases or acts_as_subject(r, tok) for a in doers(r, c)]
    refuser = r.speaker_from(tok) or climb_subjects(r, tok) or ([VOICE] if main_clause(r, tok) else [])
    yield from act.emit(refuser, targets, act.conf - Penalty.INFERRED)


def _mediated(act: _Act) -> Iterator[Candidate]:
    """エジプトが…交渉を仲介, 中国とベトナムの仲介を引き受けた: the mediator meets each
    party (ONTOLOGY rule 6); the parties are not said to meet each other."""
    fr = act.fr
    parties = unique(fr.targets + fr.partners + fr.compounds)
    owners = unique([a for g in fr.genitives for a in g])
    mediators = [a for a in fr.subjects + fr.by if a not in parties]
    agreed_by = fr.fallback or climb_subjects(act.r, act.tok)
    if owners and particles(act.tok) in ("で", "により", "によって") and [a for a in agreed_by if a not in owners]:
        # エジプトとカタールの仲介で、イスラエルとハマスは停戦に合意: the mediation is the means of
        # the clause it hangs on; its owners mediate between that clause's subjects
        parties, mediators = [a for a in agreed_by if a not in owners], owners
    elif not parties and len(members(owners)) >= 2:
        parties = owners  # 中国とベトナムの仲介
    elif owners and not mediators:
        mediators = owners  # 米国の仲介努力: the mediator
    if not mediators:
        mediators = [a for a in fr.fallback or climb_subjects(act.r, act.tok) if a not in parties]
    yield from act.emit(mediators, parties, act.conf - Penalty.INFERRED)


def _symmetric_act(act: _Act) -> Iterator[Candidate]:
    """A symmetric act (meeting, treaty, cooperation): every pair of its parties."""
    fr, trig = act.fr, act.trig
    # (a statement is joint among those who make it, not those it is about or addressed to)
    # (…を含め、連携していく: those included act with the subject, whoever the text makes it)
    agents = fr.sources or (fr.fallback if fr.coagents else [])
    parts = unique(agents + fr.coagents + (fr.with_partners + fr.compounds if trig.joint else fr.partners + fr.targets))
    if leaves_body(act.r, act.tok, parts):
        return  # ワルシャワ条約機構を脱退: no longer a member (membership), no treaty
    parts = asked_of_two(act.r, act.tok, unique(fr.targets + fr.partners)) or parts
    named = named_states(act.r, act.tok) if trig.type == RelationType.MEETING and not trig.visit else []
    if named:
        yield from act.emit(named, named)
        parts = [a for a in parts if a not in named]
    # (…を含め、連携: those included partner the subject, not each other)
    withs = fr.with_partners or [a for a in fr.coagents if a not in agents]
    if withs:
        yield from _partnered(act, parts, withs)
        return
    hosts = unique(fr.targets + fr.partners)
    if trig.visit and hosts:
        # 韓国、フィリピン及びパラオを訪問し: the visitor meets each host, not the hosts each other
        visitors = [a for a in parts if a not in hosts] or fr.fallback
        yield from act.emit(visitors, hosts)
        return
    if trig.visit:
        return  # AとBはキーウを訪れた: with no host named, no one is met; visitors do not meet each other
    if len(members(parts)) < 2:
        parts = unique(parts + loose_partners(act.r, act.tok))
    if len(members(parts)) < 2 and trig.type == RelationType.COOPERATION:
        met = _met_partners(act, parts)
        if met is not None:
            yield from act.emit(*met, act.conf - Penalty.INFERRED)
            return
    conf = act.conf
    if len(members(parts)) < 2:
        parts = unique(parts + fr.fallback)
        conf -= Penalty.INFERRED
    if len(members(parts)) >= 2:
        yield from _pairs(act, parts, parts, conf)


def _partnered(act: _Act, parts: list[Slot], withs: list[Slot]) -> Iterator[Candidate]:
    """米国及び韓国と連携し: those after と partner the subject, not each other."""
    fr = act.fr
    agents = [a for a in parts if a not in withs]
    conf = act.conf
    if not (agents or fr.fallback or fr.has_subject) and _among_partners(act):
        # AとBとの会談が行われた: an act noun no one is said to do is an act among those named with it
        yield from _pairs(act, withs, withs, conf)
        return
    if not agents:
        # (岸田総理から、…旨述べ、ルーラ大統領と意見交換を行いました: the one marked with から)
        agents = (
            fr.fallback
            or (act.r.speaker_from(act.tok) if stated_as_done(act.r, act.tok) else [])
            or ([] if fr.has_subject or not main_clause(act.r, act.tok) else [TOPIC])
        )
        conf -= Penalty.INFERRED
    if agents:
        yield from _pairs(act, agents, withs, conf)
        # 米国と日本は韓国と協力: the subjects cooperate too; but those who meet
        # a third party together do not meet each other
        if len(members(agents)) >= 2 and act.trig.type != RelationType.MEETING:
            yield from act.emit(agents, agents, conf)


def _among_partners(act: _Act) -> bool:
    """An act noun that is not the object of a verb (whose subject would be its doer:
    AとBとの会談を行った), with two or more named with と."""
    tok = act.tok
    return tok.pos_ == "NOUN" and tok.dep_ != "obj" and len(members(act.fr.with_partners)) >= 2


def _met_partners(act: _Act, parts: list[Slot]) -> tuple[list[Slot], list[Slot]] | None:
    """A cooperation agreed at a meeting: among the meeting's parties (日米豪印外相会合において),
    or of the subject with those met in an earlier clause (…と会談し、協力を確認した)."""
    r, tok = act.r, act.tok
    present = unique(parts + met_at(r, tok))
    if len(members(present)) >= 2:
        return present, present
    met = [a for a in met_before(r, tok) if a not in parts]
    if met:
        agents = parts or act.fr.fallback or ([TOPIC] if main_clause(r, tok) else [])
        return agents, met
    return None


def _pairs(act: _Act, sides: list[Slot], others: list[Slot], conf: float) -> Iterator[Candidate]:
    """Every pair of parties; for a meeting, persons with persons and states with
    states (the leaders met; 日米首脳会談 also pairs the states), unless it is a
    visit (私はウクライナを訪問し: the visitor meets the host state)."""
    r = act.r
    # カシミールの…での停戦に合意, カシミール問題を議題とする協議: a place is where the act is, or what
    # it is about; a party only as the subject (ロシア、クリミア、セヴァストポリの3者が調印)
    sides = [a for a in sides if a in act.fr.sources or not r.is_place(a)]
    others = [a for a in others if a in act.fr.sources or not r.is_place(a)]
    if act.trig.type != RelationType.MEETING or act.trig.visit:
        yield from act.emit(sides, others, conf)
        return
    persons = [a for a in sides if r.arg_type(a) == ActorType.PERSON]
    person_others = [a for a in others if r.arg_type(a) == ActorType.PERSON]
    rest = [a for a in sides if r.arg_type(a) != ActorType.PERSON]
    rest_others = [a for a in others if r.arg_type(a) != ActorType.PERSON]
    carried = [a for a in rest if not isinstance(a, Arg)]
    if carried and person_others and not rest_others:
        # (ブリンケン国務長官と立ち話を行い: the dropped subject, whoever the text makes it, met him)
        persons += carried
        rest = [a for a in rest if a not in carried]
    if persons and rest_others and not (rest or person_others):
        # (ティモチェンコ氏はコロンビア政府と会談した: no one named on the other side but the state)
        person_others, rest_others = rest_others, []
    yield from act.emit(persons, person_others, conf)
    yield from act.emit(rest, rest_others, conf)


def _directed(act: _Act) -> Iterator[Candidate]:
    """A directed act: its sources and targets, each side completed from the sentence
    where the frame leaves it empty; a mutual act broken off with someone goes both ways."""
    r, tok, fr, trig = act.r, act.tok, act.fr, act.trig
    sources = fr.sources
    targets = _addressees(act, sources)
    if trig.type in _SPEECH_ACTS and not sources and not fr.passive:
        # (a passive's topic undergoes the act: 日本や韓国は対応を迫られる)
        sources = [a for a in r.speaker_from(tok) or sentence_topic(r, tok) if a not in targets]
    targets = _spoken_of(act, sources, targets)
    targets = _undergoers(act, sources, targets)
    if trig.needs in (Needs.AGAINST, Needs.STATE):
        targets = _aimed_at(act, sources, targets)
        if not targets:
            return  # measures aimed at no one, a recognition of no state: not an act of the ontology
    if not targets and len(members(sources)) >= 2 and each_other(fr):
        targets = sources  # 両国は互いの都市を攻撃した: each attacks the other
    if not fr.sources and trig.type not in _SPEECH_ACTS and tok.dep_ == "obj" and asks_for(r, tok.head):
        return  # CSTOに支援を要請した: the act asked for is the one asked's, not the asker's
    if not targets and trig.type == RelationType.THREAT:
        # (…を非難し、報復を警告した: a warning after a protest is aimed at the one protested against)
        targets = [a for a in aimed_in(r, tok) or protested_before(r, tok) if a not in sources]
    sources, conf = _completed_sources(act, sources, targets)
    sources, targets = _agreed(act, sources, targets)
    if trig.type == RelationType.CRITICISM and len(targets) > 1:
        # …駐日大使に対して、中国の行動を非難し: the envoy hears the protest; the doer is its target
        targets = [a for a in targets if not r.is_envoy(a)] or targets
    if trig.type in (RelationType.CRITICISM, RelationType.REQUEST):
        targets = targets or summoned(r, tok)
    if not fr.sources and trig.type not in _SPEECH_ACTS and asked_of_someone(r, tok):
        return  # ロシアに対し、侵略を停止するよう求める: the act asked for is not the asker's
    if not targets and tok.pos_ == "NOUN" and trig.type in _ANAPHORIC and not trig.weak:
        # 制裁の枠組みをつくってきた: the sanctions the text was just about
        sources = sources or fr.fallback
        targets = [ANAPHOR]
        conf = Confidence.ANAPHORA
    if not targets and tok.lemma_ in _COUNTERS:
        targets, conf = [REACTED], Confidence.ANAPHORA  # パキスタンも砲撃で応戦した: against who attacked it
    if not targets and also_did(r, fr) and trig.type in _JOINED:
        targets, conf = [ANAPHOR], Confidence.ANAPHORA  # 英国も同様に非難した: on whom the last one was
    if not targets and trig.type == RelationType.CRITICISM and not (fr.objects or fr.complements or trig.weak):
        targets, conf = [REACTED], Confidence.ANAPHORA  # ロシアは強く反発した: against who just acted on it
    if trig.mutual and targets and (targets == [ANAPHOR] or all(_with(r, a) for a in targets)):
        # カナダはイランとの国交を断絶した: what one side breaks off, both have broken off
        yield from act.emit(targets, sources, conf - Penalty.INFERRED)
    yield from act.emit(sources, targets, conf)


def _addressees(act: _Act, sources: list[Slot]) -> list[Slot]:
    """The frame's targets; for a request or criticism with none, those asked to act or
    whose act is criticised, read from the clause it hangs on."""
    r, tok, trig = act.r, act.tok, act.trig
    targets = act.fr.targets
    if not targets and trig.type == RelationType.REQUEST:
        # ロシアに対し、攻撃を停止し…撤収するよう求める: GiNZA hangs the addressee
        # on a verb of the clause asked for (両国に対話を通じた解決を呼びかけた: or of
        # a clause on what is asked)
        targets = [
            a
            for c in tok.children
            if c.dep_ in ("advcl", "obj") and c.i < tok.i
            for t in c.subtree
            if t.dep_ == "obl"
            and particles(t) in TARGET | DATIVE
            and r.sm.index_at(t.i) is not None
            # (リトアニアがXに特権を与えることを期待: the に of a clause with a subject of its own)
            and not (c.dep_ == "obj" and any(s.dep_ == "nsubj" for s in t.head.children))
            for a in r.phrase_actors(t, genitive=False)
        ]
        targets = [a for a in unique(targets) if a not in sources]
    if not targets and trig.type in (RelationType.CRITICISM, RelationType.REQUEST):
        # 中国がロシアを支援していると非難した: the one whose act is criticised;
        # イランが撤退するよう求めた: the one asked to act.
        ends = ("と", "とは") if trig.type == RelationType.CRITICISM else ("ように", "よう")
        span = {
            t.i
            for c in tok.children
            if c.dep_ in ("advcl", "ccomp", "obl", "xcomp")
            and (particles(c).endswith(ends) or (trig.type == RelationType.REQUEST and asks(c)))
            for t in c.subtree
        }
        targets = [a for a in agents_in(r, span) if a not in sources] if span else []
    return targets


def _spoken_of(act: _Act, sources: list[Slot], targets: list[Slot]) -> list[Slot]:
    """What a speech act with no one to address is about: the doers of the act described,
    criticised, the sentence's topic, the statement's subject, or the act just described."""
    r, tok, fr, trig = act.r, act.tok, act.fr, act.trig
    if not targets and trig.type == RelationType.CRITICISM:
        # 北朝鮮による核開発について懸念を共有: whom the concern is about
        targets = [a for a in fr.about if a not in sources]
    if not targets and trig.type in _SPEECH_ACTS:
        # …していることに懸念を表明, …の解放を求める: the doers of the act described
        targets = [a for c in fr.complements for a in doers(r, c) if a not in sources]
    if trig.type == RelationType.CRITICISM:
        # 北朝鮮からロシアへの…提供を非難: whoever takes part in the act criticised
        targets = unique(targets + [a for c in fr.objects if r.trigger_of(c) for a in doers(r, c) if a not in sources])
        if not targets:
            targets = topic_doers(r, tok, exclude=sources)
        if not targets:
            targets = [a for c in grounds(r, tok) for a in clause_actors(r, c) if a not in sources]
    if not targets and trig.type in _SPEECH_ACTS:
        # …措置について、…遺憾である旨表明: what the statement is about, its doers; …に関し、
        # …であり、容認できず、非難: what the chain of clauses before it is about
        about = said_about(r, tok) or chained_about(r, tok)
        targets = [a for c in about for a in doers(r, c) or r.phrase_actors(c) if a not in sources]
    if not targets and trig.type == RelationType.REQUEST:
        targets = [a for a in protested_before(r, tok) if a not in sources]
    if not targets and trig.type in _SPEECH_ACTS:
        # 今般の攻撃を深く懸念, これを非難: the act just described; 措置の撤廃を求める: the
        # measure named just before, whoever took it
        refs: list[Slot] = [
            ref for c in fr.complements + fr.objects if (ref := referred_act(r, c) or bare_act(r, c)) is not None
        ]
        targets = refs[:1]
    return targets


def _undergoers(act: _Act, sources: list[Slot], targets: list[Slot]) -> list[Slot]:
    """Who takes or undergoes an act the frame names no target of: the one who thanks for
    support, the subject of the clause before a passive, the dropped subject, the state
    traded with or whose goods are named."""
    r, tok, fr, trig = act.r, act.tok, act.fr, act.trig
    if not targets and trig.type not in _SPEECH_ACTS:
        targets = [a for a in announced_to(r, tok) if a not in sources]
    if not targets and trig.type == RelationType.SUPPORT:
        targets = _thanked_by(r, tok)  # 日本の支援に謝意を表明: the one who thanks received it
    if not targets and trig.type == RelationType.SUPPORT:
        # …仲介の努力を歓迎し、これを支持する: これ is the object of the clause before
        targets = [a for c in pointed_objects(r, tok) for a in doers(r, c) if a not in sources]
    if not targets and fr.passive:
        # 東ドイツは…に加盟、同年に西ドイツに併合された: the subject of the clause before undergoes it
        targets = [a for a in earlier_subject(r, tok) if a not in sources]
    if not targets and fr.passive and trig.type in _ANAPHORIC and main_clause(r, tok):
        targets = [TOPIC]  # アルジェリアの支援を受ける。: the dropped subject receives it
    if trig.type == RelationType.SANCTION and not targets:
        # ロシアとベラルーシへの…輸出を禁止: whoever the trade restricted goes to
        targets = [
            a
            for c in fr.objects + fr.complements
            for t in c.subtree
            if t.i != c.i and r.sm.index_at(t.i) is not None and particles(t) in TARGET
            for a in r.phrase_actors(t, genitive=False)
            if a not in sources
        ]
    if trig.type == RelationType.SANCTION and not targets:
        # 日本産食品の輸入規制: goods named by where they are made are that state's
        targets = [a for a in origins(r, tok) if a not in sources]
    if trig.type == RelationType.SANCTION and not targets:
        targets = [a for a in protested_before(r, tok) or punished_for(r, tok) if a not in sources]
    return targets


def _aimed_at(act: _Act, sources: list[Slot], targets: list[Slot]) -> list[Slot]:
    """The targets of a trigger that is an act only when aimed at someone: measures
    against a named actor (対北朝鮮措置), the recognition of a state (承認)."""
    r, tok = act.r, act.tok
    if act.trig.needs == Needs.AGAINST:
        # 対北朝鮮措置, 北朝鮮に対する措置: measures are a sanction only when aimed at someone
        return [
            a
            for a in act.fr.targets
            if isinstance(a, Arg)
            and a not in sources
            and (
                r.prefix(r.mention_head(r.sm.mentions[a.mention])) in TARGET_PREFIXES
                or particles(r.mention_head(r.sm.mentions[a.mention])) in TARGET
            )
        ]
    # 承認: a state's recognition of another state (ONTOLOGY trigger mapping)
    targets = [a for a in targets if r.arg_type(a) == ActorType.COUNTRY or a is TOPIC]
    if not targets and not act.fr.objects and (tok.pos_ == "VERB" or any(c.lemma_ == "する" for c in tok.children)):
        # ドイツも承認した: the state whose recognition the text is about (but what is approved,
        # スウェーデンのNATO加盟を承認, is no state, and points back at none)
        targets = [ANAPHOR]
    return targets


def _agreed(act: _Act, sources: list[Slot], targets: list[Slot]) -> tuple[list[Slot], list[Slot]]:
    """An act that is what two sides agree on is the act of both: those named with と are
    co-agents, not the act's target (…と、…を非難することで一致)."""
    agreed = agreed_with(act.r, act.tok)
    if agreed is None:
        return sources, targets
    verb, partners = agreed
    # (AはBと会談し、…を非難することで一致: agreed with the one met)
    partners = partners or [a for a in met_before(act.r, verb) or met_before(act.r, act.tok) if a not in sources]
    withs = act.fr.with_partners
    if act.fr.targets_are_partners:
        targets = [a for a in targets if a not in withs]
    return unique(sources + [a for a in withs + partners if a not in targets]), targets


def _completed_sources(act: _Act, sources: list[Slot], targets: list[Slot]) -> tuple[list[Slot], float]:
    """The sources, with those acting together with them; where none is named, the doers
    of what the subject describes, the subject of a clause above, or the one speaking;
    and the confidence left after what had to be inferred."""
    r, tok, fr, trig = act.r, act.tok, act.fr, act.trig
    conf = act.conf
    if not sources and trig.type in _ACTS_BY_SUBJECT:
        # 北朝鮮が…発射を強行したことは、我が国の安全に対する…脅威であり: the doers of the act
        # the subject describes; 北朝鮮による…を伴う威嚇行動: an agent inside the phrase
        sources = [a for c in fr.subject_phrases for a in doers(r, c) if a not in targets]
        sources = sources or [a for a in agents_below(r, tok) if a not in targets]
    sources = sources + [a for a in fr.coagents if a not in targets]
    # (ベトナム戦争の終戦を宣言: a war named after its place names no party; the one who ends it
    # did not wage it on that place)
    named_after = trig.mutual and set(targets) <= set(fr.compounds)
    if not sources and targets and not fr.passive and not _happened(tok) and not named_after:
        # (a passive leaves its agent out on purpose: 対応を迫られる has no one to inherit;
        # 撃墜事件が発生し says it happened, not who did it; 上川大臣から、…を支持する旨述べ:
        # the one a meeting summary marks with から says, and so does, what follows)
        sources = fr.fallback or (r.speaker_from(tok) if stated_as_done(r, tok) else [])
        conf -= Penalty.INFERRED
        if not sources and not fr.has_subject and main_clause(r, tok):
            # 支援を表明する: who declares it is the one speaking, when the text names them
            sources = [SPEAKER if _declared(r, tok) else TOPIC]
            conf -= Penalty.CARRIED_TOPIC
    return sources, conf


# Words of thanks: who thanks for support received it.
_THANKS = frozenset({"感謝", "謝意", "謝辞", "礼", "お礼", "謝意表明"})


def _thanked_by(r: Reader, tok) -> list[Slot]:
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return []
        cur = cur.head
        # 日本の支援に感謝した, 日本の支援に謝意を表明した: the thanks as the verb or as its object
        if cur.lemma_ in _THANKS or any(c.lemma_ in _THANKS and c.dep_ in ("obj", "nsubj") for c in cur.children):
            speakers = r.speaker_from(cur) or [
                a
                for node in (cur, cur.head)
                for c in node.children
                if c.dep_ in ("nsubj", "dislocated") and particles(c) in ("は", "が")
                for a in r.phrase_actors(c, genitive=False)
            ]
            return speakers
    return []


# Verbs by which a speaker declares an act of their own (支援を表明する, 支持を表する).
_DECLARING = frozenset({"表明", "表する", "宣言", "約束", "申し上げる"})


def _declared(r: Reader, tok) -> bool:
    """An act noun that is what the sentence's verb declares: 全面的な支援を表明する."""
    return tok.dep_ == "obj" and tok.head.lemma_ in _DECLARING and not r.passive(tok.head)


def _with(r: Reader, a: Slot) -> bool:
    """An actor named as the other side (イランとの国交, イランと断交)."""
    return isinstance(a, Arg) and particles(r.mention_head(r.sm.mentions[a.mention])) in ("と", "との", "とも")


# Verbs that say an event took place, naming no one who did it.
_OCCUR = frozenset({"発生", "起こる", "起きる", "勃発", "生じる", "相次ぐ"})


def _happened(tok) -> bool:
    """マレーシア航空機撃墜事件が発生し: the act (or the 事件 it names) is what occurred."""
    node = tok
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("nsubj", "nsubj:pass") and node.head.lemma_ in _OCCUR
