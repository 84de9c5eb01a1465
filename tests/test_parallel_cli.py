"""`geokg build --workers N` and `--dask ADDRESS` write the same files as a local run, byte for byte.

Skipped until ``build`` takes ``workers`` (the issue-7 runner integration).
"""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path

import pytest

from extract.cli import main
from extract.run.runner import build
from tests.conftest import SEED

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(
        "workers" not in inspect.signature(build).parameters,
        reason="needs the issue-7 runner integration (build(workers=...))",
    ),
]

OUTPUTS = ("triples.jsonl", "graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "report.json")
TEXTS = {
    "a.txt": "ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。",
    "b.txt": "米国はイランに追加の制裁を科した。バイデン大統領は声明で、イランを強く非難した。",
    "c.txt": "中国の習近平国家主席は北京でフランスのマクロン大統領と会談した。",
    "d.txt": "きょうの東京は晴れ。気温は20度まで上がった。",
}


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    d = tmp_path_factory.mktemp("parallel-in")
    shutil.copy(SEED, d / SEED.name)
    for name, text in TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("parallel-local")
    assert main(["build", str(d), "-o", str(out), "--no-cache", "--no-progress"]) == 0
    return d, _outputs(out)


def test_workers_write_what_a_local_run_writes(local, tmp_path, capsys):
    d, expected = local
    assert main(["build", str(d), "-o", str(tmp_path), "--workers", "2", "--no-cache", "--no-progress"]) == 0
    assert _outputs(tmp_path) == expected
    assert "5 inputs (5 processed)" in capsys.readouterr().out


def test_dask_writes_what_a_local_run_writes(local, tmp_path):
    """``--dask`` against a LocalCluster (one worker process, one thread), as CI runs it."""
    distributed = pytest.importorskip("distributed")
    d, expected = local
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster:
        assert (
            main(
                [
                    "build",
                    str(d),
                    "-o",
                    str(tmp_path),
                    "--dask",
                    cluster.scheduler_address,
                    "--no-cache",
                    "--no-progress",
                ]
            )
            == 0
        )
    assert _outputs(tmp_path) == expected


@pytest.mark.parametrize(
    "args, message",
    [
        (["--workers", "-1"], "--workers -1: give a number of processes (0: one per CPU core)"),
        (["--dask", "tcp://127.0.0.1:9"], "cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
    ],
)
def test_bad_workers_or_scheduler_is_a_usage_error(local, tmp_path, capsys, monkeypatch, args, message):
    import extract.run.parallel

    monkeypatch.setattr(extract.run.parallel, "DASK_CONNECT_TIMEOUT", 2)
    d, _ = local
    assert main(["build", str(d), "-o", str(tmp_path), "--no-progress", *args]) == 2
    assert message in capsys.readouterr().err


def test_workers_and_dask_exclude_each_other(local, tmp_path, capsys):
    d, _ = local
    with pytest.raises(SystemExit) as e:
        main(["build", str(d), "-o", str(tmp_path), "--workers", "2", "--dask", "tcp://127.0.0.1:9"])
    assert e.value.code == 2 and "not allowed with argument" in capsys.readouterr().err
