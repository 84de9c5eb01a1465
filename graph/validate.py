"""What a graph.json must hold before geokg reads it: the checks beyond its shape.

:func:`graph.readwrite.read_json` checks the shape of node-link JSON and the
type of each field geokg writes; :func:`check_graph` then checks, on the
same mapping, what would otherwise break a command further on:

- ``graph.merged_ids`` maps ids to ids (merging persons follows it);
- no integer is too large for a 64-bit number (GraphML ``long``, GEXF
  ``integer``, ``float()`` in queries: a 400-digit ``weight`` was an
  OverflowError);
- no attribute name, relation type, edge key, actor type or role holds a
  control character (they become XML names and attribute values in GraphML
  and GEXF, which cannot carry them).

With ``complete=True`` (``geokg build --into``, which changes the graph) it
also checks that every field the update reads is there and valid: each edge
has evidence, each evidence every field of a relation, types and modalities
are the ontology's, each node its label, type, aliases, documents and
mentions. All of it before anything is changed, so a damaged graph is one
error and nothing written.

Each problem raises :class:`GraphInvalid` naming the field (``edges[3].weight``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["GraphInvalid", "check_graph"]

_LIMIT = 2**63  # integers as GraphML and GEXF readers take them
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
_NAMED = ("type", "role")  # node values that become names or classes in the exports
_NODE_REQUIRED = {"label": str, "type": str, "aliases": list, "docs": list, "mentions": int}
_EVIDENCE_REQUIRED = {
    "doc": str,
    "sentence": str,
    "sentence_index": int,
    "predicate": str,
    "modality": str,
    "time": (str, type(None)),
    "confidence": (int, float),
    "source_mention": str,
    "target_mention": str,
}


class GraphInvalid(ValueError):
    """A field of a graph that geokg cannot use (the message names it)."""


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _no_control(text: Any, where: str, what: str) -> None:
    if isinstance(text, str) and (m := _CONTROL.search(text)):
        raise GraphInvalid(f"{where}: {what} with a control character ({_escaped(m.group(0))})")


def _numbers(value: Any, where: str, depth: int = 0) -> None:
    """Every integer in ``value`` fits in 64 bits (``value`` is already known to be shallow)."""
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        if abs(value) >= _LIMIT:
            raise GraphInvalid(f"{where}: a {len(str(abs(value)))}-digit integer, too large for a number in a graph")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _numbers(v, f"{where}[{i}]", depth + 1)
    elif isinstance(value, dict):
        for k, v in value.items():
            _numbers(v, f"{where}.{k}", depth + 1)


def _item(item: Mapping[str, Any], where: str) -> None:
    for name, value in item.items():
        _no_control(name, where, "an attribute name")
        _numbers(value, f"{where}.{name}")


def check_graph(data: Mapping[str, Any], *, complete: bool = False) -> None:
    """Raise :class:`GraphInvalid` for the first field of node-link ``data`` geokg cannot use.

    ``data`` has passed :func:`graph.readwrite.read_json`'s checks of shape
    and types. ``complete`` asks for every field an update of the graph reads.

    >>> from graph.readwrite import node_link
    >>> from graph.example import example_graph
    >>> good = node_link(example_graph())
    >>> check_graph(good, complete=True)
    >>> check_graph({**good, "graph": {"merged_ids": {"x": ["y"]}}})
    Traceback (most recent call last):
    ...
    graph.validate.GraphInvalid: "graph".merged_ids: must map each merged id to the node it joined ({"金": "金正恩"})
    """
    attrs = data.get("graph") or {}
    merged = attrs.get("merged_ids", {})
    if not isinstance(merged, dict) or not all(isinstance(v, str) for v in merged.values()):
        raise GraphInvalid('"graph".merged_ids: must map each merged id to the node it joined ({"金": "金正恩"})')
    _item(attrs, '"graph"')
    for i, node in enumerate(data["nodes"]):
        where = f"nodes[{i}]"
        _item(node, where)
        for name in _NAMED:
            _no_control(node.get(name), f"{where}.{name}", "a name")
        if complete:
            _complete_node(node, where)
    for i, edge in enumerate(data["edges"]):
        where = f"edges[{i}]"
        _item(edge, where)
        for name in ("type", "key"):
            _no_control(edge.get(name), f"{where}.{name}", "a relation type")
        for j, ev in enumerate(edge.get("evidence") or ()):
            _item(ev, f"{where}.evidence[{j}]")
        if complete:
            _complete_edge(edge, where)


def _require(item: Mapping[str, Any], fields: Mapping[str, Any], where: str) -> None:
    for name, kind in fields.items():
        if name not in item:
            raise GraphInvalid(f"{where}: has no {name!r}")
        value = item[name]
        if isinstance(value, bool) or not isinstance(value, kind):
            raise GraphInvalid(f"{where}.{name}: must be {_kind(kind)}, not {value!r}"[:200])


def _kind(kind: Any) -> str:
    names = {str: "a string", int: "an integer", list: "a list", float: "a number", type(None): "null"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(dict.fromkeys(names[k] for k in kinds))


def _one_of(value: Any, allowed: set[str], where: str) -> None:
    if value not in allowed:
        raise GraphInvalid(f"{where}: {value!r} is not one of {', '.join(sorted(allowed))}"[:300])


def _complete_node(node: Mapping[str, Any], where: str) -> None:
    from extract.types import ActorType

    _require(node, _NODE_REQUIRED, where)
    _one_of(node["type"], {str(t) for t in ActorType}, f"{where}.type")
    if node["mentions"] < 0:
        raise GraphInvalid(f"{where}.mentions: must not be negative")


def _complete_edge(edge: Mapping[str, Any], where: str) -> None:
    from extract.types import Modality, RelationType

    if "evidence" not in edge:
        raise GraphInvalid(f"{where}: has no 'evidence' (the sentences behind the relation)")
    if not edge["evidence"]:
        raise GraphInvalid(f"{where}.evidence: is empty (a relation stands on at least one sentence)")
    types = {str(t) for t in RelationType}
    _one_of(edge.get("type"), types, f"{where}.type")
    _one_of(edge.get("key", edge.get("type")), types, f"{where}.key")
    modalities = {str(m) for m in Modality}
    for j, ev in enumerate(edge["evidence"]):
        here = f"{where}.evidence[{j}]"
        _require(ev, _EVIDENCE_REQUIRED, here)
        _one_of(ev["modality"], modalities, f"{here}.modality")
        if not 0 <= ev["confidence"] <= 1:
            raise GraphInvalid(f"{here}.confidence: must be from 0 to 1, not {ev['confidence']!r}")
