"""geokg.graph: relations → networkx graph → map, queries and exports.

Never imports spaCy: a graph can be loaded, queried and exported without the
language model installed.
"""

from .build import add_relations, build_graph, to_relations
from .readwrite import read_graphml, read_json, write_graphml, write_json
from .render import render_html

__all__ = [
    "build_graph",
    "add_relations",
    "to_relations",
    "write_json",
    "read_json",
    "write_graphml",
    "read_graphml",
    "render_html",
]
