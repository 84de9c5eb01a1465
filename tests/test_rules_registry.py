"""The rule registry: every family declares its cue words, and the prefilter that
decides which sentences get the neural parse is derived from them."""

from __future__ import annotations

import pytest

from extract.lexicon import load_lexicon
from extract.relations import RULES, Cues, cues
from extract.types import Document


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_registry_names_each_family_once():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert {"events", "speech", "evaluations", "visits", "membership"} <= set(names)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_prefilter_cues_cover_every_family(lex, rule):
    # every family says what it starts from; a family that needs two actors, only where two are named
    family, union = rule.cues(lex) | rule.pair_cues(lex), cues(lex, actors=2)
    assert family.words or family.suffixes or family.prefixes or family.phrases or family.patterns
    alone = rule.cues(lex)
    assert not rule.two_actors or not (alone.words or alone.suffixes or alone.prefixes or alone.phrases)
    assert set(family.patterns) <= set(union.patterns)
    assert family.words <= union.words
    assert set(family.suffixes) <= set(union.suffixes)
    assert set(family.prefixes) <= set(union.prefixes)
    assert set(family.phrases) <= set(union.phrases)


def test_evaluation_verbs_are_cues(lex):
    # they were missing from the hand-kept list: 歓迎 alone never got a sentence parsed
    assert lex.evaluation_verbs
    assert all(cues(lex).match_token(w, w) for w in lex.evaluation_verbs)


def test_cues_match_words_endings_beginnings_and_phrases():
    c = Cues.of_words(["非難", "首脳会談"]) | Cues(suffixes=("理事国",), prefixes=("訪",))
    assert c.match_token("非難", "非難") and c.match_token("非難し", "非難")
    assert c.match_token("常任理事国", "常任理事国") and c.match_token("訪米", "訪米")
    assert not c.match_token("会議", "会議")
    assert c.match_text("仏独首脳会談") and not c.match_text("仏独会議")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("ノルウェー政府は今回の決定を歓迎した。", 1),  # one actor and an evaluation verb
        ("ノルウェーはNATOに加盟した。", 1),  # two actors and a cue
        ("ノルウェーは美しい国だ。", 0),  # one actor, no cue of any family
        # two actors are not enough: some family must have a word to start from
        ("ノルウェーとデンマークは美しい国だ。", 0),
        # a state head's title starts the family that sets a bare title in a state, only with two actors
        ("ハンセン首相はノルウェーで静かに暮らした。", 1),
        ("ハンセン首相は静かに暮らした。", 0),
        # a body with its members listed in brackets, or said to be made of them
        ("メルコスール(ブラジル、アルゼンチン)は南米にある。", 1),
        ("メルコスールはブラジルにある。", 0),
        ("メルコスールはブラジルとアルゼンチンからなる。", 1),
        ("ブラジルはアルゼンチンと並ぶ大国となった。", 0),
        # …という is a name or a hearsay, not speech; 言う written in kanji is speech
        ("ノルウェーのバンドのメンバーだという。", 0),
        ("ノルウェーの外相は、今回の決定は誤りだと言った。", 1),
        # a quote after a particle is a name, not someone's words
        ("ノルウェーはデンマークに「白夜の国」と呼ばれる。", 0),
        # a quote, with a speaker and someone it names
        ("各国の反応\nノルウェー ハンセン首相「デンマークとの協力を強化すべきだ」", 1),
        # a quote needs a speaker and someone it names: 「」 alone is no cue
        ("ノルウェーでは「白夜」と呼ばれる季節がある。", 0),
        # なら alone (a condition) is no cue; an obligation is
        ("必要ならノルウェーは参加する。", 0),
        ("ノルウェーは撤退しなければならない。", 1),
        # in a text someone speaks in, a sentence naming no one is theirs when a rule could read it
        ("【外務大臣】ノルウェーと会談しました。\n今般の攻撃を深く憂慮しております。", 2),
        ("ノルウェーと会談した。\n今般の攻撃を深く憂慮している。", 1),
    ],
)
def test_only_sentences_a_family_could_read_are_parsed(extractor, text, parsed):
    assert extractor.extract(Document(path="t.txt", text=text)).parsed_sentences == parsed


@pytest.mark.model
@pytest.mark.parametrize("rule", [r for r in RULES if r.two_actors], ids=lambda r: r.name)
@pytest.mark.parametrize(
    "text",
    [
        "各国の反応\nハンセン首相「協力を強化すべきだ」",
        "現職のハンセン大統領が再選された。",
        "ハンセン首相は「協力を強化する」と述べた。",
    ],
)
def test_a_family_said_to_need_two_actors_finds_nothing_with_one(extractor, rule, text):
    from extract.actors import find_mentions
    from extract.relations import Reader

    for line in text.split("\n"):
        doc = extractor.nlp(line)
        sm = find_mentions(doc, extractor.lex)
        assert len(sm.distinct_actor_keys()) < 2
        assert list(rule.find(Reader(doc, sm, extractor.lex, doc_year=None, doc_date=None), [])) == []
