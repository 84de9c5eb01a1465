"""Named entities for the recognition benchmark (bench/ner_wikipedia.py): geokg's mentions first, GiNZA's NER for the rest."""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import Lexicon
from ..types import ActorType
from .mentions import Mention
from .names import KIN
from .passes import find_mentions
from .sentence import (
    NAME_JOINERS,
)

__all__ = ["Entity", "recognize"]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span for recognition benchmarks: kind is person, political or place."""

    start: int  # character offsets in the sentence
    end: int
    kind: str


# GiNZA's ENE labels that geokg takes from NER where its own rules found nothing.
_NER_PLACES = frozenset(
    {
        "Country",
        "City",
        "Province",
        "County",
        "GPE_Other",
        "Continental_Region",
        "Domestic_Region",
        "Location_Other",
        "Geological_Region_Other",
        "Mountain",
        "River",
        "Lake",
        "Sea",
        "Bay",
        "Island",
        "Region_Other",
    }
)


_NER_POLITICAL = frozenset(
    {
        "Government",
        "Military",
        "International_Organization",
        "Political_Party",
        "Political_Organization_Other",
    }
)


def _political(m: Mention, lex: Lexicon) -> bool:
    """Governments, militaries, parties and international bodies; not media or universities."""
    name = m.name or m.text
    if m.ids and m.ids[0] in lex.actors:
        if m.ids[0] in lex.media:
            return False
        name = lex.actors[m.ids[0]].name
    return not name.endswith(lex.org_suffixes_non_political)


def recognize(doc, lex: Lexicon, *, original: str | None = None) -> list[Entity]:
    """Persons, political organisations and places of a parsed sentence.

    geokg's own mentions first (gazetteer, title and affiliation rules), with
    their exact name spans (a person without title or reading, a state without
    側); GiNZA's NER fills in what the rules do not cover (cities, other
    persons and bodies), never overlapping them. A state name that begins a
    longer name NER knows (日本映画データベース, インド国民会議派) is not a place.
    """
    sm = find_mentions(doc, lex, original=original)
    out: list[Entity] = []
    taken: set[int] = set()
    for m in sm.mentions:
        start = doc[m.start].idx
        end = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        if m.type == ActorType.PERSON:
            taken.update(range(m.start, m.end))
            out.append(Entity(start, start + len(m.name), "person"))
        elif m.kind == "collective":
            taken.update(range(m.start, m.end))
        elif len(m.ids) > 1 or m.prefix:
            # 独伊の作戦: abbreviations used as a noun are places of their own;
            # inside a word (日中関係, 来日) they are not names.
            taken.update(range(m.start, m.end))
            if m.prefix or (m.end < len(doc) and not doc[m.end].tag_.startswith(("助詞", "補助記号"))):
                continue
            for k, ch in enumerate(m.text):
                if ch in lex.abbreviations:
                    out.append(Entity(start + k, start + k + 1, "place"))
        elif m.type in (ActorType.COUNTRY, ActorType.REGION):
            if _inside_other_name(doc, m) or (m.end < len(doc) and doc[m.end].text in _NOT_PLACE_AFTER):
                continue  # 日本映画データベース, 日本人, 日本代表: a name, a nationality, a team
            taken.update(range(m.start, m.end))
            suffix = next((x for x in lex.state_alias_suffixes if m.text.endswith(x) and len(m.text) > len(x)), "")
            if suffix in _GOVERNMENT_SUFFIXES:
                out.append(Entity(start, end, "political"))  # 米政府, 大日本帝国政府: the government
            else:
                out.append(Entity(start, end - len(suffix), "place"))
        elif m.type == ActorType.ORGANIZATION:
            taken.update(range(m.start, m.end))
            if _political(m, lex):
                out.append(Entity(start, end, "political"))
    for e in doc.ents:
        if any(t in taken for t in range(e.start, e.end)):
            continue
        if e.label_ in _NER_PLACES:
            out.append(Entity(e.start_char, e.end_char, "place"))
        elif e.label_ in _NER_POLITICAL:
            out.append(Entity(e.start_char, e.end_char, "political"))
        elif e.label_ == "Person":
            s, t = e.start, e.end
            while s < t and (
                lex.title_role(doc[s].text) is not None or doc[s].text in KIN or doc[s].text in NAME_JOINERS
            ):
                s += 1
            while t > s and (doc[t - 1].text in lex.honorifics or lex.title_role(doc[t - 1].text) is not None):
                t -= 1
            if s < t:
                out.append(Entity(doc[s].idx, doc[t - 1].idx + len(doc[t - 1].text), "person"))
    return sorted(set(out), key=lambda x: (x.start, x.end, x.kind))


_GOVERNMENT_SUFFIXES = ("政府", "当局", "政権", "指導部")


_NOT_PLACE_AFTER = frozenset({"人", "代表", "語", "製", "系", "風", "式", "国籍", "籍", "人民"})


# NER labels of names that may begin with a state's name without being about the state
_NAME_LABELS = frozenset(
    {
        "Company",
        "Company_Group",
        "Corporation_Other",
        "Organization_Other",
        "Show_Organization",
        "Sports_Organization",
        "Pro_Sports_Organization",
        "Political_Party",
        "School",
        "Facility_Other",
        "Product_Other",
        "Title_Other",
        "Broadcast_Program",
        "Book",
        "Newspaper",
        "Magazine",
        "Game",
        "Conference",
        "Occasion_Other",
        "Event_Other",
        "Incident_Other",
        "Competition",
        "Law",
        "Treaty",
        "Religion",
        "Nationality",
        "Movie",
        "Music",
        "Art_Other",
        "Printing_Other",
        "Award",
    }
)


def _inside_other_name(doc, m: Mention) -> bool:
    for e in doc.ents:
        if e.start <= m.start and m.end <= e.end and (e.end - e.start) > (m.end - m.start) and e.label_ in _NAME_LABELS:
            return True
    return False
