"""The ratchet: the seed's relation F1, scored by `geokg evaluate`, never drops.

Raise RELATION_F1 when the extractor gets better; a change that loses
quality on the seed fails here. (Scored against a copy of the seed gold in
tests/data/gold.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.cli import main

pytestmark = pytest.mark.model

GOLD = Path(__file__).parent / "data" / "gold"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

RELATION_F1 = 0.9892  # reached on 2026-11-29 (46 of 47 gold relations, no spurious one)
ACTOR_F1 = 1.0
PAIR_F1 = 1.0


def _evaluate(capsys, *args):
    assert main(["evaluate", "--gold", str(GOLD), *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_seed_quality_does_not_regress(nlp, capsys):
    res = _evaluate(capsys, str(SEEDS))
    assert res["relations"]["f1"] >= RELATION_F1, res["docs"]
    assert res["actors"]["f1"] >= ACTOR_F1
    assert res["pairs"]["f1"] >= PAIR_F1
    assert res["missing_docs"] == []


def test_evaluate_scores_a_triples_file_the_same_way(seed_build, capsys):
    from_file = _evaluate(capsys, "--triples", str(seed_build / "triples.jsonl"))
    from_text = _evaluate(capsys, str(SEEDS))
    assert from_file["relations"] == from_text["relations"]
    assert set(from_file["by_type"]) >= {"treaty", "sanction", "comments_on"}


def test_evaluate_reports_per_type_figures_in_text(seed_build, capsys):
    assert main(["evaluate", "--gold", str(GOLD), "--triples", str(seed_build / "triples.jsonl"), "--show"]) == 0
    out = capsys.readouterr().out
    assert "relations P=" in out and "treaty" in out and "missed" in out


def test_evaluate_with_a_missing_gold_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["evaluate", "--gold", str(tmp_path / "none"), "--triples", str(tmp_path / "t.jsonl")]) == 2
    assert "none" in capsys.readouterr().err
