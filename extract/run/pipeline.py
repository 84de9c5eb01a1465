"""Text → relations: the cheap pass, the parse, the rules, then the document stage.

Most sentences of a news corpus hold no relation between two actors, and the
neural parse is most of the cost, so every sentence is first tokenised
(Sudachi alone) and scanned with the gazetteer and title rules; only a
sentence with two actors, or one actor and a trigger word, is parsed.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..actors import SentenceMentions, find_mentions, needs_ner
from ..document.context import ReadSentence
from ..document.passes import read_document
from ..document.resolve import blank_bylines, state_groups
from ..document.voice import is_statement_line, own_voice, turn
from ..lexicon import Lexicon, load_lexicon
from ..read.sentences import Sentence, split_sentences
from ..relations import SentenceAnalysis, analyse, cues
from ..types import Document, DocumentResult, Relation

__all__ = ["DEFAULT_MODEL", "Extractor", "extract_document", "extract_relations", "load"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "ja_ginza"
_NO_NER = ("ner",)
# Components the rules do not read. GiNZA's bunsetu_recognizer also turns the
# parser's "nsubj_bunsetu" labels into plain UD labels; that one step, without the
# phrase spans the rules never read (about a tenth of the build's time on
# encyclopedia text), is done by _PLAIN_LABELS.
_UNUSED_COMPONENTS = ("compound_splitter", "bunsetu_recognizer")
_PLAIN_LABELS = "geokg_plain_labels"
_BUNSETU_SUFFIX = "_bunsetu"


def _plain_labels(doc):
    """nsubj_bunsetu → nsubj: the labels as GiNZA's bunsetu_recognizer leaves them."""
    for t in doc:
        if t.dep_.endswith(_BUNSETU_SUFFIX):
            t.dep_ = t.dep_[: -len(_BUNSETU_SUFFIX)]
    return doc


@functools.lru_cache(maxsize=2)
def load(model: str = DEFAULT_MODEL):
    """Load the GiNZA pipeline with the components geokg does not read disabled.

    Cached: one pipeline per model and process (loading takes seconds).

    >>> nlp = load()  # doctest: +SKIP
    """
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(_UNUSED_COMPONENTS))
    except OSError as e:
        raise RuntimeError(
            f"cannot load the spaCy model {model!r}: {e}. Install it with `pip install ja-ginza`."
        ) from None
    if "parser" in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(_PLAIN_LABELS):
            Language.component(_PLAIN_LABELS, func=_plain_labels)
        nlp.add_pipe(_PLAIN_LABELS, after="parser")
    return nlp


@dataclass(slots=True)
class _Prepared:
    """One sentence between the passes. Docs are dropped as soon as they have been
    read, so a long article costs its small records, not its parses."""

    sentence: Sentence
    index: int  # in the document (Relation.sentence_index)
    tokens: object | None  # spaCy Doc from the tokenizer only, until parsed
    mentions: SentenceMentions
    parse: bool
    groups: list[tuple[str, ...]]  # states named together (for 両国)
    ner: bool  # whether NER could add a person here (else parsed without it)
    topic_mentions: list[int]  # mentions before the first は (topic of an unparsed sentence)
    analysis: SentenceAnalysis | None = None
    error: str | None = None  # "ExcType: message" when reading this sentence failed


