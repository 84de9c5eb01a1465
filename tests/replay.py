"""Recorded GiNZA parses, replayed without Sudachi or the model.

The rule tests need what ``ja_ginza`` says about their sentences, not the
model itself: each sentence's tokenizer-only ``Doc`` (the extractor's cheap
pass) and its full parse are recorded once in ``tests/data/parses/<module>.json``
and rebuilt with ``Doc(vocab).from_json(...)``. :class:`ReplayNLP` then stands
in for ``spacy.load("ja_ginza")`` in :class:`extract.run.pipeline.Extractor`.

What ``Doc.to_json`` does not keep is recorded beside it and checked when
recording: every token's ``norm_`` (Sudachi's normalised form, not the
lemma) and ``doc.user_data`` (the tokenizer's ``sub_tokens``, GiNZA's
``bunsetu_*`` and ``clause*`` data), each through a codec that restores its
Python types. Lexical attributes (``like_num``, ``is_stop``, ``shape_`` ...)
come from the Japanese language defaults, as with the real model; word vectors
are not recorded (no rule reads them). :func:`doc_differences` compares a
rebuilt ``Doc`` with the model's on all of these, so a recording that loses
something fails when it is made, and a GiNZA upgrade that parses differently
fails ``tests/test_rules_replay.py``.

A sentence is found by its exact text; a missing one raises
:class:`MissingParse`, whose message says how to record it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "PARSES",
    "MissingParse",
    "Recording",
    "RecordingError",
    "RecordingNLP",
    "ReplayNLP",
    "RuleRunner",
    "decode_doc",
    "doc_differences",
    "encode_doc",
    "japanese_vocab",
    "parsed_doc",
    "record_sentence",
    "tokenizer_doc",
    "versions",
]

ROOT = Path(__file__).resolve().parent.parent
PARSES = Path(__file__).resolve().parent / "data" / "parses"
FORMAT = 1
# The components a replayed parse can leave out: NER only adds entities (checked when recording).
_DROPPABLE = frozenset({"ner"})
# Distributions whose versions a recording states (a change there may change the parses).
_VERSIONED = ("ja-ginza", "ginza", "spacy", "SudachiPy", "SudachiDict-core")


class MissingParse(LookupError):
    """A sentence with no recorded parse (the message says how to record it)."""


class RecordingError(RuntimeError):
    """A parse that its recording would not reproduce."""


def japanese_vocab():
    """A vocabulary with the Japanese defaults' lexical attributes and stop words, as ``ja_ginza`` has.

    Built from ``spacy.lang.ja``'s defaults without creating its tokenizer, so
    neither Sudachi nor the model is imported.
    """
    from spacy.lang.ja import Japanese
    from spacy.vocab import create_vocab

    return create_vocab("ja", Japanese.Defaults)


# -- user_data codecs ----------------------------------------------------------------------------
# Each value must come back equal, type included (a tuple is not a list); keys without a
# codec are stored as they are, and recording fails if JSON would change them.


def _sub_tokens_to_json(value: list) -> dict[str, Any]:
    """Per token: None (white space), or per split mode A and B the DetailedTokens. Most are [[], []]."""
    split: dict[str, list] = {}
    none = []
    for i, modes in enumerate(value):
        if modes is None:
            none.append(i)
        elif any(modes):
            split[str(i)] = [[_detailed_to_json(t) for t in mode] for mode in modes]
        elif modes != [[], []]:
            raise RecordingError(f"sub_tokens[{i}] has an unexpected shape: {modes!r}")
    return {"n": len(value), "none": none, "split": split}


def _detailed_to_json(t) -> list[str]:
    if t.sub_tokens is not None:
        raise RecordingError(f"nested sub tokens are not recorded: {t!r}")
    return [t.surface, t.tag, t.inf, t.lemma, t.norm, t.reading]


def _sub_tokens_from_json(data: dict[str, Any]) -> list:
    from spacy.lang.ja import DetailedToken

    out: list = [[[], []] for _ in range(data["n"])]
    for i in data["none"]:
        out[i] = None
    for i, modes in data["split"].items():
        out[int(i)] = [[DetailedToken._make([*fields, None]) for fields in mode] for mode in modes]
    return out


_CODECS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "sub_tokens": (_sub_tokens_to_json, _sub_tokens_from_json),
    "bunsetu_heads": (list, tuple),
    # {head token: [its clause's tokens]}: JSON keys would turn the ints into strings
    "clauses": (lambda d: [[k, v] for k, v in d.items()], lambda pairs: {k: v for k, v in pairs}),
}


def _user_data_to_json(user_data: Mapping) -> dict[str, Any]:
    out = {}
    for key, value in user_data.items():
        if not isinstance(key, str):
            raise RecordingError(f"doc.user_data key {key!r} is not a string: no codec records it")
        encode = _CODECS.get(key, (lambda v: v, None))[0]
        encoded = encode(value)
        out[key] = json.loads(json.dumps(encoded, ensure_ascii=False))
    return out


def _user_data_from_json(data: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _CODECS[key][1](value) if key in _CODECS else value for key, value in data.items()}


# -- Doc <-> JSON ----------------------------------------------------------------------------------


def encode_doc(doc) -> dict[str, Any]:
    """``doc.to_json()`` plus each token's ``norm`` and the ``user_data`` the rules may read."""
    data = doc.to_json()
    for token, token_data in zip(doc, data["tokens"], strict=True):
        token_data["norm"] = token.norm_
    if doc.user_data:
        data["user_data"] = _user_data_to_json(doc.user_data)
    return data


