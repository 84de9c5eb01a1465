"""Names: how an actor is looked up, and which surface forms are names at all.

One resolver answers every "which actor is this?" of ``graph``: Python
(``kg.actor("露")``), every query method, ``geokg query`` and the map's search
box (:func:`search_keys`, :meth:`NameIndex.search_table`). It tries, in
order, and takes the first step that finds anything (:class:`Tier`):

1. the id as given, then in any case (``RUS``, ``rus``);
2. the label, then the aliases and the node's own other names (``en``,
   ``latin``, ``full``, ``acronyms``: the actor dictionary's fields);
3. the gazetteer's names for an actor (:mod:`graph.gazetteer`: CLDR and ISO
   3166 English names, the lexicon's names, a state's body however it is
   written), then the same without titles (プーチン大統領 → プーチン);
4. the fixed table of abbreviations (PRC, ROK, DPRK, USSR, UK, US, UAE, EU,
   UN, UNSC …, 露, 米, ISO codes) and compounds (ロ朝 names two states);
5. a person's full name in either order and script (Vladimir Putin, Putin
   Vladimir, ウラジーミル・プーチン), then a family name alone when one person
   in the graph has it (:mod:`graph.persons`);
6. a loose romanisation of a body's or group's katakana name (hamas → ハマス).

A step that finds several actors makes the name ambiguous: the lookup says so
and lists them, and never picks one. A name the gazetteer knows for an actor
the graph does not hold stops there (France is not answered by a person
named フランス). Similarity (rapidfuzz) comes last and only ever suggests
(:meth:`NameIndex.suggest`). Ids are never romanised: "PRC" is not "PRK".

Keys are case-, width- and space-insensitive (:func:`graph.keys.name_key`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import networkx as nx

from extract.lexicon import Lexicon, load_lexicon
from extract.types import ActorType

from .gazetteer import compound_ids, gazetteer
from .keys import name_key, name_parts, page_key, romaji_alike, romaji_key, romanisable, strings, strip_titles, titles
from .persons import PersonIndex, latin_names, person_names

__all__ = [
    "Lookup",
    "NameIndex",
    "Tier",
    "is_name_of",
    "is_whole_name",
    "name_key",
    "node_names",
    "page_key",
    "romaji_key",
    "search_keys",
    "strip_titles",
]

_titles = titles  # the map (graph.render) reads the resolver's own title list under this name

# 対ロ, 訪中, 駐日 …: a prefix that makes an abbreviation a mention (as extract.actors.PREFIXES)
_PREFIXES = frozenset("対訪駐親反在脱来離知嫌")

# What stays of 同外相, 両首脳, 元大統領 when the title is taken off: a reference, not a name.
_REFERENCES = frozenset(
    {"同", "両", "前", "元", "現", "新", "旧", "本", "当", "故", "副", "次期", "歴代", "初代", "同国"}
)


class Tier(IntEnum):
    """How strongly a key names an actor; a lookup takes the first tier that finds one."""

    ID = 1  # the id, in any case
    LABEL = 2
    ALIAS = 3  # a form the articles used, or a name the node carries (en, latin …)
    GAZETTEER = 4  # a name the gazetteer knows it by (North Korea, 中国外交部)
    BARE = 5  # an alias without titles (プーチン大統領 → プーチン)
    ABBREVIATION = 6  # PRC, ROK, 露, ISO codes; a compound (ロ朝) names several
    FULL_NAME = 7  # a person's full name, either order and script
    FAMILY_NAME = 8  # a person's family name alone
    ROMANISED = 9  # a body's katakana name romanised (hamas)


@dataclass(frozen=True, slots=True)
class Lookup:
    """What a name names: the graph's actors found at one tier, and those the graph lacks."""

    name: str
    ids: tuple[str, ...] = ()  # one: the answer; several: ambiguous
    tier: Tier | None = None
    absent: tuple[str, ...] = ()  # actors the gazetteer knows by this name that the graph does not hold

    @property
    def ambiguous(self) -> bool:
        return len(self.ids) > 1 or (bool(self.ids) and bool(self.absent))


