"""Hostile inputs (issue 13): file names, links, special files and geokg's own outputs under the inputs.

Every case is a real file system in ``tmp_path``: names that are not UTF-8,
names with terminal escapes, symbolic links (loops included), a FIFO, a link
to ``/dev/zero``, and output folders inside input folders. The build runs
through ``extract.cli.main`` (the model loaded once per session), or as a
subprocess where what reaches the terminal matters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main
from extract.read.io import SkippedInput, document_id, list_inputs, read_input
from tests.conftest import ROOT

SENTENCE = "ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。"
OTHER = "米国がイランに制裁を科した。"


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _rows(out: Path) -> dict[str, dict]:
    return {row["path"]: row for row in _report(out)["inputs"]}


def _build(*args: str) -> int:
    return main(["build", *args, "--no-progress"])


def _geokg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout
    )


# -- 1. file names that are not UTF-8 -------------------------------------------------------------


@pytest.mark.model
def test_hostile_file_name_that_is_not_utf8_is_read_and_reported_escaped(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "ok.txt").write_text(SENTENCE, encoding="utf-8")
    latin1 = os.fsdecode(os.fsencode(d) + b"/caf\xe9.txt")  # saved on a Latin-1 system
    Path(latin1).write_text(OTHER, encoding="utf-8")
    out = tmp_path / "out"
    assert _build(str(d), "-o", str(out)) == 0
    rows = _rows(out)
    escaped = f"{d}/caf\\xe9.txt"
    assert rows[escaped]["status"] == "processed" and rows[escaped]["relations"] == 1
    assert rows[f"{d}/ok.txt"]["status"] == "processed"
    docs = {json.loads(line)["doc"] for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()}
    assert docs == {escaped, f"{d}/ok.txt"}
    assert "Traceback" not in capsys.readouterr().err


def test_hostile_document_ids_are_one_spelling_per_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    assert document_id("in/../in/./a.txt") == document_id(tmp_path / "in" / "a.txt") == "in/a.txt"
    assert document_id("/elsewhere/x/../b.txt") == "/elsewhere/b.txt"  # outside the current folder: absolute
    assert document_id(os.fsdecode(b"in/caf\xe9.txt")) == "in/caf\\xe9.txt"


@pytest.mark.model
def test_hostile_terminal_escapes_in_a_file_name_are_shown_not_obeyed(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "ok.txt").write_text(SENTENCE, encoding="utf-8")
    (d / "evil\x1b]0;pwned\x07\x1b[2J\u202etxt.txt").write_bytes(b"")  # empty: skipped, so its name is printed
    r = _geokg("build", str(d), "-o", str(tmp_path / "out"), "--no-progress")
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stderr + r.stdout and "\x07" not in r.stderr and "\u202e" not in r.stderr
    assert "evil\\x1b]0;pwned\\x07\\x1b[2J\\u202etxt.txt: empty" in r.stderr


# -- 3. the output folder inside the input tree ----------------------------------------------------


@pytest.mark.model
def test_hostile_output_folder_that_is_the_input_folder(tmp_path):
    c = tmp_path / "c"
    (c / "sub").mkdir(parents=True)
    (c / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (c / "sub" / "b.txt").write_text(OTHER, encoding="utf-8")
    for _ in range(2):  # the second run finds the first run's outputs in its input folder
        assert _build(str(c), "-o", str(c)) == 0
        report = _report(c)
        assert [r["path"] for r in report["inputs"]] == [str(c / "a.txt"), str(c / "sub" / "b.txt")]
        assert all(r["status"] == "processed" for r in report["inputs"])
    assert {e["path"] for e in report["excluded"]} == {str(c / n) for n in report["outputs"]}
    assert all("written by geokg" in e["reason"] for e in report["excluded"])


@pytest.mark.model
def test_hostile_output_folder_inside_the_input_folder_and_an_older_output_set(tmp_path):
    c = tmp_path / "c"
    c.mkdir()
    (c / "a.txt").write_text(SENTENCE, encoding="utf-8")
    assert _build(str(c), "-o", str(c)) == 0  # c now holds an output set (graph.html …)
    assert _build(str(c), "-o", str(c / "out2")) == 0
    report = _report(c / "out2")
    assert [r["path"] for r in report["inputs"]] == [str(c / "a.txt")]  # not c/graph.html, not c/out2/*
    excluded = {e["path"]: e["reason"] for e in report["excluded"]}
    assert excluded[str(c / "out2")].endswith("the output folder of this run")
    assert excluded[str(c / "graph.html")].endswith("written by geokg (an output file)")
    assert _build(str(c), "-o", str(c / "out2")) == 0  # and again, with out2 full
    assert [r["path"] for r in _report(c / "out2")["inputs"]] == [str(c / "a.txt")]


def test_hostile_a_foreign_report_json_does_not_hide_articles(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "report.json").write_text('{"title": "our own report"}', encoding="utf-8")
    (d / "graph.html").write_text(f"<p>{SENTENCE}</p>", encoding="utf-8")
    assert [f.path.name for f in list_inputs([d]) if not f.excluded] == ["graph.html", "report.json"]


# -- 4. symbolic links to folders ----------------------------------------------------------------


def test_hostile_symlinked_folders_are_followed_once(tmp_path):
    d, elsewhere = tmp_path / "in", tmp_path / "elsewhere"
    (d / "real").mkdir(parents=True)
    elsewhere.mkdir()
    (d / "real" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (elsewhere / "b.txt").write_text(OTHER, encoding="utf-8")
    (d / "linked").symlink_to(elsewhere)  # a folder kept elsewhere: read
    (d / "again").symlink_to(d / "real")  # a second way into a folder already read
    (d / "real" / "loop").symlink_to(d)  # a loop
    (d / "alias.txt").symlink_to(d / "real" / "a.txt")  # a second name for a file
    files = {f.name: f for f in list_inputs([d])}
    assert sorted(n for n, f in files.items() if not f.skip) == [f"{d}/linked/b.txt", f"{d}/real/a.txt"]
    assert files[f"{d}/again"].skip == f"{d}/again: a symbolic link to a folder already read; not read twice"
    assert (
        files[f"{d}/real/loop"].skip
        == f"{d}/real/loop: a symbolic link to a folder that contains it (a loop); not read twice"
    )
    assert files[f"{d}/alias.txt"].skip == f"{d}/alias.txt: the same file as {d}/real/a.txt (through a link); read once"


@pytest.mark.model
def test_hostile_symlinked_folder_is_in_the_report(tmp_path):
    d, elsewhere = tmp_path / "in", tmp_path / "elsewhere"
    d.mkdir()
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(OTHER, encoding="utf-8")
    (d / "linked").symlink_to(elsewhere)
    (d / "loop").symlink_to(d)
    out = tmp_path / "out"
    assert _build(str(d), "-o", str(out)) == 0
    rows = _rows(out)
    assert rows[f"{d}/linked/b.txt"]["status"] == "processed" and rows[f"{d}/linked/b.txt"]["relations"] == 1
    assert rows[f"{d}/loop"]["status"] == "skipped" and "(a loop)" in rows[f"{d}/loop"]["reason"]


# -- 7. special files and the size limit -----------------------------------------------------------


def test_hostile_fifo_and_devices_are_skipped_without_reading(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    os.mkfifo(d / "pipe.txt")  # opening it for reading would block until a writer comes
    (d / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    files = {f.path.name: f for f in list_inputs([d])}
    assert files["pipe.txt"].skip and "a named pipe (FIFO), not a regular file" in files["pipe.txt"].skip
    assert files["zero.txt"].skip and "a character device, not a regular file" in files["zero.txt"].skip
    for name in ("pipe.txt", "zero.txt"):  # named on the command line, read directly: skipped too
        with pytest.raises(SkippedInput, match="not a regular file; geokg reads only regular files"):
            read_input(d / name)


def test_hostile_size_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(SENTENCE * 100, encoding="utf-8")
    size = f.stat().st_size
    with pytest.raises(SkippedInput, match=r"big\.txt: larger than 1 kB \(10\.7 kB\); not an article"):
        read_input(f, max_bytes=1000)
    assert read_input(f, max_bytes=size).document.text == SENTENCE * 100


@pytest.mark.model
def test_hostile_build_with_a_fifo_a_device_and_max_bytes(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    os.mkfifo(d / "pipe.txt")
    (d / "zero.txt").symlink_to("/dev/zero")
    (d / "big.txt").write_text(OTHER * 100, encoding="utf-8")
    (d / "ok.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "out"
    r = _geokg("build", str(d), "-o", str(out), "--no-progress", "--max-bytes", "2kB", timeout=120)
    assert r.returncode == 0, r.stderr
    rows = {Path(p).name: row for p, row in _rows(out).items()}
    assert {n: row["status"] for n, row in rows.items()} == {
        "big.txt": "skipped",
        "ok.txt": "processed",
        "pipe.txt": "skipped",
        "zero.txt": "skipped",
    }
    assert "larger than 2 kB" in rows["big.txt"]["reason"] and "--max-bytes" in rows["big.txt"]["reason"]
    bad = _geokg("build", str(d), "-o", str(out), "--max-bytes", "lots")
    assert bad.returncode == 2 and "'lots' is not a size" in bad.stderr


def test_hostile_escapes_in_scored_files_are_shown_not_obeyed(tmp_path):
    # evaluate --show prints the gold's ids and the triples' labels: both are files from elsewhere
    evil = "ロシア\x1b]0;pwned\x07\x1b[2J\u202e"
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(
        json.dumps(
            {
                "doc": "texts/a.txt",
                "actors": [
                    {"id": evil, "type": "country", "name": evil, "aliases": [evil]},
                    {"id": "PRK", "type": "country", "name": "北朝鮮", "aliases": ["北朝鮮"]},
                ],
                "relations": [{"source": evil, "type": "sanction", "target": "PRK", "evidence": evil}],
            }
        ),
        encoding="utf-8",
    )
    triples = tmp_path / "triples.jsonl"
    triples.write_text(
        json.dumps(
            {
                "doc": "texts/a.txt",
                "source": "X\x1b[31m",
                "source_label": "X\x1b[31m",
                "type": "attack",
                "target": "PRK",
                "target_label": "北朝鮮",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    for extra in ([], ["--show"], ["--json"]):
        r = _geokg("evaluate", "--gold", str(gold), "--triples", str(triples), *extra)
        assert r.returncode == 0, r.stderr
        assert "\x1b" not in r.stdout and "\x07" not in r.stdout and "\u202e" not in r.stdout
        if extra == ["--show"]:
            assert "\\x1b[2J" in r.stdout and "X\\x1b[31m" in r.stdout
