"""Collective subjects and the groups they stand for: 3か国の首脳, 両外相, AとBの首脳.

Sentences written for these tests (none from the corpus or the seed). Runs on the
parses recorded in tests/data/parses/test_rules_collectives.json and, marked
``model``, on the real model.
"""

from __future__ import annotations

import pytest

from tests.rulecases import case, relations, table

# fmt: off
COLLECTIVE_CASES = [
    # 3か国 are the three states named together last, here through their leaders
    case("ケニアのルト大統領は、タンザニアのハッサン大統領及びウガンダのムセベニ大統領と会談した。"
         "3か国の首脳は、地域の安定に向けて協力していくことで一致した。",
         {("ruto_william", "leader_of", "KEN"), ("hassan_samia_suluhu", "leader_of", "TZA"),
          ("museveni_yoweri", "leader_of", "UGA"), ("ruto_william", "meeting", "hassan_samia_suluhu"),
          ("ruto_william", "meeting", "museveni_yoweri"), ("KEN", "cooperation", "TZA"),
          ("KEN", "cooperation", "UGA"), ("TZA", "cooperation", "UGA")}),
    # the leaders of two states named together speak for both
    case("チリとペルーの首脳は、ボリビアを強く非難することで一致した。",
         {("CHL", "criticism", "BOL"), ("PER", "criticism", "BOL"), ("CHL", "cooperation", "PER")}),
    # a topic that is an act, not those who speak for a state, speaks for no one
    case("ボリビアによる協定離脱の決定は、極めて遺憾であり、チリはこれを非難する。",
         {("CHL", "criticism", "BOL")}),
    # 両 before any title (両大臣, 両防衛相) is the two holders named before; the states named
    # after it in its own sentence (ベネズエラとキューバの…) are what they speak of, not who speaks
    case("令和7年1月5日\n山田防衛大臣は、ブラジルのシルバ国防大臣と会談した。\n"
         "両大臣は、ベネズエラとキューバの軍事協力に懸念を表明した。",
         {("シルバ", "member_of", "BRA"), ("山田", "member_of", "JPN"), ("シルバ", "meeting", "山田"),
          ("CUB", "cooperation", "VEN"), ("BRA", "criticism", "CUB"), ("BRA", "criticism", "VEN"),
          ("JPN", "criticism", "CUB"), ("JPN", "criticism", "VEN")}),
    case("チリのボリッチ大統領はペルーのボルアルテ大統領と会談した。"
         "両首脳は、ボリビアとパラグアイの軍事協力に懸念を表明した。",
         {("boluarte_dina", "leader_of", "PER"), ("boric_gabriel", "leader_of", "CHL"),
          ("boluarte_dina", "meeting", "boric_gabriel"), ("BOL", "cooperation", "PRY"),
          ("CHL", "criticism", "BOL"), ("CHL", "criticism", "PRY"), ("PER", "criticism", "BOL"),
          ("PER", "criticism", "PRY")}),
    # 両外相 are the two ministers' states, though the sentence between names two other states
    case("ケニアのムダバディ外相は20日、タンザニアのカブディ外相と電話で会談した。\n"
         "ムダバディ氏は、ソマリアとエチオピアの国境紛争について懸念を示した。\n"
         "両外相は、年内に外相会談を開くことで合意した。",
         {("カブディ", "meeting", "ムダバディ"), ("カブディ", "member_of", "TZA"), ("ムダバディ", "member_of", "KEN"),
          ("ETH", "attack", "SOM"), ("SOM", "attack", "ETH"), ("ムダバディ", "criticism", "ETH"),
          ("ムダバディ", "criticism", "SOM"), ("KEN", "meeting", "TZA"), ("KEN", "treaty", "TZA")}),
    # a compound or collective of states marked で is those the act is done among, not where
    case("チリ外務省の報道官は、チリ、ペルー、ボリビアの3カ国で緊密に連携していくと述べた。",
         {("BOL", "cooperation", "CHL"), ("BOL", "cooperation", "PER"), ("CHL", "cooperation", "PER"),
          ("CHL:外務省", "part_of", "CHL")}),
    # 私 in a government's transcript is its official: with the state named beside, 両国 is the two
    case("令和7年2月4日\n【山本外務大臣】冒頭、私から1点申し上げます。本日、私は、訪日中のケニアのムダバディ外務大臣と"
         "会談を行いました。両国の戦略的パートナーシップを一層強化していくことを確認しました。",
         {("山本", "member_of", "JPN"), ("ムダバディ", "meeting", "山本"), ("ムダバディ", "member_of", "KEN"),
          ("JPN", "cooperation", "KEN")}),
    # who thanks for support received it
    case("ケニアは日本の支援に謝意を表明した。", {("JPN", "support", "KEN"), ("KEN", "comments_on", "JPN")}),
]

