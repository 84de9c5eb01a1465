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
    family, union = rule.cues(lex), cues(lex)
    assert family.words or family.suffixes or family.prefixes
    assert family.words <= union.words
    assert set(family.suffixes) <= set(union.suffixes)
    assert set(family.prefixes) <= set(union.prefixes)


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
        ("ノルウェーはNATOに加盟した。", 1),  # two actors
        ("ノルウェーは美しい国だ。", 0),  # one actor, no cue of any family
    ],
)
def test_only_sentences_a_family_could_read_are_parsed(extractor, text, parsed):
    assert extractor.extract(Document(path="t.txt", text=text)).parsed_sentences == parsed
