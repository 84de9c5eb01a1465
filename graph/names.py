"""Names: how an actor is looked up.

One resolver answers every "which actor is this?" of ``graph``: Python
(``kg.actor("露")``), every query method, ``geokg query`` and the map's search
box (:func:`search_keys`). An actor is found by any name it is known by:

- its id, label and the aliases the articles used;
- the gazetteer's names for it, whether or not an article used them: CLDR and
  ISO 3166 Japanese and English names (babel, pycountry), the news
  abbreviations (露, 米), the bodies' lexicon, a state's body however it is
  written (中国外交部 is ``CHN:外務省``), its generically named forces (米軍 is
  the United States);
- a person's name without titles (プーチン大統領), surname or last part
  (トランプ), and romanised (putin, kim jong un).

Keys are case-, width- and space-insensitive (:func:`name_key`). A miss is
answered with the actors whose names are most alike, ranked by rapidfuzz's
``WRatio`` (an edit-distance ratio that also scores a name found inside a
longer one).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import IntEnum
from importlib import resources
from typing import Any

import networkx as nx

from extract.lexicon import Lexicon, load_lexicon
from extract.normalize import is_katakana, loose_romaji
from extract.types import ActorType

__all__ = [
    "NameIndex",
    "Tier",
    "is_name_of",
    "name_key",
    "page_key",
    "romaji_key",
    "search_keys",
    "strip_titles",
]

# 対ロ, 訪中, 駐日 …: a prefix that makes an abbreviation a mention (as extract.actors.PREFIXES)
_PREFIXES = frozenset("対訪駐親反在脱来離知嫌")

# Characters a key ignores: spaces, name joiners and the punctuation of English names.
_IGNORED = re.compile(r"[\s・･=＝.,\-‐_'’()（）]+")


def name_key(text: str) -> str:
    """The key a name is looked up under: NFKC, lower case, without spaces or joiners.

    The map's search box normalises a query the same way (NFKC, ``toLowerCase``,
    the same characters dropped), so a key computed here matches there.

    >>> name_key(" Ｕｎｉｔｅｄ  States "), name_key("ドナルド・トランプ"), name_key("ﾛｼｱ")
    ('unitedstates', 'ドナルドトランプ', 'ロシア')
    """
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text)).lower())


def romaji_key(text: str) -> str:
    """A loose romanised key: "putin" and プーチン, "kim jong un" and キム・ジョンウン meet.

    Katakana writes a final "ng" as ン, so an English "ng" before a consonant
    or at the end counts as "n" (see :func:`extract.normalize.loose_romaji`).

    >>> romaji_key("Kim Jong Un") == romaji_key("キム・ジョンウン"), romaji_key("putin") == romaji_key("プーチン")
    (True, True)
    """
    s = unicodedata.normalize("NFKC", str(text)).lower()
    if s.isascii():
        s = re.sub(r"ng(?![aeiouy])", "n", s)
    return loose_romaji(s)


# ---------------------------------------------------------------------------- titles


@functools.cache
def _titles() -> tuple[str, ...]:
    """Honorifics and titles that may follow a name (氏, 大統領 …), longest first."""
    try:
        data = json.loads((resources.files("extract") / "data" / "titles.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    words = {"氏", "さん", "大統領", "首相", "総書記", "教授"}
    for key in ("honorifics", "leader", "official", "expert", "modifiers"):
        words.update(w for w in data.get(key, ()) if isinstance(w, str))
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def strip_titles(name: str) -> str:
    """ "金正恩総書記" → "金正恩", "兵頭慎治・研究幹事" → "兵頭慎治"; a bare title is left alone.

    >>> strip_titles("金正恩(キム・ジョンウン)総書記"), strip_titles("プーチン大統領"), strip_titles("大統領")
    ('金正恩', 'プーチン', '大統領')
    """
    text = _BRACKETS.sub("", name).strip() if "(" in name or "（" in name else name.strip()
    ends = _title_ends()
    while (m := ends.search(text)) is not None and m.start() > 0:
        text = text[: m.start()].rstrip("・･ 　")
    return text


_BRACKETS = re.compile(r"[(（][^)）]*[)）]")


@functools.cache
def _title_ends() -> re.Pattern[str]:
    # longest first, so that 総理大臣 is taken whole rather than 大臣
    return re.compile("(?:" + "|".join(map(re.escape, _titles())) + ")$")


# ---------------------------------------------------------------------------- the gazetteer's names


def _english_variants(name: str) -> list[str]:
    # ISO writes "Korea, Republic of" and "USSR, Union of Soviet Socialist Republics".
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    if tail.endswith(" of"):
        return [name, f"{tail} {head}"]
    return [name, head, tail]


@functools.cache
def _english_names() -> Mapping[str, tuple[str, ...]]:
    """Country id -> its English names: CLDR (babel) and ISO 3166-1/-3 (pycountry)."""
    import babel
    import pycountry

    cldr = babel.Locale("en").territories
    out: dict[str, list[str]] = defaultdict(list)
    for c in pycountry.countries:
        for n in (cldr.get(c.alpha_2), c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if n:
                out[c.alpha_3] += _english_variants(n)
    for h in pycountry.historic_countries:
        out[h.alpha_3] += _english_variants(h.name)
    out["XKX"].append(cldr.get("XK", "Kosovo"))
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@functools.cache
def _english_words() -> Mapping[str, tuple[str, ...]]:
    """Country id -> the distinctive words of its English names (USA -> america, …).

    A word names at most two countries ("korea": both Koreas, so asking for it
    is ambiguous); words shared by more (republic, islands) are left out.
    """
    words: dict[str, set[str]] = defaultdict(set)
    for aid, names in _english_names().items():
        for n in names:
            for w in re.findall(r"[a-z]+", n.lower()):
                if len(w) >= 4:
                    words[w].add(aid)
    out: dict[str, list[str]] = defaultdict(list)
    for w, ids in sorted(words.items()):
        if len(ids) <= 2:
            for aid in ids:
                out[aid].append(w)
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _gazetteer() -> tuple[Mapping[str, str], Mapping[str, tuple[str, ...]]]:
    """(key -> actor id, actor id -> every name the gazetteer knows it by)."""
    lex = load_lexicon()
    by_key: dict[str, str] = {}
    names: dict[str, list[str]] = defaultdict(list)
    for aid, actor in lex.actors.items():
        names[aid] += [actor.name, *actor.aliases]
    for ch, aid in lex.abbreviations.items():
        names[aid].append(ch)
    for aid, english in _english_names().items():
        names[aid] += english
    # Countries last, so that a country's name wins over a body sharing it (as in the lexicon).
    for aid in sorted(names, key=lambda i: (i in lex.actors and lex.actors[i].type == ActorType.COUNTRY, i)):
        for n in names[aid]:
            k = name_key(n)
            if k:
                by_key[k] = aid
    return by_key, {k: tuple(dict.fromkeys(v)) for k, v in names.items()}


def _gazetteer_id(name: str, lex: Lexicon) -> str | None:
    """The actor the gazetteer knows as ``name``: a name, an abbreviation, a state's body or forces.

    >>> lex = load_lexicon()
    >>> [_gazetteer_id(n, lex) for n in ("露", "North Korea", "中国外交部", "米軍", "ロシア政府", "火星")]
    ['RUS', 'PRK', 'CHN:外務省', 'USA', 'RUS', None]
    """
    by_key, _ = _gazetteer()
    key = name_key(name)
    if key in by_key:
        return by_key[key]
    text = unicodedata.normalize("NFKC", name).strip()
    for suffix in (*lex.state_alias_suffixes, *lex.state_forces, *lex.state_body_suffixes):
        if not text.endswith(suffix) or len(text) == len(suffix):
            continue
        head = text[: -len(suffix)]
        state = by_key.get(name_key(head))
        if state is None or state not in lex.actors or lex.actors[state].type != ActorType.COUNTRY:
            continue
        return state if suffix in lex.state_alias_suffixes else lex.state_body(state, suffix).id
    return None


def _compound_ids(name: str, lex: Lexicon) -> tuple[str, ...]:
    """The states a compound of abbreviations names (ロ朝 → PRK, RUS), sorted; () for anything else."""
    text = unicodedata.normalize("NFKC", name).strip()
    if len(text) < 2 or is_katakana(text) or any(c not in lex.abbreviations for c in text):
        return ()
    return tuple(sorted({lex.abbreviations[c] for c in text}))


# ---------------------------------------------------------------------------- names of a node


class Tier(IntEnum):
    """How strongly a key names an actor; a lookup takes the first tier that finds one."""

    NAME = 1  # id or label
    ALIAS = 2  # a form the articles used
    GAZETTEER = 3  # a name the gazetteer knows it by (露, North Korea, アメリカ)
    BARE = 4  # an alias without titles (プーチン大統領 → プーチン)
    PART = 5  # a person's surname or last name, a distinctive word of an English name
    ROMAJI = 6  # romanised (putin)


def _person_parts(name: str) -> list[str]:
    """Short forms of a person's name: トランプ of ドナルド・トランプ (kanji surnames are prefixes)."""
    if is_katakana(name.replace("=", "")) and ("・" in name or "=" in name):
        parts = [p for p in re.split(r"[・=]", name) if p]
        return [parts[-1]] + ([parts[0]] if len(parts[0]) >= 3 else [])
    return []