class Extractor:
    """Reusable extractor: holds the spaCy pipeline and the lexicon.

    >>> ex = Extractor()  # doctest: +SKIP
    >>> ex.extract(Document(path="a.txt", text="米国がイランに制裁を科した。")).relations  # doctest: +SKIP
    """

    def __init__(self, nlp=None, *, lexicon: Lexicon | None = None, batch_size: int = 64, prefilter: bool = True):
        self.nlp = nlp if nlp is not None else load()
        self.lex = lexicon if lexicon is not None else load_lexicon()
        self.batch_size = batch_size
        self.prefilter = prefilter
        # what some rule family can start from (derived from the families themselves)
        self._cues = cues(self.lex)
        self._pair_cues = cues(self.lex, actors=2)

    @property
    def version(self) -> str:
        meta = getattr(self.nlp, "meta", {}) or {}
        return f"{meta.get('name', '?')}-{meta.get('version', '?')}+lex-{self.lex.version}"

    # -- the cheap pass ------------------------------------------------------------
    def _prepare(self, text: str, *, path: str = "<text>") -> list[_Prepared]:
        sentences = split_sentences(text)
        out = []
        voiced = _voiced(text, sentences)
        for i, s in enumerate(sentences):
            try:
                out.append(self._prepare_sentence(i, s, voiced=voiced))
            except Exception as e:  # one bad sentence must not cost the others: it names no one
                p = _Prepared(s, i, None, SentenceMentions(), parse=False, groups=[], ner=False, topic_mentions=[])
                _sentence_failed(path, p, e)
                out.append(p)
        return out

    def _prepare_sentence(self, index: int, s: Sentence, *, voiced: bool) -> _Prepared:
        view, cuts = _parse_view(s.text)
        toks = self.nlp.tokenizer(view)
        sm = find_mentions(toks, self.lex, original=s.text, cuts=cuts)
        parse = self._worth_parsing(toks, sm, voiced=voiced)
        return _Prepared(
            sentence=s,
            index=index,
            tokens=toks if parse else None,
            mentions=sm,
            parse=parse,
            groups=state_groups(sm, toks, self.lex),
            topic_mentions=_topic_mentions(toks, sm),
            ner=parse and (not self.prefilter or needs_ner(toks, sm, self.lex)),
        )

    def _worth_parsing(self, toks, sm: SentenceMentions, *, voiced: bool = False) -> bool:
        if not self.prefilter:
            return True
        actors = sm.distinct_actor_keys()
        if not actors and not voiced:
            return False
        cued = self._pair_cues if len(actors) >= 2 else self._cues
        return any(
            cued.match_token(t.text, t.lemma_) or (t.norm_ != t.lemma_ and cued.match_token(t.norm_, t.norm_))
            for t in toks
        ) or cued.match_text(toks.text)

    # -- public API ------------------------------------------------------------------
    def extract(self, document: Document) -> DocumentResult:
        return next(iter(self.pipe([document])))

    def pipe(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        """Extract from many documents, in order, parsing their sentences in batches.

        Sentences worth parsing are pooled across documents until a batch is
        full (short articles alone would leave the parser's batches half
        empty); memory stays bounded by the batch, not by the corpus.
        """
        pending: list[tuple[Document, list[_Prepared] | BaseException]] = []
        waiting = 0
        limit = self.batch_size * 4
        for document in documents:
            try:
                prepared: list[_Prepared] | BaseException = self._prepare(document.text, path=document.path)
            except Exception as e:  # one bad article must not cost the others
                log.info("%s: extraction failed", document.path, exc_info=True)
                prepared = e
            pending.append((document, prepared))
            if not isinstance(prepared, BaseException):
                waiting += sum(p.parse for p in prepared)
            if waiting >= limit or len(pending) >= limit:
                yield from self._flush(pending)
                pending, waiting = [], 0
        yield from self._flush(pending)

    def _flush(self, pending) -> Iterator[DocumentResult]:
        todo = [
            (document, p)
            for document, prepared in pending
            if not isinstance(prepared, BaseException)
            for p in prepared
            if p.parse
        ]
        if todo:
            try:
                # NER is half the parse's cost and only adds persons: skip it where it cannot.
                for group, disable in (
                    ([x for x in todo if x[1].ner], ()),
                    ([x for x in todo if not x[1].ner], _NO_NER),
                ):
                    for batch in _token_batches(group, self.batch_size):
                        docs = self.nlp.pipe((p.tokens for _, p in batch), batch_size=len(batch), disable=list(disable))
                        for (document, p), d in zip(batch, docs, strict=True):
                            self._read_parse(document, p, d)
            except Exception:
                # one sentence broke the parser's batch: parse the rest one by one, so that
                # sentence alone is lost (with the components the batch would have run)
                log.info("a parser batch failed; parsing its sentences one by one", exc_info=True)
                for document, p in todo:
                    if p.tokens is not None:  # (not read yet)
                        self._parse_alone(document, p)
        for document, prepared in pending:
            if not isinstance(prepared, BaseException):
                try:
                    yield self._finish(document, prepared)
                    continue
                except Exception as e:
                    log.info("%s: extraction failed", document.path, exc_info=True)
                    prepared = e
            yield DocumentResult(
                doc=document.path, characters=len(document.text), error=f"{type(prepared).__name__}: {prepared}"
            )

    def _parse_alone(self, document: Document, p: _Prepared) -> None:
        try:
            d = self.nlp(p.tokens, disable=[] if p.ner else list(_NO_NER))
        except Exception as e:
            _sentence_failed(document.path, p, e)
            return
        self._read_parse(document, p, d)

    def _read_parse(self, document: Document, p: _Prepared, d) -> None:
        """Everything the later passes need from a parsed sentence; then the Doc goes.

        If reading it fails, the sentence stays as the cheap pass left it, as one not worth
        parsing is: its names still count for the document, it states no relation.
        """
        year = int(document.date[:4]) if document.date and document.date[:4].isdigit() else None
        try:
            mentions, groups = p.mentions, p.groups
            if p.ner:
                # (the names NER found may add persons; without it, the cheap pass read the same tokens)
                mentions = find_mentions(d, self.lex, original=p.sentence.text, cuts=_parse_view(p.sentence.text)[1])
                groups = state_groups(mentions, d, self.lex)
            analysis = analyse(d, mentions, self.lex, doc_year=year, doc_date=document.date)
        except Exception as e:  # one bad sentence must not cost the others
            _sentence_failed(document.path, p, e)
            return
        p.mentions, p.groups, p.analysis, p.tokens = mentions, groups, analysis, None

    def _finish(self, document: Document, prepared: list[_Prepared]) -> DocumentResult:
        """The document stage, over the sentences as the cheap pass and the parse left them."""
        errors = tuple((p.index, p.error) for p in prepared if p.error is not None)
        if errors and len(errors) == sum(p.parse or p.error is not None for p in prepared):
            # a broken parser or lexicon fails every sentence: that is the article failing
            raise RuntimeError(f"every sentence failed (sentence {errors[0][0] + 1}: {errors[0][1]})")
        sentences = [ReadSentence(p.sentence, p.mentions, p.groups, p.topic_mentions, p.analysis) for p in prepared]
        result = read_document(document, sentences, self.lex)
        return dataclasses.replace(result, sentence_errors=errors) if errors else result


def _sentence_failed(path: str, p: _Prepared, e: Exception) -> None:
    """Record (and log, with the traceback: call it in the ``except``) that sentence ``p`` of
    ``path`` could not be read; the document goes on without it."""
    log.info("%s: sentence %d: extraction failed", path, p.index + 1, exc_info=True)
    p.error = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
    p.tokens = None


def _voiced(text: str, sentences: list[Sentence]) -> bool:
    """Whether someone speaks in the text (its government, a statement's author, the turns
    of a transcript): then a sentence naming no one may still be theirs (今般の攻撃を深く
    憂慮しております) and is worth parsing when a rule could start from it."""
    return (
        own_voice(text)
        or any(is_statement_line(s.text) for s in sentences[:10])
        or any(turn(s.text) is not None for s in sentences)
    )


# The parser's memory grows with the tokens of a batch (about 70 KB each), so a batch
# closes at this many tokens as well as at the batch size in sentences.
_BATCH_TOKENS = 4000


def _token_batches(group: list[tuple[Document, _Prepared]], size: int) -> Iterator[list[tuple[Document, _Prepared]]]:
    """``group`` cut into batches of at most ``size`` sentences and ``_BATCH_TOKENS`` tokens
    (one sentence longer than that is a batch of its own)."""
    batch: list[tuple[Document, _Prepared]] = []
    tokens = 0
    for item in group:
        n = len(item[1].tokens) if item[1].tokens is not None else 0  # type: ignore[arg-type]
        if batch and (len(batch) >= size or tokens + n > _BATCH_TOKENS):
            yield batch
            batch, tokens = [], 0
        batch.append(item)
        tokens += n
    if batch:
        yield batch


_CAPTION_MARKS = re.compile(r"[㊧㊨㊥㊤㊦]")
_CREDIT = re.compile(r"[=＝][^=＝。、\s]{1,15}\s*$")
_PUNCT_MAP = str.maketrans({"，": "、", "．": "。"})
_ASCII_COMMA = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u9fff]),(?=\S)|(?<=[\u3040-\u30ff\u3400-\u9fff])\.(?=[\u3040-\u30ff\u3400-\u9fff]|$)"
)


