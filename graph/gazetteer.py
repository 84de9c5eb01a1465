"""The gazetteer: the names geokg knows for states and bodies, whether or not an article used them.

Three sources, each kept apart because a lookup ranks them apart
(:mod:`graph.names`):

names
    The lexicon's names and aliases (``extract/data``: 北朝鮮, 朝鮮民主主義人民共和国,
    NATO, 安保理), and the English names of every state from CLDR (babel) and
    ISO 3166-1 / 3166-3 (pycountry): "North Korea", "Korea, Democratic
    People's Republic of" and its reading "Democratic People's Republic of
    Korea", "USSR". Any ``en`` and ``acronyms`` the lexicon's actors carry
    (the actor dictionary's fields) count as names too.
abbreviations
    A fixed table of the abbreviations and short names people type that
    CLDR and ISO do not list (PRC, ROK, DPRK, UK, US, UAE, UN, UNSC,
    "Soviet Union", "America"), the lexicon's one-character abbreviations
    (露, 米, 朝 …), and the ISO 3166-1 alpha-3 codes. ISO alpha-2 codes (JP,
    CN) count only as typed, in capitals: "in", "is" and "no" are words.
bodies
    A state's office however it is written: 中国外交部 and 中華人民共和国外務省
    are ``CHN:外務省``; a state's generically named forces (米軍) are the state.

A key that names several actors (Congo, Korea, サンマルタン) names them all: a
lookup then says it is ambiguous rather than choosing.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from extract.lexicon import Lexicon, load_lexicon
from extract.normalize import is_katakana
from extract.types import ActorType

from .keys import name_key

__all__ = ["ABBREVIATIONS", "Gazetteer", "compound_ids", "gazetteer"]

# Abbreviations and short names a reader types that CLDR and ISO 3166 do not give (they say
# "United Kingdom", "China", "Korea, Republic of"). A tuple value: the name is shared, and asking for it is ambiguous.
ABBREVIATIONS: Mapping[str, str | tuple[str, ...]] = MappingProxyType(
    {
        # states
        "PRC": "CHN",
        "ROC": "TWN",
        "ROK": "KOR",
        "DPRK": "PRK",
        "USSR": "SUN",
        "Soviet Union": "SUN",
        "UK": "GBR",
        "Britain": "GBR",
        "Great Britain": "GBR",
        "US": "USA",
        "USA": "USA",
        "America": "USA",
        "UAE": "ARE",
        "DRC": "COD",
        "KSA": "SAU",
        "RSA": "ZAF",
        "GDR": "DDR",
        "East Germany": "DDR",
        "Holland": "NLD",
        "Ivory Coast": "CIV",
        "Cote d'Ivoire": "CIV",
        "Vatican": "VAT",
        "Turkey": "TUR",  # CLDR and ISO now say Türkiye
        "Turkiye": "TUR",
        "Korea": ("KOR", "PRK"),
        "Congo": ("COD", "COG"),
        # bodies
        "UN": "un",
        "United Nations": "un",
        "UNSC": "unsc",
        "Security Council": "unsc",
        "UN Security Council": "unsc",
        "United Nations Security Council": "unsc",
        "UNGA": "unga",
        "General Assembly": "unga",
        "UN General Assembly": "unga",
        "UNHRC": "unhrc",
        "EU": "eu",
        "European Union": "eu",
        "NATO": "nato",
        "ASEAN": "asean",
        "AU": "african_union",
        "African Union": "african_union",
        "IAEA": "iaea",
    }
)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The gazetteer's names as lookup keys (:func:`graph.keys.name_key`) → actor ids."""

    names: Mapping[str, frozenset[str]]
    abbreviations: Mapping[str, frozenset[str]]
    capitals: Mapping[str, str]  # ISO 3166-1 alpha-2, as typed (JP) → id
    names_of: Mapping[str, tuple[str, ...]]  # id → its names (for search keys and suggestions)
    abbreviations_of: Mapping[str, tuple[str, ...]]  # id → its abbreviations (not the alpha-2 codes)

    def ids(self, name: str, lex: Lexicon | None = None) -> frozenset[str]:
        """The actors the gazetteer knows as ``name``: a name, or a state's body or forces.

        >>> g = gazetteer()
        >>> [sorted(g.ids(n)) for n in ("North Korea", "中国外交部", "米軍", "ロシア政府", "Congo", "火星")]
        [['PRK'], ['CHN:外務省'], ['USA'], ['RUS'], ['COD', 'COG'], []]
        """
        found = self.names.get(name_key(name))
        if found:
            return found
        body = state_body_id(name, lex or load_lexicon(), self)
        return frozenset({body}) if body is not None else frozenset()

    def abbreviation_ids(self, name: str) -> frozenset[str]:
        """The actors ``name`` abbreviates: the fixed table, 露 and the like, ISO codes.

        >>> g = gazetteer()
        >>> [sorted(g.abbreviation_ids(n)) for n in ("PRC", "ROK", "U.S.", "露", "fra", "JP", "jp", "Korea")]
        [['CHN'], ['KOR'], ['USA'], ['RUS'], ['FRA'], ['JPN'], [], ['KOR', 'PRK']]
        """
        text = unicodedata.normalize("NFKC", str(name)).strip()
        found = self.abbreviations.get(name_key(text))
        if found:
            return found
        code = self.capitals.get(text)
        return frozenset({code}) if code else frozenset()


