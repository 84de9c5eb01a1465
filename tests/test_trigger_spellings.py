"""Trigger words are found however the text spells them (呼びかける / 呼び掛ける, 申し入れ / 申入れ)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from extract.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from update_trigger_spellings import spellings  # noqa: E402


def test_every_trigger_spelling_is_in_the_data():
    """The data's spellings are what Sudachi normalises the trigger words to: adding a trigger
    without re-running bench/update_trigger_spellings.py fails here."""
    sudachipy = pytest.importorskip("sudachipy")
    tokenizer = sudachipy.Dictionary(dict="core").create()
    data = json.loads((ROOT / "extract" / "data" / "triggers.json").read_text(encoding="utf-8"))
    assert data["spellings"] == spellings(tokenizer, data["triggers"])


def test_a_normalised_spelling_is_the_same_trigger():
    lex = load_lexicon()
    assert lex.triggers["呼び掛ける"] == lex.triggers["呼びかける"]
