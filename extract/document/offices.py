"""A titled person the dictionary knows, with no state named beside the title: 習近平国家主席,
潘基文事務総長 in a text that names China, the UN.

The text states the office (国家主席, 事務総長) and names the state elsewhere; which of
the text's states the office is of goes without saying for a reader who knows the
person. The dictionary knows it: the state (or body) in which the person held an
office of that title, in the document's year when there is one. Only where that is
one state, the text names it, and gives the person no state of its own: the
dictionary links what the text states, it adds no state the text does not name.
"""

from __future__ import annotations

from ..dictionary import Office, Person
from ..relations import Arg, Confidence
from ..types import ActorType, RelationType
from .context import DocumentContext
from .resolve import office_of

__all__ = ["dictionary_offices"]

# Less sure than an affiliation stated in the noun phrase: the state is the dictionary's.
_KNOWN_OFFICE = Confidence.AFFILIATION - 0.1
_MEMBER_OFFICES = frozenset({"foreign_minister", "defence_minister"})
_FORMER = ("元", "前")


def dictionary_offices(ctx: DocumentContext) -> None:
    placed = ctx.found.placed()
    year = ctx.actors.year
    for index, s in enumerate(ctx.sentences):
        sm = s.mentions
        stated = {lk.child for lk in sm.links if not lk.to_home}
        for i, m in enumerate(sm.mentions):
            if m.type != ActorType.PERSON or m.title is None or i in stated or m.is_speaker:
                continue
            person = ctx.actors.resolve(Arg(i), sm, s.groups)
            known = ctx.lex.dictionary.persons.get(person.id) if person is not None else None
            if person is None or known is None or person.id in placed:
                continue
            office = _office_titled(known, m.title, year)
            if office is None or office.state not in ctx.actors.labels:
                continue  # (クリントン大統領 in a text that never names the United States)
            target = ctx.actors.known(office.state)
            if target is None:
                continue
            rtype = RelationType.MEMBER_OF if office.office in _MEMBER_OFFICES else RelationType.LEADER_OF
            placed.add(person.id)
            ctx.add(index, person, rtype, target, m.title, confidence=_KNOWN_OFFICE)


def _office_titled(person: Person, title: str, year: int | None) -> Office | None:
    """The person's office the title names (in ``year``, unless the title says 元 or 前), if
    all such offices are of one state."""
    former = title.startswith(_FORMER)
    wanted = office_of(title[1:] if former else title)
    offices = [o for o in person.offices if office_of(o.title) == wanted]
    if year is not None and not former:
        offices = [o for o in offices if o.held_in(year)]
    states = {o.state for o in offices}
    return offices[0] if len(states) == 1 else None