# ---------------------------------------------------------------------------- names of a node


def node_names(node: str, attrs: Mapping[str, Any]) -> Iterator[tuple[Tier, str]]:
    """Every (tier, name) of one node, strongest first (names are not yet keys).

    >>> sorted(set(node_names("KOR", {"label": "韓国", "type": "country"})))[:4]
    [(<Tier.ID: 1>, 'KOR'), (<Tier.LABEL: 2>, '韓国'), (<Tier.GAZETTEER: 4>, 'Korea, Republic of'), (<Tier.GAZETTEER: 4>, 'Republic of Korea')]
    """
    gaz = gazetteer()
    label = str(attrs.get("label") or node)
    aliases = strings(attrs.get("aliases"))
    yield Tier.ID, str(node)
    yield Tier.LABEL, label
    for a in (*aliases, *latin_names(attrs)):
        yield Tier.ALIAS, a
    for n in gaz.names_of.get(str(node), ()):
        yield Tier.GAZETTEER, n
    for n in (label, *aliases):
        if (bare := strip_titles(n)) != n:
            yield Tier.BARE, bare
    for n in (*gaz.abbreviations_of.get(str(node), ()), *strings(attrs.get("abbr"))):
        yield Tier.ABBREVIATION, n
    if attrs.get("type") == ActorType.PERSON:
        for part in sorted(person_names(str(node), attrs).family):
            yield Tier.FAMILY_NAME, part


def search_keys(node: str, attrs: Mapping[str, Any]) -> list[str]:
    """The keys the map's search box finds ``node`` by: every name the resolver knows it by.

    Contract with the page: a query is read with :func:`page_key` (NFKC,
    lower case, white space dropped); it finds a node when it equals one of
    its plain keys (each name as :func:`page_key` and :func:`name_key` read
    it, so ドナルドトランプ and ドナルド・トランプ both find him), or, for a
    query in Latin letters, when ``"~" + loose_romaji(query)`` equals one of
    its romanised keys. Romanised keys are made for the katakana and Latin
    names of persons and bodies only: never for an id or a state ("PRC" must
    not find PRK). For the resolver's ranking, see :meth:`NameIndex.search_table`.

    >>> keys = search_keys("putin", {"label": "プーチン", "type": "person", "aliases": ["プーチン大統領"]})
    >>> [k in keys for k in ("プーチン", "putin", "~ptn", "プーチン大統領")]
    [True, True, True, True]
    >>> [k in search_keys("USA", {"label": "米国", "type": "country"}) for k in ("america", "unitedstates", "~s")]
    [True, True, False]
    """
    names = list(node_names(str(node), attrs))
    keys = {k for _, n in names for k in (page_key(n), name_key(n))}
    if attrs.get("type") not in (ActorType.COUNTRY, None):
        keys |= {"~" + romaji_key(n) for t, n in names if t in (Tier.LABEL, Tier.ALIAS, Tier.BARE) and romanisable(n)}
    return sorted(k for k in keys if k and k != "~")


# ---------------------------------------------------------------------------- the index


