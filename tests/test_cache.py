"""The extraction cache: hits skip the parse, anything that changes the result is a miss.

Real model and real files in ``tmp_path``; the cached results are compared to
fresh ones from the session's extractor.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract
from extract.run.cache import CachedExtractor, ResultCache, code_fingerprint, fingerprinted_files
from extract.run.parallel import ExtractorSpec, LazyExtractor, model_version
from extract.types import Document, DocumentResult
from tests.conftest import SEED

A = "ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。"
B = "米国はイランに追加の制裁を科した。バイデン大統領は声明で、イランを強く非難した。"
C = "きょうの東京は晴れ。気温は20度まで上がった。"


def _docs() -> list[Document]:
    return [
        Document(path="a.txt", text=A),
        Document(path="b.txt", text=B, date="2024-06-19"),
        Document(path="c.txt", text=C),
        Document(path="seed.txt", text=SEED.read_text(encoding="utf-8")),
    ]


class _Versioned:
    """The real extractor under another version string (as after a model or lexicon upgrade)."""

    def __init__(self, inner, version: str):
        self.inner, self.version, self.prefilter = inner, version, inner.prefilter

    def pipe(self, documents):
        return self.inner.pipe(documents)


@pytest.fixture(scope="module")
def fresh(extractor):
    return list(extractor.pipe(_docs()))


# -- keys, without the model ------------------------------------------------------------------------


def test_cache_key_depends_on_text_date_and_salt_not_on_path():
    salt = ResultCache.salt_for("ginza-5.3.0+lex-x")
    k = ResultCache.key(Document(path="a.txt", text=A), salt)
    assert k == ResultCache.key(Document(path="elsewhere/z.md", text=A, title="t", url="u"), salt)
    assert k != ResultCache.key(Document(path="a.txt", text=A + " "), salt)
    assert k != ResultCache.key(Document(path="a.txt", text=A, date="2024-06-19"), salt)
    assert k != ResultCache.key(Document(path="a.txt", text=A), ResultCache.salt_for("ginza-5.3.0+lex-y"))
    assert k != ResultCache.key(
        Document(path="a.txt", text=A), ResultCache.salt_for("ginza-5.3.0+lex-x", {"prefilter": False})
    )
    assert len(k) == 64 and code_fingerprint() in ResultCache.salt_for("v")


def test_code_fingerprint_covers_every_rule_and_lexicon_of_the_extractor():
    # a result cached before a rule or a lexicon changed must not be served after: every stage's
    # modules and the data files count, not only the package the cache lives in
    root = Path(extract.__file__).resolve().parent
    hashed = {p.relative_to(root).as_posix() for p in fingerprinted_files()}
    for name in (
        "relations/frames.py",
        "actors/persons.py",
        "document/conventions.py",
        "read/sentences.py",
        "run/pipeline.py",
        "lexicon.py",
        "data/triggers.json",
        "data/dictionary/persons_asia.json",
    ):
        assert name in hashed, name


def test_cache_dir_defaults_follow_xdg(monkeypatch, tmp_path):
    from extract.run.cache import default_cache_dir

    monkeypatch.delenv("GEOKG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "geokg"
    monkeypatch.setenv("GEOKG_CACHE_DIR", str(tmp_path / "mine"))
    assert ResultCache().directory == tmp_path / "mine"


@pytest.mark.model
def test_model_version_without_loading_equals_the_extractors(extractor):
    assert model_version("ja_ginza") == extractor.version
    assert LazyExtractor(ExtractorSpec()).version == extractor.version


# -- with the model ---------------------------------------------------------------------------------


@pytest.mark.model
def test_document_result_round_trips_through_json(fresh):
    assert sum(len(r.relations) for r in fresh) >= 10
    for r in fresh:
        assert DocumentResult.from_dict(json.loads(json.dumps(r.to_dict(), ensure_ascii=False))) == r


@pytest.mark.model
def test_second_run_hits_without_loading_the_model(extractor, fresh, tmp_path):
    first = CachedExtractor(extractor, tmp_path)
    assert list(first.pipe(_docs())) == fresh
    assert (first.stats.hits, first.stats.misses, first.stats.stored) == (0, 4, 4)
    files = sorted(tmp_path.rglob("*.json"))
    assert len(files) == 4 and all(f.parent.name == f.name[:2] for f in files)

    lazy = LazyExtractor(ExtractorSpec())  # would load the model on a miss
    second = CachedExtractor(lazy, tmp_path)
    assert list(second.pipe(_docs())) == fresh
    assert (second.stats.hits, second.stats.misses) == (4, 0)
    assert not lazy.loaded
    # deterministic entries: writing them again gives the same bytes
    before = {f: f.read_bytes() for f in files}
    for f in files:
        f.unlink()
    list(CachedExtractor(extractor, tmp_path).pipe(_docs()))
    assert {f: f.read_bytes() for f in sorted(tmp_path.rglob("*.json"))} == before


@pytest.mark.model
def test_changed_document_is_read_again_the_others_are_not(extractor, fresh, tmp_path):
    list(CachedExtractor(extractor, tmp_path).pipe(_docs()))
    docs = _docs()
    docs[0] = Document(path="a.txt", text=A.replace("ロシア", "中国"))
    cached = CachedExtractor(extractor, tmp_path)
    out = list(cached.pipe(docs))
    assert (cached.stats.hits, cached.stats.misses) == (3, 1)
    assert out[1:] == fresh[1:]
    assert out[0] == extractor.extract(docs[0]) and out[0] != fresh[0]
    assert {r.source for r in out[0].relations} | {r.target for r in out[0].relations} >= {"CHN", "PRK"}


@pytest.mark.model
def test_version_change_misses(extractor, fresh, tmp_path):
    list(CachedExtractor(extractor, tmp_path).pipe(_docs()[:2]))
    upgraded = CachedExtractor(_Versioned(extractor, extractor.version + "-next"), tmp_path)
    assert list(upgraded.pipe(_docs()[:2])) == fresh[:2]
    assert (upgraded.stats.hits, upgraded.stats.misses) == (0, 2)
    again = CachedExtractor(extractor, tmp_path)
    list(again.pipe(_docs()[:2]))
    assert again.stats.hits == 2  # the old entries are still there for the old version


@pytest.mark.model
def test_corrupt_entries_are_extracted_again(extractor, fresh, tmp_path):
    cached = CachedExtractor(extractor, tmp_path)
    list(cached.pipe(_docs()[:3]))
    paths = [cached.cache.path(cached.cache.key(d, cached.salt)) for d in _docs()[:3]]
    paths[0].write_bytes(b"")  # truncated by a crash
    paths[1].write_text('{"format": 1, "key": "x", "result": {}}', encoding="utf-8")  # not this key
    paths[2].write_bytes(b"\xff\xfe not json")
    again = CachedExtractor(extractor, tmp_path)
    assert list(again.pipe(_docs()[:3])) == fresh[:3]
    assert (again.stats.invalid, again.stats.misses, again.stats.stored) == (3, 3, 3)
    third = CachedExtractor(extractor, tmp_path)
    list(third.pipe(_docs()[:3]))
    assert (third.stats.hits, third.stats.invalid) == (3, 0)


@pytest.mark.model
def test_same_text_under_another_path_is_relabelled(extractor, fresh, tmp_path):
    list(CachedExtractor(extractor, tmp_path).pipe(_docs()[:2]))
    moved = Document(path="archive/2024/b.html", text=B, date="2024-06-19")
    cached = CachedExtractor(extractor, tmp_path)
    (hit,) = cached.pipe([moved])
    assert cached.stats.hits == 1
    assert hit == extractor.extract(moved)
    assert hit.doc == moved.path and hit.relations and all(r.doc == moved.path for r in hit.relations)


@pytest.mark.model
@pytest.mark.parametrize("max_hits", [1, 2, 256])
def test_order_kept_with_hits_and_misses_interleaved(extractor, fresh, tmp_path, max_hits):
    docs = _docs()
    list(CachedExtractor(extractor, tmp_path).pipe([docs[1], docs[2]]))
    cached = CachedExtractor(extractor, tmp_path, max_hits=max_hits)
    assert list(cached.pipe(docs)) == fresh
    assert (cached.stats.hits, cached.stats.misses) == (2, 2)
    # all hits, cut every max_hits: nothing is extracted, everything comes back in order
    again = CachedExtractor(LazyExtractor(ExtractorSpec()), tmp_path, max_hits=max_hits)
    assert list(again.pipe(docs)) == fresh and not again.inner.loaded


@pytest.mark.model
def test_failures_are_not_cached_and_an_unwritable_cache_is_not_fatal(extractor, tmp_path, caplog):
    class Failing:
        version, prefilter = extractor.version, True

        def pipe(self, documents):
            for d in documents:
                yield DocumentResult(doc=d.path, characters=len(d.text), error="ValueError: boom")

    cached = CachedExtractor(Failing(), tmp_path)
    (r,) = cached.pipe([Document(path="a.txt", text=A)])
    assert r.error and cached.stats.stored == 0 and not list(tmp_path.rglob("*.json"))

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    cached = CachedExtractor(extractor, blocked / "cache")
    (r,) = cached.pipe([Document(path="c.txt", text=C)])
    assert r.error is None and cached.stats.stored == 0
    assert "cannot write to the cache in" in caplog.text
