"""Corrupt and foreign files, and --into (issue 13): one clear error naming the file and the field, never a traceback.

Each corrupt file is written by hand in ``tmp_path``: what a crash, another
tool or an attacker could leave where geokg reads. ``graph.load`` raises
:class:`graph.GraphFileError`; ``geokg query`` and ``geokg build --into`` exit
2 with the message. The cache treats any entry it cannot use as a miss.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import graph
from extract.cli import main
from tests.conftest import ROOT

SENTENCE = "ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。"
OTHER = "米国がイランに制裁を科した。"


def _geokg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout
    )


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _good() -> dict:
    return graph.readwrite.node_link(graph.example_graph())


def _deep(n: int) -> str:
    return "[" * n + "]" * n


# name: (graph.json text, what the message must say)
# fmt: off
CORRUPT = {
    "graph is a list": (json.dumps({**_good(), "graph": [1, 2]}), '"graph": must be an object, not [1, 2]'),
    "edges as a dict": (json.dumps({**_good(), "edges": {"a": 1}}), '"edges": must be a list'),
    "aliases: 5": (
        json.dumps({**_good(), "nodes": [{**_good()["nodes"][0], "aliases": 5}, *_good()["nodes"][1:]]}),
        "nodes[0].aliases: must be a list of strings, not 5",
    ),
    "5,000-digit integer": ('{"nodes": [], "edges": [], "graph": {"n": ' + "9" * 5000 + "}}", "not a JSON graph"),
    "deep nesting": ('{"nodes": [], "edges": [], "graph": {"x": ' + _deep(100_000) + "}}", "nested deeper"),
    "moderately deep nesting": ('{"nodes": [], "edges": [], "graph": {"x": ' + _deep(100) + "}}", "nested deeper"),
    "NaN": ('{"nodes": [{"id": "A", "mentions": NaN}], "edges": []}', "NaN is not a number JSON allows"),
    "1e999": ('{"nodes": [{"id": "A", "x": 1e999}], "edges": []}', "1e999 is too large"),
    "lone surrogate": ('{"nodes": [{"id": "A", "label": "\\ud800"}], "edges": []}', "nodes[0].label: a string with a lone surrogate"),
    "edge to nowhere": ('{"nodes": [{"id": "A"}], "edges": [{"source": "A", "target": "B"}]}', "edges[0].target: no node \"B\""),
    "evidence not a list": (
        '{"nodes": [{"id": "A"}], "edges": [{"source": "A", "target": "A", "evidence": 3}]}',
        "edges[0].evidence: must be a list, not 3",
    ),
    "evidence without a doc": (
        '{"nodes": [{"id": "A"}], "edges": [{"source": "A", "target": "A", "evidence": [{"sentence": "x"}]}]}',
        "edges[0].evidence[0]: has no 'doc'",
    ),
    "id a list": ('{"nodes": [{"id": [5]}], "edges": []}', "nodes[0].id: must be a string (or an integer), not [5]"),
    "a node that is a list": ('{"nodes": [[1]], "edges": []}', "nodes[0]: must be an object, not [1]"),
    "not UTF-8": ('{"nodes": [], "edges": [], "graph": {"t": "\xff"}}', "not a JSON graph"),
}
# fmt: on


@pytest.fixture(params=sorted(CORRUPT))
def corrupt(request, tmp_path) -> tuple[Path, str]:
    text, message = CORRUPT[request.param]
    out = tmp_path / "out"
    out.mkdir()
    path = out / "graph.json"
    path.write_bytes(text.encode("latin-1") if request.param == "not UTF-8" else text.encode("utf-8"))
    return path, message


def test_hostile_graph_load_names_the_file_and_the_field(corrupt):
    path, message = corrupt
    with pytest.raises(graph.GraphFileError) as e:
        graph.load(path)
    assert str(e.value).startswith(f"{path}: ") and message in str(e.value)


def test_hostile_query_and_into_exit_2_with_the_message(corrupt, tmp_path):
    path, message = corrupt
    q = _geokg("query", str(path), "actors", timeout=60)
    assert q.returncode == 2 and "Traceback" not in q.stderr
    assert f"geokg: error: {path}: " in q.stderr and message in q.stderr
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE, encoding="utf-8")
    before = path.read_bytes()
    into = _geokg("build", str(article), "--into", str(path.parent), "--no-progress")
    assert into.returncode == 2 and "Traceback" not in into.stderr
    assert message in into.stderr and "--into needs the graph.json of an earlier `geokg build`" in into.stderr
    assert path.read_bytes() == before


def test_hostile_a_good_graph_still_loads_and_keeps_unknown_attributes(tmp_path):
    data = _good()
    data["nodes"][0]["colour_in_our_tool"] = {"r": 1}
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    kg = graph.load(path)
    assert kg.G.nodes[data["nodes"][0]["id"]]["colour_in_our_tool"] == {"r": 1}


def test_hostile_nan_never_reaches_graph_json(tmp_path):
    G = graph.example_graph()
    s, t, k = next(iter(G.edges(keys=True)))
    G.edges[s, t, k]["confidence"] = math.nan
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        graph.write_json(G, tmp_path / "graph.json")
    assert not (tmp_path / "graph.json").exists()


# -- --into ----------------------------------------------------------------------------------------


@pytest.fixture
def built(tmp_path, monkeypatch) -> Path:
    """`geokg build in -o out`, run from tmp_path (so document ids are relative: in/a.txt)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    assert main(["build", "in", "-o", "out", "--no-progress"]) == 0
    return tmp_path / "out"


