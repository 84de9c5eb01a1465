"""Exports for external tools: GEXF (Gephi), CSV for ``neo4j-admin``, and all at once.

GEXF 1.3
    Node ``label`` and edge ``label``/``kind`` (the relation type, which is
    how Gephi tells parallel edges apart) are GEXF's own attributes; the rest
    are declared ``<attributes>``. GEXF reserves ``type`` for an edge's
    direction, so the relation type is also the ``relation`` attribute. An
    edge's dated evidence becomes its ``<spells>``, one interval per distinct
    time ("1961" → 1961-01-01 … 1961-12-31), so Gephi's timeline shows the
    1961, 2000 and 2024 treaties at their dates; an edge with no dated
    evidence has no interval and is shown at every time.
CSV for ``neo4j-admin database import``
    ``nodes.csv`` (``id:ID``, …, ``:LABEL`` such as ``Actor;Person;Expert``)
    and ``edges.csv`` (``:START_ID``, ``:END_ID``, ``:TYPE`` such as
    ``TREATY``, …), UTF-8, RFC 4180 quoting, arrays split on ``;`` (neo4j's
    default array delimiter). Array items cannot hold ``;`` or line breaks,
    so evidence lines have ``;`` replaced by ``；`` and breaks by spaces.
    Import with::

        neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv neo4j
"""

from __future__ import annotations

import contextlib
import csv
import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import networkx as nx

from ._atomic import atomic_open
from ._time import period
from .model import EDGE_LIST_ATTRS, NODE_LIST_ATTRS
from .readwrite import (
    _sorted_edges,
    _sorted_nodes,
    evidence_text,
    flat_attrs,
    write_graphml,
    write_json,
    write_xml,
    xml_text,
    xml_type,
)

__all__ = [
    "FORMATS",
    "OUTPUT_FILES",
    "export",
    "write_csv",
    "write_edges_csv",
    "write_gexf",
    "write_nodes_csv",
    "write_outputs",
]

FORMATS = ("graphml", "gexf", "json", "csv")

# What `geokg build` writes beside triples.jsonl and graph.html.
OUTPUT_FILES = ("graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv")

