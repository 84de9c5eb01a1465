"""Affiliations read from the noun phrase (ロシアのプーチン大統領, 中国外務省): stated, left to
the text's own government, or known and said only of a body that acts."""

from __future__ import annotations

from ..relations import Arg, Confidence
from ..types import RelationType
from .context import DocumentContext, HomeLink, ImpliedLink, ReadSentence

__all__ = ["affiliations", "implied_affiliations"]


def affiliations(ctx: DocumentContext, index: int, s: ReadSentence) -> None:
    """The links of a sentence's mentions, parsed or not: a stated one is a relation; an
    official with no state named waits for the home officials; a known one for the end."""
    actors, sm, groups = ctx.actors, s.mentions, s.groups
    for lk in sm.links:
        child = actors.resolve(Arg(lk.child), sm, groups)
        if lk.to_home:
            if child is not None:
                ctx.home_links.append(HomeLink(index, child, lk))
            continue
        if lk.parent is not None:
            parent = actors.resolve(Arg(lk.parent), sm, groups)
        else:
            parent = actors.known(lk.parent_id) if lk.parent_id else None
        if child is None or parent is None or child.id == parent.id:
            continue
        if lk.implied:
            ctx.implied.append(ImpliedLink(index, child, parent, lk))
            continue
        ctx.add(index, child, RelationType(lk.type), parent, lk.predicate, confidence=Confidence.AFFILIATION)


def implied_affiliations(ctx: DocumentContext) -> None:
    """外務省 alone is Japan's: worth saying only of a body that acts in the text."""
    acting = ctx.found.acting()
    for im in ctx.implied:
        if im.child.id in acting:
            ctx.add(
                im.index,
                im.child,
                RelationType(im.link.type),
                im.parent,
                im.link.predicate,
                confidence=Confidence.AFFILIATION,
            )
