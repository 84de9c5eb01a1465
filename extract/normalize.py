"""Pure string helpers: matching keys, name cleaning and actor ids.

Matching is done on NFKC-normalised text (full-width letters and digits fold
to ASCII, half-width katakana to full-width), while evidence stays verbatim.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "is_kanji",
    "is_katakana",
    "is_short_name",
    "kata_to_romaji",
    "loose_romaji",
    "match_key",
    "nfkc",
    "slugify",
]

_SPACES = re.compile(r"\s+")


def nfkc(text: str) -> str:
    """NFKC without changing the length of the text.

    NFKC can change a string's length (㈱ → (株), ㍻ → 平成); offsets into the
    original must stay valid, so characters whose normal form has a different
    length are kept as they are.

    >>> nfkc("ＮＡＴＯとﾛｼｱ")
    'NATOとロシア'
    >>> len(nfkc("㈱")) == 1
    True
    """
    if text.isascii():
        return text
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


def match_key(text: str) -> str:
    """The key under which a name is looked up: NFKC, no spaces, ASCII upper-case.

    >>> match_key(" Ｎａｔｏ ")
    'NATO'
    """
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).upper()


def slugify(name: str) -> str:
    """A stable id for an actor with no id of its own (persons, new organizations).

    >>> slugify("ドナルド・トランプ")
    'ドナルド_トランプ'
    >>> slugify("Jens Stoltenberg")
    'jens_stoltenberg'
    """
    s = unicodedata.normalize("NFKC", name).lower()
    s = re.sub(r"[\W・･]+", "_", s)
    return s.strip("_") or "actor"


def is_katakana(text: str) -> bool:
    return bool(text) and all("\u30a0" <= c <= "\u30ff" or c in "ー・" for c in text)


def is_short_name(short: str, full: str) -> bool:
    """Whether ``short`` is how a person named ``full`` is called after the first mention.

    Katakana names by their last part (トランプ of ドナルド・トランプ) or a first
    part of three or more characters (キム of キム・ジョンウン is too short);
    kanji names by a surname (岸田 of 岸田文雄, 林 of 林芳正): one or more
    characters followed by a given name of at most three. A one-character
    surname fits many people: callers accept it only when one person fits.

    >>> is_short_name("トランプ", "ドナルド・トランプ"), is_short_name("岸田", "岸田文雄")
    (True, True)
    >>> is_short_name("金", "金正恩"), is_short_name("金正恩", "金与正"), is_short_name("ブッシュ", "ブッシュ")
    (True, False, False)
    """
    if not short or short == full:
        return False
    if is_katakana(full):
        parts = full.replace("=", "・").split("・")
        return len(parts) > 1 and (parts[-1] == short or (parts[0] == short and len(short) >= 3))
    return full.startswith(short) and 1 <= len(full) - len(short) <= 3 and not is_katakana(short)


def is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "々〆"


# Hepburn for katakana, enough to let "putin" find プーチン (see loose_romaji).
_DIGRAPHS = {
    "キャ": "kya",
    "キュ": "kyu",
    "キョ": "kyo",
    "シャ": "sha",
    "シュ": "shu",
    "ショ": "sho",
    "チャ": "cha",
    "チュ": "chu",
    "チョ": "cho",
    "ニャ": "nya",
    "ニュ": "nyu",
    "ニョ": "nyo",
    "ヒャ": "hya",
    "ヒュ": "hyu",
    "ヒョ": "hyo",
    "ミャ": "mya",
    "ミュ": "myu",
    "ミョ": "myo",
    "リャ": "rya",
    "リュ": "ryu",
    "リョ": "ryo",
    "ギャ": "gya",
    "ギュ": "gyu",
    "ギョ": "gyo",
    "ジャ": "ja",
    "ジュ": "ju",
    "ジョ": "jo",
    "ビャ": "bya",
    "ビュ": "byu",
    "ビョ": "byo",
    "ピャ": "pya",
    "ピュ": "pyu",
    "ピョ": "pyo",
    "ティ": "ti",
    "ディ": "di",
    "トゥ": "tu",
    "ドゥ": "du",
    "ファ": "fa",
    "フィ": "fi",
    "フェ": "fe",
    "フォ": "fo",
    "ウィ": "wi",
    "ウェ": "we",
    "ウォ": "wo",
    "ヴァ": "va",
    "ヴィ": "vi",
    "ヴェ": "ve",
    "ヴォ": "vo",
    "シェ": "she",
    "ジェ": "je",
    "チェ": "che",
    "ツァ": "tsa",
    "ツォ": "tso",
    "イェ": "ye",
}
_MONO = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
        "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョ",
        "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
        "ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji zu de do "
        "ba bi bu be bo pa pi pu pe po vu a i u e o ya yu yo".split(),
        strict=False,
    )
)


def kata_to_romaji(text: str) -> str:
    """Hepburn romanisation of katakana; other characters pass through.

    >>> kata_to_romaji("プーチン")
    'puuchin'
    >>> kata_to_romaji("キム・ジョンウン")
    'kimu jon un'
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        ch = text[i]
        if pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
            continue
        if ch == "ー" and out:
            out.append(out[-1][-1])
        elif ch == "ッ":
            nxt = text[i + 1 : i + 2]
            roman = _DIGRAPHS.get(text[i + 1 : i + 3]) or _MONO.get(nxt, "")
            out.append(roman[:1] if roman else "")
        elif ch in "・･ 　":
            out.append(" ")
        elif ch == "ン" and text[i + 1 : i + 2] in tuple("アイウエオヤユヨ"):
            out.append("n ")
        else:
            out.append(_MONO.get(ch, ch))
        i += 1
    return "".join(out)


_LOOSE = [
    ("shi", "si"),
    ("chi", "ti"),
    ("tsu", "tu"),
    ("fu", "hu"),
    ("ji", "zi"),
    ("sh", "s"),
    ("ch", "t"),
    ("j", "z"),
    ("v", "b"),
    ("l", "r"),
    ("m", "n"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
]


def loose_romaji(text: str) -> str:
    """A forgiving key for romanised names: the consonant skeleton of a spelling.

    Katakana is romanised first and Japanese transcription adds vowels
    (トランプ = to-ra-n-pu), so vowels are dropped and near consonants merged:
    an English spelling then finds the Japanese one. Used only as a last resort
    when looking an actor up, never for extraction.

    >>> loose_romaji("プーチン") == loose_romaji("Putin")
    True
    >>> loose_romaji("ゼレンスキー") == loose_romaji("Zelenskyy")
    True
    >>> loose_romaji("トランプ") == loose_romaji("Trump")
    True
    """
    s = kata_to_romaji(unicodedata.normalize("NFKC", text)).lower()
    for a, b in _LOOSE:
        s = s.replace(a, b)
    s = re.sub(r"[^a-z]|[aeiouyw]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)
