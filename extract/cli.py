"""The ``geokg`` command line.

    geokg build [INPUT ...] [-o OUTDIR]     articles → triples, graph, map, GraphML
    geokg evaluate --gold DIR [INPUT ...]   score the extraction against gold files

Exit codes: 0 all inputs processed, 1 some inputs failed (the rest are still
written), 2 usage errors.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import re
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .read.io import DEFAULT_MAX_BYTES
from .run.limits import DEFAULT_DOC_TIMEOUT
from .run.logs import setup_logging
from .run.runner import BuildReport, UsageError

__all__ = ["main"]

log = logging.getLogger("geokg")

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

_EPILOG_BUILD = """\
examples:
  geokg build                         read seeds/, write output/
  geokg build articles/ -o out/       every .txt .md .html under articles/
  geokg build a.txt b.html -o out/    just these two
  geokg build big/ -j 0               extract in one process per CPU core
  geokg build big/ --dask tcp://scheduler:8786   on a Dask cluster (pip install 'geokg[dask]')
  geokg build new/ --into out/        add new articles to the graph in out/ (old ones are not re-read)

inputs:
  plain text, Markdown (.md, front matter title/date/url) and HTML pages
  (.html .htm: the article only, menus, related articles and comments
  dropped), in UTF-8 (with or without BOM), UTF-16, Shift_JIS/CP932, EUC-JP or
  ISO-2022-JP (detected). Empty, binary and other files, FIFOs and devices,
  files over --max-bytes and folders over 100 levels deep are skipped, with
  the reason; a file that takes longer than --doc-timeout to read or to
  extract fails and the others go on; links to folders are followed once;
  geokg's own outputs under the inputs are left out.

outputs (plain files in OUTDIR, moved in only when all are written, report.json
last as the manifest of the set; one run at a time per OUTDIR):
  triples.jsonl   one relation per line, with its evidence sentence
  graph.json      the knowledge graph (networkx node-link JSON)
  graph.graphml   the same for Gephi, Cytoscape, igraph, Gephi Lite
  graph.gexf      the same for Gephi, with relation dates on its timeline
  nodes.csv       actors and relations for `neo4j-admin database import`
  edges.csv         (--nodes=nodes.csv --relationships=edges.csv)
  graph.html      the interactive map (one file, works offline)
  report.json     every input: processed / skipped / failed, why, counts

exit status: 0 all inputs read (some may be skipped, or with --into already
in the graph), 1 some failed (the rest are still written) or none could be
read (the previous outputs are kept), 2 usage error (also: OUTDIR in use by
another run), 130 Ctrl-C and 143 SIGTERM (the previous outputs are kept).
"""

_EPILOG_EVALUATE = """\
Gold files are JSON in the format of docs/ontology.md, one per document,
matched to inputs by file name without folder and extension. Documents named
GENRE-NN (gov-01, wiki-07) are also scored per genre. Without INPUT, the
articles are the texts/ folder beside the gold folder, if there is one, else
seeds/.

examples:
  geokg evaluate --gold tests/data/dev/gold                  # the development corpus, per genre
  geokg evaluate --gold tests/data/gold seeds/               # the seed article
  geokg evaluate --gold tests/data/dev/gold --triples output/triples.jsonl --show
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="geokg",
        description="Build a knowledge graph of geopolitical relations from Japanese news articles.",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log what is being done")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    _add_build(sub)
    _add_evaluate(sub)
    # graph-side commands (query, export) register themselves; graph never imports spaCy.
    if importlib.util.find_spec("graph.cli") is not None:
        from graph import cli as graph_cli

        graph_cli.register(sub)
    return p


def _add_build(sub: Any) -> None:
    b = sub.add_parser(
        "build",
        help="extract relations and write triples, graph, map and GraphML",
        description="Read articles, extract actors and relations, and write the outputs.",
        epilog=_EPILOG_BUILD,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    b.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        default=["seeds"],
        help="article files or folders (read recursively: *.txt *.md *.html); default: seeds/",
    )
    b.add_argument("-o", "--output", metavar="OUTDIR", help="where to write (default: output/)")
    b.add_argument(
        "--into",
        metavar="OUTDIR",
        help="add the inputs to the graph already in OUTDIR and write there (an article given "
        "again replaces its earlier version; one whose text the graph holds under another path is "
        "skipped as already in it); instead of -o",
    )
    _add_limits(b)
    b.add_argument("--model", default="ja_ginza", help="spaCy model to parse with (default: ja_ginza)")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")
    where = b.add_mutually_exclusive_group()
    where.add_argument(
        "-j",
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="extract in N processes on this machine (default 1; 0: one per CPU core); each loads the model (~0.8 GB)",
    )
    where.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="extract on the Dask cluster whose scheduler is at ADDRESS (e.g. tcp://host:8786); "
        "its workers need geokg and the model installed",
    )
    b.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where extraction results are cached (default: $XDG_CACHE_HOME/geokg or ~/.cache/geokg)",
    )
    b.add_argument("--no-cache", action="store_true", help="extract every article again, and do not store the results")
    b.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log each file, and show the traceback of an extraction failure",
    )


