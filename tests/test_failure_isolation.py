"""A failure in one sentence costs that sentence, not its article.

Real GiNZA model (once per session), sentences written for the tests. No real
input makes the sentence stages fail today, so the fault is injected with
``unittest.mock.patch``: the analysis (or the parser, or the cheap pass's
mention finder) raises only for the sentence holding the marker イタリア.
"""

from __future__ import annotations

import json
import logging
from unittest import mock

import pytest

from extract.cli import main
from extract.run import pipeline
from extract.run.pipeline import Extractor
from extract.types import Document, DocumentResult

pytestmark = pytest.mark.model

TEXT = "フランスとドイツは首脳会談を行った。イタリアはスペインを非難した。英国とカナダは協力協定に署名した。"
MARKER = "イタリア"  # of the second sentence (sentence_index 1) only
EXPECTED = {(0, "DEU", "meeting", "FRA"), (2, "CAN", "treaty", "GBR")}
WHY = "ValueError: analysis out of step"


def _triples(result: DocumentResult) -> set[tuple[int, str, str, str]]:
    return {(r.sentence_index, r.source, r.type.value, r.target) for r in result.relations}


def _raising(real, text_of):
    """``real``, raising for the sentence with the marker."""

    def fake(*args, **kwargs):
        if MARKER in text_of(args[0]):
            raise ValueError("analysis out of step")
        return real(*args, **kwargs)

    return fake


def _failing_analysis():
    return mock.patch.object(pipeline, "analyse", side_effect=_raising(pipeline.analyse, lambda d: d.text))


def test_the_sentences_read_without_a_fault(extractor):
    res = extractor.extract(Document(path="a.txt", text=TEXT))
    assert _triples(res) == EXPECTED | {(1, "ITA", "criticism", "ESP")}
    assert res.error is None and res.sentence_errors == ()


def test_a_failed_analysis_costs_only_its_sentence(extractor, caplog):
    clean = extractor.extract(Document(path="a.txt", text=TEXT))
    with _failing_analysis(), caplog.at_level(logging.INFO, logger=pipeline.__name__):
        res = extractor.extract(Document(path="a.txt", text=TEXT))
        again = extractor.extract(Document(path="a.txt", text=TEXT))
    assert res.error is None
    assert _triples(res) == EXPECTED
    assert res.relations == tuple(r for r in clean.relations if r.sentence_index != 1)  # the others as they were
    assert res.sentence_errors == ((1, WHY),)
    assert res.sentences == 3 and res.parsed_sentences == 2
    # the failed sentence is read as one not worth parsing: its names still count for the article
    assert {a.id for a in res.actors} == {a.id for a in clean.actors}
    records = [r for r in caplog.records if "extraction failed" in r.getMessage()]
    assert [r.getMessage() for r in records] == ["a.txt: sentence 2: extraction failed"] * 2  # (once a run)
    assert all(r.exc_info is not None and r.exc_info[0] is ValueError for r in records)
    assert json.dumps(again.to_dict(), ensure_ascii=False) == json.dumps(res.to_dict(), ensure_ascii=False)


def test_a_failure_in_the_cheap_pass_costs_only_its_sentence(extractor):
    tokens_only = _raising(pipeline.find_mentions, lambda d: d.text)
    with mock.patch.object(pipeline, "find_mentions", side_effect=tokens_only):
        res = extractor.extract(Document(path="a.txt", text=TEXT))
    assert res.error is None
    assert _triples(res) == EXPECTED
    assert res.sentence_errors == ((1, WHY),)


class _FaultyParser:
    """The real pipeline whose parser breaks a batch holding the marker, and fails that sentence alone."""

    def __init__(self, nlp):
        self.nlp, self.tokenizer, self.meta = nlp, nlp.tokenizer, nlp.meta
        self.batched: dict[str, tuple[str, ...]] = {}  # sentence -> components its batch left out
        self.alone: dict[str, tuple[str, ...]] = {}

    def pipe(self, docs, *, disable=(), **kwargs):
        docs = list(docs)
        self.batched.update((d.text, tuple(disable)) for d in docs)
        if any(MARKER in d.text for d in docs):
            raise MemoryError("parser ran out of memory")
        return self.nlp.pipe(docs, disable=list(disable), **kwargs)

    def __call__(self, doc, *, disable=()):
        self.alone[doc.text] = tuple(disable)
        if MARKER in doc.text:
            raise MemoryError("parser ran out of memory")
        return self.nlp(doc, disable=list(disable))


def test_a_parser_batch_that_breaks_costs_only_the_sentence_it_cannot_parse(nlp, extractor):
    docs = [Document(path="a.txt", text=TEXT), Document(path="b.txt", text="ロシアはウクライナを攻撃した。")]
    clean = list(extractor.pipe(docs))
    parser = _FaultyParser(nlp)
    res = list(Extractor(parser, lexicon=extractor.lex).pipe(docs))
    assert [r.error for r in res] == [None, None]
    assert _triples(res[0]) == EXPECTED and res[0].sentence_errors == ((1, "MemoryError: parser ran out of memory"),)
    assert res[1] == clean[1]  # the other article of the batch, as if nothing had happened
    assert res[0].relations == tuple(r for r in clean[0].relations if r.sentence_index != 1)
    # each sentence of the broken batch parsed alone, with the components the batch would have run
    assert len(parser.alone) == 4 and parser.alone == {t: parser.batched[t] for t in parser.alone}


def test_a_result_with_a_failed_sentence_round_trips_and_is_not_cached(extractor, tmp_path):
    from extract.run.cache import CachedExtractor

    r = DocumentResult(doc="a.txt", sentences=3, sentence_errors=((1, WHY),))
    assert DocumentResult.from_dict(json.loads(json.dumps(r.to_dict()))) == r
    assert DocumentResult.from_dict({"doc": "a.txt"}).sentence_errors == ()  # an entry written before the field
    cached = CachedExtractor(extractor, tmp_path)
    with _failing_analysis():
        (res,) = cached.pipe([Document(path="a.txt", text=TEXT)])
    assert res.sentence_errors and cached.stats.stored == 0  # the next run tries again


def test_build_warns_of_the_failed_sentence_and_keeps_the_article(tmp_path, nlp, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    with _failing_analysis():
        assert main(["build", str(d), "-o", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    why = f"{d / 'a.txt'}: sentence 2: extraction failed ({WHY}); the rest of the article is still read"
    assert f"geokg: warning: {why}" in err
    (row,) = json.loads((out / "report.json").read_text(encoding="utf-8"))["inputs"]
    assert row["status"] == "processed" and row["relations"] == 2
    assert len(row["warnings"]) == 1 and row["warnings"][0].startswith(why)
    lines = (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()
    assert {(r["sentence_index"], r["source"], r["type"], r["target"]) for r in map(json.loads, lines)} == EXPECTED


def test_an_article_whose_every_sentence_fails_is_a_failed_article(extractor):
    # a broken analysis fails every sentence: that must not pass for an article read
    def always(*args, **kwargs):
        raise ValueError("analysis out of step")

    with mock.patch.object(pipeline, "analyse", side_effect=always):
        res = extractor.extract(Document(path="a.txt", text=TEXT))
    assert not res.relations
    assert res.error is not None and "every sentence failed" in res.error and "analysis out of step" in res.error
