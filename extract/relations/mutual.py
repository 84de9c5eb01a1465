"""The sides of a mutual act (戦闘, 国交断絶): each side acts on the other (ONTOLOGY: a war
between X and Y is attack both ways; 断交 is sanction both ways)."""

from __future__ import annotations

from .frames import Reader
from .particles import particles
from .slots import ANAPHOR, Arg, Frame, Slot, members, unique

__all__ = ["also_did", "both_sides"]


def also_did(r: Reader, fr: Frame) -> bool:
    """Whether the act's doers are marked も (英国も非難した, エジプトとUAEも断交に加わった),
    none は or が: they join an act of the same kind just described, aimed where it was."""
    doers = fr.sources or fr.fallback
    marks = {particles(r.mention_head(r.sm.mentions[a.mention])) for a in doers if isinstance(a, Arg)}
    return "も" in marks and not marks & {"は", "が"}


def both_sides(fr: Frame, *, mutual: bool, joins: bool) -> tuple[list[Slot], list[Slot]] | None:
    """The two sides of a mutual act named with no other target, as (one, other); the same
    list twice when the sides are named together (AとBの間で戦闘, 印パ戦争). None when the
    act is not mutual or has fewer than two sides.

    Those named as its doers act with, not on, each other: A、B、Cの3か国はDと断交 is each
    of the three and D, not the three among themselves.
    """
    if not mutual:
        return None
    doers = [a for a in fr.sources if a not in fr.partners]
    if fr.targets_are_partners and doers:
        return doers, fr.partners
    if joins and not (fr.targets or fr.partners):
        # エジプトとUAEも断交した: they join an act just described, with its other side
        return doers or fr.fallback, [ANAPHOR]
    sides = unique(fr.sources + fr.partners + fr.compounds)
    if len(members(sides)) < 2 and not fr.targets:
        sides = unique(sides + fr.fallback)  # 両国間では…国交を断絶した: the two of an earlier clause
    only_compounds = set(fr.targets) <= set(fr.compounds)  # 印パ戦争: both sides in the compound
    if (not fr.targets or fr.targets_are_partners or only_compounds) and len(members(sides)) >= 2:
        return sides, sides
    return None
