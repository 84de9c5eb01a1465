"""Inputs that once hung a build (issue 20 item 2), at 1 MB and 4 MB: time and peak memory of each.

Every shape is read (``read_input``: decoding, markup, metadata) in a fresh
process, and extracted (``Extractor.extract``: sentences, the cheap pass,
the document level, the parse of what needs one) in another, the model
loaded before the clock starts. Reading and extracting must take time linear in the
input: the 4 MB file at most 5 times the 1 MB one.

    .venv/bin/python bench/slow_inputs.py                 # every shape, 1 MB and 4 MB
    .venv/bin/python bench/slow_inputs.py --sizes 0.25 1  # smaller, for a quick look
    .venv/bin/python bench/slow_inputs.py --only html_spans --no-extract

Prints a table: seconds to read and to extract each size (the best of three), the ratio of the
totals (4 MB / 1 MB), the peak memory of the process that reads (no model
loaded) and what extracting adds to the peak of a process holding the
model. Exit status 1 if any ratio is over 5.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。\n"


def _txt_blank_lines(n: int) -> str:  # the voice detection's ^\s*…$ MULTILINE crossed the lines
    return ARTICLE + " \n" * ((n - len(ARTICLE.encode())) // 2)


def _md_front_matter(n: int) -> str:  # the front matter's `key: value` pattern backtracked on the spaces
    return "---\ntitle: x" + " " * n + "y\n---\n" + ARTICLE


def _html_spaces(n: int) -> str:  # the line-break pattern next to Japanese text
    return "<p>a" + " " * n + "b</p>"


def _html_tabs(n: int) -> str:
    return "<p>a" + "\t" * n + "b</p>"


def _html_pre(n: int) -> str:
    return "<pre>" + "\n" * n + "</pre>"


def _html_spans(n: int) -> str:  # trafilatura's time grows faster than the number of elements
    return "<p>" + "<span>あ</span>" * (n // 16) + "</p>"


def _html_attributes(n: int) -> str:  # libxml2 checks each attribute against the ones before it
    count = n // 8
    return "<p " + " ".join(f"a{i}" for i in range(count)) + ">" + ARTICLE + "</p>"


# name -> (file suffix, text of about n bytes)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "txt_blank_lines": (".txt", _txt_blank_lines),
    "md_front_matter": (".md", _md_front_matter),
    "html_spaces": (".html", _html_spaces),
    "html_tabs": (".html", _html_tabs),
    "html_pre_newlines": (".html", _html_pre),
    "html_spans": (".html", _html_spans),
    "html_attributes": (".html", _html_attributes),
}


def write_shape(folder: Path, name: str, n: int) -> Path:
    suffix, make = SHAPES[name]
    path = folder / f"{name}-{n}{suffix}"
    path.write_text(make(n), encoding="utf-8")
    return path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(path: Path, phase: str, repeat: int = 3) -> dict[str, float]:
    """In this process: read ``path`` ("read"), or read and then extract it ("extract", the model loaded
    and warmed up first); seconds, and the peak memory the phase added to what was there before it."""
    from extract.read.io import SkippedInput, read_input

    shape = path.name.split("-")[0]
    with tempfile.TemporaryDirectory() as tmp:
        warm = write_shape(Path(tmp), shape, 2000)  # imports and a first page, off the clock
        with contextlib.suppress(SkippedInput):
            read_input(warm, max_bytes=10**9)
    extractor = None
    if phase == "extract":
        from extract.run.pipeline import Extractor, load

        extractor = Extractor(load())
        extractor.extract(read_input(ROOT / "seeds" / "000_db80d0d6cdafb80b.txt").document)
    try:
        document = read_input(path, max_bytes=10**9).document if extractor is not None else None
    except SkippedInput:
        document = None
    before = _peak_mb()
    times = []
    for _ in range(repeat):  # the best of a few: the machine may be busy with other work
        started = time.perf_counter()
        if extractor is None:
            with contextlib.suppress(SkippedInput):
                read_input(path, max_bytes=10**9)
        elif document is not None:
            extractor.extract(document)
        times.append(time.perf_counter() - started)
    return {"seconds": min(times), "peak_mb": _peak_mb(), "added_mb": _peak_mb() - before}


def _measure(path: Path, phase: str, repeat: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--measure", str(path), "--phase", phase, "--repeat", str(repeat)]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"{path.name}: {run.stderr}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", nargs=2, type=float, default=[1.0, 4.0], metavar="MB")
    ap.add_argument("--only", nargs="*", choices=sorted(SHAPES), default=None)
    ap.add_argument("--no-extract", action="store_true", help="time the reading only")
    ap.add_argument("--repeat", type=int, default=3, help="time each this many times, keep the best (default 3)")
    ap.add_argument("--measure", metavar="FILE", help=argparse.SUPPRESS)
    ap.add_argument("--phase", choices=["read", "extract"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure_one(Path(args.measure), args.phase, args.repeat)))
        return 0
    sizes = [int(mb * 1_000_000) for mb in args.sizes]
    phases = ["read"] if args.no_extract else ["read", "extract"]
    a, b = (f"{mb:g} MB" for mb in args.sizes)
    head = [f"{p} {x}" for p in phases for x in (a, b)] + ["ratio"] + [f"peak of reading {x}" for x in (a, b)]
    if not args.no_extract:
        head += [f"added by extracting {x}" for x in (a, b)]
    print("| shape | " + " | ".join(head) + " |")
    print("|" + " --- |" * (len(head) + 1))
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="geokg-slow-") as tmp:
        for name in args.only or SHAPES:
            files = [write_shape(Path(tmp), name, n) for n in sizes]
            got = {p: [_measure(f, p, args.repeat) for f in files] for p in phases}
            totals = [sum(got[p][i]["seconds"] for p in phases) for i in (0, 1)]
            ratio = totals[1] / max(totals[0], 0.01)  # below 10 ms, noise: timed as 10 ms
            worst = max(worst, ratio)
            cells = [f"{m['seconds']:.2f} s" for p in phases for m in got[p]] + [f"{ratio:.1f}×"]
            cells += [f"{m['peak_mb']:.0f} MB" for m in got["read"]]
            if not args.no_extract:
                cells += [f"{m['added_mb']:.0f} MB" for m in got["extract"]]
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    print(f"\nworst: {sizes[1] / sizes[0]:g}× the input took {worst:.1f}× the time (limit 5×)")
    return 1 if worst > 5 else 0


if __name__ == "__main__":
    sys.exit(main())
