"""A person's names as parts: full names in either order and script, and the family name alone.

A person is found by a full name whose parts are the parts of one of its
names in any order (Vladimir Putin, Putin Vladimir, ウラジーミル・プーチン), by a
full name whose family name is the person's and whose given name does not
contradict what the graph knows (ウラジーミル・プーチン finds a node that only
knows プーチン), or by the family name alone. Latin letters meet katakana
through a loose romanisation (:func:`graph.keys.romaji_key`: putin and プーチン).

Which part is the family name:

- katakana names of Western order: the last part (ドナルド・トランプ → トランプ);
  a name of one part is a family name (プーチン);
- the katakana reading of a kanji name, as Korean names are glossed: the
  first part (金正恩's キム・ジョンウン → キム); a kanji name starts with its
  family name (兵頭 finds 兵頭慎治);
- Latin names: the first word of ``latin`` for a person with a kanji name
  (Xi Jinping, Kishida Fumio, Moon Jae-in: the family name first), otherwise
  the last word of each ``en`` and ``latin`` name (Vladimir Putin); the first
  segment of an id in Latin letters (the actor dictionary writes
  ``putin_vladimir``, ``kishida_fumio``: the family name first).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from extract.normalize import is_kanji, is_katakana

from .keys import name_key, name_parts, romaji_alike, romaji_key, romanisable, strings, strip_titles

__all__ = ["LATIN_NAME_ATTRS", "Person", "PersonIndex", "latin_names", "person_names"]

# Node attributes holding other names of an actor (the actor dictionary's fields): English names,
# the romanised full name, the full name as Japanese writes it, Latin acronyms.
LATIN_NAME_ATTRS = ("en", "latin", "full", "acronyms")

# A given name that resembles the graph's at least this much (rapidfuzz ratio of loose romanisations).
_GIVEN_NAME_LIKENESS = 60.0


def latin_names(attrs: Mapping[str, Any]) -> list[str]:
    """The names a node carries beside its label and aliases (``en``, ``latin``, ``full``, ``acronyms``)."""
    return [n for attr in LATIN_NAME_ATTRS for n in strings(attrs.get(attr))]


def _katakana_name(name: str) -> bool:
    """Katakana parts, and perhaps initials: ドナルド・トランプ, J・トランプ, ドナルド・J・トランプ."""
    parts = [p for p in re.split(r"[・･=＝\s]+", unicodedata.normalize("NFKC", name)) if p]
    return any(is_katakana(p) for p in parts) and all(is_katakana(p) or (len(p) == 1 and p.isascii()) for p in parts)


def _kanji_name(text: str) -> bool:
    return bool(text) and all(is_kanji(c) or c in "々〆ヶ" for c in text)


@dataclass(frozen=True, slots=True)
class Person:
    """One person's names as parts (keys), and which parts are a family name."""

    node: str
    full: tuple[tuple[str, ...], ...]  # names of two parts or more, each as its parts
    family: frozenset[str]  # family names, as keys
    given: frozenset[str]  # the other parts of the full names, as keys
    kanji: tuple[str, ...]  # kanji names, for a family name typed alone (兵頭 → 兵頭慎治)

    def has_family(self, key: str, *, loose: bool) -> bool:
        if key in self.family:
            return True
        if any(k.startswith(key) and k != key for k in self.kanji) and len(key) >= 2:
            return True
        if not loose:
            return False
        return len(romaji_key(key)) >= 2 and any(romanisable(f) and romaji_alike(key, f) for f in self.family)

    def given_fits(self, parts: Iterable[str]) -> bool:
        """Whether given names typed fit what the graph knows (anything fits when it knows none)."""
        from rapidfuzz import fuzz

        known = [romaji_key(g) for g in self.given if romanisable(g)] + [g for g in self.given if not romanisable(g)]
        if not known:
            return True
        for p in parts:
            r = romaji_key(p) if romanisable(p) else p
            if not any(r == k or k.startswith(r) or fuzz.ratio(r, k) >= _GIVEN_NAME_LIKENESS for k in known):
                return False
        return True

    def has_full(self, parts: tuple[str, ...], *, loose: bool) -> bool:
        """``parts`` are the parts of one of the person's full names, in any order."""
        want = sorted(parts)
        for full in self.full:
            if sorted(full) == want:
                return True
            if loose and len(full) == len(parts) and all(romanisable(p) for p in (*full, *parts)):
                pairs = zip(sorted(full, key=romaji_key), sorted(parts, key=romaji_key), strict=True)
                if all(romaji_alike(a, b) for a, b in pairs):
                    return True
        return False


def _names(node: str, attrs: Mapping[str, Any]) -> list[str]:
    names = [str(attrs.get("label") or node), *strings(attrs.get("aliases"))]
    names = [strip_titles(n) for n in names]
    return list(dict.fromkeys(n for n in names if n))


