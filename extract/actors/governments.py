"""Governments named after their leader (岸田政権, マルコス政権) and bodies led by a person (Xが率いるY)."""

from __future__ import annotations

from ..lexicon import Lexicon
from ..normalize import is_katakana
from ..types import ActorType
from .mentions import Mention, MentionSet
from .sentence import (
    NAME_JOINERS,
    SentenceView,
)

# マルコス政権, 岸田内閣: a government named after its leader
_GOVERNMENT_WORDS = frozenset({"政権", "内閣", "政府", "体制", "暫定政権", "新政権"})


# -- 8. governments named after their leader: マルコス政権, 安倍内閣 ----------------
def governments(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """マルコス政権, 岸田内閣, トランプ政権: the state's government, named after the one who
    leads it (ONTOLOGY convention 10). The document decides which state
    (:mod:`extract.run.pipeline`); a state named just before (米国では, カンボジアの) is it."""
    doc = sent.doc
    for i in range(len(doc)):
        word = sent.ntext(i, i + 1)
        fused = next((w for w in _GOVERNMENT_WORDS if word.endswith(w) and is_katakana(word[: -len(w)])), None)
        if (
            fused is not None
            and len(word) - len(fused) >= 2
            and ms.free(i, i + 1)
            and lex.lookup(word[: -len(fused)]) is None  # (ウクライナ政府 is the state's)
            # (Sudachi's one-word トランプ政権 names a leader it knows; チェック体制 is a check)
            and lex.dictionary.persons_named(word[: -len(fused)], loose=False)
        ):
            # トランプ政権 as one word
            _government(sent, ms, i, i, word[: -len(fused)], fused)
            continue
        if i == 0 or word not in _GOVERNMENT_WORDS:
            continue
        if i + 1 < len(doc) and lex.title_role(sent.ntext(i + 1, min(len(doc), i + 3))) is not None:
            continue  # 岸田内閣|総理大臣: a title, not the cabinet
        if i + 1 < len(doc) and lex.title_role(sent.ntext(i + 1, i + 2)) is not None:
            continue
        k = i
        while (
            k > 0
            and ms.free(k - 1, k)
            and (
                doc[k - 1].tag_.startswith("名詞-固有名詞-人名")
                or (is_katakana(doc[k - 1].text) and len(doc[k - 1].text) >= 2)
                or (doc[k - 1].text in NAME_JOINERS and k - 1 > 0 and is_katakana(doc[k - 2].text))
            )
        ):
            k -= 1
        if k == i or not ms.free(k, i + 1):
            continue
        name = sent.ntext(k, i)
        if lex.lookup(name) is not None:
            continue
        if _a_person(sent, lex, k, i, name) or _state_before(sent, ms, k):
            _government(sent, ms, k, i, name, sent.ntext(i, i + 1))


def _a_person(sent: SentenceView, lex: Lexicon, start: int, end: int, name: str) -> bool:
    """Whether what a government word follows names a person (マルコス政権, ユドヨノ政権), not
    a movement or a thing (ナチス政権, ファシスト政権, 2ブランド体制); a name of neither kind
    counts with its state named just before (ゴンドールのデネソール政権)."""
    tagged = any(sent.doc[t].tag_.startswith("名詞-固有名詞-人名") for t in range(start, end))
    return tagged or bool(lex.dictionary.persons_named(name))


def _state_before(sent: SentenceView, ms: MentionSet, k: int) -> tuple[str, ...]:
    """The state named just before token ``k`` (米国の|トランプ政権, 米国では|トランプ政権), or ()."""
    for gap in (("の",), ("では",), ("で",), ("で", "は")):
        j = k - len(gap)
        if j >= 1 and tuple(sent.ntext(x, x + 1) for x in range(j, k)) == gap:
            before = ms.index_at(j - 1)
            if before is not None and ms.mentions[before].type == ActorType.COUNTRY:
                return ms.mentions[before].ids[:1]
    return ()


def _government(sent: SentenceView, ms: MentionSet, k: int, last: int, name: str, word: str) -> None:
    """The government mention of tokens ``k``..``last``; its state when named just before
    (米国のトランプ政権, 米国ではトランプ政権が)."""
    state = _state_before(sent, ms, k)
    ms.add(
        Mention(
            start=k,
            end=last + 1,
            text=sent.text(k, last + 1),
            type=ActorType.COUNTRY,
            ids=state,
            name=name,
            kind="government",
            title=word,
        )
    )


# -- 9. leaders named by what they lead: ポル・ポト率いるクメール・ルージュ -------------
def led_by(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """ハシム・サチ率いるコソボ民主党, サチが率いる暫定政府: the person leads the body or state."""
    doc = sent.doc
    for i, t in enumerate(doc):
        if t.lemma_ not in ("率いる", "率いた") or i == 0 or i + 1 >= len(doc):
            continue
        left = i - 1 if sent.ntext(i - 1, i) != "が" else i - 2
        person = ms.index_at(left) if left >= 0 else None
        led = ms.index_at(i + 1)
        if person is None or led is None:
            continue
        pm, lm = ms.mentions[person], ms.mentions[led]
        if pm.type == ActorType.PERSON and pm.end == left + 1 and lm.start == i + 1 and lm.type != ActorType.PERSON:
            ms.link(person, "leader_of", led, "率いる")
