"""The output folder (issue 20 item 1, issue 19): plain files, a manifest, and links that cannot turn geokg.

Builds here run with a small extractor of their own (one relation per line of
text, no model), so each test takes a fraction of a second; the refusals
happen before anything is extracted anyway. A kill in the middle of the
commit is the one injected fault (``os._exit`` at the n-th rename, in a real
subprocess): no real signal lands there on cue.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main
from extract.types import DocumentResult, Relation
from tests.conftest import ROOT

OUTPUTS = ("triples.jsonl", "graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.html")


class LineExtractor:
    """One sanction per line of text: outputs that differ with the corpus, without a model."""

    version = "lines-1"

    def pipe(self, documents):
        for d in documents:
            lines = [ln for ln in d.text.splitlines() if ln.strip()]
            rels = tuple(
                Relation(doc=d.path, sentence=ln, sentence_index=i, source="USA", source_label="米国",
                         source_type="country", source_mention="米国", type="sanction", target="IRN",
                         target_label="イラン", target_type="country", target_mention="イラン", predicate="制裁")
                for i, ln in enumerate(lines)
            )  # fmt: skip
            yield DocumentResult(doc=d.path, relations=rels, sentences=len(lines), characters=len(d.text))

    def close(self) -> None:
        pass


def check_output_set(out):
    from extract.run.outdir import check_output_set as check

    return check(out)


def build(inputs, out, **kw):
    from extract.run.runner import build as run

    return run([str(i) for i in inputs], out, extractor=LineExtractor(), progress=False, **kw)


def _corpus(tmp_path: Path, name: str, lines: list[str]) -> Path:
    d = tmp_path / name
    d.mkdir()
    for i, line in enumerate(lines):
        (d / f"{i:02d}.txt").write_text(line + "\n", encoding="utf-8")
    return d


@pytest.fixture
def corpora(tmp_path) -> tuple[Path, Path]:
    a = _corpus(tmp_path, "a", ["米国がイランに制裁を科した。", "米国は制裁を強化した。"])
    b = _corpus(tmp_path, "b", ["米国がイランに新たな制裁を科した。"])
    return a, b


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


# -- issue 19: plain files, report.json last as the manifest -----------------------------------------


def test_hostile_outdir_outputs_are_plain_files_listed_in_the_manifest(tmp_path, corpora):
    out = tmp_path / "out"
    build([corpora[0]], out)
    for name in (*OUTPUTS, "report.json"):
        assert (out / name).is_file() and not (out / name).is_symlink(), name
    manifest = json.loads((out / "report.json").read_text(encoding="utf-8"))["manifest"]
    assert sorted(manifest) == sorted(OUTPUTS)
    assert manifest["triples.jsonl"]["bytes"] == (out / "triples.jsonl").stat().st_size
    assert check_output_set(out) == []
    # geokg's own folder keeps only its lock and its marker between runs
    assert sorted(p.name for p in (out / ".geokg").iterdir()) == ["README.txt", "lock"]
    (out / "edges.csv").write_text("edited\n", encoding="utf-8")
    assert check_output_set(out) == [f"{out}/edges.csv: not the file report.json lists (its size or sha256 differ)"]


def test_hostile_outdir_an_older_layout_of_links_becomes_plain_files(tmp_path, corpora):
    """An OUTDIR written by the geokg that kept its files under .geokg/current is taken over."""
    out = tmp_path / "out"
    build([corpora[0]], out)
    run = out / ".geokg" / "run-0123456789abcdef"
    run.mkdir()
    for name in (*OUTPUTS, "report.json"):
        os.replace(out / name, run / name)
        os.symlink(f".geokg/current/{name}", out / name)
    os.symlink(run.name, out / ".geokg" / "current")
    (out / ".geokg" / "README.txt").unlink()  # the older geokg left no marker
    build([corpora[1]], out)
    assert all((out / n).is_file() and not (out / n).is_symlink() for n in (*OUTPUTS, "report.json"))
    assert sorted(p.name for p in (out / ".geokg").iterdir()) == ["README.txt", "lock"]
    assert check_output_set(out) == []


_KILL_AT = """
import os, sys
from extract.run import outdir
from tests.test_hostile_outdir import build
calls = 0
real = outdir._rename
def dying_rename(*args, **kw):
    global calls
    calls += 1
    if calls == int(sys.argv[1]):
        os._exit(9)  # killed at this rename: no clean-up, no finally
    real(*args, **kw)
