"""Reading and writing graphs: node-link JSON (lossless) and GraphML.

``graph.json`` is networkx node-link JSON and keeps everything; reading it
gives back an identical graph.

GraphML is written for external tools (Gephi, Cytoscape, igraph, yEd,
graphology) to load as it is:

- every attribute is declared once, with its type (``string``, ``long``,
  ``double``, ``boolean``), under a key id unique in the file (``n_label``,
  ``e_type``); a value that is missing (``goldstein`` on leader_of) is left
  out rather than written empty;
- lists are joined with ``" | "`` (:data:`LIST_SEPARATOR`); :func:`read_graphml`
  splits them again;
- ``evidence`` is readable text, one line per sentence:
  ``[doc #sentence, time, modality] sentence``. It is text only: the
  mentions, predicate and confidence of each sentence stay in graph.json;
- an edge's relation type is its ``key`` attribute (beside ``type``), which
  networkx reads as the edge key (``H.edges["PRK", "RUS", "treaty"]``, as in
  graph.json); edges carry no ``id``, which networkx would take for the key
  instead (``e0``, ``e1`` …) and which graphology, igraph and Gephi do not need;
- integers are declared ``long``: networkx and graphology read integers,
  igraph reads every number as a double (its C core has no integer
  attribute; :func:`graph.read_igraph` gives them back as ints);
- nodes, edges and keys are sorted and the file is written atomically, so
  the same graph gives the same bytes.

Reading a GraphML file back gives the same nodes, edges and attributes as the
JSON graph, except that ``evidence`` is the text above and the graph-level
``documents`` record is not kept.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import networkx as nx

from ._atomic import atomic_open, atomic_path
from .model import EDGE_LIST_ATTRS, NODE_LIST_ATTRS
from .validate import GraphInvalid, check_graph

__all__ = [
    "LIST_SEPARATOR",
    "GraphFileError",
    "evidence_text",
    "flat_attrs",
    "read_graphml",
    "read_json",
    "write_graphml",
    "write_json",
]

LIST_SEPARATOR = " | "

_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
# Characters XML 1.0 cannot carry at all; they are dropped rather than making the file unreadable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class GraphFileError(ValueError):
    """A file that is not a geokg graph (or not readable as one)."""


def _sorted_nodes(G: nx.MultiDiGraph) -> list[tuple[Any, dict[str, Any]]]:
    return sorted(G.nodes(data=True), key=lambda n: str(n[0]))


def _sorted_edges(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    return sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))


def node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """``G`` as a node-link mapping (the networkx format, ``edges`` key), nodes and edges sorted."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": dict(G.graph),
        "nodes": [{**d, "id": n} for n, d in _sorted_nodes(G)],
        "edges": [{**d, "source": s, "target": t, "key": k} for s, t, k, d in _sorted_edges(G)],
    }


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``G`` as node-link JSON (UTF-8, sorted keys, atomically).

    Examples
    --------
    >>> import tempfile
    >>> from graph.example import example_graph
    >>> G = example_graph()
    >>> with tempfile.TemporaryDirectory() as d:
    ...     write_json(G, f"{d}/graph.json")
    ...     H = read_json(f"{d}/graph.json")
    >>> nx.utils.graphs_equal(G, H)
    True
    """
    with atomic_open(path) as fh:
        # allow_nan=False: NaN and Infinity are not JSON; a graph holding one is a bug to report, not a file to write.
        json.dump(node_link(G), fh, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False)
        fh.write("\n")


def read_json(path: str | os.PathLike[str], *, complete: bool = False) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_json`.

    Raises :class:`GraphFileError` (a ``ValueError``) naming the file, and the
    field, when it is not JSON or not a geokg node-link graph: a value of the
    wrong type (``"aliases": 5``), an edge between nodes the file does not
    list, NaN or an infinite number, nesting deeper than any geokg graph has,
    an integer too long to read; and what :func:`graph.validate.check_graph`
    checks (``complete``: every field an update of the graph reads, as
    ``geokg build --into`` asks). Attributes geokg does not know are kept as
    they are.
    """
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except IsADirectoryError:
        raise GraphFileError(f"{path}: is a folder, not a graph file") from None
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant, parse_float=_finite_float)
    except UnicodeDecodeError as e:
        raise GraphFileError(f"{path}: not a JSON graph (not UTF-8: {e})") from None
    except RecursionError:
        raise GraphFileError(f"{path}: not a geokg graph (nested deeper than any graph is)") from None
    except ValueError as e:  # JSONDecodeError, NaN, an integer of thousands of digits
        raise GraphFileError(f"{path}: not a JSON graph ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or "edges" not in data:
        raise GraphFileError(f"{path}: not a geokg graph (node-link JSON with 'nodes' and 'edges')")
    try:
        G = _graph_from(data)
        check_graph(data, complete=complete)
    except (_Bad, GraphInvalid) as e:
        raise GraphFileError(f"{path}: not a geokg graph: {e}") from None
    return G


class _Bad(ValueError):
    """A field of a node-link mapping that is not what a geokg graph holds (the message names it)."""


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large for a number")
    return value


_MAX_DEPTH = 16  # a geokg graph nests 4 deep (edges → evidence → one evidence → a value)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_value(value: Any, where: str, depth: int = 0) -> None:
    """Any JSON value: not too deep, and no string that cannot be written back as UTF-8."""
    if depth > _MAX_DEPTH:
        raise _Bad(f"{where}: nested deeper than any geokg graph is")
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise _Bad(f"{where}: a string with a lone surrogate (\\ud800-\\udfff), which is not text")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_value(v, f"{where}[{i}]", depth + 1)
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_value(k, f"{where} key", depth + 1)
            _check_value(v, f"{where}.{k}", depth + 1)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _strings(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


# The attributes geokg writes, and what each must be (others are kept as they are).
_KINDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "string": (lambda v: isinstance(v, str), "a string"),
    "string?": (lambda v: v is None or isinstance(v, str), "a string or null"),
    "strings": (_strings, "a list of strings"),
    "int": (_is_int, "an integer"),
    "number": (_is_number, "a number"),
    "number?": (lambda v: v is None or _is_number(v), "a number or null"),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "id": (lambda v: isinstance(v, str) or _is_int(v), "a string (or an integer)"),
}
_NODE_FIELDS = {
    "id": "id",
    "label": "string",
    "type": "string",
    "role": "string?",
    "aliases": "strings",
    "mentions": "int",
    "docs": "strings",
    "merged": "strings",
    # the actor dictionary's names, when a node carries them (graph.persons)
    "en": "strings",
    "acronyms": "strings",
    "latin": "string",
    "full": "string",
}
_EDGE_FIELDS = {
    "source": "id",
    "target": "id",
    "key": "id",
    "type": "string",
    "symmetric": "bool",
    "count": "int",
    "weight": "number",
    "docs": "strings",
    "predicates": "strings",
    "modality": "string",
    "confidence": "number",
    "first_time": "string",
    "last_time": "string",
    "cameo": "string?",
    "goldstein": "number?",
}
_EVIDENCE_FIELDS = {
    "doc": "string",
    "sentence": "string",
    "sentence_index": "int",
    "predicate": "string",
    "modality": "string",
    "time": "string?",
    "confidence": "number",
    "source_mention": "string",
    "target_mention": "string",
}
_EVIDENCE_REQUIRED = ("doc", "sentence", "sentence_index")


def _check_fields(item: Any, fields: Mapping[str, str], where: str, required: Iterable[str] = ()) -> None:
    if not isinstance(item, dict):
        raise _Bad(f"{where}: must be an object, not {_shown(item)}")
    for name in required:
        if name not in item:
            raise _Bad(f"{where}: has no {name!r}")
    for name, kind in fields.items():
        if name in item:
            ok, what = _KINDS[kind]
            if not ok(item[name]):
                raise _Bad(f"{where}.{name}: must be {what}, not {_shown(item[name])}")
    for name, value in item.items():
        _check_value(value, f"{where}.{name}")


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _graph_from(data: dict[str, Any]) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    attrs = data.get("graph")
    if attrs is None:
        attrs = {}
    if not isinstance(attrs, dict):
        raise _Bad(f'"graph": must be an object, not {_shown(attrs)}')
    documents = attrs.get("documents", {})
    if not isinstance(documents, dict) or not all(
        isinstance(m, dict) and all(_is_int(c) for c in m.values()) for m in documents.values()
    ):
        raise _Bad('"graph".documents: must map each document to its mentions per actor ({"RUS": 2})')
    digests = attrs.get("digests", {})
    if not isinstance(digests, dict) or not all(isinstance(d, str) for d in digests.values()):
        raise _Bad('"graph".digests: must map each document to the SHA-256 of its text ({"a.txt": "9f86…"})')
    for name, value in attrs.items():
        _check_value(value, f'"graph".{name}')
    G.graph.update(attrs)
    edges = data["edges"]
    if not isinstance(edges, list):
        raise _Bad(f'"edges": must be a list, not {_shown(edges)}')
    # Ids 5 and "5" are two nodes, as in networkx (the map draws both; see graph.render).
    for i, n in enumerate(data["nodes"]):
        where = f"nodes[{i}]"
        _check_fields(n, _NODE_FIELDS, where, required=("id",))
        G.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
    for i, edge in enumerate(edges):
        where = f"edges[{i}]"
        _check_fields(edge, _EDGE_FIELDS, where, required=("source", "target"))
        for end in ("source", "target"):
            if edge[end] not in G:
                raise _Bad(f"{where}.{end}: no node {_shown(edge[end])} in 'nodes'")
        evidence = edge.get("evidence", [])
        if not isinstance(evidence, list):
            raise _Bad(f"{where}.evidence: must be a list, not {_shown(evidence)}")
        for j, ev in enumerate(evidence):
            _check_fields(ev, _EVIDENCE_FIELDS, f"{where}.evidence[{j}]", required=_EVIDENCE_REQUIRED)
        attrs = {k: v for k, v in edge.items() if k not in ("source", "target", "key")}
        G.add_edge(edge["source"], edge["target"], key=edge.get("key", attrs.get("type")), **attrs)
    return G


def evidence_text(evidence: Iterable[Mapping[str, Any]]) -> list[str]:
    """One readable line per evidence sentence: ``[doc #index, time, modality] sentence``.

    >>> evidence_text([{"doc": "a.txt", "sentence_index": 3, "time": "1961", "modality": "asserted",
    ...                 "sentence": "北朝鮮とソ連が条約を\\n締結した。"}])
    ['[a.txt #3, 1961, asserted] 北朝鮮とソ連が条約を 締結した。']
    """
    out = []
    for ev in evidence:
        where = f"{ev.get('doc', '')} #{ev.get('sentence_index', '')}"
        parts = [where, *(p for p in (ev.get("time"), ev.get("modality")) if p)]
        sentence = " ".join(_XML_ILLEGAL.sub("", str(ev.get("sentence", ""))).split())
        out.append(f"[{', '.join(parts)}] {sentence}")
    return out


def _flat(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    if value is None:
        return None
    if isinstance(value, list | tuple):
        if value and all(isinstance(v, Mapping) for v in value):
            return "\n".join(evidence_text(value))
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def flat_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Attributes with only scalar values: lists joined, evidence as text, None dropped.

    >>> flat_attrs({"aliases": ["ロシア", "ロ"], "role": None, "mentions": 3})
    {'aliases': 'ロシア | ロ', 'mentions': 3}
    """
    out = {}
    for k, v in attrs.items():
        f = _flat(v)
        if f is not None:
            out[str(k)] = f
    return out


def xml_type(values: list[Any], *, integer: str = "long") -> str:
    """One declared type for an attribute's values: boolean, integer, double or string.

    GraphML calls its 64-bit integers ``long``, GEXF ``integer``.
    """
    kinds = {type(v) for v in values}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return integer
    if kinds <= {int, float}:
        return "double"
    return "string"


def xml_text(value: Any, declared: str) -> str:
    """A value as XML text of its declared type, without characters XML forbids."""
    if declared == "boolean":
        return "true" if value else "false"
    if declared == "double":
        return repr(float(value))
    return _XML_ILLEGAL.sub("", str(value))


def _graphml_tree(G: nx.MultiDiGraph) -> ET.ElementTree:
    nodes = [(n, flat_attrs(d)) for n, d in _sorted_nodes(G)]
    edges = [(s, t, k, {"key": str(k), **flat_attrs(d)}) for s, t, k, d in _sorted_edges(G)]
    schema: dict[tuple[str, str], str] = {}
    for domain, items in (("node", [d for _, d in nodes]), ("edge", [d for *_, d in edges])):
        names = sorted({k for d in items for k in d})
        for name in names:
            schema[domain, name] = xml_type([d[name] for d in items if name in d])
    root = ET.Element(
        "graphml",
        {
            "xmlns": _GRAPHML_NS,
            "xmlns:xsi": _XSI_NS,
            "xsi:schemaLocation": f"{_GRAPHML_NS} {_GRAPHML_NS}/1.0/graphml.xsd",
        },
    )
    key_id = {}
    for (domain, name), declared in sorted(schema.items()):
        key_id[domain, name] = f"{domain[0]}_{name}"
        ET.SubElement(
            root, "key", {"id": key_id[domain, name], "for": domain, "attr.name": name, "attr.type": declared}
        )
    graph = ET.SubElement(root, "graph", {"id": "geokg", "edgedefault": "directed"})

    def add_data(element: ET.Element, domain: str, attrs: Mapping[str, Any]) -> None:
        for name in sorted(attrs):
            data = ET.SubElement(element, "data", {"key": key_id[domain, name]})
            data.text = xml_text(attrs[name], schema[domain, name])

    for n, attrs in nodes:
        add_data(ET.SubElement(graph, "node", {"id": xml_text(n, "string")}), "node", attrs)
    for s, t, _k, attrs in edges:
        add_data(
            ET.SubElement(graph, "edge", {"source": xml_text(s, "string"), "target": xml_text(t, "string")}),
            "edge",
            attrs,
        )
    ET.indent(root, space="  ")
    return ET.ElementTree(root)


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write ``G`` as GraphML that Gephi, Cytoscape, igraph and graphology load as is.

    ``path`` may be a file name (written atomically) or a binary file object.

    Examples
    --------
    >>> from graph.example import example_graph
    >>> buf = io.BytesIO()
    >>> write_graphml(example_graph(), buf)
    >>> H = read_graphml(io.BytesIO(buf.getvalue()))
    >>> H.nodes["RUS"]["aliases"], H.edges["PRK", "SUN", "treaty"]["first_time"]
    (['ロ', 'ロシア', 'ロシア連邦', '露'], '1961')
    >>> H.edges["PRK", "SUN", "treaty"]["evidence"]
    '[demo/1961.txt #0, 1961, asserted] 北朝鮮とソ連が1961年に友好協力相互援助条約を締結した。'
    """
    write_xml(_graphml_tree(G), path)


def write_xml(tree: ET.ElementTree, path: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write an XML document as UTF-8 to a binary file object, or atomically to a path."""
    if hasattr(path, "write"):
        tree.write(path, encoding="utf-8", xml_declaration=True)
        path.write(b"\n")
        return
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as fh:
            tree.write(fh, encoding="utf-8", xml_declaration=True)
            fh.write(b"\n")


def read_graphml(path: str | os.PathLike[str] | IO[bytes]) -> nx.MultiDiGraph:
    """Read a GraphML file written by :func:`write_graphml` into the graph.json schema.

    Edge keys are the relation types (the ``key`` attribute), and the list
    attributes are split back into lists. Files from other tools are read
    too, as networkx reads them.
    """
    source = path if hasattr(path, "read") else Path(path)
    try:
        raw = nx.read_graphml(source, force_multigraph=True)
    except (ET.ParseError, nx.NetworkXError, KeyError) as e:
        raise GraphFileError(f"{getattr(path, 'name', path)}: not a readable GraphML graph ({e})") from None
    G = nx.MultiDiGraph()
    # Only the list attributes this file declares are restored, so a foreign file gains none.
    node_lists = [a for a in NODE_LIST_ATTRS if any(a in d for _, d in raw.nodes(data=True))]
    edge_lists = [a for a in EDGE_LIST_ATTRS if any(a in d for *_, d in raw.edges(data=True))]
    for n, d in raw.nodes(data=True):
        G.add_node(n, **_unflatten(d, node_lists))
    for s, t, k, d in raw.edges(keys=True, data=True):
        attrs = _unflatten({a: v for a, v in d.items() if a not in ("id", "key")}, edge_lists)
        G.add_edge(s, t, key=d.get("key", attrs.get("type", k)), **attrs)
    return G


def _unflatten(attrs: Mapping[str, Any], list_attrs: Iterable[str]) -> dict[str, Any]:
    out = dict(attrs)
    for name in list_attrs:
        if name in out:
            value = out[name]
            out[name] = value.split(LIST_SEPARATOR) if isinstance(value, str) and value else []
    return out


def graphml_bytes(G: nx.MultiDiGraph) -> bytes:
    """The GraphML of ``G`` as bytes (what :func:`write_graphml` writes)."""
    buf = io.BytesIO()
    write_graphml(G, buf)
    return buf.getvalue()
