"""Fault injection for `geokg build` (issue 13): kill -9 at random moments, and concurrent runs.

1. ``--kills`` runs (default 20; half with ``-j 2``) into one output folder,
   each killed with SIGKILL at a random moment between its start and 1.6
   times what a whole run takes (so about a third finish first, and some
   kills land while the outputs are written and swapped in). The runs alternate between two
   corpora with different outputs, so a mix of old and new files shows. After
   each kill the output folder holds the outputs of corpus A or of corpus B
   byte for byte, or (a kill in the middle of the moves of a commit) a set
   that its report.json does not call complete (``check_output_set``); a set
   that report.json calls complete but that is neither A nor B is *damaged*.
   No process the killed run started may still be alive after 10 s (an
   *orphan*). The next run finishes an interrupted commit and must leave
   nothing behind in ``.geokg`` but its lock and marker.
2. ``--pairs`` times (default 10), two runs started at once on the same
   folder: one must exit 0, the other 2 with "is in use by another geokg
   run", and the folder must hold a complete output set.

    .venv/bin/python bench/fault_injection.py
    .venv/bin/python bench/fault_injection.py --kills 6 --pairs 2 --seed 3

Prints one JSON line per run and a summary; exit status 1 if anything was
damaged or orphaned.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extract.run.outdir import check_output_set

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_db80d0d6cdafb80b.txt"
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
EXTRA = "米国は20日、イランに新たな制裁を科した。英国とフランスも同調した。\n"


def _cmd(corpus: Path, out: Path, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "extract.cli",
        "build",
        str(corpus),
        "-o",
        str(out),
        "--no-progress",
        "-j",
        str(workers),
    ]


def _env() -> dict[str, str]:
    return {**os.environ, "GEOKG_NO_CACHE": "1"}  # every run extracts: the kill lands in real work


def _snapshot(out: Path) -> dict[str, bytes] | None:
    try:
        return {n: (out / n).read_bytes() for n in OUTPUTS}
    except OSError:
        return None


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if fields[0] != "Z":
                parents[int(entry)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    out = set()
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if stat[stat.rindex(")") + 2] != "Z":
            out.add(pid)
    return out


def _timed_run(corpus: Path, out: Path, workers: int) -> float:
    started = time.perf_counter()
    r = subprocess.run(_cmd(corpus, out, workers), cwd=ROOT, capture_output=True, text=True, env=_env())
    if r.returncode != 0:
        raise SystemExit(f"a clean run failed: {r.stderr}")
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--copies", type=int, default=4, help="copies of the seed article in each corpus")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="geokg-faults-"))
    try:
        a, b = work / "a", work / "b"
        for corpus in (a, b):
            corpus.mkdir()
            for i in range(args.copies):
                shutil.copy(SEED, corpus / f"{i:02d}.txt")
        (b / "extra.txt").write_text(EXTRA, encoding="utf-8")
        out = work / "out"
        durations = {}
        expected = {}
        for workers in (1, 2):
            for name, corpus in (("a", a), ("b", b)):
                durations[workers] = _timed_run(corpus, out, workers)
                expected[name] = _snapshot(out)
        assert expected["a"] != expected["b"]
        sets = [expected["a"], expected["b"]]
        damaged = orphans = incomplete = 0
        for i in range(args.kills):
            workers = 2 if i % 2 else 1
            corpus = a if i % 4 < 2 else b
            at = rng.uniform(0.1, durations[workers] * 1.6)
            proc = subprocess.Popen(_cmd(corpus, out, workers), cwd=ROOT, env=_env(),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
            seen: set[int] = set()
            deadline = time.monotonic() + at
            while time.monotonic() < deadline and proc.poll() is None:
                seen |= _descendants(proc.pid)
                time.sleep(0.05)
            seen |= _descendants(proc.pid)
            finished = proc.poll() is not None
            if not finished:
                proc.send_signal(signal.SIGKILL)
            proc.wait()
            wait_until = time.monotonic() + 10
            while _alive(seen) and time.monotonic() < wait_until:
                time.sleep(0.1)
            left = _alive(seen)
            for pid in left:  # do not let them eat the machine for the next runs
                os.kill(pid, signal.SIGKILL)
            snap = _snapshot(out)
            ok = snap in sets
            called_complete = check_output_set(out) == []
            damaged += not ok and called_complete
            incomplete += not ok and not called_complete
            orphans += len(left)
            state = (
                ["a", "b"][sets.index(snap)] if ok else "DAMAGED" if called_complete else "not complete (no manifest)"
            )
            print(json.dumps({"run": i + 1, "workers": workers, "corpus": corpus.name, "kill_at_s": round(at, 2),
                              "finished_before_kill": finished, "output_set": state,
                              "processes_seen": len(seen), "orphans": len(left)}), flush=True)  # fmt: skip
        # the next run cleans up after the killed ones
        _timed_run(a, out, 1)
        state = out / ".geokg"
        stale = [p.name for p in state.iterdir() if p.name not in ("README.txt", "lock")]
        stale += [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
        assert check_output_set(out) == [] and _snapshot(out) == expected["a"]
        refused = wrong = 0
        for i in range(args.pairs):
            corpus = b if i % 2 else a
            procs = [subprocess.Popen(_cmd(corpus, out, 1), cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True) for _ in range(2)]  # fmt: skip
            results = [(p.wait(), p.communicate()[1]) for p in procs]
            codes = sorted(c for c, _ in results)
            busy = [e for c, e in results if c == 2]
            good = codes == [0, 2] and all("is in use by another geokg run (pid" in e for e in busy)
            good = good or codes == [0, 0]  # the second started after the first had finished
            refused += codes == [0, 2]
            wrong += not good
            snap = _snapshot(out)
            ok = snap == expected[corpus.name]
            damaged += not ok
            print(json.dumps({"pair": i + 1, "exit_codes": codes, "messages_right": good,
                              "output_set": corpus.name if ok else "DAMAGED"}), flush=True)  # fmt: skip
        summary = {
            "kills": args.kills,
            "pairs": args.pairs,
            "seconds_per_clean_run": {f"-j {w}": round(s, 1) for w, s in durations.items()},
            "damaged_output_sets": damaged,
            "killed_in_a_commit_and_not_called_complete": incomplete,
            "orphaned_processes": orphans,
            "stale_files_after_next_run": len(stale),
            "pairs_where_one_run_was_refused": refused,
            "pairs_with_wrong_exit_or_message": wrong,
        }
        print(json.dumps({"summary": summary}))
        return 1 if damaged or orphans or stale or wrong else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
