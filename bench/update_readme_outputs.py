#!/usr/bin/env python3
"""Rewrite the outputs of README.md's doctests from a real build of ``seeds/``.

    .venv/bin/python bench/update_readme_outputs.py [--check]

Runs the README's ```python blocks exactly as ``tests/test_readme.py`` does (in
a temporary folder laid out as a clone after ``geokg build seeds -o output``,
with the real GiNZA model), and replaces every doctest output that differs
with the one the code prints now; outputs that still match are left as they
are. Prints what changed. ``--check`` changes nothing and exits 1 if something
would change. Code that raises, or a plain block's false ``# value`` comment,
cannot be fixed this way: it is reported and the README is not written
(exit 2). Run by hand (the extraction rules change what the seed yields), then
``python -m pytest tests/test_readme.py`` and commit README.md.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_readme import (  # noqa: E402  (the path above first)
    README,
    Mismatch,
    fresh_copy,
    prepare_clone,
    python_sections,
    read_blocks,
    run_python_section,
)


def _as_want(got: str, indent: str) -> list[str]:
    """Output lines as a doctest shows them: a blank line is <BLANKLINE>."""
    return [indent + (line if line.strip() else "<BLANKLINE>") + "\n" for line in got.splitlines()]


def rewrite(text: str, mismatches: list[Mismatch]) -> str:
    """``text`` with each mismatched example's output replaced by what it printed."""
    lines = text.splitlines(keepends=True)
    # From the bottom up, so the line numbers above stay right.
    for m in sorted(mismatches, key=lambda m: m.block.line + m.example.lineno, reverse=True):
        first = m.block.line - 1 + m.example.lineno + m.example.source.count("\n")  # 0-based: the output's first line
        indent = " " * m.example.indent
        lines[first : first + m.example.want.count("\n")] = _as_want(m.got, indent)
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if the outputs are out of date")
    args = parser.parse_args(argv)

    os.environ["GEOKG_NO_CACHE"] = "1"  # a fresh extraction, and the reader's cache left alone
    text = README.read_text(encoding="utf-8")
    mismatches: list[Mismatch] = []
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="geokg-readme-") as tmp:
        clone = prepare_clone(Path(tmp) / "clone")
        for n, (section, blocks) in enumerate(python_sections(read_blocks(text)).items()):
            result = run_python_section(blocks, fresh_copy(clone, Path(tmp) / f"section-{n}"))
            mismatches += result.mismatches
            errors += [f"[{section}] {e}" for e in result.errors]
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print("README.md not written: fix the code above first", file=sys.stderr)
        return 2
    new = rewrite(text, mismatches)
    if new == text:
        print("README.md: every doctest output is up to date")
        return 0
    sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), new.splitlines(True), "README.md", "README.md"))
    if args.check:
        return 1
    README.write_text(new, encoding="utf-8")
    print(f"README.md: {len(mismatches)} output(s) rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
