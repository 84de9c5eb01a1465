"""`geokg evaluate` on hostile files (issue 20 item 8): one clear error naming the file and the
field, exit 2, never a traceback.

Every case scores a triples file (``--triples``), so no model is loaded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.cli import main

GOLD = {
    "doc": "texts/a.txt",
    "actors": [
        {"id": "USA", "type": "country", "name": "米国", "aliases": ["米"]},
        {"id": "IRN", "type": "country", "name": "イラン", "aliases": []},
    ],
    "relations": [{"source": "USA", "type": "sanction", "target": "IRN", "evidence": "米国がイランに制裁を科した"}],
}
TRIPLE = {"doc": "texts/a.txt", "source": "USA", "type": "sanction", "target": "IRN", "sentence": "…"}


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def _gold(**changes) -> str:
    return json.dumps({**GOLD, **changes}, ensure_ascii=False)


def _relation(**changes) -> dict:
    return {**GOLD["relations"][0], **changes}


# name: (text of the gold file, what the message says after the file's name)
# fmt: off
BAD_GOLD = {
    "a list": ("[]", "must be a JSON object"),
    "relations [5]": (_gold(relations=[5]), "relations[0]: must be an object, not 5"),
    "aliases 5": (_gold(actors=[{**GOLD["actors"][0], "aliases": 5}]), "actors[0].aliases: must be a list of strings"),
    "relation type 5": (_gold(relations=[_relation(type=5)]), "relations[0].type: must be one of"),
    "unknown relation type": (_gold(relations=[_relation(type="sanctions")]), "relations[0].type: must be one of"),
    "id a list": (_gold(actors=[{**GOLD["actors"][0], "id": ["USA"]}]), "actors[0].id: must be a string"),
    "source a list": (_gold(relations=[_relation(source=["USA"])]), "relations[0].source: must be a string"),
    "no doc": (json.dumps({"actors": [], "relations": []}), 'has no "doc"'),
    "nested 100,000 deep": ('{"doc": "a", "x": ' + _deep(100_000) + "}", "nested too deep"),
    "not UTF-8": (None, "not UTF-8"),
    "not JSON": ("{", "not JSON"),
}
BAD_TRIPLES = {
    "a line 5": ("5\n", ":1: must be a JSON object"),
    "a list": (json.dumps(TRIPLE) + "\n[]\n", ":2: must be a JSON object"),
    "not UTF-8": (None, ":1: not UTF-8"),
    "nested 100,000 deep": ('{"doc": ' + _deep(100_000) + "}\n", ":1: nested too deep"),
    "doc 5": (json.dumps({**TRIPLE, "doc": 5}) + "\n", ':1: "doc" must be a string'),
    "type a list": (json.dumps({**TRIPLE, "type": ["sanction"]}) + "\n", ':1: "type" must be a string'),
    "not JSON": ("{\n", ":1: not JSON"),
}
# fmt: on


def _write(path: Path, text: str | None) -> Path:
    path.write_bytes(b'{"doc": "caf\xe9"}\n' if text is None else text.encode("utf-8"))
    return path


@pytest.fixture
def good(tmp_path) -> tuple[Path, Path]:
    gold = tmp_path / "gold"
    gold.mkdir()
    _write(gold / "a.json", json.dumps(GOLD, ensure_ascii=False))
    triples = _write(tmp_path / "triples.jsonl", json.dumps(TRIPLE, ensure_ascii=False) + "\n")
    return gold, triples


def test_hostile_evaluate_good_files_score(good, capsys):
    gold, triples = good
    assert main(["evaluate", "--gold", str(gold), "--triples", str(triples)]) == 0
    assert "relations P=1.000 R=1.000 F1=1.000" in capsys.readouterr().out


@pytest.mark.parametrize("case", sorted(BAD_GOLD))
def test_hostile_evaluate_bad_gold_file(good, capsys, case):
    gold, triples = good
    text, message = BAD_GOLD[case]
    bad = _write(gold / "b.json", text)
    assert main(["evaluate", "--gold", str(gold), "--triples", str(triples)]) == 2
    err = capsys.readouterr().err
    assert f"geokg: error: {bad}: " in err and message in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("case", sorted(BAD_TRIPLES))
def test_hostile_evaluate_bad_triples_file(good, tmp_path, capsys, case):
    gold, _ = good
    text, message = BAD_TRIPLES[case]
    bad = _write(tmp_path / "bad.jsonl", text)
    assert main(["evaluate", "--gold", str(gold), "--triples", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"geokg: error: {bad}{message}" in err, err
    assert "Traceback" not in err
