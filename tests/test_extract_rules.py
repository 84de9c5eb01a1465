"""Extraction rules on sentences written for these tests, about other conflicts.

Each row: a sentence, and the exact relations (source, type, target, modality)
it must yield. Affiliations (leader_of, member_of, part_of) are checked in
their own table. Every test runs on the GiNZA parses recorded in
tests/data/parses/test_extract_rules.json (no model needed) and, marked
``model``, on the real model too (see tests/README.md to add a case).
"""

from __future__ import annotations

import pytest

ROLE_TYPES = {"leader_of", "member_of", "part_of"}


def events(rules, text, *, date=None):
    res = rules.extract(text, date=date)
    return {
        (r.source, r.type.value, r.target, r.modality.value) for r in res.relations if r.type.value not in ROLE_TYPES
    }


def roles(rules, text):
    res = rules.extract(text)
    return {(r.source, r.type.value, r.target) for r in res.relations if r.type.value in ROLE_TYPES}


# fmt: off
EVENT_CASES = [
    # が agent, に target, light verb 科す
    ("米国がイランに制裁を科した。", {("USA", "sanction", "IRN", "asserted")}),
    # と coordination, symmetric type stored once
    ("インドとパキスタンが会談した。", {("IND", "meeting", "PAK", "asserted")}),
    # を patient
    ("ロシアはウクライナを侵略した。", {("RUS", "attack", "UKR", "asserted")}),
    # 圧力をかける
    ("中国は台湾に軍事的な圧力をかけている。", {("CHN", "threat", "TWN", "asserted")}),
    # に対する target inside the noun phrase, compound trigger 追加制裁
    ("EUはロシアに対する追加制裁を決定した。", {("eu", "sanction", "RUS", "asserted")}),
    # への target, 方針 hedges
    ("米国はウクライナへの軍事支援を続ける方針だ。", {("USA", "support", "UKR", "hedged")}),
    # negation on the relation wins over the hedge around it
    ("英国はウクライナに戦車を供与しない方針を示した。", {("GBR", "support", "UKR", "negated")}),
    # 共同声明 is cooperation (ONTOLOGY rule 4)
    ("フランスとドイツは共同声明を発表した。", {("DEU", "cooperation", "FRA", "asserted")}),
    ("アゼルバイジャンとアルメニアは和平条約に署名した。", {("ARM", "treaty", "AZE", "asserted")}),
    # による agent in a noun phrase; the critic is not the invader; 我が国 = Japan
    ("我が国は、ロシアによるウクライナ侵略を強く非難する。",
     {("JPN", "criticism", "RUS", "asserted"), ("RUS", "attack", "UKR", "asserted")}),
    # criticism of a と-clause targets the clause's agent
    ("ブリンケン米国務長官は、中国がロシアを支援していると非難した。",
     {("CHN", "support", "RUS", "asserted"), ("blinken_antony", "criticism", "CHN", "asserted")}),
    # 双方 names the group right there
    ("日本政府は、イスラエルとハマスの双方に対し、即時停戦を強く求める。",
     {("JPN", "request", "ISR", "asserted"), ("JPN", "request", "hamas", "asserted")}),
    # persons meet; the と-partner hung on 北京 by the parser still counts
    ("ロシアのラブロフ外相は、中国の王毅外相と北京で会談した。", {("lavrov_sergey", "meeting", "wang_yi", "asserted")}),
    # とみられる hedges
    ("北朝鮮はロシアに砲弾を送ったとみられる。", {("PRK", "support", "RUS", "hedged")}),
    # れば: hypothetical; 対中 = against China
    ("米国が対中半導体輸出規制を強化すれば、中国は反発する可能性がある。",
     {("USA", "sanction", "CHN", "hypothetical")}),
    # full date, 奇襲攻撃 compound
    ("ハマスは2023年10月7日、イスラエルを奇襲攻撃した。", {("hamas", "attack", "ISR", "asserted")}),
    # historical state
    ("1979年、ソ連はアフガニスタンに侵攻した。", {("SUN", "attack", "AFG", "asserted")}),
    # full-width Latin, half-width katakana, full-width full stop: matched by NFKC
    ("ＵＳＡはｲﾗﾝに制裁を科した．", {("USA", "sanction", "IRN", "asserted")}),
    # full-width punctuation of academic prose
    ("イラクは1990年にクウェートに侵攻し，湾岸戦争が始まった．", {("IRQ", "attack", "KWT", "asserted")}),
    # an unnamed spokesperson speaks for the body
    ("中国外務省の報道官は米国を批判した。", {("CHN:外務省", "criticism", "USA", "asserted")}),
    # ministries: 外務省 alone is Japan's
    ("外務省は、北朝鮮による弾道ミサイルの発射に対し、厳重に抗議した。", {("JPN:外務省", "criticism", "PRK", "asserted")}),
    # visit = meeting; the subject carries over to the second clause
    ("岸田首相は訪米し、バイデン大統領と会談した。",
     {("USA", "meeting", "kishida_fumio", "asserted"), ("biden_joe", "meeting", "kishida_fumio", "asserted")}),
    # an expert comments on the actors of the quote
    ("ケニア大学のジョン・スミス教授は「エチオピアはスーダンの内戦に介入する恐れがある」と指摘した。",
     {("ジョン_スミス", "comments_on", "ETH", "asserted"), ("ジョン_スミス", "comments_on", "SDN", "asserted"),
      ("ETH", "attack", "SDN", "hedged")}),
    # a quote of the speaker's own request is the request, not a comment
    ("米国務省の報道官は「中国に自制を求める」と述べた。", {("USA:国務省", "request", "CHN", "asserted")}),
    ("台湾の国防部は、中国の挑発行為を強く非難した。", {("TWN:国防省", "criticism", "CHN", "asserted")}),
    # the speaker's own announced act is a relation (on the state the goods come from), not a comment
    ("トランプ大統領は中国からの輸入品に追加関税を課すと表明した。", {("trump_donald", "sanction", "CHN", "asserted")}),
    # a collective: 3カ国 are the three named
    ("日中韓の3カ国は首脳会談を開いた。",
     {("CHN", "meeting", "JPN", "asserted"), ("CHN", "meeting", "KOR", "asserted"),
      ("JPN", "meeting", "KOR", "asserted")}),
    # a state of armistice is not a treaty
    ("北朝鮮は韓国と休戦中で、軍事開発に力を注ぐ。", set()),
    # no relation between two actors merely named together
    ("ブラジルとアルゼンチンは南米の大国だ。", set()),
    # severing relations with a partner: a sanction both ways (ONTOLOGY trigger mapping, 断交)
    ("カナダはイランとの国交を断絶した。", {("CAN", "sanction", "IRN", "asserted"), ("IRN", "sanction", "CAN", "asserted")}),
    ("1972年、日本と中国は国交を正常化した。", {("CHN", "cooperation", "JPN", "asserted")}),
    # leaving a treaty is a negated treaty; a declaration of war is an attack (ONTOLOGY rules 4, 6)
    ("1945年、ソ連は日ソ中立条約を破棄して日本に宣戦布告した。",
     {("JPN", "treaty", "SUN", "negated"), ("SUN", "attack", "JPN", "asserted")}),
    # stopping or refusing an act negates it
    ("米国はイスラエルへの武器供与を一時停止した。", {("USA", "support", "ISR", "negated")}),
    ("ドイツのショルツ首相は、ウクライナへの長距離ミサイル供与を拒否した。", {("scholz_olaf", "support", "UKR", "negated")}),
    # 遺憾の意を表明: the trigger speaks through 意
    ("中国外務省は、米国の対応に遺憾の意を表明した。", {("CHN:外務省", "criticism", "USA", "asserted")}),
    # AとBの間で: both sides of a passive treaty
    ("1905年、日本とロシアの間でポーツマス条約が締結された。", {("JPN", "treaty", "RUS", "asserted")}),
    # fighting between two sides: each attacks the other
    ("アルメニアとアゼルバイジャンの間では、2020年に大規模な戦闘が起きた。",
     {("ARM", "attack", "AZE", "asserted"), ("AZE", "attack", "ARM", "asserted")}),
    # mediation is coded as the mediator's meetings with each party (ONTOLOGY rule 6)
    ("エジプトは、ハマスとイスラエルの交渉を仲介している。",
     {("EGY", "meeting", "ISR", "asserted"), ("EGY", "meeting", "hamas", "asserted"),
      ("ISR", "meeting", "hamas", "asserted")}),
    # a threat to someone, its argument hung on the adjective
    ("中国の軍事力増強は日本にとって深刻な脅威だ。", {("CHN", "threat", "JPN", "asserted")}),
    # designation as a sanctions target; asset freezes
    ("米国は北朝鮮の高官3人を制裁対象に指定した。", {("USA", "sanction", "PRK", "asserted")}),
    ("EUはロシアの新興財閥の資産を凍結した。", {("eu", "sanction", "RUS", "asserted")}),
    # a dialogue asked for is not held: hedged (ONTOLOGY rule 7)
    ("韓国は北朝鮮に対話を呼びかけた。", {("KOR", "request", "PRK", "asserted"), ("KOR", "meeting", "PRK", "hedged")}),
    # readiness to act, reported by the actor itself
    ("韓国政府は、北朝鮮に対して人道支援を行う用意があると表明した。", {("KOR", "support", "PRK", "hedged")}),
    # welcome is a comment on the actors of what is welcomed (ONTOLOGY rule 5)
    ("フランス政府は、インドとパキスタンの停戦合意を歓迎した。",
     {("FRA", "comments_on", "IND", "asserted"), ("FRA", "comments_on", "PAK", "asserted"),
      ("IND", "treaty", "PAK", "asserted")}),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), EVENT_CASES, ids=[c[0][:24] for c in EVENT_CASES])