def decode_doc(data: Mapping[str, Any], vocab, *, ner: bool = True):
    """The Doc :func:`encode_doc` recorded; ``ner=False`` gives the parse with NER disabled (no entities)."""
    from spacy.tokens import Doc

    _check_tree(data)
    doc_json = {k: v for k, v in data.items() if k != "user_data" and (ner or k != "ents")}
    doc = Doc(vocab).from_json(doc_json)
    for token, token_data in zip(doc, data["tokens"], strict=True):
        token.norm_ = token_data["norm"]
    if "user_data" in data:
        doc.user_data.update(_user_data_from_json(data["user_data"]))
    return doc


def _check_tree(data: Mapping[str, Any]) -> None:
    """Refuse heads that are not a tree (spaCy would loop on a cycle from a damaged file)."""
    heads = [t["head"] for t in data["tokens"] if "head" in t]
    for start in range(len(heads)):
        i, steps = start, 0
        while heads[i] != i:
            i, steps = heads[i], steps + 1
            if not 0 <= i < len(heads) or steps > len(heads):
                raise RecordingError(f"heads of {data['text']!r} are not a tree (a cycle or an index out of range)")


_TOKEN_ATTRS = (
    "text",
    "whitespace_",
    "idx",
    "tag_",
    "pos_",
    "lemma_",
    "norm_",
    "dep_",
    "ent_iob_",
    "ent_type_",
    "ent_kb_id_",
    "is_sent_start",
    # lexical attributes, from the vocabulary's getters
    "orth_",
    "lower_",
    "shape_",
    "prefix_",
    "suffix_",
    "lang_",
    "is_alpha",
    "is_ascii",
    "is_digit",
    "is_lower",
    "is_upper",
    "is_title",
    "is_punct",
    "is_space",
    "is_stop",
    "is_bracket",
    "is_quote",
    "is_left_punct",
    "is_right_punct",
    "is_currency",
    "like_url",
    "like_num",
    "like_email",
)
_ANNOTATIONS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "ENT_IOB", "SENT_START")


