"""Criticism stated with its grounds, and the trigger words of the ontology's mapping
(不満, 異議, 申し入れ, 残念 → criticism; 提案 to a party → request).

Sentences written for these tests (none from the corpus or the seed). Runs on the
parses recorded in tests/data/parses/test_rules_speech.json and, marked ``model``,
on the real model.
"""

from __future__ import annotations

import pytest

from tests.rulecases import case, relations, table

# fmt: off
GROUNDS_CASES = [
    # a bare reaction (反発, 抗議, 非難 with no target) answers whoever just acted on the one
    # reacting; with no such act, it has no target
    case("ノルウェーはベラルーシの外交官3人を国外に追放した。ベラルーシは強く反発している。",
         {("NOR", "sanction", "BLR"), ("BLR", "criticism", "NOR")}),
    case("タイはミャンマー国境の拠点を空爆した。ミャンマー政府は主権の侵害だとして非難した。",
         {("THA", "attack", "MMR"), ("MMR", "criticism", "THA")}),
    case("ノルウェーはベラルーシの外交官3人を国外に追放した。フィンランドは強く反発した。",
         {("NOR", "sanction", "BLR")}),
    # a trigger in another spelling (呼び掛け for 呼びかけ, 申入れ for 申し入れ) is the same trigger
    case("ペルーはチリに対話を呼び掛けた。", {("PER", "request", "CHL")}),
    # the clause given as the grounds (…として非難, 「…」として不満): whom it is about is criticised
    case("エリトリアは「エチオピアは国境線を尊重していない」として不満を表明している。", {("ERI", "criticism", "ETH")}),
    case("ペルー政府は、チリは戦争の計画を立てている、として非難した。", {("PER", "criticism", "CHL")}),
]

SPEAKER_CASES = [
    # a speaker that is no actor we know (a newspaper, here) is no one's words carried over
    case("チリはペルーを批判した。スポーツニッポンは、ペルーの勝利は確実だと指摘した。",
         {("CHL", "criticism", "PER")}),
]

SUMMARY_CASES = [
    # a meeting summary: welcome of a visit is a comment on the visitor, thanks stated by a
    # passive verb are the one marked から's, concern shared is criticism by both
    # (the visit is the minister's and his state's act: the comment is on both)
    case("ペルーの外相から、チリのロペス外相の訪問を歓迎する旨述べました。",
         {("PER", "comments_on", "ロペス"), ("PER", "comments_on", "CHL"), ("ロペス", "member_of", "CHL")}),
    case("ロペス外相から、ペルー側の歓待に謝意が表明されました。", {("ロペス", "comments_on", "PER")}),
    case("チリとペルーの外相は、ボリビアによる軍備増強について深刻な懸念を共有した。",
         {("CHL", "criticism", "BOL"), ("PER", "criticism", "BOL")}),
    # a visit that sets the scene (訪日中の) adds no meeting
    case("チリの外相は、訪ペ中のボリビア外相と会談した。", {("BOL", "meeting", "CHL")}),
]

POINTED_CASES = [
    # これ points at the object of the clause before: support of the doers of what was welcomed
    case("ASEANは、タイとマレーシアによる仲介の努力を歓迎し、これを支持する。",
         {("asean", "comments_on", "THA"), ("asean", "comments_on", "MYS"),
          ("asean", "support", "THA"), ("asean", "support", "MYS")}),
]

ASKED_CASES = [
    # an act asked for is the one asked's, not the asker's: no support by the asker
    case("ブータンは、インドに支援を要請した。", {("BTN", "request", "IND")}),
    # the addressee set off by a comma is the verb's, wherever GiNZA hangs it in the object
    case("ドイツはトルコに対し、拘束されているメルト・ユルマズ記者の即時釈放を求めた。", {("DEU", "request", "TUR")}),
    # …while an act one considers is one's own, hedged
    case("ブータンは、ネパールに対する制裁措置を検討している。", {("BTN", "sanction", "NPL", "hedged")}),
    # a demand naming no one, after a protest in the same sentence, is made of the one protested against
    case("ペルーはボリビアを非難し、部隊の撤退を要求した。", {("PER", "criticism", "BOL"), ("PER", "request", "BOL")}),
    case("ノルウェーはベラルーシによる拘束を非難するとともに、早期の解放を求めた。",
         {("NOR", "criticism", "BLR"), ("NOR", "request", "BLR")}),
    # …and so are measures taken after it
    case("ノルウェーはベラルーシを非難し、追加制裁を発動した。", {("NOR", "criticism", "BLR"), ("NOR", "sanction", "BLR")}),
    # a measure naming no one is aimed at the doers of what it is taken for (…したため, …したとして);
    # a deed given as grounds with no doer named is not the subject's (nor aimed at whom it served)
    case("エチオピアがエリトリアを攻撃したため、AUは制裁を科した。",
         {("ETH", "attack", "ERI"), ("african_union", "sanction", "ETH")}),
    case("ケニアは、ソマリアが国境を越えたとして、制裁を発動した。", {("KEN", "sanction", "SOM")}),
    case("ケニアは、アルシャバーブに資金を供給したとして、複数の企業に制裁を科した。", set()),
]

