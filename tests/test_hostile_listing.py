"""Listing and reading inputs (issue 20 items 5, 6, 7): names that escape alike, a huge --max-bytes, a
folder tree 1,100 deep.

Real files and folders in ``tmp_path``; builds run with the model-free extractor of
``test_hostile_outdir`` (the files are still read by geokg's reader process).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract.read.io import list_inputs, read_bytes, read_input

ARTICLE = "米国がイランに制裁を科した。\n"


def _build(inputs, out, **kw):
    from extract.run.runner import build
    from tests.test_hostile_outdir import LineExtractor

    return build([str(i) for i in inputs], out, extractor=LineExtractor(), progress=False, **kw)


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


# -- item 5: two files whose names escape alike ---------------------------------------------------


@pytest.fixture
def alike(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / os.fsdecode(b"caf\xe9.txt")).write_text("米国がイランに制裁を科した。\n", encoding="utf-8")
    (d / "caf\\xe9.txt").write_text("英国がイランに制裁を科した。\n", encoding="utf-8")  # a backslash, x, e, 9
    return d


def test_hostile_names_that_escape_alike_are_two_documents(alike):
    names = [f.name for f in list_inputs([alike])]
    assert len(names) == len(set(names)) == 2
    assert sorted(n.rsplit("/", 1)[-1] for n in names) == ["caf\\\\xe9.txt", "caf\\xe9.txt"]


def test_hostile_names_that_escape_alike_are_both_in_the_graph(alike, tmp_path):
    out = tmp_path / "out"
    report = _build([alike], out)
    assert len(report.processed) == 2
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert len(data["graph"]["documents"]) == 2
    docs = {json.loads(line)["doc"] for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()}
    assert len(docs) == 2


# -- item 6: --max-bytes far beyond memory --------------------------------------------------------


def test_hostile_max_bytes_beyond_memory_reads_in_chunks(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    assert read_bytes(p, max_bytes=100 * 10**9) == ARTICLE.encode()
    assert read_input(p, max_bytes=100 * 10**9).document.text == ARTICLE


def test_hostile_max_bytes_100gb_on_the_command_line(tmp_path):
    from extract.cli import _size

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    report = _build([d], tmp_path / "out", max_bytes=_size("100GB"))
    assert [r.status for r in report.inputs] == ["processed"], report.inputs[0].reason


def test_hostile_max_bytes_still_skips_a_larger_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"x" * 5000)
    with pytest.raises(Exception, match="larger than 4 kB"):
        read_bytes(p, max_bytes=4000)


# -- item 7: a folder tree 1,100 deep ---------------------------------------------------------------


@pytest.fixture
def deep(tmp_path):
    top = tmp_path / "in"
    top.mkdir()
    folder = top
    for _ in range(1100):  # (Path.mkdir(parents=True) recurses once per level too)
        folder = folder / "d"
        folder.mkdir()
    (top / "top.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "bottom.txt").write_text(ARTICLE, encoding="utf-8")
    yield top
    # shutil.rmtree (and pytest's clean-up) recurse once per level: remove the tree from the bottom up
    (folder / "bottom.txt").unlink()
    while folder != top:
        folder.rmdir()
        folder = folder.parent


def test_hostile_deep_tree_is_listed_down_to_the_limit(deep):
    from extract.read.io import MAX_DEPTH

    listed = list_inputs([deep])
    names = {Path(f.name).name: f for f in listed}
    assert "top.txt" in names and names["top.txt"].skip is None
    assert "bottom.txt" not in names
    too_deep = [f for f in listed if f.skip and "levels below" in f.skip]
    assert len(too_deep) == 1
    assert f"geokg reads folders at most {MAX_DEPTH} levels below an input" in too_deep[0].skip
    assert too_deep[0].name.count("/d") == MAX_DEPTH + 1


def test_hostile_deep_tree_builds_and_reports_the_limit(deep, tmp_path):
    out = tmp_path / "out"
    report = _build([deep], out)
    assert [Path(r.path).name for r in report.processed] == ["top.txt"]
    data = _report(out)
    assert data["limits"]["folder_depth"] >= 100
    skipped = [r for r in data["inputs"] if r["status"] == "skipped"]
    assert len(skipped) == 1 and "levels below" in skipped[0]["reason"]
