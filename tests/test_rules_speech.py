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
    # the clause given as the grounds (…として非難, 「…」として不満): whom it is about is criticised
    case("エリトリアは「エチオピアは国境線を尊重していない」として不満を表明している。", {("ERI", "criticism", "ETH")}),
    case("ペルー政府は、チリは戦争の計画を立てている、として非難した。", {("PER", "criticism", "CHL")}),
]

SPEAKER_CASES = [
    # a speaker that is no actor we know (a newspaper, here) is no one's words carried over
    case("チリはペルーを批判した。スポーツニッポンは、ペルーの勝利は確実だと指摘した。",
         {("CHL", "criticism", "PER")}),
]

TRIGGER_CASES = [
    case("ボリビアは、チリの決定に異議を唱えた。", {("BOL", "criticism", "CHL")}),
    case("ウルグアイはパラグアイに対して抗議を申し入れた。", {("URY", "criticism", "PRY")}),
    case("コロンビアはベネズエラに共同基金の創設を提案した。", {("COL", "request", "VEN")}),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), table(GROUNDS_CASES, SPEAKER_CASES, TRIGGER_CASES))
def test_speech_acts(rules, text, expected):
    assert relations(rules, text) == expected