def test_event_relations(rules, text, expected):
    assert events(rules, text) == expected


# fmt: off
ROLE_CASES = [
    ("ロシアのプーチン大統領は演説した。", {("putin_vladimir", "leader_of", "RUS")}),
    # a state's abbreviation fused with the title in one token: バイデン|米大統領
    ("バイデン米大統領は演説した。", {("biden_joe", "leader_of", "USA")}),
    ("ゼレンスキー・ウクライナ大統領は欧州を歴訪した。", {("zelenskyy_volodymyr", "leader_of", "UKR")}),
    # official titles: member_of the state; affiliation between name and title
    ("ブリンケン米国務長官は訪中した。", {("blinken_antony", "member_of", "USA")}),
    # an organization read from the text, part_of the state it is named after
    ("韓国統一研究院の金哲洙研究委員は語った。",
     {("金哲洙", "member_of", "KOR:統一研究院"), ("KOR:統一研究院", "part_of", "KOR")}),
    # nested organizations: 省 + 研究所 is a part_of chain
    ("外務省国際情報研究所の山田太郎主任研究員は語った。",
     {("山田太郎", "member_of", "国際情報研究所"), ("国際情報研究所", "part_of", "JPN:外務省"),
      ("JPN:外務省", "part_of", "JPN")}),
    # a university named only by the affiliation pattern
    ("ケニア大学のジョン・スミス教授は語った。",
     {("ジョン_スミス", "member_of", "KEN:大学"), ("KEN:大学", "part_of", "KEN")}),
    # a body named after its state: one id per office however the state and the body are written
    ("中国外交部は声明を出した。", {("CHN:外務省", "part_of", "CHN")}),
    ("中華人民共和国外務省は声明を出した。", {("CHN:外務省", "part_of", "CHN")}),
    ("アメリカ国務省は声明を出した。", {("USA:国務省", "part_of", "USA")}),
    # a force with a name of its own is a body of its state; generically named forces are the state
    ("イスラエル国防軍は声明を出した。", {("ISR:国防軍", "part_of", "ISR")}),
    ("米軍は声明を出した。", set()),
    # 「Xの」 + a body word: X's body (外務省 alone would be Japan's)
    ("台湾の国防部は、中国の挑発行為を強く非難した。",
     {("TWN:国防省", "part_of", "TWN")}),
    # a state is a member of a body
    ("ポーランドはNATOの加盟国として、ベラルーシへの警戒を強めている。", {("POL", "member_of", "nato")}),
    ("フィンランドは2023年にNATOに加盟した。", {("FIN", "member_of", "nato")}),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), ROLE_CASES, ids=[c[0][:24] for c in ROLE_CASES])