def _add_limits(b: argparse.ArgumentParser) -> None:
    b.add_argument(
        "--max-bytes",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="skip files larger than SIZE (default: 50MB; e.g. 200MB, 1GB, 500k)",
    )
    b.add_argument(
        "--doc-timeout",
        type=_seconds,
        default=DEFAULT_DOC_TIMEOUT,
        metavar="SECONDS",
        help=f"fail a document that takes longer than this to read, or to extract, and go on "
        f"(default: {DEFAULT_DOC_TIMEOUT:g}; 0: no limit)",
    )


def _add_evaluate(sub: Any) -> None:
    e = sub.add_parser(
        "evaluate",
        help="score extracted relations against gold annotations",
        description="Score relations (P/R/F1 per type, pairs, actors) against gold files.",
        epilog=_EPILOG_EVALUATE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        default=[],
        help="articles to extract from (default: the texts/ folder beside the gold folder, else seeds/)",
    )
    e.add_argument("--gold", required=True, metavar="DIR", help="gold JSON file or folder")
    e.add_argument("--triples", metavar="FILE", help="score this triples.jsonl instead of extracting")
    e.add_argument("--json", action="store_true", help="print the full result as JSON")
    e.add_argument("--show", action="store_true", help="list missed and spurious relations")


def _seconds(text: str) -> float:
    """A time limit in seconds: ``120``, ``0.5``; 0 for none.

    >>> _seconds("120"), _seconds("0.5"), _seconds("0")
    (120.0, 0.5, 0.0)
    """
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < 10**9:  # also NaN
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds; write e.g. 300, 0.5 or 0 (no limit)")
    return value


_MAX_LISTED = 20  # problems printed per kind; report.json lists them all
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(i?)b?\s*$", re.I)


def _size(text: str) -> int:
    """A size in bytes from ``50MB``, ``1.5GB``, ``500k``, ``64KiB`` or ``1000`` (k, M, G are powers of 1000).

    >>> _size("50MB"), _size("500k"), _size("2KiB"), _size("123")
    (50000000, 500000, 2048, 123)
    """
    m = _SIZE.match(text)
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; write e.g. 50MB, 1GB, 500k or a number of bytes")
    base = 1024 if m.group(3) else 1000
    return int(float(m.group(1)) * base ** " kmg".index((m.group(2) or " ").lower()))


