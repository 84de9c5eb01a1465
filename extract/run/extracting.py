"""The heart of ``geokg build``: read the files one by one, extract, stream the results out.

Files are read (in a process of their own, :mod:`extract.run.reading`) only
as the extractor asks for documents, so at most its batch is in memory.
Results come back in input order; ``in_flight`` pairs each with its row of
the report. If the extractor raises on a whole batch (instead of setting one
result's ``error``), the batch's documents are retried one by one, so only
the culprit fails, and a new pipe takes the rest. With ``--into``, a document
whose text the graph already holds under another path is skipped as already
in the graph (:class:`~extract.run.into.ContentIndex`).
"""

from __future__ import annotations

import logging
import traceback
from collections import deque
from collections.abc import Iterator, Sequence
from typing import IO, Any

from ..read.io import InputError, InputFile, SkippedInput, display_path, dump_relation
from ..types import Document
from .into import ContentIndex
from .limits import is_timeout
from .reading import ReadBug, ReaderProcess
from .report import FAILED, PROCESSED, SKIPPED, BuildReport, InputRecord, bug_reason, sentence_bug_reason

__all__ = ["Extraction"]

log = logging.getLogger(__name__)


class Extraction:
    """One pass over ``files``: rows into ``report``, relations into ``triples`` and ``G``."""

    def __init__(
        self,
        extractor: Any,
        report: BuildReport,
        G: Any,
        *,
        reader: ReaderProcess,
        max_bytes: int,
        bar: Any = None,
        content: ContentIndex | None = None,
    ) -> None:
        self.extractor, self.report, self.G = extractor, report, G
        self.triples: IO[str] | None = None
        self.reader, self.max_bytes, self.bar = reader, max_bytes, bar
        self.content = content  # --into: the texts the graph holds already, by digest (extract.run.into)
        self.in_flight: deque[tuple[InputRecord, Document]] = deque()
        self.handed_out = 0
        self.added: set[str] = set()  # the documents added to G

    def run(self, files: Sequence[InputFile], triples: IO[str]) -> set[str]:
        """Extract every file, its relations written to ``triples``; returns the documents added to ``G``."""
        self.triples = triples
        documents = self._readable(files)
        while True:
            before = self.handed_out
            try:
                for result in self.extractor.pipe(documents):
                    record, _ = self.in_flight.popleft()
                    self._finish(record, result)
            except Exception as e:
                if self.handed_out == before and not self.in_flight:
                    raise  # nothing to blame on a document: the extractor cannot run at all
                self._retry_one_by_one(e)
                continue
            break
        for _ in documents:  # an extractor that stopped early: account for the files it never asked for
            pass
        while self.in_flight:
            record, _ = self.in_flight.popleft()
            record.status, record.reason = FAILED, f"{record.path}: the extractor returned no result for it"
            self._done(record)
        return self.added

    # -- reading ------------------------------------------------------------------------------------
    def _readable(self, files: Sequence[InputFile]) -> Iterator[Document]:
        for f in files:
            record = InputRecord(path=f.name, status=PROCESSED)
            self.report.inputs.append(record)
            doc = self._read(f, record)
            if doc is None:
                log.info("%s: %s", record.status, record.reason)
                self._done(record)
                continue
            self.in_flight.append((record, doc))
            self.handed_out += 1
            yield doc

    def _read(self, f: InputFile, record: InputRecord) -> Document | None:
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
                loaded = self.reader.read(f.path, name=f.name, max_bytes=self.max_bytes)
            except SkippedInput as e:
                record.status, record.reason = SKIPPED, str(e)
            except InputError as e:
                record.status, record.reason = FAILED, str(e)
            except ReadBug as e:  # a bug in reading: this file fails, the others go on
                record.status, record.reason = FAILED, bug_reason(f.name, "reading", str(e))
                record.traceback = e.traceback
            else:
                doc = loaded.document
                if self.content is not None and (other := self.content.duplicate_of(doc)) is not None:
                    record.status, record.reason = SKIPPED, self.content.reason(f.name, other)
                    return None  # its text is in the graph under another path: not added again
                record.encoding, record.format = loaded.encoding, loaded.format
                record.title, record.url, record.date = doc.title, doc.url, doc.date
                record.author = loaded.author
                record.characters = len(doc.text)
                record.warnings = list(loaded.warnings)
                for w in loaded.warnings:
                    log.info("%s", w)
                return doc
        return None

    # -- results ------------------------------------------------------------------------------------
    def _done(self, record: InputRecord) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def _finish(self, record: InputRecord, result: Any) -> None:
        import graph

        error = getattr(result, "error", None)
        if result.doc != record.path:
            error = f"the extractor returned the result of {result.doc} for it (results out of order)"
        lines: list[str] = []
        if not error:
            try:
                lines = [dump_relation(r) + "\n" for r in result.relations]
                # replaces the article if the graph had it already; persons are merged once, at the end
                graph.add_results(self.G, [result], merge=False)
                self.added.add(result.doc)
                if self.content is not None:
                    self.content.added(result.doc)  # its digest, in the graph's digests
            except Exception as e:
                error, record.traceback = f"{type(e).__name__}: {e}", traceback.format_exc()
        if error:
            record.status = FAILED
            record.reason = (
                f"{record.path}: {error}" if is_timeout(error) else bug_reason(record.path, "extraction", error)
            )
            log.info("%s", record.reason)
        else:
            record.sentences = result.sentences
            record.relations = len(lines)
            record.warnings += [f"{record.path}: {w}" for w in getattr(result, "warnings", ())]
            # (a sentence whose extraction failed: the rest of the article is in the graph)
            record.warnings += [
                sentence_bug_reason(record.path, i, why) for i, why in getattr(result, "sentence_errors", ())
            ]
            assert self.triples is not None
            self.triples.writelines(lines)
            self.report.relations += len(lines)
            log.info(
                "%s: %s, %s, %d sentences, %d relations",
                record.path, record.format, record.encoding, record.sentences, record.relations,
            )  # fmt: skip
        self._done(record)

    def _retry_one_by_one(self, error: Exception) -> None:
        """The extractor failed on a batch: retry its documents one by one, so only the culprit fails."""
        log.info(
            "extraction of a batch failed (%s: %s); retrying its %d documents one by one",
            type(error).__name__, error, len(self.in_flight),
        )  # fmt: skip
        suspects = list(self.in_flight)
        self.in_flight.clear()
        for record, doc in suspects:
            try:
                results = list(self.extractor.pipe([doc]))
                if len(results) != 1:
                    raise RuntimeError(f"the extractor returned {len(results)} results for one document")
                self._finish(record, results[0])
            except Exception as e:
                record.status, record.reason = FAILED, bug_reason(record.path, "extraction", e)
                record.traceback = traceback.format_exc()
                log.info("%s", record.reason)
                self._done(record)
