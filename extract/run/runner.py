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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..read.io import DEFAULT_MAX_BYTES, MAX_DEPTH
from ..types import Document
from .extracting import Extraction
from .into import ContentIndex, totals
from .limits import DEFAULT_DOC_TIMEOUT
from .outdir import OutdirBusy, OutdirUnsafe, OutputFolder
from .reading import ReaderProcess
from .report import FAILED, PROCESSED, SKIPPED, BuildReport, InputRecord, UsageError

__all__ = ["OUTPUT_FILES", "REPORT_FILE", "BuildReport", "InputRecord", "UsageError", "build", "documents"]

log = logging.getLogger(__name__)

OUTPUT_FILES = ("triples.jsonl", "graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.html")
REPORT_FILE = "report.json"


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


@dataclass(frozen=True, slots=True)
class _Options:
    into: bool
    progress: bool
    max_bytes: int
    doc_timeout: float | None
    started: float
    extractor: dict[str, Any]  # how to make the extractor when none is given


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
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT,
) -> BuildReport:
    """Extract from ``inputs`` (files and folders) and write the outputs and ``report.json`` to ``outdir``.

    With ``into``, the inputs are added to the graph already in ``outdir``
    (its ``graph.json``) without re-reading the old articles; an article
    already in it (the same :func:`~extract.read.io.document_id`) is replaced, one
    whose text the graph holds under another path is skipped as already in it
    (:mod:`extract.run.into`), and ``triples.jsonl`` keeps the old lines of the
    articles not re-read; ``report.json`` then lists every document of the graph.

    ``extractor`` is anything with the contract of :meth:`Extractor.pipe`, used
    as it is; default: an :class:`~extract.run.pipeline.Extractor` over
    ``model``, in ``workers`` processes (0: one per CPU core) or on the Dask
    cluster at ``dask``, behind the result cache in ``cache_dir`` (``cache``
    False, or None with ``$GEOKG_NO_CACHE`` set, turns it off). Files larger
    than ``max_bytes`` are skipped; a document that takes longer than
    ``doc_timeout`` seconds to read, or to extract, fails (None: no limit).

    One run at a time writes to ``outdir`` (:class:`~extract.run.outdir.OutputFolder`);
    the outputs are moved in once all are written, ``report.json`` last as
    their manifest. When no article could be read, the previous outputs are
    kept (``report.kept_previous``).

    Raises :class:`UsageError` for a missing input, an unusable output folder
    or one in use by another run (before anything is read). Per-file problems
    never raise: they are recorded in the returned report.
    """
    options = _Options(
        into=into, progress=progress, max_bytes=max_bytes, doc_timeout=doc_timeout or None,
        started=time.perf_counter(),
        extractor=dict(model=model, workers=workers, dask=dask, cache=cache, cache_dir=cache_dir,
                       doc_timeout=doc_timeout or None),
    )  # fmt: skip
    _check_inputs(inputs)
    _check_options(workers, max_bytes, doc_timeout)
    out = Path(outdir)
    _prepare_outdir(out, into=into)
    folder = OutputFolder(out, [*OUTPUT_FILES, REPORT_FILE])
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(folder.locked())
        except (OutdirBusy, OutdirUnsafe) as e:  # nothing was read or written
            raise UsageError(str(e)) from None
        return _build_held(folder, inputs, extractor, options)


def _check_options(workers: int, max_bytes: int, doc_timeout: float | None) -> None:
    if workers < 0:
        raise UsageError(f"--workers {workers}: give a number of processes (0: one per CPU core)")
    if max_bytes < 1:
        raise UsageError(f"--max-bytes {max_bytes}: give a size of at least 1 byte, e.g. 50MB")
    if doc_timeout is not None and not doc_timeout >= 0:
        raise UsageError(f"--doc-timeout {doc_timeout:g}: give a number of seconds (0: no limit)")


