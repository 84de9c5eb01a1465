"""Reading input documents and writing relations as JSON Lines.

Standard library only.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Iterable, Iterator

from .types import Document, Relation

__all__ = ["INPUT_SUFFIXES", "InputError", "iter_input_files", "read_document", "write_jsonl", "read_jsonl",
           "dump_relation"]

INPUT_SUFFIXES = (".txt", ".md", ".html", ".htm")


class InputError(Exception):
    """An input that cannot be read; the message names the file and what to do."""


def iter_input_files(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named on the command line, and the articles inside folders (recursively, sorted)."""
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES and not any(
                        part.startswith(".") for part in f.relative_to(p).parts):
                    yield f
        else:
            yield p


def read_document(path: str | os.PathLike[str]) -> Document:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder; pass the folder itself to read the articles inside") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied; make the file readable") from None
    text = raw.decode("utf-8-sig", errors="replace")
    return Document(path=str(path), text=text)


def dump_relation(r: Relation) -> str:
    return json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=False)


def write_jsonl(relations: Iterable[Relation], fh_or_path: IO[str] | str | os.PathLike[str]) -> int:
    """Write relations one per line; returns how many were written."""
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
