"""``geokg build`` as a function: inputs → extraction → the output files.

Every input is accounted for in ``report.json`` (processed, skipped or failed,
with the reason), and a failure in one article never costs the others: a file
that cannot be read, or that makes the extractor raise, is recorded as failed
and the run goes on.

Memory stays flat over folders of thousands of articles: files are read one at
a time, relations are streamed to the (temporary) ``triples.jsonl`` and the
graph is grown document by document with :func:`graph.add_relations`.

All outputs are staged as temporary files in the output folder and renamed
over the old ones only when every one of them has been written, so an
interrupted or crashed run leaves the previous outputs as they were.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .types import Document

__all__ = ["UsageError", "InputRecord", "BuildReport", "build", "documents", "OUTPUT_FILES", "REPORT_FILE"]

log = logging.getLogger(__name__)

PROCESSED, SKIPPED, FAILED = "processed", "skipped", "failed"
OUTPUT_FILES = ("triples.jsonl", "graph.json", "graph.graphml", "graph.html")
REPORT_FILE = "report.json"


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
    date: str | None = None  # publication date found in the input (ISO), used to resolve 「19日」
    characters: int = 0
    sentences: int = 0
    relations: int = 0
    warnings: list[str] = field(default_factory=list)
    traceback: str | None = None  # for -v; not written to report.json

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "reason": self.reason, "encoding": self.encoding,
                "format": self.format, "title": self.title, "url": self.url, "date": self.date,
                "characters": self.characters, "sentences": self.sentences,
                "relations": self.relations, "warnings": list(self.warnings)}


@dataclass
class BuildReport:
    """The account of a build; ``to_dict`` is ``report.json`` (deterministic: no times)."""

    outdir: Path
    inputs: list[InputRecord] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    actors: int = 0
    relations: int = 0
    edges: int = 0
    seconds: float = 0.0
    extractor: str = ""

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
        """True when nothing failed and at least one article was processed (exit code 0)."""
        return not self.failed and bool(self.processed)

    def to_dict(self) -> dict[str, Any]:
        inputs = sorted(self.inputs, key=lambda r: r.path)
        return {
            "extractor": self.extractor,
            "inputs": [r.to_dict() for r in inputs],
            "totals": {
                "inputs": len(inputs),
                "processed": len(self.processed),
                "skipped": len(self.skipped),
                "failed": len(self.failed),
                "warnings": sum(len(r.warnings) for r in inputs),
                "characters": sum(r.characters for r in inputs),
                "sentences": self.sentences,
                "relations": self.relations,
                "actors": self.actors,
                "edges": self.edges,
            },
            "outputs": list(self.outputs),
        }

    def summary(self) -> str:
        counts = f"{len(self.processed)} processed"
        if self.skipped:
            counts += f", {len(self.skipped)} skipped"
        if self.failed:
            counts += f", {len(self.failed)} failed"
        return (f"{len(self.inputs)} inputs ({counts}): {self.sentences} sentences, {self.actors} actors, "
                f"{self.relations} relations ({self.edges} edges) in {self.seconds:.1f} s → {self.outdir}/")


def _check_inputs(inputs: Sequence[str]) -> None:
    missing = [item for item in inputs if not Path(item).exists()]
    if missing:
        names = ", ".join(missing)
        hint = ("give the articles to read, e.g. `geokg build articles/`" if list(inputs) == ["seeds"]
                else "check the spelling, or the folder you run geokg from")
        raise UsageError(f"{names}: no such file or folder; {hint}")


def documents(inputs: Sequence[str], failures: list[tuple[str, str]]) -> Iterator[Document]:
    """The readable documents among ``inputs``; what cannot be read goes to ``failures``."""
    from .io import InputError, SkippedInput, list_inputs, read_input

    _check_inputs(inputs)
    for f in list_inputs(inputs):
        if not f.supported:
            continue
        if f.error:
            failures.append((str(f.path), f.error))
            log.warning("%s", f.error)
            continue
        try:
            yield read_input(f.path).document
        except SkippedInput as e:
            log.info("%s", e)
        except InputError as e:
            failures.append((str(f.path), str(e)))
            log.warning("%s", e)


def _progress(iterable: Iterable[Any], total: int, enabled: bool, desc: str) -> Iterable[Any]:
    if not enabled or total < 2:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="doc", file=sys.stderr, leave=False)


# Temporary files of a run that was killed (SIGKILL, power loss) before it could clean up.
_STALE = re.compile(r"^\.\.?(?:triples\.jsonl|graph\.json|graph\.graphml|graph\.html|report\.json)\..*\.tmp$")


def _remove_stale_temporaries(out: Path) -> None:
    for p in out.iterdir():
        if _STALE.match(p.name) and p.is_file():
            with contextlib.suppress(OSError):
                p.unlink()
                log.info("removed %s, left by an earlier run that was killed", p)


def _prepare_outdir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder; choose another -o OUTDIR")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"{out}: cannot create the output folder ({e.strerror or e}); "
                         "choose another -o OUTDIR") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise UsageError(f"{out}: the output folder is not writable; choose another -o OUTDIR")


def build(inputs: Sequence[str], outdir: str | Path, *, model: str = "ja_ginza", progress: bool = True,
          extractor: Any = None) -> BuildReport:
    """Extract from ``inputs`` (files and folders) and write the outputs and ``report.json`` to ``outdir``.

    Raises :class:`UsageError` for a missing input or an unusable output folder
    (before anything is read). Per-file problems never raise: they are recorded
    in the returned report.
    """
    import graph
    from graph._atomic import atomic_open, atomic_path

    from .io import InputError, SkippedInput, dump_relation, list_inputs, read_input

    started = time.perf_counter()
    out = Path(outdir)
    _check_inputs(inputs)
    _prepare_outdir(out)
    files = list_inputs(inputs, exclude=[out])
    if extractor is None:
        from .pipeline import Extractor, load

        try:
            extractor = Extractor(load(model))
        except RuntimeError as e:
            raise UsageError(str(e)) from None
    report = BuildReport(outdir=out, extractor=str(getattr(extractor, "version", "")))
    _remove_stale_temporaries(out)
    G = graph.build_graph([])
    show = progress and sys.stderr.isatty()
    with contextlib.ExitStack() as staged:
        # Entered in reverse order of renaming: triples.jsonl is renamed first, report.json last.
        report_tmp = staged.enter_context(atomic_path(out / REPORT_FILE))
        html_tmp = staged.enter_context(atomic_path(out / "graph.html"))
        graphml_tmp = staged.enter_context(atomic_path(out / "graph.graphml"))
        json_tmp = staged.enter_context(atomic_path(out / "graph.json"))
        triples = staged.enter_context(atomic_open(out / "triples.jsonl"))
        for f in _progress(files, len(files), show, "extracting"):
            record = InputRecord(path=str(f.path), status=PROCESSED)
            report.inputs.append(record)
            if f.error:
                record.status, record.reason = FAILED, f.error
                log.info("%s", f.error)
                continue
            if not f.supported:
                record.status = SKIPPED
                record.reason = (f"{f.path}: not an article file ({f.path.suffix or 'no extension'}); geokg reads "
                                 ".txt .md .html — name the file on the command line to read it anyway")
                continue
            try:
                loaded = read_input(f.path)
            except SkippedInput as e:
                record.status, record.reason = SKIPPED, str(e)
                log.info("%s", e)
                continue
            except InputError as e:
                record.status, record.reason = FAILED, str(e)
                log.info("%s", e)
                continue
            doc = loaded.document
            record.encoding, record.format = loaded.encoding, loaded.format
            record.title, record.url, record.date = doc.title, doc.url, doc.date
            record.characters = len(doc.text)
            record.warnings = list(loaded.warnings)
            for w in loaded.warnings:
                log.info("%s", w)
            try:
                result = extractor.extract(doc)
                lines = [dump_relation(r) + "\n" for r in result.relations]
                graph.add_relations(G, result.relations, result.actors)
            except Exception as e:
                what = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
                record.status = FAILED
                record.reason = (f"{f.path}: extraction failed ({what}); the other articles are still written — "
                                 "please report this file to the geokg developers (run with -v for the traceback)")
                record.traceback = traceback.format_exc()
                log.info("%s", record.reason)
                continue
            record.sentences = result.sentences
            record.relations = len(lines)
            record.warnings += [f"{f.path}: {w}" for w in getattr(result, "warnings", ())]
            triples.writelines(lines)
            report.relations += len(lines)
            log.info("%s: %s, %s, %d sentences, %d relations", f.path, loaded.format, loaded.encoding,
                     result.sentences, len(result.relations))
        graph.write_json(G, json_tmp)
        graph.write_graphml(G, graphml_tmp)
        graph.render_html(G, html_tmp)
        report.actors = G.number_of_nodes()
        report.edges = G.number_of_edges()
        report.outputs = [*OUTPUT_FILES, REPORT_FILE]
        with open(report_tmp, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(report.to_dict(), fh, ensure_ascii=False, indent=1, sort_keys=False)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
    report.seconds = time.perf_counter() - started
    return report
