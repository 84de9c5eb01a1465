"""The time limit for one document (``--doc-timeout``), for reading and for extracting.

Reading happens in a process of its own (:mod:`extract.run.reading`), which
is stopped when a page takes too long. Extraction runs where the model is
(this process, or a worker's), and :func:`timed_pipe` stops it there with
``SIGALRM``: a document on which the extractor makes no progress for the
limit gets a result of its own with :func:`timeout_reason` as its error, and
the documents extracted with it in the same batch are extracted again one at
a time, so that only it fails. Outside the main thread (a Dask worker's task)
no alarm can be set, and extraction runs without a limit.
"""

from __future__ import annotations

import collections
import contextlib
import signal
import threading
from collections.abc import Callable, Iterable, Iterator

from ..types import Document, DocumentResult

__all__ = ["DEFAULT_DOC_TIMEOUT", "DocumentTimeout", "is_timeout", "timed_pipe", "timeout_reason"]

DEFAULT_DOC_TIMEOUT = 300.0  # seconds; a news article takes well under one to read and to extract
_MARK = "took longer than the time limit of"


def timeout_reason(stage: str, seconds: float) -> str:
    """What a document over the limit is failed with.

    >>> timeout_reason("reading", 2.5)
    'reading it took longer than the time limit of 2.5 s (--doc-timeout); raise the limit to read it'
    """
    return f"{stage} it {_MARK} {seconds:g} s (--doc-timeout); raise the limit to read it"


def is_timeout(error: str | None) -> bool:
    """Whether a document's error is the time limit (a limit reached, not a bug to report)."""
    return bool(error) and _MARK in str(error)


class DocumentTimeout(BaseException):
    """No progress on a document for the time limit (raised by the alarm).

    A BaseException, as KeyboardInterrupt is: the extractor's ``except
    Exception`` around one document must not take it for that document's error.
    """


class _Alarm:
    """``SIGALRM`` after ``seconds`` without :meth:`armed` being left; raises :class:`DocumentTimeout`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._old: object = None
        self._on = False

    def __enter__(self) -> _Alarm:
        self._old = signal.signal(signal.SIGALRM, self._ring)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._old)  # type: ignore[arg-type]

    def _ring(self, signum: int, frame: object) -> None:
        if self._on:  # (a signal handled late, once the block is left, is ignored)
            # An exception raised while Python runs a gc callback or a __del__ is swallowed
            # ("Exception ignored in …"): ring again shortly, until the block is left.
            signal.setitimer(signal.ITIMER_REAL, 0.05)
            raise DocumentTimeout()

    @contextlib.contextmanager
    def armed(self) -> Iterator[None]:
        self._on = True
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            self._on = False
            signal.setitimer(signal.ITIMER_REAL, 0)


def _can_alarm(seconds: float | None) -> bool:
    return bool(seconds) and threading.current_thread() is threading.main_thread()


def timed_pipe(
    pipe: Callable[[Iterable[Document]], Iterable[DocumentResult]],
    documents: Iterable[Document],
    seconds: float | None,
) -> Iterator[DocumentResult]:
    """``pipe(documents)``, each document failed (in its result) if extracting it takes over ``seconds``.

    The clock runs only while ``pipe`` works: not while it waits for the next
    document (reading it) or while the caller handles a result. ``pipe`` must
    have the contract of :meth:`Extractor.pipe` (one result per document, in
    order); it is called again for what follows a document that timed out.
    """
    if not _can_alarm(seconds):
        yield from pipe(documents)
        return
    assert seconds is not None
    source = iter(documents)
    pending: collections.deque[Document] = collections.deque()  # handed to pipe, no result yet
    alarm = _Alarm(seconds)
    exhausted = False

    def fed() -> Iterator[Document]:
        nonlocal exhausted
        while True:
            signal.setitimer(signal.ITIMER_REAL, 0)  # reading the next document is not extracting
            document = next(source, None)
            signal.setitimer(signal.ITIMER_REAL, seconds)
            if document is None:
                exhausted = True
                return
            pending.append(document)
            yield document

    with alarm:
        while not exhausted or pending:
            results = iter(pipe(fed()))
            try:
                while True:
                    with alarm.armed():
                        result = next(results, None)
                    if result is None:
                        break
                    pending.popleft()
                    yield result
                return  # the pipe is done (if it left documents without a result, the caller says so)
            except DocumentTimeout:
                suspects = list(pending)
                pending.clear()
            for document in suspects:  # only the one that takes too long fails
                yield _alone(pipe, document, alarm, seconds)


def _alone(pipe, document: Document, alarm: _Alarm, seconds: float) -> DocumentResult:
    try:
        with alarm.armed():
            results = list(pipe([document]))
    except DocumentTimeout:
        return DocumentResult(
            doc=document.path, characters=len(document.text), error=timeout_reason("extracting", seconds)
        )
    if len(results) != 1:
        raise RuntimeError(f"the extractor returned {len(results)} results for one document")
    return results[0]
