"""Foreign heads of state with a bare title (マドゥーロ大統領) in a text about one state: its leaders."""

from __future__ import annotations

from ..normalize import is_katakana
from ..relations import Arg, Confidence
from ..relations.leaders import state_head_title
from ..types import ActorType, RelationType
from .context import DocumentContext

__all__ = ["subject_leaders"]

# Less sure than an affiliation stated in the noun phrase: the state is the text's, not the phrase's.
_SUBJECT_LEADER = Confidence.AFFILIATION - 0.2


def subject_leaders(ctx: DocumentContext) -> None:
    """マドゥーロ大統領 in a text about Venezuela that never names his state: a foreign head
    of state with a bare title leads the state the text is clearly about."""
    if ctx.subject is None:
        return
    placed = ctx.found.placed()
    for index, s in enumerate(ctx.sentences):
        sm = s.mentions
        linked = {lk.child for lk in sm.links if not lk.to_home}
        for i, m in enumerate(sm.mentions):
            if m.type != ActorType.PERSON or i in linked or m.is_speaker:
                continue
            title = state_head_title(m)
            if title is None:
                continue
            person = ctx.actors.resolve(Arg(i), sm, s.groups)
            if person is None or person.id in placed or not is_katakana(person.label.replace("・", "")):
                continue  # (a kanji name with a bare 首相 in Japanese text is Japan's: home officials)
            known = ctx.lex.dictionary.persons.get(person.id)
            if known is not None and ctx.subject.id not in known.states():
                continue  # (アカエフ大統領 in a text about the Soviet Union led Kyrgyzstan, the dictionary knows)
            placed.add(person.id)
            ctx.add(index, person, RelationType.LEADER_OF, ctx.subject, title, confidence=_SUBJECT_LEADER)
