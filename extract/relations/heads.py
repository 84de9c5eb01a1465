"""Who heads what, said with a verb rather than a title phrase.

- XがYを率いる, Xが率いるY, Yを率いるX, X率いるY: X leads Y.
- XがYの大統領に就く / 就任 / 即位: X leads Y (an official's title: X belongs to Y).
- Xを大統領とするY: X leads Y.
- XがYの議長を務める, Yの議長を務めるX: X leads Y (an official's title: X belongs to Y).

The title phrase itself (ロシアのプーチン大統領) is read with the mentions
(:mod:`extract.actors`); a bare title the sentence sets in a state, by
:mod:`.leaders`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon
from ..types import ActorType, Modality, RelationType, Role
from .cues import Cues
from .emit import emit
from .frames import Reader
from .particles import compounded, particles
from .slots import Arg, Candidate, Confidence, Slot

__all__ = ["cues", "heads"]

_LEAD = frozenset({"率いる"})
_TAKE_OFFICE = frozenset({"就任", "就く", "即位", "就任する", "選出", "任命", "指名"})
# (XをYに選出した: the one chosen is the object; chosen, Xが…に選出された, the subject)
_CHOSEN = frozenset({"選出", "任命", "指名"})
# (GiNZA leaves some forms of 就く unlemmatised: 就いて)
_TAKE_OFFICE_FORMS = frozenset({"就い", "就き", "就け"})
_SERVE = frozenset({"務める", "つとめる", "勤める"})
_MADE = ("とした", "とする")
_LED = frozenset({ActorType.COUNTRY, ActorType.ORGANIZATION})


def cues(lex: Lexicon) -> Cues:
    # (Xを大統領とするY: the title is any of the lexicon's, so the verb phrase is the cue)
    return Cues.of_words(_LEAD | _TAKE_OFFICE | _SERVE) | Cues(
        prefixes=tuple(sorted(_TAKE_OFFICE_FORMS)), phrases=_MADE
    )


def heads(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    for tok in r.doc:
        if tok.lemma_ in _LEAD:
            yield from _affiliated(r, tok, _leaders_of(r, tok), _led(r, tok), Role.LEADER, tok.lemma_)
        elif tok.lemma_ in _TAKE_OFFICE or tok.text[:2] in _TAKE_OFFICE_FORMS:
            found = _office_taken(r, tok)
            if found is not None:
                office, role, title = found
                yield from _affiliated(r, tok, _appointed(r, tok), office, role, title)
        elif tok.lemma_ in _SERVE:
            found = _office_held(r, tok)
            if found is not None:
                office, role, title = found
                yield from _affiliated(r, tok, _holders(r, tok), office, role, title)
        elif tok.lemma_ == "する" and tok.dep_ == "acl":
            made = _made_head(r, tok)
            if made is not None:
                persons, led, role, title = made
                yield from _affiliated(r, tok, persons, led, role, title)


def _affiliated(r: Reader, tok, persons: list[Slot], bodies: list[Slot], role: Role, title: str) -> Iterator[Candidate]:
    persons = [a for a in persons if r.arg_type(a) == ActorType.PERSON]
    # (a named state or body the gazetteer knows: フランス陸軍アメリカ派遣部隊 is led, but is no actor)
    bodies = [a for a in bodies if r.arg_type(a) in _LED and isinstance(a, Arg) and r.sm.mentions[a.mention].ids]
    rtype = RelationType.LEADER_OF if role == Role.LEADER else RelationType.MEMBER_OF
    if persons and bodies:
        yield from emit(r, rtype, persons, bodies, tok, title, Modality.ASSERTED, Confidence.VERB)


def _subjects(r: Reader, tok) -> list[Slot]:
    return [
        a
        for c in tok.children
        if c.dep_ in ("nsubj", "dislocated") and particles(c) in ("が", "は", "")
        for a in r.phrase_actors(c, genitive=False)
    ]


def _leaders_of(r: Reader, tok) -> list[Slot]:
    """Who leads: the verb's subject (サチが率いる, X率いる), else the noun the clause
    modifies when the led is its object (ハマスを率いるハニヤ氏)."""
    found = _subjects(r, tok) + [
        a for c in tok.children if c.dep_ == "compound" and c.i < tok.i for a in r.phrase_actors(c, genitive=False)
    ]
    if not found and tok.dep_ == "acl" and any(c.dep_ == "obj" for c in tok.children):
        found = r.phrase_actors(tok.head, genitive=False)
    return found


def _led(r: Reader, tok) -> list[Slot]:
    """What is led: the verb's object, else the noun the clause modifies (Xが率いるY); an
    actor itself, not one compounded with it (チリ陸軍派遣部隊 is not Chile)."""
    objs = [c for c in tok.children if c.dep_ == "obj"] or ([tok.head] if tok.dep_ == "acl" else [])
    return [a for c in objs if r.sm.index_at(c.i) is not None for a in r.phrase_actors(c, genitive=False)]


def _office_taken(r: Reader, tok) -> tuple[list[Slot], Role, str] | None:
    """YのX(title)に就く, Y議長に選出: the body or state of the title taken, its role and the title."""
    return _first_office(r, [c for c in tok.children if c.dep_ == "obl" and particles(c) == "に"])


def _first_office(r: Reader, nouns: list) -> tuple[list[Slot], Role, str] | None:
    """The first of ``nouns`` that is a title with an owner: the owners, the role and the title."""
    return next((found for c in nouns if (found := _title_owners(r, c)) is not None), None)


def _title_owners(r: Reader, c) -> tuple[list[Slot], Role, str] | None:
    """The owners of the title noun ``c`` (Yの議長, Y議長), its role and the title."""
    # (ECOWAS議長: the compound before the title may be the body, not part of the title)
    found = next(((t, role) for t in (compounded(c), c.text) if (role := r.lex.title_role(t)) is not None), None)
    if found is None:
        return None
    title, role = found
    owners = [
        a
        for g in c.children
        if (g.dep_ == "nmod" and particles(g) == "の") or (g.dep_ == "compound" and r.sm.index_at(g.i) is not None)
        for a in r.phrase_actors(g, genitive=False)
    ]
    return (owners, role, title) if owners else None


def _appointed(r: Reader, tok) -> list[Slot]:
    """Who takes the office: the one chosen (XをYに選出した), else the subject (Xが就任)."""
    if tok.lemma_ in _CHOSEN:
        chosen = [a for c in tok.children if c.dep_ == "obj" for a in r.phrase_actors(c, genitive=False)]
        if chosen:
            return chosen
    return _subjects(r, tok)


def _holders(r: Reader, tok) -> list[Slot]:
    """Who holds the office: the verb's subject, else the noun the clause modifies (GiNZA may
    hang such a clause on the main verb: …の議長を務めるセネガルの大統領が訪問した)."""
    found = _subjects(r, tok)
    if not found and tok.dep_ == "acl":
        found = r.phrase_actors(tok.head, genitive=False)
    if not found and tok.dep_ == "advcl":
        found = [
            a
            for c in tok.head.children
            if c.dep_ == "nsubj" and c.left_edge.i == tok.i + 1
            for a in r.phrase_actors(c, genitive=False)
        ]
    return found


def _office_held(r: Reader, tok) -> tuple[list[Slot], Role, str] | None:
    """Yの議長を務める, Y議長を務める: the body or state whose title is held, the role and the title."""
    return _first_office(r, [c for c in tok.children if c.dep_ == "obj"])


def _made_head(r: Reader, tok) -> tuple[list[Slot], list[Slot], Role, str] | None:
    """Xを大統領とするY: the person, what they head, the role and the title."""
    titled = [c for c in tok.children if c.dep_ == "obl" and particles(c) == "と"]
    persons = [a for c in tok.children if c.dep_ == "obj" for a in r.phrase_actors(c, genitive=False)]
    if not titled or not persons:
        return None
    title = compounded(titled[0])
    role = r.lex.title_role(title)
    if role is None:
        return None
    return persons, r.phrase_actors(tok.head, genitive=False), role, title
