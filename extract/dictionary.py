"""The actor dictionary: states, bodies, armed groups and parties, leaders and ministers.

General world knowledge as versioned data (``extract/data/dictionary/``, its
sources in the README there), in the spirit of PETRARCH's actor dictionaries
but with the Japanese names Japanese texts use: every state with its Japanese,
official and English names; international and regional bodies and their
organs; armed groups, liberation movements and parties since 1945; heads of
state and government of every state since 2000 and of the G20 since 1945, and
the G20's foreign and defence ministers, each with katakana variants, the
romanised name and the years in office.

The dictionary recognises a name and gives the actor's canonical name and a
stable id across articles; it states no relation. A person's offices are
there to tell apart two people a short name could mean (two presidents Bush),
never to add a ``leader_of`` the text does not state.

>>> d = load_dictionary()
>>> d.persons["putin_vladimir"].name, d.persons["putin_vladimir"].latin
('プーチン', 'Vladimir Putin')
>>> [p.id for p in d.persons_named("ウラジーミル・プーチン")]
['putin_vladimir']
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

from .normalize import is_kanji, is_katakana, is_short_name, match_key

__all__ = [
    "EMPTY_DICTIONARY",
    "Dictionary",
    "Entry",
    "Office",
    "Person",
    "load_dictionary",
    "name_key",
    "with_unjoined",
]

_FOLDER = ("data", "dictionary")
_ENTRY_FILES = {"states": "states.json", "bodies": "bodies.json", "groups": "groups.json"}
_PERSON_FILES = (
    "persons_asia.json",
    "persons_europe_americas.json",
    "persons_africa.json",
    "persons_g20_history.json",
    "persons_ministers.json",
)
# Separators Japanese writes between the parts of a foreign name, in any width: a key drops them,
# so ドナルド・トランプ, ドナルド＝トランプ and ドナルドトランプ are one name.
_NAME_JOINERS = str.maketrans("", "", "・･=＝ 　")


def _in_full(name: str) -> bool:
    """A name written in parts (ウラジミール・プーチン), or not in katakana alone (賴清德, レオ14世)."""
    return any(c in "・･=＝ 　" for c in name) or not is_katakana(name)


# Spellings of one sound that Japanese writes either way (ガルティエリ / ガルチェリ, ヴォロディミル /
# ボロディミル): a loose key folds them, and drops long marks and small ッ.
_LOOSE_PAIRS = (
    ("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ"),
    ("ティ", "チ"), ("ディ", "ジ"), ("トゥ", "ツ"), ("ドゥ", "ズ"), ("チェ", "チエ"),
    ("ウィ", "イ"), ("ウェ", "エ"), ("ウォ", "オ"), ("ー", ""), ("ッ", ""),
)  # fmt: skip


def loose_key(text: str) -> str:
    """A key that forgives the spelling variants of a katakana name (names in other scripts: "").

    >>> loose_key("ガルティエリ") == loose_key("ガルチェリ"), loose_key("習近平")
    (True, '')
    """
    key = name_key(text)
    if not key or not is_katakana(key):
        return ""
    for a, b in _LOOSE_PAIRS:
        key = key.replace(a, b)
    return key


def name_key(text: str) -> str:
    """The key a person's name is looked up by: width, case and the joiners between parts dropped.

    >>> name_key("アンワル・アッ＝サダト") == name_key("アンワル・アッ=サダト") == name_key("アンワルアッサダト")
    True
    """
    return match_key(text).translate(_NAME_JOINERS)


@dataclass(frozen=True, slots=True)
class Entry:
    """A state, body or group: its Japanese names, acronyms and English names."""

    id: str
    kind: str  # states: un_member, observer, partially_recognised, historical; bodies and groups: their kind
    name: str
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]
    en: tuple[str, ...]
    part_of: str | None = None  # bodies: the parent body
    state: str | None = None  # groups: where they act
    start: int | None = None
    end: int | None = None
    successor: str | None = None  # states: the state that continued it

    @property
    def historical(self) -> bool:
        return self.kind == "historical" or self.end is not None


@dataclass(frozen=True, slots=True)
class Office:
    state: str  # a state's or a body's id
    office: str  # head_of_state, head_of_government, foreign_minister, defence_minister, party_leader, head_of_body
    title: str  # the Japanese title media use for it: 大統領, 首相, 外相 …
    start: int | None
    end: int | None  # None: in office at the time the dictionary was written

    def held_in(self, year: int) -> bool:
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str  # how Japanese news names the person alone: プーチン, 習近平
    full: str  # the full name as Japanese writes it: ウラジーミル・プーチン
    aliases: tuple[str, ...]
    en: tuple[str, ...]
    latin: str
    offices: tuple[Office, ...]

    @property
    def full_names(self) -> tuple[str, ...]:
        """Every form that names the person in full: the full name, and aliases written in parts
        (ウラジミール・プーチン) or in kanji (賴清德). A katakana alias in one part (プレボスト)
        is a surname, which may mean others too."""
        return tuple(dict.fromkeys(n for n in (self.full, *self.aliases) if n and (n == self.full or _in_full(n))))

    @property
    def short_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for n in (self.name, *self.aliases) if n and n not in self.full_names))

    def states(self, year: int | None = None) -> frozenset[str]:
        return frozenset(o.state for o in self.offices if year is None or o.held_in(year))


@dataclass(frozen=True, slots=True)
class Dictionary:
    states: Mapping[str, Entry]
    bodies: Mapping[str, Entry]
    groups: Mapping[str, Entry]
    persons: Mapping[str, Person]
    ambiguous: frozenset[str]  # match keys that name more than one entry: never an alias
    version: str
    _full: Mapping[str, tuple[str, ...]]  # name_key of a full name -> person ids
    _short: Mapping[str, tuple[str, ...]]  # name_key of a short name (プーチン) -> person ids
    _loose: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # loose_key of a katakana name -> ids
    name_initials: frozenset[str] = frozenset()  # first characters of every person's name: most tokens start none
    max_name_length: int = 0  # characters, joiners included
    # Every beginning of a name's key: a scan for names stops at the first token that starts none
    # (~37,000 strings; without it each katakana token was read 30 characters on).
    name_prefixes: frozenset[str] = frozenset()
    # The first two or three kanji of every full name written in kanji (岩屋 of 岩屋毅): what a
    # surname before a title may be, when Sudachi takes it for an ordinary word (岩屋, a cave).
    kanji_surnames: frozenset[str] = frozenset()

    def full_name_ids(self, text: str) -> tuple[str, ...]:
        """The persons ``text`` names in full (ウラジーミル・プーチン, 習近平), or ()."""
        return self._full.get(name_key(text), ())

    def short_name_ids(self, text: str) -> tuple[str, ...]:
        """The persons ``text`` is the short name of (プーチン; ブッシュ fits two), or ()."""
        return self._short.get(name_key(text), ())

    def persons_named(self, text: str, *, loose: bool = True) -> list[Person]:
        """The persons ``text`` names: by a full name if it is one, else by the short name,
        else (``loose``) by a spelling variant of a katakana name.

        A short name can fit several people (two presidents Bush): all are returned, and
        the caller decides by what else the text says (:meth:`person_for`).
        """
        key = name_key(text)
        ids = self._full.get(key) or self._short.get(key) or (self._loose.get(loose_key(text), ()) if loose else ())
        if not ids and loose:
            ids = self._given_and_surname(text)
        return [self.persons[i] for i in ids]

    def _given_and_surname(self, text: str) -> tuple[str, ...]:
        """ヘルマン・ファン・ロンパウ: a given name before another spelling of a known surname
        (ファンロンパウ) names the person whose full name opens with that given name."""
        given, _, rest = text.replace("･", "・").partition("・")
        if not given or not rest:
            return ()
        ids = self._short.get(name_key(rest)) or self._loose.get(loose_key(rest), ())
        return tuple(i for i in ids if name_key(self.persons[i].full.partition("・")[0]) == name_key(given))

    def by_surname(self, text: str) -> list[Person]:
        """The persons whose name in kanji begins with ``text`` as a surname (岸田 of 岸田文雄):
        many may fit; the caller keeps those whose offices the document agrees with."""
        if not text or not all(is_kanji(c) for c in text):
            return []
        index = _SURNAMES.get(self.version)
        if index is None:
            index = _SURNAMES[self.version] = _surname_index(self.persons)
        return [self.persons[i] for i in index.get(text, ())]

    def is_full_name(self, text: str) -> bool:
        return name_key(text) in self._full

    def candidates(self, names: Iterable[str]) -> list[Person]:
        """The persons every name in ``names`` that the dictionary knows fits (names it does not know are
        no evidence either way), in id order."""
        fits: set[str] | None = None
        for n in names:
            ids = {p.id for p in self.persons_named(n)}
            if ids:
                fits = ids if fits is None else fits & ids
        return [self.persons[i] for i in sorted(fits or ())]

    def person_for(self, names: Iterable[str], *, year: int | None = None, states: Iterable[str] = ()) -> Person | None:
        """The one person every name in ``names`` fits, told apart by year and state if need be.

        None when no person fits, or when more than one still does.
        """
        fits = self.candidates(names)
        if len(fits) > 1 and year is not None:
            fits = [p for p in fits if p.states(year)] or fits
        wanted = set(states)
        if len(fits) > 1 and wanted:
            fits = [p for p in fits if p.states() & wanted] or fits
        return fits[0] if len(fits) == 1 else None


def _entry(e: Mapping[str, Any], *, official: bool = False) -> Entry:
    aliases = [e["name"], *(e.get("aliases") or ())]
    if official and e.get("official"):
        aliases.append(e["official"])
    return Entry(
        id=e["id"],
        kind=e.get("status") or e.get("kind") or "",
        name=e["name"],
        aliases=tuple(dict.fromkeys(a for a in aliases[1:] if a and a != e["name"])),
        acronyms=tuple(e.get("acronyms") or ()),
        en=tuple(e.get("en") or ()),
        part_of=e.get("part_of"),
        state=e.get("state"),
        start=e.get("from"),
        end=e.get("to"),
        successor=e.get("successor"),
    )


def _persons(files: Iterable[Mapping[str, Any]]) -> dict[str, Person]:
    """Persons by id; one person in several files (a minister who became head of government) is one."""
    merged: dict[str, dict[str, Any]] = {}
    for data in files:
        for e in data["entries"]:
            p = merged.setdefault(e["id"], {**e, "aliases": [], "en": [], "offices": []})
            p["aliases"] += [a for a in e.get("aliases") or () if a not in p["aliases"]]
            p["en"] += [a for a in e.get("en") or () if a not in p["en"]]
            p["offices"] += [o for o in e.get("offices") or () if o not in p["offices"]]
    out = {}
    for pid, p in sorted(merged.items()):
        offices = sorted(
            (Office(o["state"], o["office"], o.get("title") or "", o.get("from"), o.get("to")) for o in p["offices"]),
            key=lambda o: (o.start or 0, o.state, o.office),
        )
        out[pid] = Person(
            id=pid,
            name=p["name"],
            full=p.get("full") or p["name"],
            aliases=tuple(p["aliases"]),
            en=tuple(p["en"]),
            latin=p.get("latin") or "",
            offices=tuple(offices),
        )
    return out


# Per dictionary version: a kanji surname -> the ids of the persons it may be the surname of.
_SURNAMES: dict[str, dict[str, tuple[str, ...]]] = {}


def _surname_index(persons: Mapping[str, Person]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for p in persons.values():
        if len(p.full) < 3 or not all(is_kanji(c) for c in p.full):
            continue
        for i in range(1, len(p.full)):
            if is_short_name(p.full[:i], p.full):
                out[p.full[:i]].append(p.id)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _person_index(persons: Mapping[str, Person]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    full: dict[str, set[str]] = defaultdict(set)
    short: dict[str, set[str]] = defaultdict(set)
    for p in persons.values():
        for n in p.full_names:
            full[name_key(n)].add(p.id)
        for n in p.short_names:
            short[name_key(n)].add(p.id)
    # A full name names its person only, even where it is another's short name too.
    return (
        {k: tuple(sorted(v)) for k, v in full.items()},
        {k: tuple(sorted(v)) for k, v in short.items() if k not in full},
    )


def _ambiguous(entries: Iterable[Entry], declared: Iterable[str]) -> frozenset[str]:
    """Forms two entries share, unless exactly one of them is current (ビルマ: Myanmar, not the old Burma)."""
    owners: dict[str, set[str]] = defaultdict(set)
    current: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for form in (e.name, *e.aliases, *e.acronyms):
            owners[match_key(form)].add(e.id)
            if not e.historical:
                current[match_key(form)].add(e.id)
    out = {match_key(x) for x in declared}
    out.update(key for key, ids in owners.items() if len(ids) > 1 and len(current[key]) != 1)
    return frozenset(out)


def _read(name: str) -> bytes:
    return resources.files("extract").joinpath(*_FOLDER, name).read_bytes()


@functools.cache
def load_dictionary() -> Dictionary:
    """Load the dictionary's files (cached: one dictionary per process)."""
    digest = hashlib.sha256()
    raw = {name: _read(name) for name in (*_ENTRY_FILES.values(), *_PERSON_FILES)}
    for name in sorted(raw):
        digest.update(name.encode() + raw[name])
    data = {name: json.loads(b.decode("utf-8")) for name, b in raw.items()}
    sections = {
        kind: {e["id"]: _entry(e, official=kind == "states") for e in data[f]["entries"]}
        for kind, f in _ENTRY_FILES.items()
    }
    declared = [a["alias"] for a in data["groups.json"].get("ambiguous", ())]
    persons = _persons(data[f] for f in _PERSON_FILES)
    full, short = _person_index(persons)
    loose: dict[str, set[str]] = defaultdict(set)
    for p in persons.values():
        for n in (*p.full_names, *p.short_names):
            if k := loose_key(n):
                loose[k].add(p.id)
    every = [e for section in sections.values() for e in section.values()]
    forms = [n for p in persons.values() for n in (p.name, *p.full_names)]
    return Dictionary(
        states=MappingProxyType(sections["states"]),
        bodies=MappingProxyType(sections["bodies"]),
        groups=MappingProxyType(sections["groups"]),
        persons=MappingProxyType(persons),
        ambiguous=_ambiguous(every, declared),
        version=digest.hexdigest()[:16],
        _full=MappingProxyType(full),
        _short=MappingProxyType(short),
        _loose=MappingProxyType({k: tuple(sorted(v)) for k, v in loose.items()}),
        name_initials=frozenset(match_key(n)[:1] for n in forms if n),
        max_name_length=max((len(n) for n in forms), default=0) + 4,  # room for joiners written wider
        name_prefixes=frozenset(k[:i] for k in (*full, *short) for i in range(1, len(k) + 1)),
        kanji_surnames=frozenset(
            p.full[:i]
            for p in persons.values()
            if len(p.full) >= 3 and all(is_kanji(c) for c in p.full)
            for i in (2, 3)
            if i < len(p.full)
        ),
    )


