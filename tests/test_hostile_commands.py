"""`geokg render` and `geokg query` on hostile names and arguments, and a page that declares a codec
that is not a text encoding (issue 20 items 9 and 11).

``render`` runs as a subprocess, so what reaches the terminal is exactly what is checked.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import graph
from extract.cli import main
from tests.conftest import ROOT

ESC = "\x1b[2J\x1b]0;pwned\x07"


def _geokg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def example(tmp_path) -> Path:
    path = tmp_path / "graph.json"
    graph.write_json(graph.example_graph(), path)
    return path


# -- item 9: render shows file names and graph.json keys escaped ------------------------------------


def test_hostile_render_escapes_the_names_it_writes(tmp_path, example):
    folder = tmp_path / f"in{ESC}"
    folder.mkdir()
    example.rename(folder / "graph.json")
    out = tmp_path / f"map{ESC}.html"
    r = _geokg("render", str(folder / "graph.json"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.is_file()
    assert "\x1b" not in r.stdout + r.stderr and "\x07" not in r.stdout + r.stderr
    assert "wrote " in r.stdout and "\\x1b[2J" in r.stdout


def test_hostile_render_escapes_the_keys_in_its_errors(tmp_path, example):
    data = json.loads(example.read_text(encoding="utf-8"))
    data["nodes"][0][f"note{ESC}"] = "\ud800"  # a lone surrogate: the message names the key that holds it
    bad = tmp_path / f"bad{ESC}"
    bad.mkdir()
    (bad / "graph.json").write_text(json.dumps(data), encoding="utf-8")
    for args in (["-o", str(tmp_path / "m.html")], ["--png", str(tmp_path / f"m{ESC}.png")]):
        r = _geokg("render", str(bad), *args)
        assert r.returncode == 2, r.stderr
        assert "not a geokg graph" in r.stderr and "\\x1b[2J" in r.stderr
        assert "\x1b" not in r.stdout + r.stderr and "\x07" not in r.stdout + r.stderr


def test_hostile_render_without_output_and_a_missing_graph(tmp_path):
    r = _geokg("render", str(tmp_path / f"no{ESC}such"), "-o", str(tmp_path / "m.html"))
    assert r.returncode == 2 and "\x1b" not in r.stderr and "\\x1b[2J" in r.stderr


# -- item 11: query arguments that select nothing by mistake ----------------------------------------


@pytest.mark.parametrize("n", ["-5", "0"])
def test_hostile_central_n_must_be_positive(example, capsys, n):
    with pytest.raises(SystemExit) as exit:
        main(["query", str(example), "central", "-n", n])
    assert exit.value.code == 2
    assert "-n: give how many actors to list, at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--type", "--modality"])
@pytest.mark.parametrize("value", [",,,", " , "])
def test_hostile_relations_with_an_empty_list_is_an_error(example, capsys, option, value):
    assert main(["query", str(example), "relations", option, value]) == 2
    err = capsys.readouterr().err
    assert f"{option} {value!r}: names no" in err


def test_hostile_relations_type_list_still_works(example, capsys):
    assert main(["query", str(example), "relations", "--type", "sanction,,treaty", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert rows and {r["type"] for r in rows} == {"sanction", "treaty"}


# -- item 11: <meta charset> that is not a text encoding --------------------------------------------


@pytest.mark.parametrize("codec", ["unicode_escape", "raw_unicode_escape", "rot13", "base64", "utf-7", "idna"])
def test_hostile_meta_charset_must_be_a_text_encoding(tmp_path, codec):
    from extract.read.io import read_input

    page = (
        f'<html><head><meta charset="{codec}"><title>t</title></head><body><p>'
        "ロシア\\x1b[2Jと北朝鮮が合意した。\\u202e</p></body></html>"
    ).encode("cp932") + b"\x81"  # not UTF-8: the declared charset is asked
    p = tmp_path / "page.html"
    p.write_bytes(page)
    loaded = read_input(p)
    assert "\x1b" not in loaded.document.text and "\u202e" not in loaded.document.text
    assert "\\x1b[2J" in loaded.document.text
    assert loaded.encoding not in ("unicode-escape", "raw-unicode-escape", "rot-13", "base64", "utf-7", "idna")


def test_hostile_meta_charset_of_a_real_encoding_is_still_read(tmp_path):
    from extract.read.io import read_input

    page = '<html><head><meta charset="euc-jp"></head><body><p>ロシアと北朝鮮が合意した。</p></body></html>'
    p = tmp_path / "page.html"
    p.write_bytes(page.encode("euc_jp"))
    loaded = read_input(p)
    assert loaded.encoding == "euc_jp" and "ロシアと北朝鮮が合意した。" in loaded.document.text
