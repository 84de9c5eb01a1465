"""Inputs that once hung a build (issue 20 item 2), at 1 MB and 4 MB: time and peak memory of each.

Every shape is read (``read_input``: decoding, markup, metadata) and then
extracted (``Extractor.extract``: sentences, the cheap pass, the document
level, the parse of what needs one) in a fresh process, the model loaded
before the clock starts. Reading and extracting must take time linear in the
input: the 4 MB file at most 5 times the 1 MB one.

    .venv/bin/python bench/slow_inputs.py                 # every shape, 1 MB and 4 MB
    .venv/bin/python bench/slow_inputs.py --sizes 0.25 1  # smaller, for a quick look
    .venv/bin/python bench/slow_inputs.py --only html_spans --no-extract

Prints a table (seconds, peak MB, ratio 4 MB / 1 MB); exit status 1 if any
ratio is over 5.
"""

from __future__ import annotations

import argparse
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


def measure_one(path: Path, extract: bool) -> dict[str, float | int]:
    """In this process: read ``path`` (and extract it), after warming up on a small file of the same shape."""
    from extract.read.io import SkippedInput, read_input

    shape = path.name.split("-")[0]
    with tempfile.TemporaryDirectory() as tmp:
        warm = write_shape(Path(tmp), shape, 2000)
        try:
            read_input(warm, max_bytes=10**9)
        except SkippedInput:
            pass
    extractor = None
    if extract:
        from extract.run.pipeline import Extractor, load

        extractor = Extractor(load())
        extractor.extract(read_input(ROOT / "seeds" / "000_db80d0d6cdafb80b.txt").document)
    started = time.perf_counter()
    try:
        document = read_input(path, max_bytes=10**9).document
    except SkippedInput:
        document = None
    read_s = time.perf_counter() - started
    read_peak = _peak_mb()
    extract_s = 0.0
    chars = sentences = 0
    if extractor is not None and document is not None:
        started = time.perf_counter()
        result = extractor.extract(document)
        extract_s = time.perf_counter() - started
        chars, sentences = len(document.text), result.sentences
    return {"read_s": read_s, "read_peak_mb": read_peak, "extract_s": extract_s, "peak_mb": _peak_mb(),
            "characters": chars, "sentences": sentences}  # fmt: skip


def _measure(path: Path, extract: bool) -> dict[str, float | int]:
    cmd = [sys.executable, __file__, "--measure", str(path)] + ([] if extract else ["--no-extract"])
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"{path.name}: {run.stderr}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", nargs=2, type=float, default=[1.0, 4.0], metavar="MB")
    ap.add_argument("--only", nargs="*", choices=sorted(SHAPES), default=None)
    ap.add_argument("--no-extract", action="store_true", help="time the reading only")
    ap.add_argument("--measure", metavar="FILE", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure_one(Path(args.measure), not args.no_extract)))
        return 0
    small, large = (int(mb * 1_000_000) for mb in args.sizes)
    rows, worst = [], 0.0
    with tempfile.TemporaryDirectory(prefix="geokg-slow-") as tmp:
        for name in args.only or SHAPES:
            got = [_measure(write_shape(Path(tmp), name, n), not args.no_extract) for n in (small, large)]
            totals = [float(g["read_s"]) + float(g["extract_s"]) for g in got]
            ratio = totals[1] / max(totals[0], 0.01)
            worst = max(worst, ratio)
            rows.append((name, got, totals, ratio))
            print(json.dumps({"shape": name, "sizes_mb": args.sizes, "results": got, "ratio": round(ratio, 2)}),
                  file=sys.stderr, flush=True)  # fmt: skip
    a, b = (f"{mb:g} MB" for mb in args.sizes)
    print(f"| shape | read {a} | read {b} | extract {a} | extract {b} | total ratio | peak {a} | peak {b} |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, got, _totals, ratio in rows:
        print(
            f"| {name} | {got[0]['read_s']:.2f} s | {got[1]['read_s']:.2f} s | {got[0]['extract_s']:.2f} s | "
            f"{got[1]['extract_s']:.2f} s | {ratio:.1f}× | {got[0]['peak_mb']:.0f} MB | {got[1]['peak_mb']:.0f} MB |"
        )
    print(f"worst ratio {large / small:g}× the input: {worst:.1f}× the time (limit 5×)")
    return 1 if worst > 5 else 0


if __name__ == "__main__":
    sys.exit(main())