# The dictionary of a lexicon built from invented data (tests): it knows no one.
EMPTY_DICTIONARY = Dictionary(
    states=MappingProxyType({}),
    bodies=MappingProxyType({}),
    groups=MappingProxyType({}),
    persons=MappingProxyType({}),
    ambiguous=frozenset(),
    version="empty",
    _full=MappingProxyType({}),
    _short=MappingProxyType({}),
)


def with_unjoined(aliases: dict[str, str], ambiguous: frozenset[str]) -> dict[str, str]:
    """Japanese writes a foreign name in parts or run together (アル・シャバーブ, アルシャバーブ;
    ボコ・ハラム, ボコハラム): the run-together spelling names the same actor, unless it is
    another name already or two names would share it.

    >>> with_unjoined({"ボコ・ハラム": "boko_haram"}, frozenset())
    {'ボコ・ハラム': 'boko_haram', 'ボコハラム': 'boko_haram'}
    """
    unjoined: dict[str, set[str]] = {}
    for key, aid in aliases.items():
        bare = key.translate(_NAME_JOINERS)
        if bare != key and len(bare) >= 4 and bare not in aliases and bare not in ambiguous:
            unjoined.setdefault(bare, set()).add(aid)
    return aliases | {bare: next(iter(ids)) for bare, ids in sorted(unjoined.items()) if len(ids) == 1}
