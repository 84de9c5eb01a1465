"""`geokg build` on bad input and interrupted runs: every input accounted for, nothing lost.

Real files in ``tmp_path``; the CLI runs in-process through ``extract.cli.main``
(the GiNZA model is loaded once per session) or, where the exit status, the
messages or a real signal matter, as a subprocess. A fault is injected with
monkeypatch only where no real input causes it (an extractor bug, a full disk,
a crash while writing).
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.cli import main
from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.model

OUTPUTS = (
    "triples.jsonl",
    "graph.json",
    "graph.graphml",
    "graph.gexf",
    "nodes.csv",
    "edges.csv",
    "graph.html",
    "report.json",
)
SENTENCE = "ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。"


def _geokg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout
    )


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _by_path(report: dict) -> dict[str, dict]:
    return {Path(i["path"]).name: i for i in report["inputs"]}


def _snapshot(out: Path) -> dict[str, bytes]:
    """What a reader of the output folder sees (geokg's own state in .geokg/ aside)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


def _temporaries(out: Path) -> list[str]:
    """Temporary files and output sets that no reader sees (what a killed run leaves)."""
    state = out / ".geokg"
    current = os.readlink(state / "current") if (state / "current").is_symlink() else None
    left = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    if state.is_dir():
        left += [
            f".geokg/{p.name}"
            for p in state.iterdir()
            if p.name.endswith(".tmp") or (p.name.startswith("run-") and p.name != current)
        ]
    return sorted(left)


@pytest.fixture
def mixed(tmp_path) -> Path:
    """A scrape folder: articles in four encodings and three formats, and things that are not articles."""
    d = tmp_path / "scraped"
    (d / "sub").mkdir(parents=True)
    shutil.copy(SEED, d / "seed.txt")
    (d / "sjis.txt").write_bytes(SENTENCE.encode("shift_jis"))
    (d / "euc.txt").write_bytes(SENTENCE.encode("euc_jp"))
    (d / "sub" / "jis.txt").write_bytes(SENTENCE.encode("iso2022_jp"))
    (d / "bom.md").write_bytes(codecs.BOM_UTF8 + f"---\ndate: 2024-06-19\n---\n# 露朝\n\n{SENTENCE}\n".encode())
    (d / "page.html").write_text(
        '<html><head><meta property="article:published_time" content="2024-06-19"><title>露朝</title>'
        f'<script>var s = "米国がイランに制裁を科した。";</script></head><body><p>{SENTENCE}</p></body></html>',
        encoding="utf-8",
    )
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"\n \t\n")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (d / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (d / ".DS_Store").write_bytes(b"\x00")
    return d


def test_runner_report_accounts_for_every_input(mixed, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(mixed), "-o", str(out), "--no-progress"]) == 0
    captured = capsys.readouterr()
    report = _report(out)
    rows = _by_path(report)
    assert list(rows) == [
        "binary.txt",
        "blank.txt",
        "bom.md",
        "empty.txt",
        "euc.txt",
        "page.html",
        "photo.jpg",
        "seed.txt",
        "sjis.txt",
        "jis.txt",
    ]  # sorted by path; sub/jis.txt last
    assert [i["path"] for i in report["inputs"]] == sorted(i["path"] for i in report["inputs"])
    expected = {  # name: (status, encoding, format)
        "seed.txt": ("processed", "utf-8", "seed"),
        "sjis.txt": ("processed", "cp932", "text"),
        "euc.txt": ("processed", "euc_jp", "text"),
        "jis.txt": ("processed", "iso2022_jp", "text"),
        "bom.md": ("processed", "utf-8-sig", "markdown"),
        "page.html": ("processed", "utf-8", "html"),
        "empty.txt": ("skipped", None, None),
        "blank.txt": ("skipped", None, None),
        "binary.txt": ("skipped", None, None),
        "photo.jpg": ("skipped", None, None),
    }
    assert {k: (v["status"], v["encoding"], v["format"]) for k, v in rows.items()} == expected
    for name, row in rows.items():
        if row["status"] == "processed":
            assert row["reason"] == "" and row["characters"] > 0 and row["sentences"] > 0
        else:
            assert name in row["reason"] and row["relations"] == 0
            assert f"skipped: {row['reason']}" in captured.err
    assert rows["seed.txt"]["url"].startswith("https://www.nikkei.com/")
    assert rows["page.html"]["date"] == rows["bom.md"]["date"] == "2024-06-19"
    assert rows["page.html"]["relations"] >= 1
    assert report["totals"] == {
        "inputs": 10,
        "processed": 6,
        "skipped": 4,
        "failed": 0,
        "warnings": 0,
        "characters": sum(r["characters"] for r in rows.values()),
        "sentences": sum(r["sentences"] for r in rows.values()),
        "relations": sum(r["relations"] for r in rows.values()),
        "actors": report["totals"]["actors"],
        "edges": report["totals"]["edges"],
    }
    assert report["outputs"] == list(OUTPUTS)
    triples = (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(triples) == report["totals"]["relations"]
    page = [json.loads(t) for t in triples if json.loads(t)["doc"].endswith("page.html")]
    assert page and all("制裁" not in t["sentence"] for t in page)  # the page's script is not text
    assert "6 processed, 4 skipped" in captured.out


def test_runner_cli_exit_codes_and_messages(mixed, tmp_path):
    broken = mixed / "moved.txt"
    broken.symlink_to(tmp_path / "gone.txt")  # a file that cannot be read, even by root
    out = tmp_path / "out"
    r = _geokg("build", str(mixed), "-o", str(out), "--no-progress")
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert f"failed: {broken}: no such file: a symbolic link to" in r.stderr
    assert "6 processed, 4 skipped, 1 failed" in r.stdout
    rows = _by_path(_report(out))
    assert rows["moved.txt"]["status"] == "failed"
    assert all(rows[n]["status"] == "processed" for n in ("seed.txt", "sjis.txt", "page.html"))
    assert (out / "triples.jsonl").stat().st_size > 0  # the others are still written

    usage = _geokg("build", str(mixed / "nope.txt"), str(tmp_path / "nofolder"), "-o", str(out))
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    assert "nope.txt" in usage.stderr and "nofolder" in usage.stderr and "no such file or folder" in usage.stderr

    bad_option = _geokg("build", "--frobnicate")
    assert bad_option.returncode == 2 and "Traceback" not in bad_option.stderr


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading (the broken-symlink case "
    "in test_runner_cli_exit_codes_and_messages covers an unreadable file)",
)
def test_runner_unreadable_file_fails_and_the_rest_is_written(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(SENTENCE, encoding="utf-8")
    locked = d / "locked.txt"
    locked.write_text(SENTENCE, encoding="utf-8")
    locked.chmod(0)
    try:
        assert main(["build", str(d), "-o", str(tmp_path / "out"), "--no-progress"]) == 1
    finally:
        locked.chmod(0o644)
    rows = _by_path(_report(tmp_path / "out"))
    assert rows["locked.txt"]["status"] == "failed" and "permission denied" in rows["locked.txt"]["reason"]
    assert rows["a.txt"]["status"] == "processed"
    assert "permission denied; make the file readable" in capsys.readouterr().err


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from listing a folder",
)
def test_runner_unlistable_folder_fails(tmp_path, capsys):
    d = tmp_path / "in"
    (d / "private").mkdir(parents=True)
    (d / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (d / "private").chmod(0)
    try:
        assert main(["build", str(d), "-o", str(tmp_path / "out"), "--no-progress"]) == 1
    finally:
        (d / "private").chmod(0o755)
    rows = _by_path(_report(tmp_path / "out"))
    assert rows["private"]["status"] == "failed" and "cannot list this folder" in rows["private"]["reason"]


def test_runner_extraction_error_costs_only_that_article(tmp_path, monkeypatch, capsys):
    """A bug the extractor hits on one article (no real input triggers one today: injected)."""
    from extract.run.pipeline import Extractor

    d = tmp_path / "in"
    d.mkdir()
    for name in ("a.txt", "bad.txt", "c.txt"):
        (d / name).write_text(("不具合。" if name == "bad.txt" else "") + SENTENCE, encoding="utf-8")
    real = Extractor._prepare

    def prepare(self, text, *args, **kwargs):
        if text.startswith("不具合"):
            raise ValueError("tokens out of step")
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(Extractor, "_prepare", prepare)
    out = tmp_path / "out"
    assert main(["build", str(d), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    rows = _by_path(_report(out))
    assert rows["bad.txt"]["status"] == "failed"
    assert "extraction failed (ValueError: tokens out of step)" in rows["bad.txt"]["reason"]
    assert "bad.txt: extraction failed" in err
    assert rows["a.txt"]["status"] == rows["c.txt"]["status"] == "processed"
    docs = {json.loads(line)["doc"] for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()}
    assert docs == {str(d / "a.txt"), str(d / "c.txt")}


_FAULTY_BUILD = """
import sys
from extract.run.pipeline import Extractor
real = Extractor._prepare
def prepare(self, text, *args, **kwargs):
    if text.startswith("不具合"):
        raise ValueError("tokens out of step")
    return real(self, text, *args, **kwargs)
Extractor._prepare = prepare
from extract.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    "verbose",
    [
        False,
        True,
    ],
)
def test_runner_extraction_bug_shows_a_traceback_only_with_verbose(tmp_path, verbose):
    d = tmp_path / "in"
    d.mkdir()
    (d / "bad.txt").write_text("不具合。" + SENTENCE, encoding="utf-8")
    (d / "ok.txt").write_text(SENTENCE, encoding="utf-8")
    args = [*(["-v"] if verbose else []), "build", str(d), "-o", str(tmp_path / "out"), "--no-progress"]
    r = subprocess.run(
        [sys.executable, "-c", _FAULTY_BUILD, *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert r.returncode == 1
    assert f"failed: {d / 'bad.txt'}: extraction failed (ValueError: tokens out of step)" in r.stderr
    assert ("Traceback" in r.stderr) == verbose


class _BatchingExtractor:
    """An extractor with the pipe contract that fails a whole batch when one document is bad."""

    version = "fake"

    def __init__(self, real, batch: int = 4):
        self.real, self.batch, self.calls = real, batch, 0

    def pipe(self, documents):
        self.calls += 1
        pending = []
        for doc in documents:
            pending.append(doc)
            if len(pending) == self.batch:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    def _flush(self, pending):
        if any("不具合" in d.text for d in pending):
            raise MemoryError("parser ran out of memory")
        for d in pending:
            yield self.real.extract(d)


def test_runner_batch_failure_is_narrowed_to_its_culprit(tmp_path, extractor, capsys):
    from extract.run.runner import build

    d = tmp_path / "in"
    d.mkdir()
    for i in range(10):
        (d / f"{i}.txt").write_text(("不具合。" if i == 5 else "") + SENTENCE, encoding="utf-8")
    fake = _BatchingExtractor(extractor)
    report = build([str(d)], tmp_path / "out", extractor=fake, progress=False)
    assert [Path(r.path).name for r in report.failed] == ["5.txt"]
    assert "extraction failed (MemoryError: parser ran out of memory)" in report.failed[0].reason
    assert report.failed[0].traceback and "MemoryError" in report.failed[0].traceback
    assert len(report.processed) == 9 and report.relations == 9
    assert _report(tmp_path / "out")["totals"]["failed"] == 1


def test_runner_extractor_that_cannot_run_at_all_raises(tmp_path):
    from extract.run.runner import build

    class Broken:
        def pipe(self, documents):
            raise RuntimeError("no model")
            yield  # a generator

    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    with pytest.raises(RuntimeError, match="no model"):
        build([str(tmp_path / "a.txt")], tmp_path / "out", extractor=Broken(), progress=False)
    assert _snapshot(tmp_path / "out") == {} and _temporaries(tmp_path / "out") == []  # nothing half written


def test_runner_no_readable_input_writes_empty_outputs_and_exits_1(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["build", str(d), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "no article could be read" in err and "Traceback" not in err
    assert (out / "triples.jsonl").read_bytes() == b""
    assert _report(out)["totals"]["processed"] == 0
    assert sorted(_snapshot(out)) == sorted(OUTPUTS)


def test_runner_output_folder_that_is_a_file_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    assert main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")]) == 2
    assert "out: exists and is not a folder; choose another -o OUTDIR" in capsys.readouterr().err


def test_runner_outputs_and_inputs_in_one_folder(tmp_path, capsys):
    # `geokg build . -o output` must not read its own graph.html back as an article
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    for _ in range(2):
        assert main(["build", str(tmp_path), "-o", str(tmp_path / "output"), "--no-progress"]) == 0
    assert [i["path"] for i in _report(tmp_path / "output")["inputs"]] == [str(tmp_path / "a.txt")]


# -- atomicity ----------------------------------------------------------------------------------


@pytest.fixture
def previous(tmp_path, seed_build) -> Path:
    """An output folder holding the outputs of an earlier, successful run."""
    out = tmp_path / "out"
    shutil.copytree(seed_build, out, ignore=shutil.ignore_patterns(".geokg"))  # as plain files, as older geokg wrote
    return out


def test_runner_crash_while_writing_leaves_previous_outputs(previous, seed_copy, monkeypatch):
    import graph

    before = _snapshot(previous)

    def crash(G, path, **kw):
        Path(path).write_text("<!DOCTYPE html><html><body>half a ma", encoding="utf-8")
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(graph, "render_html", crash)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        main(["build", str(seed_copy), "-o", str(previous), "--no-progress"])
    assert _snapshot(previous) == before
    assert _temporaries(previous) == []


def test_runner_disk_full_leaves_previous_outputs(previous, seed_copy, monkeypatch, capsys):
    import errno

    import graph

    before = _snapshot(previous)

    def full(G, path):
        Path(path).write_text("<?xml version='1.0'?><graphml><gra", encoding="utf-8")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(graph, "write_graphml", full)
    assert main(["build", str(seed_copy), "-o", str(previous), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "previous outputs are left as they were" in err
    assert "Traceback" not in err
    assert _snapshot(previous) == before
    assert _temporaries(previous) == []


def _staging(out: Path) -> list[Path]:
    """The output sets being written (not the one readers see)."""
    current = out / ".geokg" / "current"
    seen = os.readlink(current) if current.is_symlink() else None
    return [p for p in out.glob(".geokg/run-*/triples.jsonl") if p.parent.name != seen]


def _slow_corpus(tmp_path: Path, n: int = 12) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(n):
        shutil.copy(SEED, d / f"{i:03d}.txt")
    return d


def _start_and_wait_for_staging(corpus: Path, out: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "extract.cli", "build", str(corpus), "-o", str(out), "--no-progress"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not _staging(out):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.05)
    time.sleep(0.5)  # well inside the extraction of the corpus
    return proc


def test_runner_ctrl_c_leaves_previous_outputs(previous, tmp_path):
    before = _snapshot(previous)
    proc = _start_and_wait_for_staging(_slow_corpus(tmp_path), previous)
    proc.send_signal(signal.SIGINT)
    _stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "interrupted; earlier outputs are left as they were" in stderr and "Traceback" not in stderr
    assert _snapshot(previous) == before
    assert _temporaries(previous) == []


def test_runner_killed_run_leaves_previous_outputs(previous, tmp_path, seed_copy):
    before = _snapshot(previous)
    proc = _start_and_wait_for_staging(_slow_corpus(tmp_path), previous)
    proc.kill()  # SIGKILL: no clean-up at all
    proc.communicate(timeout=60)
    leftovers = _temporaries(previous)
    assert leftovers  # a killed process cannot remove its temporary files ...
    assert {n: b for n, b in _snapshot(previous).items() if n in OUTPUTS} == before  # ... but never touched these
    # the next run removes what the killed one left
    assert main(["build", str(seed_copy), "-o", str(previous), "--no-progress"]) == 0
    assert _temporaries(previous) == []


# -- determinism ----------------------------------------------------------------------------------


def test_runner_same_input_gives_byte_identical_outputs(tmp_path, mixed):
    shutil.rmtree(mixed / "sub")
    names = sorted(str(p) for p in mixed.iterdir())
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["build", *names, "-o", str(a), "--no-progress"]) == 0
    assert main(["build", *reversed(names), "-o", str(b), "--no-progress"]) == 0
    first, second = _snapshot(a), _snapshot(b)
    assert sorted(first) == sorted(OUTPUTS)
    for name in OUTPUTS:
        assert first[name] == second[name], name


# -- many files -----------------------------------------------------------------------------------


def _lookahead(tmp_path: Path, monkeypatch, texts: list[str], extractor) -> int:
    """How many files were read ahead of the extraction results, at most, during a build."""
    import graph
    from extract.run.reading import ReaderProcess

    d = tmp_path / "in"
    d.mkdir()
    for i, text in enumerate(texts):
        (d / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    reads = finished = most = 0
    read, add = ReaderProcess.read, graph.add_results

    def counting_read(self, p, **kw):
        nonlocal reads, most
        reads += 1
        most = max(most, reads - finished)
        return read(self, p, **kw)

    def counting_add(G, results, **kwargs):
        nonlocal finished
        results = list(results)
        finished += len(results)
        return add(G, results, **kwargs)

    monkeypatch.setattr(ReaderProcess, "read", counting_read)
    monkeypatch.setattr(graph, "add_results", counting_add)
    from extract.run.runner import build

    report = build([str(d)], tmp_path / "out", extractor=extractor, progress=False)
    assert finished == len(report.processed) == len(texts)
    return most


@pytest.mark.parametrize(
    "kind",
    [
        "news",
        "no actors",
    ],
)
def test_runner_reads_files_only_as_fast_as_they_are_extracted(tmp_path, monkeypatch, nlp, kind):
    """Texts are never all held at once: the read-ahead is bounded by the extractor's batch."""
    from extract.run.pipeline import Extractor

    small_batches = Extractor(nlp, batch_size=4)
    n = 60
    text = SENTENCE if kind == "news" else "きょうの天気は晴れだった。"
    most = _lookahead(tmp_path, monkeypatch, [text] * n, small_batches)
    assert most <= 4 * small_batches.batch_size + 1 < n


def test_runner_folder_with_thousands_of_files(tmp_path, capsys):
    d = tmp_path / "many"
    for i in range(2000):
        sub = d / f"{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = SENTENCE if i % 400 == 0 else f"きょうの天気は晴れ、気温は{i % 30}度だった。"
        (sub / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    (d / "00" / "00007.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["build", str(d), "-o", str(out), "--no-progress"]) == 0
    report = _report(out)
    assert report["totals"]["inputs"] == 2000
    assert report["totals"]["processed"] == 1999 and report["totals"]["skipped"] == 1
    assert report["totals"]["relations"] >= 5
    assert "2000 inputs (1999 processed, 1 skipped)" in capsys.readouterr().out