def node_names(node: str, attrs: Mapping[str, Any]) -> Iterator[tuple[Tier, str]]:
    """Every (tier, name) of one node, strongest first (names are not yet keys)."""
    label = str(attrs.get("label") or node)
    aliases = [str(a) for a in attrs.get("aliases") or () if a]
    yield Tier.NAME, str(node)
    yield Tier.NAME, label
    for a in aliases:
        yield Tier.ALIAS, a
    _, gazetteer = _gazetteer()
    for n in gazetteer.get(str(node), ()):
        yield Tier.GAZETTEER, n
    for n in (label, *aliases):
        bare = strip_titles(n)
        if bare != n:
            yield Tier.BARE, bare
    if attrs.get("type") == ActorType.PERSON:
        for n in dict.fromkeys(strip_titles(x) for x in (label, *aliases)):
            for part in _person_parts(n):
                yield Tier.PART, part
    for word in _english_words().get(str(node), ()):
        yield Tier.PART, word


def page_key(text: str) -> str:
    """How the map's search box reads what is typed: NFKC, lower case, no white space.

    >>> page_key(" Ｐｕｔｉｎ 大統領"), page_key("North Korea")
    ('putin大統領', 'northkorea')
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).lower()


def search_keys(node: str, attrs: Mapping[str, Any]) -> list[str]:
    """The keys the map's search box finds ``node`` by: every name the resolver knows it by.

    Contract with the page: a query is read with :func:`page_key` (NFKC,
    lower case, white space dropped); it finds a node when it equals one of
    its plain keys (each name as :func:`page_key` and :func:`name_key` read
    it, so ドナルドトランプ and ドナルド・トランプ both find him), or, for a
    query in Latin letters, when ``"~" + loose_romaji(query)`` equals one of
    its romanised keys (:func:`extract.normalize.loose_romaji` of its katakana
    and Latin names). The names are :func:`node_names`': id, label, aliases,
    the gazetteer's names (アメリカ, united states, 露), the names without
    titles, a person's last name, a distinctive English word (america).

    >>> keys = search_keys("putin", {"label": "プーチン", "type": "person", "aliases": ["プーチン大統領"]})
    >>> [k in keys for k in ("プーチン", "putin", "~ptn", "プーチン大統領")]
    [True, True, True, True]
    >>> [k in search_keys("USA", {"label": "米国", "type": "country"}) for k in ("america", "unitedstates", "アメリカ")]
    [True, True, True]
    """
    names = list(node_names(str(node), attrs))
    keys = {k for _, n in names for k in (page_key(n), name_key(n))}
    keys |= {"~" + loose_romaji(n) for t, n in names if t != Tier.GAZETTEER and _romanisable(n)}
    return sorted(k for k in keys if k and k != "~")


def _romanisable(name: str) -> bool:
    return name.isascii() or is_katakana(name.replace("=", "").replace(" ", ""))


# ---------------------------------------------------------------------------- the index


@dataclass(frozen=True, slots=True)
class _Entry:
    tier: Tier
    node: str


class NameIndex:
    """Every name of every node of a graph, for lookups and suggestions.

    >>> from graph.example import example_graph
    >>> index = NameIndex(example_graph())
    >>> [index.find(n) for n in ("露", "アメリカ", "america", "United States", "north korea", "putin")]
    [('RUS',), ('USA',), ('USA',), ('USA',), ('PRK',), ('putin',)]
    >>> index.find("プーチン大統領"), index.find("火星")
    (('putin',), ())
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.lex = load_lexicon()
        self._keys: dict[Tier, dict[str, set[str]]] = {t: defaultdict(set) for t in Tier}
        self._persons: list[tuple[str, list[str]]] = []  # (node, keys of its names), for surname prefixes
        for n, d in G.nodes(data=True):
            names = list(node_names(str(n), d))
            for tier, name in names:
                k = name_key(name)
                if k:
                    self._keys[tier][k].add(str(n))
                if tier != Tier.GAZETTEER and _romanisable(name):
                    r = romaji_key(name)
                    if len(r) >= 2:
                        self._keys[Tier.ROMAJI][r].add(str(n))
            if d.get("type") == ActorType.PERSON:
                self._persons.append((str(n), [name_key(strip_titles(x)) for t, x in names if t <= Tier.ALIAS]))

    def find(self, name: str) -> tuple[str, ...]:
        """The nodes ``name`` names, from the strongest tier that names any (sorted); () when none.

        Tried in turn: the id as given; ids and labels; aliases; the
        gazetteer's names (a name, abbreviation, state body or force of an actor
        in the graph); the same without titles and honorifics; a person's
        surname or last name (when the query is two or more characters) and a
        distinctive word of an English name; a loose romanisation.
        """
        name = str(name)
        if name in self.G:
            return (name,)
        bare = strip_titles(name)
        for query in dict.fromkeys((name, bare)):
            key = name_key(query)
            if not key:
                continue
            for tier in (Tier.NAME, Tier.ALIAS):
                found = self._keys[tier].get(key)
                if found:
                    return tuple(sorted(found))
            aid = _gazetteer_id(query, self.lex)
            if aid is not None and aid in self.G:
                return (aid,)
            compound = _compound_ids(query, self.lex)
            if len(compound) >= 2 and all(i in self.G for i in compound):
                return compound  # ロ朝 names two actors: which one is meant?
            found = self._keys[Tier.GAZETTEER].get(key) or self._keys[Tier.BARE].get(key)
            if found:
                return tuple(sorted(found))
        key = name_key(bare)
        found = set(self._keys[Tier.PART].get(key, ()))
        if len(key) >= 2 and not found:
            # 兵頭 → 兵頭慎治: a surname is the start of a person's name
            found = {n for n, keys in self._persons if any(k.startswith(key) and k != key for k in keys)}
        if found:
            return tuple(sorted(found))
        if _romanisable(bare) and bare:
            found = self._keys[Tier.ROMAJI].get(romaji_key(bare), set())
        return tuple(sorted(found))

    def gazetteer_id(self, name: str) -> str | None:
        """The gazetteer's id for ``name``, whether or not the graph holds it (フランス → FRA)."""
        return _gazetteer_id(strip_titles(str(name)), self.lex) or _gazetteer_id(str(name), self.lex)

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` nodes whose names look most like ``name``, the closest first.

        Scored with rapidfuzz's ``WRatio`` on the keys (names, aliases and
        gazetteer names of the graph's actors, not ids); ties go to the most
        mentioned actor.

        >>> from graph.example import example_graph
        >>> NameIndex(example_graph()).suggest("Untied States")[0], NameIndex(example_graph()).suggest("ソ連邦")[0]
        ('USA', 'SUN')
        """
        from rapidfuzz import fuzz, process

        key = name_key(strip_titles(str(name)) or str(name))
        if not key:
            return []
        choices: dict[str, set[str]] = defaultdict(set)
        for tier in (Tier.NAME, Tier.ALIAS, Tier.GAZETTEER, Tier.BARE, Tier.PART):
            for k, nodes in self._keys[tier].items():
                if key.isascii() == k.isascii():
                    choices[k].update(nodes)
        keys = sorted(choices)
        score: dict[str, float] = {}
        for k, s, _ in process.extract(key, keys, scorer=fuzz.WRatio, limit=None, score_cutoff=60):
            for n in choices[k]:
                score[n] = max(score.get(n, 0.0), s)
        ranked = sorted(score, key=lambda n: (-score[n], -int(self.G.nodes[n].get("mentions") or 0), n))
        return ranked[:limit]


# ---------------------------------------------------------------------------- aliases


def is_name_of(mention: str, node: str, lex: Lexicon | None = None) -> bool:
    """Whether the surface form ``mention`` names ``node`` (an alias), or only mentions it.

    Compounds (ロ朝, 日米韓), prefixed forms (訪中, 対ロ) and collective words
    (両国, 3か国) mention states without being a name of any: they stay in the
    evidence's mention fields and never become aliases.

    >>> [is_name_of(m, "RUS") for m in ("ロシア", "露", "ロシア政府", "ロ朝", "両国", "訪ロ", "米英仏独中ロ")]
    [True, True, True, False, False, False, False]
    >>> is_name_of("プーチン大統領", "RUS"), is_name_of("プーチン大統領", "プーチン")
    (False, True)
    """
    lex = lex or load_lexicon()
    text = unicodedata.normalize("NFKC", mention).strip()
    if not text or text in lex.collectives:
        return False
    known = _gazetteer_id(text, lex)
    if known is not None:
        return known == node
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
    return len(_compound_ids(text, lex)) < 2
