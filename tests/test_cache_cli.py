"""`geokg build` with the result cache: a re-run gives the same files without parsing again.

Skipped until ``build`` takes ``cache_dir`` (the issue-7 runner integration).
"""

from __future__ import annotations

import inspect
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main
from extract.run.runner import build
from tests.conftest import ROOT, SEED

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(
        "cache_dir" not in inspect.signature(build).parameters,
        reason="needs the issue-7 runner integration (build(cache_dir=...))",
    ),
]

OUTPUTS = ("triples.jsonl", "graph.json", "graph.graphml", "report.json")
OTHER = "米国はイランに追加の制裁を科した。バイデン大統領は声明で、イランを強く非難した。"


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEED, d / SEED.name)
    (d / "other.txt").write_text(OTHER, encoding="utf-8")
    return d


@pytest.fixture
def cached(monkeypatch, tmp_path):
    monkeypatch.delenv("GEOKG_NO_CACHE", raising=False)
    return tmp_path / "cache"


def test_rerun_is_served_from_the_cache_with_the_same_outputs(corpus, cached, tmp_path, capsys):
    args = ["build", str(corpus), "--cache-dir", str(cached), "--no-progress"]
    assert main([*args, "-o", str(tmp_path / "first")]) == 0
    assert "(0 cached, 2 extracted)" in capsys.readouterr().out
    assert len(list(cached.rglob("*.json"))) == 2
    assert main([*args, "-o", str(tmp_path / "second")]) == 0
    assert "(2 cached, 0 extracted)" in capsys.readouterr().out
    assert _outputs(tmp_path / "first") == _outputs(tmp_path / "second")

    (corpus / "other.txt").write_text(OTHER.replace("イラン", "シリア"), encoding="utf-8")
    assert main([*args, "-o", str(tmp_path / "third")]) == 0
    assert "(1 cached, 1 extracted)" in capsys.readouterr().out
    lines = (tmp_path / "third" / "triples.jsonl").read_text(encoding="utf-8").splitlines()
    targets = {json.loads(x)["target"] for x in lines if json.loads(x)["doc"].endswith("other.txt")}
    assert "SYR" in targets and "IRN" not in targets


def test_no_cache_neither_reads_nor_writes(corpus, cached, tmp_path, capsys):
    assert (
        main(
            ["build", str(corpus), "--cache-dir", str(cached), "--no-cache", "-o", str(tmp_path / "o"), "--no-progress"]
        )
        == 0
    )
    assert "cached" not in capsys.readouterr().out
    assert not cached.exists()


def test_geokg_no_cache_is_respected(corpus, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("GEOKG_NO_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("GEOKG_CACHE_DIR", raising=False)
    assert main(["build", str(corpus), "-o", str(tmp_path / "o"), "--no-progress"]) == 0
    assert not (tmp_path / "xdg").exists()


def test_warm_run_does_not_load_the_model(corpus, cached, tmp_path):
    assert main(["build", str(corpus), "--cache-dir", str(cached), "-o", str(tmp_path / "cold"), "--no-progress"]) == 0
    code = (
        "import sys; from extract.cli import main; "
        f"rc = main(['build', {str(corpus)!r}, '--cache-dir', {str(cached)!r}, '-o', {str(tmp_path / 'warm')!r},"
        " '--no-progress']); print('spacy loaded:', 'spacy' in sys.modules); sys.exit(rc)"
    )
    env = {k: v for k, v in os.environ.items() if k != "GEOKG_NO_CACHE"}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert p.returncode == 0, p.stderr
    assert "(2 cached, 0 extracted)" in p.stdout and "spacy loaded: False" in p.stdout
    assert _outputs(tmp_path / "cold") == _outputs(tmp_path / "warm")
