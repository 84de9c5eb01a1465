"""Quotes attributed without a verb: 「ネッド・プライス(米国家安全保障会議報道官) 「…」」.

Lists of reactions (in encyclopedias and reviews of the press) give a speaker,
their title in brackets, and what they said in 「」, with no verb of saying.
The speaker comments on the actors the quote names; a demand in it (…べきだ,
…ことを期待する) is a request of those who must act. A quote followed by と is
left to the speech rules (「…」と述べた).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon
from ..types import ActorType, Modality, RelationType
from .acts import agents_in
from .cues import Cues
from .emit import emit
from .frames import Reader
from .particles import particles
from .phrases import only_possessor, verbless_speaker
from .slots import Candidate, Confidence, unique

__all__ = ["cues", "quotes"]

_OPENERS = "「『"
_AFTER_SPEAKER = re.compile(r"[^ぁ-ゖ。、]、?[「『]")
_DEMANDS = ("べき",)


def cues(lex: Lexicon) -> Cues:
    # a quote set right after its speaker (ルト大統領「…」, 報道官)「…」): not after a particle
    # (…は「白夜」と呼ばれる) or at the start (「…」と述べた is the speech rules')
    return Cues(patterns=(_AFTER_SPEAKER,))


def quotes(r: Reader, earlier: Sequence[Candidate] = ()) -> Iterator[Candidate]:
    doc = r.doc
    starts = {t.idx: t.i for t in doc}
    for qs, qe in r.quotes:
        first = starts.get(qs)
        if first is None:
            continue
        last = max((t.i for t in doc if qs <= t.idx < qe), default=first)
        speaker = verbless_speaker(r, first, last)
        if not speaker:
            continue  # (「…」と述べた: the speech rules read it)
        span = set(range(first + 1, last))
        if _speaks_itself(r, span):
            continue  # 「馬英九総統は…ことを期待する」: the quote has a speaker of its own
        named = [
            a
            for idx, m in enumerate(r.sm.mentions)
            if m.start in span
            and not m.is_speaker
            and not r.is_affiliation(idx)
            and not only_possessor(r, r.mention_head(m))
            for a in r.mention_args(idx)
        ]
        named = [a for a in unique(named) if a not in speaker]
        text = doc[first : last + 1].text
        if any(d in text for d in _DEMANDS):
            agents = [a for a in agents_in(r, span) if a not in speaker]
            if agents:
                yield from emit(
                    r,
                    RelationType.REQUEST,
                    speaker,
                    agents,
                    doc[first],
                    text[:20],
                    Modality.ASSERTED,
                    Confidence.SPEECH - 0.1,
                )
                named = [a for a in named if a not in agents]
        yield from emit(
            r,
            RelationType.COMMENTS_ON,
            speaker,
            named,
            doc[first],
            text[:20],
            Modality.ASSERTED,
            Confidence.SPEECH - 0.1,
        )


def _speaks_itself(r: Reader, span: set[int]) -> bool:
    """A person in the quote is the subject of a verb of saying or wishing in it."""
    for i in span:
        t = r.doc[i]
        if t.dep_ in ("nsubj", "dislocated") and particles(t) in ("は", "が"):
            idx = r.sm.index_at(i)
            if idx is not None and r.sm.mentions[idx].type == ActorType.PERSON:
                head = t.head
                if head.lemma_ in r.lex.speech_verbs or head.lemma_ in r.lex.hedging_verbs:
                    return True
    return False
