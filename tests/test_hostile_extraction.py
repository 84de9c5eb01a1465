"""Hostile inputs to the extraction itself (issue 20, items 3 and 11): a list of states long
enough to blow up the outputs, names hidden by invisible characters, counted days.

Real GiNZA model (once per session), text written for the tests.
"""

from __future__ import annotations

import pytest

from extract.lexicon import load_lexicon
from extract.relations.emit import MAX_PARTIES

pytestmark = pytest.mark.model


def _states(n: int) -> list[str]:
    lex = load_lexicon()
    names = sorted(a.name for a in lex.actors.values() if a.type.value == "country" and len(a.id) == 3)
    return names[:n]


def test_a_roster_of_states_is_no_meeting_of_each_with_each(extract_triples):
    # 30 states "met and signed a statement": 435 pairs each for meeting and cooperation if expanded
    text = "、".join(_states(30)) + "の首脳が会談し、共同声明に署名した。"
    res = extract_triples(text)
    symmetric = [r for r in res.relations if r.type.symmetric]
    assert symmetric == []
    assert len(res.relations) <= 2 * 30  # whatever else is read stays linear in the names


def test_a_summit_of_the_g7_still_pairs_every_member(extract_triples):
    text = "日本、米国、英国、フランス、ドイツ、イタリア及びカナダの首脳が会談した。"
    res = extract_triples(text)
    pairs = {tuple(sorted((r.source, r.target))) for r in res.relations if r.type.value == "meeting"}
    assert len(pairs) == 7 * 6 // 2 and MAX_PARTIES >= 12


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060", "\ufeff"])
def test_an_invisible_character_inside_a_name_hides_nothing(extract_triples, invisible):
    text = f"ロ{invisible}シアはウクライ{invisible}ナを攻撃した。"
    res = extract_triples(text)
    assert {(r.source, r.type.value, r.target) for r in res.relations} == {("RUS", "attack", "UKR")}
    (rel,) = res.relations
    assert rel.sentence == text  # the evidence stays verbatim
    assert rel.source_mention == f"ロ{invisible}シア"


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("イランは3日前、イラクを攻撃した。", "2019-12-29"),
        ("イランは5日後にイラクを攻撃する方針だ。", "2020-01-06"),
        ("イランは2年前にイラクを攻撃した。", "2018"),
    ],
)
def test_days_and_years_are_counted_from_the_publication_date(extract_triples, text, when):
    res = extract_triples(text, date="2020-01-01")
    assert [r.time for r in res.relations if r.type.value == "attack"] == [when]


def test_a_length_of_time_is_no_date(extract_triples):
    res = extract_triples("イランとイラクは25年間対立し、ついに交戦した。", date="2010-05-01")
    assert {r.time for r in res.relations} == {None}


def test_a_meeting_word_after_a_state_without_an_id_is_read_without_a_crash(extract_triples):
    # ロシア共和国 is a state the gazetteer names by its parts; 最高会議 a meeting word
    res = extract_triples("ロシア共和国最高会議は翌11日、非常事態宣言を不承認とする決議を行った。")
    assert res.error is None
