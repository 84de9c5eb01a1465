"""``geokg build`` as a function: inputs → extraction → the output files.

Every input is accounted for in ``report.json`` (processed, skipped or failed,
with the reason), and a failure in one article never costs the others: a file
that cannot be read, or that makes the extractor raise, is recorded as failed
and the run goes on.

Memory stays flat over folders of thousands of articles: files are read one at
a time, relations are streamed to the (temporary) ``triples.jsonl`` and the
graph is grown document by document with :func:`graph.add_relations`.

Results are cached on disk (:mod:`extract.run.cache`; a re-run on an unchanged
corpus does not parse again); ``workers`` extracts in several local
processes, ``dask`` on the workers of a Dask cluster (:mod:`extract.run.parallel`),
with the same outputs.

One run at a time writes to an output folder, and all its outputs are
written into a fresh folder and moved in, ``report.json`` last as the
manifest of the set, only when every one of them has been written
(:mod:`extract.run.outdir`): an interrupted, crashed or killed run never
leaves a set its manifest calls complete but the previous one or its own,
and a run that could read nothing keeps the previous outputs.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import tempfile
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..read.io import DEFAULT_MAX_BYTES
from ..types import Document
from .outdir import OutdirBusy, OutdirUnsafe, OutputFolder

__all__ = ["OUTPUT_FILES", "REPORT_FILE", "BuildReport", "InputRecord", "UsageError", "build", "documents"]

log = logging.getLogger(__name__)

PROCESSED, SKIPPED, FAILED = "processed", "skipped", "failed"
OUTPUT_FILES = ("triples.jsonl", "graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.html")
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
            "outputs": list(self.outputs),
            # report.json is written last: the set is complete when every file matches this.
            "manifest": dict(sorted(self.manifest.items())),
        }

    def summary(self) -> str:
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


def _check_inputs(inputs: Sequence[str]) -> None:
    missing = [item for item in inputs if not Path(item).exists()]
    if missing:
        names = ", ".join(missing)
        hint = (
            "give the articles to read, e.g. `geokg build articles/`"
            if list(inputs) == ["seeds"]
            else "check the spelling, or the folder you run geokg from"
        )
        raise UsageError(f"{names}: no such file or folder; {hint}")


def documents(inputs: Sequence[str], failures: list[tuple[str, str]]) -> Iterator[Document]:
    """The readable documents among ``inputs``; what cannot be read goes to ``failures``."""
    from ..read.io import InputError, SkippedInput, list_inputs, read_input

    _check_inputs(inputs)
    for f in list_inputs(inputs):
        if not f.supported or f.excluded:
            continue
        if f.error:
            failures.append((f.name, f.error))
            log.warning("%s", f.error)
            continue
        if f.skip:
            log.info("%s", f.skip)
            continue
        try:
            yield read_input(f.path, name=f.name).document
        except SkippedInput as e:
            log.info("%s", e)
        except InputError as e:
            failures.append((f.name, str(e)))
            log.warning("%s", e)


def _prepare_outdir(out: Path, *, into: bool) -> None:
    if into:
        if not out.is_dir():
            raise UsageError(
                f"{out}: no such folder; --into adds to the output folder of an earlier `geokg build` "
                f"(use -o {out} to start a new graph there)"
            )
        if not (out / "graph.json").is_file():
            raise UsageError(
                f"{out}: has no graph.json; --into adds to the output folder of an earlier `geokg build` "
                f"(use -o {out} to start a new graph there)"
            )
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder; choose another -o OUTDIR")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(
            f"{out}: cannot create the output folder ({e.strerror or e}); choose another -o OUTDIR"
        ) from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise UsageError(f"{out}: the output folder is not writable; choose another -o OUTDIR")


def _check_earlier_triples(path: Path) -> None:
    """Check the triples.jsonl of an earlier build before extracting anything (UsageError naming the line)."""
    if not path.is_file():
        return
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if raw.strip():
                _triple_doc(raw, path, lineno)


def _triple_doc(raw: bytes | str, path: Path, lineno: int) -> str:
    try:
        line = json.loads(raw)
    except (ValueError, RecursionError) as e:  # bad JSON, bad UTF-8, an integer too long, nesting too deep
        raise UsageError(
            f"{path}:{lineno}: not a geokg relation (not JSON: {e}); --into needs the triples.jsonl "
            "of an earlier `geokg build`"
        ) from None
    if not isinstance(line, dict) or not isinstance(line.get("doc"), str):
        raise UsageError(
            f'{path}:{lineno}: not a geokg relation (no "doc" string); --into needs the triples.jsonl '
            "of an earlier `geokg build`"
        )
    return line["doc"]


def _earlier_rows(path: Path) -> list[InputRecord]:
    """The input rows of the earlier report.json (none when it is missing or not geokg's)."""
    try:
        data = json.loads(path.read_bytes())
        rows = data["inputs"]
        out = []
        for row in rows:
            r = InputRecord(path=str(row["path"]), status=str(row["status"]), reason=str(row.get("reason") or ""))
            if r.status not in (PROCESSED, SKIPPED, FAILED):
                raise ValueError(r.status)
            for name in ("encoding", "format", "title", "url", "author", "date"):
                value = row.get(name)
                setattr(r, name, value if isinstance(value, str) else None)
            for name in ("characters", "sentences", "relations"):
                value = row.get(name)
                setattr(r, name, value if isinstance(value, int) and not isinstance(value, bool) else 0)
            r.warnings = [str(w) for w in row.get("warnings") or () if isinstance(w, str)]
            out.append(r)
        return out
    except (OSError, ValueError, RecursionError, KeyError, TypeError, AttributeError) as e:
        log.info("%s: not read (%s); the report lists the earlier documents without details", path, e)
        return []


def _carried_over(earlier: list[InputRecord], report: BuildReport, G: Any) -> list[InputRecord]:
    """--into: the earlier rows of the documents this run did not read, and a row for any graph document without one."""
    now = {r.path for r in report.inputs}
    rows = [r for r in earlier if r.path not in now]
    covered = now | {r.path for r in rows}
    for doc in sorted(set(G.graph.get("documents", {})) - covered):
        rows.append(
            InputRecord(
                path=doc,
                status=PROCESSED,
                warnings=[f"{doc}: read by an earlier run; the earlier report.json has no row for it"],
            )
        )
    return rows


def build(
    inputs: Sequence[str],
    outdir: str | Path,
    *,
    model: str = "ja_ginza",
    progress: bool = True,
    extractor: Any = None,
    into: bool = False,
    workers: int = 1,
    dask: str | None = None,
    cache: bool | None = None,
    cache_dir: str | Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BuildReport:
    """Extract from ``inputs`` (files and folders) and write the outputs and ``report.json`` to ``outdir``.

    With ``into``, the inputs are added to the graph already in ``outdir``
    (its ``graph.json``) without re-reading the old articles; an article
    already in it (the same :func:`~extract.read.io.document_id`) is replaced, and
    ``triples.jsonl`` keeps the old lines of the articles not re-read;
    ``report.json`` then lists every document of the graph.

    ``extractor`` is anything with the contract of :meth:`Extractor.pipe`
    (documents in, one :class:`~extract.types.DocumentResult` per document out,
    in input order, a failure inside one document set as its ``error``);
    default: an :class:`~extract.run.pipeline.Extractor` over ``model``, in
    ``workers`` processes (0: one per CPU core) or on the Dask cluster at
    ``dask`` (a scheduler address), behind the result cache in ``cache_dir`` (default
    ``~/.cache/geokg``; ``cache`` False, or None with ``$GEOKG_NO_CACHE`` set,
    turns it off). An ``extractor`` given is used as it is. Files larger
    than ``max_bytes`` are skipped.

    One run at a time writes to ``outdir`` (:class:`~extract.run.outdir.OutputFolder`
    locks it); the outputs are written into a fresh folder and moved in once
    all are written, ``report.json`` last as their manifest, so an interrupted
    or killed run never leaves a mixed set that its manifest calls complete. When no article at all could be read, the previous outputs are
    kept too (``report.kept_previous``).

    Raises :class:`UsageError` for a missing input, an unusable output folder
    or one in use by another run (before anything is read). Per-file problems
    never raise: they are recorded in the returned report.
    """
    started = time.perf_counter()
    out = Path(outdir)
    _check_inputs(inputs)
    if workers < 0:
        raise UsageError(f"--workers {workers}: give a number of processes (0: one per CPU core)")
    if max_bytes < 1:
        raise UsageError(f"--max-bytes {max_bytes}: give a size of at least 1 byte, e.g. 50MB")
    _prepare_outdir(out, into=into)
    folder = OutputFolder(out, [*OUTPUT_FILES, REPORT_FILE])
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(folder.locked())
        except (OutdirBusy, OutdirUnsafe) as e:  # nothing was read or written
            raise UsageError(str(e)) from None
        return _build_held(
            folder,
            inputs,
            extractor,
            dict(model=model, workers=workers, dask=dask, cache=cache, cache_dir=cache_dir),
            into=into,
            progress=progress,
            max_bytes=max_bytes,
            started=started,
        )


def _build_held(
    folder: OutputFolder,
    inputs: Sequence[str],
    extractor: Any,
    extractor_options: dict[str, Any],
    *,
    into: bool,
    progress: bool,
    max_bytes: int,
    started: float,
) -> BuildReport:
    """:func:`build` once the output folder is held."""
    import graph

    from ..read.io import list_inputs

    out = folder.path
    folder.recover()
    listed = list_inputs(inputs, exclude=[out])
    files = [f for f in listed if not f.excluded]
    old_graph, old_triples, old_report = out / "graph.json", out / "triples.jsonl", out / REPORT_FILE
    if into:
        try:
            G = graph.read_json(old_graph)
        except graph.GraphFileError as e:
            raise UsageError(f"{e}; --into needs the graph.json of an earlier `geokg build`") from None
        _check_earlier_triples(old_triples)
        earlier = _earlier_rows(old_report)
    else:
        G, earlier = graph.build_graph([]), []
    owned = extractor is None
    if extractor is None:
        from .parallel import make_extractor

        options = dict(extractor_options)
        options["workers"] = options["workers"] or os.cpu_count() or 1
        try:
            extractor = make_extractor(**options)
        except RuntimeError as e:
            raise UsageError(str(e)) from None
    report = BuildReport(outdir=out, extractor=str(getattr(extractor, "version", "")), into=into)
    report.excluded = [(f.name, f.excluded) for f in listed if f.excluded]
    bar = _progress_bar(len(files), progress and sys.stderr.isatty())
    run = folder.stage()
    committed = False
    try:
        # Lines are spooled until every article is in: merging persons across
        # articles (graph.merge_identities) may rename the ids written early.
        with (
            open(run / "triples.jsonl", "w", encoding="utf-8", newline="\n") as triples,
            tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as spool,
        ):
            added = _extract_all(files, extractor, report, G, spool, bar, max_bytes=max_bytes)
            if into and old_triples.is_file():
                with open(old_triples, encoding="utf-8") as fh:
                    for lineno, line in enumerate(fh, 1):
                        if line.strip() and _triple_doc(line, old_triples, lineno) not in added:
                            spool.write(line if line.endswith("\n") else line + "\n")
            graph.merge_identities(G)
            spool.seek(0)
            triples.writelines(_remapped(spool, G))
        if into:
            report.earlier = _carried_over(earlier, report, G)
            in_graph = G.graph.get("documents", {})
            for r in report.inputs:
                if r.status != PROCESSED and r.path in in_graph:
                    r.warnings.append(f"{r.path}: not read this time; its earlier version stays in the graph")
        if not report.processed and folder.has_outputs():
            report.kept_previous = True  # nothing read: an empty graph must not replace a real one
        else:
            graph.write_json(G, run / "graph.json")
            graph.write_graphml(G, run / "graph.graphml")
            graph.write_gexf(G, run / "graph.gexf")
            graph.write_nodes_csv(G, run / "nodes.csv")
            graph.write_edges_csv(G, run / "edges.csv")
            graph.render_html(G, run / "graph.html")
            report.actors = G.number_of_nodes()
            report.edges = G.number_of_edges()
            report.outputs = [*OUTPUT_FILES, REPORT_FILE]
            report.manifest = folder.manifest(run)
            with open(run / REPORT_FILE, "w", encoding="utf-8", newline="\n") as fh:
                json.dump(report.to_dict(), fh, ensure_ascii=False, indent=1, sort_keys=False)
                fh.write("\n")
            folder.commit(run)
            committed = True
    except OSError as e:  # name the file as the user knows it, not through the descriptor (outdir.stage)
        if isinstance(e.filename, str):
            e.filename = folder.shown(e.filename)
        raise
    except KeyboardInterrupt as e:  # Ctrl-C or SIGTERM waits for a commit under way, then lands here
        if folder.committed == run.name:
            e.args = (f"this run's outputs were complete and are in {folder.path}/",)
        raise
    finally:
        if not committed and folder.committed != run.name:
            folder.discard(run)
        if bar is not None:
            bar.close()
        if owned:
            extractor.close()
    if getattr(extractor, "stats", None) is not None:
        report.cache = str(extractor.stats)
    report.seconds = time.perf_counter() - started
    return report


def _remapped(lines: Iterable[str], G) -> Iterator[str]:
    """Triples lines with the ids of merged persons replaced by the node they joined."""
    from graph.merge import remap_relation

    if not G.graph.get("merged_ids"):
        yield from lines
        return
    for line in lines:
        data = json.loads(line)
        new = remap_relation(data, G)
        yield line if new == data else json.dumps(new, ensure_ascii=False) + "\n"


def _progress_bar(total: int, enabled: bool):
    if not enabled or total < 2:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc="extracting", unit="doc", file=sys.stderr, leave=False)


def _extract_all(files, extractor: Any, report: BuildReport, G, triples, bar, *, max_bytes: int) -> set[str]:
    """Read the files one by one, extract, and stream the results to ``triples`` and ``G``;
    returns the documents added to ``G``.

    Files are read only as the extractor asks for documents, so at most its
    batch is in memory. Results come back in input order; ``in_flight`` pairs
    each with its file. If the extractor raises on a whole batch (instead of
    setting one result's ``error``), the batch's documents are retried one by
    one, so only the culprit fails, and a new pipe takes the rest.
    """
    import graph

    from ..read.io import InputError, SkippedInput, display_path, dump_relation, read_input

    in_flight: deque[tuple[InputRecord, Document]] = deque()
    handed_out = 0
    added: set[str] = set()

    def done(record: InputRecord) -> None:
        if bar is not None:
            bar.update(1)

    def readable() -> Iterator[Document]:
        nonlocal handed_out
        for f in files:
            record = InputRecord(path=f.name, status=PROCESSED)
            report.inputs.append(record)
            if f.error:
                record.status, record.reason = FAILED, f.error
            elif f.skip:
                record.status, record.reason = SKIPPED, f.skip
            elif not f.supported:
                record.status = SKIPPED
                record.reason = (
                    f"{f.name}: not an article file ({display_path(f.path.suffix) or 'no extension'}); geokg "
                    "reads .txt .md .html — name the file on the command line to read it anyway"
                )
            else:
                try:
                    loaded = read_input(f.path, name=f.name, max_bytes=max_bytes)
                except SkippedInput as e:
                    record.status, record.reason = SKIPPED, str(e)
                except InputError as e:
                    record.status, record.reason = FAILED, str(e)
                except Exception as e:  # a bug in reading: this file fails, the others go on
                    record.status, record.reason, record.traceback = (
                        FAILED,
                        _bug(f.name, "reading", e),
                        traceback.format_exc(),
                    )
                else:
                    doc = loaded.document
                    record.encoding, record.format = loaded.encoding, loaded.format
                    record.title, record.url, record.date = doc.title, doc.url, doc.date
                    record.author = loaded.author
                    record.characters = len(doc.text)
                    record.warnings = list(loaded.warnings)
                    for w in loaded.warnings:
                        log.info("%s", w)
                    in_flight.append((record, doc))
                    handed_out += 1
                    yield doc
                    continue
            log.info("%s: %s", record.status, record.reason)
            done(record)

    def finish(record: InputRecord, result: Any) -> None:
        error = getattr(result, "error", None)
        if result.doc != record.path:
            error = f"the extractor returned the result of {result.doc} for it (results out of order)"
        lines: list[str] = []
        if not error:
            try:
                lines = [dump_relation(r) + "\n" for r in result.relations]
                # replaces the article if the graph had it already; persons are merged once, at the end
                graph.add_results(G, [result], merge=False)
                added.add(result.doc)
            except Exception as e:
                error, record.traceback = f"{type(e).__name__}: {e}", traceback.format_exc()
        if error:
            record.status, record.reason = FAILED, _bug(record.path, "extraction", error)
            log.info("%s", record.reason)
        else:
            record.sentences = result.sentences
            record.relations = len(lines)
            record.warnings += [f"{record.path}: {w}" for w in getattr(result, "warnings", ())]
            triples.writelines(lines)
            report.relations += len(lines)
            log.info(
                "%s: %s, %s, %d sentences, %d relations",
                record.path,
                record.format,
                record.encoding,
                record.sentences,
                record.relations,
            )
        done(record)

    documents = readable()
    while True:
        before = handed_out
        try:
            for result in extractor.pipe(documents):
                record, _ = in_flight.popleft()
                finish(record, result)
        except Exception as e:
            if handed_out == before and not in_flight:
                raise  # nothing to blame on a document: the extractor cannot run at all
            # The extractor failed on a batch: retry its documents one by one, so only the culprit fails.
            log.info(
                "extraction of a batch failed (%s: %s); retrying its %d documents one by one",
                type(e).__name__,
                e,
                len(in_flight),
            )
            suspects = list(in_flight)
            in_flight.clear()
            for record, doc in suspects:
                try:
                    results = list(extractor.pipe([doc]))
                    if len(results) != 1:
                        raise RuntimeError(f"the extractor returned {len(results)} results for one document")
                    finish(record, results[0])
                except Exception as e1:
                    record.status, record.reason = FAILED, _bug(record.path, "extraction", e1)
                    record.traceback = traceback.format_exc()
                    log.info("%s", record.reason)
                    done(record)
            continue
        break
    for _ in documents:  # an extractor that stopped early: account for the files it never asked for
        pass
    while in_flight:
        record, _ = in_flight.popleft()
        record.status, record.reason = FAILED, f"{record.path}: the extractor returned no result for it"
        done(record)
    return added


def _bug(path: str | Path, stage: str, error: BaseException | str) -> str:
    if isinstance(error, BaseException):
        error = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return (
        f"{path}: {stage} failed ({error}); the other articles are still written — please report this file "
        "to the geokg developers (run with -v for the traceback)"
    )
