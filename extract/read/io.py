"""Reading input articles, and writing relations as JSON Lines.

Analysts feed whatever they scraped, so reading is forgiving but never silent:

- **Encodings** (:mod:`extract.read.decode`). A byte-order mark decides first (UTF-8, UTF-16, UTF-32); then
  strict UTF-8; then, for HTML, the charset the page declares; then
  ``charset-normalizer`` restricted to the encodings Japanese and Western news
  come in (CP932/Shift_JIS, EUC-JP, ISO-2022-JP, Windows-1252). Bytes that no
  encoding explains are replaced with U+FFFD and counted as a warning.
- **Formats.** Plain text; the seed layout (title line, the title again, URL
  line, body in 『』 blocks), read verbatim with the title and URL as metadata;
  Markdown (front matter ``title:``/``date:``/``url:``); HTML pages, whose
  article text is taken with trafilatura (menus, related articles, comments
  and scripts dropped; :mod:`extract.read.markup`).
- **Which files** (:mod:`extract.read.listing`): folders walked, links to
  folders followed once, special files and geokg's own outputs set apart.
- **Not articles.** Empty or whitespace-only files, binary files and files of
  other types are *skipped* (:class:`SkippedInput`); files that cannot be read
  *fail* (:class:`InputError`). Either way the message names the file and says
  what to do.

``Document.text`` is the text the evidence sentences are cut from: the decoded
file for plain text and the seed layout, the extracted text for HTML and
Markdown.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..types import Document, Relation
from .decode import DETECTOR_ENCODINGS, Decoded, NotText, decode_bytes
from .listing import (
    GEOKG_OUTPUTS,
    INPUT_SUFFIXES,
    MAX_DEPTH,
    InputFile,
    display_path,
    document_id,
    iter_input_files,
    list_inputs,
    special_file,
    special_reason,
)
from .markup import Extracted, html_to_text, iso_date, markdown_to_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DETECTOR_ENCODINGS",
    "GEOKG_OUTPUTS",
    "INPUT_SUFFIXES",
    "MAX_DEPTH",
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

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
DEFAULT_MAX_BYTES = 50_000_000  # larger files are skipped (``--max-bytes``): no news article is 50 MB
_CHUNK = 1 << 20  # bytes read at a time


class InputError(Exception):
    """An input that cannot be read (it *fails*); the message names the file and what to do."""


class SkippedInput(InputError):
    """An input that is not an article (empty, binary, another file type): *skipped*, not failed."""


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
    ``max_bytes + 1`` bytes are ever read, even from a file that grows, and
    read in chunks, so a limit far beyond memory costs nothing.

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
        raise SkippedInput(special_reason(name, what))
    with os.fdopen(fd, "rb") as fh:
        too_big = (
            f"{name}: larger than {_size(max_bytes)} ({{}}); not an article — raise the limit with "
            f"--max-bytes if it really is one"
        )
        if st.st_size > max_bytes:
            raise SkippedInput(too_big.format(_size(st.st_size)))
        chunks: list[bytes] = []
        size = 0
        try:  # in chunks: a limit of 100GB must not ask for 100 GB of memory up front
            while size <= max_bytes and (chunk := fh.read(min(_CHUNK, max_bytes + 1 - size))):
                chunks.append(chunk)
                size += len(chunk)
        except OSError as e:
            raise InputError(
                f"{name}: cannot be read ({e.strerror or e}); check the disk or copy the file again"
            ) from None
        if size > max_bytes:
            raise SkippedInput(too_big.format("it grew while being read"))
    return b"".join(chunks)


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
