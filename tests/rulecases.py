"""Rows of rule tables: a text, every relation it must yield, and known failures.

Shared by the rule modules written for issue 10's register, affiliation and
encyclopedia rules (tests/test_rules_register.py, test_rules_affiliation.py,
test_rules_encyclopedia.py). A row's expectation is what docs/ontology.md
says is right; a row the rules get wrong today is marked with ``fails=`` (a
strict xfail saying what the rule does wrong), never given a weaker
expectation.

>>> row = case("A。", {("X", "meeting", "Y")}, fails="no meeting")
>>> row.id, row.marks[0].kwargs["strict"]
('A。', True)
>>> len(table([row], [case("B。", set())]))
2
>>> triple(("Y", "meeting", "X", "asserted")), triple(("Y", "attack", "X"))
(('X', 'meeting', 'Y', 'asserted'), ('Y', 'attack', 'X', 'asserted'))
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

__all__ = ["ID_LENGTH", "case", "known_failure", "relations", "table", "triple"]

# A row's id: its text (new lines as "/"), a long one cut to its start and end.
ID_LENGTH = 44
_SYMMETRIC = frozenset({"treaty", "cooperation", "meeting"})


def triple(t: tuple[str, ...]) -> tuple[str, str, str, str]:
    """(source, type, target, modality), endpoints sorted for symmetric types; modality
    ``asserted`` when a row leaves it out."""
    source, rtype, target, *rest = t
    if rtype in _SYMMETRIC and target < source:
        source, target = target, source
    return (source, rtype, target, rest[0] if rest else "asserted")


def known_failure(reason: str) -> pytest.MarkDecorator:
    """A strict xfail for what the rules get wrong today, ``reason`` saying what.

    Only a wrong result (AssertionError) is the known failure: a missing recording
    or a crash still fails the test.
    """
    return pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)


def case(text: str, expected: Iterable[tuple[str, ...]], *, fails: str | None = None):
    """One row: ``text`` must yield exactly ``expected`` (triples as in :func:`triple`).

    ``fails``: what the rules get wrong today (the row is a strict xfail: it must fail).
    """
    marks = [known_failure(fails)] if fails else []
    rid = text.replace("\n", "/")
    if len(rid) > ID_LENGTH:
        rid = rid[: ID_LENGTH - 13] + "…" + rid[-12:]
    return pytest.param(text, frozenset(triple(t) for t in expected), id=rid, marks=marks)


def table(*groups: list) -> list:
    """The rows of several groups as one table; two rows with one id are refused
    (pytest would tell them apart only by a number)."""
    rows = [row for group in groups for row in group]
    ids = [row.id for row in rows]
    if len(set(ids)) != len(ids):
        raise ValueError(f"rows with the same id: {sorted({i for i in ids if ids.count(i) > 1})}")
    return rows


def relations(rules, text: str, *, lexicon=None) -> frozenset[tuple[str, str, str, str]]:
    """Every relation the rules find in ``text``, as :func:`triple` tuples."""
    res = rules.extract(text, lexicon=lexicon)
    return frozenset(triple((r.source, r.type.value, r.target, r.modality.value)) for r in res.relations)
