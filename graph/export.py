"""Exports for external tools, all at once or one format at a time.

One attribute name per field in every format (the names of graph.json): GraphML
(:mod:`graph.readwrite`), GEXF (:mod:`graph.gexf`), CSV for ``neo4j-admin``
(:mod:`graph.neo4j`) and node-link JSON. Lists are lists in JSON, joined with
``" | "`` in GraphML and GEXF, arrays split on ``;`` in CSV; evidence is a
list of records in JSON and readable text elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from .gexf import write_gexf
from .neo4j import neutralise, write_csv, write_edges_csv, write_nodes_csv
from .readwrite import write_graphml, write_json

__all__ = [
    "FORMATS",
    "OUTPUT_FILES",
    "export",
    "neutralise",
    "write_csv",
    "write_edges_csv",
    "write_gexf",
    "write_nodes_csv",
    "write_outputs",
]

FORMATS = ("graphml", "gexf", "json", "csv")

# What `geokg build` writes beside triples.jsonl and graph.html.
OUTPUT_FILES = ("graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv")


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
