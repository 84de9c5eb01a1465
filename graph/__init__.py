"""geokg.graph: relations → networkx graph → map, queries and exports.

Never imports spaCy: a graph can be loaded, queried and exported without the
language model installed.

>>> import graph
>>> kg = graph.example()                 # or graph.load("output/graph.json")
>>> kg.actor("ロシア").id
'RUS'
"""

from .build import add_relations, add_results, build_graph
from .example import example, example_graph
from .export import (
    FORMATS,
    OUTPUT_FILES,
    export,
    write_csv,
    write_edges_csv,
    write_gexf,
    write_nodes_csv,
    write_outputs,
)
from .interop import read_igraph
from .merge import merge_identities
from .model import canonical, remove_document, to_relations
from .names import NameIndex, search_keys
from .query import (
    AmbiguousActor,
    KnowledgeGraph,
    NoPath,
    UnknownActor,
    load,
)
from .readwrite import GraphFileError, read_graphml, read_json, write_graphml, write_json
from .render import notebook_map, render_html, to_pyvis
from .table import Table

__all__ = [
    "FORMATS",
    "OUTPUT_FILES",
    "AmbiguousActor",
    "GraphFileError",
    "KnowledgeGraph",
    "NameIndex",
    "NoPath",
    "Table",
    "UnknownActor",
    "add_relations",
    "add_results",
    "build_graph",
    "canonical",
    "example",
    "example_graph",
    "export",
    "load",
    "merge_identities",
    "notebook_map",
    "read_graphml",
    "read_igraph",
    "read_json",
    "remove_document",
    "render_html",
    "search_keys",
    "to_pyvis",
    "to_relations",
    "write_csv",
    "write_edges_csv",
    "write_gexf",
    "write_graphml",
    "write_json",
    "write_nodes_csv",
    "write_outputs",
]