def doc_differences(expected, got, *, limit: int = 10) -> list[str]:
    """How ``got`` differs from ``expected`` in anything a rule could read (empty when it does not).

    Word vectors and what depends on them (``is_oov``, ``similarity``) are left out.
    """
    out: list[str] = []
    if expected.text != got.text or len(expected) != len(got):
        return [f"text or tokens differ: {[t.text for t in expected]} != {[t.text for t in got]}"]
    for attr in _ANNOTATIONS:
        if expected.has_annotation(attr) != got.has_annotation(attr):
            out.append(f"has_annotation({attr}): {expected.has_annotation(attr)} != {got.has_annotation(attr)}")
    for a, b in zip(expected, got, strict=True):
        for attr in _TOKEN_ATTRS:
            x, y = getattr(a, attr), getattr(b, attr)
            if x != y:
                out.append(f"token {a.i} {a.text!r}: {attr} {x!r} != {y!r}")
        if str(a.morph) != str(b.morph):
            out.append(f"token {a.i} {a.text!r}: morph {str(a.morph)!r} != {str(b.morph)!r}")
        if a.head.i != b.head.i:
            out.append(f"token {a.i} {a.text!r}: head {a.head.i} != {b.head.i}")

    def spans(doc, group):
        return [(s.start, s.end, s.label_, s.kb_id_) for s in group(doc)]

    for name, group in (
        ("ents", lambda d: d.ents),
        ("sents", lambda d: d.sents if d.has_annotation("SENT_START") else ()),
        ("noun_chunks", lambda d: d.noun_chunks if d.has_annotation("DEP") else ()),
    ):
        if spans(expected, group) != spans(got, group):
            out.append(f"{name}: {spans(expected, group)} != {spans(got, group)}")
    if dict(expected.spans) != dict(got.spans) or expected.cats != got.cats:
        out.append("span groups or cats differ")
    if expected.user_data != got.user_data:
        keys = sorted({*expected.user_data, *got.user_data}, key=str)
        out += [
            f"user_data[{k!r}] differs"
            for k in keys
            if expected.user_data.get(k, KeyError) != got.user_data.get(k, KeyError)
        ]
    return out[:limit]


# -- recordings --------------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    """The versions of the parts that make a parse (ja-ginza, ginza, spaCy, Sudachi and its dictionary)."""
    out = {}
    for name in _VERSIONED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


@dataclass
class Recording:
    """The recorded parses of one test module: sentence text -> {"tokens": ..., "parse": ...}.

    ``hint`` is the command that records them, shown when a sentence is missing.
    """

    path: Path
    hint: str
    sentences: dict[str, dict[str, Any]] = field(default_factory=dict)
    recorded_with: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, *, hint: str) -> Recording:
        if not path.exists():
            return cls(path=path, hint=hint)
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise RecordingError(f"{path}: format {data.get('format')!r}, expected {FORMAT}; re-record: {hint}")
        return cls(path=path, hint=hint, sentences=data["sentences"], recorded_with=data["recorded_with"])

    def get(self, text: str) -> dict[str, Any]:
        try:
            return self.sentences[text]
        except KeyError:
            raise MissingParse(self.missing_message([text])) from None

    def missing_message(self, texts: list[str]) -> str:
        where = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        listed = ", ".join(repr(t) for t in texts)
        return f"no recorded parse in {where} for {listed}; record with the model installed: {self.hint}"

    def dumps(self) -> str:
        """Deterministic text: sorted keys, Japanese as is, one token per line."""
        data = {"format": FORMAT, "recorded_with": self.recorded_with, "sentences": self.sentences}
        return _dumps(data) + "\n"

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".json.tmp")
        tmp.write_text(self.dumps(), encoding="utf-8")
        tmp.replace(self.path)


