"""Lists of members in an encyclopedia article: a heading 加盟国 and the states listed under it."""

from __future__ import annotations

from collections.abc import Iterator

from ..relations import Arg, Confidence
from ..types import ActorType, RelationType
from .context import DocumentContext
from .resolve import Resolved

__all__ = ["listed_members"]

# Headings of a list of members in an encyclopedia article.
_MEMBER_HEADINGS = frozenset({"加盟国", "構成国", "参加国", "加盟国一覧", "原加盟国", "メンバー", "締約国"})


def listed_members(ctx: DocumentContext) -> None:
    """The states listed under a heading 加盟国 are members of the body the article is about."""
    for index, member in _listed(ctx):
        if ctx.theme is not None and member.id != ctx.theme.id:
            ctx.add(index, member, RelationType.MEMBER_OF, ctx.theme, "加盟国", confidence=Confidence.MEMBERSHIP)


def _listed(ctx: DocumentContext) -> Iterator[tuple[int, Resolved]]:
    """A heading 加盟国 and, on the next line, the states listed (A・B・C): each with its sentence."""
    sentences = ctx.sentences
    for index, s in enumerate(sentences[:-1]):
        if s.sentence.text.strip().strip("=■●・ ") not in _MEMBER_HEADINGS:
            continue
        nxt = sentences[index + 1]
        states = [i for i, m in enumerate(nxt.mentions.mentions) if m.type == ActorType.COUNTRY and m.ids]
        named = sum(len(nxt.mentions.mentions[i].text) for i in states)
        if len(states) >= 2 and named >= 0.6 * len(nxt.sentence.text.strip()):
            for i in states:
                r = ctx.actors.resolve(Arg(i), nxt.mentions, nxt.groups)
                if r is not None:
                    yield index + 1, r
