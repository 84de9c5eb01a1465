"""The recorded parses the rule tests replay (tests/replay.py): faithful, complete, and model-free.

- Without the model: a Doc survives the recording exactly; a missing sentence
  fails with the command that records it; the files are canonical; and the
  rule tests pass in a process that cannot import ja_ginza, GiNZA or Sudachi.
- With the model: every recorded sentence is re-parsed and must equal its
  recording, so a GiNZA or Sudachi upgrade (or a stale file) is caught.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.replay import (
    PARSES,
    MissingParse,
    Recording,
    RecordingError,
    ReplayNLP,
    RuleRunner,
    decode_doc,
    doc_differences,
    encode_doc,
    japanese_vocab,
    parsed_doc,
    tokenizer_doc,
)

ROOT = Path(__file__).resolve().parent.parent
RECORDED = sorted(PARSES.glob("*.json"))
RULE_MODULES = (
    "tests/test_extract_rules.py",
    "tests/test_rules_invented.py",
    "tests/test_rules_register.py",
    "tests/test_rules_affiliation.py",
    "tests/test_rules_encyclopedia.py",
)
BLOCKED = ("ja_ginza", "ginza", "sudachipy", "sudachidict_core")


def _hint(path: Path) -> str:
    return f"python -m pytest tests/{path.stem}.py --update-parses"


def _plain(data):
    import json

    return json.loads(json.dumps(data, ensure_ascii=False))


def _hand_made_doc():
    """A parsed Doc built by hand, with what GiNZA adds beside to_json: norms and user_data."""
    from spacy.lang.ja import DetailedToken
    from spacy.tokens import Doc

    words = ["ゴンドール", "の", "ボロミル", "首相", "は", "\u3000", "会談", "し", "た", "。"]
    doc = Doc(
        japanese_vocab(),
        words=words,
        spaces=[False, False, False, False, True, False, False, False, False, False],
        tags=[
            "名詞-固有名詞-地名-国",
            "助詞-格助詞",
            "名詞-固有名詞-人名-一般",
            "名詞-普通名詞-一般",
            "助詞-係助詞",
            "空白",
            "名詞-普通名詞-サ変可能",
            "動詞-非自立可能",
            "助動詞",
            "補助記号-句点",
        ],
        pos=["PROPN", "ADP", "PROPN", "NOUN", "ADP", "SPACE", "VERB", "AUX", "AUX", "PUNCT"],
        lemmas=["ゴンドール", "の", "ボロミル", "首相", "は", "\u3000", "会談", "する", "た", "。"],
        morphs=["Reading=ゴンドール", "", "", "", "", "", "", "Inflection=サ行変格;連用形-一般|Reading=シ", "", ""],
        heads=[3, 0, 3, 6, 3, 4, 6, 6, 6, 6],
        deps=["nmod", "case", "compound", "nsubj", "case", "dep", "ROOT", "aux", "aux", "punct"],
        ents=["B-Country", "O", "B-Person", "B-Position_Vocation", "O", "O", "O", "O", "O", "O"],
    )
    doc[7].norm_ = "為る"
    doc.user_data.update(
        {
            "sub_tokens": [[[], []]] * 5
            + [None]
            + [[[DetailedToken("会", "名詞", "", "会", "会", "カイ", None)], []]]
            + [[[], []]] * 3,
            "bunsetu_heads": (3, 6),
            "bunsetu_bi_labels": ["B", "I", "I", "I", "I", "I", "B", "I", "I", "I"],
            "clauses": {6: list(range(10))},
        }
    )
    return doc


# -- without the model ------------------------------------------------------------------------------


def test_replay_rebuilds_a_doc_with_everything_the_rules_read():
    doc = _hand_made_doc()
    rebuilt = decode_doc(_plain(encode_doc(doc)), japanese_vocab())
    assert doc_differences(doc, rebuilt) == []
    assert rebuilt[7].norm_ == "為る" and rebuilt[5].whitespace_ == "" and rebuilt[4].whitespace_ == " "
    assert type(rebuilt.user_data["bunsetu_heads"]) is tuple and 6 in rebuilt.user_data["clauses"]
    assert [(e.text, e.label_) for e in rebuilt.ents] == [
        ("ゴンドール", "Country"),
        ("ボロミル", "Person"),
        ("首相", "Position_Vocation"),
    ]


@pytest.mark.parametrize(
    ("damage", "reported"),
    [
        (lambda d: d["tokens"][3].update(dep="obl"), "dep_ 'nsubj' != 'obl'"),
        (lambda d: d["tokens"][1].update(head=2), "head 0 != 2"),
        (lambda d: d["tokens"][7].update(norm="する"), "norm_ '為る' != 'する'"),
        (lambda d: d["ents"].pop(), "ents"),
        (lambda d: d["user_data"].pop("clauses"), "user_data['clauses']"),
        (lambda d: d["user_data"]["sub_tokens"]["split"].clear(), "user_data['sub_tokens']"),
    ],
    ids=["dep", "head", "norm", "ents", "user_data", "sub_tokens"],
)
def test_replay_doc_differences_names_what_a_recording_lost(damage, reported):
    doc = _hand_made_doc()
    data = _plain(encode_doc(doc))
    damage(data)
    assert any(reported in d for d in doc_differences(doc, decode_doc(data, japanese_vocab())))


def test_replay_a_damaged_tree_is_refused_not_looped_on():
    data = _plain(encode_doc(_hand_made_doc()))
    data["tokens"][3]["head"] = 4  # 首相 -> は -> 首相
    with pytest.raises(RecordingError, match="cycle"):
        decode_doc(data, japanese_vocab())


def test_replay_lexical_attributes_come_from_the_japanese_defaults():
    from spacy.tokens import Doc

    doc = Doc(japanese_vocab(), words=["12", "万", "人", "が", "https://example.jp", "する"])
    assert [t.like_num for t in doc] == [True, False, False, False, False, False]
    assert doc[4].like_url and doc[3].is_stop and doc[0].lang_ == "ja"


def test_replay_a_sentence_never_recorded_fails_and_says_how_to_record(tmp_path):
    """The extractor turns a failure into an empty result: the runner must not let it pass as 'no relation'."""
    replay = ReplayNLP(Recording(path=tmp_path / "x.json", hint="python -m pytest tests/test_x.py --update-parses"))
    with pytest.raises(
        MissingParse, match=r"'ゴンドールは声明を出した。'.*python -m pytest tests/test_x.py --update-parses"
    ):
        RuleRunner(replay).extract("ゴンドールは声明を出した。")
    assert replay.misses == []


def test_replay_leaves_out_ner_only():
    replay = ReplayNLP(Recording(path=PARSES / "none.json", hint=""))
    with pytest.raises(ValueError, match="parser"):
        list(replay.pipe(["x"], disable=["parser"]))


def test_replay_without_ner_has_no_entities_and_plain_labels(make_doc):
    """The replay has the parse with and without NER; either way the labels are plain UD
    (nsubj, not GiNZA's nsubj_bunsetu), as the pipeline leaves them without bunsetu_recognizer."""
    text = "ブラジルとアルゼンチンは南米の大国だ。"
    full, without = make_doc(text), make_doc(text, ner=False)
    assert full.ents and not without.ents and {t.ent_iob_ for t in without} == {""}
    assert [t.dep_ for t in full] == [t.dep_ for t in without]
    assert "nsubj" in {t.dep_ for t in full} and not any(t.dep_.endswith("_bunsetu") for t in full)
    tokens = make_doc(text, parsed=False)
    assert tokens.text == text and not tokens.has_annotation("DEP") and tokens.has_annotation("TAG")


@pytest.mark.parametrize("path", RECORDED, ids=[p.stem for p in RECORDED])
def test_replay_files_are_canonical(path):
    """Written only by the recorder: sorted, one token a line, byte-identical when recorded again."""
    recording = Recording.load(path, hint=_hint(path))
    assert path.read_text(encoding="utf-8") == recording.dumps()
    assert (ROOT / "tests" / f"{path.stem}.py").exists(), "a recording whose test module is gone"
    vocab = japanese_vocab()
    for text, entry in recording.sentences.items():
        assert tokenizer_doc(entry, vocab).text == text == parsed_doc(entry, vocab).text


def _blocker(tmp_path: Path) -> dict[str, str]:
    """An environment where ja_ginza, GiNZA and Sudachi cannot be imported, as if not installed."""
    site = tmp_path / "blocker"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        textwrap.dedent(
            f"""
            import sys

            class _Uninstalled:
                def find_spec(self, name, path=None, target=None):
                    if name.partition(".")[0] in {BLOCKED!r}:
                        raise ModuleNotFoundError(f"No module named {{name!r}} (blocked by the test)", name=name)
                    return None

            sys.meta_path.insert(0, _Uninstalled())
            """
        ),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(ROOT)])
    return env


