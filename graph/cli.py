"""``geokg query``, ``geokg export`` and ``geokg render``: the graph from the command line.

``extract.cli`` calls :func:`register` to add these subcommands; each
handler returns the exit code: 0 done, 1 a path query found no path, 2 a
usage error (no such file, unknown actor or relation type), with a message
saying what to do instead of a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["register"]

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2

_QUERY_EPILOG = """\
GRAPH is a graph.json written by `geokg build`, or the folder holding it.
Actors can be named by id or any name: RUS, ロシア, 露, PRC, North Korea, プーチン, putin,
Vladimir Putin. A name that fits several actors is refused with the list of them.

examples:
  geokg query output/graph.json between ロシア 北朝鮮
  geokg query output/ relations --type sanction
  geokg query output/ relations --source ロシア --type treaty --since 2000
  geokg query output/ comments --role expert
  geokg query output/ commentators 北朝鮮
  geokg query output/ timeline ロシア 北朝鮮
  geokg query output/ path 日本 北朝鮮
  geokg query output/ neighbors putin
  geokg query output/ central -n 5
  geokg query output/ actor ロシア --json

exit codes: 0 answered (also when nothing matches), 1 no path, 2 usage error
"""

_EXPORT_EPILOG = """\
formats:
  graphml  Gephi, Cytoscape, igraph, yEd, Gephi Lite (lists joined with " | ", evidence as text)
  gexf     Gephi, with relation dates as timeline intervals
  json     networkx node-link JSON (the same as graph.json)
  csv      nodes.csv + edges.csv for `neo4j-admin database import` (-o is a folder)

examples:
  geokg export output/graph.json --format gexf -o relations.gexf
  geokg export output/graph.json -o neo4j/ --format csv
  geokg export output/ -o graph.graphml        (format from the extension)
"""


class _Usage(Exception):
    """A mistake in the command line; printed as `geokg: error: ...`, exit 2."""


def _types(values: list[str] | None, option: str = "--type") -> list[str] | None:
    """The names in repeatable, comma-separated ``values``; None when the option was not given.

    An option given that names nothing (``--type ,,,``) is an error, not a filter that matches nothing.
    """
    if not values:
        return None
    names = [t.strip() for v in values for t in v.split(",") if t.strip()]
    if not names:
        what = "relation type (treaty, sanction, …)" if option == "--type" else "modality (asserted, hedged, …)"
        raise _Usage(f"{option} {', '.join(map(repr, values))}: names no {what}; give one, or leave the option out")
    return names


def _positive(text: str) -> int:
    """``-n``: how many, at least 1."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"give how many actors to list, at least 1 (not {text!r})")
    return n


def _load(path: str):
    from .query import load
    from .readwrite import GraphFileError

    try:
        return load(path)
    except FileNotFoundError as e:
        raise _Usage(str(e).strip("'\"")) from None
    except GraphFileError as e:
        raise _Usage(str(e)) from None


def _json(value: Any) -> str:
    """JSON for the terminal: article text in it cannot act on the terminal."""
    from .table import printable_json

    return printable_json(json.dumps(value, ensure_ascii=False, indent=1))


def _error(message: object) -> None:
    from .table import printable

    print(printable(f"geokg: error: {message}"), file=sys.stderr)


def _print_table(table, args: argparse.Namespace, *, evidence: bool = False) -> None:
    if args.json:
        print(_json({"title": table.title, "rows": table.to_dicts()}))
        return
    print(table.to_string(max_width=None if args.full else -1))
    if evidence or getattr(args, "evidence", False):
        _print_evidence(table)


def _print_evidence(table) -> None:
    from .readwrite import evidence_text
    from .table import printable

    for row in table:
        if not getattr(row, "evidence", None):
            continue
        print(f"\n{printable(f'{row.source_label} {row.type} {row.target_label}')}")
        for line in evidence_text([dataclasses.asdict(e) for e in row.evidence]):
            print(f"  {printable(line)}")


def _q_actor(kg, args):
    from .table import printable

    info = kg.actor(args.name)
    if args.json:
        print(_json(dataclasses.asdict(info)))
        return EXIT_OK
    for name in ("id", "label", "type", "role", "mentions", "aliases", "docs", "merged"):
        value = getattr(info, name)
        if name == "merged" and not value:
            continue
        text = "; ".join(value) if name == "merged" else ", ".join(value) if isinstance(value, tuple) else str(value)
        print(f"{name:9} {printable(text)}")
    print()
    print(kg.neighbors(info.id).to_string(max_width=None if args.full else -1))
    return EXIT_OK


