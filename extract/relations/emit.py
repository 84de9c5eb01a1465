"""The one place a rule turns what it read into a :class:`Candidate`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..types import Modality, RelationType
from .frames import Reader
from .slots import Arg, Candidate, Slot, members, unique
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
    src, tgt = (
        tuple(a for a in unique(sources) if not _hosted(r, a)),
        tuple(a for a in unique(targets) if not _hosted(r, a)),
    )
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


def _hosted(r: Reader, a: Slot) -> bool:
    """駐日 (stationed in Japan) names where an envoy serves, never a party to an act."""
    return isinstance(a, Arg) and r.sm.mentions[a.mention].prefix == "駐"