COUNTED_CASES = [
    # states listed before a count of them are its members, whatever the count (not only 両国, 3か国)
    case("チリ、ペルー、ボリビア、エクアドル、コロンビアの5カ国は、ベネズエラを非難した。",
         {("CHL", "criticism", "VEN"), ("PER", "criticism", "VEN"), ("BOL", "criticism", "VEN"),
          ("ECU", "criticism", "VEN"), ("COL", "criticism", "VEN")}),
    # …and with など the ones listed (the rest are not named)
    case("ケニア、ウガンダなど十二か国はスーダンに停戦を求めた。",
         {("KEN", "request", "SDN"), ("UGA", "request", "SDN")}),
    # a count named nowhere stands for nobody
    case("十数カ国はスーダンに停戦を求めた。", set()),
]

NAMED_MEETING_CASES = [
    # a meeting named by a compound of states: the states meet, and the persons who did
    case("チリのロペス外相は、ペルーのガルシア外相とチリ・ペルー外相会談を行った。",
         {("ロペス", "member_of", "CHL"), ("ガルシア", "member_of", "PER"), ("ガルシア", "meeting", "ロペス"),
          ("CHL", "meeting", "PER")}),
    # abbreviations joined by ・ in one token are a compound of those states
    case("来月、日・米・フィリピン海洋協議を開催する。",
         {("JPN", "meeting", "USA"), ("JPN", "meeting", "PHL"), ("PHL", "meeting", "USA")}),
]

TOPIC_MEETING_CASES = [
    # the は-topic the sentence opens with meets, though a purpose clause stands between
    case("ペルーのガルシア外相は、国際会議に出席するため来訪中のチリのロペス外相と会談を行った。",
         {("ガルシア", "member_of", "PER"), ("ロペス", "member_of", "CHL"), ("ガルシア", "meeting", "ロペス")}),
    # 会談後 only dates a clause: the talks lend it no parties, whichever verb GiNZA hangs them on
    case("ペルーのガルシア外相は会談後、チリとボリビアが国境問題で対立していると述べた。",
         {("ガルシア", "member_of", "PER"), ("ガルシア", "comments_on", "CHL"), ("ガルシア", "comments_on", "BOL")}),
    # …but not in a meeting asked of someone else
    case("ペルーは、チリに対し、協議を再開するよう求めた。", {("PER", "request", "CHL")}),
]

