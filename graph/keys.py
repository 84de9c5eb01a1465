"""How a name becomes a lookup key: width, case, spaces, joiners and titles do not matter.

The map's search box reads what is typed the same way (graph/static/map.js),
so a key computed here matches there.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from importlib import resources
from typing import Any

from extract.normalize import _LOOSE, is_katakana, kata_to_romaji, loose_romaji

__all__ = [
    "name_key",
    "name_parts",
    "page_key",
    "romaji_alike",
    "romaji_key",
    "romanisable",
    "strings",
    "strip_titles",
    "titles",
]

# Characters a key ignores: spaces, name joiners and the punctuation of English names.
_IGNORED = re.compile(r"[\s・･=＝.,\-‐_'’()（）]+")
# Where a name splits into its parts: ウラジーミル・プーチン, Vladimir Putin, アル=カダフィ.
_PARTS = re.compile(r"[\s・･=＝_]+")


def name_key(text: str) -> str:
    """The key a name is looked up under: NFKC, lower case, without spaces or joiners.

    >>> name_key(" Ｕｎｉｔｅｄ  States "), name_key("ドナルド・トランプ"), name_key("ﾛｼｱ"), name_key("U.S.")
    ('unitedstates', 'ドナルドトランプ', 'ロシア', 'us')
    """
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text)).lower())


def page_key(text: str) -> str:
    """How the map's search box reads what is typed: NFKC, lower case, no white space.

    >>> page_key(" Ｐｕｔｉｎ 大統領"), page_key("North Korea")
    ('putin大統領', 'northkorea')
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).lower()


def name_parts(name: str) -> tuple[str, ...]:
    """The parts of a name, each as a key: ウラジーミル・プーチン, "Vladimir Putin", "Moon Jae-in".

    >>> name_parts("ウラジーミル・プーチン"), name_parts(" Moon  Jae-in "), name_parts("習近平")
    (('ウラジーミル', 'プーチン'), ('moon', 'jaein'), ('習近平',))
    """
    text = unicodedata.normalize("NFKC", str(name)).strip()
    return tuple(k for p in _PARTS.split(text) if (k := name_key(p)))


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


def strings(value: Any) -> list[str]:
    """A node attribute holding names as a list: a list, one string, or GraphML's " | "-joined text.

    >>> strings(["ロシア", "露"]), strings("ドイツ | 独"), strings(None)
    (['ロシア', '露'], ['ドイツ', '独'], [])
    """
    if isinstance(value, str):
        return [v for v in (x.strip() for x in value.split(" | ")) if v]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def _spelling(text: str) -> str:
    s = unicodedata.normalize("NFKC", str(text)).lower()
    if s.isascii():
        s = re.sub(r"ng(?![aeiouy])", "n", s)
    s = kata_to_romaji(s)
    for a, b in _LOOSE:
        s = s.replace(a, b)
    return re.sub(r"[^a-z]", "", s)


def romaji_alike(a: str, b: str) -> bool:
    """Two names whose loose romanisations are equal and whose spellings, vowels included, are alike.

    The consonant skeleton alone makes "Rusia" meet ライス (r-s); the vowels tell them apart.

    >>> romaji_alike("Putin", "プーチン"), romaji_alike("Merkel", "メルケル"), romaji_alike("Rusia", "ライス")
    (True, True, False)
    """
    from rapidfuzz import fuzz

    if romaji_key(a) != romaji_key(b):
        return False
    return fuzz.ratio(_spelling(a), _spelling(b)) >= _SPELLING_LIKENESS


_SPELLING_LIKENESS = 60.0


def romanisable(name: str) -> bool:
    """Latin letters or katakana: a name a loose romanisation can compare."""
    text = unicodedata.normalize("NFKC", str(name))
    return bool(text.strip()) and (text.isascii() or is_katakana(re.sub(r"[\s=＝･]", "", text)))


@functools.cache
def titles() -> tuple[str, ...]:
    """Honorifics and titles that may follow a name (氏, 大統領 …), longest first."""
    try:
        data = json.loads((resources.files("extract") / "data" / "titles.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    words = {"氏", "さん", "大統領", "首相", "総書記", "教授"}
    for key in ("honorifics", "leader", "official", "expert", "modifiers"):
        words.update(w for w in data.get(key, ()) if isinstance(w, str))
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


_BRACKETS = re.compile(r"[(（][^)）]*[)）]")


@functools.cache
def _title_ends() -> re.Pattern[str]:
    # longest first, so that 総理大臣 is taken whole rather than 大臣
    return re.compile("(?:" + "|".join(map(re.escape, titles())) + ")$")


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
