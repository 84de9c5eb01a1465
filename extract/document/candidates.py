"""The relations the rules read in a sentence, their arguments resolved to actors; and the
subject the sentence hands on to the next."""

from __future__ import annotations

from ..relations import ANAPHOR, REACTED, TOPIC, Arg, Candidate, Carried
from ..types import RelationType
from .arguments import resolve_slots
from .context import DocumentContext, ReadSentence
from .resolve import Resolved
from .voice import Voice

__all__ = ["stated_relations"]

# What a government's own text says or does to others with its subject dropped (…を強く求めます).
_GOVERNMENT_ACTS = frozenset(
    {RelationType.CRITICISM, RelationType.REQUEST, RelationType.SANCTION, RelationType.SUPPORT}
)
# What is said: criticism, requests and comments go to the one who says them (ONTOLOGY conventions).
_SPEECH_ACTS = frozenset({RelationType.CRITICISM, RelationType.REQUEST, RelationType.COMMENTS_ON})
# What a speaker does with a subject left out: says it, or meets someone (…と立ち話を行い).
_SAID_OR_MET = _SPEECH_ACTS | {RelationType.MEETING}


def stated_relations(ctx: DocumentContext, index: int, s: ReadSentence) -> None:
    """Every candidate of a parsed sentence as relations between actors; then the sentence's
    subject (of an unparsed one, the actors before its first は) is the topic the next inherits."""
    if s.analysis is None:
        ctx.actors.set_topic(_cheap_topic(ctx, s), index)
        return
    heading = [r for a in s.analysis.heading for r in resolve_slots(ctx, [a], s, index, [], theme=None)]
    # 「フランス - …を決定。」: a list entry's clauses are the act of the actor it opens with
    topic = heading or ctx.actors.topic_for(index)
    # a government's own text drops the subject of what it says and does to others
    home_topic = [ctx.voice.home] if not topic and ctx.voice.home is not None else []
    asking = index in ctx.voice.turns and ctx.voice.turns[index] is None
    for c in s.analysis.candidates:
        if asking and any(isinstance(a, Carried) for a in c.sources):
            continue  # 【記者】…への働きかけは: a reporter's question asserts nothing of anyone
        carried = topic or (home_topic if c.type in _GOVERNMENT_ACTS else [])
        _candidate(ctx, index, s, c, carried, topic)
    new_topic = [r for a in s.analysis.topic for r in resolve_slots(ctx, [a], s, index, topic, theme=None)]
    ctx.actors.set_topic(new_topic or heading, index)


def _candidate(
    ctx: DocumentContext, index: int, s: ReadSentence, c: Candidate, carried: list[Resolved], topic: list[Resolved]
) -> None:
    """One candidate: its sources (a dropped subject is ``carried``), its targets, a relation
    for each pair; what it did is remembered for the acts pointed back at later."""
    if c.sources == (ANAPHOR,):
        # エジプトも断交した: the other side of the act it joins breaks off too
        srcs = ctx.acts.anaphor_targets(c.type, index, ctx.subject)
    else:
        srcs = resolve_slots(ctx, c.sources, s, index, carried, theme=ctx.theme)
        srcs = _spoken_by(c, srcs, ctx.voice, index, carried)
    if c.targets == (REACTED,):
        tgts = ctx.acts.acted_on(srcs, index)
    elif c.targets == (ANAPHOR,):
        # 制裁の枠組みをつくってきた: "the sanctions" the text was just about
        tgts = ctx.acts.anaphor_targets(c.type, index, ctx.subject)
        tgts = [t for t in tgts if t.id not in {x.id for x in srcs}]
    else:
        tgts = resolve_slots(ctx, c.targets, s, index, topic, theme=ctx.theme)
        if tgts and not c.type.symmetric and c.sources != (ANAPHOR,):
            ctx.acts.targets[c.type] = (index, tgts)
    if srcs and c.type not in _SPEECH_ACTS and c.type.is_event:
        ctx.acts.done.append((index, c.type, srcs, tgts))
    for src in srcs:
        for t in tgts:
            if src.id == t.id:
                continue
            if (
                c.type.symmetric
                and (t.id, src.id) < (src.id, t.id)
                and any(x.id == t.id for x in srcs)
                and any(x.id == src.id for x in tgts)
            ):
                continue  # (a symmetric pair once, in the order its ids sort)
            ctx.add(index, src, c.type, t, c.predicate, confidence=c.confidence, modality=c.modality, time=c.time)


def _spoken_by(c: Candidate, srcs: list[Resolved], voice: Voice, index: int, carried: list[Resolved]) -> list[Resolved]:
    """A speech act with its subject dropped goes to the person speaking, when the document
    names one; one whose subject is the state itself (我が国は, 日本として) stays the state's
    (ONTOLOGY "Attribution": 林外務大臣's 「我が国は…非難します」 is Japan's)."""
    speaker = voice.speaker(index)
    if speaker is None or TOPIC not in c.sources:
        return srcs
    if c.sources == (TOPIC,) and (c.type in _SPEECH_ACTS or (c.type == RelationType.MEETING and not srcs)):
        # (…と立ち話を行い: one the speaker met, when no earlier sentence names who did)
        return [speaker]
    if not carried and c.type in _SAID_OR_MET and speaker.id not in {s.id for s in srcs}:
        # (Xと立ち話を行い、…を非難することで一致: the speaker, with X, when nothing is carried)
        return [*srcs, speaker]
    return srcs


def _cheap_topic(ctx: DocumentContext, s: ReadSentence) -> list[Resolved]:
    """Topic of an unparsed sentence: the actors before its first は."""
    out = []
    for i in s.topic_mentions:
        m = s.mentions.mentions[i]
        for k in range(m.count if m.is_collective else max(1, len(m.ids))):
            r = ctx.actors.resolve(Arg(i, k), s.mentions, s.groups)
            if r is not None:
                out.append(r)
    return out
