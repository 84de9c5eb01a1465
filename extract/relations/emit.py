"""The one place a rule turns what it read into a :class:`Candidate`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..types import Modality, RelationType
from .frames import Reader
from .slots import Candidate, Slot, members, unique
from .timex import time

__all__ = ["MAX_PARTIES", "emit"]

# The most parties a symmetric act pairs off (6 × 5 / 2 meetings for six-party talks, 66 for
# twelve). More names in one act are a roster, not a meeting of them all: 120 states that
# "met and signed" would be 7,140 relations from one sentence. Such an act gives none.
MAX_PARTIES = 12


def emit(
    r: Reader,
    rtype: RelationType,
    sources: Iterable[Slot],
    targets: Iterable[Slot],
    tok,
    predicate: str,
    modality: Modality,
    conf: float,
) -> Iterator[Candidate]:
    """One candidate when both sides name someone, none otherwise."""
    src, tgt = tuple(unique(sources)), tuple(unique(targets))
    if not src or not tgt:
        return
    if rtype.symmetric and len(members(src + tgt)) > MAX_PARTIES:
        return
    yield Candidate(
        type=rtype,
        sources=src,
        targets=tgt,
        predicate=predicate,
        modality=modality,
        confidence=round(conf, 2),
        token=tok.i,
        time=time(r, tok),
    )
