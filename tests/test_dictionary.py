"""The actor dictionary (extract/data/dictionary): it loads, its classes are complete, and
the lexicon recognises what it lists.

No model: the files and the lexicon built from them.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import pycountry
import pytest

from extract.dictionary import load_dictionary, name_key
from extract.lexicon import load_lexicon
from extract.normalize import match_key

FILES = sorted(
    p.name for p in resources.files("extract").joinpath("data", "dictionary").iterdir() if p.name.endswith(".json")
)


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary()


@pytest.mark.parametrize("name", FILES)
def test_every_file_is_versioned_and_names_its_sources(name):
    data = json.loads(resources.files("extract").joinpath("data", "dictionary", name).read_text(encoding="utf-8"))
    assert data["version"] and data["sources"] and data["entries"]
    ids = [e["id"] for e in data["entries"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    for e in data["entries"]:
        assert e["name"].strip() == e["name"] != ""
        assert all(a.strip() for a in e.get("aliases", ()))


def test_every_un_member_and_the_states_outside_it_are_there(dictionary):
    kinds = Counter(e.kind for e in dictionary.states.values())
    assert kinds["un_member"] == 193
    for code in ("PSE", "VAT", "TWN", "XKX", "SUN", "DDR", "YUG", "CSK"):
        assert code in dictionary.states
    # every current ISO 3166-1 state a member of the UN is a member here too
    members = {e.id for e in dictionary.states.values() if e.kind == "un_member"}
    assert members <= {c.alpha_3 for c in pycountry.countries}


def test_historical_states_say_when_they_ended(dictionary):
    for e in dictionary.states.values():
        if e.kind == "historical":
            assert e.end is not None and (e.start is None or e.start <= e.end), e


def test_every_office_is_dated_and_belongs_to_a_known_state_or_body(dictionary):
    known = set(dictionary.states) | set(dictionary.bodies) | set(dictionary.groups)
    for p in dictionary.persons.values():
        assert p.offices, p.id
        for o in p.offices:
            assert o.state in known, (p.id, o.state)
            assert o.start is None or 1850 <= o.start <= 2026
            assert o.end is None or (o.start or 0) <= o.end <= 2026


def test_the_classes_are_complete_at_scale(dictionary):
    heads = {o.state for p in dictionary.persons.values() for o in p.offices if o.office == "head_of_state"}
    un = {e.id for e in dictionary.states.values() if e.kind == "un_member"}
    # a head of state since 2000 for nearly every UN member (the dictionary lists those it is sure of)
    assert len(un & heads) >= 185
    ministers = Counter(o.office for p in dictionary.persons.values() for o in p.offices)
    assert ministers["foreign_minister"] >= 300 and ministers["defence_minister"] >= 300
    assert len(dictionary.bodies) >= 300 and len(dictionary.groups) >= 300


def test_a_person_is_found_by_every_full_name_and_by_the_short_name(dictionary):
    for p in dictionary.persons.values():
        for n in p.full_names:
            assert p in dictionary.persons_named(n), (p.id, n)
        assert p in dictionary.persons_named(p.name) or dictionary.is_full_name(p.name), p.id


def test_a_given_name_before_another_spelling_of_the_surname_names_the_person(dictionary):
    # the dictionary writes ヘルマン・ファンロンパイ, news ヘルマン・ファン・ロンパウ (the short form
    # ファンロンパウ is an alias); another given name before the same surname names no one
    vr = dictionary.persons["van_rompuy_herman"]
    assert "ヘルマン・ファン・ロンパウ" not in vr.full_names
    assert [p.id for p in dictionary.persons_named("ヘルマン・ファン・ロンパウ")] == ["van_rompuy_herman"]
    assert dictionary.persons_named("ピーター・ファン・ロンパウ") == []


def test_names_are_keyed_whatever_the_joiner():
    assert name_key("ネルソン・マンデラ") == name_key("ネルソン＝マンデラ") == name_key("ネルソン マンデラ")


def test_a_short_name_two_persons_share_is_told_apart_by_the_year(dictionary):
    assert {p.id for p in dictionary.persons_named("ブッシュ")} >= {"bush_george_h_w", "bush_george_w"}
    assert dictionary.person_for(["ブッシュ"], year=1991).id == "bush_george_h_w"
    assert dictionary.person_for(["ブッシュ"], year=2006).id == "bush_george_w"
    assert dictionary.person_for(["ブッシュ"]) is None  # no year, no state: not sure, so no one
    assert dictionary.person_for(["ジョージ・W・ブッシュ", "ブッシュ"]).id == "bush_george_w"


def test_the_lexicon_recognises_the_dictionarys_states_bodies_and_groups(dictionary):
    lex = load_lexicon()
    for section in (dictionary.states, dictionary.bodies, dictionary.groups):
        for e in section.values():
            if e.id in lex.actors:
                assert lex.actors[e.id].name
    assert lex.lookup("UNIFIL") == "unifil"
    assert lex.lookup("ボコ・ハラム") == "boko_haram"
    assert lex.lookup("アブハジア") == "abkhazia"


def test_a_name_two_entries_share_is_nobodys(dictionary):
    lex = load_lexicon()
    for form in ("民主党", "共和党", "社会党", "自由党"):
        assert match_key(form) in dictionary.ambiguous
        assert lex.lookup(form) is None


def test_names_the_rules_read_better_are_not_dictionary_aliases():
    lex = load_lexicon()
    # a compound of states' abbreviations names the states, an event its parties,
    # a government named after its leader the state: the rules read those
    assert lex.lookup("日中韓首脳会議") is None
    assert lex.lookup("ポル・ポト政権") is None
    assert lex.lookup("常任理事国") is None