def _build_held(folder: OutputFolder, inputs: Sequence[str], extractor: Any, options: _Options) -> BuildReport:
    """:func:`build` once the output folder is held."""
    from ..read.io import list_inputs

    out = folder.path
    folder.recover()
    listed = list_inputs(inputs, exclude=[out])
    files = [f for f in listed if not f.excluded]
    G, earlier = _start_graph(out, options.into)
    owned = extractor is None
    if extractor is None:
        extractor = _make_extractor(options.extractor)
    report = BuildReport(outdir=out, extractor=str(getattr(extractor, "version", "")), into=options.into)
    report.excluded = [(f.name, f.excluded) for f in listed if f.excluded]
    report.limits = {"max_bytes": options.max_bytes, "doc_timeout": options.doc_timeout, "folder_depth": MAX_DEPTH}
    bar = _progress_bar(len(files), options.progress and sys.stderr.isatty())
    content = ContentIndex(G, rereading=[f.name for f in files])  # the texts the graph holds (--into)
    run = folder.stage()
    try:
        with ReaderProcess(options.doc_timeout) as reader:
            extraction = Extraction(
                extractor, report, G, reader=reader, max_bytes=options.max_bytes, bar=bar, content=content
            )
            _extract_to(run / "triples.jsonl", extraction, files, out / "triples.jsonl" if options.into else None)
        if options.into:
            _account_for_earlier(report, earlier, G)
        report.graph, report.already_in_graph = totals(G), len(content.duplicates)
        if not report.processed and folder.has_outputs():
            report.kept_previous = True  # nothing read: an empty graph must not replace a real one
        else:
            _write_outputs(folder, run, G, report)
    except OSError as e:  # name the file as the user knows it, not through the descriptor (outdir.stage)
        if isinstance(e.filename, str):
            e.filename = folder.shown(e.filename)
        raise
    except KeyboardInterrupt as e:  # Ctrl-C or SIGTERM waits for a commit under way, then lands here
        if folder.committed == run.name:
            e.args = (f"this run's outputs were complete and are in {folder.path}/",)
        raise
    finally:
        if folder.committed != run.name:
            folder.discard(run)
        if bar is not None:
            bar.close()
        if owned:
            extractor.close()
    if getattr(extractor, "stats", None) is not None:
        report.cache = str(extractor.stats)
    report.seconds = time.perf_counter() - options.started
    return report


def _start_graph(out: Path, into: bool) -> tuple[Any, list[InputRecord]]:
    """The graph to add to (with ``into``, the one in ``out``, checked) and the earlier report's rows."""
    import graph

    if not into:
        return graph.build_graph([]), []
    try:
        G = graph.read_json(out / "graph.json", complete=True)  # every field the update reads, before it begins
    except graph.GraphFileError as e:
        raise UsageError(f"{e}; --into needs the graph.json of an earlier `geokg build`") from None
    _check_earlier_triples(out / "triples.jsonl")
    return G, _earlier_rows(out / REPORT_FILE)


def _make_extractor(options: dict[str, Any]) -> Any:
    from .parallel import make_extractor

    options = dict(options)
    options["workers"] = options["workers"] or os.cpu_count() or 1
    try:
        return make_extractor(**options)
    except RuntimeError as e:
        raise UsageError(str(e)) from None


def _extract_to(path: Path, extraction: Extraction, files: Sequence[Any], earlier: Path | None) -> None:
    """Extract ``files`` and write ``triples.jsonl`` at ``path`` (with the ``earlier`` lines not replaced).

    Lines are spooled until every article is in: merging persons across
    articles (graph.merge_identities) may rename the ids written early.
    """
    import graph

    with (
        open(path, "w", encoding="utf-8", newline="\n") as triples,
        tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as spool,
    ):
        added = extraction.run(files, spool)
        if earlier is not None and earlier.is_file():
            with open(earlier, encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    if line.strip() and _triple_doc(line, earlier, lineno) not in added:
                        spool.write(line if line.endswith("\n") else line + "\n")
        graph.merge_identities(extraction.G)
        spool.seek(0)
        triples.writelines(_remapped(spool, extraction.G))


def _account_for_earlier(report: BuildReport, earlier: list[InputRecord], G: Any) -> None:
    report.earlier = _carried_over(earlier, report, G)
    in_graph = G.graph.get("documents", {})
    for r in report.inputs:
        if r.status != PROCESSED and r.path in in_graph:
            r.warnings.append(f"{r.path}: not read this time; its earlier version stays in the graph")


def _write_outputs(folder: OutputFolder, run: Path, G: Any, report: BuildReport) -> None:
    """Every output into ``run``, report.json last with the manifest of the others; then the commit."""
    import graph

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
