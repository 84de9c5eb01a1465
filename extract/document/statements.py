"""Joint statements: a statement made together is cooperation among those who make it (ONTOLOGY rule 4)."""

from __future__ import annotations

import itertools

from ..relations import Confidence
from ..relations.emit import MAX_PARTIES
from ..types import RelationType
from .context import DocumentContext

__all__ = ["joint_statement"]


def joint_statement(ctx: DocumentContext) -> None:
    """日米首脳共同声明: each pair of those who say 「我々」 together cooperates, in the line that says so."""
    voice = ctx.voice
    if voice.we_line is None or len(voice.we) > MAX_PARTIES:
        return  # (a roster of signatories is no cooperation of each with each)
    for a, b in itertools.combinations(voice.we, 2):
        ctx.add(voice.we_line, a, RelationType.COOPERATION, b, "声明", confidence=Confidence.VERB)
