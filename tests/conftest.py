"""The one conftest: the GiNZA model is loaded once per session.

Rule tests run on recorded parses (``rules``, ``make_doc``; see tests/README.md):
``--update-parses`` records them again with the real model.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_db80d0d6cdafb80b.txt"


def pytest_addoption(parser):
    parser.addoption(
        "--update-parses",
        action="store_true",
        default=False,
        help="record again, with the real ja_ginza, the parses the rule tests replay "
        "(tests/data/parses/<test module>.json: the sentences the module's tests read and those recorded before)",
    )


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


# -- rule tests on recorded parses ------------------------------------------------------------------


@pytest.fixture(scope="module")
def replay_nlp(request):
    """The test module's recorded parses, standing in for ja_ginza (tests/replay.py).

    With ``--update-parses``: the real model, recording every sentence it reads
    into tests/data/parses/<module>.json (written when the module is done).
    """
    from tests.replay import PARSES, Recording, RecordingNLP, ReplayNLP

    module = Path(request.module.__file__)
    hint = f"python -m pytest {module.relative_to(ROOT).as_posix()} --update-parses"
    recording = Recording.load(PARSES / f"{module.stem}.json", hint=hint)
    if not request.config.getoption("--update-parses"):
        yield ReplayNLP(recording)
        return
    recorder = RecordingNLP(request.getfixturevalue("nlp"), recording)
    yield recorder
    recorder.save()


@pytest.fixture(scope="module", params=["replay", pytest.param("model", marks=pytest.mark.model)])
def rules(request, replay_nlp):
    """``rules.extract(text, date=None, lexicon=None) -> DocumentResult`` for rule tables.

    Each test runs twice: on the recorded parses (no model needed), and marked
    ``model`` on the real GiNZA, where the replay must give the same result.
    """
    from tests.replay import RuleRunner

    if request.param == "replay":
        return RuleRunner(replay_nlp)
    return RuleRunner(request.getfixturevalue("nlp"), check=replay_nlp)


@pytest.fixture(scope="module")
def make_doc(replay_nlp):
    """``make_doc(text, parsed=True, ner=True)``: the recorded Doc of a sentence, for tests of one rule function."""

    def make(text: str, *, parsed: bool = True, ner: bool = True):
        if not parsed:
            return replay_nlp.tokenizer(text)
        return replay_nlp(text, disable=[] if ner else ["ner"])

    return make
