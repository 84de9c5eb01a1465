"""What a whole text is about: the body an article opens with, the state it keeps naming."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..relations import Arg
from ..types import ActorType
from .context import ReadSentence
from .resolve import DocumentActors, Resolved

__all__ = ["subject_state", "theme"]


def theme(sentences: Sequence[ReadSentence], actors: DocumentActors) -> Resolved | None:
    """The body an article is about: its first sentence opens with it (ワルシャワ条約機構(…)は…),
    or a title line before it names only the body."""
    for n, s in enumerate(sentences[:2]):
        if s.topic_mentions:
            m = s.mentions.mentions[s.topic_mentions[0]]
            if m.type == ActorType.ORGANIZATION:
                return actors.resolve(Arg(s.topic_mentions[0]), s.mentions, s.groups)
        ms = s.mentions.mentions
        if n == 0 and len(ms) == 1 and ms[0].type == ActorType.ORGANIZATION and ms[0].text == s.sentence.text.strip():
            return actors.resolve(Arg(0), s.mentions, s.groups)
        if n == 0 and s.sentence.text.rstrip().endswith("。"):
            break  # (the second sentence counts only after a title line)
    return None


def subject_state(sentences: Sequence[ReadSentence], actors: DocumentActors, home: str | None) -> Resolved | None:
    """The state a text is clearly about: named at least three times, twice as often as any
    other (the text's own government aside)."""
    counts: Counter[str] = Counter()
    for s in sentences:
        for m in s.mentions.mentions:
            if m.type == ActorType.COUNTRY and len(m.ids) == 1 and m.ids[0] != home:
                counts[m.ids[0]] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return actors.known(ranked[0][0])