# A long aside in Latin script in brackets: (H.E. Mr. Volodymyr ZELENSKYY, President of Ukraine).
_LATIN_ASIDE = re.compile(r"[(（][^()（）\u3040-\u30ff\u3400-\u9fff]*[A-Za-z][^()（）\u3040-\u30ff\u3400-\u9fff]*[)）]")


def _parse_view(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """What the parser reads, and the spans it leaves out: (position, length).

    A long English aside in brackets (a name and title as the original gives
    them) cuts the Japanese sentence in two for the parser; it is left out
    when it has a space or comma in it (short acronyms such as (EU) stay: they
    are aliases). Invisible format characters (a zero-width space or a soft
    hyphen inside ロ\u200bシア) would hide a name from the gazetteer: they are
    left out too. Mention texts are still taken from the verbatim sentence.
    """
    base = _parse_text(text)
    spans = [(m.start(), m.end()) for m in _LATIN_ASIDE.finditer(base) if _long_aside(m.group(0)[1:-1])]
    spans += [(m.start(), m.end()) for m in _FORMAT_CHARS.finditer(base)]
    if not spans:
        return base, ()
    cuts: list[tuple[int, int]] = []
    out: list[str] = []
    last = removed = 0
    for start, end in sorted(spans):
        if start < last:
            continue  # (a format character inside an aside already left out)
        out.append(base[last:start])
        cuts.append((start - removed, end - start))
        removed += end - start
        last = end
    out.append(base[last:])
    return "".join(out), tuple(cuts)


def _long_aside(inner: str) -> bool:
    return (" " in inner or "," in inner) and sum(c.isalpha() for c in inner) >= 8


# Characters of Unicode category Cf that text copied from the web carries inside words.
_FORMAT_CHARS = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]+")


