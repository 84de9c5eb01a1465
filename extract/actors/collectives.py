"""Words that stand for actors named elsewhere: the speaker (私, 我々, 下記署名者) and collectives (両国, 3カ国)."""

from __future__ import annotations

from ..lexicon import Lexicon
from ..types import ActorType
from .mentions import Mention, MentionSet
from .sentence import (
    SentenceView,
)

_SIGNATORIES = frozenset({"下記署名者", "下名", "署名者", "下記署名国", "署名国一同"})


_SIGNATORY_INITIALS = frozenset(w[0] for w in _SIGNATORIES)

_FIRST_PERSON = frozenset({"私", "わたし", "私自身", "小職", "本職"})


_FIRST_PERSON_PLURAL = frozenset({"我々", "われわれ", "我われ", "我ら", "私たち", "わたしたち"})


# -- 7. the speaker: 私, 我々 ------------------------------------------------
def speakers(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """私 (the one speaking) and 我々 (those the speaker speaks for): the document
    says who (:mod:`extract.document.voice`); in a statement they are its author."""
    for i in range(len(sent.doc)):
        if sent.ntext(i, i + 1)[:1] not in _SIGNATORY_INITIALS:
            continue
        # 下記署名者, 下名: the signatories of a joint statement
        for k in range(min(len(sent.doc), i + 3), i, -1):
            if ms.free(i, k) and sent.ntext(i, k) in _SIGNATORIES:
                ms.add(Mention(start=i, end=k, text=sent.text(i, k), type=ActorType.COUNTRY, kind="self", name="我々"))
                break
    for i, t in enumerate(sent.doc):
        if not ms.free(i, i + 1) or not t.tag_.startswith("代名詞"):
            continue
        word = sent.ntext(i, i + 1)
        if word in _FIRST_PERSON:
            ms.add(
                Mention(
                    start=i,
                    end=i + 1,
                    text=sent.text(i, i + 1),
                    type=ActorType.PERSON,
                    kind="self",
                    name=word,
                )
            )
        elif word in _FIRST_PERSON_PLURAL:
            ms.add(
                Mention(
                    start=i,
                    end=i + 1,
                    text=sent.text(i, i + 1),
                    type=ActorType.COUNTRY,
                    kind="self",
                    name=word,
                )
            )


# -- 6. collectives ----------------------------------------------------
# The counters of states: 5カ国, 十二か国, 27ヶ国 (カ国・地域 ends in カ国 as Sudachi splits it).
_STATE_COUNTERS = frozenset({"カ国", "か国", "ヶ国", "ヵ国", "ケ国", "箇国", "ケ國", "カ國", "か國"})
_KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# What joins a list of states to the collective that sums it up: AとBの2カ国, A、Bなど5カ国.
_APPOSITION = frozenset({"の", "など", "等", "ら", "といった", "を含む", "計"})
_LIST_JOINERS = frozenset({"と", "・", "や", "、", "及び", "および", "並びに"})


def numeral(word: str) -> int | None:
    """The value of a numeral as written before a counter: 14, １４, 十四, 二十七 (up to 999).

    >>> numeral("14"), numeral("十四"), numeral("二十七"), numeral("百")
    (14, 14, 27, 100)
    >>> numeral("数") is None
    True
    """
    if word.isascii() and word.isdigit():
        return int(word)
    total, unit_value = 0, 0
    for ch in word:
        if ch in _KANJI_DIGITS:
            unit_value = _KANJI_DIGITS[ch]
        elif ch in ("十", "百"):
            total += (unit_value or 1) * (10 if ch == "十" else 100)
            unit_value = 0
        else:
            return None
    return total + unit_value or None


def _counted(sent: SentenceView, i: int) -> tuple[int, int] | None:
    """(count, end) of 「N カ国」 starting at token ``i``: a numeral, then a counter of states."""
    doc = sent.doc
    k = i
    while k < len(doc) and doc[k].tag_.startswith("名詞-数詞"):
        k += 1
    if k == i or k >= len(doc) or sent.ntext(k, k + 1) not in _STATE_COUNTERS:
        return None
    count = numeral(sent.ntext(i, k))
    return (count, k + 1) if count and count >= 2 else None


def _listed_before(sent: SentenceView, ms: MentionSet, lex: Lexicon, start: int) -> tuple[str, ...]:
    """The states listed just before a collective that sums them up (ドイツ、フランスなど14カ国): its members."""
    j = start
    while j > 0 and sent.ntext(j - 1, j) in _APPOSITION:
        j -= 1
    if j == start:
        return ()
    listed: list[str] = []
    while j > 0:
        idx = ms.index_at(j - 1)
        if idx is None:
            break
        m = ms.mentions[idx]
        if m.end != j or m.is_collective or not m.ids:
            break
        if not all(i in lex.actors and lex.actors[i].type == ActorType.COUNTRY for i in m.ids):
            break
        listed[:0] = m.ids
        j = m.start
        if j == 0 or sent.ntext(j - 1, j) not in _LIST_JOINERS:
            break
        j -= 1
    return tuple(dict.fromkeys(listed)) if len(listed) >= 2 else ()


def collectives(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """両国, 3カ国, 十二か国: mentions of so many states. Those listed right before one
    (AとBの両国, A、Bなど5カ国) are its members; the others the document finds. 同国 is
    one state: the one named last before it."""
    initials = {w[:1] for w in lex.collectives}  # (most tokens start no collective word)
    for i in range(len(sent.doc)):
        if not ms.free(i, i + 1):
            continue
        same_state = sent.ntext(i, i + 1) == _SAME_STATE
        if same_state:
            found: tuple[int, int] | None = (1, i + 1)
        else:
            found = _named_collective(sent, ms, lex, i) if sent.ntext(i, i + 1)[:1] in initials else None
            found = found or _counted(sent, i)
        if found is None or not ms.free(i, found[1]):
            continue
        count, k = found
        members = _last_state_before(sent, ms, lex, i) if same_state else _listed_before(sent, ms, lex, i)
        ms.add(
            Mention(
                start=i,
                end=k,
                text=sent.text(i, k),
                type=ActorType.COUNTRY,
                ids=members,
                kind="collective",
                count=count,
                name=sent.ntext(i, k),
            )
        )


_SAME_STATE = "同国"


def _last_state_before(sent: SentenceView, ms: MentionSet, lex: Lexicon, start: int) -> tuple[str, ...]:
    """The one state named last before token ``start`` (カタールが…として、同国と断交), not
    the topic (米国は同国に: another state, else it would say 自国), nor a modifier
    (コロンビアへの米軍基地…同国: Colombia)."""
    for m in sorted(ms.mentions, key=lambda m: m.start, reverse=True):
        if m.end > start or m.is_collective or len(m.ids) != 1:
            continue
        after = sent.doc[m.end]
        if after.text in ("は", "も") or after.tag_.startswith("名詞"):
            continue
        actor = lex.actors.get(m.ids[0])
        if actor is not None and actor.type == ActorType.COUNTRY:
            return m.ids
    return ()


def _named_collective(sent: SentenceView, ms: MentionSet, lex: Lexicon, i: int) -> tuple[int, int] | None:
    """(count, end) of the longest collective word of the lexicon at token ``i`` (両国, 両国首脳)."""
    for k in range(min(len(sent.doc), i + 3), i, -1):
        count = lex.collectives.get(sent.ntext(i, k))
        if count and ms.free(i, k):
            return count, k
    if sent.ntext(i, i + 1) == "両":
        # 両大臣, 両防衛相, 両国防相: 両 before any title is the two holders named before
        for k in range(min(len(sent.doc), i + 4), i + 1, -1):
            if lex.title_role(sent.ntext(i + 1, k)) is not None and ms.free(i, k):
                return 2, k
    return None
