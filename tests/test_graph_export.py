"""Exports that agree (issue 19): every format read back by networkx, python-igraph and graphology gives
the same attribute names, types and values; and each format's own grammar (neo4j-admin's CSV header, GEXF times).

| reader | graph.json | graph.graphml | graph.gexf | nodes.csv + edges.csv |
| --- | --- | --- | --- | --- |
| networkx | ``node_link_graph`` | ``read_graphml`` | ``read_gexf`` | the header's types → ``MultiDiGraph`` |
| python-igraph | ``Graph.DictList`` | ``Read_GraphML`` (``graph.read_igraph``) | ``Graph.from_networkx`` | ``Graph.DictList`` |
| graphology | node-link import | graphology-graphml | graphology-gexf | the header's types → ``Graph`` |

Lists are lists in JSON and CSV and " | "-joined text in GraphML and GEXF;
evidence is records in JSON and text lines elsewhere; missing, empty and
igraph's fill values (NaN, "") are alike "no value". What a reader adds of its
own is listed in ``_BOOKKEEPING``. graphology runs under node
(tests/js/read_graph.js). Without node or tests/js/node_modules those tests
skip, unless GEOKG_REQUIRE_NODE=1 (CI), where they fail: install with
`npm ci --prefix tests/js`.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import graph

JS = Path(__file__).resolve().parent / "js"
FORMATS = ("json", "graphml", "gexf", "csv")
READERS = ("networkx", "igraph", "graphology")
_LIST_FIELDS = {"aliases", "docs", "merged", "predicates", "evidence", "en", "acronyms"}

# What a reader adds of its own, beside the graph's fields: (reader, format, node or edge) → names.
# "key" is the edge key (= type), which GraphML carries for networkx; GEXF's edge label and kind repeat the type for Gephi.
_BOOKKEEPING: dict[tuple[str, str, str], set[str]] = {
    ("networkx", "graphml", "edge"): {"key"},
    ("networkx", "gexf", "edge"): {"id", "label", "kind", "spells"},
    ("igraph", "json", "edge"): {"key", "source", "target"},  # DictList keeps its foreign keys
    ("igraph", "csv", "edge"): {"source", "target"},
    ("igraph", "graphml", "edge"): {"key"},
    ("igraph", "gexf", "edge"): {"id", "label", "kind", "spells", "_nx_multiedge_key"},  # through networkx
    ("graphology", "json", "edge"): {"key"},
    ("graphology", "graphml", "edge"): {"key"},
    ("graphology", "gexf", "edge"): {"label", "kind"},
}


def _graphology(fmt: str, *paths: Path) -> dict:
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
        [node, str(JS / "read_graph.js"), fmt, *map(str, paths)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


# ---------------------------------------------------------------------------- the readers

Read = tuple[dict[str, dict[str, Any]], list[tuple[str, str, dict[str, Any]]]]


def _csv_rows(path: Path) -> list[dict[str, Any]]:
    """A neo4j-admin CSV, each cell typed by its header (``mentions:int``); an empty cell is no property."""
    conv = {"int": int, "double": float, "boolean": lambda x: x == "true"}
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    out = []
    for cells in rows[1:]:
        row: dict[str, Any] = {}
        for h, cell in zip(rows[0], cells, strict=True):
            name, _, kind = h.partition(":")
            if cell == "":
                continue
            key = name or ":" + kind
            row[key] = cell.split(";") if kind.endswith("[]") else conv.get(kind, str)(cell)
        out.append(row)
    return out


def _csv_graph(out: Path) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for row in _csv_rows(out / "nodes.csv"):
        G.add_node(row.pop("id"), **{k: v for k, v in row.items() if k != ":LABEL"})
    for row in _csv_rows(out / "edges.csv"):
        s, t = row.pop(":START_ID"), row.pop(":END_ID")
        row.pop(":TYPE")
        G.add_edge(s, t, **row)
    return G


def _from_nx(G: nx.MultiDiGraph) -> Read:
    return {str(n): dict(d) for n, d in G.nodes(data=True)}, [
        (str(s), str(t), dict(d)) for s, t, d in G.edges(data=True)
    ]


def _from_igraph(g: Any, name: str) -> Read:
    nodes = {str(v[name]): {k: x for k, x in v.attributes().items() if k != name} for v in g.vs}
    names = g.vs[name]
    return nodes, [(str(names[e.source]), str(names[e.target]), e.attributes()) for e in g.es]


def _node_link(out: Path) -> dict[str, Any]:
    return json.loads((out / "graph.json").read_text(encoding="utf-8"))


def _read(reader: str, fmt: str, out: Path) -> Read:
    if reader == "graphology":
        paths = [out / "nodes.csv", out / "edges.csv"] if fmt == "csv" else [out / f"graph.{fmt}"]
        got = _graphology(fmt, *paths)
        return got["nodes"], [(e["source"], e["target"], e["attributes"]) for e in got["edges"]]
    if reader == "networkx":
        return _from_nx(
            {
                "json": lambda: nx.node_link_graph(_node_link(out), edges="edges"),
                "graphml": lambda: nx.read_graphml(out / "graph.graphml", force_multigraph=True),
                "gexf": lambda: nx.read_gexf(out / "graph.gexf", version="1.3"),
                "csv": lambda: _csv_graph(out),
            }[fmt]()
        )
    ig = pytest.importorskip("igraph")
    if fmt == "graphml":
        return _from_igraph(graph.read_igraph(out / "graph.graphml"), "id")
    if fmt == "gexf":
        return _from_igraph(ig.Graph.from_networkx(nx.read_gexf(out / "graph.gexf", version="1.3")), "_nx_name")
    if fmt == "json":
        data = _node_link(out)
        nodes, edges = data["nodes"], data["edges"]
    else:
        nodes, edges = _csv_rows(out / "nodes.csv"), _csv_rows(out / "edges.csv")
        nodes = [{k: v for k, v in n.items() if k != ":LABEL"} for n in nodes]
        edges = [{"source": e.pop(":START_ID"), "target": e.pop(":END_ID"), **e} for e in edges if e.pop(":TYPE")]
    g = ig.Graph.DictList(nodes, edges, directed=True, vertex_name_attr="id", edge_foreign_keys=("source", "target"))
    return _from_igraph(g, "id")


# ---------------------------------------------------------------------------- comparing


def _has_value(v: Any) -> bool:
    return not (v is None or v == "" or v == [] or (isinstance(v, float) and math.isnan(v)))


def _kind(v: Any) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    return {float: "float", str: "str", list: "list", tuple: "list", dict: "dict"}.get(type(v), type(v).__name__)


def _expected_kind(field: str, value: Any, reader: str, fmt: str) -> set[str]:
    kind = _kind(value)
    if field in _LIST_FIELDS:
        return {"str"} if fmt in ("graphml", "gexf") else {"list"}
    if reader == "graphology" and kind in ("int", "float"):
        return {"int", "float"} if kind == "float" else {"int"}  # JSON numbers: 2.0 arrives as 2
    return {kind}


def _comparable(field: str, value: Any) -> Any:
    """A list field's items as one list, whatever the format wrote (a list, " | "-text, evidence records or lines)."""
    if field == "evidence":
        lines = graph.readwrite.evidence_text(value) if value and isinstance(value[0], dict) else value
        lines = lines.splitlines() if isinstance(lines, str) else lines
        return [" ".join(x.replace(";", "；").split()) for x in lines]
    if field in _LIST_FIELDS:
        return value.split(" | ") if isinstance(value, str) else list(value)
    return value


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b))
    return a == b


