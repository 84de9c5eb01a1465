"""The output folder of ``geokg build``: one run at a time, plain files, ``report.json`` last as their manifest.

Layout of ``OUTDIR``::

    triples.jsonl, graph.json, … graph.html    the outputs: plain files
    report.json                                 written last: the account of the run and the manifest of the set
    .geokg/README.txt                           says the folder is geokg's (its marker)
    .geokg/lock                                 held by the run writing here
    .geokg/run-3f9a…/                           a run's output set while it is written
    .geokg/commit                               while a set is being moved in: which one

A run writes all its outputs into a fresh ``.geokg/run-…`` folder. Once
every one is written and synced, it notes the set in ``.geokg/commit``,
removes the old ``report.json``, moves each output into ``OUTDIR`` with one
rename, and moves ``report.json`` in last. ``report.json`` lists the size and
sha256 of every other file (its ``manifest``), so a reader can tell a
complete set (:func:`check_output_set`): a run killed in the middle of the
moves leaves a mix of old and new files, but never with a ``report.json``
that calls it complete, and the next run finishes the moves before anything
else. Ctrl-C and SIGTERM wait for the few renames of a commit. A run killed
before it began to move its files leaves the previous set as it was.

Links cannot turn geokg against other files. ``.geokg`` must be a real
folder that geokg made (its marker, or only what an older geokg kept there);
a link, a file, a broken link or somebody else's folder there is refused
(:class:`OutdirUnsafe`), and so is a ``current`` that is not the older
geokg's link to its output set. The lock is opened without following a link
and must be a regular file with one name. Every operation inside ``.geokg``
goes through a descriptor of the folder that was checked, so a link put in
its place during the run is not followed either; and only names geokg gives
(``run-`` and 16 hex digits, its own temporary files) are ever removed.

The lock (``fcntl.flock`` on ``.geokg/lock``) is released by the system when
the process ends, however it ends, so a killed run never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import signal
import stat
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = ["STATE_DIR", "OutdirBusy", "OutdirUnsafe", "OutputFolder", "check_output_set"]

log = logging.getLogger(__name__)

STATE_DIR = ".geokg"
MARKER = "README.txt"
MARKER_TEXT = (
    "This folder belongs to geokg: the lock of the run that writes the outputs in the folder above,\n"
    "and the output set that run is writing. It is safe to remove when no geokg run is writing there.\n"
)
_LOCK = "lock"
_JOURNAL = "commit"
_LEGACY = "current"  # an older geokg: OUTDIR's files were links through .geokg/current -> run-…
_RUN = re.compile(r"^run-[0-9a-f]{16}$")
# geokg's own temporary files in .geokg, and those of an older geokg (a link being replaced).
_STATE_TMP = re.compile(r"^\.(?:README\.txt|commit|current)\.[0-9a-f]{8}(?:\.link)?\.tmp$")
# Temporary files an older geokg (or `geokg export`) left beside the outputs when it was killed.
_STALE_FILE = re.compile(
    r"^\.\.?(?:triples\.jsonl|graph\.json|graph\.graphml|graph\.gexf|nodes\.csv|edges\.csv|graph\.html"
    r"|report\.json)\.(?:[a-z0-9_]{8}|[0-9a-f]{8}\.link)\.tmp$"
)
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
_PROC_FD = Path("/proc/self/fd")


class OutdirBusy(Exception):
    """Another geokg run holds the output folder."""

    def __init__(self, folder: Path, pid: int | None) -> None:
        self.folder, self.pid = folder, pid
        who = f"pid {pid}" if pid else "pid unknown"
        super().__init__(
            f"{folder} is in use by another geokg run ({who}); wait for it to finish, or choose another -o OUTDIR"
        )


class OutdirUnsafe(Exception):
    """Something in the output folder that geokg will not follow, write through or remove (the message says what)."""


def _rename(src: str, dst: str, *, src_dir_fd: int, dst_dir_fd: int) -> None:
    os.rename(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)


def _fsync(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.fsync(fd)


def _lstat(name: str, dir_fd: int) -> os.stat_result | None:
    try:
        return os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return None


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done (they are delivered right after)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _legacy_run(name: str, dir_fd: int) -> str | None:
    """The run folder an older geokg's ``current`` link names; None when ``name`` is no such link."""
    st = _lstat(name, dir_fd)
    if st is None or not stat.S_ISLNK(st.st_mode):
        return None
    target = os.readlink(name, dir_fd=dir_fd)
    return target if _RUN.match(target) else None


