"""`geokg query` and `geokg export`: answers on stdout, clear errors and exit codes, files written."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pytest

import graph
from extract.cli import main


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    graph.write_json(graph.example_graph(), out / "graph.json")
    return out


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_between_prints_the_relations_and_every_evidence_sentence(capsys, graph_dir):
    code, out, err = run(capsys, "query", graph_dir / "graph.json", "between", "ロシア", "北朝鮮")
    assert code == 0 and not err
    assert out.splitlines()[0] == "ロシア ↔ 北朝鮮"
    assert "treaty" in out and "support" in out
    # Both treaty sentences in full, though the table shortens long cells.
    assert "ロシアと北朝鮮が2024年6月19日、包括的戦略パートナーシップ条約を締結した。" in out
    assert "[demo/2000.txt #0, 2000, asserted]" in out


def test_query_accepts_the_folder_and_any_alias(capsys, graph_dir):
    code, out, _ = run(capsys, "query", graph_dir, "relations", "--source", "putin", "--type", "meeting,leader_of")
    assert code == 0
    assert "meeting" in out and "leader_of" in out and "金正恩" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["comments", "--role", "expert"], "「北朝鮮はロシアの技術協力がほしい」"),
        (["commentators", "北朝鮮"], "兵頭慎治"),
        (["timeline", "ロシア", "北朝鮮", "--type", "treaty"], "1961"),
        (["path", "日本", "ソ連"], "日本 → 北朝鮮 → ソ連"),
        (["neighbors", "露"], "←sanction"),
        (["central", "-n", "2"], "北朝鮮"),
        (["ego", "ソ連"], "within 1 of ソ連: 2 actors"),
        (["actors", "--role", "expert"], "平岩俊司"),
        (["actor", "金正恩総書記"], "kim_jong_un"),
    ],
)
def test_each_query_answers(capsys, graph_dir, argv, expected):
    code, out, err = run(capsys, "query", graph_dir, *argv)
    assert code == 0, err
    assert expected in out


def test_json_output_is_the_rows(capsys, graph_dir):
    code, out, _ = run(capsys, "query", graph_dir, "relations", "--type", "sanction", "--json")
    assert code == 0
    rows = json.loads(out)["rows"]
    assert {(r["source"], r["target"]) for r in rows} == {("USA", "RUS"), ("unsc", "PRK")}
    assert rows[0]["evidence"][0]["sentence"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["between", "ロシア", "習近平"], "no actor '習近平' in the graph"),
        (["between", "ロ朝", "日本"], "'ロ朝' names several actors: 北朝鮮 (PRK), ロシア (RUS)"),
        (["relations", "--type", "alliance"], "unknown relation type 'alliance'; choose from treaty"),
        (["relations", "--since", "昨年"], "time '昨年'"),
    ],
)
def test_usage_errors_exit_2_with_a_message_and_no_traceback(capsys, graph_dir, argv, message):
    code, out, err = run(capsys, "query", graph_dir, *argv)
    assert code == 2 and not out
    assert message in err and "Traceback" not in err


def test_a_missing_graph_names_the_file_and_how_to_make_one(capsys, tmp_path):
    code, _, err = run(capsys, "query", tmp_path / "out", "central")
    assert code == 2
    assert str(tmp_path / "out" / "graph.json") in err and "geokg build" in err


def test_no_path_exits_1(capsys, graph_dir):
    code, out, err = run(capsys, "query", graph_dir, "path", "日本", "ウクライナ", "--type", "cooperation")
    assert code == 1 and not out and "no chain of relations links 日本 and ウクライナ" in err


def test_query_help_has_examples():
    out = subprocess.run([sys.executable, "-m", "extract.cli", "query", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    assert "between ロシア 北朝鮮" in out.stdout and "exit codes" in out.stdout


@pytest.mark.parametrize(
    ("fmt", "name", "check"),
    [
        ("graphml", "g.graphml", lambda p: nx.read_graphml(p).number_of_nodes()),
        ("gexf", "g.gexf", lambda p: nx.read_gexf(p, version="1.3").number_of_nodes()),
        ("json", "g.json", lambda p: graph.read_json(p).number_of_nodes()),
    ],
)
def test_export_converts_graph_json(capsys, graph_dir, tmp_path, fmt, name, check):
    code, out, _ = run(capsys, "export", graph_dir / "graph.json", "--format", fmt, "-o", tmp_path / name)
    assert code == 0 and out.strip() == f"wrote {tmp_path / name}"
    assert check(tmp_path / name) == graph.example_graph().number_of_nodes()


def test_export_takes_the_format_from_the_extension_and_csv_into_a_folder(capsys, graph_dir, tmp_path):
    assert run(capsys, "export", graph_dir, "-o", tmp_path / "x.gexf")[0] == 0
    assert (tmp_path / "x.gexf").read_text(encoding="utf-8").startswith("<?xml")
    code, out, _ = run(capsys, "export", graph_dir, "--format", "csv", "-o", tmp_path / "neo4j")
    assert code == 0 and sorted(p.name for p in (tmp_path / "neo4j").iterdir()) == ["edges.csv", "nodes.csv"]
    assert out.splitlines() == [
        f"wrote {tmp_path / 'neo4j' / 'nodes.csv'}",
        f"wrote {tmp_path / 'neo4j' / 'edges.csv'}",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "x.dot"], "cannot tell the format"),
        ([], "say which format"),
        (["--format", "csv", "-o", "nodes.csv"], "give a folder"),
    ],
)
def test_export_usage_errors(capsys, graph_dir, tmp_path, argv, message):
    code, _, err = run(capsys, "export", graph_dir, *argv)
    assert code == 2 and message in err
