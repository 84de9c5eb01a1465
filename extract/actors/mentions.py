"""What the recognisers produce: mentions, the links between them, and the set passes change."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..types import ActorType, Role

__all__ = ["Link", "Mention", "SentenceMentions"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of tokens naming one or more actors.

    ``ids`` is empty for persons and rule-found organizations until the
    document resolves them (:mod:`extract.document.resolve`); ``name`` is then the key.
    """

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    text: str  # verbatim surface form
    type: ActorType
    ids: tuple[str, ...] = ()
    name: str = ""  # canonical name for persons and new organizations
    kind: str = "gazetteer"  # gazetteer | compound | person | organization | collective
    role: Role | None = None
    title: str | None = None
    reading: str | None = None
    prefix: str | None = None  # 対, 訪 … before an abbreviation
    count: int = 0  # collectives: how many actors 両国 / 3カ国 stand for
    org_id: str | None = None  # a body of a known state: "CHN:外務省" for 中国外務省 / 中国外交部

    @property
    def is_collective(self) -> bool:
        return self.kind == "collective"

    @property
    def is_speaker(self) -> bool:
        """私 / 我々: who it is, the document says (:mod:`extract.document.voice`)."""
        return self.kind == "self"


@dataclass(frozen=True, slots=True)
class Link:
    """An affiliation read from the noun phrase: 「Xの Y大統領」, 「X省Y研究所」."""

    child: int  # index into SentenceMentions.mentions
    type: str  # leader_of | member_of | part_of
    parent: int | None  # index of the parent mention, or None with parent_id
    predicate: str
    parent_id: str | None = None  # a gazetteer parent not mentioned here (安保理 → 国連)
    # No parent named: the official of the text's own government (外務大臣 in a MOFA release),
    # resolved by the document when it has one (ONTOLOGY convention 11).
    to_home: bool = False
    # Known, not stated: 外務省 alone is Japan's. Worth saying only of a body that acts in the text.
    implied: bool = False


@dataclass(slots=True)
class SentenceMentions:
    mentions: list[Mention] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)  # token index -> mention index

    def index_at(self, token_index: int) -> int | None:
        return self.by_token.get(token_index)

    def distinct_actor_keys(self) -> set[str]:
        keys: set[str] = set()
        for m in self.mentions:
            if m.is_collective:
                keys.update(f"?{k}" for k in range(m.count))
            elif m.ids:
                keys.update(m.ids)
            else:
                keys.add(m.name)
        return keys


class MentionSet:
    """The mentions found so far in one sentence, changed only through its operations.

    Passes add, replace and drop mentions and link them; indices stay stable
    while passes run (a dropped mention keeps its place, marked dropped), and
    :meth:`finished` gives the mentions in text order with every link that
    still joins two live mentions.
    """

    __slots__ = ("_out", "dropped")

    def __init__(self) -> None:
        self._out = SentenceMentions()
        self.dropped: set[int] = set()

    @property
    def mentions(self) -> list[Mention]:
        return self._out.mentions

    @property
    def links(self) -> list[Link]:
        return self._out.links

    @property
    def by_token(self) -> dict[int, int]:
        return self._out.by_token

    def index_at(self, token_index: int) -> int | None:
        return self._out.by_token.get(token_index)

    def free(self, start: int, end: int) -> bool:
        taken = self._out.by_token
        if end == start + 1:
            return start not in taken
        return all(i not in taken for i in range(start, end))

    def add(self, m: Mention) -> int:
        idx = len(self._out.mentions)
        self._out.mentions.append(m)
        for i in range(m.start, m.end):
            self._out.by_token[i] = idx
        return idx

    def replace(self, idx: int, m: Mention) -> None:
        old = self._out.mentions[idx]
        for i in range(old.start, old.end):
            self._out.by_token.pop(i, None)
        self._out.mentions[idx] = m
        for i in range(m.start, m.end):
            self._out.by_token[i] = idx
        # (a mention a pass dropped and a later one reads anew, アルメニア|系 in
        # アルメニア系武装勢力, is live again: its tokens are the new mention's)
        self.dropped.discard(idx)

    def drop(self, idx: int) -> None:
        old = self._out.mentions[idx]
        for i in range(old.start, old.end):
            if self._out.by_token.get(i) == idx:
                del self._out.by_token[i]
        self.dropped.add(idx)

    def link(
        self,
        child: int,
        rtype: str,
        parent: int | None,
        predicate: str,
        parent_id: str | None = None,
        *,
        to_home: bool = False,
        implied: bool = False,
    ) -> None:
        lk = Link(
            child=child,
            type=rtype,
            parent=parent,
            predicate=predicate,
            parent_id=parent_id,
            to_home=to_home,
            implied=implied,
        )
        if lk not in self._out.links:
            self._out.links.append(lk)

    def finished(self) -> SentenceMentions:
        """The live mentions in text order, so that indices follow the sentence."""
        return _sorted(self._out, self.dropped)


def _sorted(sm: SentenceMentions, dropped: set[int]) -> SentenceMentions:
    live = [i for i in range(len(sm.mentions)) if i not in dropped]
    order = sorted(live, key=lambda i: (sm.mentions[i].start, sm.mentions[i].end))
    new_index = {old: new for new, old in enumerate(order)}
    out = SentenceMentions()
    out.mentions = [sm.mentions[i] for i in order]
    # A link to or from a dropped mention states nothing about the mentions that remain.
    out.links = [
        dataclasses.replace(lk, child=new_index[lk.child], parent=None if lk.parent is None else new_index[lk.parent])
        for lk in sm.links
        if lk.child in new_index and (lk.parent is None or lk.parent in new_index)
    ]
    out.by_token = {t: new_index[i] for t, i in sm.by_token.items()}
    return out