def _owned_entry(name: str, dir_fd: int) -> bool:
    """Whether an entry of ``.geokg`` is one geokg (this one or an older one) puts there, of the kind it makes."""
    st = _lstat(name, dir_fd)
    if st is None:
        return True
    if name == _LEGACY:
        return _legacy_run(name, dir_fd) is not None
    if _RUN.match(name):
        return stat.S_ISDIR(st.st_mode)
    if name in (_LOCK, _JOURNAL) or _STATE_TMP.match(name):  # (the marker counts only if it is geokg's own)
        return stat.S_ISREG(st.st_mode) or (stat.S_ISLNK(st.st_mode) and name.endswith(".link.tmp"))
    return False


class OutputFolder:
    """``OUTDIR`` as a build sees it: lock it, stage a run, commit or discard it."""

    def __init__(self, path: str | os.PathLike[str], names: Sequence[str], *, manifest: str = "report.json") -> None:
        self.path = Path(path)
        self.names = tuple(names)
        self.manifest_name = manifest
        self.state = self.path / STATE_DIR
        self._out_fd = self._state_fd = -1
        self.committed: str | None = None  # the run folder last moved in

    # -- taking the folder -------------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self) -> Iterator[OutputFolder]:
        """Hold the folder for this run; :class:`OutdirBusy` at once if another run holds it,
        :class:`OutdirUnsafe` if ``.geokg``, its lock or an output name is not what geokg made."""
        with contextlib.ExitStack() as stack:
            out_fd = os.open(self.path, _DIR_FLAGS)  # the folder the user named, links and all
            stack.callback(os.close, out_fd)
            self._check_output_names(out_fd)
            state_fd = self._open_state(out_fd)
            stack.callback(os.close, state_fd)
            lock_fd = self._open_lock(state_fd)
            stack.callback(os.close, lock_fd)  # closing it releases the lock
            try:
                fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as e:
                if e.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
                raise OutdirBusy(self.path, _read_pid(lock_fd)) from None
            os.ftruncate(lock_fd, 0)
            os.pwrite(lock_fd, f"{os.getpid()}\n".encode(), 0)
            self._out_fd, self._state_fd = out_fd, state_fd
            try:
                yield self
            finally:
                self._out_fd = self._state_fd = -1

    def _check_output_names(self, out_fd: int) -> None:
        for name in self.names:
            st = _lstat(name, out_fd)
            if st is not None and stat.S_ISDIR(st.st_mode):
                raise OutdirUnsafe(f"{self.path / name}: a folder where geokg writes its {name}; move it away")

    def _open_state(self, out_fd: int) -> int:
        st = _lstat(STATE_DIR, out_fd)
        if st is None:
            with contextlib.suppress(FileExistsError):  # another run may make it at the same moment
                os.mkdir(STATE_DIR, 0o755, dir_fd=out_fd)
            st = _lstat(STATE_DIR, out_fd)
        if st is not None and stat.S_ISLNK(st.st_mode):
            target = os.readlink(STATE_DIR, dir_fd=out_fd)
            broken = not os.path.exists(os.path.join(self.path, STATE_DIR))
            raise OutdirUnsafe(
                f"{self.state}: a {'broken ' if broken else ''}symbolic link (to {target}), not geokg's working "
                "folder; geokg keeps its lock and unfinished output sets there and never follows a link there "
                "— remove the link, or choose another -o OUTDIR"
            )
        if st is None or not stat.S_ISDIR(st.st_mode):
            raise OutdirUnsafe(
                f"{self.state}: a file, not geokg's working folder; geokg keeps its lock and unfinished output "
                "sets there — move the file away, or choose another -o OUTDIR"
            )
        try:
            fd = os.open(STATE_DIR, _DIR_FLAGS | os.O_NOFOLLOW, dir_fd=out_fd)
        except OSError as e:  # swapped for a link since: ELOOP / ENOTDIR
            raise OutdirUnsafe(f"{self.state}: changed while geokg looked at it ({e.strerror}); try again") from None
        try:
            self._check_owned(fd)
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _check_owned(self, fd: int) -> None:
        names = os.listdir(fd)
        if not self._has_marker(fd):
            strange = sorted(n for n in names if not _owned_entry(n, fd))
            if strange:
                shown = ", ".join(strange[:3]) + (f" and {len(strange) - 3} more" if len(strange) > 3 else "")
                raise OutdirUnsafe(
                    f"{self.state}: a folder geokg did not create (it holds {shown}); geokg keeps its lock and "
                    "unfinished output sets there and removes what it left — move the folder away, or choose "
                    "another -o OUTDIR"
                )
            self._write_small(fd, MARKER, MARKER_TEXT)
        if _LEGACY in names and not _owned_entry(_LEGACY, fd):
            st = _lstat(_LEGACY, fd)
            what = (
                f"a link to {os.readlink(_LEGACY, dir_fd=fd)}"
                if st is not None and stat.S_ISLNK(st.st_mode)
                else "a folder"
                if st is not None and stat.S_ISDIR(st.st_mode)
                else "a file"
            )
            raise OutdirUnsafe(
                f"{self.state}/{_LEGACY}: not geokg's ({what}); an older geokg kept a link to its output set "
                f"there, and geokg removes it — move it away, or choose another -o OUTDIR"
            )

    @staticmethod
    def _has_marker(fd: int) -> bool:
        try:
            mfd = os.open(MARKER, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=fd)
        except OSError:
            return False
        try:
            return os.read(mfd, 4096) == MARKER_TEXT.encode()
        finally:
            os.close(mfd)

    def _open_lock(self, state_fd: int) -> int:
        lock = self.state / _LOCK
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
        try:
            fd = os.open(_LOCK, flags, 0o644, dir_fd=state_fd)
        except OSError as e:
            if e.errno == errno.ELOOP:
                raise OutdirUnsafe(
                    f"{lock}: a symbolic link, not geokg's lock; geokg never opens it through a link, so the "
                    "file it points to is untouched — remove the link"
                ) from None
            if e.errno == errno.EISDIR:
                raise OutdirUnsafe(f"{lock}: a folder, not geokg's lock; move it away") from None
            raise
        st = os.fstat(fd)
        why = None
        if not stat.S_ISREG(st.st_mode):
            why = "not a regular file"
        elif st.st_nlink != 1:
            why = "a second name of another file (a hard link)"
        if why:
            os.close(fd)
            raise OutdirUnsafe(f"{lock}: {why}, not geokg's lock; geokg writes its pid there — remove it")
        return fd

    def _write_small(self, dir_fd: int, name: str, text: str) -> None:
        tmp = f".{name}.{secrets.token_hex(4)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=dir_fd)
        try:
            os.write(fd, text.encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        _rename(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        _fsync(dir_fd)

    # -- state -------------------------------------------------------------------------------------
    def has_outputs(self) -> bool:
        """Whether an earlier run left outputs here."""
        return any(_lstat(n, self._out_fd) is not None for n in self.names)

    def recover(self) -> None:
        """Finish a commit a killed run began; remove run folders and temporary files killed runs left."""
        state = self._state_fd
        with contextlib.suppress(FileNotFoundError):
            with open(
                _JOURNAL, encoding="ascii", opener=lambda p, f: os.open(p, f | os.O_NOFOLLOW, dir_fd=state)
            ) as fh:
                run = fh.read().strip()
            if _RUN.match(run):
                log.info("finishing the commit of %s, begun by a run that was killed", run)
                with _signals_held():
                    self._move_in(run)
            self._forget(run)
        legacy = _legacy_run(_LEGACY, state)
        for name in os.listdir(state):
            st = _lstat(name, state)
            if st is None or name == legacy:
                continue
            if _RUN.match(name) and stat.S_ISDIR(st.st_mode):
                shutil.rmtree(name, ignore_errors=True, dir_fd=state)
                log.info("removed %s, left by an earlier run that was killed", self.state / name)
            elif _STATE_TMP.match(name) and not stat.S_ISDIR(st.st_mode):
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=state)
        for name in os.listdir(self._out_fd):
            st = _lstat(name, self._out_fd)
            if st is not None and _STALE_FILE.match(name) and not stat.S_ISDIR(st.st_mode):
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=self._out_fd)
                    log.info("removed %s, left by an earlier run that was killed", self.path / name)

    # -- one run -----------------------------------------------------------------------------------
    def stage(self) -> Path:
        """A fresh, empty run folder to write the outputs into.

        On Linux its path goes through the descriptor of the checked ``.geokg``
        (``/proc/self/fd/N/run-…``), so writes cannot be sent elsewhere by a
        link put in its place; :meth:`shown` gives the name to show.
        """
        name = f"run-{secrets.token_hex(8)}"
        os.mkdir(name, 0o755, dir_fd=self._state_fd)
        through = _PROC_FD / str(self._state_fd)
        return (through if through.is_dir() else self.state) / name

    def shown(self, path: str) -> str:
        """A path under :meth:`stage`'s folder as the user knows it (``OUTDIR/.geokg/run-…``)."""
        prefix = f"{_PROC_FD / str(self._state_fd)}/"
        return str(self.state) + "/" + path[len(prefix) :] if path.startswith(prefix) else path

    def discard(self, run: Path) -> None:
        shutil.rmtree(run.name, ignore_errors=True, dir_fd=self._state_fd)

    def manifest(self, run: Path) -> dict[str, dict[str, Any]]:
        """The size and sha256 of every output in ``run`` but the manifest itself: report.json's ``manifest``."""
        out = {}
        for name in self.names:
            if name != self.manifest_name:
                h = hashlib.sha256()
                with open(run / name, "rb") as fh:
                    for block in iter(lambda: fh.read(1 << 20), b""):
                        h.update(block)
                out[name] = {"bytes": (run / name).stat().st_size, "sha256": h.hexdigest()}
        return out

    def commit(self, run: Path) -> None:
        """Move the outputs of ``run`` into OUTDIR, one rename each, the manifest last; then tidy up."""
        run_fd = os.open(run.name, _DIR_FLAGS | os.O_NOFOLLOW, dir_fd=self._state_fd)
        try:
            for name in self.names:
                fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=run_fd)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            _fsync(run_fd)
        finally:
            os.close(run_fd)
        with _signals_held():
            self._write_small(self._state_fd, _JOURNAL, run.name)  # from here on the next run finishes the moves
            self._move_in(run.name)
            self.committed = run.name
            self._forget(run.name)

    def _move_in(self, run: str) -> None:
        try:
            run_fd = os.open(run, _DIR_FLAGS | os.O_NOFOLLOW, dir_fd=self._state_fd)
        except FileNotFoundError:
            return
        out = self._out_fd
        try:
            staged = set(os.listdir(run_fd))
            if self.manifest_name not in staged:  # moved in already: the commit was done
                return
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.manifest_name, dir_fd=out)  # the old set is no longer called complete
            _fsync(out)
            for name in self.names:
                if name != self.manifest_name and name in staged:
                    _rename(name, name, src_dir_fd=run_fd, dst_dir_fd=out)
            _fsync(out)
            _rename(self.manifest_name, self.manifest_name, src_dir_fd=run_fd, dst_dir_fd=out)
            _fsync(out)
        finally:
            os.close(run_fd)

    def _forget(self, run: str) -> None:
        """After a commit: the journal, the run folder and what an older geokg kept (its ``current``) go."""
        state = self._state_fd
        legacy = _legacy_run(_LEGACY, state)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(_JOURNAL, dir_fd=state)
        for name in (run, legacy):
            if name:
                shutil.rmtree(name, ignore_errors=True, dir_fd=state)
        if legacy:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(_LEGACY, dir_fd=state)
        _fsync(state)


def _read_pid(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode("ascii").strip() or 0) or None
    except (OSError, ValueError):
        return None


def check_output_set(path: str | os.PathLike[str], manifest: str = "report.json") -> list[str]:
    """What keeps the outputs in ``path`` from being one complete set; [] when they are.

    A set is complete when its ``report.json`` is there and every file its
    ``manifest`` lists has the size and sha256 listed.
    """
    folder = Path(path)
    try:
        listed = json.loads((folder / manifest).read_bytes())["manifest"]
        items = sorted(listed.items())
    except FileNotFoundError:
        return [f"{folder / manifest}: missing, so the files beside it are not a complete set"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return [f"{folder / manifest}: has no manifest of the output files"]
    problems = []
    for name, entry in items:
        try:
            data = (folder / name).read_bytes()
        except OSError:
            problems.append(f"{folder / name}: missing, but report.json lists it")
            continue
        if (
            not isinstance(entry, dict)
            or entry.get("bytes") != len(data)
            or (entry.get("sha256") != hashlib.sha256(data).hexdigest())
        ):
            problems.append(f"{folder / name}: not the file report.json lists (its size or sha256 differ)")
    return problems
