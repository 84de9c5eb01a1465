"""The one conftest: the GiNZA model is loaded once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_db80d0d6cdafb80b.txt"


@pytest.fixture(scope="session", autouse=True)
def _no_result_cache():
    """Builds in the tests extract afresh and never touch ~/.cache/geokg (test_cache* opt in)."""
    old = os.environ.get("GEOKG_NO_CACHE")
    os.environ["GEOKG_NO_CACHE"] = "1"
    yield
    if old is None:
        os.environ.pop("GEOKG_NO_CACHE", None)
    else:
        os.environ["GEOKG_NO_CACHE"] = old


@pytest.fixture(scope="session")
def nlp():
    from extract.pipeline import load

    return load()


@pytest.fixture(scope="session")
def extractor(nlp):
    from extract.pipeline import Extractor

    return Extractor(nlp)


@pytest.fixture(scope="session")
def extract_triples(extractor):
    """text -> sorted (source, type, target, modality) tuples, for rule tables."""
    from extract.types import Document

    def run(text: str, *, date: str | None = None):
        res = extractor.extract(Document(path="t.txt", text=text, date=date))
        return res

    return run


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, nlp):
    """`geokg build seeds -o DIR`, run once per session; returns DIR."""
    from extract.cli import main

    out = tmp_path_factory.mktemp("seed-build")
    assert main(["build", str(SEEDS), "-o", str(out), "--no-progress"]) == 0
    return out


@pytest.fixture
def seed_copy(tmp_path):
    dst = tmp_path / "seeds"
    dst.mkdir()
    shutil.copy(SEED, dst / SEED.name)
    return dst