def test_affiliations(rules, text, expected):
    assert roles(rules, text) == expected


def test_short_mention_resolves_to_the_full_name(rules):
    text = "フランスのエマニュエル・マクロン大統領は声明を出した。マクロン氏はドイツを訪問した。"
    res = rules.extract(text)
    persons = [a for a in res.actors if a.type.value == "person"]
    assert len(persons) == 1
    assert persons[0].name == "エマニュエル・マクロン"
    assert {"マクロン", "エマニュエル・マクロン"} <= set(persons[0].aliases)
    assert persons[0].role is not None and persons[0].role.value == "leader"
    # the id comes from the full name, whichever form a sentence used
    assert ("DEU", "meeting", "macron_emmanuel") in {(r.source, r.type.value, r.target) for r in res.relations}


def test_reading_in_brackets_is_an_alias(rules):
    text = "北朝鮮の金与正(キム・ヨジョン)党副部長は談話を発表した。キム・ヨジョン氏は韓国を非難した。"
    res = rules.extract(text)
    persons = [a for a in res.actors if a.type.value == "person"]
    assert [p.name for p in persons] == ["金与正"]
    assert "キム・ヨジョン" in persons[0].aliases
    assert ("金与正", "criticism", "KOR") in {(r.source, r.type.value, r.target) for r in res.relations}