class NameIndex:
    """Every name of every node of a graph, for lookups and suggestions.

    >>> from graph.example import example_graph
    >>> index = NameIndex(example_graph())
    >>> [index.find(n) for n in ("露", "アメリカ", "america", "United States", "north korea", "putin")]
    [('RUS',), ('USA',), ('USA',), ('USA',), ('PRK',), ('putin',)]
    >>> index.find("プーチン大統領"), index.find("火星"), index.find("ロ朝")
    (('putin',), (), ('PRK', 'RUS'))
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.lex = load_lexicon()
        self.gaz = gazetteer()
        self._keys: dict[Tier, dict[str, set[str]]] = {t: defaultdict(set) for t in Tier}
        persons = []
        self._romanised: dict[str, set[tuple[str, str]]] = defaultdict(set)  # loose key → (node, name)
        for n, d in G.nodes(data=True):
            node = str(n)
            for tier, name in node_names(node, d):
                if (k := name_key(name)) and tier <= Tier.BARE:
                    self._keys[tier][k].add(node)
                if tier in (Tier.LABEL, Tier.ALIAS) and d.get("type") not in (ActorType.COUNTRY, ActorType.PERSON):
                    if romanisable(name) and len(r := romaji_key(name)) >= 3:
                        self._romanised[r].add((node, name))
            if d.get("type") == ActorType.PERSON:
                persons.append(person_names(node, d))
            for a in strings(d.get("abbr")):
                self._keys[Tier.ABBREVIATION][name_key(a)].add(node)
        self._persons = PersonIndex(persons)

    def find(self, name: str) -> tuple[str, ...]:
        """The nodes ``name`` names, from the strongest tier that names any (sorted); () when none."""
        return self.lookup(name).ids

    def lookup(self, name: str) -> Lookup:
        """What ``name`` names (see the module's docstring for the order of the steps).

        >>> from graph.example import example_graph
        >>> index = NameIndex(example_graph())
        >>> index.lookup("USSR"), index.lookup("France")
        (Lookup(name='USSR', ids=('SUN',), tier=<Tier.GAZETTEER: 4>, absent=()), Lookup(name='France', ids=(), tier=<Tier.GAZETTEER: 4>, absent=('FRA',)))
        """
        name = str(name)
        if name in self.G:
            return Lookup(name, (name,), Tier.ID)
        bare = strip_titles(name)
        for query in dict.fromkeys((name, bare)):
            if (found := self._names(query)) is not None:
                return found
        for query in dict.fromkeys((name, bare)):
            if (found := self._abbreviation(query)) is not None:
                return found
        return self._person(bare) or self._romanised_name(bare) or Lookup(name)

    def _found(self, name: str, ids: Iterable[str], tier: Tier, known: Iterable[str] = ()) -> Lookup:
        ids = set(ids)
        return Lookup(name, tuple(sorted(ids)), tier, tuple(sorted(set(known) - ids - set(self.G))))

    def _names(self, query: str) -> Lookup | None:
        key = name_key(query)
        if not key:
            return None
        for tier in (Tier.ID, Tier.LABEL, Tier.ALIAS):
            if found := self._keys[tier].get(key):
                return self._found(query, found, tier)
        known = self.gaz.ids(query, self.lex)
        if known:
            return self._found(query, [i for i in known if i in self.G], Tier.GAZETTEER, known)
        if found := self._keys[Tier.GAZETTEER].get(key) or self._keys[Tier.BARE].get(key):
            return self._found(query, found, Tier.GAZETTEER if key in self._keys[Tier.GAZETTEER] else Tier.BARE)
        return None

    def _abbreviation(self, query: str) -> Lookup | None:
        known = self.gaz.abbreviation_ids(query) | self._keys[Tier.ABBREVIATION].get(name_key(query), set())
        if known:
            return self._found(query, [i for i in known if i in self.G], Tier.ABBREVIATION, known)
        compound = compound_ids(query, self.lex)
        if len(compound) >= 2 and all(i in self.G for i in compound):
            return self._found(query, compound, Tier.ABBREVIATION)  # ロ朝 names two actors: which one is meant?
        return None

    def _person(self, query: str) -> Lookup | None:
        best: dict[int, set[str]] = defaultdict(set)
        for strength, node in self._persons.matching(query):
            best[strength].add(node)
        if not best:
            return None
        strength = min(best)
        tier = Tier.FAMILY_NAME if strength % 3 == 2 else Tier.FULL_NAME
        return self._found(query, best[strength], tier)

    def _romanised_name(self, query: str) -> Lookup | None:
        if not (query.isascii() and romanisable(query)):
            return None
        found = {n for n, name in self._romanised.get(romaji_key(query), ()) if romaji_alike(query, name)}
        return self._found(query, found, Tier.ROMANISED) if found else None

    def gazetteer_id(self, name: str) -> str | None:
        """The gazetteer's id for ``name`` when it names one actor, whether or not the graph holds it (フランス → FRA)."""
        for query in dict.fromkeys((strip_titles(str(name)), str(name))):
            ids = self.gaz.ids(query, self.lex) or self.gaz.abbreviation_ids(query)
            if len(ids) == 1:
                return next(iter(ids))
        return None

    def gazetteer_label(self, aid: str) -> str:
        """The name the gazetteer gives an actor the graph may not hold (COG → コンゴ共和国)."""
        actor = self.lex.actors.get(aid)
        if actor is not None:
            return actor.name
        return next(iter(self.gaz.names_of.get(aid, ())), aid)

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` nodes whose names look most like ``name``, the closest first; never an answer.

        Scored with rapidfuzz's ``WRatio`` on the keys of names written in the
        same script as ``name`` (names, aliases and gazetteer names of the
        graph's actors, not ids); ties go to the most mentioned actor.

        >>> from graph.example import example_graph
        >>> NameIndex(example_graph()).suggest("Untied States")[0], NameIndex(example_graph()).suggest("ソ連邦")[0]
        ('USA', 'SUN')
        """
        from rapidfuzz import fuzz, process

        key = name_key(strip_titles(str(name)) or str(name))
        if not key:
            return []
        choices: dict[str, set[str]] = defaultdict(set)
        for tier in (Tier.LABEL, Tier.ALIAS, Tier.GAZETTEER, Tier.BARE):
            for k, nodes in self._keys[tier].items():
                # names in the same script; no one-letter names (ロ, ソ), which any query ending in one would match
                if key.isascii() == k.isascii() and len(k) > (3 if k.isascii() else 1):
                    choices[k].update(nodes)
        cutoff = _LIKE_LATIN if key.isascii() else _LIKE
        score: dict[str, float] = {}
        for k, s, _ in process.extract(key, sorted(choices), scorer=fuzz.WRatio, limit=None, score_cutoff=cutoff):
            for n in choices[k]:
                score[n] = max(score.get(n, 0.0), s)
        ranked = sorted(score, key=lambda n: (-score[n], -_mentions(self.G.nodes[n]), n))
        return ranked[:limit]

    def search_table(self) -> dict[str, dict[str, list[str]]]:
        """Every key of every tier → the nodes it names: what the map's page needs to rank as :meth:`lookup` does.

        ``{tier name: {key: [node ids]}}``, tiers ID to BARE and the
        abbreviations the graph's actors are known by; persons' parts and
        romanised keys are in :func:`search_keys`. A page that looks a typed
        key up tier by tier, in this order, and calls two ids on one tier
        ambiguous, answers as :meth:`lookup` does for these names.

        >>> from graph.example import example_graph
        >>> table = NameIndex(example_graph()).search_table()
        >>> list(table), table["abbreviation"]["dprk"], table["label"]["ロシア"], table["gazetteer"]["northkorea"]
        (['id', 'label', 'alias', 'gazetteer', 'bare', 'abbreviation'], ['PRK'], ['RUS'], ['PRK'])
        """
        table = {
            t.name.lower(): {k: sorted(v) for k, v in sorted(self._keys[t].items())} for t in Tier if t <= Tier.BARE
        }
        abbreviations: dict[str, set[str]] = defaultdict(set, self._keys[Tier.ABBREVIATION])
        for n in self.G.nodes:
            for a in self.gaz.abbreviations_of.get(str(n), ()):
                abbreviations[name_key(a)].add(str(n))
        table["abbreviation"] = {k: sorted(v) for k, v in sorted(abbreviations.items())}
        return table


# A suggestion is at least this alike (WRatio): below, they were random countries (Xi Jinping → Fiji 68,
# Albanese → Lebanese Republic 79). Japanese names are short, and one character in three is 67 (ロシヤ, ロシア).
_LIKE_LATIN = 80.0
_LIKE = 65.0


def _mentions(attrs: Mapping[str, Any]) -> int:
    try:
        return int(attrs.get("mentions") or 0)
    except (TypeError, ValueError):
        return 0


# ---------------------------------------------------------------------------- aliases


def is_whole_name(alias: str, names: Iterable[str] = ()) -> bool:
    """Whether ``alias`` is a whole name of the person known by ``names``, not a fragment of one.

    Not names: a form with a dangling joiner (アブダッラー・ハムドゥーク・), a
    reference (同外相), a given name alone (ドナルド of ドナルド・トランプ), and a
    cut kanji name: a Korean name glossed in katakana (金正恩, キム・ジョンウン) has
    a family name of one character, so 金正 is no name of 金正恩.

    >>> names = ["ドナルド・トランプ", "金正恩", "キム・ジョンウン"]
    >>> [is_whole_name(a, names) for a in ("トランプ", "ドナルド", "金正", "金", "同外相", "アブダッラー・", "岸田")]
    [True, False, False, True, False, False, True]
    """
    text = unicodedata.normalize("NFKC", str(alias)).strip()
    if not text or text != text.strip("・･=＝ "):
        return False
    if strip_titles(text) in _REFERENCES or text in _REFERENCES:
        return False
    key = name_key(text)
    names = [m for n in names if name_key(m := unicodedata.normalize("NFKC", str(n)).strip()) != key]
    for n in names:
        parts = name_parts(n)
        if len(parts) >= 2 and _western(n) and key == parts[0] and key not in {name_parts(m)[-1] for m in names}:
            return False  # ドナルド of ドナルド・トランプ
    readings = [n for n in names if _western(n) and len(name_parts(n)) == 2]
    for n in names:
        if readings and len(n) == 3 and _all_kanji(n) and len(text) == 2 and n.startswith(text):
            return False  # 金正 of 金正恩 (キム・ジョンウン)
    return True


def _western(name: str) -> bool:
    from extract.normalize import is_katakana

    return is_katakana(re.sub(r"[=＝\s]", "", name)) and bool(re.search(r"[・=＝\s]", name))


def _all_kanji(text: str) -> bool:
    from extract.normalize import is_kanji

    return all(is_kanji(c) for c in text)


def is_name_of(mention: str, node: str, lex: Lexicon | None = None, *, names: Iterable[str] = ()) -> bool:
    """Whether the surface form ``mention`` names ``node`` (an alias), or only mentions it.

    Compounds (ロ朝, 日米韓), prefixed forms (訪中, 対ロ) and collective words
    (両国, 3か国) mention states without being a name of any: they stay in the
    evidence's mention fields and never become aliases. Nor do fragments of a
    name (:func:`is_whole_name`, given the node's other ``names``).

    >>> [is_name_of(m, "RUS") for m in ("ロシア", "露", "ロシア政府", "ロ朝", "両国", "訪ロ", "米英仏独中ロ")]
    [True, True, True, False, False, False, False]
    >>> is_name_of("プーチン大統領", "RUS"), is_name_of("プーチン大統領", "プーチン"), is_name_of("同外相", "マドゥーロ")
    (False, True, False)
    """
    lex = lex or load_lexicon()
    text = unicodedata.normalize("NFKC", mention).strip()
    if not text or text in lex.collectives or not is_whole_name(text, names):
        return False
    gaz = gazetteer()
    known = gaz.ids(text, lex) or gaz.abbreviation_ids(text)
    if known:
        return node in known
    if node in lex.actors and lex.actors[node].type == ActorType.COUNTRY:
        # A state's names are the gazetteer's (with 政府, 側, 軍 …): プーチン大統領 may stand for
        # Russia in a treaty between states, but it is the name of a person.
        return False
    for suffix in (*lex.state_alias_suffixes, *lex.state_body_suffixes):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    # a run of state abbreviations (日米, 米英仏独中ロ), or one after a prefix (訪中, 対ロ)
    if text[:1] in _PREFIXES and len(text) >= 2 and all(c in lex.abbreviations for c in text[1:]):
        return False
    return len(compound_ids(text, lex)) < 2
