"""Time to read hostile and large HTML pages: linear in the page size (issue 13).

For each page shape, builds pages of growing size and times
``extract.read.io.html_to_text`` on them (best of ``--runs``), printing seconds
and seconds per MB; a linear reader keeps the second figure flat.

    .venv/bin/python bench/html_reading.py
    .venv/bin/python bench/html_reading.py --sizes 0.25 0.5 1 2 --runs 3

Shapes: ``asides`` (n <aside> then n </nav>: 115 s for 1.3 MB in the old
html.parser reader), ``paragraphs`` (a long article), ``links`` (a page of
link lists), ``chains`` (blocks nested 200 deep, repeated), ``jsonld`` (a
JSON-LD block nested as deep as it is long).
"""

from __future__ import annotations

import argparse
import json
import time

P = "<p>ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。</p>"


def page(shape: str, mb: float) -> str:
    target = int(mb * 1_000_000)
    if shape == "asides":
        n = target // 13
        return "<html><body>" + "<aside>" * n + "</nav>" * n + P + "</body></html>"
    if shape == "paragraphs":
        return "<html><body><article>" + P * (target // len(P.encode())) + "</article></body></html>"
    if shape == "links":
        unit = "<div><a href='/x'>関連記事のリンク</a></div>"
        return "<html><body>" + unit * (target // len(unit.encode())) + P * 5 + "</body></html>"
    if shape == "chains":
        unit = "<div>" * 200 + P + "</div>" * 200
        return "<html><body>" + unit * (target // len(unit.encode())) + "</body></html>"
    if shape == "jsonld":
        n = target // 2
        return (
            f'<html><head><script type="application/ld+json">{"[" * n + "]" * n}</script></head><body>{P}</body></html>'
        )
    raise ValueError(shape)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.325, 0.65, 1.3])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--shapes", nargs="+", default=["asides", "paragraphs", "links", "chains", "jsonld"])
    args = ap.parse_args()
    from extract.read.io import html_to_text

    html_to_text(P)  # imports
    for shape in args.shapes:
        for mb in args.sizes:
            markup = page(shape, mb)
            best = min(_time(html_to_text, markup) for _ in range(args.runs))
            size = len(markup.encode()) / 1e6
            print(json.dumps({"shape": shape, "mb": round(size, 2), "seconds": round(best, 3),
                              "s_per_mb": round(best / size, 3)}))  # fmt: skip


def _time(f, markup: str) -> float:
    started = time.perf_counter()
    f(markup)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
