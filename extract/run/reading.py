"""Input files read in a process of their own, which is stopped when a file takes too long.

Reading a page (decoding, lxml, trafilatura) runs in native code that
neither Ctrl-C nor a time limit can interrupt: a page that took 15 minutes in
trafilatura could only be stopped with ``kill -9``. So a build reads its
files in one helper process (started on the first file, kept for the next).
This process waits for each answer in short steps, so Ctrl-C and SIGTERM are
honoured at once, and it kills the helper when a file takes longer than the
time limit (the file fails with that reason; a new helper reads the next) or
when the build ends, however it ends. The helper dies with the build even
under ``kill -9`` (:func:`~extract.run.parallel.die_with_parent`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from typing import Any

from ..read.io import DEFAULT_MAX_BYTES, Input, InputError, SkippedInput
from .limits import timeout_reason

__all__ = ["ReadBug", "ReaderProcess"]

log = logging.getLogger(__name__)

_POLL = 0.05  # seconds between looks at the helper: how soon a signal or the time limit is acted on


class ReadBug(Exception):
    """Reading raised something other than :class:`InputError` (a bug); ``traceback`` is the helper's."""

    def __init__(self, message: str, traceback: str) -> None:
        super().__init__(message)
        self.traceback = traceback


def _serve(conn: Any, parent: int) -> None:
    """The helper: read each file asked for, answer with the Input or why it was not read."""
    import traceback

    from ..read.io import read_input
    from .parallel import die_with_parent

    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the build decides
    conn.send(("ready",))  # started and imported: from here on the clock is the file's
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        path, name, max_bytes = request
        try:
            reply: tuple[Any, ...] = ("ok", read_input(os.fsdecode(path), name=name, max_bytes=max_bytes))
        except SkippedInput as e:
            reply = ("skipped", str(e))
        except InputError as e:
            reply = ("failed", str(e))
        except Exception as e:
            reply = ("bug", f"{type(e).__name__}: {e}" if str(e) else type(e).__name__, traceback.format_exc())
        try:
            conn.send(reply)
        except (OSError, ValueError) as e:  # an answer too large to send (ValueError), a closed pipe
            conn.send(("bug", f"{type(e).__name__}: {e}", ""))


class ReaderProcess:
    """``read_input`` in a helper process, each file within ``timeout`` seconds (None or 0: no limit)."""

    def __init__(self, timeout: float | None = None) -> None:
        self.timeout = timeout or None
        self._proc: Any = None
        self._conn: Any = None

    def read(self, path: str | os.PathLike[str], *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Input:
        """What :func:`~extract.read.io.read_input` gives, or raises, for ``path``.

        Raises :class:`SkippedInput` and :class:`InputError` as it does, an
        :class:`InputError` when the file takes longer than the time limit or
        the helper dies on it, and :class:`ReadBug` for anything else.
        """
        try:
            self._start()
        except RuntimeError as e:  # (no process can be started: out of memory or of process ids)
            raise InputError(f"{name}: {e}; try again when the machine has room") from None
        self._conn.send((os.fsencode(path), name, max_bytes))
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        while not self._conn.poll(_POLL):  # a signal handler runs here: Ctrl-C and SIGTERM at once
            if not self._proc.is_alive():
                break
            if deadline is not None and time.monotonic() > deadline:
                self.close()
                assert self.timeout is not None
                raise InputError(f"{name}: {timeout_reason('reading', self.timeout)}")
        try:
            kind, *rest = self._conn.recv()
        except (EOFError, OSError):
            code = self._proc.exitcode if self._proc is not None else None
            self.close()
            raise InputError(
                f"{name}: the process reading it died ({_death(code)}); the other articles are still read — "
                "check that the file is an article"
            ) from None
        if kind == "ok":
            return rest[0]
        if kind == "skipped":
            raise SkippedInput(rest[0])
        if kind == "failed":
            raise InputError(rest[0])
        raise ReadBug(rest[0], rest[1])

    def _start(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        self.close()
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe(duplex=True)
        self._proc = ctx.Process(target=_serve, args=(child, os.getpid()), name="geokg-reader", daemon=True)
        self._proc.start()
        child.close()
        while not self._conn.poll(_POLL):  # its start-up is not the first file's time (and Ctrl-C lands here too)
            if not self._proc.is_alive():
                break
        try:
            self._conn.recv()
        except (EOFError, OSError):
            code = self._proc.exitcode
            self.close()
            raise RuntimeError(f"the process that reads the input files could not start ({_death(code)})") from None

    def close(self) -> None:
        """Stop the helper (at once: it may be in the middle of a page)."""
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            conn.close()
        if proc is not None:
            if proc.is_alive():
                proc.kill()
            proc.join(timeout=5)

    def __enter__(self) -> ReaderProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}, e.g. for lack of memory"
        except ValueError:
            pass
    return f"exit status {code}"
