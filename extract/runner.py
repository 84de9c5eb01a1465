"""``geokg build`` as a function: inputs → extraction → the output files."""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from .types import Document

__all__ = ["UsageError", "BuildReport", "build", "documents"]

log = logging.getLogger(__name__)


class UsageError(Exception):
    """A mistake in how geokg was called (exit code 2)."""


@dataclass
class BuildReport:
    outdir: Path
    documents: int = 0
    sentences: int = 0
    actors: int = 0
    relations: int = 0
    edges: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.documents} documents, {self.sentences} sentences, {self.actors} actors, "
                f"{self.relations} relations ({self.edges} edges) in {self.seconds:.1f} s → {self.outdir}/")


def documents(inputs: Sequence[str], failures: list[tuple[str, str]]) -> Iterator[Document]:
    from .io import InputError, iter_input_files, read_document

    for item in inputs:
        if not Path(item).exists():
            raise UsageError(f"{item}: no such file or folder")
    for path in iter_input_files(inputs):
        try:
            yield read_document(path)
        except InputError as e:
            failures.append((str(path), str(e)))
            log.warning("%s", e)


def _progress(iterable, total: int, enabled: bool, desc: str):
    if not enabled or total < 2:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="doc", file=sys.stderr, leave=False)


def build(inputs: Sequence[str], outdir: str | Path, *, model: str = "ja_ginza", progress: bool = True) -> BuildReport:
    import graph

    from .io import iter_input_files, write_jsonl
    from .pipeline import Extractor, load

    started = time.perf_counter()
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder; choose another -o OUTDIR")
    report = BuildReport(outdir=out)
    docs = documents(inputs, report.failures)
    files = list(iter_input_files(inputs))
    extractor = Extractor(load(model))
    relations = []
    actors = []
    show = progress and sys.stderr.isatty()
    for result in _progress(extractor.pipe(docs), len(files), show, "extracting"):
        report.documents += 1
        report.sentences += result.sentences
        relations.extend(result.relations)
        actors.extend(result.actors)
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(relations, out / "triples.jsonl")
    G = graph.build_graph(relations, actors)
    graph.write_json(G, out / "graph.json")
    graph.write_graphml(G, out / "graph.graphml")
    graph.render_html(G, out / "graph.html")
    report.actors = G.number_of_nodes()
    report.relations = len(relations)
    report.edges = G.number_of_edges()
    report.seconds = time.perf_counter() - started
    return report