def _q_actors(kg, args):
    _print_table(kg.actors(type=args.type, role=args.role), args)
    return EXIT_OK


def _q_relations(kg, args):
    _print_table(
        kg.relations(
            args.source,
            args.target,
            type=_types(args.type),
            modality=_types(args.modality, "--modality"),
            since=args.since,
            until=args.until,
        ),
        args,
    )
    return EXIT_OK


def _q_between(kg, args):
    _print_table(kg.between(args.a, args.b, type=_types(args.type)), args, evidence=True)
    return EXIT_OK


def _q_neighbors(kg, args):
    _print_table(kg.neighbors(args.name, type=_types(args.type)), args)
    return EXIT_OK


def _q_path(kg, args):
    from .query import NoPath

    try:
        table = kg.path(args.a, args.b, type=_types(args.type))
    except NoPath as e:
        from .table import printable

        print(printable(f"geokg: {e}"), file=sys.stderr)
        return EXIT_NOT_FOUND
    _print_table(table, args, evidence=True)
    return EXIT_OK


def _q_ego(kg, args):
    from .query import KnowledgeGraph

    sub = KnowledgeGraph(kg.ego(args.name, radius=args.radius, type=_types(args.type)))
    table = sub.relations()
    table.title = f"within {args.radius} of {kg.actor(args.name).label}: {len(sub)} actors"
    _print_table(table, args)
    return EXIT_OK


def _q_comments(kg, args):
    _print_table(kg.comments(args.speaker, about=args.about, role=args.role), args)
    return EXIT_OK


def _q_commentators(kg, args):
    _print_table(kg.commentators(args.actor), args)
    return EXIT_OK


def _q_central(kg, args):
    _print_table(kg.central(args.n, by=args.by, type=_types(args.type)), args)
    return EXIT_OK


def _q_timeline(kg, args):
    _print_table(kg.timeline(args.a, args.b, predecessors=not args.no_predecessors, type=_types(args.type)), args)
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from .query import UnknownActor

    if getattr(args, "query_func", None) is None:
        args.query_parser.print_help()
        return EXIT_USAGE
    try:
        kg = _load(args.graph)
        return int(args.query_func(kg, args))
    except BrokenPipeError:
        # The reader (head, less) stopped early; that is not an error.
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
        return EXIT_OK
    except UnknownActor as e:
        _error(e)
        return EXIT_USAGE
    except (_Usage, ValueError) as e:
        _error(e)
        return EXIT_USAGE


_FORMAT_BY_SUFFIX = {".graphml": "graphml", ".xml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv"}
_DEFAULT_NAME = {"graphml": "graph.graphml", "gexf": "graph.gexf", "json": "graph.json", "csv": ""}


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    try:
        kg = _load(args.graph)
        fmt = args.format
        out = Path(args.output) if args.output else None
        if fmt is None:
            if out is None:
                raise _Usage("say which format: --format graphml|gexf|json|csv (or give -o PATH with an extension)")
            fmt = _FORMAT_BY_SUFFIX.get(out.suffix.lower(), "csv" if out.is_dir() or not out.suffix else None)
            if fmt is None:
                raise _Usage(f"{out}: cannot tell the format from the extension; add --format graphml|gexf|json|csv")
        if out is None:
            src = Path(args.graph)
            folder = src if src.is_dir() else src.parent
            out = folder / _DEFAULT_NAME[fmt] if _DEFAULT_NAME[fmt] else folder
        if fmt == "csv" and out.suffix.lower() == ".csv":
            raise _Usage(f"{out}: csv writes two files (nodes.csv, edges.csv); give a folder as -o")
        if fmt != "csv" and out.is_dir():
            raise _Usage(f"{out}: is a folder; give a file name such as {out / _DEFAULT_NAME[fmt]}")
        written = export(kg.G, out, fmt)
    except _Usage as e:
        _error(e)
        return EXIT_USAGE
    except OSError as e:
        _error(f"cannot write {e.filename or args.output}: {e.strerror}")
        return EXIT_USAGE
    for path in written:
        print(f"wrote {_printable_path(path)}")
    return EXIT_OK


def _printable_path(path: Any) -> str:
    from .table import printable

    return printable(os.fsencode(path).decode("utf-8", "backslashreplace"))