_GEXF_NS = "http://gexf.net/1.3"
_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def _spells(evidence: list[Mapping[str, Any]]) -> list[tuple[str, str]]:
    periods = sorted({p for ev in evidence if (p := period(ev.get("time")))})
    merged: list[tuple[str, str]] = []
    for start, end in periods:
        if merged and start <= merged[-1][1]:  # a date inside a year already listed
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _gexf_tree(G: nx.MultiDiGraph) -> ET.ElementTree:
    nodes = []
    for n, d in _sorted_nodes(G):
        attrs = flat_attrs({k: v for k, v in d.items() if k != "label"})
        nodes.append((n, str(d.get("label", n)), attrs))
    edges = []
    for s, t, k, d in _sorted_edges(G):
        attrs = flat_attrs({k2: v for k2, v in d.items() if k2 not in ("type", "weight")})
        attrs["relation"] = str(d.get("type", k))
        edges.append(
            (s, t, str(d.get("type", k)), d.get("weight", d.get("count", 1)), attrs, _spells(d.get("evidence") or []))
        )
    dynamic = any(e[5] for e in edges)

    root = ET.Element(
        "gexf",
        {
            "xmlns": _GEXF_NS,
            "xmlns:xsi": _XSI_NS,
            "xsi:schemaLocation": f"{_GEXF_NS} {_GEXF_NS}/gexf.xsd",
            "version": "1.3",
        },
    )
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "geokg"
    ET.SubElement(meta, "description").text = "Geopolitical relations extracted from Japanese news"
    graph_attrs = {"defaultedgetype": "directed", "mode": "dynamic" if dynamic else "static"}
    if dynamic:
        graph_attrs["timeformat"] = "date"
    graph = ET.SubElement(root, "graph", graph_attrs)

    schema: dict[str, dict[str, str]] = {}
    for cls, items in (("node", [a for *_, a in nodes]), ("edge", [e[4] for e in edges])):
        names = sorted({k for a in items for k in a})
        schema[cls] = {name: xml_type([a[name] for a in items if name in a], integer="integer") for name in names}
        block = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for name, gtype in schema[cls].items():
            # id == title: graphology-gexf (Gephi Lite) names an attribute by its id unless the id is a number.
            ET.SubElement(block, "attribute", {"id": name, "title": name, "type": gtype})

    def add_values(element: ET.Element, cls: str, attrs: Mapping[str, Any]) -> None:
        values = ET.SubElement(element, "attvalues")
        for name in sorted(attrs):
            ET.SubElement(values, "attvalue", {"for": name, "value": xml_text(attrs[name], schema[cls][name])})

    nodes_el = ET.SubElement(graph, "nodes")
    for n, label, attrs in nodes:
        add_values(
            ET.SubElement(nodes_el, "node", {"id": xml_text(n, "string"), "label": xml_text(label, "string")}),
            "node",
            attrs,
        )
    edges_el = ET.SubElement(graph, "edges")
    for i, (s, t, rtype, weight, attrs, spells) in enumerate(edges):
        edge = ET.SubElement(
            edges_el,
            "edge",
            {
                "id": f"e{i}",
                "source": xml_text(s, "string"),
                "target": xml_text(t, "string"),
                "label": rtype,
                "kind": rtype,
                "weight": xml_text(weight, "double"),
            },
        )
        add_values(edge, "edge", attrs)
        if spells:
            spells_el = ET.SubElement(edge, "spells")
            for start, end in spells:
                ET.SubElement(spells_el, "spell", {"start": start, "end": end})
    ET.indent(root, space="  ")
    return ET.ElementTree(root)


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write ``G`` as GEXF 1.3 for Gephi, with relation times as timeline intervals.

    Examples
    --------
    >>> import io
    >>> from graph.example import example_graph
    >>> buf = io.BytesIO()
    >>> write_gexf(example_graph(), buf)
    >>> H = nx.read_gexf(io.BytesIO(buf.getvalue()), version="1.3")
    >>> H.graph["mode"], sorted(d["relation"] for s, t, d in H.edges(data=True) if d["relation"] == "treaty")
    ('dynamic', ['treaty', 'treaty'])
    >>> sorted(d["spells"] for s, t, d in H.edges(data=True) if d["relation"] == "treaty")
    [[('1961-01-01', '1961-12-31')], [('2000-01-01', '2000-12-31'), ('2024-06-19', '2024-06-19')]]
    """
    write_xml(_gexf_tree(G), path)


_NEO4J_NODE_FIELDS = (
    # (attribute, header, kind)
    ("label", "label", "string"),
    ("type", "type", "string"),
    ("role", "role", "string"),
    ("aliases", "aliases:string[]", "array"),
    ("mentions", "mentions:int", "int"),
    ("docs", "docs:string[]", "array"),
    ("merged", "merged:string[]", "array"),
)
_NEO4J_EDGE_FIELDS = (
    ("symmetric", "symmetric:boolean", "boolean"),
    ("count", "count:int", "int"),
    ("modality", "modality", "string"),
    ("confidence", "confidence:double", "double"),
    ("first_time", "first_time", "string"),
    ("last_time", "last_time", "string"),
    ("cameo", "cameo", "string"),
    ("goldstein", "goldstein:double", "double"),
    ("predicates", "predicates:string[]", "array"),
    ("docs", "docs:string[]", "array"),
    ("evidence", "evidence:string[]", "array"),
)
assert {a for a, _, k in _NEO4J_NODE_FIELDS if k == "array"} == set(NODE_LIST_ATTRS)
assert {a for a, _, k in _NEO4J_EDGE_FIELDS if k == "array"} - {"evidence"} == set(EDGE_LIST_ATTRS)


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
    if kind == "array":
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
    with _csv_out(path) as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id:ID", *(h for _, h, _ in _NEO4J_NODE_FIELDS), ":LABEL"])
        for n, d in _sorted_nodes(G):
            w.writerow([neutralise(str(n)), *(_cell(d.get(a), k) for a, _, k in _NEO4J_NODE_FIELDS), _neo4j_labels(d)])


def write_edges_csv(G: nx.MultiDiGraph, path: str | os.PathLike[str] | IO[str]) -> None:
    """Write the relations as ``edges.csv`` for ``neo4j-admin database import`` (a path or a text file)."""
    with _csv_out(path) as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow([":START_ID", ":END_ID", ":TYPE", *(h for _, h, _ in _NEO4J_EDGE_FIELDS)])
        for s, t, k, d in _sorted_edges(G):
            row = {**d, "evidence": evidence_text(d.get("evidence") or [])}
            w.writerow(
                [
                    neutralise(str(s)),
                    neutralise(str(t)),
                    neutralise(str(d.get("type", k)).upper()),
                    *(_cell(row.get(a), kind) for a, _, kind in _NEO4J_EDGE_FIELDS),
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
    >>> [(r[":START_ID"], r[":TYPE"], r[":END_ID"], r["first_time"]) for r in rows if r[":TYPE"] == "TREATY"]
    [('PRK', 'TREATY', 'RUS', '2000'), ('PRK', 'TREATY', 'SUN', '1961')]
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    write_nodes_csv(G, out / "nodes.csv")
    write_edges_csv(G, out / "edges.csv")
    return out / "nodes.csv", out / "edges.csv"


def write_outputs(G: nx.MultiDiGraph, folder: str | os.PathLike[str]) -> dict[str, Path]:
    """Write every graph file ``geokg build`` leaves in ``folder`` (see :data:`OUTPUT_FILES`).

    Returns a mapping of file name to path. The map (graph.html) is drawn
    separately by :func:`graph.render_html`.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    write_json(G, out / "graph.json")
    write_graphml(G, out / "graph.graphml")
    write_gexf(G, out / "graph.gexf")
    nodes, edges = write_csv(G, out)
    return {
        "graph.json": out / "graph.json",
        "graph.graphml": out / "graph.graphml",
        "graph.gexf": out / "graph.gexf",
        "nodes.csv": nodes,
        "edges.csv": edges,
    }


def export(G: nx.MultiDiGraph, path: str | os.PathLike[str], format: str) -> list[Path]:
    """Write ``G`` in one of :data:`FORMATS` to ``path`` (a folder for ``csv``); returns the files written.

    >>> import tempfile
    >>> from graph.example import example_graph
    >>> with tempfile.TemporaryDirectory() as d:
    ...     [p.name for p in export(example_graph(), d, "csv")]
    ['nodes.csv', 'edges.csv']
    """
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if format == "csv":
        return list(write_csv(G, path))
    writer = {"graphml": write_graphml, "gexf": write_gexf, "json": write_json}[format]
    writer(G, path)
    return [Path(path)]