def _docs(out: Path) -> list[str]:
    return sorted(json.loads(x)["doc"] for x in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines())


@pytest.mark.model
def test_hostile_into_the_same_article_under_other_spellings_counts_once(built, tmp_path):
    once = {n: (built / n).read_bytes() for n in ("graph.json", "triples.jsonl", "nodes.csv", "edges.csv")}
    for spelling in ("in/../in/a.txt", str(tmp_path / "in" / "a.txt"), "./in//a.txt"):
        assert main(["build", spelling, "--into", "out", "--no-progress"]) == 0
        assert {n: (built / n).read_bytes() for n in once} == once, spelling
    assert _docs(built) == ["in/a.txt"]


@pytest.mark.model
def test_hostile_into_an_edited_article_replaces_its_relations(built, tmp_path):
    # another article on the treaty (a copy of a.txt would be in the graph already: issue 19)
    (tmp_path / "in" / "b.txt").write_text(SENTENCE.replace("19日", "20日"), encoding="utf-8")
    assert main(["build", "in/b.txt", "--into", "out", "--no-progress"]) == 0
    (tmp_path / "in" / "a.txt").write_text(OTHER, encoding="utf-8")  # edited: now about the US and Iran
    assert main(["build", str(tmp_path / "in" / "a.txt"), "--into", "out", "--no-progress"]) == 0
    lines = [json.loads(x) for x in (built / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((t["doc"], t["source"], t["type"], t["target"]) for t in lines) == [
        ("in/a.txt", "USA", "sanction", "IRN"),
        ("in/b.txt", "PRK", "treaty", "RUS"),
    ]
    kg = graph.load(built)
    assert {ev.doc for e in kg.relations(type="treaty") for ev in e.evidence} == {"in/b.txt"}
    report = _report(built)  # the whole graph, and what this run read
    assert [(r["path"], r["status"]) for r in report["inputs"]] == [
        ("in/a.txt", "processed"),
        ("in/b.txt", "processed"),
    ]
    assert report["totals"]["relations"] == 2 and report["totals"]["processed"] == 2
    assert report["this_run"] == {"into": True, "inputs": 1, "processed": 1, "skipped": 0, "failed": 0, "relations": 1}


def test_hostile_into_a_folder_that_does_not_exist_or_with_o(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE, encoding="utf-8")
    missing = _geokg("build", str(article), "--into", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert f"{tmp_path / 'nope'}: no such folder; --into adds to the output folder of an earlier" in missing.stderr
    assert not (tmp_path / "nope").exists()
    (tmp_path / "empty").mkdir()
    empty = _geokg("build", str(article), "--into", str(tmp_path / "empty"))
    assert empty.returncode == 2 and "has no graph.json" in empty.stderr
    both = _geokg("build", str(article), "--into", str(tmp_path / "empty"), "-o", str(tmp_path / "x"))
    assert both.returncode == 2 and "both say where to write; give one" in both.stderr


@pytest.mark.model
@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", 'no "doc" string'),
        ('{"doc": 5}', 'no "doc" string'),
        ('{"doc": ' + "1" * 5000 + "}", "not JSON"),
        (_deep(100_000), "not JSON"),
    ],
)
def test_hostile_into_with_a_bad_triples_line(built, tmp_path, line, message, capsys):
    triples = built / "triples.jsonl"
    good = triples.read_text(encoding="utf-8")
    with open(triples, "a", encoding="utf-8") as fh:  # writes through the link into the output set
        fh.write(line + "\n")
    (tmp_path / "in" / "b.txt").write_text(OTHER, encoding="utf-8")
    assert main(["build", "in/b.txt", "--into", "out", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert f"triples.jsonl:{good.count(chr(10)) + 1}: not a geokg relation ({message}" in err
    assert "Traceback" not in err


# -- the cache -------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "poison",
    [
        lambda entry: _deep(100_000),
        lambda entry: entry.replace('"sentence":"', '"sentence":"\\ud800', 1),
        lambda entry: re.sub(r'"confidence":[0-9.]+', '"confidence":NaN', entry, count=1),
        lambda entry: entry.replace('"relations":[', '"relations":5,"x":[', 1),
        lambda entry: '{"format": 1, "key": "' + "9" * 5000,
        lambda entry: "\xff\xfe",
    ],
    ids=["deep", "lone surrogate", "NaN", "relations: 5", "cut short", "not UTF-8"],
)
def test_hostile_cache_entry_that_cannot_be_used_is_a_miss(tmp_path, extractor, poison):
    from extract.run.cache import CachedExtractor, ResultCache
    from extract.types import Document

    cache = ResultCache(tmp_path / "cache")
    doc = Document(path="a.txt", text=OTHER)
    (fresh,) = CachedExtractor(extractor, cache).pipe([doc])
    (entry,) = (tmp_path / "cache").rglob("*.json")
    text = entry.read_text(encoding="utf-8")
    assert '"confidence":' in text and '"sentence":"' in text
    entry.write_bytes(poison(text).encode("utf-8", "surrogatepass") if poison(text) != "\xff\xfe" else b"\xff\xfe")
    again = CachedExtractor(extractor, cache)
    (result,) = again.pipe([doc])
    assert result == fresh and again.stats.invalid == 1 and again.stats.misses == 1
    json.dumps(result.to_dict(), ensure_ascii=False, allow_nan=False).encode("utf-8")  # writable, finite


@pytest.mark.model
def test_hostile_read_only_cache_warns_once(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(5):
        (d / f"{i}.txt").write_text(f"{OTHER}第{i}報。", encoding="utf-8")
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    env = {**os.environ, "GEOKG_NO_CACHE": ""}
    r = subprocess.run(
        [sys.executable, "-m", "extract.cli", "build", str(d), "-o", str(tmp_path / "out"), "--no-progress",
         "--cache-dir", str(blocked / "cache")],
        capture_output=True, text=True, cwd=ROOT, timeout=300, env=env,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("cannot write to the cache in") == 1, r.stderr


# -- CSV and the terminal --------------------------------------------------------------------------


def _hostile_graph():
    from extract.types import DocumentResult, Relation

    rel = Relation(
        doc='=HYPERLINK("http://evil.example/")',
        sentence="@SUM(1+1)\x1b[2J米国が\x9bイランに\u202e制裁を科した。",
        sentence_index=0,
        source="=cmd|' /C calc'!A0",
        source_label="+米国",
        source_type="country",
        source_mention="-米国",
        type="sanction",
        target="IRN",
        target_label="イラン\x1b]0;owned\x07",
        target_type="country",
        target_mention="イラン",
        predicate="制裁",
    )
    return graph.add_results(graph.build_graph([]), [DocumentResult(doc=rel.doc, relations=(rel,))])


def test_hostile_csv_cells_cannot_become_formulas(tmp_path):
    nodes, edges = graph.write_csv(_hostile_graph(), tmp_path)
    cells = [c for path in (nodes, edges) for row in csv.reader(path.open(encoding="utf-8")) for c in row]

    def number(c: str) -> bool:
        try:
            return math.isfinite(float(c))
        except ValueError:
            return False

    # Only numbers geokg computed itself (a Goldstein score of -4.0) may start with a sign.
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not number(c)]
    rows = list(csv.DictReader(edges.open(encoding="utf-8")))
    assert rows[0][":START_ID"] == "'=cmd|' /C calc'!A0" and rows[0]["goldstein:double"] == "-4.0"
    node_ids = {r["id:ID"] for r in csv.DictReader(nodes.open(encoding="utf-8"))}
    assert {rows[0][":START_ID"], rows[0][":END_ID"]} <= node_ids  # neo4j still joins the two files


def test_hostile_query_never_prints_terminal_escapes(tmp_path):
    graph.write_json(_hostile_graph(), tmp_path / "graph.json")
    for args in (["relations"], ["relations", "--json"], ["between", "IRN", "=cmd|' /C calc'!A0"], ["actor", "IRN"]):
        r = _geokg("query", str(tmp_path), *args, timeout=60)
        assert r.returncode == 0, r.stderr
        shown = r.stdout + r.stderr
        assert not [c for c in shown if c in "\x1b\x07\x9b\u202e"], (args, shown)
        assert "\\x1b" in shown or "\\u001b" in shown  # shown, as an escape
    r = _geokg("query", str(tmp_path), "actor", "\x1b[31mロシア", timeout=60)
    assert r.returncode == 2 and "\x1b" not in r.stderr and "\\x1b[31mロシア" in r.stderr