EXAMPLE_CASES = [
    # states given as examples of a group of states (といった, などの, 等の) are the group
    case("チリは、ブラジルやアルゼンチンといった同志国と連携していく。",
         {("BRA", "cooperation", "CHL"), ("ARG", "cooperation", "CHL")}),
    case("チリは、ブラジル、アルゼンチン等の近隣諸国と協力する。",
         {("BRA", "cooperation", "CHL"), ("ARG", "cooperation", "CHL")}),
    case("チリとペルーの両国が、ブラジルやアルゼンチンといった同志国等と連携しつつ、協力を強化していくことを確認した。",
         {("BRA", "cooperation", "CHL"), ("ARG", "cooperation", "CHL"), ("BRA", "cooperation", "PER"),
          ("ARG", "cooperation", "PER"), ("CHL", "cooperation", "PER")}),
    # those included (…を含め) act with the subject: they partner it, not each other
    case("チリとペルーは、ブラジル、アルゼンチンを始めとする他の同志国を含め、連携していくことを確認した。",
         {("CHL", "cooperation", "PER"), ("BRA", "cooperation", "CHL"), ("ARG", "cooperation", "CHL"),
          ("BRA", "cooperation", "PER"), ("ARG", "cooperation", "PER")}),
    case("ブラジルを含め、多くの国がベネズエラを非難した。", {("BRA", "criticism", "VEN")}),
    # a region or group of states is an actor (太平洋島嶼国, 東欧諸国, サヘル), and one coordinated
    # with another keeps it (ASEANや太平洋島嶼国と)
    case("チリは、ASEANや太平洋島嶼国と協力を深めていく。",
         {("CHL", "cooperation", "asean"), ("CHL", "cooperation", "pacific_island_countries")}),
    case("ソ連は東欧諸国とともにユーゴスラビアに経済制裁を科した。",
         {("SUN", "sanction", "YUG"), ("eastern_europe", "sanction", "YUG")}),
    # …but a place named after a state's territory (イタリア領東アフリカ) is no region acting
    case("エチオピアはイタリア領東アフリカに併合された。", set()),
    # …but a group that is not of states is not (ブラジルなどの企業)
    case("チリは、ブラジルなどの企業と協力する。", set()),
    # the owner of a conjunct owns the phrase (Yの友情とおもてなし)
    case("ガルシア外相から、ロペス外相の友情とおもてなしに対する深い謝意を述べました。", {("ガルシア", "comments_on", "ロペス")}),
]

LOST_SEPARATOR_CASES = [
    # states named side by side with the separator lost (a copied page's links) stand together
    case("フィジーの首相は、オーストラリアニュージーランドに支援を求めた。",
         {("FJI", "request", "AUS"), ("FJI", "request", "NZL")}),
    case("ペルーはチリボリビアを非難した。", {("PER", "criticism", "CHL"), ("PER", "criticism", "BOL")}),
]
RUN_TOGETHER_CASES = [
    # abbreviations and an acronym run together (英豪NZ加) are one compound of all four states,
    # which the counted collective after it stands for
    case("英豪NZ加首脳会合が開かれた。4か国の首脳は、イランを強く非難した。",
         {("AUS", "meeting", "CAN"), ("AUS", "meeting", "GBR"), ("AUS", "meeting", "NZL"),
          ("CAN", "meeting", "GBR"), ("CAN", "meeting", "NZL"), ("GBR", "meeting", "NZL"),
          ("AUS", "criticism", "IRN"), ("CAN", "criticism", "IRN"), ("GBR", "criticism", "IRN"),
          ("NZL", "criticism", "IRN")}),
    # persons named as name・state title, listed before との間で: each meets the subject
    case("ケニアのルト大統領は、ヨウェリ・ムセベニ・ウガンダ大統領、ポール・カガメ・ルワンダ大統領及びサミア・ハッサン・タンザニア大統領との間で首脳会合を行った。",
         {("ruto_william", "leader_of", "KEN"), ("museveni_yoweri", "leader_of", "UGA"),
          ("kagame_paul", "leader_of", "RWA"), ("hassan_samia_suluhu", "leader_of", "TZA"),
          ("museveni_yoweri", "meeting", "ruto_william"), ("kagame_paul", "meeting", "ruto_william"),
          ("hassan_samia_suluhu", "meeting", "ruto_william")}),
    # a …に関し phrase opening a chain of clauses is what the criticism at its end is about
    case("ペルーとチリの首脳は、12日のボリビアによる弾道ミサイルの発射に関し、地域の平和を脅かすものであり、断じて容認できず、強く非難することで一致した。",
         {("CHL", "cooperation", "PER"), ("CHL", "criticism", "BOL"), ("PER", "criticism", "BOL")}),
]

