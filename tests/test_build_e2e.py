"""End to end: `geokg build seeds` writes the four outputs, consistent with each other."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx

from extract.types import RELATION_KEYS, RelationType


def _triples(out):
    lines = (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_build_writes_the_four_outputs(seed_build):
    for name in (
        "triples.jsonl",
        "graph.json",
        "graph.graphml",
        "graph.gexf",
        "nodes.csv",
        "edges.csv",
        "graph.html",
        "report.json",
    ):
        assert (seed_build / name).stat().st_size > 0, name


def test_triples_have_exactly_the_documented_keys(seed_build):
    triples = _triples(seed_build)
    assert triples, "the seed article yields relations"
    allowed = {t.value for t in RelationType}
    for t in triples:
        assert list(t) == list(RELATION_KEYS)
        assert t["type"] in allowed
        assert t["doc"].endswith("000_db80d0d6cdafb80b.txt")
        assert t["sentence"] and 0.0 <= t["confidence"] <= 1.0


def test_evidence_is_verbatim_from_the_article(seed_build):
    from tests.conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    for t in _triples(seed_build):
        assert t["sentence"] in text
        assert t["source_mention"] in t["sentence"] or t["source_type"] == "country"


def test_graphml_reloads_with_the_counts_of_graph_json(seed_build):
    data = json.loads((seed_build / "graph.json").read_text(encoding="utf-8"))
    G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    H = nx.read_graphml(seed_build / "graph.graphml", force_multigraph=True)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert G.number_of_edges() > 0
    assert set(H.nodes) == set(G.nodes)


def test_console_script_help_teaches():
    out = subprocess.run([sys.executable, "-m", "extract.cli", "build", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    assert "OUTDIR" in out.stdout and "triples.jsonl" in out.stdout


def test_missing_input_is_a_usage_error(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "extract.cli", "build", str(tmp_path / "nope"), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert "nope" in out.stderr and "Traceback" not in out.stderr
