"""The interactive map: a single offline HTML file drawn with vis-network."""

from __future__ import annotations

import os

import networkx as nx

from ._atomic import write_text_atomic

__all__ = ["render_html"]


def render_html(G: nx.MultiDiGraph, path: str | os.PathLike[str], *, title: str = "geokg") -> None:
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", height="800px", width="100%")
    for n, d in sorted(G.nodes(data=True)):
        net.add_node(n, label=d.get("label", n))
    for s, t, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        net.add_edge(s, t, label=k)
    write_text_atomic(path, net.generate_html())
