"""A candidate's argument slots resolved to the document's actors.

A slot that points at a mention resolves through :class:`DocumentActors`; the
kinds of argument a sentence leaves out (:class:`~extract.relations.Carried`,
:class:`~extract.relations.Recent`, :class:`~extract.relations.Known`) are filled
from what the document says: the subject carried over, the voice, the one
speaking, the doers of the act just described, the article's theme.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..relations import SPEAKER, THEME, TOPIC, VOICE, Arg, Known, Recent, Slot
from ..types import ActorType
from .context import DocumentContext, ReadSentence
from .resolve import Resolved

__all__ = ["resolve_slots"]


def resolve_slots(
    ctx: DocumentContext,
    args: Iterable[Slot],
    s: ReadSentence,
    index: int,
    topic: list[Resolved],
    *,
    theme: Resolved | None,
) -> list[Resolved]:
    """The actors ``args`` of sentence ``index`` stand for, each once, in order; ``topic``
    stands in for a dropped subject, ``theme`` for the body the text is about."""
    voice = ctx.voice
    out: list[Resolved] = []
    for a in args:
        if a is TOPIC:
            out += topic
            continue
        if a is VOICE:
            speaker = voice.speaker(index)
            out += [speaker] if speaker is not None else [voice.home] if voice.home is not None else []
            continue
        if a is SPEAKER:
            # 支援を表明する with no subject: the one whose statement it is
            speaker = voice.speaker(index)
            out += [speaker] if speaker is not None else topic
            continue
        if isinstance(a, Recent):
            out += ctx.acts.doers_of(a, index)
            continue
        if a is THEME:
            out += [theme] if theme is not None else []
            continue
        if isinstance(a, Known):
            known = ctx.actors.known(a.id)
            out += [known] if known is not None else []
            continue
        if isinstance(a, Arg) and s.mentions.mentions[a.mention].is_speaker:
            out += _spoken_for(ctx, s, a, index)
            continue
        r = ctx.actors.resolve(a, s.mentions, s.groups)
        if r is not None:
            out.append(r)
    return list(dict.fromkeys(out))


def _spoken_for(ctx: DocumentContext, s: ReadSentence, a: Arg, index: int) -> list[Resolved]:
    """私 is the one speaking; 我々 those the speaker speaks for."""
    if s.mentions.mentions[a.mention].type == ActorType.PERSON:
        speaker = ctx.voice.speaker(index)
        return [speaker] if speaker is not None else []
    return ctx.voice.speakers_for(index)
