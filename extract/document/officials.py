"""Officials with no state named (外務大臣, 岸田首相): of the text's own government, or Japan's."""

from __future__ import annotations

from ..normalize import is_kanji, is_katakana
from ..relations import Confidence
from ..types import ActorType, RelationType
from .context import DocumentContext
from .resolve import DocumentActors, Resolved

__all__ = ["home_officials"]

# Japanese news writes a foreign head of government with the state (英首相, インドのモディ首相);
# a bare 首相 or 外相 with a name in kanji is Japan's (岸田首相).
_JAPANESE_CABINET = frozenset({"首相", "総理", "総理大臣", "外相", "外務大臣", "防衛相", "防衛大臣", "官房長官"})


def home_officials(ctx: DocumentContext) -> None:
    """外務大臣 with no state named: the official of the text's own government,
    unless the document states the person's state elsewhere (ザリーフ外相 after
    ザリーフ・イラン外務大臣)."""
    placed = ctx.found.placed()
    for hl in ctx.home_links:
        child, lk = hl.person, hl.link
        if child.id in placed or child.type != ActorType.PERSON:
            continue
        if ctx.home == "JPN" and is_katakana(child.label.replace("・", "").replace("=", "")):
            continue  # ハムドゥーク首相 in a Japanese release: a foreign leader, not Japan's
        state = ctx.actors.known(ctx.home) if ctx.home else _japanese_official(child, lk.predicate, ctx.actors)
        if state is None:
            continue
        ctx.add(hl.index, child, RelationType(lk.type), state, lk.predicate, confidence=Confidence.AFFILIATION)


def _japanese_official(person: Resolved, title: str, actors: DocumentActors) -> Resolved | None:
    if title in _JAPANESE_CABINET and person.label and all(is_kanji(c) for c in person.label):
        return actors.known("JPN")
    return None
