"""Units of the extractor that need no model: names, sentences, lexicon, scoring."""

from __future__ import annotations

import pytest

from extract.evaluate import Gold, score
from extract.lexicon import load_lexicon
from extract.normalize import loose_romaji, match_key, nfkc, slugify
from extract.read.sentences import MAX_SENTENCE_CHARS, split_sentences
from extract.types import Actor, Relation, RelationType


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


# -- normalisation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"), [("ＮＡＴＯ", "NATO"), ("ﾛｼｱ", "ロシア"), (" 国連 安保理 ", "国連安保理"), ("nato", "NATO")]
)
def test_match_key_folds_width_case_and_spaces(raw, key):
    assert match_key(raw) == key


def test_nfkc_keeps_offsets():
    text = "㈱ＡＢＣ、ﾛｼｱ㊧"
    assert len(nfkc(text)) == len(text)


@pytest.mark.parametrize(("a", "b"), [("プーチン", "Putin"), ("トランプ", "trump"), ("ゼレンスキー", "Zelenskyy")])
def test_loose_romaji_matches_english_spellings(a, b):
    assert loose_romaji(a) == loose_romaji(b)


def test_loose_romaji_tells_different_names_apart():
    assert loose_romaji("バイデン") != loose_romaji("Putin")


def test_slugify_is_stable_and_ascii_lowercase_for_latin():
    assert slugify("Jens  Stoltenberg") == "jens_stoltenberg"
    assert slugify("ドナルド・トランプ") == slugify("ドナルド・トランプ")


# -- sentences -------------------------------------------------------------------


def test_sentences_do_not_split_inside_quotes_or_readings():
    text = "金正恩(キム・ジョンウン)総書記は「同盟だ。軍事協力だ。」と述べた。次の文。"
    assert [s.text for s in split_sentences(text)] == [
        "金正恩(キム・ジョンウン)総書記は「同盟だ。軍事協力だ。」と述べた。",
        "次の文。",
    ]


def test_sentences_split_at_full_width_full_stops():
    text = "1979年，ソ連は侵攻した．米国は非難した．"
    assert [s.text for s in split_sentences(text)] == ["1979年，ソ連は侵攻した．", "米国は非難した．"]


def test_an_unclosed_bracket_does_not_swallow_the_text():
    text = "『米国は制裁を科した。中国は反発した。"
    assert len(split_sentences(text)) == 2


def test_offsets_point_into_the_text():
    text = "  ロシアは侵攻した。\n\nウクライナは抵抗した。"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_a_long_line_without_punctuation_is_cut_to_bounded_pieces():
    sentences = split_sentences("あ" * 20_000)
    assert len(sentences) >= 20
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS + 1


# -- lexicon ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("ロシア", "RUS"),
        ("北朝鮮", "PRK"),
        ("アメリカ合衆国", "USA"),
        ("米国", "USA"),
        ("大韓民国", "KOR"),
        ("台湾", "TWN"),
        ("ソ連", "SUN"),
        ("旧ソ連", "SUN"),
        ("国連安保理", "unsc"),
        ("北大西洋条約機構", "nato"),
        ("ＥＵ", "eu"),
        ("ガザ地区", "gaza"),
        ("エチオピア", "ETH"),
        ("ブータン", "BTN"),
    ],
)
def test_gazetteer_knows_country_and_body_names(lex, name, actor_id):
    assert lex.lookup(name) == actor_id


def test_every_iso_country_has_a_japanese_name(lex):
    import pycountry

    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in lex.actors]
    # a few ISO entries have no CLDR territory (e.g. Antarctica is a region there)
    assert len(missing) < 5, missing


def test_canonical_names_are_the_ones_news_uses(lex):
    assert [lex.actors[i].name for i in ("RUS", "USA", "KOR", "PRK", "GBR")] == [
        "ロシア",
        "米国",
        "韓国",
        "北朝鮮",
        "英国",
    ]


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("大統領", "leader"),
        ("副大統領", "official"),
        ("先任研究委員", "expert"),
        ("前首相", "leader"),
        ("国務長官", "official"),
        ("党副部長", "official"),
    ],
)
def test_title_roles(lex, title, role):
    assert lex.title_role(title).value == role


def test_triggers_cover_every_event_type(lex):
    covered = {t.type for t in lex.triggers.values()}
    events = {t for t in RelationType if t.is_event and t != RelationType.COMMENTS_ON}
    assert events <= covered
    assert lex.speech_verbs


def test_lexicon_version_changes_with_its_data(lex):
    assert len(lex.version) == 16 and lex.version == load_lexicon().version


# -- scoring ------------------------------------------------------------------------


def _triple(source, rtype, target, **kw):
    base = dict(doc="x/doc1.txt", source=source, source_label=source, type=rtype, target=target, target_label=target)
    base.update(kw)
    return base


