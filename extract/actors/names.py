"""Where a person's name begins and ends around a title: the name tokens, trimmed of what is not the name."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..dictionary import Dictionary
from ..lexicon import Lexicon
from ..normalize import is_kanji, is_katakana
from .mentions import MentionSet
from .sentence import (
    CLOSE,
    NAME_EQUALS,
    NAME_JOINERS,
    OPEN,
    SentenceView,
    is_particle,
    is_reading,
)

# Kinship words that Sudachi glues to names (三女悦子, 長男信勝).
KIN = (
    "長女",
    "次女",
    "三女",
    "四女",
    "長男",
    "次男",
    "三男",
    "四男",
    "妻",
    "夫",
    "父",
    "母",
    "兄",
    "弟",
    "姉",
    "妹",
    "息子",
    "娘",
    "孫",
    "叔父",
    "叔母",
)


def name_token(t) -> bool:
    tag = t.tag_
    txt = t.text
    if tag.startswith("名詞-固有名詞-人名") or t.ent_type_ == "Person":
        return True
    if tag.startswith(("名詞-普通名詞", "名詞-固有名詞-一般")) and is_katakana(txt) and len(txt) >= 2:
        return True
    return False


def name_left(
    sent: SentenceView, ms: MentionSet, lex: Lexicon, end: int, *, strict: bool = False
) -> tuple[int, int, str | None] | None:
    """Scan left from ``end`` (exclusive) for a name: (start, end, reading).

    ``strict``: words were skipped between the name and its title
    (外務・安全保障政策 in …EU外務・安全保障政策上級代表), so a lone katakana
    word is not enough: the name must be tagged a name or be joined by ・.
    """
    doc = sent.doc
    k = end - 1
    if k >= 0 and doc[k].text in "・･":
        k -= 1
    before = _reading_before(sent, k)
    if before is None:
        return None
    stop, reading = before
    scan = _scan_left(sent, ms, lex, stop, strict=strict)
    if (not scan.has_name or scan.k == stop) and reading is not None:
        # 孔鉉佑(こう・げんゆう)駐日大使: kanji Sudachi reads as words, a reading in brackets after
        kanji = _kanji_name_before(sent, ms, stop)
        if kanji is not None:
            return kanji, end, reading
    if not scan.has_name or scan.k == stop:
        return None
    if strict and not (scan.tagged or scan.joined):
        return None
    start = scan.k + 1
    while start <= stop and doc[start].text in NAME_JOINERS:
        start += 1
    if start > stop:
        return None
    name = sent.ntext(start, stop + 1)
    if lex.title_role(name) is not None or lex.lookup(name) is not None:
        return None
    return start, end, reading


def _kanji_name_before(sent: SentenceView, ms: MentionSet, stop: int) -> int | None:
    """Where a name of two to four kanji ending at token ``stop`` starts (a Chinese or Korean
    name given a reading), or None."""
    doc = sent.doc
    start, chars = stop + 1, 0
    while start > 0 and ms.free(start - 1, start) and all(map(is_kanji, doc[start - 1].text)):
        chars += len(doc[start - 1].text)
        start -= 1
        if chars >= 4:
            break
    return start if 2 <= chars <= 4 and start <= stop else None


def _reading_before(sent: SentenceView, k: int) -> tuple[int, str | None] | None:
    """A reading in brackets ending at token ``k`` (金正恩(キム・ジョンウン)): the last token
    of the name before it, and the reading; ``k`` itself when there are no brackets;
    None when the brackets do not open."""
    doc = sent.doc
    if k < 0 or doc[k].text not in CLOSE:
        return k, None
    o = k - 1
    while o >= 0 and doc[o].text not in OPEN and k - o < 12:
        o -= 1
    if o < 0 or doc[o].text not in OPEN:
        return None
    inner = sent.ntext(o + 1, k) if o + 1 < k else ""
    return o - 1, inner if inner and is_reading(inner) else None


@dataclass(frozen=True, slots=True)
class _Scan:
    """How far left a name runs from where it must end, and what it is made of."""

    k: int  # the token before the name
    has_name: bool  # a token that is a name
    tagged: bool  # a token tagged a person's name
    joined: bool  # parts joined by ・


def _initial(t) -> bool:
    """A middle initial written in a katakana name: J, Ｊ, J."""
    text = unicodedata.normalize("NFKC", t.text).rstrip(".")
    return len(text) == 1 and "A" <= text <= "Z"


def _scan_left(sent: SentenceView, ms: MentionSet, lex: Lexicon, stop: int, *, strict: bool) -> _Scan:
    """Name tokens leftwards from ``stop`` (inclusive), up to four parts."""
    doc = sent.doc
    k = stop
    parts = 0
    has_name = tagged = joined = False
    while k >= 0 and parts < 4 and ms.free(k, k + 1):
        t = doc[k]
        if name_token(t):
            has_name = True
            tagged = tagged or t.tag_.startswith("名詞-固有名詞-人名") or t.ent_type_ == "Person"
            parts += 1
        elif t.text in NAME_JOINERS and k > 0 and (is_katakana(doc[k - 1].text) or _initial(doc[k - 1])) and parts > 0:
            if _two_names(sent, lex, k, stop):
                break  # チャーチル＝ルーズベルト会談: two persons, not one name in two parts
            joined = True  # ヴォロディミール・ゼレンスキー, アル＝アサド: parts joined by ・ or ＝ do not count
        elif k == stop and t.text == "世" and k > 1 and doc[k - 1].tag_.startswith("名詞-数詞"):
            k -= 1  # エリザベス|2|世|女王: the regnal number is part of the name
        elif _initial(t) and joined and k > 0 and doc[k - 1].text in "・･":
            pass  # ドナルド・J・トランプ, ジョン・F・ケネディ: a middle initial is part of the name
        elif _name_fragment(doc, k, parts):
            # 金正|恩, 玄承|洙: Sudachi cuts rare Korean and Chinese names apart.
            parts += 1
        elif k == stop and not strict and (_surname_before_title(t, lex) or _katakana_before_title(t, lex)):
            # 茂木|外務大臣, チン|首相: a proper noun or a katakana word right before a title is a
            # surname, whatever Sudachi took it for (茂木 is also a town, チン an adverb)
            has_name = True
            parts += 1
        else:
            break
        k -= 1
    return _Scan(k=k, has_name=has_name, tagged=tagged, joined=joined)


def regnal_end(doc, j: int) -> int:
    """Where a name ending before token ``j`` ends with its regnal number (エマヌエーレ|3|世,
    エリザベス|2|世): the number is part of a monarch's name."""
    if j + 1 < len(doc) and doc[j].tag_.startswith("名詞-数詞") and doc[j + 1].text == "世":
        return j + 2
    return j


