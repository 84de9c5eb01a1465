"""Exports loaded by the readers users have: networkx, igraph, graphology (Gephi Lite), neo4j's CSV grammar.

graphology runs under node (tests/js/read_graph.js). Without node or
tests/js/node_modules those tests skip, unless GEOKG_REQUIRE_NODE=1 (CI),
where they fail: install with `npm ci --prefix tests/js`.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import graph
from graph.readwrite import flat_attrs

JS = Path(__file__).resolve().parent / "js"


def _graphology(fmt: str, path: Path) -> dict:
    node = shutil.which("node")
    missing = [] if node else ["node"]
    missing += [
        m
        for m in ("graphology", "graphology-graphml", "graphology-gexf")
        if not (JS / "node_modules" / m / "package.json").is_file()
    ]
    if missing:
        reason = f"missing {', '.join(missing)}: install node and run `npm ci --prefix tests/js`"
        if os.environ.get("GEOKG_REQUIRE_NODE") == "1":
            pytest.fail(f"GEOKG_REQUIRE_NODE=1 but {reason}")
        pytest.skip(reason)
    out = subprocess.run(
        [node, str(JS / "read_graph.js"), fmt, str(path)], capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _expected(G: nx.MultiDiGraph):
    nodes = {n: flat_attrs(d) for n, d in G.nodes(data=True)}
    edges = {(s, t, d["type"]): flat_attrs(d) for s, t, d in G.edges(data=True)}
    return nodes, edges


def _same(got, want) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return got == want
    if isinstance(want, int | float) and isinstance(got, int | float):
        return math.isclose(got, want)
    return got == want


def _assert_attrs(got: dict, want: dict, what) -> None:
    for name in set(got) | set(want):
        g = got.get(name)
        if name not in want:
            # igraph fills a value an element does not have: NaN for numbers, "" for strings.
            assert g in ("", None) or (isinstance(g, float) and math.isnan(g)), (what, name, g)
        else:
            assert _same(g, want[name]), (what, name, g, want[name])


@pytest.fixture(scope="module")
def example_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("example-export")
    G = graph.example_graph()
    graph.write_outputs(G, out)
    return G, out


@pytest.fixture(scope="module")
def seed_files(seed_build, tmp_path_factory):
    G = graph.read_json(seed_build / "graph.json")
    out = tmp_path_factory.mktemp("seed-export")
    graph.write_outputs(G, out)
    return G, out


@pytest.fixture(params=["example", "seed"])
def exported(request):
    return request.getfixturevalue(f"{request.param}_files")


# ---------------------------------------------------------------------------- GraphML, three readers


def test_networkx_reads_the_graphml_with_the_counts_and_attributes(exported):
    G, out = exported
    H = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    nodes, edges = _expected(G)
    for n, d in H.nodes(data=True):
        _assert_attrs(d, nodes[n], n)
    for s, t, d in H.edges(data=True):
        d = {k: v for k, v in d.items() if k != "id"}
        _assert_attrs(d, edges[s, t, d["type"]], (s, t))


def test_igraph_reads_the_graphml_with_the_counts_and_attributes(exported):
    ig = pytest.importorskip("igraph")
    G, out = exported
    g = ig.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert g.is_directed()
    assert (g.vcount(), g.ecount()) == (G.number_of_nodes(), G.number_of_edges())
    nodes, edges = _expected(G)
    for v in g.vs:
        attrs = v.attributes()
        _assert_attrs({k: x for k, x in attrs.items() if k != "id"}, nodes[attrs["id"]], attrs["id"])
    names = g.vs["id"]
    for e in g.es:
        # igraph 1.0 fills an edge's "id" with vertex ids; the edge id is not compared.
        attrs = {k: x for k, x in e.attributes().items() if k != "id"}
        key = (names[e.source], names[e.target], attrs["type"])
        _assert_attrs(attrs, edges[key], key)
    assert "ロシア" in g.vs["label"] or "ロシア連邦" in g.vs["label"]


def test_graphology_reads_the_graphml_with_the_counts_and_attributes(exported):
    G, out = exported
    got = _graphology("graphml", out / "graph.graphml")
    assert (got["order"], got["size"], got["type"]) == (G.number_of_nodes(), G.number_of_edges(), "directed")
    nodes, edges = _expected(G)
    assert set(got["nodes"]) == set(nodes)
    for n, attrs in got["nodes"].items():
        _assert_attrs(attrs, nodes[n], n)
    seen = set()
    for e in got["edges"]:
        key = (e["source"], e["target"], e["attributes"]["type"])
        _assert_attrs(e["attributes"], edges[key], key)
        seen.add(key)
    assert seen == set(edges)


# ---------------------------------------------------------------------------- GEXF


def test_gexf_parses_back_with_networkx_with_times_as_intervals(exported):
    G, out = exported
    H = nx.read_gexf(out / "graph.gexf", version="1.3")
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert {H.nodes[n]["label"] for n in H} == {d["label"] for _, d in G.nodes(data=True)}
    by_key = {(s, t, d["relation"]): d for s, t, d in H.edges(data=True)}
    assert set(by_key) == {(s, t, k) for s, t, k in G.edges(keys=True)}
    for s, t, k, d in G.edges(keys=True, data=True):
        h = by_key[s, t, k]
        assert h["weight"] == d["count"]
        if d["first_time"]:
            spells = h["spells"]
            assert spells[0][0] <= spells[-1][1]
            assert spells[0][0].startswith(d["first_time"][:4]) and spells[-1][1].startswith(d["last_time"][:4])
        else:
            assert "spells" not in h  # undated: shown at every time


def test_gexf_marks_the_graph_dynamic_with_dates_for_gephi(example_files):
    _, out = example_files
    root = ET.parse(out / "graph.gexf").getroot()
    ns = {"g": "http://gexf.net/1.3"}
    assert root.get("version") == "1.3"
    g = root.find("g:graph", ns)
    assert (g.get("mode"), g.get("timeformat"), g.get("defaultedgetype")) == ("dynamic", "date", "directed")
    spells = [(s.get("start"), s.get("end")) for s in root.iter("{http://gexf.net/1.3}spell")]
    assert ("1961-01-01", "1961-12-31") in spells and ("2024-06-19", "2024-06-19") in spells
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", x) for pair in spells for x in pair)
    kinds = {e.get("kind") for e in root.iter("{http://gexf.net/1.3}edge")}
    assert {"treaty", "support", "sanction"} <= kinds
    assert "lastmodifieddate" not in (out / "graph.gexf").read_text(encoding="utf-8")  # no clock in the bytes


def test_graphology_reads_the_gexf(exported):
    G, out = exported
    got = _graphology("gexf", out / "graph.gexf")
    assert (got["order"], got["size"]) == (G.number_of_nodes(), G.number_of_edges())
    assert {n: a["label"] for n, a in got["nodes"].items()} == {n: d["label"] for n, d in G.nodes(data=True)}
    assert sorted((e["source"], e["target"], e["attributes"]["kind"]) for e in got["edges"]) == sorted(
        G.edges(keys=True)
    )


# ---------------------------------------------------------------------------- CSV for neo4j-admin

_NEO4J_HEADER = re.compile(
    r"^(?:[A-Za-z_][A-Za-z0-9_]*)?(?::(?:ID|START_ID|END_ID|TYPE|LABEL|IGNORE"
    r"|(?:int|long|float|double|boolean|byte|short|char|string|date)(?:\[\])?))?$"
)


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def test_csv_headers_follow_the_neo4j_admin_import_grammar(exported):
    _, out = exported
    node_head, _ = _rows(out / "nodes.csv")
    edge_head, _ = _rows(out / "edges.csv")
    assert node_head[0] == "id:ID" and node_head[-1] == ":LABEL"
    assert edge_head[:3] == [":START_ID", ":END_ID", ":TYPE"]
    for field in node_head + edge_head:
        assert _NEO4J_HEADER.match(field), field


def test_csv_rows_hold_the_graph(exported):
    G, out = exported
    head, rows = _rows(out / "nodes.csv")
    assert len(rows) == G.number_of_nodes() and all(len(r) == len(head) for r in rows)
    nodes = {r[0]: dict(zip(head, r, strict=True)) for r in rows}
    assert set(nodes) == set(G.nodes)
    for n, d in G.nodes(data=True):
        assert nodes[n]["label"] == d["label"]
        assert nodes[n]["aliases:string[]"].split(";") == d["aliases"]
        assert int(nodes[n]["mentions:int"]) == d["mentions"]
        assert nodes[n][":LABEL"].split(";")[:2] == ["Actor", d["type"].capitalize()]
    head, rows = _rows(out / "edges.csv")
    assert len(rows) == G.number_of_edges() and all(len(r) == len(head) for r in rows)
    for r in (dict(zip(head, row, strict=True)) for row in rows):
        d = G.edges[r[":START_ID"], r[":END_ID"], r[":TYPE"].lower()]
        assert int(r["count:int"]) == d["count"] and r["symmetric:boolean"] in ("true", "false")
        assert r["goldstein:double"] == ("" if "goldstein" not in d else repr(float(d["goldstein"])))
        evidence = r["evidence:string[]"].split(";")
        assert len(evidence) == d["count"]  # one array item per sentence: no stray delimiter
        assert all("\n" not in x for x in evidence)


def test_csv_keeps_semicolons_and_line_breaks_out_of_arrays(tmp_path):
    rel = graph.to_relations(graph.example_graph())[0]
    from extract.types import Relation

    # an alias with a semicolon (a relation's mention becomes one only when it names a state, so an actor record)
    alias = {"id": rel.source, "type": str(rel.source_type), "name": rel.source_label, "aliases": ["x;y"]}
    G = graph.build_graph(
        [Relation.from_dict({**rel.to_dict(), "sentence": "A;B\nC", "source_mention": "x;y"})], [alias]
    )
    graph.write_csv(G, tmp_path)
    _, rows = _rows(tmp_path / "edges.csv")
    assert rows[0][-1].endswith("A；B C")
    _, rows = _rows(tmp_path / "nodes.csv")
    assert any("x；y" in r[4].split(";") for r in rows)


# ---------------------------------------------------------------------------- all outputs


def test_write_outputs_writes_every_file_deterministically(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    rels = graph.to_relations(graph.example_graph())
    graph.write_outputs(graph.build_graph(rels), a)
    graph.write_outputs(graph.build_graph(rels[::-1]), b)
    for name in graph.OUTPUT_FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert sorted(p.name for p in a.iterdir()) == sorted(graph.OUTPUT_FILES)


def test_export_rejects_an_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="choose one of graphml, gexf, json, csv"):
        graph.export(graph.example_graph(), tmp_path / "g.dot", "dot")
