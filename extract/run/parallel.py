"""Extraction over several processes, or over a Dask cluster, with the results of a local run.

Every backend here has the contract of :meth:`Extractor.pipe`: documents in,
one :class:`~extract.types.DocumentResult` per document out, in input order,
a failure inside one document already turned into that result's ``error``.

- :class:`LazyExtractor` — in this process; the model is loaded on the first
  document that needs it (a fully cached run never loads it).
- :class:`ProcessExtractor` — ``workers`` local processes (``spawn``), each
  loading the model once.
- :class:`DaskExtractor` — the workers of a ``dask.distributed`` cluster,
  given a scheduler address or a ``Client``; each worker process loads the
  model once, on its first chunk.

Documents travel in chunks (``chunk_chars`` characters or ``chunk_docs``
documents) so that a worker's parser batches stay full; at most
``2 × workers`` chunks are in flight, so memory stays flat however many
documents there are. The parse does not depend on how sentences are
batched, so the results equal a serial run's.

:func:`make_extractor` picks the backend and puts the cache in front.
"""

from __future__ import annotations

import collections
import concurrent.futures
import ctypes
import json
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..types import Document, DocumentResult
from .limits import timed_pipe

__all__ = [
    "DaskExtractor",
    "ExtractorSpec",
    "LazyExtractor",
    "ProcessExtractor",
    "chunked",
    "make_extractor",
    "model_version",
]

log = logging.getLogger(__name__)

DEFAULT_CHUNK_CHARS = 20_000
DEFAULT_CHUNK_DOCS = 200
DASK_CONNECT_TIMEOUT = 20  # seconds to reach the scheduler


# ---------------------------------------------------------------------------------------------
# What to build in each process
# ---------------------------------------------------------------------------------------------