def _two_names(sent: SentenceView, lex: Lexicon, k: int, stop: int) -> bool:
    return sent.doc[k].text in NAME_EQUALS and two_persons(lex, sent.doc[k - 1].text, sent.ntext(k + 1, stop + 1))


def two_persons(lex: Lexicon, left: str, right: str) -> bool:
    """Whether the words either side of a ＝ are two persons the dictionary knows, each by
    itself (チャーチル＝ルーズベルト会談), not the parts of one name (アル＝アサド)."""
    return known_alone(lex.dictionary, left) and known_alone(lex.dictionary, right)


def known_alone(people: Dictionary, word: str) -> bool:
    """Whether ``word`` by itself, spelled as written, names a person of the dictionary."""
    return bool(people.persons_named(word, loose=False))


def _name_fragment(doc, k: int, parts: int) -> bool:
    """One or two kanji cut off a name next to it (金正|恩)."""
    t = doc[k]
    return (
        len(t.text) <= 2
        and all(is_kanji(c) for c in t.text)
        and not is_particle(t.tag_)
        and (
            (parts > 0 and name_token(doc[k + 1]) and all(map(is_kanji, doc[k + 1].text)))
            or (k > 0 and doc[k - 1].tag_.startswith("名詞-固有名詞-人名") and all(map(is_kanji, doc[k - 1].text)))
        )
    )  # (a kanji after a katakana name is no part of it: フェルナンデス|亜|大統領 is Argentina's)


def _katakana_before_title(t, lex: Lexicon) -> bool:
    return (
        len(t.text) >= 2
        and is_katakana(t.text)
        and t.tag_.startswith(("副詞", "感動詞", "形状詞", "接頭辞", "接尾辞-名詞的"))
        and lex.lookup(t.text) is None
    )


