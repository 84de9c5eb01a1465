"""Faults and concurrency (issue 13): two runs on one OUTDIR, kills, SIGTERM, dying workers.

Real processes and real signals: `geokg build` runs as a subprocess where a
signal or a second run matters. The one injected fault is a worker that
dies on one document (``os._exit`` in the worker, as a crash in native code
or the OOM killer would end it): no real input makes a worker die on cue.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract.cli import main
from extract.run.parallel import ExtractorSpec, ProcessExtractor
from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.model

SENTENCE = "ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。"
OTHER = "米国がイランに制裁を科した。"
OUTPUTS = ("triples.jsonl", "graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.html")


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


def _leftovers(out: Path) -> list[str]:
    state = out / ".geokg"
    current = os.readlink(state / "current") if (state / "current").is_symlink() else None
    left = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    left += [
        p.name for p in state.iterdir() if p.name.endswith(".tmp") or (p.name.startswith("run-") and p.name != current)
    ]
    return left


def _staging(out: Path) -> list[Path]:
    """The output sets being written (not the one readers see)."""
    current = out / ".geokg" / "current"
    seen = os.readlink(current) if current.is_symlink() else None
    return [p for p in out.glob(".geokg/run-*/triples.jsonl") if p.parent.name != seen]


def _corpus(tmp_path: Path, n: int = 12) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(n):
        shutil.copy(SEED, d / f"{i:03d}.txt")
    return d


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "extract.cli", "build", *args, "--no-progress"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(condition, proc: subprocess.Popen, what: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _children(pid: int) -> set[int]:
    """The live processes whose parent is ``pid`` (from /proc)."""
    out = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            out.add(int(entry))
    return out


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if state[state.rindex(")") + 2] != "Z":  # a zombie has ended; only its exit status is left
            alive.add(pid)
    return alive


def _wait_gone(pids: set[int], timeout: float = 30) -> set[int]:
    deadline = time.monotonic() + timeout
    while _alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _alive(pids)


@pytest.fixture
def previous(tmp_path, seed_copy) -> Path:
    out = tmp_path / "out"
    assert main(["build", str(seed_copy), "-o", str(out), "--no-progress"]) == 0
    return out


# -- 5. one run at a time --------------------------------------------------------------------------


def test_hostile_outdir_in_use_is_exit_2_at_once(previous, seed_copy, capsys):
    from extract.run.outdir import OutputFolder

    before = _snapshot(previous)
    with OutputFolder(previous, []).locked():  # another run holds it
        started = time.perf_counter()
        assert main(["build", str(seed_copy), "-o", str(previous), "--no-progress"]) == 2
        assert time.perf_counter() - started < 5  # at once: nothing read, no model loaded
    err = capsys.readouterr().err
    assert f"geokg: error: {previous} is in use by another geokg run (pid {os.getpid()})" in err
    assert _snapshot(previous) == before and _leftovers(previous) == []
    assert main(["build", str(seed_copy), "-o", str(previous), "--no-progress"]) == 0  # free again


def test_hostile_two_concurrent_runs(previous, tmp_path):
    first = _start(str(_corpus(tmp_path)), "-o", str(previous))
    _wait_for(lambda: _staging(previous), first, "the first run to start writing")
    second = _start(str(tmp_path / "corpus"), "-o", str(previous))
    _out, err = second.communicate(timeout=60)
    assert second.returncode == 2, err
    assert f"is in use by another geokg run (pid {first.pid})" in err and "Traceback" not in err
    _out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert _report(previous)["totals"]["processed"] == 12 and _leftovers(previous) == []


# -- 11. nothing read: the previous outputs stay; the swap is one step -----------------------------


def test_hostile_run_where_every_input_fails_keeps_the_previous_outputs(previous, tmp_path, capsys):
    before = _snapshot(previous)
    d = tmp_path / "bad"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "moved.txt").symlink_to(tmp_path / "gone.txt")
    assert main(["build", str(d), "-o", str(previous), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert f"the previous outputs in {previous}/ are left as they were" in err
    assert "moved.txt: no such file" in err  # the reasons are still shown
    assert _snapshot(previous) == before and _leftovers(previous) == []


def test_hostile_outputs_are_plain_files_and_report_json_their_manifest(previous):
    from extract.run.outdir import check_output_set

    for name in (*OUTPUTS, "report.json"):
        assert (previous / name).is_file() and not (previous / name).is_symlink()
    assert check_output_set(previous) == []


def test_hostile_interrupt_just_before_the_commit_leaves_every_old_file(tmp_path, seed_copy, monkeypatch):
    """Ctrl-C once every output is written but before the first is moved in: the old set, whole."""
    from extract.run import outdir

    out = tmp_path / "out"
    assert main(["build", str(seed_copy), "-o", str(out), "--no-progress"]) == 0
    before = _snapshot(out)

    def interrupted(self, run):
        raise KeyboardInterrupt  # Ctrl-C at the worst moment before the moves

    monkeypatch.setattr(outdir.OutputFolder, "commit", interrupted)
    (seed_copy / "more.txt").write_text(OTHER, encoding="utf-8")
    assert main(["build", str(seed_copy), "-o", str(out), "--no-progress"]) == 130
    assert _snapshot(out) == before and _leftovers(out) == []
    monkeypatch.undo()
    assert main(["build", str(seed_copy), "-o", str(out), "--no-progress"]) == 0
    assert _leftovers(out) == [] and "more.txt" in (out / "triples.jsonl").read_text(encoding="utf-8")


# -- 6. workers die with the parent; SIGTERM cleans up; a dead worker costs only its document --------


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill -9", "SIGTERM"])
def test_hostile_workers_die_with_the_parent(previous, tmp_path, sig):
    before = _snapshot(previous)
    proc = _start(str(_corpus(tmp_path)), "-o", str(previous), "-j", "2")
    _wait_for(lambda: _staging(previous), proc, "the run to start writing")
    _wait_for(lambda: len(_children(proc.pid)) >= 2, proc, "the worker processes")
    time.sleep(3)  # the workers are loading the model or extracting
    workers = _children(proc.pid)
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=120)
    assert _wait_gone(workers) == set(), "worker processes outlived the parent"
    assert _snapshot(previous) == before
    if sig == signal.SIGTERM:
        assert proc.returncode == 128 + signal.SIGTERM, err
        assert "terminated; earlier outputs are left as they were" in err and "Traceback" not in err
        assert _leftovers(previous) == []
    else:
        assert proc.returncode == -signal.SIGKILL


@dataclass(frozen=True, slots=True)
class CrashingSpec(ExtractorSpec):
    """An extractor whose worker process dies on any document saying 墜落 (a crash in native code)."""

    def create(self):
        return _Crashing(ExtractorSpec.create(self))


class _Crashing:
    def __init__(self, real):
        self.real, self.version, self.prefilter = real, real.version, real.prefilter

    def pipe(self, documents):
        for d in documents:
            if "墜落" in d.text:
                os._exit(70)
            yield from self.real.pipe([d])


def test_hostile_a_dead_worker_fails_only_its_document(tmp_path):
    from extract.run.runner import build

    d = tmp_path / "in"
    d.mkdir()
    texts = [SENTENCE, OTHER, "墜落。" + OTHER, SENTENCE, OTHER, SENTENCE]
    for i, text in enumerate(texts):
        (d / f"{i}.txt").write_text(text, encoding="utf-8")
    workers = ProcessExtractor(2, CrashingSpec(), chunk_docs=2)
    try:
        report = build([str(d)], tmp_path / "out", extractor=workers, progress=False)
    finally:
        workers._kill_pool()
    status = {Path(r.path).name: r.status for r in report.inputs}
    assert status == {f"{i}.txt": "failed" if i == 2 else "processed" for i in range(6)}
    (failed,) = report.failed
    assert "the worker process extracting it died" in failed.reason
    assert report.relations == 5
