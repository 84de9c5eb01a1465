#!/usr/bin/env python3
"""Actor recognition on the Stockmark NER Wikipedia data set: geokg vs raw GiNZA NER.

    .venv/bin/python bench/ner_wikipedia.py [--data PATH] [--limit 2000]

Scores persons (人名), political organisations (政治的組織名) and places (地名)
by exact character spans, for GiNZA's NER alone (its ENE labels mapped to the
three types) and for geokg's recogniser (extract.actors.recognize: gazetteer,
title rules and NER together). Run by hand; the figures go in the README.
The data (CC BY-SA 3.0) is not part of this repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOLD_TYPES = {"人名": "person", "政治的組織名": "political", "地名": "place"}

# GiNZA's ENE labels (Sekine's Extended Named Entity hierarchy) for the three types.
GINZA_MAP = {
    "Person": "person",
    "Government": "political",
    "Military": "political",
    "International_Organization": "political",
    "Political_Party": "political",
    "Political_Organization_Other": "political",
    "Country": "place",
    "City": "place",
    "Province": "place",
    "County": "place",
    "GPE_Other": "place",
    "Continental_Region": "place",
    "Domestic_Region": "place",
    "Location_Other": "place",
    "Geological_Region_Other": "place",
    "Mountain": "place",
    "River": "place",
    "Lake": "place",
    "Sea": "place",
    "Bay": "place",
    "Island": "place",
    "Spa": "place",
    "Region_Other": "place",
    "Astral_Body_Other": "place",
    "Address_Other": "place",
}


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "bench" / "ner-wikipedia" / "ner.json"))
    ap.add_argument("--limit", type=int, default=2000, help="first N sentences (default 2000)")
    ap.add_argument("--errors", type=int, default=0, help="print N errors per type of geokg")
    a = ap.parse_args()

    from extract.actors import recognize
    from extract.lexicon import load_lexicon
    from extract.run.pipeline import _parse_text, load

    data = json.loads(Path(a.data).read_text(encoding="utf-8"))[: a.limit]
    nlp = load()
    lex = load_lexicon()
    started = time.perf_counter()
    docs = list(nlp.pipe((_parse_text(d["text"]) for d in data), batch_size=64))
    parse_s = time.perf_counter() - started
    counts = {sys_: Counter() for sys_ in ("ginza", "geokg")}
    errors: dict[str, list[str]] = {t: [] for t in GOLD_TYPES.values()}
    for d, doc in zip(data, docs, strict=False):
        gold = {(e["span"][0], e["span"][1], GOLD_TYPES[e["type"]]) for e in d["entities"] if e["type"] in GOLD_TYPES}
        ginza = {(e.start_char, e.end_char, GINZA_MAP[e.label_]) for e in doc.ents if e.label_ in GINZA_MAP}
        ours = {(e.start, e.end, e.kind) for e in recognize(doc, lex, original=d["text"])}
        for name, pred in (("ginza", ginza), ("geokg", ours)):
            for t in GOLD_TYPES.values():
                g = {x for x in gold if x[2] == t}
                p = {x for x in pred if x[2] == t}
                counts[name][t + "_tp"] += len(g & p)
                counts[name][t + "_pred"] += len(p)
                counts[name][t + "_gold"] += len(g)
                if name == "geokg" and len(errors[t]) < a.errors:
                    for x in sorted(p - g):
                        errors[t].append(f"  + {d['text'][x[0] : x[1]]}\t| {d['text'][:60]}")
                    for x in sorted(g - p):
                        errors[t].append(f"  - {d['text'][x[0] : x[1]]}\t| {d['text'][:60]}")
    print(f"{len(data)} sentences, parsed in {parse_s:.1f} s")
    print(f"{'type':10s} {'system':6s}     P      R     F1")
    for t in GOLD_TYPES.values():
        for name in ("ginza", "geokg"):
            c = counts[name]
            p, r, f = prf(c[t + "_tp"], c[t + "_pred"], c[t + "_gold"])
            print(f"{t:10s} {name:6s} {p:6.3f} {r:6.3f} {f:6.3f}")
    for t, errs in errors.items():
        if errs:
            print(f"== {t}")
            print("\n".join(errs[: a.errors]))


if __name__ == "__main__":
    main()