_RENDER_EPILOG = """\
examples:
  geokg render output/graph.json --png map.png          a picture of the map, for reports
  geokg render output/ -o map.html --title "ロ朝関係"     the interactive map again, retitled
  geokg render output/graph.json -o map.html --png map.png --size 1920x1080
  geokg render output/ --png all.png --top 0            every actor in the picture

--png opens the map in headless Chromium (Debian: apt-get install chromium
fonts-noto-cjk; or set GEOKG_CHROMIUM=/path/to/chrome) and saves it once it is
drawn: the --top actors with the most evidence (40 unless told), one line per
pair, their names, and the legend. Without a Japanese font installed, labels
are drawn as boxes.

exit codes: 0 written, 1 the browser failed, 2 usage error or no browser
"""


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: write WIDTHxHEIGHT, e.g. 1400x900") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height from 200 to 8000 pixels")
    return w, h


def _top(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: a number of actors, e.g. 40 (0 for all)") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: a number of actors, 0 or more")
    return n


def cmd_render(args: argparse.Namespace) -> int:
    """Write the map of a graph.json as HTML (-o) and/or as a PNG taken by headless Chromium (--png).

    Every name and message is shown through :func:`graph.table.printable`: a file name or a
    graph.json key holding a terminal escape is shown, never obeyed.
    """
    import tempfile

    from . import render, snapshot

    if not args.output and not args.png:
        _error("say what to write: -o map.html, --png map.png, or both")
        return EXIT_USAGE
    try:
        kg = _load(args.graph)
        browser = snapshot.find_chromium() if args.png else None
        width, height = args.size
        with tempfile.TemporaryDirectory(prefix="geokg-render-") as tmp:
            html = Path(args.output) if args.output else Path(tmp) / "graph.html"
            render.render_html(kg.G, html, title=args.title)
            if args.output:
                print(f"wrote {_printable_path(html)}")
            if args.png:
                shot = snapshot.screenshot(
                    html,
                    args.png,
                    width=width,
                    height=height,
                    timeout=args.timeout,
                    browser=browser,
                    view=f"top={args.top}" if args.top > 0 else "",
                )
                print(
                    f"wrote {_printable_path(shot.path)} ({width}×{height}, {shot.actors} actors, {shot.labels} names, "
                    f"{shot.seconds:g} s)"
                )
    except (_Usage, snapshot.BrowserNotFound) as e:
        _error(e)
        return EXIT_USAGE
    except snapshot.SnapshotError as e:
        _error(f"{_printable_path(args.png)}: {e}")
        return EXIT_NOT_FOUND
    except ValueError as e:  # a graph the map cannot draw (two actors whose ids read alike)
        _error(f"{_printable_path(args.graph)}: {e}")
        return EXIT_USAGE
    except OSError as e:
        _error(f"cannot write {_printable_path(e.filename or args.output or args.png)}: {e.strerror}")
        return EXIT_USAGE
    return EXIT_OK


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print the result as JSON")
    common.add_argument("--full", action="store_true", help="do not shorten long cells")
    return common


def register(subparsers: Any) -> None:
    """Add the ``query``, ``export`` and ``render`` subcommands to ``geokg``'s subparsers."""
    _register_query(subparsers)
    _register_export(subparsers)
    _register_render(subparsers)


_TYPE_HELP = "relation types, e.g. sanction or support,attack (repeatable)"
_Add = Callable[[str, Callable, str], argparse.ArgumentParser]


def _register_query(subparsers: Any) -> None:
    q = subparsers.add_parser(
        "query",
        help="ask the graph: relations, neighbours, paths, comments, timelines",
        description="Query a graph written by `geokg build`.",
        epilog=_QUERY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("graph", metavar="GRAPH", help="graph.json, or the folder holding it")
    q.set_defaults(func=cmd_query, query_parser=q, query_func=None)
    qs = q.add_subparsers(dest="query", metavar="QUERY")
    common = [_common()]

    def add(name: str, func: Callable, help: str) -> argparse.ArgumentParser:
        p = qs.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".", parents=common)
        p.set_defaults(query_func=func)
        return p

    _add_lookups(add)
    _add_walks(add)


