"""Which files a build reads: the inputs listed, each file once, and how each is named.

Folders are walked, links to folders followed once, special files and geokg's own outputs
set apart; every file gets one name in the outputs (:func:`document_id`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = [
    "GEOKG_OUTPUTS",
    "INPUT_SUFFIXES",
    "MAX_DEPTH",
    "InputFile",
    "display_path",
    "document_id",
    "iter_input_files",
    "list_inputs",
    "special_file",
    "special_reason",
]

INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")
# Folders deeper than this below an input are not read (listed as skipped): no corpus nests deeper,
# and a tree 1,100 deep once ended the walk in a RecursionError before anything was written.
MAX_DEPTH = 100
# What geokg writes in an output folder; a folder holding them is a geokg output set, not articles.
GEOKG_OUTPUTS = (
    "triples.jsonl",
    "graph.json",
    "graph.graphml",
    "graph.gexf",
    "nodes.csv",
    "edges.csv",
    "graph.html",
    "report.json",
)
# How a report.json written by geokg begins (runner.BuildReport.to_dict, indent=1).
_REPORT_HEAD = b'{\n "extractor": '


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to account for.

    ``path`` is where it is on disk (as the system names it); ``name`` is how
    geokg names it in the outputs (:func:`document_id`). ``named`` is True for
    a file given on the command line. ``error`` (it *fails*) and ``skip`` (it
    is *skipped*) say why it is not read; ``excluded`` marks geokg's own
    output, left out of the inputs altogether (listed apart in report.json).
    """

    path: Path
    named: bool = True
    error: str | None = None  # a folder that could not be listed
    skip: str | None = None  # a special file, a folder already read through a link, the same file again
    excluded: str | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", document_id(self.path))

    @property
    def supported(self) -> bool:
        return self.named or self.path.suffix.lower() in INPUT_SUFFIXES


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can always be written (UTF-8, JSON, a terminal).

    A file name that is not valid UTF-8 (``caf\\xe9.txt`` saved in Latin-1)
    keeps its undecodable bytes as ``\\xe9`` escapes instead of breaking the
    report; a backslash of the name itself is doubled, so that two names
    never read alike (a file literally named ``caf\\xe9.txt`` is
    ``caf\\\\xe9.txt``).

    >>> display_path(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    >>> display_path("caf\\\\xe9.txt")
    'caf\\\\\\\\xe9.txt'
    >>> display_path("ロシア.txt")
    'ロシア.txt'
    """
    return os.fsencode(path).replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def document_id(path: str | os.PathLike[str]) -> str:
    """How a file is named in the outputs: one spelling per file.

    The path is made absolute and normalised (``in/../in/a.txt`` and an
    absolute path name the same file), then given relative to the current
    folder when it is inside it; see :func:`display_path` for names that
    are not UTF-8. ``--into`` replaces a document by this name.

    >>> document_id("seeds/../seeds/./a.txt") == document_id(os.path.abspath("seeds/a.txt")) == "seeds/a.txt"
    True
    """
    full = os.path.normpath(os.path.abspath(os.fspath(path)))
    rel = os.path.relpath(full)
    shown = full if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel
    return display_path(shown)


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def special_file(mode: int) -> str | None:
    """What a file that is not a regular file is ("a named pipe (FIFO)"), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def special_reason(name: str, what: str) -> str:
    return f"{name}: {what}, not a regular file; geokg reads only regular files — copy the article to a file"


def _is_output_set(folder: Path) -> bool:
    """Whether ``folder`` holds the outputs of a geokg build (its report.json says so)."""
    try:
        with open(folder / "report.json", "rb") as fh:
            return fh.read(len(_REPORT_HEAD)) == _REPORT_HEAD
    except OSError:
        return False


def list_inputs(
    inputs: Iterable[str | os.PathLike[str]], *, exclude: Iterable[str | os.PathLike[str]] = ()
) -> list[InputFile]:
    """Every file to account for, sorted by path, each file once.

    Folders are walked down to :data:`MAX_DEPTH` levels (a folder deeper than
    that is listed as skipped, with the reason); hidden files and folders
    (``.git``, ``.DS_Store``) are left out. Files of other types inside folders are
    listed with ``supported`` False, so they can be reported as skipped; a
    folder that cannot be listed is listed with its ``error``. Paths that do
    not exist are listed as given (reading them fails).

    Symbolic links to folders are followed once: a link to a folder already
    read (a loop, or a second way into the same tree) is listed as skipped,
    with the reason, and so is a second path to the same file. FIFOs, devices
    and sockets are listed as skipped: reading one could block forever or
    never end.

    geokg's own output is left out, listed with ``excluded``: an ``exclude``
    folder (the output folder) inside an input folder, and the output files
    of any geokg output set (a folder whose report.json geokg wrote) —
    including an input folder that is also the output folder.
    """
    lister = _Lister([_real(e) for e in exclude])
    for item in inputs:
        root = Path(item)
        if root.is_dir():
            lister.walk(root)
        else:
            lister.add(root, True)
    lister.follow_links()
    return sorted(lister.out, key=lambda f: f.name)


class _Lister:
    """The state of :func:`list_inputs`: what is listed, seen and walked so far."""

    def __init__(self, excluded: list[Path]) -> None:
        self.excluded = excluded
        self.seen: dict[Path, str] = {}  # real path of each file listed -> its name
        self.walked: list[Path] = []  # real paths of the folders walked
        self.out: list[InputFile] = []
        self.links: list[
            tuple[Path, int]
        ] = []  # links met in folders (and their depth), followed once the rest is read

    def add(self, p: Path, named: bool, *, error: str | None = None) -> None:
        f = InputFile(p, named, error)
        try:
            st = os.stat(p)
        except OSError:
            st = None  # missing or a broken link: reading it says why
        key = _real(p)
        if key in self.seen:
            if self.seen[key] != f.name and not named:
                self.out.append(
                    replace(f, skip=f"{f.name}: the same file as {self.seen[key]} (through a link); read once")
                )
            return
        self.seen[key] = f.name
        what = special_file(st.st_mode) if st is not None and error is None else None
        if what is not None and not stat.S_ISDIR(st.st_mode):  # type: ignore[union-attr]
            f = replace(f, skip=special_reason(f.name, what))
        self.out.append(f)

    def walk(self, top: Path, depth: int = 0) -> None:
        """``top`` and the folders under it, down to :data:`MAX_DEPTH` levels (iteratively: any depth is safe)."""
        stack = [(top, depth)]
        while stack:
            folder, level = stack.pop()
            subfolders = self._list(folder, level)
            for sub in reversed(subfolders):
                if level + 1 > MAX_DEPTH:
                    self.out.append(InputFile(sub, False, skip=_too_deep(sub)))
                else:
                    stack.append((sub, level + 1))

    def _list(self, folder: Path, level: int) -> list[Path]:
        """List the files of one folder; returns its subfolders to walk."""
        here_real = _real(folder)
        self.walked.append(here_real)
        own = here_real in self.excluded or _is_output_set(folder)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            why = f"cannot list this folder ({e.strerror or e}); make it readable (chmod u+rx) or leave it out"
            self.add(folder, True, error=f"{document_id(folder)}: {why}")
            return []
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            p = folder / entry.name
            if own and entry.name in GEOKG_OUTPUTS:
                self.out.append(InputFile(p, False, excluded=f"{document_id(p)}: written by geokg (an output file)"))
                continue
            try:
                real_dir = entry.is_dir(follow_symlinks=False)
                link = entry.is_symlink()
            except OSError:
                real_dir = link = False
            if real_dir and _real(p) in self.excluded:
                self.out.append(InputFile(p, False, excluded=f"{document_id(p)}: the output folder of this run"))
            elif real_dir:
                subfolders.append(p)
            elif link:
                self.links.append((p, level + 1))
            else:
                self.add(p, False)
        return subfolders

    def follow_links(self) -> None:
        """The links met, once the real files and folders are listed: a file is named by its own path, not a link's."""
        while self.links:
            batch = sorted(self.links)
            self.links.clear()
            for link, depth in batch:
                self._follow(link, depth)

    def _follow(self, link: Path, depth: int) -> None:
        if not link.is_dir():
            self.add(link, False)  # a link to a file (or a broken one: reading it says why)
            return
        target = _real(link)
        name = document_id(link)
        if _is_under(_real(link.parent), target):
            why = f"{name}: a symbolic link to a folder that contains it (a loop); not read twice"
            self.out.append(InputFile(link, False, skip=why))
        elif any(_is_under(target, w) or _is_under(w, target) for w in self.walked):
            why = f"{name}: a symbolic link to a folder already read; not read twice"
            self.out.append(InputFile(link, False, skip=why))
        elif target in self.excluded:
            self.out.append(InputFile(link, False, excluded=f"{name}: a link to the output folder of this run"))
        elif depth > MAX_DEPTH:
            self.out.append(InputFile(link, False, skip=_too_deep(link)))
        else:
            self.walk(link, depth)


def _too_deep(folder: Path) -> str:
    return (
        f"{document_id(folder)}: a folder more than {MAX_DEPTH} levels below an input; geokg reads folders at most "
        f"{MAX_DEPTH} levels below an input — name the folder itself on the command line to read it"
    )


def _real(p: str | os.PathLike[str]) -> Path:
    """The canonical path; unlike ``Path.resolve`` on Python 3.11, never raises on a symlink loop."""
    return Path(os.path.realpath(p))


def _is_under(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def iter_input_files(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named on the command line, and the articles inside folders (recursively, sorted)."""
    for f in list_inputs(inputs):
        if f.supported and not (f.error or f.skip or f.excluded):
            yield f.path
