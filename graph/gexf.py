"""GEXF 1.3 for Gephi: the attributes of graph.json under the same names, relation dates as timeline intervals.

Node ``label`` is GEXF's own attribute; the rest are declared
``<attributes>`` under the names graph.json uses, ``type`` included: GEXF's
``type`` attribute of an edge element (its direction) is another thing, and
readers keep them apart (networkx, graphology). An edge's ``weight`` (a
float, as graph.json's) is GEXF's own weight, and its ``label`` and ``kind``
repeat the relation type for Gephi, which tells parallel edges apart by
kind. An edge's dated evidence becomes its ``<spells>``, one interval per
distinct time ("1961" → 1961-01-01 … 1961-12-31), so Gephi's timeline shows
the 1961, 2000 and 2024 treaties at their dates; an edge with no dated
evidence has no interval and is shown at every time.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import IO, Any

import networkx as nx

from ._time import period
from .readwrite import _sorted_edges, _sorted_nodes, flat_attrs, write_xml, xml_text, xml_type

__all__ = ["write_gexf"]

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


def _root(dynamic: bool) -> tuple[ET.Element, ET.Element]:
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
    return root, ET.SubElement(root, "graph", graph_attrs)


def _declare(graph: ET.Element, cls: str, items: list[dict[str, Any]]) -> dict[str, str]:
    names = sorted({k for a in items for k in a})
    schema = {name: xml_type([a[name] for a in items if name in a], integer="integer") for name in names}
    block = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
    for name, gtype in schema.items():
        # id == title: graphology-gexf (Gephi Lite) names an attribute by its id unless the id is a number.
        ET.SubElement(block, "attribute", {"id": name, "title": name, "type": gtype})
    return schema


def _values(element: ET.Element, schema: Mapping[str, str], attrs: Mapping[str, Any]) -> None:
    values = ET.SubElement(element, "attvalues")
    for name in sorted(attrs):
        ET.SubElement(values, "attvalue", {"for": name, "value": xml_text(attrs[name], schema[name])})


def _gexf_tree(G: nx.MultiDiGraph) -> ET.ElementTree:
    nodes = [
        (n, str(d.get("label", n)), flat_attrs({k: v for k, v in d.items() if k != "label"}))
        for n, d in _sorted_nodes(G)
    ]
    edges = [
        (
            s,
            t,
            str(d.get("type", k)),
            d.get("weight", d.get("count", 1)),
            flat_attrs({"type": str(k), **{a: v for a, v in d.items() if a != "weight"}}),
            _spells(d.get("evidence") or []),
        )
        for s, t, k, d in _sorted_edges(G)
    ]
    root, graph = _root(dynamic=any(e[5] for e in edges))
    node_schema = _declare(graph, "node", [a for *_, a in nodes])
    edge_schema = _declare(graph, "edge", [e[4] for e in edges])
    nodes_el = ET.SubElement(graph, "nodes")
    for n, label, attrs in nodes:
        node = ET.SubElement(nodes_el, "node", {"id": xml_text(n, "string"), "label": xml_text(label, "string")})
        _values(node, node_schema, attrs)
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
        _values(edge, edge_schema, attrs)
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
    >>> H.graph["mode"], sorted(d["type"] for s, t, d in H.edges(data=True) if d["type"] == "treaty")
    ('dynamic', ['treaty', 'treaty'])
    >>> sorted(d["spells"] for s, t, d in H.edges(data=True) if d["type"] == "treaty")
    [[('1961-01-01', '1961-12-31')], [('2000-01-01', '2000-12-31'), ('2024-06-19', '2024-06-19')]]
    """
    write_xml(_gexf_tree(G), path)
