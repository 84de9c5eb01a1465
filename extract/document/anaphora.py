"""Acts pointed back at: the acts a document has stated so far, for the arguments that refer to one.

A bare 「制裁」 (:data:`~extract.relations.ANAPHOR`) is aimed at the targets of
the same kind of act just described; 今般の攻撃 or この動き
(:class:`~extract.relations.Recent`) was done by the doers of the latest such act.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..relations import Recent
from ..types import RelationType
from .resolve import Resolved

__all__ = ["ActsSoFar"]

# How many sentences back "the sanctions" may refer (event anaphora).
_ANAPHOR_REACH = 3
# How many sentences back a bare reaction (ロシアは反発した) looks for the act it answers.
_REACTION_REACH = 2
# How far back a bare act of a kind the text keeps returning to may look (ドイツも承認した, paragraphs on).
_ANAPHOR_FAR = 8


@dataclass(slots=True)
class ActsSoFar:
    """The acts stated in the sentences read so far."""

    # the latest targets of each directed type, and the sentence they were named in
    targets: dict[RelationType, tuple[int, list[Resolved]]] = field(default_factory=dict)
    # who did what, sentence by sentence: (sentence, type, sources, targets)
    done: list[tuple[int, RelationType, list[Resolved], list[Resolved]]] = field(default_factory=list)

    def anaphor_targets(self, rtype: RelationType, index: int, subject: Resolved | None) -> list[Resolved]:
        """制裁の枠組みをつくってきた: the targets of the act of ``rtype`` the text was just about."""
        seen_at, tgts = self.targets.get(rtype, (-99, []))
        if index - seen_at > (_ANAPHOR_FAR if rtype == RelationType.SUPPORT else _ANAPHOR_REACH):
            # 米国は従来からの制裁を強化: no such act just described; the state the
            # whole text is about, if one clearly is
            tgts = [subject] if subject is not None and rtype == RelationType.SANCTION else []
        return tgts

    def acted_on(self, those: list[Resolved], index: int) -> list[Resolved]:
        """ロシアは強く反発した: the doers of the latest act on any of ``those``, in the
        sentences just before, if one was described."""
        ids = {x.id for x in those} | {x.id.split(":")[0] for x in those}  # (RUS:外務省 answers for RUS)
        for seen_at, rtype, srcs, tgts in reversed(self.done):
            if index - seen_at > _REACTION_REACH:
                break
            if seen_at < index and not rtype.symmetric and ids & {t.id for t in tgts}:
                return [s for s in srcs if s.id not in ids]
        return []

    def doers_of(self, ref: Recent, index: int) -> list[Resolved]:
        """今般の攻撃を非難 → whoever attacked in the sentences just before; この動きを歓迎 →
        the parties of the latest act (both sides of an agreement)."""
        # (今般の攻撃 names the kind of act, so it may point further back than この動き)
        reach = _ANAPHOR_REACH if ref.type is None else _ANAPHOR_FAR
        for seen_at, rtype, srcs, tgts in reversed(self.done):
            if index - seen_at > reach:
                break
            if ref.type is None or rtype == ref.type:
                return list(dict.fromkeys(srcs + tgts)) if rtype.symmetric else srcs
        return []
