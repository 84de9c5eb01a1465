"""Reading input articles, and writing relations as JSON Lines.

Analysts feed whatever they scraped, so reading is forgiving but never silent:

- **Encodings.** A byte-order mark decides first (UTF-8, UTF-16, UTF-32); then
  strict UTF-8; then, for HTML, the charset the page declares; then
  ``charset-normalizer`` restricted to the encodings Japanese and Western news
  come in (CP932/Shift_JIS, EUC-JP, ISO-2022-JP, Windows-1252). Bytes that no
  encoding explains are replaced with U+FFFD and counted as a warning.
- **Formats.** Plain text; the seed layout (title line, the title again, URL
  line, body in 『』 blocks), read verbatim with the title and URL as metadata;
  Markdown (front matter ``title:``/``date:``/``url:``); HTML pages, whose
  article text is taken with trafilatura (menus, related articles, comments
  and scripts dropped; :mod:`extract.read.markup`).
- **Not articles.** Empty or whitespace-only files, binary files and files of
  other types are *skipped* (:class:`SkippedInput`); files that cannot be read
  *fail* (:class:`InputError`). Either way the message names the file and says
  what to do.

``Document.text`` is the text the evidence sentences are cut from: the decoded
file for plain text and the seed layout, the extracted text for HTML and
Markdown.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from ..types import Document, Relation
from .markup import Extracted, html_to_text, iso_date, markdown_to_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "GEOKG_OUTPUTS",
    "INPUT_SUFFIXES",
    "Decoded",
    "Extracted",
    "Input",
    "InputError",
    "InputFile",
    "NotText",
    "SkippedInput",
    "decode_bytes",
    "display_path",
    "document_id",
    "dump_relation",
    "html_to_text",
    "iso_date",
    "iter_input_files",
    "list_inputs",
    "markdown_to_text",
    "parse_seed_header",
    "read_bytes",
    "read_document",
    "read_input",
    "read_jsonl",
    "special_file",
    "write_jsonl",
]

INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown")


class InputError(Exception):
    """An input that cannot be read (it *fails*); the message names the file and what to do."""


class SkippedInput(InputError):
    """An input that is not an article (empty, binary, another file type): *skipped*, not failed."""


class NotText(ValueError):
    """Bytes that are not text in any encoding geokg reads (the reason, without a file name)."""


# ---------------------------------------------------------------------------------------------
# Listing the inputs
# ---------------------------------------------------------------------------------------------

DEFAULT_MAX_BYTES = 50_000_000  # larger files are skipped (``--max-bytes``): no news article is 50 MB
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
    report.

    >>> display_path(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    >>> display_path("ロシア.txt")
    'ロシア.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


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


def _special_reason(name: str, what: str) -> str:
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

    Folders are walked recursively; hidden files and folders (``.git``,
    ``.DS_Store``) are left out. Files of other types inside folders are
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
    excluded = [_real(e) for e in exclude]
    seen: dict[Path, str] = {}  # real path of each file listed -> its name
    walked: list[Path] = []  # real paths of the folders walked
    out: list[InputFile] = []
    links: list[Path] = []  # symbolic links met in folders, followed once the real tree is read

    def add(p: Path, named: bool, *, error: str | None = None) -> None:
        f = InputFile(p, named, error)
        try:
            st = os.stat(p)
        except OSError:
            st = None  # missing or a broken link: reading it says why
        key = _real(p)
        if key in seen:
            if seen[key] != f.name and not named:
                out.append(replace(f, skip=f"{f.name}: the same file as {seen[key]} (through a link); read once"))
            return
        seen[key] = f.name
        what = special_file(st.st_mode) if st is not None and error is None else None
        if what is not None and not stat.S_ISDIR(st.st_mode):  # type: ignore[union-attr]
            f = replace(f, skip=_special_reason(f.name, what))
        out.append(f)

    def walk(top: Path) -> None:
        here_real = _real(top)
        walked.append(here_real)
        own = here_real in excluded or _is_output_set(top)
        try:
            with os.scandir(top) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            why = f"cannot list this folder ({e.strerror or e}); make it readable (chmod u+rx) or leave it out"
            add(top, True, error=f"{document_id(top)}: {why}")
            return
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            p = top / entry.name
            if own and entry.name in GEOKG_OUTPUTS:
                out.append(InputFile(p, False, excluded=f"{document_id(p)}: written by geokg (an output file)"))
                continue
            try:
                real_dir = entry.is_dir(follow_symlinks=False)
                link = entry.is_symlink()
            except OSError:
                real_dir = link = False
            if real_dir:
                if _real(p) in excluded:
                    out.append(InputFile(p, False, excluded=f"{document_id(p)}: the output folder of this run"))
                else:
                    subfolders.append(p)
            elif link:
                links.append(p)
            else:
                add(p, False)
        for sub in subfolders:
            walk(sub)

    def follow(link: Path) -> None:
        if not link.is_dir():
            add(link, False)  # a link to a file (or a broken one: reading it says why)
            return
        target = _real(link)
        name = document_id(link)
        if _is_under(_real(link.parent), target):
            out.append(
                InputFile(
                    link, False, skip=f"{name}: a symbolic link to a folder that contains it (a loop); not read twice"
                )
            )
        elif any(_is_under(target, w) or _is_under(w, target) for w in walked):
            out.append(InputFile(link, False, skip=f"{name}: a symbolic link to a folder already read; not read twice"))
        elif target in excluded:
            out.append(InputFile(link, False, excluded=f"{name}: a link to the output folder of this run"))
        else:
            walk(link)

    for item in inputs:
        root = Path(item)
        if root.is_dir():
            walk(root)
        else:
            add(root, True)
    while links:  # the real files and folders first, so a file is named by its own path rather than a link's
        batch = sorted(links)
        links.clear()
        for link in batch:
            follow(link)
    out.sort(key=lambda f: f.name)
    return out


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


# ---------------------------------------------------------------------------------------------
# Bytes → str
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name, e.g. "utf-8", "cp932", "euc_jp", "iso2022_jp"
    replaced: int = 0  # undecodable byte sequences replaced with U+FFFD


_BOMS = (  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What charset-normalizer may choose from: the encodings Japanese and Western news come in.
DETECTOR_ENCODINGS = (
    "utf_8",
    "cp932",
    "shift_jis",
    "euc_jp",
    "euc_jis_2004",
    "iso2022_jp",
    "iso2022_jp_2",
    "iso2022_jp_ext",
    "cp1252",
    "latin_1",
)
# Tried, in this order, on a file no encoding decodes cleanly (a damaged download).
_DAMAGED_CANDIDATES = ("utf-8", "cp932", "euc_jp")
# The codecs a detected encoding is decoded with: Shift_JIS files written on Windows use CP932's
# extra characters (①, ㈱); the JIS X 0213 variants are tried for characters outside JIS X 0208.
_DECODE_ORDER = {
    "shift_jis": ("cp932", "shift_jis_2004"),
    "cp932": ("cp932", "shift_jis_2004"),
    "shift_jis_2004": ("cp932", "shift_jis_2004"),
    "euc_jp": ("euc_jp", "euc_jis_2004"),
    "euc_jis_2004": ("euc_jp", "euc_jis_2004"),
    "iso2022_jp": ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2004"),
    "ascii": ("utf-8",),
}
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
    b"\x7fELF",
    b"MZ\x90\x00",
)
_ISO2022_ESC = re.compile(rb"\x1b(?:\$[@B(]|\([BJI]|\$\(D|\.A|\.F|N)")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# Python's cp932 decodes the single bytes 0x80, 0xA0 and 0xFD-0xFF, which no Japanese text
# contains, to control and private-use characters: they are bad bytes like any other.
_CP932_STRAY = re.compile("[\x80\uf8f0-\uf8f3]")


def _decode_with(raw: bytes, encoding: str) -> Decoded:
    """Decode, strictly if possible; otherwise with U+FFFD for each bad sequence (counted)."""
    name = _codec(encoding) or encoding
    try:
        text, replaced = raw.decode(encoding), 0
    except UnicodeDecodeError:
        text = raw.decode(encoding, errors="replace")
        genuine = raw.count(b"\xef\xbf\xbd") if name == "utf-8" else 0  # U+FFFD already in the file
        replaced = max(1, text.count("\ufffd") - genuine)
    if name == "cp932":
        text, stray = _CP932_STRAY.subn("\ufffd", text)
        replaced += stray
    return Decoded(text, name, replaced)


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mess(text: str) -> float:
    try:
        from charset_normalizer.md import mess_ratio
    except ImportError:  # pragma: no cover - charset-normalizer moved its internals
        return text.count("\ufffd") / max(1, len(text))
    return float(mess_ratio(text[:20000], 1.0))


def decode_bytes(raw: bytes, *, html: bool = False) -> Decoded:
    """Decode a file's bytes; raise :class:`NotText` for a binary file.

    Order: byte-order mark, strict UTF-8, (HTML) the declared ``<meta charset>``,
    UTF-8 with a few bad bytes, charset-normalizer over :data:`DETECTOR_ENCODINGS`,
    and last, for a damaged file, the Japanese encoding that leaves the least
    mess. Bad bytes are replaced with U+FFFD and counted (``Decoded.replaced``).

    >>> decode_bytes("米国".encode("cp932")).encoding
    'cp932'
    >>> decode_bytes(codecs.BOM_UTF8 + "米国".encode()).text
    '米国'
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _check_text(_decode_with(raw, encoding))
    if any(raw.startswith(m) for m in _BINARY_MAGIC):
        raise NotText("a binary file (its first bytes are those of an archive, image, PDF or program)")
    if b"\x00" in raw:
        raise NotText(
            "a binary file (it contains NUL bytes; if it is UTF-16 text without a byte-order mark, save it as UTF-8)"
        )
    iso2022 = raw.isascii() and _ISO2022_ESC.search(raw) is not None
    damaged_utf8: Decoded | None = None
    if not iso2022:
        utf8 = _decode_with(raw, "utf-8")
        if not utf8.replaced:
            return _check_text(utf8)
        # UTF-8 with a few bad bytes (a download cut short): many well-formed multi-byte
        # characters for each bad sequence, which text in another encoding never has.
        well_formed = len(utf8.text) - len(utf8.text.encode("ascii", "ignore")) - utf8.text.count("\ufffd")
        if well_formed >= 4 * utf8.replaced:
            damaged_utf8 = utf8
    if html:
        m = _HTML_CHARSET.search(raw[:4096])
        declared = _codec(m.group(1).decode("ascii", "replace")) if m else None
        if declared:
            for name in _DECODE_ORDER.get(declared, (declared,)):
                if _strict(raw, name) is not None:
                    return _check_text(_decode_with(raw, name))
    if damaged_utf8 is not None:
        return _check_text(damaged_utf8)
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw, cp_isolation=list(DETECTOR_ENCODINGS)).best()
    if best is not None:
        encoding = _codec(best.encoding) or best.encoding
        for name in _DECODE_ORDER.get(encoding, (encoding,)):
            if _strict(raw, name) is not None:
                return _check_text(_decode_with(raw, name))
    # Nothing decodes cleanly: a damaged file. Take the encoding that leaves the least mess.
    candidates = ("iso2022_jp_ext", "iso2022_jp_2") if iso2022 else _DAMAGED_CANDIDATES
    tried = [_decode_with(raw, c) for c in candidates]
    tried.sort(key=lambda d: (_mess(d.text), d.replaced))
    best_try = tried[0]
    if best_try.replaced > max(8, len(best_try.text) // 20):
        raise NotText(
            "not text in any encoding geokg reads (tried UTF-8, CP932/Shift_JIS, EUC-JP, ISO-2022-JP, Windows-1252)"
        )
    return _check_text(best_try)


def _check_text(d: Decoded) -> Decoded:
    controls = len(_CONTROL.findall(d.text[:100000]))
    if controls > max(4, len(d.text[:100000]) // 100):
        raise NotText(f"a binary file ({controls} control characters; decoded as {d.encoding})")
    return d


# ---------------------------------------------------------------------------------------------
# Markup → text (extract.read.markup), and the seed layout
# ---------------------------------------------------------------------------------------------


_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")


def parse_seed_header(text: str) -> Extracted | None:
    """Title and URL of a file in the seed layout; None for other text.

    The layout: a title line, a blank line, the title again, a URL line, then the
    body (in 『』 blocks). The text is kept verbatim, so evidence stays a
    substring of the file.

    >>> parse_seed_header("露朝が合意\\n\\n露朝が合意\\nhttps://example.jp/a\\n\\n『本文。』\\n").url
    'https://example.jp/a'
    """
    lines = text.lstrip("\ufeff").splitlines()[:6]
    if len(lines) < 3 or not lines[0].strip() or _URL_LINE.match(lines[0]):
        return None
    for i in range(1, len(lines)):
        m = _URL_LINE.match(lines[i])
        if m:
            between = [ln.strip() for ln in lines[1:i] if ln.strip()]
            if all(b == lines[0].strip() for b in between):
                return Extracted(text=text, title=lines[0].strip(), url=m.group(1))
            return None
    return None


# ---------------------------------------------------------------------------------------------
# Reading one input
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Input:
    """A document read from a file, with how it was read."""

    document: Document
    encoding: str
    format: str  # text | seed | markdown | html
    warnings: tuple[str, ...] = field(default=())
    author: str | None = None  # as the page or front matter states it


def _format_for(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    head = text[:512].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def _size(n: int) -> str:
    """A size as people say it: ``50 MB``, ``1.5 kB``.

    >>> _size(50_000_000), _size(1_500), _size(12)
    ('50 MB', '1.5 kB', '12 bytes')
    """
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= factor:
            return f"{n / factor:.3g} {unit}"
    return f"{n} bytes"


def read_bytes(path: str | os.PathLike[str], *, name: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``.

    The file is opened without blocking and checked after opening, so a FIFO
    (which would block forever), a device (``/dev/zero`` never ends) or a file
    swapped for one after listing is skipped rather than read; at most
    ``max_bytes + 1`` bytes are ever read, even from a file that grows.

    Raises :class:`SkippedInput` for a special file or one over the limit,
    :class:`InputError` when it cannot be read.
    """
    p = Path(path)
    name = name or document_id(p)
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if p.is_symlink():
            target = display_path(os.readlink(p))
            raise InputError(
                f"{name}: no such file: a symbolic link to {target}, which does not exist; fix or remove the link"
            ) from None
        raise InputError(
            f"{name}: no such file; check the path (it may have been moved or deleted during the run)"
        ) from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder; pass the folder itself to read the articles inside") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied; make the file readable (chmod u+r) or leave it out") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e}); check the disk or copy the file again") from None
    st = os.fstat(fd)
    what = special_file(st.st_mode)
    if what is not None:
        os.close(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{name}: is a folder; pass the folder itself to read the articles inside")
        raise SkippedInput(_special_reason(name, what))
    with os.fdopen(fd, "rb") as fh:
        too_big = (
            f"{name}: larger than {_size(max_bytes)} ({{}}); not an article — raise the limit with "
            f"--max-bytes if it really is one"
        )
        if st.st_size > max_bytes:
            raise SkippedInput(too_big.format(_size(st.st_size)))
        try:
            raw = fh.read(max_bytes + 1)
        except OSError as e:
            raise InputError(
                f"{name}: cannot be read ({e.strerror or e}); check the disk or copy the file again"
            ) from None
        if len(raw) > max_bytes:
            raise SkippedInput(too_big.format("it grew while being read"))
    return raw


def read_input(path: str | os.PathLike[str], *, name: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Input:
    """Read one article file.

    ``name`` is the document's name in the outputs and messages (default:
    :func:`document_id` of ``path``).

    Raises
    ------
    SkippedInput
        Not an article: empty or whitespace-only, binary, nothing but markup;
        not a regular file (a FIFO, a device); larger than ``max_bytes``.
    InputError
        It cannot be read: missing, a folder, permission denied, an I/O error.
    """
    p = Path(path)
    name = name or document_id(p)
    raw = read_bytes(p, name=name, max_bytes=max_bytes)
    if not raw.strip():
        raise SkippedInput(
            f"{name}: empty{' (only whitespace)' if raw else ''}; nothing to extract — check that "
            "the article text was saved"
        )
    fmt = _format_for(p, "")
    try:
        decoded = decode_bytes(raw, html=fmt == "html" or p.suffix.lower() not in INPUT_SUFFIXES)
    except NotText as e:
        raise SkippedInput(
            f"{name}: {e}; geokg reads text articles (.txt .md .html) — convert it to text or leave it out"
        ) from None
    text = decoded.text.lstrip("\ufeff") if decoded.text.startswith("\ufeff") else decoded.text
    warnings: list[str] = []
    if decoded.replaced:
        warnings.append(
            f"{name}: {decoded.replaced} undecodable byte sequence(s) replaced with U+FFFD "
            f"(read as {decoded.encoding}); check the file's encoding if text is missing"
        )
    if not text.strip():
        raise SkippedInput(
            f"{name}: empty (only whitespace); nothing to extract — check that the article text was saved"
        )
    fmt = _format_for(p, text)
    title = url = date = author = None
    if fmt in ("html", "markdown"):
        page = html_to_text(text) if fmt == "html" else markdown_to_text(text)
        text, title, url, date, author = page.text, page.title, page.url, page.date, page.author
    else:
        header = parse_seed_header(text)
        if header is not None:
            fmt, title, url = "seed", header.title, header.url
    if not text.strip():
        raise SkippedInput(
            f"{name}: no text outside the markup (only scripts, styles or navigation); "
            "save the article page itself, not a frame or a redirect"
        )
    doc = Document(path=name, text=text, title=title, url=url, date=date)
    return Input(document=doc, encoding=decoded.encoding, format=fmt, warnings=tuple(warnings), author=author)


def read_document(path: str | os.PathLike[str]) -> Document:
    """The :class:`Document` of one article file (see :func:`read_input`)."""
    return read_input(path).document


# ---------------------------------------------------------------------------------------------
# Relations as JSON Lines
# ---------------------------------------------------------------------------------------------


def dump_relation(r: Relation) -> str:
    return json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=False)


def write_jsonl(relations: Iterable[Relation], fh_or_path: IO[str] | str | os.PathLike[str]) -> int:
    """Write relations one per line; returns how many were written (atomically, for a path)."""
    if isinstance(fh_or_path, (str, os.PathLike)):
        from graph._atomic import atomic_open

        with atomic_open(fh_or_path) as fh:
            return write_jsonl(relations, fh)
    n = 0
    for r in relations:
        fh_or_path.write(dump_relation(r) + "\n")
        n += 1
    return n


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[Relation]:
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield Relation.from_dict(json.loads(line))
            except (ValueError, KeyError) as e:
                raise InputError(f"{path}:{lineno}: not a geokg relation: {e}") from None