def test_both_states_means_the_pair_the_article_is_about(rules):
    text = "イスラエルとイランの対立が続いている。イスラエルとイランは互いに非難した。両国は国連安保理で協議した。"
    got = events(rules, text)
    assert ("IRN", "meeting", "ISR", "asserted") in got


def test_subjectless_sentence_inherits_the_previous_subject(rules):
    text = "トルコ政府は声明を出した。スウェーデンについては「テロ対策が不十分だ」と述べた。"
    got = events(rules, text)
    assert ("TUR", "comments_on", "SWE", "asserted") in got


def test_day_resolved_with_the_document_date(rules):
    res = rules.extract("エジプトとカタールが19日、会談した。", date="2025-03-20")
    (rel,) = [r for r in res.relations if r.type.value == "meeting"]
    assert rel.time == "2025-03-19"


def test_two_digit_year(rules):
    res = rules.extract("イランは06年、IAEAとの協議を打ち切った。")
    assert {r.time for r in res.relations} <= {"2006"}


def test_evidence_and_mentions_are_verbatim_for_full_width_text(rules):
    text = "ＥＵはロシアに対する追加制裁を決定した。"
    res = rules.extract(text)
    (rel,) = res.relations
    assert (rel.source, rel.target) == ("eu", "RUS")
    assert rel.sentence == text
    assert rel.source_mention == "ＥＵ"


def test_confidence_is_higher_for_verb_patterns_than_weak_nouns(rules):
    strong = rules.extract("ロシアはウクライナを攻撃した。").relations
    weak = rules.extract("米国とフィリピンは同盟関係にある。").relations
    assert strong and weak
    assert max(r.confidence for r in strong) > max(r.confidence for r in weak)


def test_a_bare_act_refers_to_the_one_just_described(rules):
    """Event anaphora: 「制裁の強化」 with no target is the sanctions of the sentence before;
    とともに adds co-agents."""
    text = "EUは2014年からロシアに制裁を科している。日本も米国とともに制裁の強化を進めてきた。"
    res = rules.extract(text)
    second = {(r.source, r.type.value, r.target) for r in res.relations if r.sentence_index == 1}
    assert second == {("JPN", "sanction", "RUS"), ("USA", "sanction", "RUS")}
    assert all(r.confidence <= 0.5 for r in res.relations if r.sentence_index == 1)


def test_a_bare_act_far_from_its_antecedent_is_left_alone(rules):
    text = (
        "EUはロシアに制裁を科している。ドイツは経済が停滞している。フランスは選挙を控える。"
        "イタリアは観光が好調だ。日本も制裁の強化を進めてきた。"
    )
    res = rules.extract(text)
    assert not [r for r in res.relations if r.source == "JPN"]


def test_a_government_statement_keeps_its_speaker_across_paragraphs(rules):
    """我が国 speaks throughout; the addressee of 「…するよう求める」 may hang inside the clause."""
    text = (
        "我が国は、ベネズエラによるガイアナへの威嚇を強く非難します。\n\n"
        "我が国は、米国をはじめとする国際社会と連携し、ベネズエラに対する制裁措置を実施します。"
        "また、ガイアナに対する人道支援を行います。\n\n"
        "ベネズエラに対し、直ちに部隊を撤収するよう強く求めます。"
    )
    res = rules.extract(text)
    got = {(r.source, r.type.value, r.target) for r in res.relations}
    assert {
        ("JPN", "criticism", "VEN"),
        ("VEN", "threat", "GUY"),
        ("JPN", "cooperation", "USA"),
        ("JPN", "sanction", "VEN"),
        ("JPN", "support", "GUY"),
        ("JPN", "request", "VEN"),
    } <= got
    assert not [r for r in res.relations if r.source == "USA" and r.type.value != "cooperation"]


def test_a_passive_act_does_not_inherit_the_previous_subject(rules):
    text = "ブラジル大統領は演説した。国境紛争が起きれば、ペルーやチリは対応を迫られる。"
    res = rules.extract(text)
    assert not [r for r in res.relations if r.type.value == "request"]
