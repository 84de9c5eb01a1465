"""The rules on invented states, bodies and persons (tests/invented.py): nothing leans on the real gazetteer.

Same sentences as the real-world tables in test_extract_rules.py, with the
actors swapped for ones no dictionary knows (after PETRARCH's Arnor and
Gondor): the rules must find them from the lexicon they are given and the
parse alone. Runs on the recorded parses in tests/data/parses/test_rules_invented.json
and, marked ``model``, on the real model.
"""

from __future__ import annotations

import pytest

from extract.lexicon import load_lexicon
from tests.invented import invented_lexicon

ROLE_TYPES = {"leader_of", "member_of", "part_of"}


def relations(rules, text, *, lexicon=None):
    res = rules.extract(text, lexicon=lexicon or invented_lexicon())
    return {(r.source, r.type.value, r.target, r.modality.value) for r in res.relations}


# fmt: off
INVENTED_CASES = [
    # が agent, に target, light verb 科す
    ("ゴンドールがハラドに制裁を科した。", {("GON", "sanction", "HAR", "asserted")}),
    # を patient; an invented state's long form (王国) is one of its names
    ("ハラドはアルノール王国を侵略した。", {("HAR", "attack", "ARN", "asserted")}),
    # と coordination, symmetric type stored once
    ("ゴンドールとアルノール王国は共同声明を発表した。", {("ARN", "cooperation", "GON", "asserted")}),
    ("アルノール王国とゴンドールは和平条約に署名した。", {("ARN", "treaty", "GON", "asserted")}),
    # による agent in a noun phrase; an invented body as the critic
    ("エリアドール連合は、ハラドによるローハン侵略を強く非難した。",
     {("eriador_union", "criticism", "HAR", "asserted"), ("HAR", "attack", "ROH", "asserted")}),
    # への target, 方針 hedges; stopping an act negates it
    ("ゴンドールはローハンへの軍事支援を続ける方針だ。", {("GON", "support", "ROH", "hedged")}),
    ("ゴンドールはハラドへの武器供与を一時停止した。", {("GON", "support", "HAR", "negated")}),
    # a threat to someone, its argument hung on the adjective
    ("ハラドの軍事力増強はローハンにとって深刻な脅威だ。", {("HAR", "threat", "ROH", "asserted")}),
    # 双方 names the group right there; 政府 is the state itself
    ("ゴンドール政府は、アルノール王国とハラドの双方に対し、即時停戦を強く求める。",
     {("GON", "request", "ARN", "asserted"), ("GON", "request", "HAR", "asserted")}),
    # persons no dictionary knows: they meet; each leads the state named before them
    ("ゴンドールのボロミル首相は、ローハンのエオメル国王と会談した。",
     {("エオメル", "meeting", "ボロミル", "asserted"), ("ボロミル", "leader_of", "GON", "asserted"),
      ("エオメル", "leader_of", "ROH", "asserted")}),
    # a speaker comments on the actors of the quote, whose act is hedged by 恐れ
    ("ゴンドールのボロミル首相は「ハラドはローハンに侵攻する恐れがある」と指摘した。",
     {("ボロミル", "leader_of", "GON", "asserted"), ("ボロミル", "comments_on", "HAR", "asserted"),
      ("ボロミル", "comments_on", "ROH", "asserted"), ("HAR", "attack", "ROH", "hedged")}),
    # an official title: member_of the state; a visit is a meeting with the host
    ("アルノール王国のエレンディル外相はゴンドールを訪問した。",
     {("エレンディル", "member_of", "ARN", "asserted"), ("GON", "meeting", "エレンディル", "asserted")}),
    # name・state title
    ("ボロミル・ゴンドール首相は演説した。", {("ボロミル", "leader_of", "GON", "asserted")}),
    # a body named after its state; a state joins a body
    ("ゴンドール軍は声明を出した。", {("GON:軍", "part_of", "GON", "asserted")}),
    ("ローハンは2019年にエリアドール連合に加盟した。", {("ROH", "member_of", "eriador_union", "asserted")}),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), INVENTED_CASES, ids=[c[0][:24] for c in INVENTED_CASES])
def test_rules_on_invented_actors(rules, text, expected):
    assert relations(rules, text) == expected


@pytest.mark.parametrize(
    ("text", "invented", "real"),
    [
        ("ゴンドールがハラドに制裁を科した。", {("GON", "sanction", "HAR", "asserted")}, set()),
        ("米国がイランに制裁を科した。", set(), {("USA", "sanction", "IRN", "asserted")}),
    ],
)
def test_rules_find_the_actors_the_lexicon_names_and_no_others(rules, text, invented, real):
    """One sentence, the same rules: the lexicon alone decides who the actors are."""
    assert relations(rules, text, lexicon=invented_lexicon()) == invented
    assert relations(rules, text, lexicon=load_lexicon()) == real


def test_rules_invented_short_mention_resolves_to_the_full_name(rules):
    text = "ゴンドールのボロミル首相は声明を出した。ボロミル氏はローハンを訪問した。"
    res = rules.extract(text, lexicon=invented_lexicon())
    persons = [a for a in res.actors if a.type.value == "person"]
    assert [p.name for p in persons] == ["ボロミル"]
    assert persons[0].role is not None and persons[0].role.value == "leader"
    got = {(r.source, r.type.value, r.target) for r in res.relations}
    assert got == {("ボロミル", "leader_of", "GON"), ("ROH", "meeting", "ボロミル")}
