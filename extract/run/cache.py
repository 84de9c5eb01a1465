"""A disk cache of extraction results, so that re-running on an unchanged corpus skips the parse.

An entry is one document's :class:`~extract.types.DocumentResult` as JSON,
under a key that hashes everything the result depends on:

- the document's text and publication date (the date resolves 「19日」);
- the extractor: model name and version, lexicon version and settings
  (``Extractor.version``, the prefilter);
- the extraction code itself: the ``.py`` and data files of the ``extract``
  package (an upgrade or a local edit invalidates every entry), and the
  versions of spaCy, thinc, GiNZA, SudachiPy and its dictionary.

The path is not part of the key: the same text under another name is a hit,
its relations re-labelled with the new path (the path is provenance only).

Entries live in ``CACHE_DIR/ab/abcdef….json`` (``$GEOKG_CACHE_DIR``, else
``$XDG_CACHE_HOME/geokg``, else ``~/.cache/geokg``), are written atomically
(temporary file, then rename) and read defensively: an entry that cannot be
read or parsed is ignored and the document extracted again. Failed
extractions are not cached. Deleting the folder is always safe.

>>> from extract.run.pipeline import Extractor  # doctest: +SKIP
>>> cached = CachedExtractor(Extractor(), ResultCache("/tmp/geokg-cache"))  # doctest: +SKIP
>>> results = list(cached.pipe(documents))  # doctest: +SKIP
>>> cached.stats  # doctest: +SKIP
CacheStats(hits=0, misses=12, stored=12, invalid=0)
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import hashlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..types import Document, DocumentResult

__all__ = [
    "CACHE_FORMAT",
    "CacheStats",
    "CachedExtractor",
    "ResultCache",
    "code_fingerprint",
    "default_cache_dir",
    "environment_fingerprint",
    "fingerprinted_files",
]

log = logging.getLogger(__name__)

CACHE_FORMAT = 1  # bump when the entry layout or DocumentResult's serialisation changes
# The whole extract package (this module sits in extract/run/): a change to any rule or lexicon
# must make earlier results stale.
_PACKAGE = Path(__file__).resolve().parent.parent
# Distributions whose version can change a parse (tokenisation, model weights, NER).
_DISTRIBUTIONS = ("spacy", "thinc", "ginza", "ja-ginza", "sudachipy", "sudachidict-core")


class _Pipe(Protocol):
    version: str

    def pipe(self, documents: Iterable[Document]) -> Iterator[DocumentResult]: ...


def default_cache_dir() -> Path:
    """``$GEOKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/geokg``, else ``~/.cache/geokg``."""
    explicit = os.environ.get("GEOKG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "geokg"


@functools.cache
def code_fingerprint() -> str:
    """A hash of the ``extract`` package's source and data files (computed once per process)."""
    h = hashlib.sha256()
    for p in fingerprinted_files():
        h.update(p.relative_to(_PACKAGE).as_posix().encode())
        h.update(b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:20]


def fingerprinted_files() -> list[Path]:
    """The source and data files of the ``extract`` package that :func:`code_fingerprint` hashes."""
    return sorted(
        p
        for p in _PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix in (".py", ".json", ".txt", ".tsv", ".csv")
    )


@functools.cache
def environment_fingerprint() -> str:
    """Versions of the parsing libraries and their dictionary, e.g. ``spacy=3.8.7;…``."""
    from importlib import metadata

    parts = []
    for name in _DISTRIBUTIONS:
        try:
            parts.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name}=-")
    return ";".join(parts)


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    stored: int = 0
    invalid: int = 0  # unreadable or corrupt entries (re-extracted)

    def __str__(self) -> str:
        s = f"{self.hits} cached, {self.misses} extracted"
        return s + (f", {self.invalid} unreadable cache entries replaced" if self.invalid else "")