def _surname_before_title(t, lex: Lexicon) -> bool:
    return (
        2 <= len(t.text) <= 3
        and all(is_kanji(c) for c in t.text)
        # (岩屋|外務大臣: an ordinary word to Sudachi, the surname of a minister to the dictionary)
        and (t.tag_.startswith("名詞-固有名詞") or t.text in lex.dictionary.kanji_surnames)
        and lex.lookup(t.text) is None
    )


def name_right(sent: SentenceView, ms: MentionSet, lex: Lexicon, start: int) -> tuple[int, int, str | None] | None:
    """A name right after its title: アメリカの国務長官であるアレクサンダー・ヘイグ,
    シンガポールの首相リー・クアンユー, 外交部長 黄華. Only a tagged name or
    katakana parts joined by ・ count (a title is often followed by other nouns)."""
    doc = sent.doc
    n = len(doc)
    k = start
    words = [sent.ntext(j, j + 1) for j in range(k, min(n, k + 2))]
    if words[:2] == ["で", "ある"]:
        k += 2
    elif words[:1] in (["の"], [" "], ["　"]):
        k += 1
    while k < n and doc[k].text.isspace():
        k += 1
    j = k
    tagged = joined = False
    while j < n and ms.free(j, j + 1):
        t = doc[j]
        if name_token(t) or (j > k and doc[j - 1].text in NAME_JOINERS and is_katakana(t.text)):
            # (アンワル・アッ=サーダート: after a joiner any katakana part, アッ a Sudachi interjection)
            tagged = tagged or t.tag_.startswith("名詞-固有名詞-人名") or t.ent_type_ == "Person"
            j += 1
        elif t.text in NAME_JOINERS and j > k and j + 1 < n and is_katakana(doc[j + 1].text):
            joined = True
            j += 1
        elif (
            j > k
            and len(t.text) == 1
            and is_kanji(t.text)
            and doc[j - 1].tag_.startswith("名詞-固有名詞-人名")
            and not is_particle(t.tag_)
        ):
            j += 1  # 金正|恩: Sudachi cuts a rare name apart
        else:
            break
    if j == k or not (tagged or joined) or j - k > 9:
        return None
    j = regnal_end(doc, j)
    if j < n and (lex.title_role(doc[j].text) is not None or doc[j].tag_.startswith("接尾辞")):
        return None  # the name has a title or ending of its own: read from there
    name = sent.ntext(k, j)
    if lex.title_role(name) is not None or lex.lookup(name) is not None:
        return None
    reading = None
    if j + 1 < n and doc[j].text in OPEN:
        c = j + 1
        while c < n and doc[c].text not in CLOSE and c - j < 12:
            c += 1
        if c < n and is_reading(sent.ntext(j + 1, c)):
            reading = sent.ntext(j + 1, c)
    return k, j, reading


def clean_name(lex: Lexicon, raw: str) -> str:
    """The bare name: no reading in brackets, honorific or title (恩氏 is one token at times)."""
    name = raw
    for o in OPEN:
        if o in name:
            name = name[: name.index(o)]
    name = name.rstrip("・･ ").strip()
    suffixes = lex.name_endings
    changed = True
    while changed:
        changed = False
        for suffix in suffixes.get(name[-1:], ()):
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                name = name[: -len(suffix)].rstrip("・･ ")
                changed = True
                break
    return name


def trim_name(sent: SentenceView, lex: Lexicon, start: int, end: int) -> tuple[int, int]:
    """Drop kinship words before a name (三女悦子) and 等/ら after it (吉村等)."""
    doc = sent.doc
    while start < end and (
        doc[start].text in KIN or lex.title_role(doc[start].text) is not None or doc[start].text in NAME_JOINERS
    ):
        start += 1
    while end > start and (doc[end - 1].text in NAME_JOINERS or doc[end - 1].text in ("等", "ら", "氏")):
        end -= 1
    text = sent.ntext(start, end) if start < end else ""
    for kin in KIN:
        if text.startswith(kin) and len(text) > len(kin) + 1 and doc[start].text.startswith(kin):
            return start, start  # a kinship word fused into the token: not a clean name
    if text.endswith("等") and len(text) > 2:
        return start, start
    return start, end