def test_score_matches_symmetric_types_either_way_and_aliases():
    gold = Gold.from_dict(
        {
            "doc": "seeds/doc1.txt",
            "actors": [
                {"id": "RUS", "type": "country", "name": "ロシア", "aliases": ["露"]},
                {"id": "PRK", "type": "country", "name": "北朝鮮"},
                {"id": "putin", "type": "person", "name": "プーチン"},
            ],
            "relations": [
                {"source": "RUS", "type": "treaty", "target": "PRK"},
                {"source": "putin", "type": "leader_of", "target": "RUS"},
            ],
        }
    )
    res = score(
        [gold],
        [
            _triple("PRK", "treaty", "RUS"),
            _triple("p1", "leader_of", "x", source_label="プーチン大統領", target_label="露"),
            _triple("PRK", "attack", "RUS"),
        ],
    )
    assert res["relations"]["tp"] == 2 and res["relations"]["pred"] == 3
    assert res["by_type"]["attack"]["p"] == 0.0
    assert res["docs"]["doc1"]["spurious"][0][:3] == ["PRK", "attack", "RUS"]


def test_relation_round_trips_through_its_dict():
    r = Relation(
        doc="a.txt",
        sentence="s",
        sentence_index=0,
        source="USA",
        source_label="米国",
        source_type="country",
        source_mention="米",
        type="sanction",
        target="IRN",
        target_label="イラン",
        target_type="country",
        target_mention="イラン",
        predicate="制裁",
        time="2024",
    )
    assert Relation.from_dict(r.to_dict()) == r
    assert r.type.goldstein == -4.0 and r.type.cameo == "16"


def test_relation_from_dict_names_the_allowed_values():
    r = _triple("USA", "bombs", "IRN")
    with pytest.raises(ValueError, match="treaty"):
        Relation.from_dict(
            {
                **r,
                "sentence": "",
                "sentence_index": 0,
                "source_type": "country",
                "source_mention": "",
                "target_type": "country",
                "target_mention": "",
                "predicate": "",
                "modality": "asserted",
                "time": None,
                "confidence": 1,
            }
        )


def test_actor_round_trips():
    a = Actor(id="putin", type="person", name="プーチン", aliases=("プーチン氏",), role="leader", mentions=3)
    assert Actor.from_dict(a.to_dict()) == a


# -- parse batches ----------------------------------------------------------------


def test_parse_batches_are_bounded_in_tokens_and_keep_every_sentence_in_order():
    # the parser's memory grows with a batch's tokens: long comma-run sentences must not
    # share a batch just because there are few of them
    from types import SimpleNamespace

    from extract.run.pipeline import _BATCH_TOKENS, _token_batches

    lengths = [900, 900, 900, 900, 900, 10, 10, _BATCH_TOKENS + 500, 10]
    group = [(i, SimpleNamespace(tokens=[0] * n)) for i, n in enumerate(lengths)]
    batches = list(_token_batches(group, size=64))
    assert [i for b in batches for i, _ in b] == list(range(len(lengths)))
    for b in batches:
        total = sum(len(p.tokens) for _, p in b)
        assert total <= _BATCH_TOKENS or len(b) == 1  # one overlong sentence goes alone
    assert [len(b) for b in list(_token_batches(group[:4], size=3))] == [3, 1]


# -- document conventions ------------------------------------------------------------


def _said(source, stype, rtype, target, ttype, predicate, index=0):
    return Relation(
        doc="d.txt",
        sentence=f"s{index}",
        sentence_index=index,
        source=source,
        source_label=source,
        source_type=stype,
        source_mention=source,
        type=rtype,
        target=target,
        target_label=target,
        target_type=ttype,
        target_mention=target,
        predicate=predicate,
    )


def test_welcoming_ones_own_agreement_is_no_comment_but_thanks_for_help_is():
    from extract.document.conventions import no_comment_on_own_agreement

    relations = [
        _said("lopez", "person", "leader_of", "PER", "country", "大統領"),
        _said("CHL", "country", "treaty", "PER", "country", "基本合意", 1),
        _said("lopez", "person", "comments_on", "CHL", "country", "歓迎", 1),  # welcomes the agreement
        _said("lopez", "person", "comments_on", "CHL", "country", "謝意", 1),  # thanks Chile for it
        _said("lopez", "person", "comments_on", "BOL", "country", "歓迎", 1),  # no agreement with Bolivia
    ]
    kept = {(r.source, r.type.value, r.target, r.predicate) for r in no_comment_on_own_agreement(relations)}
    assert ("lopez", "comments_on", "CHL", "歓迎") not in kept
    assert {("lopez", "comments_on", "CHL", "謝意"), ("lopez", "comments_on", "BOL", "歓迎")} <= kept


def test_a_national_army_fighting_abroad_is_its_state_and_at_home_a_body():
    from extract.document.conventions import forces_abroad_are_the_state

    abroad = [
        _said("PER:国軍", "organization", "part_of", "PER", "country", "ペルー国軍"),
        _said("PER:国軍", "organization", "attack", "ECU", "country", "攻撃"),
    ]
    assert [(r.source, r.type.value, r.target) for r in forces_abroad_are_the_state(abroad)] == [
        ("PER", "attack", "ECU")
    ]
    at_home = [
        _said("BOL:国軍", "organization", "part_of", "BOL", "country", "ボリビア国軍"),
        _said("JPN", "country", "criticism", "BOL:国軍", "organization", "非難"),
    ]
    assert forces_abroad_are_the_state(at_home) == at_home
