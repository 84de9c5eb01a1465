"""The one place a rule turns what it read into a :class:`Candidate`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..types import Modality, RelationType
from .frames import Reader
from .slots import Candidate, Slot, unique
from .timex import time

__all__ = ["emit"]


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
