"""The one conftest: the GiNZA model and headless Chromium (for the map tests) are started once per session.

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
    from extract.run.pipeline import load

    return load()


@pytest.fixture(scope="session")
def extractor(nlp):
    from extract.run.pipeline import Extractor

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


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory, nlp):
    """`geokg build tests/data/dev/texts seeds -o DIR`: the development corpus and the seed, once per session."""
    from extract.cli import main

    out = tmp_path_factory.mktemp("corpus-build")
    args = ["build", str(ROOT / "tests" / "data" / "dev" / "texts"), str(SEEDS), "-o", str(out), "--no-progress"]
    assert main(args) == 0
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


# --- headless Chromium for the map tests (tests/test_render_browser.py, test_map_*, test_hostile_map_*) -----
#
# One browser per session, with the network emulated offline: every map must work with no network at all.
# Skipped when chromium, chromedriver or selenium is missing, unless GEOKG_REQUIRE_BROWSER=1 (as in CI),
# which makes that a failure.

CHROMIUM = os.environ.get("GEOKG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = os.environ.get("GEOKG_CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
BROWSER_REQUIRED = os.environ.get("GEOKG_REQUIRE_BROWSER") == "1"


def browser_unavailable() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path, pkg in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).exists():
            return f"{path} not found (apt-get install {pkg})"
    return None


def start_chromium(profile: Path, *, env: dict[str, str] | None = None, size: str = "1400,900"):
    """A selenium-driven headless Chromium, offline, logging the console and every request."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--window-size={size}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER, env=env))
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    return driver


@pytest.fixture(scope="session")
def start_chromium_with():
    """start_chromium(profile, env=..., size=...): a second browser, e.g. with other fonts (quit it yourself)."""
    return start_chromium


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    reason = browser_unavailable()
    if reason:
        if BROWSER_REQUIRED:
            pytest.fail(f"GEOKG_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


class MapPage:
    """What one load of a map did: console messages and requested URLs."""

    def __init__(self, driver, path: Path, *, timeout: float = 30.0):
        import json
        import time

        self.driver = driver
        self.url = path.resolve().as_uri()
        driver.set_window_size(1400, 900)
        driver.get("about:blank")
        driver.get_log("browser")  # drain what came before
        driver.get_log("performance")
        driver.get(self.url)
        deadline = time.monotonic() + timeout
        while not driver.execute_script("return !!(window.geokg && window.geokg.ready)"):
            if time.monotonic() > deadline:
                errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
                pytest.fail(f"map not ready after {timeout} s; console errors: {errors}")
            time.sleep(0.05)
        self.console = driver.get_log("browser")
        self.requests: list[tuple[str, str]] = []  # (document URL, request URL)
        for entry in driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg["method"] == "Network.requestWillBeSent":
                p = msg["params"]
                self.requests.append((p.get("documentURL", ""), p["request"]["url"]))

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def errors(self) -> list[str]:
        return [e["message"] for e in self.console + self.driver.get_log("browser") if e["level"] == "SEVERE"]


@pytest.fixture(scope="session")
def open_map(browser):
    """open_map(path) -> MapPage: load a map in the session's browser and wait until it is laid out."""

    def load(path: Path, *, timeout: float = 30.0) -> MapPage:
        return MapPage(browser, path, timeout=timeout)

    return load
