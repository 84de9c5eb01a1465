"""igraph: the GraphML read with igraph's own reader, its integers given back.

igraph's C core keeps every number as a double, so ``igraph.Graph.Read_GraphML``
reads ``mentions`` and ``count`` as 3.0, and fills a value an element lacks
with NaN (numbers) or "" (strings). :func:`read_igraph` reads the file the same
way and gives the attributes GraphML declares ``long`` or ``int`` back as
Python ints, and missing values as None.
"""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from typing import Any

__all__ = ["read_igraph"]

_NS = "{http://graphml.graphdrawing.org/xmlns}"


def _declared(path: str | os.PathLike[str]) -> dict[str, dict[str, str]]:
    """``{"node": {name: type}, "edge": {...}}`` as the file's ``<key>`` elements declare them."""
    out: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for _, el in ET.iterparse(os.fspath(path), events=("start",)):
        if el.tag == f"{_NS}key" and el.get("for") in out:
            out[str(el.get("for"))][str(el.get("attr.name"))] = str(el.get("attr.type"))
        elif el.tag == f"{_NS}graph":
            break
    return out


def _restore(value: Any, declared: str | None) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if declared in ("int", "long") and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_igraph(path: str | os.PathLike[str]) -> Any:
    """A GraphML file (``graph.graphml``) as an ``igraph.Graph``, integers as ints.

    Needs python-igraph (``pip install python-igraph``). Vertex ``id`` is the
    actor id, as igraph's reader gives it.

    >>> import tempfile, graph
    >>> with tempfile.TemporaryDirectory() as d:
    ...     graph.write_graphml(graph.example_graph(), f"{d}/graph.graphml")
    ...     g = read_igraph(f"{d}/graph.graphml")
    >>> v = g.vs.find(id="RUS")
    >>> v["mentions"], type(v["mentions"]).__name__, g.es[0]["count"]
    (8, 'int', 1)
    """
    try:
        import igraph
    except ImportError:  # pragma: no cover - the test extra installs it
        raise ImportError("read_igraph needs python-igraph: pip install python-igraph") from None
    g = igraph.Graph.Read_GraphML(os.fspath(path))
    declared = _declared(path)
    for seq, domain in ((g.vs, "node"), (g.es, "edge")):
        for name in seq.attributes():
            seq[name] = [_restore(v, declared[domain].get(name)) for v in seq[name]]
    return g