def test_replay_rule_tests_pass_where_the_model_cannot_be_imported(tmp_path):
    env = _blocker(tmp_path)
    probe = subprocess.run(
        [sys.executable, "-c", "import ja_ginza"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert probe.returncode != 0 and "blocked by the test" in probe.stderr
    imports = "import extract.run.pipeline, extract.relations, extract.actors, extract.document.resolve, tests.replay, tests.invented"
    assert subprocess.run([sys.executable, "-c", imports], env=env, cwd=ROOT, timeout=60).returncode == 0

    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-m", "not model", "-p", "no:cacheprovider", *RULE_MODULES],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    counts = {kind: int(n) for n, kind in re.findall(r"(\d+) (\w+)", summary)}
    from tests.test_extract_rules import EVENT_CASES, ROLE_CASES
    from tests.test_rules_invented import INVENTED_CASES

    rows, known = _rule_rows()
    assert counts.get("passed", 0) >= len(EVENT_CASES) + len(ROLE_CASES) + len(INVENTED_CASES) + rows, summary
    # the only xfails are the rows and tests marked as the rules' known failures (their raises= lets
    # nothing else, such as a missing model, pass as one)
    assert counts.get("xfailed", 0) == known, summary
    assert not {"skipped", "failed", "error", "errors", "xpassed"} & set(counts), summary


def _rule_rows() -> tuple[int, int]:
    """(rows expected to pass, known failures) in the rule modules built on tests/rulecases.py."""
    import importlib

    passing = known = 0
    for path in RULE_MODULES:
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        for name, value in vars(module).items():
            if name.startswith("test_") and any(m.name == "xfail" for m in getattr(value, "pytestmark", [])):
                known += 1
            if name.startswith(("ALL_", "INVENTED_")) and name.endswith("CASES") and hasattr(value[0], "marks"):
                passing += sum(not row.marks for row in value)
                known += sum(bool(row.marks) for row in value)
    return passing, known


# -- with the model ---------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("path", RECORDED, ids=[p.stem for p in RECORDED])
def test_replay_recordings_are_what_the_model_gives_today(nlp, path):
    recording = Recording.load(path, hint=_hint(path))
    vocab = japanese_vocab()
    stale = []
    for text, entry in recording.sentences.items():
        for name, fresh, replayed in (
            ("tokenizer Doc", nlp.tokenizer(text), tokenizer_doc(entry, vocab)),
            ("parse", nlp(text), parsed_doc(entry, vocab)),
            ("parse without NER", nlp(text, disable=["ner"]), parsed_doc(entry, vocab, ner=False)),
        ):
            diff = doc_differences(fresh, replayed, limit=3)
            if diff:
                stale.append(f"{text!r} ({name}): {diff}")
    assert not stale, (
        f"{len(stale)} recorded parses in {path.name} differ from the installed model's "
        f"(recorded with {recording.recorded_with}); re-record: {_hint(path)}\n" + "\n".join(stale[:10])
    )