outdir._rename = dying_rename
build([sys.argv[2]], sys.argv[3])
"""


@pytest.mark.parametrize("rename", range(1, 10))
def test_hostile_outdir_a_kill_in_the_commit_never_leaves_a_set_the_manifest_calls_complete(tmp_path, corpora, rename):
    a, b = corpora
    out = tmp_path / "out"
    build([a], out)
    old = _snapshot(out)
    build([b], tmp_path / "new")
    new = _snapshot(tmp_path / "new")
    r = subprocess.run([sys.executable, "-c", _KILL_AT, str(rename), str(b), str(out)], cwd=ROOT, capture_output=True)
    assert r.returncode == 9, r.stderr
    now = _snapshot(out)
    if now not in (old, new):  # a mix of the two sets is possible in the middle of the commit ...
        assert check_output_set(out) != []  # ... but never one the manifest calls complete
    # the next run, once it holds the lock, finishes the interrupted commit (or drops it, if it had not begun)
    from extract.run.outdir import OutputFolder

    with OutputFolder(out, [*OUTPUTS, "report.json"]).locked() as folder:
        folder.recover()
    assert _snapshot(out) == (old if rename == 1 else new) and check_output_set(out) == []
    assert sorted(p.name for p in (out / ".geokg").iterdir()) == ["README.txt", "lock"]


# -- issue 20 item 1: links in the output folder ------------------------------------------------------


def test_hostile_outdir_lock_that_is_a_link_is_refused_and_its_target_untouched(tmp_path, corpora, capsys):
    out = tmp_path / "out"
    build([corpora[0]], out)
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file\n", encoding="utf-8")
    (out / ".geokg" / "lock").unlink()
    os.symlink(victim, out / ".geokg" / "lock")
    before = _snapshot(out)
    assert main(["build", str(corpora[1]), "-o", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "/.geokg/lock: a symbolic link" in err and "Traceback" not in err
    assert victim.read_text(encoding="utf-8") == "someone else's file\n"
    assert _snapshot(out) == before


def test_hostile_outdir_lock_that_is_a_hard_link_is_refused(tmp_path, corpora, capsys):
    out = tmp_path / "out"
    build([corpora[0]], out)
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file\n", encoding="utf-8")
    (out / ".geokg" / "lock").unlink()
    os.link(victim, out / ".geokg" / "lock")
    assert main(["build", str(corpora[1]), "-o", str(out), "--no-progress"]) == 2
    assert "/.geokg/lock: a second name of another file" in capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "someone else's file\n"


def _decoy(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder of someone else's holding the names geokg's clean-up removes in its own folder."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "current").mkdir(parents=True)
    (elsewhere / "run-0123456789abcdef").mkdir()
    files = {"current/keep.txt": "1", "run-0123456789abcdef/keep.txt": "2", "notes.tmp": "3", "lock": "4"}
    for name, text in files.items():
        (elsewhere / name).write_text(text, encoding="utf-8")
    return elsewhere, files


def _untouched(folder: Path, files: dict[str, str]) -> bool:
    return all((folder / n).read_text(encoding="utf-8") == t for n, t in files.items())


def test_hostile_outdir_state_folder_that_is_a_link_is_refused(tmp_path, corpora):
    out = tmp_path / "out"
    out.mkdir()
    elsewhere, files = _decoy(tmp_path)
    os.symlink(elsewhere, out / ".geokg")
    r = _run_cli("build", str(corpora[0]), "-o", str(out), "--no-progress")
    assert r.returncode == 2, r.stderr
    assert "/.geokg: a symbolic link" in r.stderr and "Traceback" not in r.stderr
    assert _untouched(elsewhere, files)
    assert not (out / "graph.json").exists()


@pytest.mark.parametrize("kind", ["a file", "a broken link"])
def test_hostile_outdir_state_folder_that_is_a_file_or_a_broken_link(tmp_path, corpora, kind):
    out = tmp_path / "out"
    out.mkdir()
    if kind == "a file":
        (out / ".geokg").write_text("x", encoding="utf-8")
        expected = "/.geokg: a file, not geokg's working folder"
    else:
        os.symlink(tmp_path / "nowhere", out / ".geokg")
        expected = "/.geokg: a broken symbolic link"
    r = _run_cli("build", str(corpora[0]), "-o", str(out), "--no-progress")
    assert r.returncode == 2, r.stderr
    assert expected in r.stderr and "free some space" not in r.stderr
    assert sorted(p.name for p in out.iterdir()) == [".geokg"]


def test_hostile_outdir_state_folder_geokg_did_not_create_is_refused(tmp_path, corpora, capsys):
    out = tmp_path / "out"
    elsewhere, files = _decoy(tmp_path)
    os.rename(elsewhere, tmp_path / "copy")
    out.mkdir()
    os.rename(tmp_path / "copy", out / ".geokg")  # a real folder, holding what geokg did not write
    assert main(["build", str(corpora[0]), "-o", str(out), "--no-progress"]) == 2
    assert "/.geokg: a folder geokg did not create" in capsys.readouterr().err
    assert _untouched(out / ".geokg", files)


@pytest.mark.parametrize("kind", ["a link elsewhere", "a folder"])
def test_hostile_outdir_current_that_is_not_geokgs_is_refused(tmp_path, corpora, capsys, kind):
    out = tmp_path / "out"
    build([corpora[0]], out)
    elsewhere, files = _decoy(tmp_path)
    if kind == "a folder":
        (out / ".geokg" / "current").mkdir()
        (out / ".geokg" / "current" / "keep.txt").write_text("1", encoding="utf-8")
    else:
        os.symlink(elsewhere / "current", out / ".geokg" / "current")
    before = _snapshot(out)
    assert main(["build", str(corpora[1]), "-o", str(out), "--no-progress"]) == 2
    assert "/.geokg/current: not geokg's" in capsys.readouterr().err
    assert _untouched(elsewhere, files) and _snapshot(out) == before
    assert (out / ".geokg" / "current").exists()


def test_hostile_outdir_what_geokg_did_not_create_is_never_deleted(tmp_path, corpora):
    out = tmp_path / "out"
    build([corpora[0]], out)
    mine = {"notes.txt": "my notes", "run-notes": "mine", "x.tmp.keep": "mine too"}
    for name, text in mine.items():
        (out / ".geokg" / name).write_text(text, encoding="utf-8")
    (out / "graph.json.bak").write_text("a backup", encoding="utf-8")
    build([corpora[1]], out)
    assert _untouched(out / ".geokg", mine) and (out / "graph.json.bak").is_file()


def test_hostile_outdir_an_output_name_that_is_a_folder_is_refused(tmp_path, corpora, capsys):
    out = tmp_path / "out"
    (out / "graph.json").mkdir(parents=True)
    (out / "graph.json" / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["build", str(corpora[0]), "-o", str(out), "--no-progress"]) == 2
    assert "/graph.json: a folder where geokg writes its graph.json" in capsys.readouterr().err
    assert (out / "graph.json" / "keep.txt").read_text(encoding="utf-8") == "mine"
