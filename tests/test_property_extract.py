"""Properties over arbitrary Unicode text.

- The sentence splitter stays bounded and true to the text on any input.
- The extractor never raises, and every evidence sentence it returns is a
  substring of the input (for plain text the input *is* ``Document.text``; for
  HTML and Markdown it is the text taken from the markup).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract.read.sentences import MAX_SENTENCE_CHARS, split_sentences
from extract.types import Document

# Pieces that exercise the splitter and the gazetteer: actor names (full- and half-width),
# abbreviations, triggers, brackets, Japanese and Western stops and commas, line breaks of
# every kind, control characters, characters whose NFKC form is longer (㈱ ㍻).
_PIECES = st.sampled_from(
    [
        "米国",
        "ロシア",
        "ﾛｼｱ",
        "北朝鮮",
        "中国",
        "ＮＡＴＯ",
        "NATO",
        "プーチン大統領",
        "金正恩(キム・ジョンウン)総書記",
        "ロ朝",
        "日米",
        "ロ",
        "朝",
        "米",
        "が",
        "は",
        "と",
        "に",
        "を",
        "制裁を科した",
        "会談した",
        "締結",
        "非難した",
        "支援する",
        "「",
        "」",
        "『",
        "』",
        "（",
        "）",
        "(",
        ")",
        "【",
        "】",
        "。",
        "、",
        "，",
        "．",
        ".",
        ",",
        "！",
        "？",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        " ",
        "\u3000",
        "\t",
        "\x00",
        "\x0b",
        "\x0c",
        "\x1c",
        "\u2028",
        "\x85",
        "\ufeff",
        "\ufffd",
        "㈱",
        "㍻",
        "ｶﾞ",
        "ﾞ",
        "19日",
        "１９日",
        "2024年6月19日",
        "https://example.jp/a.b",
        "🇯🇵",
        "e\u0301",
    ]
)
_ANY = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
_TEXT = st.one_of(
    _ANY,
    st.lists(st.one_of(_PIECES, st.text(st.characters(exclude_categories=("Cs",)), max_size=5)), max_size=60).map(
        "".join
    ),
)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(_TEXT, st.lists(_PIECES, max_size=3000).map("".join)))
@example(text="。" * 3000)
@example(text="あ。" + "」" * 3000)
@example(text="「" * 3000 + "あ" * 2000)
def test_property_sentences_are_bounded_slices_of_the_text(text):
    sentences = split_sentences(text)
    previous_end = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert 0 < len(s.text) <= MAX_SENTENCE_CHARS
        assert s.start >= previous_end
        previous_end = s.end
    # nothing is lost: every character outside the sentences is white space
    covered = bytearray(len(text))
    for s in sentences:
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))


@pytest.mark.model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=_TEXT)
@example(text="")
@example(text="ロシアと北朝鮮が19日、新条約を締結すると合意した。")
@example(text="ﾛｼｱと北朝鮮が１９日、新条約を締結すると合意した．米国は反発した，と伝えた")
@example(text="『ロシアと北朝鮮が" + "「" * 70 + "合意した。』")
@example(text="。" * 20000)  # once a single 60 KB "sentence": Sudachi refused it
@example(text="ロ ロ")  # once an AssertionError in the abbreviation rule
def test_property_extractor_never_raises_and_evidence_is_a_substring(extractor, text):
    result = extractor.extract(Document(path="p.txt", text=text, date="2024-06-19"))
    for r in result.relations:
        assert r.sentence in text
        assert r.sentence and r.sentence.strip() == r.sentence