def _compare(want: dict[str, Any], got: dict[str, Any], extra: set[str], reader: str, fmt: str, what: Any) -> None:
    want = {k: v for k, v in want.items() if _has_value(v)}
    got = {k: v for k, v in got.items() if _has_value(v) and k not in extra}
    assert set(got) == set(want), (what, sorted(set(got) ^ set(want)))
    for name, value in want.items():
        assert _kind(got[name]) in _expected_kind(name, value, reader, fmt), (what, name, got[name], value)
        assert _same(_comparable(name, got[name]), _comparable(name, value)), (what, name, got[name], value)


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


@pytest.fixture(scope="module")
def corpus_files(corpus_build):
    return graph.read_json(corpus_build / "graph.json"), corpus_build


@pytest.fixture(scope="module")
def dictionary_files(tmp_path_factory):
    """The example with the actor dictionary's fields on a person (en: a list, latin: a string)."""
    out = tmp_path_factory.mktemp("dictionary-export")
    G = graph.example_graph()
    G.nodes["putin"].update(en=["Vladimir Putin"], latin="Vladimir Putin")
    graph.write_outputs(G, out)
    return G, out


@pytest.fixture(params=["example", "dictionary", "seed", "corpus"])
def exported(request):
    return request.getfixturevalue(f"{request.param}_files")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("reader", READERS)
