"""Reading and writing graphs: node-link JSON (lossless) and GraphML.

GraphML readers accept only scalars, so lists are joined with " | " and the
evidence is written as readable text; ``graph.json`` keeps everything.
"""

from __future__ import annotations

import json
import os
from typing import Any

import networkx as nx

from ._atomic import atomic_open, atomic_path

__all__ = ["write_json", "read_json", "write_graphml", "read_graphml", "LIST_SEPARATOR"]

LIST_SEPARATOR = " | "


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    data = nx.node_link_data(G, edges="edges")
    with atomic_open(path) as fh:
        json.dump(data, fh, ensure_ascii=False, sort_keys=True, indent=1)
        fh.write("\n")


def read_json(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def _scalar(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        if value and isinstance(value[0], dict):
            return "\n".join(_evidence_line(v) for v in value)
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def _evidence_line(ev: dict[str, Any]) -> str:
    when = f" ({ev['time']})" if ev.get("time") else ""
    return f"[{ev.get('doc', '')}#{ev.get('sentence_index', '')}]{when} {ev.get('sentence', '')}"


def flat_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all scalars (for GraphML and GEXF)."""
    H = nx.MultiDiGraph()
    for n, d in sorted(G.nodes(data=True)):
        H.add_node(n, **{k: _scalar(v) for k, v in sorted(d.items())})
    for s, t, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        H.add_edge(s, t, key=k, **{a: _scalar(v) for a, v in sorted(d.items())})
    return H


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    with atomic_path(path) as tmp:
        nx.write_graphml_xml(flat_copy(G), tmp, encoding="utf-8", named_key_ids=True)


def read_graphml(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    return nx.read_graphml(path, force_multigraph=True)