def _english_variants(name: str, *, historic: bool = False) -> list[str]:
    """ISO writes "Korea, Republic of", "Virgin Islands, U.S." and "Zaire, Republic of"."""
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    out = [name, f"{tail} {head}"]  # Republic of Korea, U.S. Virgin Islands
    if historic:
        out.append(head)  # Zaire, Czechoslovakia: no CLDR name says it
    return out


@functools.cache
def english_names() -> Mapping[str, tuple[str, ...]]:
    """State id → its English names: CLDR (babel) and ISO 3166-1 and 3166-3 (pycountry)."""
    import babel
    import pycountry

    cldr = babel.Locale("en").territories
    out: dict[str, list[str]] = defaultdict(list)
    for c in pycountry.countries:
        for n in (cldr.get(c.alpha_2), c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if n:
                out[c.alpha_3] += _english_variants(n)
    out["XKX"].append(cldr.get("XK", "Kosovo"))
    current = {name_key(n) for names in out.values() for n in names}
    for h in pycountry.historic_countries:
        # A former name that a current state has (Viet-Nam, Yemen, France) names the current state only.
        out[h.alpha_3] += [n for n in _english_variants(h.name, historic=True) if name_key(n) not in current]
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def _words(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value if v]
    return []


class _Table:
    """Names as keys → ids, and ids → the names as written."""

    def __init__(self) -> None:
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.of_id: dict[str, list[str]] = defaultdict(list)

    def add(self, aid: str, name: str) -> None:
        if (k := name_key(name)) and aid:
            self.by_key[k].add(aid)
            self.of_id[aid].append(name)

    def frozen(self) -> tuple[Mapping[str, frozenset[str]], Mapping[str, tuple[str, ...]]]:
        return (
            MappingProxyType({k: frozenset(v) for k, v in self.by_key.items()}),
            MappingProxyType({k: tuple(dict.fromkeys(v)) for k, v in self.of_id.items()}),
        )


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer of the shipped lexicon (built once)."""
    import pycountry

    lex = load_lexicon()
    names, abbreviations = _Table(), _Table()
    for aid, actor in lex.actors.items():
        for n in (
            actor.name,
            *actor.aliases,
            *_words(getattr(actor, "en", ())),
            *_words(getattr(actor, "acronyms", ())),
        ):
            # a name the lexicon gives another actor is that one's (中華民国 is Taiwan, not the ROC of 1912)
            if lex.lookup(n) in (None, aid):
                names.add(aid, n)
    for aid, english in english_names().items():
        for n in english:
            names.add(aid, n)
    for text, target in ABBREVIATIONS.items():
        for aid in (target,) if isinstance(target, str) else target:
            abbreviations.add(aid, text)
            if not isinstance(target, str) and name_key(text) in names.by_key:
                names.by_key[name_key(text)].add(aid)  # ISO's "Congo" is one of two
    for ch, aid in lex.abbreviations.items():
        abbreviations.add(aid, ch)
    capitals = {}
    for c in pycountry.countries:
        abbreviations.add(c.alpha_3, c.alpha_3)
        capitals[c.alpha_2] = c.alpha_3
    (names_by_key, names_of), (abbreviations_by_key, abbreviations_of) = names.frozen(), abbreviations.frozen()
    return Gazetteer(
        names=names_by_key,
        abbreviations=abbreviations_by_key,
        capitals=MappingProxyType(capitals),
        names_of=names_of,
        abbreviations_of=abbreviations_of,
    )


def _is_state(aid: str, lex: Lexicon) -> bool:
    return aid in lex.actors and lex.actors[aid].type == ActorType.COUNTRY


def state_body_id(name: str, lex: Lexicon, gaz: Gazetteer | None = None) -> str | None:
    """The body or forces of a state ``name`` names (中国外交部 → ``CHN:外務省``, 米軍 → ``USA``), or None.

    >>> lex = load_lexicon()
    >>> [state_body_id(n, lex) for n in ("中華人民共和国外交部", "アメリカ軍", "ロシア側", "外務省", "火星軍")]
    ['CHN:外務省', 'USA', 'RUS', None, None]
    """
    gaz = gaz or gazetteer()
    text = unicodedata.normalize("NFKC", str(name)).strip()
    for suffix in (*lex.state_alias_suffixes, *lex.state_forces, *lex.state_body_suffixes):
        if not text.endswith(suffix) or len(text) == len(suffix):
            continue
        head = name_key(text[: -len(suffix)])
        known = gaz.names.get(head) or gaz.abbreviations.get(head) or frozenset()
        states = [s for s in known if _is_state(s, lex)]
        if len(states) != 1:
            continue
        state = states[0]
        return state if suffix in lex.state_alias_suffixes else lex.state_body(state, suffix).id
    return None


def compound_ids(name: str, lex: Lexicon) -> tuple[str, ...]:
    """The states a compound of abbreviations names (ロ朝 → PRK, RUS), sorted; () for anything else.

    >>> compound_ids("ロ朝", load_lexicon()), compound_ids("ロシア", load_lexicon())
    (('PRK', 'RUS'), ())
    """
    text = unicodedata.normalize("NFKC", str(name)).strip()
    if len(text) < 2 or is_katakana(text) or any(c not in lex.abbreviations for c in text):
        return ()
    return tuple(sorted({lex.abbreviations[c] for c in text}))