def _say(text: str) -> None:
    """One message to stderr; file names and article text in it are shown, never obeyed by the terminal."""
    from graph.table import printable

    print(printable(text), file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from .run.runner import REPORT_FILE, build

    try:
        if args.into:
            if args.output is not None:
                raise UsageError(
                    f"-o {args.output} and --into {args.into} both say where to write; give one: "
                    "--into OUTDIR adds to the graph there, -o OUTDIR builds a new one"
                )
            args.output = args.into
        elif args.output is None:
            args.output = "output"
        report = build(
            args.inputs,
            args.output,
            model=args.model,
            progress=not args.no_progress,
            into=bool(args.into),
            workers=args.workers,
            dask=args.dask,
            cache=False if args.no_cache else None,
            cache_dir=args.cache_dir,
            max_bytes=args.max_bytes,
            doc_timeout=args.doc_timeout,
        )
    except OSError as e:
        # Writing the outputs failed (disk full, folder removed): the old outputs are left as they were.
        where = e.filename or args.output
        _say(
            f"geokg: error: cannot write the outputs in {args.output}/ ({where}: {e.strerror or e}); "
            "the previous outputs are left as they were — free some space or choose another -o OUTDIR"
        )
        return EXIT_SOME_FAILED
    _list_problems(report, args, REPORT_FILE)
    _say_outcome(report, args)
    return EXIT_OK if report.ok else EXIT_SOME_FAILED


def _say_outcome(report: BuildReport, args: argparse.Namespace) -> None:
    """The summary (after --into: what the run added, what the graph holds), and why nothing was written."""
    from graph.table import printable

    from .run.runner import REPORT_FILE

    for line in report.summary().splitlines():
        print(printable(line))
    if report.kept_previous and report.already_in_graph and not report.failed:
        _say(f"geokg: nothing new: the text of every article read is in the graph already; {args.output}/ is unchanged")
    elif report.kept_previous:
        _say(
            f"geokg: no article could be read from {' '.join(args.inputs)}; the previous outputs in "
            f"{args.output}/ are left as they were (the reasons are listed above)"
        )
    elif not report.processed:
        _say(
            f"geokg: no article could be read from {' '.join(args.inputs)}; empty outputs written — "
            f"see {args.output}/{REPORT_FILE} for each file's reason"
        )


def _list_problems(report, args: argparse.Namespace, report_file: str) -> None:
    """The skipped and failed inputs and the warnings, the first few of each kind (report.json has them all)."""
    for kind, records in (("skipped", report.skipped), ("failed", report.failed)):
        for r in records[:_MAX_LISTED]:
            _say(f"geokg: {kind}: {r.reason}")
            if r.traceback and getattr(args, "verbose", False):
                for line in r.traceback.rstrip().splitlines():
                    _say(line)
        if len(records) > _MAX_LISTED:
            _say(f"geokg: … and {len(records) - _MAX_LISTED} more {kind}; see {args.output}/{report_file}")
    warned = [w for r in report.inputs for w in r.warnings]
    for w in warned[:_MAX_LISTED]:
        _say(f"geokg: warning: {w}")
    if len(warned) > _MAX_LISTED:
        _say(f"geokg: … and {len(warned) - _MAX_LISTED} more warnings; see {args.output}/{report_file}")


def _default_articles(gold: Path) -> str:
    """tests/data/dev/gold → tests/data/dev/texts, where a corpus keeps its texts beside its gold."""
    texts = (gold if gold.is_dir() else gold.parent).parent / "texts"
    return str(texts) if texts.is_dir() else "seeds"


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import format_report, load_gold, load_triples, score

    try:
        golds = load_gold(args.gold)
        if args.triples:
            path = Path(args.triples)
            if not path.is_file():
                raise UsageError(f"{path}: no such triples file")
            triples = load_triples(path)
    except (FileNotFoundError, ValueError) as e:  # (GoldFileError: the file and the field)
        raise UsageError(str(e)) from None
    if not args.triples:
        from .run.pipeline import Extractor
        from .run.runner import documents

        extractor = Extractor()
        triples = [
            r.to_dict()
            for res in extractor.pipe(documents(args.inputs or [_default_articles(Path(args.gold))], []))
            for r in res.relations
        ]
    res = score(golds, triples)
    from graph.table import printable, printable_json

    # (ids, labels and misses come from the files scored: shown, never obeyed by the terminal)
    if args.json:
        print(printable_json(json.dumps(res, ensure_ascii=False, indent=1, sort_keys=True)))
    else:
        print("\n".join(printable(line) for line in format_report(res, show=args.show).splitlines()))
    return EXIT_OK


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: temporary files removed, workers stopped, earlier outputs kept."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def _handle_sigterm() -> bool:
    """Turn SIGTERM into :class:`Terminated`, unless geokg runs inside a program that handles it itself."""
    if signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None):
        return False
    try:
        signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    setup_logging(logging.INFO if args.verbose else logging.WARNING)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    handled = _handle_sigterm()
    try:
        if args.command == "build":
            return cmd_build(args)
        if args.command == "evaluate":
            return cmd_evaluate(args)
        if hasattr(args, "func"):
            return int(args.func(args))
    except UsageError as e:
        _say(f"geokg: error: {e}")
        return EXIT_USAGE
    except KeyboardInterrupt as e:  # Ctrl-C, or SIGTERM (Terminated)
        what = "terminated" if isinstance(e, Terminated) else "interrupted"
        _say(f"geokg: {what}; {e.args[0] if e.args else 'earlier outputs are left as they were'}")
        return 128 + signal.SIGTERM if isinstance(e, Terminated) else 130
    finally:
        if handled:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parser.print_help()
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