def _model_meta(model: str) -> dict[str, Any] | None:
    """The model's ``meta.json`` without loading it (None when it cannot be found)."""
    import importlib.util

    candidates: list[Path] = []
    if os.path.isdir(model):
        candidates.append(Path(model) / "meta.json")
    else:
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.submodule_search_locations:
            candidates += [Path(loc) / "meta.json" for loc in spec.submodule_search_locations]
    for c in candidates:
        try:
            return json.loads(c.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return None


def model_version(model: str) -> str | None:
    """``Extractor(load(model)).version`` without loading the model; None when the meta is not found.

    >>> model_version("no_such_model_here") is None
    True
    """
    meta = _model_meta(model)
    if meta is None:
        return None
    from ..lexicon import load_lexicon

    return f"{meta.get('name', '?')}-{meta.get('version', '?')}+lex-{load_lexicon().version}"


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """The settings an :class:`Extractor` is built from (small, picklable, sent to workers)."""

    model: str = "ja_ginza"
    batch_size: int = 64
    prefilter: bool = True
    doc_timeout: float | None = None  # seconds per document (limits.timed_pipe); None: no limit

    def create(self):
        from .pipeline import Extractor, load

        return Extractor(load(self.model), batch_size=self.batch_size, prefilter=self.prefilter)


def chunked(
    documents: Iterable[Document], chunk_chars: int = DEFAULT_CHUNK_CHARS, chunk_docs: int = DEFAULT_CHUNK_DOCS
) -> Iterator[list[Document]]:
    """Consecutive runs of documents, each closed at ``chunk_chars`` characters or ``chunk_docs`` documents.

    >>> docs = [Document(path=str(i), text="あ" * n) for i, n in enumerate([5, 5, 20, 1])]
    >>> [[d.path for d in c] for c in chunked(docs, chunk_chars=10)]
    [['0', '1'], ['2'], ['3']]
    """
    chunk: list[Document] = []
    chars = 0
    for d in documents:
        chunk.append(d)
        chars += len(d.text)
        if chars >= chunk_chars or len(chunk) >= chunk_docs:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _failed(chunk: list[Document], why: str) -> list[DocumentResult]:
    return [DocumentResult(doc=d.path, characters=len(d.text), error=why) for d in chunk]


# ---------------------------------------------------------------------------------------------
# In this process, loaded lazily
# ---------------------------------------------------------------------------------------------


class LazyExtractor:
    """An :class:`Extractor` built on first use; ``version`` is known before that."""

    def __init__(self, spec: ExtractorSpec | None = None, *, extractor=None):
        self.spec = spec or ExtractorSpec()
        self._extractor = extractor
        self._version: str | None = None

    @property
    def prefilter(self) -> bool:
        return self._extractor.prefilter if self._extractor is not None else self.spec.prefilter

    @property
    def loaded(self) -> bool:
        return self._extractor is not None

    @property
    def extractor(self):
        if self._extractor is None:
            self._extractor = self.spec.create()
        return self._extractor

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = (
                (self._extractor.version if self._extractor is not None else None)
                or model_version(self.spec.model)
                or self.extractor.version
            )
        return self._version

    def pipe(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        it = iter(documents)
        for first in it:  # load the model only when there is something to extract, and before the clock runs
            yield from timed_pipe(self.extractor.pipe, _chain(first, it), self.spec.doc_timeout)
            return

    def extract(self, document: Document) -> DocumentResult:
        return next(iter(self.pipe([document])))

    def close(self) -> None:
        pass

    def __enter__(self) -> LazyExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _chain(first: Document, rest: Iterator[Document]) -> Iterator[Document]:
    yield first
    yield from rest


# ---------------------------------------------------------------------------------------------
# Worker side (local processes and Dask workers)
# ---------------------------------------------------------------------------------------------

_worker_extractors: dict[ExtractorSpec, Any] = {}
_worker_lock = threading.Lock()


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """End this worker when the geokg process that started it ends, however it ends.

    On Linux the kernel sends SIGKILL to the worker when its parent dies, even
    by ``kill -9`` (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread polls the
    parent. Either way no worker (each holding a model, ~0.5 GB) outlives a
    killed build.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # not Linux
        armed = False
    if not armed:

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, name="geokg-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _worker_init(spec: ExtractorSpec, log_level: int, parent: int | None = None) -> None:
    if parent is not None:
        die_with_parent(parent)
    # Ctrl-C reaches the whole process group; the parent handles it (and stops the workers).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # One thread per process: the processes are the parallelism.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from .logs import setup_logging

    setup_logging(log_level)
    _worker_extractor(spec)


def _ping() -> int:
    """A task that only proves a worker could start (and load its model)."""
    return os.getpid()


def _worker_extractor(spec: ExtractorSpec):
    ex = _worker_extractors.get(spec)
    if ex is None:
        ex = _worker_extractors[spec] = spec.create()
    return ex


def _extract_chunk(spec: ExtractorSpec, chunk: list[Document]) -> tuple[str, list[DocumentResult]]:
    """Run in a worker: the chunk's results, and the code fingerprint they were made with."""
    from .cache import code_fingerprint

    # A Dask worker may run several tasks at once in threads; the tokenizer and
    # parser are not thread-safe, so one chunk at a time per process.
    with _worker_lock:
        ex = _worker_extractor(spec)
        return code_fingerprint(), list(timed_pipe(ex.pipe, chunk, spec.doc_timeout))


# ---------------------------------------------------------------------------------------------
# Local processes
# ---------------------------------------------------------------------------------------------


class _ChunkedBackend:
    spec: ExtractorSpec
    chunk_chars: int
    chunk_docs: int

    @property
    def in_flight(self) -> int:
        """How many chunks may be outstanding at once."""
        raise NotImplementedError

    @property
    def prefilter(self) -> bool:
        return self.spec.prefilter

    @property
    def version(self) -> str:
        v = getattr(self, "_version", None)
        if v is None:
            v = model_version(self.spec.model)
            if v is None:  # a model given some other way: ask it
                v = self.spec.create().version
            self._version = v
        return v

    def extract(self, document: Document) -> DocumentResult:
        return next(iter(self.pipe([document])))

    def pipe(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        """Chunks out to the workers, results back in input order, at most
        ``in_flight`` chunks outstanding so memory stays flat."""
        queue: collections.deque = collections.deque()
        limit = self.in_flight
        try:
            for chunk in chunked(documents, self.chunk_chars, self.chunk_docs):
                queue.append((chunk, self._submit(chunk)))
                while len(queue) >= limit:
                    yield from self._collect(queue)
            while queue:
                yield from self._collect(queue)
        finally:
            for _, fut in queue:
                fut.cancel()

    def _submit(self, chunk: list[Document]):  # pragma: no cover - overridden
        raise NotImplementedError

    def _collect(self, queue) -> list[DocumentResult]:  # pragma: no cover - overridden
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:  # pragma: no cover - overridden
        pass

    _strict = True  # a worker running other code is an error (Dask); local processes only warn
    _warned = False

    def _check(self, fingerprint: str) -> None:
        from .cache import code_fingerprint

        if fingerprint == code_fingerprint():
            return
        message = f"a worker runs different geokg code than this process ({fingerprint} ≠ {code_fingerprint()})"
        if self._strict:
            raise RuntimeError(f"{message}; install the same geokg on every worker")
        if not self._warned:
            log.warning("%s: the code was edited during the run", message)
            self._warned = True


class ProcessExtractor(_ChunkedBackend):
    """``Extractor.pipe`` over ``workers`` local processes.

    The pool starts on the first chunk; each process loads the model once,
    and dies with this process (:func:`die_with_parent`).

    A process that dies (killed for memory, a crash in native code) takes the
    pool with it, and every chunk in flight is lost. Those documents are then
    extracted again one at a time in a new pool, so that only a document that
    kills its worker again fails (with the reason); the others, and the rest
    of the input, go on. If a new pool cannot even start, RuntimeError.
    """

    _strict = False

    def __init__(
        self,
        workers: int,
        spec: ExtractorSpec | None = None,
        *,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
        chunk_docs: int = DEFAULT_CHUNK_DOCS,
        in_flight: int | None = None,
        context: str = "spawn",
    ):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.spec = spec or ExtractorSpec()
        self.chunk_chars, self.chunk_docs = chunk_chars, chunk_docs
        self._in_flight = in_flight or 2 * workers
        self.context = context
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._outstanding: set[concurrent.futures.Future] = set()

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def _start(self) -> concurrent.futures.ProcessPoolExecutor:
        if self._pool is None:
            level = logging.getLogger("extract").getEffectiveLevel()
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(self.context),
                initializer=_worker_init,
                initargs=(self.spec, level, os.getpid()),
            )
        return self._pool

    def close(self) -> None:
        """Stop the workers: at once if they still have work (an interrupted run), else when idle."""
        if self._pool is None:
            return
        if any(not f.done() for f in self._outstanding):
            self._kill_pool()
        else:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._outstanding.clear()

    def _kill_pool(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        # No public API stops a pool's processes; a dying pool must not keep its workers running.
        processes = list(getattr(pool, "_processes", {}).values())
        thread = getattr(pool, "_executor_manager_thread", None)  # the pool's: it ends closing its wake-up pipe
        for proc in processes:
            if proc.is_alive():
                proc.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        for ended in [*processes, *filter(None, [thread])]:  # (Python 3.11 writes to that pipe at exit, unlocked)
            ended.join(timeout=10)

    def _submit(self, chunk: list[Document]):
        fut = self._start().submit(_extract_chunk, self.spec, chunk)
        self._outstanding.add(fut)
        return fut

    def _collect(self, queue) -> list[DocumentResult]:
        chunk, fut = queue.popleft()
        try:
            fingerprint, results = fut.result()
        except concurrent.futures.process.BrokenProcessPool as e:
            return self._recover(chunk, queue, e)
        finally:
            self._outstanding.discard(fut)
        self._check(fingerprint)
        return results

    def _recover(self, chunk: list[Document], queue, error: BaseException) -> list[DocumentResult]:
        """A worker died and the pool with it: extract everything that was in flight again, one document at a time."""
        lost = [chunk, *(c for c, _ in queue)]
        queue.clear()
        self._kill_pool()
        self._outstanding.clear()
        log.warning(
            "a worker process died (%s); extracting the %d documents it may have held again, one at a time",
            error or "killed",
            sum(map(len, lost)),
        )
        redone = [[self._alone(d) for d in c] for c in lost]
        for c, results in zip(lost[1:], redone[1:], strict=True):
            done: concurrent.futures.Future = concurrent.futures.Future()
            done.set_result((_code_fingerprint(), results))
            queue.append((c, done))
        return redone[0]

    def _alone(self, document: Document) -> DocumentResult:
        """One document in a pool of its own; failed (only it) if its worker dies again."""
        fut = self._start().submit(_extract_chunk, self.spec, [document])
        try:
            fingerprint, results = fut.result()
        except concurrent.futures.process.BrokenProcessPool:
            self._kill_pool()
            self._check_workers_start()
            log.warning("%s: its worker process died again while extracting it; it is failed", document.path)
            return _failed(
                [document],
                "the worker process extracting it died (killed, e.g. for lack of memory, or crashed); "
                "the other documents are extracted — try it alone without --workers",
            )[0]
        self._check(fingerprint)
        return results[0]

    def _check_workers_start(self) -> None:
        """RuntimeError when a worker cannot even start: then every document would fail the same way."""
        try:
            self._start().submit(_ping).result()
        except concurrent.futures.process.BrokenProcessPool as e:
            self._kill_pool()
            raise RuntimeError(f"the worker processes die as they start ({e}); try without --workers") from None


def _code_fingerprint() -> str:
    from .cache import code_fingerprint

    return code_fingerprint()


# ---------------------------------------------------------------------------------------------
# Dask
# ---------------------------------------------------------------------------------------------


class DaskExtractor(_ChunkedBackend):
    """``Extractor.pipe`` over the workers of a Dask cluster.

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``
    (not closed by :meth:`close` then). Every worker needs geokg and the model
    installed (the same versions: a worker running other geokg code is an
    error); run the workers with one thread each
    (``dask worker ADDRESS --nworkers N --nthreads 1``): a worker process
    extracts one chunk at a time.
    """

    def __init__(
        self,
        scheduler: Any,
        spec: ExtractorSpec | None = None,
        *,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
        chunk_docs: int = DEFAULT_CHUNK_DOCS,
        in_flight: int | None = None,
        timeout: float | None = None,
    ):
        try:
            from distributed import Client
        except ImportError:
            raise RuntimeError(
                "--dask needs dask.distributed: pip install 'geokg[dask]' (or 'dask[distributed]')"
            ) from None
        if isinstance(scheduler, Client):
            self.client, self._own = scheduler, False
        else:
            try:
                self.client, self._own = Client(scheduler, timeout=timeout or DASK_CONNECT_TIMEOUT), True
            except (OSError, ValueError, TypeError) as e:
                raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
        self.spec = spec or ExtractorSpec()
        self.chunk_chars, self.chunk_docs = chunk_chars, chunk_docs
        self._in_flight = in_flight

    @property
    def in_flight(self) -> int:
        if self._in_flight:
            return self._in_flight
        try:
            processes = len(self.client.scheduler_info().get("workers", {}))
        except Exception:
            processes = 1
        return 2 * max(1, processes)

    def close(self) -> None:
        if self._own:
            self.client.close()

    def _submit(self, chunk: list[Document]):
        return self.client.submit(_extract_chunk, self.spec, chunk, pure=False)

    def _collect(self, queue) -> list[DocumentResult]:
        chunk, fut = queue.popleft()
        try:
            fingerprint, results = fut.result()
        except Exception as e:  # a task lost with its workers (KilledWorker), a worker without geokg
            what = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
            log.warning("a Dask task failed (%s); its %d documents are failed", what, len(chunk))
            return _failed(chunk, f"Dask worker failed ({what})")
        finally:
            fut.release()
        self._check(fingerprint)
        return results


# ---------------------------------------------------------------------------------------------
# The one entry point for the runner
# ---------------------------------------------------------------------------------------------


def make_extractor(
    model: str = "ja_ginza",
    *,
    workers: int = 1,
    dask: Any = None,
    cache: bool | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    extractor=None,
    **spec_options: Any,
):
    """The extractor ``geokg build`` runs: local, ``workers`` processes or Dask, behind the cache.

    The result has ``pipe``, ``extract``, ``version`` and ``close``, and
    ``stats`` (a :class:`~extract.run.cache.CacheStats`) when caching. ``cache``
    None means on unless ``$GEOKG_NO_CACHE`` is set (to anything but 0).
    Raises RuntimeError when the model is not installed (checked without
    loading it). ``extractor`` (an :class:`Extractor`) is used as is, in this
    process.
    """
    if cache is None:
        cache = os.environ.get("GEOKG_NO_CACHE", "") in ("", "0")
    spec = ExtractorSpec(model=model, **spec_options)
    if extractor is None and model_version(model) is None:
        # Not an installed package or a model folder: let spaCy say why (and fail now, not in a worker).
        from .pipeline import load

        load(model)
    if extractor is not None:
        backend: Any = LazyExtractor(spec, extractor=extractor)
    elif dask:
        backend = DaskExtractor(dask, spec)
    elif workers > 1:
        backend = ProcessExtractor(workers, spec)
    else:
        backend = LazyExtractor(spec)
    if not cache:
        return backend
    from .cache import CachedExtractor, ResultCache

    return CachedExtractor(backend, ResultCache(cache_dir))
