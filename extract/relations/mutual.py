"""The sides of a mutual act (戦闘, 国交断絶): each side acts on the other (ONTOLOGY: a war
between X and Y is attack both ways; 断交 is sanction both ways)."""

from __future__ import annotations

from .slots import Frame, Slot, members, unique

__all__ = ["both_sides"]


def both_sides(fr: Frame, *, mutual: bool) -> tuple[list[Slot], list[Slot]] | None:
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
    sides = unique(fr.sources + fr.partners + fr.compounds)
    if len(members(sides)) < 2 and not fr.targets:
        sides = unique(sides + fr.fallback)  # 両国間では…国交を断絶した: the two of an earlier clause
    only_compounds = set(fr.targets) <= set(fr.compounds)  # 印パ戦争: both sides in the compound
    if (not fr.targets or fr.targets_are_partners or only_compounds) and len(members(sides)) >= 2:
        return sides, sides
    return None