class ResultCache:
    """Extraction results on disk, one JSON file per key.

    ``salt`` is everything besides the document that the result depends on
    (see :meth:`salt_for`); two caches with different salts never share an
    entry even in the same folder.
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None):
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self._warned = False

    @staticmethod
    def salt_for(extractor_version: str, settings: dict[str, Any] | None = None) -> str:
        return json.dumps(
            [CACHE_FORMAT, extractor_version, settings or {}, code_fingerprint(), environment_fingerprint()],
            sort_keys=True,
            ensure_ascii=True,
        )

    @staticmethod
    def key(document: Document, salt: str) -> str:
        # Text and date are all of a Document the extractor reads (the path is relabelled);
        # if it ever reads the title or URL, they belong here too.
        h = hashlib.sha256()
        h.update(salt.encode("utf-8"))
        h.update(b"\0date\0")
        h.update((document.date or "").encode("utf-8"))
        h.update(b"\0text\0")
        h.update(document.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> DocumentResult | None:
        """The stored result, or None (missing). Raises ValueError for an entry that cannot be used."""
        p = self.path(key)
        try:
            raw = p.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as e:
            raise ValueError(f"{p}: cannot read ({e.strerror or e})") from None
        try:
            entry = json.loads(raw.decode("utf-8"), parse_constant=_not_json)
            if entry.get("format") != CACHE_FORMAT or entry.get("key") != key:
                raise ValueError("not an entry for this key")
            result = DocumentResult.from_dict(entry["result"])
            # What a result is written as later (triples.jsonl, graph.json) must be writable: UTF-8, finite numbers.
            json.dumps(result.to_dict(), ensure_ascii=False, allow_nan=False).encode("utf-8")
            return result
        except Exception as e:  # anything at all (deep nesting, lone surrogates, a foreign file): a miss
            raise ValueError(f"{p}: corrupt cache entry ({type(e).__name__}: {e})") from None

    def put(self, key: str, result: DocumentResult) -> bool:
        """Store ``result``; False (and a log line) when the cache folder is not writable."""
        from graph._atomic import atomic_path

        data = json.dumps(
            {"format": CACHE_FORMAT, "key": key, "result": result.to_dict()},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )
        p = self.path(key)
        try:
            # Rename without fsync: a cache entry lost or truncated by a crash is just re-extracted.
            with atomic_path(p) as tmp:
                tmp.write_text(data, encoding="utf-8")
        except OSError as e:
            if not self._warned:  # once per run: a read-only cache fails every entry the same way
                log.warning(
                    "cannot write to the cache in %s (%s); continuing without storing results "
                    "(--cache-dir DIR to use another folder, --no-cache to turn it off)",
                    self.directory,
                    e.strerror or e,
                )
                self._warned = True
            log.info("cannot write the cache entry %s (%s)", p, e.strerror or e)
            return False
        return True


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _relabel(result: DocumentResult, path: str) -> DocumentResult:
    if result.doc == path and all(r.doc == path for r in result.relations):
        return result
    return dataclasses.replace(
        result, doc=path, relations=tuple(dataclasses.replace(r, doc=path) for r in result.relations)
    )


class CachedExtractor:
    """``extractor.pipe`` with a cache in front: hits never touch the model.

    Same contract as :meth:`Extractor.pipe`: one result per document, in input
    order. The misses stream through one ``extractor.pipe`` (its batches, or
    its worker processes, stay full); a hit waits only for the misses before
    it. After ``max_hits`` hits in a row the stream is cut, so a run served
    from the cache holds at most that many results. ``extractor`` needs
    ``pipe`` and ``version``; it may load its model lazily (a fully cached run
    then never loads it).
    """

    def __init__(
        self, extractor: _Pipe, cache: ResultCache | str | os.PathLike[str] | None = None, *, max_hits: int = 256
    ):
        self.inner = extractor
        self.cache = cache if isinstance(cache, ResultCache) else ResultCache(cache)
        self.max_hits = max_hits
        self.stats = CacheStats()
        self._salt: str | None = None

    @property
    def version(self) -> str:
        return self.inner.version

    @property
    def salt(self) -> str:
        if self._salt is None:
            settings = {"prefilter": bool(getattr(self.inner, "prefilter", True))}
            self._salt = ResultCache.salt_for(self.inner.version, settings)
        return self._salt

    def extract(self, document: Document) -> DocumentResult:
        return next(iter(self.pipe([document])))

    def pipe(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        source = iter(documents)
        order: collections.deque[list[Any]] = collections.deque()  # [document, key, result or None], in input order
        waiting: collections.deque[list[Any]] = collections.deque()  # the misses among them
        done = False

        def misses() -> Iterator[Document]:
            nonlocal done
            hits = 0
            for document in source:
                key = self.cache.key(document, self.salt)
                hit = self._lookup(key)
                entry = [document, key, None if hit is None else _relabel(hit, document.path)]
                order.append(entry)
                if hit is None:
                    waiting.append(entry)
                    hits = 0
                    yield document
                else:
                    hits += 1
                    if hits >= self.max_hits:
                        return  # let the caller have them before reading on
            done = True

        while not done:
            for result in self.inner.pipe(misses()):
                entry = waiting.popleft()
                document, key, _ = entry
                if result.doc != document.path:
                    raise RuntimeError(f"extractor returned {result.doc} for {document.path}: results out of order")
                # (a failure is not kept: the next run tries again, and reports it again if it recurs)
                if result.error is None and not result.sentence_errors and self.cache.put(key, result):
                    self.stats.stored += 1
                entry[2] = result
                while order and order[0][2] is not None:
                    yield order.popleft()[2]
            if waiting:
                raise RuntimeError(f"extractor returned no result for {waiting[0][0].path}")
            while order:
                yield order.popleft()[2]

    def close(self) -> None:
        with contextlib.suppress(AttributeError):
            self.inner.close()  # type: ignore[attr-defined]

    def __enter__(self) -> CachedExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ---------------------------------------------------------------------------
    def _lookup(self, key: str) -> DocumentResult | None:
        try:
            hit = self.cache.get(key)
        except ValueError as e:
            log.info("%s; extracting again", e)
            self.stats.invalid += 1
            hit = None
        if hit is None:
            self.stats.misses += 1
        else:
            self.stats.hits += 1
        return hit
