"""`geokg build NEW... --into OUTDIR`: grow a graph without re-reading the old articles.

Needs the runner side of issue 4 (``build(..., into=True)`` and ``--into``);
until that is in extract/runner.py these tests skip, saying so.
"""

from __future__ import annotations

import inspect
import json
import shutil

import pytest

import graph
from tests.conftest import SEED


def _need_into():
    from extract.run.runner import build

    if "into" not in inspect.signature(build).parameters:
        pytest.skip("extract.run.runner.build has no `into` yet (runner side of issue 4)")


ARTICLE_B = "北朝鮮とソ連は1961年に友好協力相互援助条約を締結した。米国は2022年、ロシアに制裁を科した。\n"


@pytest.fixture
def two_articles(tmp_path):
    _need_into()
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copy(SEED, a / SEED.name)
    (b / "extra.txt").write_text(ARTICLE_B, encoding="utf-8")
    return a, b


def _graph_files(out):
    return {
        name: (out / name).read_bytes()
        for name in ("graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv")
    }


def test_into_adds_articles_and_equals_building_all_at_once(tmp_path, two_articles):
    from extract.cli import main

    a, b = two_articles
    stepwise, together = tmp_path / "stepwise", tmp_path / "together"
    assert main(["build", str(a), "-o", str(stepwise), "--no-progress"]) == 0
    before = graph.load(stepwise)
    assert main(["build", str(b), "--into", str(stepwise), "--no-progress"]) == 0
    assert main(["build", str(a), str(b), "-o", str(together), "--no-progress"]) == 0
    assert _graph_files(stepwise) == _graph_files(together)
    after = graph.load(stepwise)
    assert len(after) >= len(before)
    assert any(r.doc.endswith("extra.txt") for e in after.relations() for r in e.evidence)
    assert any(r.doc.endswith(SEED.name) for e in after.relations() for r in e.evidence)
    docs = {json.loads(line)["doc"] for line in (stepwise / "triples.jsonl").read_text(encoding="utf-8").splitlines()}
    assert any(d.endswith("extra.txt") for d in docs) and any(d.endswith(SEED.name) for d in docs)


def test_adding_an_article_again_replaces_it(tmp_path, two_articles):
    from extract.cli import main

    a, _ = two_articles
    out = tmp_path / "out"
    assert main(["build", str(a), "-o", str(out), "--no-progress"]) == 0
    once = _graph_files(out)
    triples = (out / "triples.jsonl").read_bytes()
    assert main(["build", str(a), "--into", str(out), "--no-progress"]) == 0
    assert _graph_files(out) == once  # mentions and evidence are not counted twice
    assert sorted((out / "triples.jsonl").read_bytes().splitlines()) == sorted(triples.splitlines())