TRIGGER_CASES = [
    case("ボリビアは、チリの決定に異議を唱えた。", {("BOL", "criticism", "CHL")}),
    case("ウルグアイはパラグアイに対して抗議を申し入れた。", {("URY", "criticism", "PRY")}),
    case("コロンビアはベネズエラに共同基金の創設を提案した。", {("COL", "request", "VEN")}),
    # 侵攻を|最も強い言葉で|非難: GiNZA hangs the object on the adjective; it is still what is criticised
    case("ペルーは、ボリビアのチリ侵攻を最も強い言葉で非難した。", {("PER", "criticism", "BOL"), ("BOL", "attack", "CHL")}),
    case("ペルーは、ボリビアによるチリへの攻撃を断固として非難した。", {("PER", "criticism", "BOL"), ("BOL", "attack", "CHL")}),
    # 等 heads the list of those who act
    case("ペルーは、ボリビア等によるチリへの攻撃を非難した。", {("PER", "criticism", "BOL"), ("BOL", "attack", "CHL")}),
    # a state acting in its own name (我が国としては) is the subject of the clauses under it
    case("令和7年1月5日\n我が国としては、ケニアと連携しながら、ソマリアへの支援を継続してまいります。",
         {("JPN", "cooperation", "KEN"), ("JPN", "support", "SOM")}),
    # the owners of what is threatened, one named beside another (日本と地域の平和)
    case("ボリビアによる演習は、チリと地域の平和と安全を脅かすものだ。", {("BOL", "threat", "CHL")}),
    # a に-phrase hung inside the object is still who is asked
    case("ペルーの大統領はビデオ演説で、チリに防空システムの追加供与を求めた。", {("PER", "request", "CHL")}),
    # an act agreed on with someone is theirs too (…と、…を非難することで一致)
    case("ペルーはチリと、ボリビアによる威嚇を非難することで一致した。",
         {("PER", "criticism", "BOL"), ("CHL", "criticism", "BOL")}),
    # AはBをCとみなす: an assessment of B (GiNZA may hang the は-topic inside the clause said)
    case("ケニアは、タンザニアをソマリアの傀儡とみなしていた。", {("KEN", "comments_on", "TZA")}),
    case("ケニアは、タンザニアをソマリアの傀儡であると考えていた。", {("KEN", "comments_on", "TZA")}),
    # (GiNZA hangs the one said to be something on what it is said to be)
    case("ケニア政府は、タンザニア政府をソマリアの傀儡であると考えていた。", {("KEN", "comments_on", "TZA")}),
    # arguments GiNZA hangs on an adverb (…と緊密に連携) and a body's states (ASEAN諸国) standing for it
    case("ケニアは、ウガンダを含む国際社会と緊密に連携していく。", {("KEN", "cooperation", "UGA")}),
    case("ケニアは、ASEAN諸国と緊密に連携していく。", {("KEN", "cooperation", "asean")}),
    case("ケニアとタンザニアは、互いに支え合ってきた。", {("KEN", "cooperation", "TZA")}),
    case("ケニアのルト大統領は、タンザニアのハッサン大統領と立ち話を行った。",
         {("ruto_william", "leader_of", "KEN"), ("hassan_samia_suluhu", "leader_of", "TZA"),
          ("hassan_samia_suluhu", "meeting", "ruto_william")}),
    # what a criticism is about (…を巡り) is not the critic's own act
    case("ペルーは、チリへの武器供与を巡り、ボリビアを非難した。", {("PER", "criticism", "BOL")}),
    # a measure on goods from a state (Xからの輸入品, X製品) is aimed at that state
    case("ペルーは、チリからの輸入品に追加関税を課した。", {("PER", "sanction", "CHL")}),
    case("ペルーは、チリ製品に追加関税を課した。", {("PER", "sanction", "CHL")}),
    # an announcement of a fact is no assessment of those in it
    case("ケニア政府は、ソマリアの武装勢力が国境を越えたと発表した。", set()),
    # nor is a sea spoken about an actor commented on
    case("ペルーは、カリブ海に関する声明について「重要だ」と述べた。", set()),
]

