"""A damaged graph.json (issue 20 item 4): every field the code later reads is checked first.

One clear error naming the file and the field, exit 2, and nothing written:
``--into`` must not strip half an article out of the graph before it fails,
and ``query`` / ``export`` must not end in a TypeError or an OverflowError.
The commands run in-process (``extract.cli.main``); ``--into`` fails before
any model is needed.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import graph
from extract.cli import main


def _good() -> dict:
    return graph.readwrite.node_link(graph.example_graph())


def _edge(data: dict, rtype: str) -> dict:
    return next(e for e in data["edges"] if e["type"] == rtype)


def _without_evidence(data: dict) -> str:
    del _edge(data, "sanction")["evidence"]
    return "has no 'evidence'"


def _merged_ids_5(data: dict) -> str:
    data["graph"]["merged_ids"] = 5
    return '"graph".merged_ids: must map each merged id to the node it joined'


def _merged_ids_lists(data: dict) -> str:
    data["graph"]["merged_ids"] = {"x": ["y"]}
    return '"graph".merged_ids: must map each merged id to the node it joined'


def _digests_5(data: dict) -> str:
    """digests (issue 19: --into keys documents by content) is read by --into and by remove_document."""
    data["graph"]["digests"] = 5
    return '"graph".digests: must map each document to the SHA-256 of its text'


def _digests_numbers(data: dict) -> str:
    data["graph"]["digests"] = {"a.txt": 5}
    return '"graph".digests: must map each document to the SHA-256 of its text'


def _huge(field: str):
    def damage(data: dict) -> str:
        _edge(data, "sanction")[field] = int("9" * 400)
        return f".{field}: a 400-digit integer, too large"

    damage.__name__ = f"_huge_{field}"
    return damage


def _huge_in_evidence(data: dict) -> str:
    _edge(data, "sanction")["evidence"][0]["confidence"] = int("9" * 400)
    return ".evidence[0].confidence: a 400-digit integer, too large"


def _control_in_type(data: dict) -> str:
    edge = _edge(data, "sanction")
    edge["type"] = edge["key"] = "sanc\x01tion"
    return ".type: a relation type with a control character (\\x01)"


def _control_in_attribute_name(data: dict) -> str:
    data["nodes"][0]["na\x0bme"] = "x"
    return "nodes[0]: an attribute name with a control character (\\x0b)"


DAMAGE = [
    _without_evidence,
    _merged_ids_5,
    _merged_ids_lists,
    _digests_5,
    _digests_numbers,
    _huge("weight"),
    _huge("goldstein"),
    _huge("confidence"),
    _huge_in_evidence,
    _control_in_type,
    _control_in_attribute_name,
]
COMMANDS = {
    "into": lambda out, tmp: ["build", str(tmp / "new"), "--into", str(out), "--no-progress"],
    "query relations": lambda out, tmp: ["query", str(out), "relations"],
    "query actor": lambda out, tmp: ["query", str(out), "actor", "ロシア"],
    "export gexf": lambda out, tmp: ["export", str(out), "-f", "gexf", "-o", str(tmp / "g.gexf")],
    "export graphml": lambda out, tmp: ["export", str(out), "-f", "graphml", "-o", str(tmp / "g.graphml")],
}


@pytest.fixture
def outdir(tmp_path) -> Path:
    """An output folder as `geokg build` leaves it: the graph, its triples and the report."""
    out = tmp_path / "out"
    out.mkdir()
    G = graph.example_graph()
    graph.write_json(G, out / "graph.json")
    lines = [json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in graph.to_relations(G)]
    (out / "triples.jsonl").write_text("".join(lines), encoding="utf-8")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "a.txt").write_text("米国がイランに制裁を科した。\n", encoding="utf-8")
    return out


CASES = [(d, c) for d in DAMAGE for c in sorted(COMMANDS) if d is not _without_evidence or c == "into"]


@pytest.mark.parametrize(("damage", "command"), CASES, ids=[f"{d.__name__.strip('_')}-{c}" for d, c in CASES])
def test_hostile_damaged_graph_is_one_clear_error(outdir, tmp_path, capsys, damage, command):
    """(An edge without evidence is read by queries and exports; only an update of the graph needs it.)"""
    data = copy.deepcopy(_good())
    expected = damage(data)
    (outdir / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in outdir.iterdir()}
    assert main(COMMANDS[command](outdir, tmp_path)) == 2
    err = capsys.readouterr().err
    assert f"{outdir / 'graph.json'}: not a geokg graph" in err, err
    assert expected in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in outdir.iterdir() if not p.name.startswith(".")} == before
    assert not (tmp_path / "g.gexf").exists() and not (tmp_path / "g.graphml").exists()


def test_hostile_into_refuses_an_edge_without_evidence_before_touching_the_graph(outdir, tmp_path, capsys):
    """The probe's case: the seed's evidence fell from 57 to 20 sentences while triples.jsonl kept 57."""
    data = _good()
    _without_evidence(data)
    (outdir / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = (outdir / "graph.json").read_bytes()
    assert main(COMMANDS["into"](outdir, tmp_path)) == 2
    assert "please report" not in capsys.readouterr().err
    assert (outdir / "graph.json").read_bytes() == before
