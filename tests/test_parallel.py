"""Several processes, and a Dask cluster, give the results of a serial run, in input order.

Real model in every worker (each loads GiNZA once, ~3 s); the documents are a
few Wikipedia-like texts, the seed article and one that fails.
"""

from __future__ import annotations

import pytest

from extract.run.parallel import DaskExtractor, ExtractorSpec, ProcessExtractor, chunked, make_extractor
from extract.types import Document
from tests.conftest import SEED

pytestmark = pytest.mark.model

TEXTS = [
    "ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。",
    "米国はイランに追加の制裁を科した。バイデン大統領は声明で、イランを強く非難した。",
    "きょうの東京は晴れ。気温は20度まで上がった。",
    "中国の習近平国家主席は北京でフランスのマクロン大統領と会談した。両首脳は気候変動で協力することで一致した。",
    "",
    "日本政府は韓国に対し、輸出規制の強化を通告した。",
]


def _docs() -> list[Document]:
    docs = [Document(path=f"d{i}.txt", text=t, date="2024-06-19" if i % 2 else None) for i, t in enumerate(TEXTS)]
    docs.insert(3, Document(path="seed.txt", text=SEED.read_text(encoding="utf-8")))
    return docs


@pytest.fixture(scope="module")
def serial(extractor):
    out = list(extractor.pipe(_docs()))
    assert sum(len(r.relations) for r in out) >= 10
    return out


def test_chunks_cover_the_documents_in_order():
    docs = _docs()
    chunks = list(chunked(docs, chunk_chars=100, chunk_docs=3))
    assert [d for c in chunks for d in c] == docs
    assert all(1 <= len(c) <= 3 for c in chunks) and len(chunks) > 2


def test_two_processes_equal_serial(serial):
    # small chunks: several in flight, finishing out of order
    with ProcessExtractor(2, chunk_chars=60, chunk_docs=2) as px:
        assert list(px.pipe(_docs())) == serial
        assert px.version == ExtractorSpec().create().version
        # the pool is reused by a second pipe
        assert list(px.pipe(_docs()[:2])) == serial[:2]


def test_processes_behind_the_cache_skip_the_pool_when_warm(serial, tmp_path):
    with make_extractor(workers=2, cache=True, cache_dir=tmp_path) as ex:
        assert list(ex.pipe(_docs())) == serial
        assert ex.stats.misses == len(serial)
    with make_extractor(workers=2, cache=True, cache_dir=tmp_path) as ex:
        assert list(ex.pipe(_docs())) == serial
        assert ex.stats.hits == len(serial)
        assert ex.inner._pool is None  # no worker was started


def test_dask_local_cluster_equals_serial(serial):
    """``--dask``: one LocalCluster worker process (as in CI); same results as a serial run."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster:
        with DaskExtractor(cluster.scheduler_address, chunk_chars=60, chunk_docs=2) as dx:
            assert dx.in_flight == 2
            assert list(dx.pipe(_docs())) == serial
        with distributed.Client(cluster) as client, make_extractor(dask=client, cache=False) as dx:
            assert list(dx.pipe(_docs()[:3])) == serial[:3]
            assert client.status == "running"  # a Client given is not closed
