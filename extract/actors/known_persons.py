"""Persons the dictionary knows, named without a title: スターリン, 毛沢東, ウラジーミル・プーチン.

A full name the dictionary lists names its person anywhere. A short name
(プーチン, ブッシュ) is taken only where it stands as a name of its own: a
proper noun to Sudachi, not inside a longer katakana word or name. The
document decides which person a short name that fits several is
(:mod:`extract.document.resolve`); this pass only says that a person is named.
"""

from __future__ import annotations

from ..dictionary import Dictionary, name_key
from ..lexicon import Lexicon
from ..normalize import is_katakana
from ..types import ActorType
from .mentions import Mention, MentionSet
from .names import known_alone
from .sentence import NAME_EQUALS, NAME_JOINERS, SentenceView, after_place_word

__all__ = ["known_persons"]


def known_persons(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    people = lex.dictionary
    if not people.persons:
        return
    i, n = 0, len(sent.doc)
    while i < n:
        found = _name_at(sent, ms, people, i) if ms.free(i, i + 1) else None
        if found is None:
            i += 1
            continue
        ms.add(
            Mention(
                start=i,
                end=found,
                text=sent.text(i, found),
                type=ActorType.PERSON,
                name=sent.text(i, found),
                kind="person",
            )
        )
        i = found


def _name_at(sent: SentenceView, ms: MentionSet, people: Dictionary, i: int) -> int | None:
    """The end of the longest dictionary name starting at token ``i``, or None."""
    start = sent.tok_start[i]
    if sent.norm[start : start + 1].upper() not in people.name_initials or not _bounded_before(sent, people, i):
        return None
    ends = []  # the ends at which the tokens from i spell a whole name, shortest first
    j = i
    while j < len(sent.doc) and sent.tok_end[j] - start <= people.max_name_length:
        key = name_key(sent.ntext(i, j + 1))
        if key not in people.name_prefixes:
            break
        if people.full_name_ids(key) or people.short_name_ids(key):
            ends.append(j + 1)
        j += 1
    for end in reversed(ends):
        text = sent.ntext(i, end)
        if not ms.free(i, end) or not _bounded_after(sent, end):
            continue
        if people.full_name_ids(text):
            return end
        if people.short_name_ids(text) and _stands_alone(sent, i, end, text):
            return end
    return None


def _bounded_before(sent: SentenceView, people: Dictionary, i: int) -> bool:
    # not the end of a longer katakana name or word (…・トランプ, ゲリラ), unless a ＝ joins
    # another person to it (チャーチル＝ルーズベルト会談)
    if i == 0:
        return True
    prev = sent.ntext(i - 1, i)
    if prev in NAME_EQUALS and i >= 2 and known_alone(people, sent.ntext(i - 2, i - 1)):
        return True
    return not (prev[-1:] in NAME_JOINERS or (is_katakana(prev[-1:]) and is_katakana(sent.ntext(i, i + 1)[:1])))


def _bounded_after(sent: SentenceView, end: int) -> bool:
    if end >= len(sent.doc):
        return True
    nxt = sent.ntext(end, end + 1)
    return not (nxt[:1] in NAME_JOINERS or (is_katakana(nxt[:1]) and is_katakana(sent.ntext(end - 1, end)[-1:])))


def _stands_alone(sent: SentenceView, start: int, end: int, text: str) -> bool:
    """A short name counts where Sudachi reads a proper noun (ブラウン the colour is no name),
    where it is long enough to be one person's (メイ, キム are too short), and where it does
    not follow a word that introduces a place (南部ラファ)."""
    if after_place_word(sent, start):
        return False
    return len(text) >= 3 and all(sent.doc[k].tag_.startswith("名詞-固有名詞") for k in range(start, end))
