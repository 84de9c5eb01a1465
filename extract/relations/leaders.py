"""Leaders whose state the sentence gives without a title phrase: トランプ大統領をはじめ
とする米国, ベネズエラでは現職のマドゥーロ大統領が再選された.

A head of state or government named with a bare title (大統領, 首相) leads the
state the sentence is set in: the state it is set in (Xでは) when every
state named before the person is that one and the person is a subject, or
the state the person heads a list of (XをはじめとするY). The title phrase
itself (ロシアのプーチン大統領) is read with the mentions (:mod:`extract.actors`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..actors import Mention
from ..lexicon import Lexicon
from ..types import ActorType, Modality, RelationType
from .cues import Cues
from .emit import emit
from .frames import Reader
from .particles import particles
from .slots import Arg, Candidate, Confidence, Penalty

__all__ = ["STATE_HEADS", "cues", "leaders", "state_head_title"]

# Titles of a state's head (not a body's: 議長, 総裁, 事務総長 lead bodies).
STATE_HEADS = frozenset({"大統領", "首相", "国王", "女王", "総統", "国家主席", "主席", "皇帝", "首長", "元首"})
# (not a bare は: 「ロシアは…し、ゼレンスキー大統領は…」 sets two actors side by side)
_SETTING = ("では", "においては", "において", "でも")
_LEADS = ("をはじめとする", "を始めとする", "をはじめ", "を始め", "を筆頭とする")


def cues(lex: Lexicon) -> Cues:
    # a state head's title, alone or fused to the name or a prefix (トランプ大統領, 元首相)
    return Cues.of_words(STATE_HEADS) | Cues(suffixes=tuple(sorted(STATE_HEADS)))


def leaders(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    linked = {lk.child for lk in r.sm.links}
    for idx, m in enumerate(r.sm.mentions):
        if m.type != ActorType.PERSON or idx in linked or m.is_speaker:
            continue
        title = state_head_title(m)
        if title is None:
            continue
        head = r.mention_head(m)
        state = _led_list(r, idx) or _setting(r, idx, head)
        if state is None:
            continue
        yield from emit(
            r,
            RelationType.LEADER_OF,
            [Arg(idx)],
            [state],
            head,
            title,
            Modality.ASSERTED,
            Confidence.AFFILIATION - Penalty.INFERRED,
        )


def state_head_title(m: Mention) -> str | None:
    """The title a person mention gives as a state's head (大統領, 元首相), else None."""
    # (トランプ大統領 may come as one word, its title unread)
    title = m.title or next((t for t in sorted(STATE_HEADS) if m.text.endswith(t) and m.text != t), None)
    return title if title is not None and _head_title(title) in STATE_HEADS else None


def _head_title(title: str) -> str:
    # 元大統領 / 前首相 lead(led) the state too; 副大統領 and 首相補佐官 do not
    for prefix in ("元", "前", "現", "初代"):
        if title.startswith(prefix):
            return title[len(prefix) :]
    return title


def _led_list(r: Reader, person: int) -> Arg | None:
    """トランプ大統領をはじめとする米国: the person heads the state named next."""
    m = r.sm.mentions[person]
    after = r.doc[m.end - 1].idx + len(r.doc[m.end - 1].text)
    if not r.doc.text[after:].startswith(_LEADS):
        return None
    for i in range(person + 1, len(r.sm.mentions)):
        nxt = r.sm.mentions[i]
        if nxt.start - m.end > 5:
            return None
        if nxt.type == ActorType.COUNTRY and len(nxt.ids) == 1:
            return Arg(i)
        return None
    return None


def _setting(r: Reader, person: int, head) -> Arg | None:
    """ベネズエラでは、現職のマドゥーロ大統領が…: the one state the sentence is set in,
    the person a subject of its main clause."""
    if particles(head) not in ("は", "が", "も") or not _main_clause(head.head):
        return None
    before = [
        (i, m)
        for i, m in enumerate(r.sm.mentions[:person])
        if m.type == ActorType.COUNTRY or (m.type == ActorType.ORGANIZATION and m.org_id)
    ]
    states = {m.ids for _, m in before if m.type == ActorType.COUNTRY}
    if len(states) != 1 or len(next(iter(states))) != 1 or any(m.type != ActorType.COUNTRY for _, m in before):
        return None
    for i, m in before:
        if particles(r.mention_head(m)) in _SETTING and not r.in_quote(r.mention_head(m)):
            return Arg(i)
    return None


def _main_clause(verb) -> bool:
    """The verb heads the sentence or a clause coordinated with it (…し、…した), not a
    clause inside an argument (…が和平案を提示したことを非難)."""
    cur = verb
    for _ in range(6):
        if cur.head.i == cur.i:
            return True
        if cur.dep_ not in ("advcl", "conj"):
            return False
        cur = cur.head
    return False