def test_every_format_reads_back_with_the_same_names_types_and_values(exported, reader, fmt):
    G, out = exported
    nodes, edges = _read(reader, fmt, out)
    assert set(nodes) == {str(n) for n in G.nodes}
    for n, d in G.nodes(data=True):
        _compare(d, nodes[str(n)], _BOOKKEEPING.get((reader, fmt, "node"), set()), reader, fmt, n)
    by_key = {(s, t, d["type"]): d for s, t, d in edges}
    assert len(by_key) == len(edges) == G.number_of_edges()
    assert set(by_key) == {(str(s), str(t), k) for s, t, k in G.edges(keys=True)}
    for s, t, k, d in G.edges(keys=True, data=True):
        _compare(d, by_key[str(s), str(t), k], _BOOKKEEPING.get((reader, fmt, "edge"), set()), reader, fmt, (s, t, k))


def test_networkx_keys_graphml_edges_by_their_relation_type_as_graph_json_does(example_files):
    G, out = example_files
    H = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    assert H.edges["PRK", "RUS", "treaty"]["count"] == 2
    J = nx.node_link_graph(_node_link(out), edges="edges")
    assert sorted(J.edges(keys=True)) == sorted(G.edges(keys=True))


def test_igraph_reads_integers_as_doubles_and_read_igraph_gives_them_back(example_files):
    ig = pytest.importorskip("igraph")
    _, out = example_files
    raw = ig.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert isinstance(raw.vs.find(id="RUS")["mentions"], float)  # igraph's C core has no integer attribute
    g = graph.read_igraph(out / "graph.graphml")
    assert type(g.vs.find(id="RUS")["mentions"]) is int and {type(c) for c in g.es["count"]} == {int}
    assert {type(w) for w in g.es["weight"]} == {float}
    assert g.es.find(type="leader_of")["goldstein"] is None  # a value the edge does not have


def test_aliases_are_whole_names_in_every_format(seed_files):
    G, out = seed_files
    kim = next(n for n, d in G.nodes(data=True) if d["label"] == "金正恩")
    assert "金正" not in G.nodes[kim]["aliases"] and "キム・ジョンウン" in G.nodes[kim]["aliases"]
    assert "金正" not in nx.read_graphml(out / "graph.graphml").nodes[kim]["aliases"].split(" | ")
    assert "金正" not in graph.read_graphml(out / "graph.graphml").nodes[kim]["aliases"]


# ---------------------------------------------------------------------------- GEXF


def test_gexf_parses_back_with_networkx_with_times_as_intervals(exported):
    G, out = exported
    H = nx.read_gexf(out / "graph.gexf", version="1.3")
    by_key = {(s, t, d["type"]): d for s, t, d in H.edges(data=True)}
    assert set(by_key) == {(s, t, k) for s, t, k in G.edges(keys=True)}
    for s, t, k, d in G.edges(keys=True, data=True):
        h = by_key[s, t, k]
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
        d = G.edges[r[":START_ID"], r[":END_ID"], r["type"]]
        assert r[":TYPE"] == r["type"].upper()
        assert int(r["count:int"]) == d["count"] and r["symmetric:boolean"] in ("true", "false")
        assert float(r["weight:double"]) == d["weight"]
        assert r["goldstein:double"] == ("" if "goldstein" not in d else repr(float(d["goldstein"])))
        evidence = r["evidence:string[]"].split(";")
        assert len(evidence) == d["count"]  # one array item per sentence: no stray delimiter
        assert all("\n" not in x for x in evidence)


def test_csv_headers_name_only_what_neo4j_reads_as_a_property(tmp_path):
    G = graph.example_graph()
    G.nodes["RUS"].update({"en": ["Russia"], "=HYPERLINK(x)": "data, not a header", "a:b": 1})
    graph.write_csv(G, tmp_path)
    head, _ = _rows(tmp_path / "nodes.csv")
    assert "en:string[]" in head and all(_NEO4J_HEADER.match(h) for h in head)
    assert not any("HYPERLINK" in h or h.startswith("a:") for h in head)
    assert graph.read_graphml(io.BytesIO(graph.readwrite.graphml_bytes(G))).nodes["RUS"]["en"] == ["Russia"]


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
