"""CSV for ``neo4j-admin database import``: ``nodes.csv`` and ``edges.csv``, under graph.json's attribute names.

``nodes.csv``: ``id:ID``, then every node attribute (``label``, ``type``,
``role``, ``aliases:string[]``, ``mentions:int``, ``docs:string[]``,
``merged:string[]``, and any other the nodes carry whose name neo4j reads as
a property, such as the actor dictionary's ``en:string[]``), then ``:LABEL``
(``Actor;Person;Expert``).
``edges.csv``: ``:START_ID``, ``:END_ID``, ``:TYPE`` (``TREATY``: neo4j's
relationship type), then every edge attribute, ``type`` (``treaty``) among
them, so that a property has the name it has in every other format.

UTF-8, RFC 4180 quoting, arrays split on ``;`` (neo4j's default array
delimiter). Array items cannot hold ``;`` or line breaks, so evidence lines
have ``;`` replaced by ``；`` and breaks by spaces. A cell that would begin
with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` (:func:`neutralise`).
Import with::

    neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv neo4j
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import networkx as nx

from ._atomic import atomic_open
from .readwrite import _sorted_edges, _sorted_nodes, evidence_text

__all__ = ["neutralise", "write_csv", "write_edges_csv", "write_nodes_csv"]

# The attributes geokg writes, in this order; any other attribute follows, sorted, its kind read from its values.
_NODE_FIELDS = (
    ("label", "string"),
    ("type", "string"),
    ("role", "string"),
    ("aliases", "string[]"),
    ("mentions", "int"),
    ("docs", "string[]"),
    ("merged", "string[]"),
)
_EDGE_FIELDS = (
    ("type", "string"),
    ("symmetric", "boolean"),
    ("count", "int"),
    ("weight", "double"),
    ("modality", "string"),
    ("confidence", "double"),
    ("first_time", "string"),
    ("last_time", "string"),
    ("cameo", "string"),
    ("goldstein", "double"),
    ("predicates", "string[]"),
    ("docs", "string[]"),
    ("evidence", "string[]"),
)


def _kind(values: Iterable[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {list, tuple}:
        return "string[]"
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "int"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


# A header name neo4j-admin reads as a property (an attribute named otherwise, "=x" or "a:b", stays in the other formats).
_PROPERTY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _fields(items: list[Mapping[str, Any]], known: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    names = {k for d in items for k in d if isinstance(k, str) and _PROPERTY.fullmatch(k)} - {n for n, _ in known}
    return [*known, *((name, _kind(d.get(name) for d in items)) for name in sorted(names))]


def _header(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


def _array_item(value: Any) -> str:
    return " ".join(str(value).replace(";", "；").split())


# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, and tab or CR before one.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell that a spreadsheet shows rather than evaluates: a leading ``'`` before = + - @.

    Article text is data, and a sentence or a mention can begin with
    ``=HYPERLINK(…)``; Excel and LibreOffice treat the quote as "this is text".
    Numbers geokg writes itself (``-4.0``) are not text cells and are left alone.

    >>> neutralise("=1+1"), neutralise("-ロシア"), neutralise("ロシア")
    ("'=1+1", "'-ロシア", 'ロシア')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value: Any, kind: str) -> str:
    # An empty cell is "no property" to neo4j-admin, which is what a missing value is.
    if value is None or (value == "" and kind != "string"):
        return ""
    if kind == "string[]":
        return neutralise(";".join(_array_item(v) for v in value))
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    if kind == "int":
        return str(int(value))
    return neutralise(" ".join(str(value).splitlines()))


def _neo4j_labels(d: Mapping[str, Any]) -> str:
    labels = ["Actor"]
    for attr in ("type", "role"):
        if d.get(attr):
            labels.append(str(d[attr]).capitalize())
    return ";".join(labels)


def _csv_out(path: str | os.PathLike[str] | IO[str]):
    if hasattr(path, "write"):
        return contextlib.nullcontext(path)
    return atomic_open(path)


def write_nodes_csv(G: nx.MultiDiGraph, path: str | os.PathLike[str] | IO[str]) -> None:
    """Write the actors as ``nodes.csv`` for ``neo4j-admin database import`` (a path or a text file)."""
    nodes = _sorted_nodes(G)
    fields = _fields([d for _, d in nodes], _NODE_FIELDS)
    with _csv_out(path) as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id:ID", *(_header(a, k) for a, k in fields), ":LABEL"])
        for n, d in nodes:
            w.writerow([neutralise(str(n)), *(_cell(d.get(a), k) for a, k in fields), _neo4j_labels(d)])


def write_edges_csv(G: nx.MultiDiGraph, path: str | os.PathLike[str] | IO[str]) -> None:
    """Write the relations as ``edges.csv`` for ``neo4j-admin database import`` (a path or a text file)."""
    edges = _sorted_edges(G)
    fields = _fields([d for *_, d in edges], _EDGE_FIELDS)
    with _csv_out(path) as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow([":START_ID", ":END_ID", ":TYPE", *(_header(a, k) for a, k in fields)])
        for s, t, k, d in edges:
            row = {"type": str(k), **d, "evidence": evidence_text(d.get("evidence") or [])}
            w.writerow(
                [
                    neutralise(str(s)),
                    neutralise(str(t)),
                    neutralise(str(d.get("type", k)).upper()),
                    *(_cell(row.get(a), kind) for a, kind in fields),
                ]
            )


def write_csv(G: nx.MultiDiGraph, folder: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``edges.csv`` for ``neo4j-admin database import`` into ``folder``.

    Returns the two paths.

    Examples
    --------
    >>> import tempfile
    >>> from graph.example import example_graph
    >>> with tempfile.TemporaryDirectory() as d:
    ...     nodes, edges = write_csv(example_graph(), d)
    ...     head = nodes.read_text(encoding="utf-8").splitlines()[0]
    ...     rows = list(csv.DictReader(edges.open(encoding="utf-8")))
    >>> head
    'id:ID,label,type,role,aliases:string[],mentions:int,docs:string[],merged:string[],:LABEL'
    >>> [(r[":START_ID"], r["type"], r[":END_ID"], r["first_time"], r["count:int"]) for r in rows if r[":TYPE"] == "TREATY"]
    [('PRK', 'treaty', 'RUS', '2000', '2'), ('PRK', 'treaty', 'SUN', '1961', '1')]
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    write_nodes_csv(G, out / "nodes.csv")
    write_edges_csv(G, out / "edges.csv")
    return out / "nodes.csv", out / "edges.csv"
