"""Words that stand for actors named elsewhere: the speaker (私, 我々, 下記署名者) and collectives (両国, 3カ国)."""

from __future__ import annotations

from ..lexicon import Lexicon
from ..types import ActorType
from .mentions import Mention, MentionSet
from .sentence import (
    SentenceView,
)

_SIGNATORIES = frozenset({"下記署名者", "下名", "署名者", "下記署名国", "署名国一同"})


_FIRST_PERSON = frozenset({"私", "わたし", "私自身", "小職", "本職"})


_FIRST_PERSON_PLURAL = frozenset({"我々", "われわれ", "我われ", "我ら", "私たち", "わたしたち"})


# -- 7. the speaker: 私, 我々 ------------------------------------------------
def speakers(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """私 (the one speaking) and 我々 (those the speaker speaks for): the document
    says who (:mod:`extract.document.voice`); in a statement they are its author."""
    for i in range(len(sent.doc)):
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
def collectives(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    doc = sent.doc
    for i in range(len(doc)):
        if not ms.free(i, i + 1):
            continue
        for k in range(min(len(doc), i + 3), i, -1):
            word = sent.ntext(i, k)
            count = lex.collectives.get(word)
            if count and ms.free(i, k):
                ms.add(
                    Mention(
                        start=i,
                        end=k,
                        text=sent.text(i, k),
                        type=ActorType.COUNTRY,
                        kind="collective",
                        count=count,
                        name=word,
                    )
                )
                break
