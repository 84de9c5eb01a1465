"""Documents keyed by content as well as by path, and what a run added to the graph.

A graph remembers the SHA-256 of each document's text (and date) in its
``digests`` attribute (document → hex digest). With ``--into``, a document
whose text the graph already holds under another path (a copy, the same
folder named from another working folder) is reported as already in the graph
and not added again. A document at the same path is read again and replaces
its old version, edited or not. Within one run every path is a document of
its own, as before: the texts compared are those of the earlier runs.

:func:`summary` says what a run added and what the graph now holds, in two
lines, after ``--into``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graph.model import DIGESTS

from ..types import Document

__all__ = ["DIGESTS", "ContentIndex", "GraphTotals", "digest", "summary", "totals"]


def digest(doc: Document) -> str:
    """The key of a document's content: its text and publication date (the date resolves 「19日」).

    >>> digest(Document(path="a.txt", text="本文")) == digest(Document(path="b/a.txt", text="本文"))
    True
    >>> digest(Document(path="a.txt", text="本文")) == digest(Document(path="a.txt", text="本文", date="2024-06-19"))
    False
    """
    h = hashlib.sha256()
    h.update((doc.date or "").encode("utf-8"))
    h.update(b"\0")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class ContentIndex:
    """Which texts the graph held before this run, by digest; and the digests of what this run adds.

    ``rereading`` are the documents this run reads again at their own path:
    their old text no longer counts, since they replace it.
    """

    def __init__(self, G: Any, rereading: Iterable[str] = ()) -> None:
        self.G = G
        again = set(rereading)
        held = G.graph.get(DIGESTS) or {}
        self._by_digest: dict[str, str] = {d: doc for doc, d in sorted(held.items()) if doc not in again}
        self._pending: dict[str, str] = {}
        self.duplicates: list[str] = []  # the paths found to hold a text the graph has

    def duplicate_of(self, doc: Document) -> str | None:
        """The document already holding ``doc``'s text under another path, or None (then ``doc`` is taken)."""
        d = digest(doc)
        other = self._by_digest.get(d)
        if other is not None and other != doc.path:
            self.duplicates.append(doc.path)
            return other
        self._pending[doc.path] = d
        return None

    def added(self, path: str) -> None:
        """``path`` is in the graph now: remember its digest there."""
        held = dict(self.G.graph.get(DIGESTS) or {})
        if path in self._pending:
            held[path] = self._pending.pop(path)
        self.G.graph[DIGESTS] = dict(sorted(held.items()))

    @staticmethod
    def reason(path: str, other: str) -> str:
        return f"{path}: the same text as {other}, which is in the graph already; not added again"


@dataclass(frozen=True, slots=True)
class GraphTotals:
    """What a graph holds: documents, actors, relations (evidence sentences) and edges."""

    documents: int = 0
    actors: int = 0
    relations: int = 0
    edges: int = 0


def totals(G: Any) -> GraphTotals:
    docs = set(G.graph.get("documents") or {})
    docs.update(ev["doc"] for *_, d in G.edges(data=True) for ev in d.get("evidence", ()))
    return GraphTotals(
        documents=len(docs),
        actors=G.number_of_nodes(),
        relations=sum(len(d.get("evidence", ())) for *_, d in G.edges(data=True)),
        edges=G.number_of_edges(),
    )


def summary(report: Any, graph: GraphTotals) -> str:
    """Two lines: what the run read and added, and what the graph in OUTDIR now holds.

    >>> class R:
    ...     inputs, processed, skipped, failed, already_in_graph = [1, 2, 3], [1], [2, 3], [], 1
    ...     sentences, relations, seconds, cache, outdir = 48, 57, 0.4, "", "out"
    >>> print(summary(R(), GraphTotals(documents=3, actors=40, relations=90, edges=70)))
    this run: 3 inputs (1 processed, 1 already in the graph, 1 skipped): 48 sentences, 57 relations added in 0.4 s
    the graph now: 3 documents, 40 actors, 90 relations (70 edges) → out/
    """
    counts = f"{len(report.processed)} processed"
    known = getattr(report, "already_in_graph", 0)
    if known:
        counts += f", {known} already in the graph"
    if len(report.skipped) > known:
        counts += f", {len(report.skipped) - known} skipped"
    if report.failed:
        counts += f", {len(report.failed)} failed"
    return (
        f"this run: {len(report.inputs)} inputs ({counts}): {report.sentences} sentences, "
        f"{report.relations} relations added in {report.seconds:.1f} s"
        + (f" ({report.cache})" if report.cache else "")
        + f"\nthe graph now: {graph.documents} documents, {graph.actors} actors, {graph.relations} relations "
        f"({graph.edges} edges) → {report.outdir}/"
    )
