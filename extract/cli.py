"""The ``geokg`` command line.

    geokg build [INPUT ...] [-o OUTDIR]     articles → triples, graph, map, GraphML
    geokg evaluate --gold DIR [INPUT ...]   score the extraction against gold files

Exit codes: 0 all inputs processed, 1 some inputs failed (the rest are still
written), 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Sequence

__all__ = ["main"]

log = logging.getLogger("geokg")

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

_EPILOG_BUILD = """\
examples:
  geokg build                         read seeds/, write output/
  geokg build articles/ -o out/       every .txt .md .html under articles/
  geokg build a.txt b.html -o out/    just these two

outputs (in OUTDIR):
  triples.jsonl   one relation per line, with its evidence sentence
  graph.json      the knowledge graph (networkx node-link JSON)
  graph.graphml   the same for Gephi, Cytoscape, igraph
  graph.html      the interactive map (one file, works offline)
"""

_EPILOG_EVALUATE = """\
Gold files are JSON in the ONTOLOGY.md format, one per document, matched to
inputs by file name without folder and extension.

examples:
  geokg evaluate --gold gold/ seeds/
  geokg evaluate --gold gold/ --triples output/triples.jsonl --show
"""


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="geokg",
        description="Build a knowledge graph of geopolitical relations from Japanese news articles.",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log what is being done")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser("build", help="extract relations and write triples, graph, map and GraphML",
                       description="Read articles, extract actors and relations, and write the outputs.",
                       epilog=_EPILOG_BUILD, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("inputs", nargs="*", metavar="INPUT", default=["seeds"],
                   help="article files or folders (read recursively: *.txt *.md *.html); default: seeds/")
    b.add_argument("-o", "--output", metavar="OUTDIR", default="output", help="where to write (default: output/)")
    b.add_argument("--model", default="ja_ginza", help="spaCy model to parse with (default: ja_ginza)")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")

    e = sub.add_parser("evaluate", help="score extracted relations against gold annotations",
                       description="Score relations (P/R/F1 per type, pairs, actors) against gold files.",
                       epilog=_EPILOG_EVALUATE, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("inputs", nargs="*", metavar="INPUT", default=[],
                   help="articles to extract from (default: seeds/ unless --triples is given)")
    e.add_argument("--gold", required=True, metavar="DIR", help="gold JSON file or folder")
    e.add_argument("--triples", metavar="FILE", help="score this triples.jsonl instead of extracting")
    e.add_argument("--json", action="store_true", help="print the full result as JSON")
    e.add_argument("--show", action="store_true", help="list missed and spurious relations")
    return p


def _progress(iterable, total: int, enabled: bool, desc: str):
    if not enabled or total < 2:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="doc", file=sys.stderr, leave=False)


def _documents(inputs: Sequence[str], failures: list[tuple[str, str]]):
    from .io import InputError, iter_input_files, read_document

    for item in inputs:
        if not Path(item).exists():
            raise UsageError(f"{item}: no such file or folder")
    for path in iter_input_files(inputs):
        try:
            yield read_document(path)
        except InputError as e:
            failures.append((str(path), str(e)))
            log.warning("%s", e)


def cmd_build(args: argparse.Namespace) -> int:
    import graph

    from .io import iter_input_files, write_jsonl
    from .pipeline import Extractor, load

    started = time.perf_counter()
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder; choose another -o OUTDIR")
    failures: list[tuple[str, str]] = []
    files = list(iter_input_files(args.inputs)) if all(Path(i).exists() for i in args.inputs) else []
    docs = _documents(args.inputs, failures)
    extractor = Extractor(load(args.model))
    relations = []
    actors = []
    n_docs = n_sent = 0
    show = not args.no_progress and sys.stderr.isatty()
    for result in _progress(extractor.pipe(docs), len(files), show, "extracting"):
        n_docs += 1
        n_sent += result.sentences
        relations.extend(result.relations)
        actors.extend(result.actors)
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(relations, out / "triples.jsonl")
    G = graph.build_graph(relations, actors)
    graph.write_json(G, out / "graph.json")
    graph.write_graphml(G, out / "graph.graphml")
    graph.render_html(G, out / "graph.html")
    seconds = time.perf_counter() - started
    print(f"{n_docs} documents, {n_sent} sentences, {G.number_of_nodes()} actors, "
          f"{len(relations)} relations ({G.number_of_edges()} edges) in {seconds:.1f} s → {out}/")
    for path, reason in failures:
        print(f"failed: {reason}", file=sys.stderr)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import format_report, load_gold, score

    try:
        golds = load_gold(args.gold)
    except (FileNotFoundError, ValueError) as e:
        raise UsageError(str(e)) from None
    if args.triples:
        path = Path(args.triples)
        if not path.is_file():
            raise UsageError(f"{path}: no such triples file")
        triples = []
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        triples.append(json.loads(line))
                    except ValueError as e:
                        raise UsageError(f"{path}:{n}: not JSON ({e})") from None
    else:
        from .pipeline import Extractor

        failures: list[tuple[str, str]] = []
        extractor = Extractor()
        triples = [r.to_dict() for res in extractor.pipe(_documents(args.inputs or ["seeds"], failures))
                   for r in res.relations]
    res = score(golds, triples)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        print(format_report(res, show=args.show))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="geokg: %(levelname)s: %(message)s")
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "build":
            return cmd_build(args)
        if args.command == "evaluate":
            return cmd_evaluate(args)
    except UsageError as e:
        print(f"geokg: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("geokg: interrupted; earlier outputs are left as they were", file=sys.stderr)
        return 130
    parser.print_help()
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
