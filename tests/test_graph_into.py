"""`geokg build NEW... --into OUTDIR`: grow a graph without re-reading the old articles.

Documents are keyed by content as well as path (issue 19): the same text under
another path is already in the graph, an edited text at the same path replaces
its old relations, and the summary says what the run added and what the graph
holds, in two lines.
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


# ---------------------------------------------------------------------------- documents keyed by content (issue 19)


def _cli(*argv: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from extract.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _evidence(out) -> int:
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return sum(len(e["evidence"]) for e in data["edges"])


def test_the_same_text_from_another_folder_is_already_in_the_graph(tmp_path, monkeypatch, nlp):
    """The issue's case: `--into` run from another folder names the article anew (../a/…), but its text is known."""
    work = tmp_path / "work"
    (work / "a").mkdir(parents=True)
    shutil.copy(SEED, work / "a" / SEED.name)
    monkeypatch.chdir(work)
    code, _, _ = _cli("build", "a", "-o", "out", "--no-progress")
    assert code == 0
    before = _graph_files(work / "out")
    evidence = _evidence(work / "out")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, err = _cli("build", str(work / "a"), "--into", str(work / "out"), "--no-progress")
    assert code == 0
    assert _graph_files(work / "out") == before and _evidence(work / "out") == evidence
    assert "the same text as a/" in err and "in the graph already; not added again" in err
    assert "nothing new" in err
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("this run: 1 inputs (0 processed, 1 already in the graph)")
    assert lines[1].startswith("the graph now: 1 documents") and f"{evidence} relations" in lines[1]


def test_a_copy_under_another_name_is_not_added_again_and_the_report_says_so(tmp_path, nlp):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "extra.txt").write_text(ARTICLE_B, encoding="utf-8")
    (b / "copy.txt").write_text(ARTICLE_B, encoding="utf-8")
    (b / "new.txt").write_text("米国は日本と首脳会談を行った。\n", encoding="utf-8")
    out, together = tmp_path / "out", tmp_path / "together"
    assert _cli("build", str(a), "-o", str(out), "--no-progress")[0] == 0
    evidence = _evidence(out)
    code, printed, _ = _cli("build", str(b), "--into", str(out), "--no-progress")
    assert code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rows = {r["path"].rsplit("/", 1)[-1]: r for r in report["inputs"]}
    assert rows["copy.txt"]["status"] == "skipped" and "extra.txt" in rows["copy.txt"]["reason"]
    assert rows["new.txt"]["status"] == rows["extra.txt"]["status"] == "processed"
    assert report["this_run"] == {"into": True, "inputs": 2, "processed": 1, "skipped": 1, "failed": 0, "relations": 1}
    assert _evidence(out) == evidence + 1
    graph_json = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert sorted(p.rsplit("/", 1)[-1] for p in graph_json["graph"]["digests"]) == ["extra.txt", "new.txt"]
    # what the run added, and what the graph holds, in two lines
    this_run, now = printed.splitlines()
    assert (
        this_run.startswith("this run: 2 inputs (1 processed, 1 already in the graph): ")
        and " 1 relations added" in this_run
    )
    assert now.startswith(f"the graph now: 2 documents, {len(graph_json['nodes'])} actors, {evidence + 1} relations")
    # within one run every path is a document: texts are compared with the earlier runs' only
    assert _cli("build", str(a), str(b), "-o", str(together), "--no-progress")[0] == 0
    assert _evidence(together) == evidence * 2 + 1


def test_an_edited_text_at_the_same_path_replaces_its_old_relations(tmp_path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    article = src / "news.txt"
    article.write_text("米国は2022年、ロシアに制裁を科した。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _cli("build", str(src), "-o", str(out), "--no-progress")[0] == 0
    old = graph.load(out)
    assert [(r.source, r.type, r.target) for r in old.relations()] == [("USA", "sanction", "RUS")]
    digest = json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["digests"]
    article.write_text("北朝鮮とソ連は1961年に友好協力相互援助条約を締結した。\n", encoding="utf-8")
    code, printed, _ = _cli("build", str(article), "--into", str(out), "--no-progress")
    assert code == 0
    new = graph.load(out)
    assert [(r.source, r.type, r.target) for r in new.relations()] == [("PRK", "treaty", "SUN")]
    assert "USA" not in new.G and "RUS" not in new.G
    assert json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["digests"] != digest
    assert printed.splitlines()[1].startswith("the graph now: 1 documents, 2 actors, 1 relations (1 edges)")