def _parse_text(text: str) -> str:
    """What the parser reads: NFKC and Japanese punctuation.

    Government and academic texts write ，． for 、。; GiNZA parses better with
    the usual marks. The result is a prefix-aligned copy of ``text`` (same
    offsets, possibly shorter), so mention offsets stay true to the evidence.
    """
    from ..normalize import nfkc

    # Photo-caption marks: ㊧㊨㊥ (position in the photo) would become 左右中 under
    # NFKC, and a trailing "=ロイター" credit would become the caption's head.
    text = _CAPTION_MARKS.sub(" ", text)
    text = _CREDIT.sub("", text)
    text = blank_bylines(text)  # 【ソウル=記者名】: the reporter is not an actor
    out = nfkc(text.translate(_PUNCT_MAP))
    out = _ASCII_COMMA.sub(lambda m: "、" if m.group(0) == "," else "。", out)
    # NFKC folds 、。 into themselves, but turns ，． into ASCII; keep Japanese forms.
    return out


def _topic_mentions(toks, sm: SentenceMentions) -> list[int]:
    """Indices of the mentions before the sentence's first は (its topic, cheaply)."""
    for t in toks:
        if t.text == "は" and t.tag_.startswith("助詞"):
            return [i for i, m in enumerate(sm.mentions) if m.end <= t.i]
    return []


_default: Extractor | None = None


def _default_extractor() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract_document(document: Document, *, extractor: Extractor | None = None) -> DocumentResult:
    return (extractor or _default_extractor()).extract(document)


def extract_relations(
    text: str, *, doc: str = "<text>", date: str | None = None, extractor: Extractor | None = None
) -> list[Relation]:
    """Relations stated in ``text``, with evidence.

    >>> rels = extract_relations("米国がイランに制裁を科した。", doc="example.txt")  # doctest: +SKIP
    >>> [(r.source, r.type.value, r.target) for r in rels]  # doctest: +SKIP
    [('USA', 'sanction', 'IRN')]
    """
    result = extract_document(Document(path=doc, text=text, date=date), extractor=extractor)
    return list(result.relations)
