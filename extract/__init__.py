"""geokg.extract: Japanese text → actors and typed relations with evidence.

The records and I/O are importable without spaCy; the names that need the
GiNZA model (``load``, ``Extractor``, ``extract_relations`` …) load it lazily
on first use.

>>> import extract
>>> extract.RelationType("sanction").goldstein
-4.0
"""

from __future__ import annotations

import importlib
from typing import Any

from .read.io import read_document, read_jsonl, write_jsonl
from .types import Actor, ActorType, Document, DocumentResult, Modality, Relation, RelationType, Role

__all__ = [
    "Actor",
    "ActorType",
    "Document",
    "DocumentResult",
    "Extractor",
    "Modality",
    "Relation",
    "RelationType",
    "Role",
    "extract_document",
    "extract_relations",
    "load",
    "load_lexicon",
    "read_document",
    "read_jsonl",
    "write_jsonl",
]

_LAZY = {
    "load": "run.pipeline",
    "Extractor": "run.pipeline",
    "extract_relations": "run.pipeline",
    "extract_document": "run.pipeline",
    "load_lexicon": "lexicon",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