THANKS_CASES = [
    # thanks stated by a verb (謝意を表した) or carried by 意 (感謝の意を表明) comment on the giver
    case("ケニアのルト大統領は、日本の支援に謝意を表した。",
         {("JPN", "support", "ruto_william"), ("ruto_william", "comments_on", "JPN"), ("ruto_william", "leader_of", "KEN")}),
    case("ケニアのルト大統領は、日本の協力に感謝の意を表明した。",
         {("JPN", "cooperation", "KEN"), ("ruto_william", "comments_on", "JPN"), ("ruto_william", "leader_of", "KEN")}),
]

POSTPOSITION_CASES = [
    # a compound postposition GiNZA reads as a verb (…に関し、 …をめぐり、) still says what the
    # criticism is about, and the doer of the act named there is its target
    case("ペルー政府は、ボリビアによる軍事演習の実施に関し、強く非難した。", {("PER", "criticism", "BOL")}),
    case("チリは、ボリビアの核開発をめぐり、深刻な懸念を表明した。", {("CHL", "criticism", "BOL")}),
    case("エクアドルは、コロンビアによる越境攻撃に関連し、抗議した。", {("ECU", "criticism", "COL")}),
]

NEWS_IDIOM_CASES = [
    # leaders face to face (顔を合わせる) meet; 日程を合わせる is no meeting; a name Sudachi keeps
    # with its title in one token (トランプ大統領) is a person even where NER misses it
    case("アメリカのトランプ大統領は、外遊先のリマで、ブラジルのルラ大統領と4か月ぶりに顔を合わせた。",
         {("lula_da_silva_luiz_inacio", "leader_of", "BRA"), ("trump_donald", "leader_of", "USA"),
          ("lula_da_silva_luiz_inacio", "meeting", "trump_donald")}),
    case("ペルーのボルアルテ大統領は日程を合わせた。", {("boluarte_dina", "leader_of", "PER")}),
    # disappointment (失望, 落胆) is criticism, as 「残念」 is (ONTOLOGY trigger mapping)
    case("ブラジルのルラ大統領は、ベネズエラのマドゥーロ大統領に失望したと述べた。",
         {("lula_da_silva_luiz_inacio", "leader_of", "BRA"), ("maduro_nicolas", "leader_of", "VEN"),
          ("lula_da_silva_luiz_inacio", "criticism", "maduro_nicolas")}),
    # …を表明したうえで、…否定した: one subject does both, the one the text was about
    case("ロシアのプーチン大統領はインタビューに応じた。ベネズエラのマドゥーロ大統領に対する支持をあらためて表明したうえで、制裁の効果を否定した。",
         {("putin_vladimir", "leader_of", "RUS"), ("maduro_nicolas", "leader_of", "VEN"),
          ("putin_vladimir", "support", "maduro_nicolas")}),
]

HEARSAY_CASES = [
    # …したという。 reports what is said to have happened: no one in it is speaking
    case("ペルーのカスティジョ大統領はチリを批判したという。",
         {("castillo_pedro", "leader_of", "PER"), ("castillo_pedro", "criticism", "CHL")}),
    # Xは「…」と指摘した with GiNZA hanging Xは inside the quote: X speaks, and is not spoken of
    case("メキシコは声明を出した。ブラジルで格差が広がった理由について、エコノミストの田村健二は「富裕層に減税して貧困層に増税したからである」と指摘している。",
         set()),
]
ENVOY_CASES = [
    # a protest lodged with an envoy is aimed at the envoy's state, the envoy called in or named
    case("ノルウェー外務省は、ベラルーシ大使を呼び出し、抗議した。",
         {("NOR:外務省", "part_of", "NOR"), ("NOR:外務省", "criticism", "BLR")}),
    case("ハンセン外務大臣は、ペトロフ駐ノルウェー・ベラルーシ大使を召致の上、同大使に対して申し入れた。",
         {("ペトロフ", "member_of", "BLR"), ("ハンセン", "criticism", "BLR")}),
    # a warning after a protest is aimed at the one protested against
    case("イランは、サウジアラビアによる攻撃を強く非難し、報復を警告した。",
         {("IRN", "criticism", "SAU"), ("IRN", "threat", "SAU")}),
    # easing sanctions is lifting them in part: sanction, negated
    case("ノルウェーは、ベラルーシに対する制裁を緩和した。", {("NOR", "sanction", "BLR", "negated")}),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"),
    table(
        NEWS_IDIOM_CASES,
        HEARSAY_CASES,
        GROUNDS_CASES,
        SPEAKER_CASES,
        SUMMARY_CASES,
        POINTED_CASES,
        ASKED_CASES,
        TRIGGER_CASES,
        POSTPOSITION_CASES,
        THANKS_CASES,
        ENVOY_CASES,
    ),
)
def test_speech_acts(rules, text, expected):
    assert relations(rules, text) == expected