def _dumps(value: Any, indent: int = 0) -> str:
    """JSON with a container of plain values (a token, a label list) on one line, others opened up."""
    if not isinstance(value, dict | list) or not value or all(not isinstance(v, dict | list) for v in _values(value)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    pad = " " * (indent + 1)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {_dumps(value[k], indent + 1)}" for k in sorted(value)]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + _dumps(v, indent + 1) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def _values(value: dict | list) -> Iterable[Any]:
    return value.values() if isinstance(value, dict) else value


def _text_of(item) -> str:
    return item if isinstance(item, str) else item.text


def _check_disable(disable: Iterable[str]) -> bool:
    """Whether the entities stay; the replay can leave out NER only."""
    names = set(disable)
    if names - _DROPPABLE:
        raise ValueError(
            f"a replayed parse can leave out only {sorted(_DROPPABLE)}, not {sorted(names - _DROPPABLE)}: "
            "the recordings hold the whole pipeline's output"
        )
    return "ner" not in names


class _ReplayTokenizer:
    def __init__(self, owner: ReplayNLP):
        self._owner = owner

    def __call__(self, text: str):
        return self._owner._doc(text, "tokens", ner=True)


class ReplayNLP:
    """Stands in for the loaded ``ja_ginza`` pipeline on the recorded sentences.

    ``tokenizer(text)`` gives the recorded tokenizer-only Doc; ``pipe`` and
    ``__call__`` the recorded parse of a text or Doc (by its text), without
    entities when ``"ner"`` is disabled. Every sentence asked for and not
    recorded is listed in ``misses`` as well as raised.
    """

    def __init__(self, recording: Recording):
        self.recording = recording
        self.vocab = japanese_vocab()
        recorded = recording.recorded_with.get("ja-ginza", "?")
        self.meta = {"name": "ja_ginza_replay", "version": recorded}
        self.tokenizer = _ReplayTokenizer(self)
        self.misses: list[str] = []

    def _doc(self, text: str, kind: str, *, ner: bool):
        try:
            entry = self.recording.get(text)
        except MissingParse:
            self.misses.append(text)
            raise
        if kind == "tokens":
            return tokenizer_doc(entry, self.vocab)
        return parsed_doc(entry, self.vocab, ner=ner)

    def __call__(self, text, *, disable: Iterable[str] = ()):
        return self._doc(_text_of(text), "parse", ner=_check_disable(disable))

    def pipe(self, texts: Iterable, *, batch_size: int | None = None, disable: Iterable[str] = (), n_process: int = 1):
        ner = _check_disable(disable)
        for item in texts:
            yield self._doc(_text_of(item), "parse", ner=ner)


class _RecordingTokenizer:
    def __init__(self, owner: RecordingNLP):
        self._owner = owner

    def __call__(self, text: str):
        self._owner.record(text)
        return self._owner.nlp.tokenizer(text)


class RecordingNLP:
    """The real pipeline, recording every sentence it tokenises (its tokens and its full parse).

    Every sentence the extractor reads passes through the tokenizer, so every
    one is recorded with its full parse whether the prefilter would parse it
    or not. :meth:`save` re-parses the sentences recorded before as well, so a
    file always holds one model version's parses.
    """

    def __init__(self, nlp, recording: Recording):
        self.nlp = nlp
        self.recording = recording
        self.meta = nlp.meta
        self.vocab = nlp.vocab
        self.tokenizer = _RecordingTokenizer(self)
        self._fresh: dict[str, dict[str, Any]] = {}

    def record(self, text: str) -> dict[str, Any]:
        if text not in self._fresh:
            self._fresh[text] = record_sentence(self.nlp, text)
        return self._fresh[text]

    def __call__(self, text, *, disable: Iterable[str] = ()):
        self.record(_text_of(text))
        return self.nlp(text, disable=list(disable))

    def pipe(self, texts: Iterable, **kwargs) -> Iterator:
        return self.nlp.pipe(texts, **kwargs)

    def save(self) -> None:
        for text in self.recording.sentences:
            self.record(text)
        self.recording.sentences = dict(sorted(self._fresh.items()))
        self.recording.recorded_with = versions()
        self.recording.save()


def record_sentence(nlp, text: str) -> dict[str, Any]:
    """The tokenizer Doc and the full parse of ``text``, checked to rebuild exactly."""
    tokens = nlp.tokenizer(text)
    parse = nlp(text)
    without_ner = nlp(text, disable=["ner"])
    entry = {"parse": _plain(encode_doc(parse))}
    vocab = japanese_vocab()
    # The tokenizer Doc is the parse's words, tags, lemmas and sub tokens with Sudachi's own POS;
    # stored as that difference when it rebuilds exactly, else in full.
    entry["tokens"] = {
        "pos": [t.pos_ for t in tokens],
        "user_data": sorted(k for k in tokens.user_data if isinstance(k, str)),
    }
    try:
        derived = not doc_differences(tokens, tokenizer_doc(entry, vocab))
    except (KeyError, ValueError):  # a user_data key the parse lacks, a POS spaCy refuses
        derived = False
    if not derived:
        entry["tokens"] = _plain(encode_doc(tokens))
    # Without NER GiNZA cuts bunsetu differently (it keeps an entity in one): those lists are
    # stored beside the parse; the whole Doc only if more differs.
    plain = _plain(encode_doc(without_ner))
    parse_user_data = entry["parse"].get("user_data", {})
    changed = {k: v for k, v in plain.get("user_data", {}).items() if parse_user_data.get(k) != v}
    if changed:
        entry["without_ner"] = {"user_data": changed}
    if doc_differences(without_ner, parsed_doc(entry, vocab, ner=False)):
        entry["without_ner"] = plain
    for name, original, rebuilt in (
        ("tokenizer Doc", tokens, tokenizer_doc(entry, vocab)),
        ("parse", parse, parsed_doc(entry, vocab)),
        ("parse without NER", without_ner, parsed_doc(entry, vocab, ner=False)),
    ):
        diff = doc_differences(original, rebuilt)
        if diff:
            raise RecordingError(f"the recorded {name} of {text!r} would not rebuild what GiNZA gave: {diff}")
    return entry


def _plain(data: Any) -> Any:
    """``data`` as it reads back from a JSON file."""
    return json.loads(json.dumps(data, ensure_ascii=False))


def parsed_doc(entry: Mapping[str, Any], vocab, *, ner: bool = True):
    """The parse of a recorded sentence; ``ner=False``: as GiNZA gives it with NER disabled."""
    if ner:
        return decode_doc(entry["parse"], vocab)
    variant = entry.get("without_ner", {})
    if "text" in variant:
        return decode_doc(variant, vocab)
    doc = decode_doc(entry["parse"], vocab, ner=False)
    doc.user_data.update(_user_data_from_json(variant.get("user_data", {})))
    return doc


def tokenizer_doc(entry: Mapping[str, Any], vocab):
    """The tokenizer-only Doc of a recorded sentence (stored in full, or as its POS over the parse's words)."""
    tokens = entry["tokens"]
    if "text" in tokens:
        return decode_doc(tokens, vocab)
    parse = entry["parse"]
    data = {
        "text": parse["text"],
        "tokens": [
            {**{k: v for k, v in t.items() if k not in ("dep", "head")}, "pos": pos}
            for t, pos in zip(parse["tokens"], tokens["pos"], strict=True)
        ],
        "user_data": {k: parse.get("user_data", {})[k] for k in tokens["user_data"]},
    }
    return decode_doc(data, vocab)


# -- running the extractor on either ---------------------------------------------------------------


class RuleRunner:
    """Runs :class:`extract.run.pipeline.Extractor` on a pipeline (real or replayed) for rule tests.

    ``check``: a second pipeline (the replay, when this one is the model) whose
    result must be the same, so every case also proves its recording faithful.
    A document that fails (a missing recording, a bug) fails the test rather
    than giving no relations.
    """

    def __init__(self, nlp, *, check=None):
        self.nlp = nlp
        self.check = check

    def extract(self, text: str, *, date: str | None = None, lexicon=None):
        from extract.types import Document

        document = Document(path="t.txt", text=text, date=date)
        result = self._run(self.nlp, document, lexicon)
        if self.check is not None:
            replayed = self._run(self.check, document, lexicon)
            if replayed != result:
                raise AssertionError(
                    f"the recorded parses of {text!r} give other results than the model: re-record them "
                    f"({self.check.recording.hint})\nmodel:  {_triples(result)}\nreplay: {_triples(replayed)}"
                )
        return result

    @staticmethod
    def _run(nlp, document, lexicon):
        from extract.run.pipeline import Extractor

        result = Extractor(nlp, lexicon=lexicon).extract(document)
        # The extractor turns a failure into DocumentResult.error: a missing recording
        # must fail the test, not pass a case that expects no relation.
        misses = getattr(nlp, "misses", None)
        if misses:
            missing = list(dict.fromkeys(misses))
            misses.clear()
            raise MissingParse(nlp.recording.missing_message(missing))
        if result.error is not None:
            raise AssertionError(f"extraction failed on {document.text!r}: {result.error}")
        return result


def _triples(result) -> list[tuple[str, str, str, str]]:
    return [(r.source, r.type.value, r.target, r.modality.value) for r in result.relations]