def person_names(node: str, attrs: Mapping[str, Any]) -> Person:
    """The parts of every name of a person node.

    >>> p = person_names("putin", {"label": "プーチン", "aliases": ["ウラジーミル・プーチン"], "en": ["Vladimir Putin"]})
    >>> sorted(p.family), sorted(p.given), p.full
    (['putin', 'プーチン'], ['vladimir', 'ウラジーミル'], (('ウラジーミル', 'プーチン'), ('vladimir', 'putin')))
    >>> q = person_names("金正恩", {"label": "金正恩", "aliases": ["キム・ジョンウン"], "latin": "Kim Jong Un"})
    >>> sorted(q.family), q.kanji
    (['kim', 'キム'], ('金正恩',))
    """
    label = strip_titles(str(attrs.get("label") or node))
    cjk = _kanji_name(label)
    japanese = _names(node, attrs)
    full: list[tuple[str, ...]] = []
    family: set[str] = set()
    given: set[str] = set()

    def add(parts: tuple[str, ...], at: int | None) -> None:
        if len(parts) == 1:
            if not _kanji_name(parts[0]) or len(parts[0]) <= 2:
                family.add(parts[0])
            return
        if len(parts) < 2:
            return
        full.append(parts)
        if at is not None:
            family.add(parts[at])
            given.update(p for i, p in enumerate(parts) if i != at % len(parts))

    for n in japanese:
        parts = name_parts(n)
        if _katakana_name(n):
            add(parts, 0 if cjk else -1)  # a reading of a kanji name: family name first
        else:
            add(parts, None)
    latin = strings(attrs.get("latin"))
    for n in latin:
        add(name_parts(n), 0 if cjk else -1)
    for n in strings(attrs.get("en")):
        parts = name_parts(n)
        add(parts, None if cjk and latin else -1)
    if str(node).isascii() and "_" in str(node):
        family.add(name_key(str(node).split("_")[0]))
    kanji = tuple(k for n in japanese if _kanji_name(k := name_key(n)))
    return Person(
        node=str(node),
        full=tuple(dict.fromkeys(full)),
        family=frozenset(family),
        given=frozenset(given - family),
        kanji=kanji,
    )


class PersonIndex:
    """The persons of a graph, found by the parts of their names without looking at each of them."""

    def __init__(self, persons: Iterable[Person]) -> None:
        self.persons = list(persons)
        self._family: dict[str, set[int]] = defaultdict(set)
        self._full: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self._kanji: list[tuple[str, int]] = []
        for i, p in enumerate(self.persons):
            for f in p.family:
                self._family[f].add(i)
                if romanisable(f) and len(r := romaji_key(f)) >= 2:
                    self._family["~" + r].add(i)
            for full in p.full:
                self._full[tuple(sorted(full))].add(i)
                if all(romanisable(x) for x in full):
                    self._full[("~", *sorted(map(romaji_key, full)))].add(i)
            self._kanji += [(k, i) for k in p.kanji]

    def _candidates(self, parts: tuple[str, ...]) -> list[Person]:
        found: set[int] = set()
        loose = [romaji_key(x) for x in parts if romanisable(x)]
        if len(parts) >= 2:
            found |= self._full.get(tuple(sorted(parts)), set())
            if len(loose) == len(parts):
                found |= self._full.get(("~", *sorted(loose)), set())
        for part in parts:
            found |= self._family.get(part, set())
        for r in loose:
            found |= self._family.get("~" + r, set())
        if len(parts) == 1 and len(parts[0]) >= 2:
            found |= {i for k, i in self._kanji if k.startswith(parts[0]) and k != parts[0]}
        return [self.persons[i] for i in sorted(found)]

    def matching(self, query: str) -> Iterator[tuple[int, str]]:
        """(strength, node) of every person ``query`` names: 0 a full name, 1 a full name by its family name,
        2 a family name; exact parts come before loosely romanised ones (strength + 3).

        >>> index = PersonIndex([person_names("putin", {"label": "プーチン"}), person_names("rice", {"label": "ライス"})])
        >>> list(index.matching("Vladimir Putin")), list(index.matching("Putin")), list(index.matching("Rusia"))
        ([(4, 'putin')], [(5, 'putin')], [])
        """
        parts = name_parts(query)
        if not parts:
            return
        for p in self._candidates(parts):
            for loose in (False, True):
                step = 3 if loose else 0
                if len(parts) >= 2:
                    if p.has_full(parts, loose=loose):
                        yield step, p.node
                        break
                    rest = [i for i, x in enumerate(parts) if p.has_family(x, loose=loose)]
                    if any(p.given_fits(parts[:i] + parts[i + 1 :]) for i in rest):
                        yield step + 1, p.node
                        break
                elif p.has_family(parts[0], loose=loose):
                    yield step + 2, p.node
                    break