# A mutual act (断交 is sanction both ways) between listed doers and the one they break with:
# each doer and that one, never the doers among themselves; 同国 is the state named last
# before it, not the topic and not a modifier.
MUTUAL_CASES = [
    case("ペルー、コロンビア及びエクアドルは、ベネズエラと断交した。",
         {("PER", "sanction", "VEN"), ("VEN", "sanction", "PER"), ("COL", "sanction", "VEN"),
          ("VEN", "sanction", "COL"), ("ECU", "sanction", "VEN"), ("VEN", "sanction", "ECU")}),
    case("ペルー、コロンビア、エクアドルの3か国は、ベネズエラが選挙を妨害したとして、同国と断交した。",
         {("PER", "sanction", "VEN"), ("VEN", "sanction", "PER"), ("COL", "sanction", "VEN"),
          ("VEN", "sanction", "COL"), ("ECU", "sanction", "VEN"), ("VEN", "sanction", "ECU")}),
    case("チリはボリビアとの国境に部隊を展開した。ペルーは同国に対する制裁を決定した。",
         {("PER", "sanction", "BOL")}),
    case("エクアドルは、チリへのロシア艦船の寄港に抗議するため、同国からの輸入を停止した。",
         {("ECU", "criticism", "RUS"), ("ECU", "sanction", "CHL")}),
    # those marked も join the act of that kind just described: aimed where it was, and a
    # mutual one both ways with its other side, not among themselves
    case("ペルーはベネズエラとの国交を断絶すると発表した。パナマとチリも断交に踏み切った。",
         {("PER", "sanction", "VEN"), ("VEN", "sanction", "PER"), ("PAN", "sanction", "VEN"),
          ("VEN", "sanction", "PAN"), ("CHL", "sanction", "VEN"), ("VEN", "sanction", "CHL")}),
    case("ペルー、チリ及びパナマはベネズエラと断交した。コロンビアも同様に断交を表明した。",
         {("PER", "sanction", "VEN"), ("VEN", "sanction", "PER"), ("PAN", "sanction", "VEN"),
          ("VEN", "sanction", "PAN"), ("CHL", "sanction", "VEN"), ("VEN", "sanction", "CHL"),
          ("COL", "sanction", "VEN"), ("VEN", "sanction", "COL")}),
    # the states that found a body (結成, 設立) are its members
    case("1981年、サウジアラビア、クウェート及びカタールなど6か国が湾岸協力会議(GCC)を結成した。",
         {("SAU", "member_of", "gcc"), ("KWT", "member_of", "gcc"), ("QAT", "member_of", "gcc")}),
    # a list written out before the subject (A、B及びC) is the subject, however GiNZA hangs it
    case("ノルウェー、スウェーデン及びデンマークはベラルーシと断交した。",
         {("NOR", "sanction", "BLR"), ("BLR", "sanction", "NOR"), ("SWE", "sanction", "BLR"),
          ("BLR", "sanction", "SWE"), ("DNK", "sanction", "BLR"), ("BLR", "sanction", "DNK")}),
    case("ノルウェーはベラルーシを非難した。デンマークも同様に非難した。",
         {("NOR", "criticism", "BLR"), ("DNK", "criticism", "BLR")}),
    # but a subject marked も with a target of its own acts on that one
    case("ノルウェーはベラルーシを非難した。デンマークもロシアを非難した。",
         {("NOR", "criticism", "BLR"), ("DNK", "criticism", "RUS")}),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"),
    table(
        COLLECTIVE_CASES,
        COUNTED_CASES,
        NAMED_MEETING_CASES,
        TOPIC_MEETING_CASES,
        EXAMPLE_CASES,
        LOST_SEPARATOR_CASES,
        RUN_TOGETHER_CASES,
        MUTUAL_CASES,
    ),
)
def test_collectives(rules, text, expected):
    assert relations(rules, text) == expected
