#!/usr/bin/env python3
"""Corpus-scale throughput: ``geokg build`` next to a plain GiNZA parse of the same texts.

    .venv/bin/python bench/throughput.py [--start K] [--limit N] [--doc-sentences 15] [--workers 1,2] [--repeat 3]

(issue 16's encyclopedia-like check: ``--start 3000 --limit 1500``, 100 documents of 15 sentences plus the seed)

The corpus is the Stockmark NER Wikipedia sentences (``../shared/bench/
ner-wikipedia/ner.json``, CC BY-SA 3.0, not part of this repository) grouped in
file order into documents of ``--doc-sentences`` sentences, plus the seed
article, written as .txt files to a temporary folder. Every measurement runs
in a fresh process (so peak memory is its own), in one run:

- plain   — ``spacy.load("ja_ginza")`` (every component) and ``nlp.pipe`` over
            every sentence of every document (geokg's sentence split), batch 64;
            model loading not timed.
- build   — ``extract.run.runner.build`` on the corpus folder: reading, the cheap
            pass, the parse of the sentences worth it, the rules, triples.jsonl,
            graph.json, GraphML and the map; with an empty cache. For one
            worker the model is loaded before the clock starts (as for plain);
            with ``--workers N`` the worker start-up (each loads the model) is
            timed.
- warm    — the same build again on the cache the cold build filled.
- memory  — peak RSS of a build of the first quarter of the documents next to
            the whole corpus (4× the documents): flat memory means about equal.

Also: the seed's relation F1 (``../shared/eval/score.py`` against
``../shared/gold``) from the cold build, the warm build and a parse of every
sentence of the seed (prefilter off), and whether the outputs of the cold,
warm and multi-process builds are byte-identical. The machine may be shared,
so every timing is repeated (``--repeat``) and the median reported. Run by
hand; the figures go in the README.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# Children run on a snapshot of the code (--_src): an edit during the run must not mix versions
# (nor, through the cache's code fingerprint, turn the warm run cold).
SRC = Path(sys.argv[sys.argv.index("--_src") + 1]) if "--_src" in sys.argv else ROOT
sys.path.insert(0, str(SRC))

OUTPUTS = ("triples.jsonl", "graph.json", "graph.graphml", "report.json")


# ---------------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------------


def write_corpus(data: Path, folder: Path, limit: int | None, per_doc: int, start: int = 0) -> list[Path]:
    sentences = json.loads(data.read_text(encoding="utf-8"))[start:][:limit]
    folder.mkdir(parents=True)
    paths = []
    for n, i in enumerate(range(0, len(sentences), per_doc)):
        p = folder / f"wiki_{n:05d}.txt"
        p.write_text("\n".join(s["text"] for s in sentences[i : i + per_doc]) + "\n", encoding="utf-8")
        paths.append(p)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        p = folder / seed.name
        p.write_bytes(seed.read_bytes())
        paths.append(p)
    return paths


def _cpu() -> float:
    """CPU seconds of this process and its finished children (worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


# ---------------------------------------------------------------------------------------------
# Children: one measurement each, printed as one JSON line
# ---------------------------------------------------------------------------------------------


def child_plain(a: dict) -> dict:
    import spacy

    from extract.read.io import read_input
    from extract.read.sentences import split_sentences

    texts = [read_input(p).document.text for p in sorted(Path(a["corpus"]).iterdir())]
    chars = sum(map(len, texts))
    sentences = [s.text for t in texts for s in split_sentences(t)]
    t0 = time.perf_counter()
    nlp = spacy.load("ja_ginza")
    load_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu()
    tokens = 0
    for doc in nlp.pipe(sentences, batch_size=64):
        tokens += len(doc)
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    return {
        "chars": chars,
        "sentences": len(sentences),
        "tokens": tokens,
        "seconds": seconds,
        "cpu": cpu,
        "load": load_s,
        "pipes": nlp.pipe_names,
        "peak_mb": _peak_mb()[0],
    }


class _Tally:
    """Passes results through, counting sentences and parsed sentences (for the table only)."""

    def __init__(self, inner):
        self.inner, self.sentences, self.parsed = inner, 0, 0

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def pipe(self, documents):
        for r in self.inner.pipe(documents):
            self.sentences += r.sentences
            self.parsed += r.parsed_sentences
            yield r


def child_build(a: dict) -> dict:
    import logging

    from extract.run.parallel import make_extractor
    from extract.run.runner import build

    logging.basicConfig(level=logging.WARNING)
    load_s = 0.0
    if a["workers"] == 1 and not a.get("warm"):
        from extract.run.pipeline import load

        t0 = time.perf_counter()
        load(a.get("model", "ja_ginza"))
        load_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu()
    extractor = make_extractor(workers=a["workers"], cache=a["cache"] is not None, cache_dir=a["cache"])
    tally = _Tally(extractor)
    try:
        report = build([a["corpus"]], a["out"], extractor=tally, progress=False)
    finally:
        extractor.close()
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    stats = getattr(extractor, "stats", None)
    own, children = _peak_mb()
    import extract
    from extract.run.pipeline import load as _load

    return {
        "code": str(Path(extract.__file__).parent),
        "chars": sum(r.characters for r in report.inputs),
        "documents": len(report.processed),
        "failed": len(report.failed),
        "sentences": tally.sentences,
        "parsed": tally.parsed,
        "relations": report.relations,
        "seconds": seconds,
        "cpu": cpu,
        "load": load_s,
        "model_loaded_here": _load.cache_info().currsize > 0,
        "cache": None if stats is None else vars(stats),
        "peak_mb": own,
        "children_peak_mb": children,
    }


def child_seed_full(a: dict) -> dict:
    """Every sentence of the seed parsed (prefilter off): the F1 the prefilter must not lose."""
    from extract.read.io import dump_relation, read_input
    from extract.run.pipeline import Extractor, load

    ex = Extractor(load(), prefilter=False)
    out = Path(a["out"])
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        r = ex.extract(read_input(seed).document)
        lines += [dump_relation(x) + "\n" for x in r.relations]
    (out / "triples.jsonl").write_text("".join(lines), encoding="utf-8")
    return {"relations": len(lines)}


CHILDREN = {"plain": child_plain, "build": child_build, "seed_full": child_seed_full}


def snapshot(tmp: Path) -> Path:
    src = tmp / "src"
    for package in ("extract", "graph"):
        shutil.copytree(ROOT / package, src / package, ignore=shutil.ignore_patterns("__pycache__"))
    return src


def run_child(kind: str, **args) -> dict:
    env = dict(os.environ, PYTHONWARNINGS="ignore", PYTHONPATH=str(args["src"]))
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--_src",
        str(args["src"]),
        "--_child",
        json.dumps({"kind": kind, **args}),
    ]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    if p.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


