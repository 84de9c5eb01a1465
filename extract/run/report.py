"""The account of a build: one row per input (``report.json``'s ``inputs``) and the totals.

``report.json`` is deterministic (no times, no cache counts): the same inputs give the same bytes.
It is also the manifest of the output set (:mod:`extract.run.outdir`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .into import GraphTotals
from .into import summary as into_summary

__all__ = [
    "FAILED",
    "PROCESSED",
    "SKIPPED",
    "BuildReport",
    "InputRecord",
    "UsageError",
    "bug_reason",
    "sentence_bug_reason",
]

PROCESSED, SKIPPED, FAILED = "processed", "skipped", "failed"


class UsageError(Exception):
    """A mistake in how geokg was called (exit code 2)."""


@dataclass
class InputRecord:
    """What happened to one input file: a row of ``report.json``."""

    path: str
    status: str  # processed | skipped | failed
    reason: str = ""
    encoding: str | None = None
    format: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None  # publication date found in the input (ISO), used to resolve 「19日」
    characters: int = 0
    sentences: int = 0
    relations: int = 0
    warnings: list[str] = field(default_factory=list)
    traceback: str | None = None  # for -v; not written to report.json

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "reason": self.reason,
            "encoding": self.encoding,
            "format": self.format,
            "title": self.title,
            "url": self.url,
            "author": self.author,
            "date": self.date,
            "characters": self.characters,
            "sentences": self.sentences,
            "relations": self.relations,
            "warnings": list(self.warnings),
        }


@dataclass
class BuildReport:
    """The account of a build; ``to_dict`` is ``report.json`` (deterministic: no times)."""

    outdir: Path
    inputs: list[InputRecord] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    manifest: dict[str, dict[str, Any]] = field(default_factory=dict)  # each output's size and sha256
    limits: dict[str, Any] = field(default_factory=dict)  # the limits the run read its inputs with
    actors: int = 0
    relations: int = 0
    edges: int = 0
    seconds: float = 0.0
    extractor: str = ""
    cache: str = ""  # e.g. "350 cached, 8 extracted"; not in report.json (it differs between runs)
    excluded: list[tuple[str, str]] = field(default_factory=list)  # geokg's own output under the inputs
    earlier: list[InputRecord] = field(default_factory=list)  # --into: rows of the documents not read again
    into: bool = False
    kept_previous: bool = False  # nothing could be read: the previous outputs were left in place
    graph: GraphTotals | None = None  # what the graph written holds (documents, actors, relations, edges)
    already_in_graph: int = 0  # inputs read and skipped: their text is in the graph under another path

    def _with(self, status: str) -> list[InputRecord]:
        return [r for r in self.inputs if r.status == status]

    @property
    def processed(self) -> list[InputRecord]:
        return self._with(PROCESSED)

    @property
    def skipped(self) -> list[InputRecord]:
        return self._with(SKIPPED)

    @property
    def failed(self) -> list[InputRecord]:
        return self._with(FAILED)

    @property
    def failures(self) -> list[tuple[str, str]]:
        return [(r.path, r.reason) for r in self.failed]

    @property
    def documents(self) -> int:
        return len(self.processed)

    @property
    def sentences(self) -> int:
        return sum(r.sentences for r in self.inputs)

    @property
    def ok(self) -> bool:
        """True when nothing failed and at least one article was processed, or found in the graph already (exit code 0)."""
        return not self.failed and (bool(self.processed) or self.already_in_graph > 0)

    def to_dict(self) -> dict[str, Any]:
        """report.json: every document of the graph (with ``--into``, also those of earlier runs), then this run."""
        inputs = sorted([*self.earlier, *self.inputs], key=lambda r: r.path)

        def count(rows: list[InputRecord], status: str) -> int:
            return sum(r.status == status for r in rows)

        return {
            "extractor": self.extractor,
            "inputs": [r.to_dict() for r in inputs],
            "totals": {
                "inputs": len(inputs),
                "processed": count(inputs, PROCESSED),
                "skipped": count(inputs, SKIPPED),
                "failed": count(inputs, FAILED),
                "warnings": sum(len(r.warnings) for r in inputs),
                "characters": sum(r.characters for r in inputs),
                "sentences": sum(r.sentences for r in inputs),
                "relations": self.relations + sum(r.relations for r in self.earlier),
                "actors": self.actors,
                "edges": self.edges,
            },
            # What this run read; with --into the rows and totals above also cover the earlier runs.
            "this_run": {
                "into": self.into,
                "inputs": len(self.inputs),
                "processed": len(self.processed),
                "skipped": len(self.skipped),
                "failed": len(self.failed),
                "relations": self.relations,
            },
            "excluded": [{"path": p, "reason": r} for p, r in sorted(self.excluded)],
            "limits": dict(self.limits),
            "outputs": list(self.outputs),
            # report.json is written last: the set is complete when every file matches this.
            "manifest": dict(sorted(self.manifest.items())),
        }

    def summary(self) -> str:
        if self.into and self.graph is not None:
            return into_summary(self, self.graph)  # what this run added, and what the graph now holds
        counts = f"{len(self.processed)} processed"
        if self.skipped:
            counts += f", {len(self.skipped)} skipped"
        if self.failed:
            counts += f", {len(self.failed)} failed"
        return (
            f"{len(self.inputs)} inputs ({counts}): {self.sentences} sentences, {self.actors} actors, "
            f"{self.relations} relations ({self.edges} edges) in {self.seconds:.1f} s"
            + (f" ({self.cache})" if self.cache else "")
            + f" → {self.outdir}/"
        )


def bug_reason(path: str | Path, stage: str, error: BaseException | str) -> str:
    if isinstance(error, BaseException):
        error = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return (
        f"{path}: {stage} failed ({error}); the other articles are still written — please report this file "
        "to the geokg developers (run with -v for the traceback)"
    )


def sentence_bug_reason(path: str | Path, index: int, error: str) -> str:
    """The warning for sentence ``index`` (counted from 0, as Relation.sentence_index; said from 1) of
    ``path``, whose extraction failed while the rest of the article was read."""
    return (
        f"{path}: sentence {index + 1}: extraction failed ({error}); the rest of the article is still read — "
        "please report this file to the geokg developers (run with -v for the traceback)"
    )