def _add_lookups(add: _Add) -> None:
    p = add("actor", _q_actor, "one actor: names, documents and neighbours")
    p.add_argument("name", metavar="ACTOR")
    p = add("actors", _q_actors, "every actor, most mentioned first")
    p.add_argument("--type", choices=["country", "person", "organization", "region"])
    p.add_argument("--role", choices=["leader", "official", "expert"])
    p = add("relations", _q_relations, "relations matching the filters, with evidence")
    p.add_argument("--source", metavar="ACTOR")
    p.add_argument("--target", metavar="ACTOR")
    p.add_argument("--type", action="append", metavar="TYPE", help=_TYPE_HELP)
    p.add_argument(
        "--modality", action="append", metavar="MODALITY", help="asserted, hedged, negated, hypothetical (repeatable)"
    )
    p.add_argument("--since", metavar="TIME", help="only evidence dated from TIME (2000, 2024-06)")
    p.add_argument("--until", metavar="TIME", help="only evidence dated up to TIME")
    p.add_argument("--evidence", action="store_true", help="list every evidence sentence after the table")
    p = add("between", _q_between, "all relations between two actors, either way, with every evidence sentence")
    p.add_argument("a", metavar="ACTOR")
    p.add_argument("b", metavar="ACTOR")
    p.add_argument("--type", action="append", metavar="TYPE", help=_TYPE_HELP)
    p = add("neighbors", _q_neighbors, "the actors linked to one actor, and how")
    p.add_argument("name", metavar="ACTOR")
    p.add_argument("--type", action="append", metavar="TYPE", help=_TYPE_HELP)


def _add_walks(add: _Add) -> None:
    p = add("path", _q_path, "how two actors are connected: the relations along a shortest chain")
    p.add_argument("a", metavar="ACTOR")
    p.add_argument("b", metavar="ACTOR")
    p.add_argument("--type", action="append", metavar="TYPE", help=_TYPE_HELP)
    p = add("ego", _q_ego, "the relations among the actors around one actor")
    p.add_argument("name", metavar="ACTOR")
    p.add_argument("--radius", type=int, default=1, help="how many relations away (default: 1)")
    p.add_argument("--type", action="append", metavar="TYPE", help=_TYPE_HELP)
    p = add("comments", _q_comments, "who said what about whom (all speakers, or one)")
    p.add_argument("speaker", nargs="?", metavar="SPEAKER")
    p.add_argument("--about", metavar="ACTOR")
    p.add_argument("--role", choices=["leader", "official", "expert"])
    p = add("commentators", _q_commentators, "who said what about one actor")
    p.add_argument("actor", metavar="ACTOR")
    p = add("central", _q_central, "the most connected actors")
    p.add_argument("-n", type=_positive, default=10, help="how many (default: 10)")
    p.add_argument("--by", choices=["degree", "evidence", "betweenness"], default="degree")
    p.add_argument("--type", action="append", metavar="TYPE", help=_TYPE_HELP)
    p = add("timeline", _q_timeline, "relations of one actor, or between two, in time order with Goldstein scores")
    p.add_argument("a", metavar="ACTOR")
    p.add_argument("b", nargs="?", metavar="ACTOR")
    p.add_argument("--type", action="append", metavar="TYPE", help=_TYPE_HELP)
    p.add_argument(
        "--no-predecessors",
        action="store_true",
        help="leave out predecessor states (the Soviet Union in Russia's timeline)",
    )


def _register_export(subparsers: Any) -> None:
    e = subparsers.add_parser(
        "export",
        help="convert a graph.json to GraphML, GEXF, JSON or neo4j CSV",
        description="Write an existing graph in another format.",
        epilog=_EXPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("graph", metavar="GRAPH", help="graph.json, or the folder holding it")
    e.add_argument(
        "--format",
        "-f",
        choices=["graphml", "gexf", "json", "csv"],
        help="output format (default: from the extension of -o)",
    )
    e.add_argument(
        "-o", "--output", metavar="PATH", help="file to write (a folder for csv); default: beside GRAPH (graph.gexf …)"
    )
    e.set_defaults(func=cmd_export)


def _register_render(subparsers: Any) -> None:
    r = subparsers.add_parser(
        "render",
        help="draw a graph.json as the interactive map (HTML) or as a picture (PNG)",
        description="Draw an existing graph: the offline HTML map, or a PNG of it taken by headless Chromium.",
        epilog=_RENDER_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    r.add_argument("graph", metavar="GRAPH", help="graph.json, or the folder holding it")
    r.add_argument("-o", "--output", metavar="HTML", help="write the interactive map here")
    r.add_argument("--png", metavar="PNG", help="write a picture of the map here (needs headless Chromium)")
    r.add_argument("--title", help="the map's title (default: geokg)")
    r.add_argument(
        "--size", type=_size, default=(1400, 900), metavar="WxH", help="picture size in pixels (default: 1400x900)"
    )
    r.add_argument(
        "--top",
        type=_top,
        default=40,
        metavar="N",
        help="the picture shows the N actors with the most evidence (default: 40; 0: all)",
    )
    r.add_argument(
        "--timeout", type=float, default=120.0, metavar="SECONDS", help="give up on the browser after this long"
    )
    r.set_defaults(func=cmd_render)
