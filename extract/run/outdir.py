"""The output folder of ``geokg build``: one run at a time, every output set swapped in at once.

Layout of ``OUTDIR``::

    graph.json     -> .geokg/current/graph.json     (one symbolic link per output file)
    …
    .geokg/lock                                      (held by the run writing here)
    .geokg/current -> run-3f9a…                      (the output set readers see)
    .geokg/run-3f9a…/graph.json, triples.jsonl, …    (the files themselves)

A run writes its outputs into a fresh ``.geokg/run-…`` folder and, once all
of them are written and synced, points ``current`` at it with one rename. A
reader therefore sees the previous output set or the new one, never a mix,
whenever the run is interrupted or killed; the next run removes what a killed
one left. Output files of an older geokg (plain files in ``OUTDIR``) are
first linked into a run folder of their own, so that switching to the links
shows the same old files until the swap.

The lock (``fcntl.flock`` on ``.geokg/lock``) is released by the system when
the process ends, however it ends, so a killed run never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import re
import secrets
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["STATE_DIR", "OutdirBusy", "OutputFolder"]

log = logging.getLogger(__name__)

STATE_DIR = ".geokg"
_CURRENT = "current"
_RUN = re.compile(r"^run-[0-9a-f]{16}$")
# Temporary files an older geokg (or `geokg export`) left beside the outputs when it was killed.
_STALE_FILE = re.compile(
    r"^\.\.?(?:triples\.jsonl|graph\.json|graph\.graphml|graph\.gexf|nodes\.csv|edges\.csv|graph\.html"
    r"|report\.json)\..*\.tmp$"
)


class OutdirBusy(Exception):
    """Another geokg run holds the output folder."""

    def __init__(self, folder: Path, pid: int | None) -> None:
        self.folder, self.pid = folder, pid
        who = f"pid {pid}" if pid else "pid unknown"
        super().__init__(
            f"{folder} is in use by another geokg run ({who}); wait for it to finish, or choose another -o OUTDIR"
        )


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_with_link(path: Path, target: str) -> None:
    """Make ``path`` a symbolic link to ``target`` in one rename (whatever it was before)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.link.tmp")
    os.symlink(target, tmp)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class OutputFolder:
    """``OUTDIR`` as a build sees it: lock it, stage a run, commit or discard it."""

    def __init__(self, path: str | os.PathLike[str], names: Sequence[str]) -> None:
        self.path = Path(path)
        self.names = tuple(names)
        self.state = self.path / STATE_DIR
        self._lock_fd: int | None = None

    # -- locking ---------------------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self) -> Iterator[OutputFolder]:
        """Hold the folder for this run; :class:`OutdirBusy` at once if another run holds it."""
        self.state.mkdir(exist_ok=True)
        fd = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as e:
                if e.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
                raise OutdirBusy(self.path, _read_pid(fd)) from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            self._lock_fd = fd
            yield self
        finally:
            self._lock_fd = None
            os.close(fd)  # releases the lock

    # -- state -----------------------------------------------------------------------------------
    def _current_run(self) -> str | None:
        try:
            target = os.readlink(self.state / _CURRENT)
        except OSError:
            return None
        return target if _RUN.match(target) else None

    def has_outputs(self) -> bool:
        """Whether an earlier run left outputs here (this layout or an older geokg's plain files)."""
        return self._current_run() is not None or any(
            (self.path / n).is_file() or (self.path / n).is_symlink() for n in self.names
        )

    def recover(self) -> None:
        """Remove what killed runs left: run folders no one points to, temporary files and links."""
        current = self._current_run()
        pointer = self.state / _CURRENT
        if pointer.is_dir() and not pointer.is_symlink():  # copied with its links followed (cp -L): not ours
            shutil.rmtree(pointer, ignore_errors=True)
        with contextlib.suppress(FileNotFoundError):
            for p in self.state.iterdir():
                if _RUN.match(p.name) and p.name != current:
                    shutil.rmtree(p, ignore_errors=True)
                    log.info("removed %s, left by an earlier run that was killed", p)
                elif p.name.endswith(".tmp"):
                    with contextlib.suppress(OSError):
                        p.unlink()
        for p in self.path.iterdir():
            if (_STALE_FILE.match(p.name) or p.name.endswith(".link.tmp")) and (p.is_file() or p.is_symlink()):
                with contextlib.suppress(OSError):
                    p.unlink()
                    log.info("removed %s, left by an earlier run that was killed", p)

    # -- one run ---------------------------------------------------------------------------------
    def stage(self) -> Path:
        """A fresh, empty run folder to write the outputs into."""
        run = self.state / f"run-{secrets.token_hex(8)}"
        run.mkdir()
        return run

    def discard(self, run: Path) -> None:
        shutil.rmtree(run, ignore_errors=True)

    def commit(self, run: Path) -> None:
        """Make ``run`` the output set, in one rename; then remove the previous set."""
        for name in self.names:
            _fsync_file(run / name)
        _fsync_dir(run)
        if self._current_run() is None:
            self._adopt_plain_files()
        for name in self.names:  # every output name leads through `current` (unchanged content until the swap)
            link = self.path / name
            target = f"{STATE_DIR}/{_CURRENT}/{name}"
            with contextlib.suppress(OSError):
                if os.readlink(link) == target:
                    continue
            _replace_with_link(link, target)
        _fsync_dir(self.path)
        _replace_with_link(self.state / _CURRENT, run.name)  # the swap
        _fsync_dir(self.state)
        for p in self.state.iterdir():
            if _RUN.match(p.name) and p.name != run.name:
                shutil.rmtree(p, ignore_errors=True)

    def _adopt_plain_files(self) -> None:
        """Put the plain output files of an older geokg into a run folder of their own, as `current`."""
        plain = [n for n in self.names if (self.path / n).is_file() and not (self.path / n).is_symlink()]
        run = self.stage()
        for name in plain:
            try:
                os.link(self.path / name, run / name)
            except OSError:  # a file system without hard links
                shutil.copy2(self.path / name, run / name)
        _fsync_dir(run)
        _replace_with_link(self.state / _CURRENT, run.name)
        _fsync_dir(self.state)


def _read_pid(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode("ascii").strip() or 0) or None
    except (OSError, ValueError):
        return None