def seed_f1(triples: Path) -> float | None:
    score = SHARED / "eval" / "score.py"
    gold = SHARED / "gold"
    if not score.exists() or not gold.exists():
        return None
    p = subprocess.run(
        [sys.executable, str(score), "--gold", str(gold), "--triples", str(triples), "--json"],
        capture_output=True,
        text=True,
    )
    if p.returncode != 0:
        return None
    res = json.loads(p.stdout)
    rel = res.get("relations") or res.get("relation") or {}
    return rel.get("f1")


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for name in OUTPUTS:
        f = folder / name
        if f.exists():
            h.update(name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(SHARED / "bench" / "ner-wikipedia" / "ner.json"))
    ap.add_argument("--start", type=int, default=0, help="skip the first K sentences (default 0)")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences (default: all 5,343)")
    ap.add_argument("--doc-sentences", type=int, default=15, help="sentences per document (default 15)")
    ap.add_argument("--workers", default="1,2", help="worker counts to build with (default 1,2)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; medians reported (default 3)")
    ap.add_argument("--json", metavar="FILE", help="also write every measurement to FILE")
    ap.add_argument("--_child", help=argparse.SUPPRESS)
    ap.add_argument("--_src", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a._child:
        spec = json.loads(a._child)
        print(json.dumps(CHILDREN[spec["kind"]](spec)))
        return

    workers = [int(w) for w in a.workers.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="geokg-bench-"))
    src = snapshot(tmp)
    full = tmp / "corpus"
    paths = write_corpus(Path(a.data), full, a.limit, a.doc_sentences, a.start)
    quarter = tmp / "corpus-quarter"
    quarter.mkdir()
    wiki = [p for p in paths if p.name.startswith("wiki_")]
    for p in wiki[: max(1, len(wiki) // 4)] + [p for p in paths if not p.name.startswith("wiki_")]:
        (quarter / p.name).write_bytes(p.read_bytes())
    print(
        f"corpus: {len(paths)} documents ({len(wiki)} Wikipedia + seed), "
        f"{sum(len(p.read_text(encoding='utf-8')) for p in paths):,} characters in {full}",
        file=sys.stderr,
    )

    runs: dict[str, list[dict]] = {}

    def record(name: str, r: dict) -> dict:
        runs.setdefault(name, []).append(r)
        cps = r["chars"] / r["seconds"] if r.get("seconds") else 0
        print(
            f"  {name:<14} {r['seconds']:7.1f} s  {cps:8.0f} chars/s  peak {r.get('peak_mb', '-')} MB",
            file=sys.stderr,
            flush=True,
        )
        return r

    digests: dict[str, set[str]] = {}
    for i in range(a.repeat):
        print(f"round {i + 1}/{a.repeat}", file=sys.stderr)
        record("plain", run_child("plain", src=str(src), corpus=str(full)))
        cache = tmp / f"cache-{i}"
        for w in workers:
            out = tmp / f"out-cold-{w}-{i}"
            record(
                f"build w={w}",
                run_child(
                    "build",
                    src=str(src),
                    corpus=str(full),
                    out=str(out),
                    workers=w,
                    cache=str(cache) if w == workers[0] else None,
                ),
            )
            digests.setdefault(f"cold w={w}", set()).add(digest(out))
        out = tmp / f"out-warm-{i}"
        record(
            "warm",
            run_child(
                "build", src=str(src), corpus=str(full), out=str(out), workers=workers[0], cache=str(cache), warm=True
            ),
        )
        digests.setdefault("warm", set()).add(digest(out))
        record(
            "quarter",
            run_child(
                "build",
                src=str(src),
                corpus=str(quarter),
                out=str(tmp / f"out-quarter-{i}"),
                workers=workers[0],
                cache=str(tmp / f"cache-quarter-{i}"),
            ),
        )
    run_child("seed_full", src=str(src), out=str(tmp / "out-seed-full"))

    def med(name: str, key: str = "seconds") -> float:
        return statistics.median(r[key] for r in runs[name])

    chars = runs["plain"][0]["chars"]
    plain_cps, plain_cpu = chars / med("plain"), chars / med("plain", "cpu")
    rows = [("plain GiNZA parse, every sentence", "plain")]
    rows += [(f"geokg build, {w} process{'es' if w > 1 else ''}, cold cache", f"build w={w}") for w in workers]
    rows.append(("geokg build, warm cache (re-run)", "warm"))

    b1 = runs[f"build w={workers[0]}"][0]
    print()
    print(
        f"corpus: {b1['documents']} documents, {chars:,} characters, {b1['sentences']:,} sentences; "
        f"parsed by geokg: {b1['parsed']:,} ({b1['parsed'] / max(1, b1['sentences']):.1%}); "
        f"median of {a.repeat} runs"
    )
    print(f"{'':<40}{'seconds':>8}{'chars/s':>9}{'× plain':>8}{'CPU s':>8}{'chars/CPU s':>12}{'× plain':>8}")
    for label, name in rows:
        sec, cpu = med(name), med(name, "cpu")
        print(
            f"{label:<40}{sec:>8.1f}{chars / sec:>9,.0f}{chars / sec / plain_cps:>8.1f}"
            f"{cpu:>8.1f}{chars / cpu:>12,.0f}{chars / cpu / plain_cpu:>8.1f}"
        )
    cold = med(f"build w={workers[0]}")
    print(
        f"warm re-run vs cold build: {cold / med('warm'):.0f}× faster "
        f"(model loaded in the warm run: {runs['warm'][0]['model_loaded_here']}; "
        f"cache {runs['warm'][0]['cache']})"
    )
    q, f = runs["quarter"], runs[f"build w={workers[0]}"]
    print(
        f"peak RSS: {q[0]['documents']} documents {statistics.median(r['peak_mb'] for r in q):,.0f} MB, "
        f"{f[0]['documents']} documents {statistics.median(r['peak_mb'] for r in f):,.0f} MB "
        f"(plain parse {statistics.median(r['peak_mb'] for r in runs['plain']):,.0f} MB)"
    )
    for w in workers[1:]:
        r = runs[f"build w={w}"]
        print(
            f"peak RSS with {w} processes: parent {statistics.median(x['peak_mb'] for x in r):,.0f} MB, "
            f"largest worker {statistics.median(x['children_peak_mb'] for x in r):,.0f} MB"
        )
    print(
        "outputs byte-identical (cold, warm, every worker count, every round): "
        f"{len({d for v in digests.values() for d in v}) == 1}"
    )
    f1_cold = seed_f1(tmp / f"out-cold-{workers[0]}-0" / "triples.jsonl")
    f1_warm = seed_f1(tmp / "out-warm-0" / "triples.jsonl")
    f1_full = seed_f1(tmp / "out-seed-full" / "triples.jsonl")
    print(f"seed relation F1: build {f1_cold}, warm {f1_warm}, every sentence parsed (no prefilter) {f1_full}")
    if a.json:
        Path(a.json).write_text(
            json.dumps(
                {
                    "runs": runs,
                    "digests": {k: sorted(v) for k, v in digests.items()},
                    "f1": {"cold": f1_cold, "warm": f1_warm, "full": f1_full},
                },
                indent=1,
            ),
            encoding="utf-8",
        )
    print(f"(outputs in {tmp})", file=sys.stderr)


if __name__ == "__main__":
    main()
