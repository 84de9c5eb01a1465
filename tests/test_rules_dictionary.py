"""Persons the actor dictionary knows: named without a title, told apart by the year, one id
whatever the spelling.

Sentences written for these tests (none from the corpus or the seed). Runs on the parses
recorded in tests/data/parses/test_rules_dictionary.json and, marked ``model``, on the real
model.
"""

from __future__ import annotations

import pytest

from tests.rulecases import case, relations, table

# fmt: off
UNTITLED_CASES = [
    # a ＝ between two persons the dictionary knows is two persons (a meeting named after
    # both), not one name in two parts (アル＝アサド)
    case("1961年、ケネディ＝フルシチョフ会談がウィーンで行われた。",
         {("kennedy_john_f", "meeting", "khrushchev_nikita")}),
    # a monarch's regnal number is part of the name, before or after the title
    case("イタリア国王ヴィットーリオ・エマヌエーレ3世はエチオピアを訪問した。",
         {("victor_emmanuel_iii_italy", "leader_of", "ITA"), ("ETH", "meeting", "victor_emmanuel_iii_italy")}),
    case("英国のエリザベス2世女王はカナダを訪問した。",
         {("elizabeth_ii_uk", "leader_of", "GBR"), ("CAN", "meeting", "elizabeth_ii_uk")}),
    # 師, the honorific of clerics, ends a name as 氏 does
    case("ハメネイ師はサウジアラビアを非難した。", {("khamenei_ali", "criticism", "SAU")}),
    # an encyclopedia names leaders without a title
    case("1961年、フルシチョフはウィーンでケネディと会談した。",
         {("khrushchev_nikita", "meeting", "kennedy_john_f")}),
    case("サッチャーはアルゼンチンを非難した。", {("thatcher_margaret", "criticism", "ARG")}),
    # a full name in any of its spellings is one person
    case("ジャワハルラール・ネルーはパキスタンを批判した。", {("nehru_jawaharlal", "criticism", "PAK")}),
    # a middle initial is part of a katakana name
    case("ジョン・F・ケネディ大統領はキューバを非難した。",
         {("kennedy_john_f", "criticism", "CUB")}),
    # a group's name written in parts is the same name run together
    case("ケニアのルト大統領は、アルシャバーブによる攻撃を非難した。",
         {("ruto_william", "criticism", "al_shabaab"), ("ruto_william", "leader_of", "KEN")}),
]

OFFICE_CASES = [
    # a kanji surname and a title (蔡総統): the one dictionary person of that surname whose
    # office and state the text gives
    case("台湾の蔡総統は、中国を批判した。",
         {("tsai_ing_wen", "leader_of", "TWN"), ("tsai_ing_wen", "criticism", "CHN")}),
    # a title without its state beside it: the dictionary says which of the text's states it is of
    case("ブラジルは首脳会議を主催した。ルラ大統領はアルゼンチンを批判した。",
         {("lula_da_silva_luiz_inacio", "leader_of", "BRA"), ("lula_da_silva_luiz_inacio", "criticism", "ARG")}),
    # …but never a state the text does not name
    case("ルラ大統領はアルゼンチンを批判した。", {("lula_da_silva_luiz_inacio", "criticism", "ARG")}),
    # nor, in a text about one state, a leader the dictionary knows led another
    case("ロシアの経済は停滞した。ロシアでは抗議が続いた。ルラ大統領は抗議を支持した。", set()),
]

GOVERNMENT_CASES = [
    # a government named after a leader the dictionary knows is that leader's state's
    case("李明博政権は日本を批判した。", {("lee_myung_bak", "leader_of", "KOR"), ("KOR", "criticism", "JPN")}),
    # a movement or a thing before 政権 / 体制 is no leader (and no state is made up for it)
    case("ナチス政権はポーランドに侵攻した。", set()),
    case("日本の企業は2ブランド体制で米国に進出した。", set()),
]

PRIVATE_BODY_CASES = [
    # an association named after a state is not a body of that state
    case("日本相撲協会はモンゴルを訪問した。", {("MNG", "meeting", "日本相撲協会")}),
    # 中隊 (a company) holds no abbreviation of China
    case("第2中隊はイラクに派遣された。", set()),
]

STATE_CASES = [
    # a regime or a former name of a state that continues is the state
    case("1941年、ナチス・ドイツはソ連に侵攻した。", {("DEU", "attack", "SUN")}),
    case("ザイールはアンゴラの反政府勢力を支援した。", {("COD", "support", "AGO")}),
    # a state's air force, army or navy named by the state is the state (ONTOLOGY: armed forces)
    case("ロシア空軍はシリア北部を空爆した。", {("RUS", "attack", "SYR")}),
]

ORGAN_CASES = [
    # an organ whose name opens with its body's is part of it; the body's acronym may stand between
    case("欧州連合(EU)理事会は本日、ベラルーシに対する追加制裁を採択した。",
         {("council_of_the_eu", "sanction", "BLR"), ("council_of_the_eu", "part_of", "eu")}),
    case("国際連合安全保障理事会は、マリを非難した。",
         {("unsc", "criticism", "MLI"), ("unsc", "part_of", "un")}),
    # …but not where the name does not say so (安保理 alone)
    case("安保理は、マリを非難した。", {("unsc", "criticism", "MLI")}),
    # an acronym in brackets after a body that is all there is to the name joins nothing
    case("アフリカ連合(AU)は、マリを非難した。", {("african_union", "criticism", "MLI")}),
    # the institutions of a state, by their common words (royal house, interior ministry, prosecutors)
    case("ヨルダン王室はイスラエルを非難した。", {("JOR:王室", "criticism", "ISR"), ("JOR:王室", "part_of", "JOR")}),
    case("ベラルーシの内務省は、リトアニアを非難した。",
         {("BLR:内務省", "criticism", "LTU"), ("BLR:内務省", "part_of", "BLR")}),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"),
    table(UNTITLED_CASES, OFFICE_CASES, GOVERNMENT_CASES, PRIVATE_BODY_CASES, STATE_CASES, ORGAN_CASES),
)
def test_the_dictionary_names(rules, text, expected):
    assert relations(rules, text) == expected


def test_a_full_name_and_the_short_name_later_are_one_person(rules):
    res = rules.extract("ネルソン・マンデラはアンゴラを訪問した。マンデラはキューバを称賛した。")
    persons = {a.id for a in res.actors if a.type.value == "person"}
    assert persons == {"mandela_nelson"}
    assert {r.source for r in res.relations if r.type.value == "comments_on"} == {"mandela_nelson"}


@pytest.mark.parametrize(("date", "who"), [("1991-02-01", "bush_george_h_w"), ("2003-03-20", "bush_george_w")])
def test_a_short_name_two_leaders_share_is_the_one_in_office_at_the_time(rules, date, who):
    res = rules.extract("ブッシュ大統領はイラクを非難した。", date=date)
    assert {(r.source, r.type.value, r.target) for r in res.relations} >= {(who, "criticism", "IRQ")}


def test_a_short_name_two_leaders_share_is_neither_without_a_date(rules):
    res = rules.extract("ブッシュ大統領はイラクを非難した。")
    assert not {r.source for r in res.relations} & {"bush_george_h_w", "bush_george_w"}
