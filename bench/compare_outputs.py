"""Are two commits' outputs byte-identical? For refactors that must not change behaviour.

    python bench/compare_outputs.py BASE [HEAD]     (HEAD defaults to the working tree)

Each side is checked out into a temporary git worktree (the working tree as it
is for the default HEAD) and runs ``geokg build`` on the same inputs, given by
absolute path so that document names agree: the development corpus
(``tests/data/dev/texts``) and ``seeds/`` of the working tree, twice — once
together (one graph of many documents, the identity merge at work) and once
the seed alone. ``triples.jsonl``, ``graph.json`` and ``graph.graphml`` are
compared byte for byte; the first differing lines are printed. Exit 0 when all
are identical, 1 when not. No cache is used, so both sides really extract.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("triples.jsonl", "graph.json", "graph.graphml")


def _checkout(commit: str, into: Path) -> Path:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(into), commit], check=True)
    return into


def _build(tree: Path, inputs: list[Path], out: Path, cwd: Path) -> None:
    # Run from a folder outside both trees: document names are then the same absolute paths on each side.
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    cmd = [
        sys.executable,
        "-m",
        "extract.cli",
        "build",
        *map(str, inputs),
        "-o",
        str(out),
        "--no-cache",
        "--no-progress",
    ]
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if not (out / "triples.jsonl").exists():
        sys.exit(f"build failed in {tree}:\n{done.stderr[-2000:]}")


def _diff(a: Path, b: Path, name: str) -> bool:
    x, y = a.read_bytes(), b.read_bytes()
    if x == y:
        print(f"  same      {name} ({len(x):,} bytes)")
        return True
    print(f"  DIFFERENT {name} ({len(x):,} vs {len(y):,} bytes)")
    lines = difflib.unified_diff(
        x.decode("utf-8", "replace").splitlines(), y.decode("utf-8", "replace").splitlines(), lineterm="", n=0
    )
    for line in list(lines)[:12]:
        print("    " + line[:200])
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base", help="a commit (e.g. main~3)")
    ap.add_argument("head", nargs="?", default=None, help="a commit; default: the working tree")
    args = ap.parse_args(argv)
    corpus = [ROOT / "tests" / "data" / "dev" / "texts", ROOT / "seeds"]
    runs = {"corpus+seed": corpus, "seed": [ROOT / "seeds"]}
    ok = True
    with tempfile.TemporaryDirectory(prefix="geokg-compare-") as tmp:
        t = Path(tmp)
        trees = {"base": _checkout(args.base, t / "base")}
        trees["head"] = _checkout(args.head, t / "head") if args.head else ROOT
        try:
            for run, inputs in runs.items():
                for side, tree in trees.items():
                    _build(tree, inputs, t / side / "out" / run, cwd=t)
                print(f"{run}: {args.base} vs {args.head or 'working tree'}")
                for name in FILES:
                    ok &= _diff(t / "base" / "out" / run / name, t / "head" / "out" / run / name, name)
        finally:
            for tree in trees.values():
                if tree != ROOT:
                    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    print("identical" if ok else "outputs differ")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
