"""Peak memory of `geokg build` on one very long line without punctuation (issue 13).

Writes an article that is a single line of N characters (default 300,000)
with actor names and trigger words all along it but not one 。、 or space,
runs `geokg build` on it in a subprocess and reports the child's peak RSS.
Every piece names two actors, so every piece is parsed: the worst case for
the parser's memory.

    .venv/bin/python bench/long_line_memory.py               # 300,000 characters
    .venv/bin/python bench/long_line_memory.py --chars 100000 --comma-every 140

``--comma-every K`` puts a 、 every K characters (a line a sentence splitter
cannot cut below its 1,000-character limit).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNIT = "ロシアと北朝鮮が会談し米国は制裁を科す方針を示したとみられ"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=300_000)
    ap.add_argument("--comma-every", type=int, default=0)
    args = ap.parse_args()
    line = (UNIT * (args.chars // len(UNIT) + 1))[: args.chars]
    if args.comma_every:
        k = args.comma_every
        line = "、".join(line[i : i + k] for i in range(0, len(line), k))
    with tempfile.TemporaryDirectory() as d:
        article = Path(d) / "line.txt"
        article.write_text(line + "\n", encoding="utf-8")
        started = time.perf_counter()
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "extract.cli",
                "build",
                str(article),
                "-o",
                f"{d}/out",
                "--no-progress",
                "--no-cache",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "GEOKG_NO_CACHE": "1"},
        )
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        report = json.loads((Path(d) / "out" / "report.json").read_text(encoding="utf-8")) if r.returncode == 0 else {}
    row = report.get("inputs", [{}])[0]
    print(
        json.dumps(
            {
                "characters": len(line),
                "comma_every": args.comma_every or None,
                "exit": r.returncode,
                "seconds": round(seconds, 1),
                "peak_rss_mb": round(peak_mb),
                "sentences": row.get("sentences"),
                "relations": row.get("relations"),
            }
        )
    )
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)


if __name__ == "__main__":
    main()
