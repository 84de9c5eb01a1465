"""``geokg render GRAPH [-o HTML] [--png PNG]``: the map again, or a picture of it (issue 12)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

import graph
from extract.cli import main
from graph import style


def _rel(source, target, rtype, sentence, **kw):
    labels = {"FRA": "フランス", "DEU": "ドイツ", "ESP": "スペイン", "sanchez": "サンチェス"}
    base = {
        "doc": "europe/b.txt",
        "sentence": sentence,
        "sentence_index": 0,
        "source": source,
        "source_label": labels[source],
        "source_type": "person" if source == "sanchez" else "country",
        "source_mention": labels[source],
        "type": rtype,
        "target": target,
        "target_label": labels[target],
        "target_type": "country",
        "target_mention": labels[target],
        "predicate": "協力",
        "modality": "asserted",
        "time": None,
        "confidence": 0.8,
    }
    return base | kw


def _graph():
    return graph.build_graph(
        [
            _rel("ESP", "FRA", "cooperation", "スペインとフランスは送電網で協力する。"),
            _rel("ESP", "DEU", "request", "スペインはドイツに支援を求めた。", predicate="求める", time="2023"),
            _rel("sanchez", "ESP", "leader_of", "スペインのサンチェス首相が訪独した。", predicate="首相"),
            _rel("DEU", "FRA", "meeting", "独仏の外相が会談した。", predicate="会談", sentence_index=2),
        ]
    )


def _png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB pixels of an 8-bit RGB or RGBA PNG (as Chromium writes them)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "a PNG file"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and colour in (2, 6)
    channels = 3 if colour == 2 else 4
    idat, pos = b"", 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if channels == 3 else bytes(v for j, v in enumerate(line) if j % 4 != 3))
        prev = line
    return width, height, rows


@pytest.fixture
def graph_json(tmp_path):
    path = tmp_path / "out" / "graph.json"
    graph.write_json(_graph(), path)
    return path


def test_render_writes_the_same_map_as_build(graph_json, tmp_path, capsys):
    html = tmp_path / "again.html"
    assert main(["render", str(graph_json.parent), "-o", str(html), "--title", "欧州"]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {html}"
    G = graph.load(graph_json).G
    assert html.read_text(encoding="utf-8") == graph.render.to_html(G, title="欧州")


def test_render_says_what_to_write(graph_json, capsys):
    assert main(["render", str(graph_json)]) == 2
    assert "say what to write: -o map.html, --png map.png" in capsys.readouterr().err


def test_render_of_a_missing_graph_is_a_usage_error(tmp_path, capsys):
    assert main(["render", str(tmp_path / "nowhere" / "graph.json"), "-o", str(tmp_path / "m.html")]) == 2
    err = capsys.readouterr().err
    assert "no such graph file" in err and "Traceback" not in err


def test_render_help_teaches(capsys):
    with pytest.raises(SystemExit):
        main(["render", "--help"])
    out = capsys.readouterr().out
    assert "--png" in out and "geokg render output/graph.json --png map.png" in out and "fonts-noto-cjk" in out


@pytest.mark.parametrize("size", ["10x10", "wide", "1400x"])
def test_render_refuses_a_bad_size(graph_json, tmp_path, size, capsys):
    with pytest.raises(SystemExit) as e:
        main(["render", str(graph_json), "--png", str(tmp_path / "m.png"), "--size", size])
    assert e.value.code == 2 and "--size" in capsys.readouterr().err


def test_png_without_a_browser_is_a_clear_error(graph_json, tmp_path, monkeypatch, capsys):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("GEOKG_CHROMIUM", raising=False)
    png, html = tmp_path / "map.png", tmp_path / "map.html"
    assert main(["render", str(graph_json), "--png", str(png), "-o", str(html)]) == 2
    err = capsys.readouterr().err
    assert (
        "needs headless Chromium" in err
        and "apt-get install chromium fonts-noto-cjk" in err
        and "GEOKG_CHROMIUM" in err
    )
    assert not png.exists() and not html.exists(), "nothing half done"


def test_png_with_a_browser_that_is_not_there(graph_json, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GEOKG_CHROMIUM", str(tmp_path / "no-such-chrome"))
    assert main(["render", str(graph_json), "--png", str(tmp_path / "m.png")]) == 2
    assert "GEOKG_CHROMIUM=" in capsys.readouterr().err


def test_png_with_a_browser_that_fails(graph_json, tmp_path, monkeypatch, capsys):
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\necho 'no display, no luck' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("GEOKG_CHROMIUM", str(fake))
    png = tmp_path / "m.png"
    assert main(["render", str(graph_json), "--png", str(png), "--timeout", "20"]) == 1
    err = capsys.readouterr().err
    assert "stopped before the picture was taken" in err and "no display, no luck" in err
    assert not png.exists()


@pytest.mark.browser
def test_png_of_the_map(graph_json, tmp_path, capsys, browser):
    # `browser` makes this skip (or fail under GEOKG_REQUIRE_BROWSER=1) where Chromium is missing
    png = tmp_path / "pictures" / "map.png"
    assert main(["render", str(graph_json), "--png", str(png), "--size", "1200x800"]) == 0
    assert f"wrote {png} (1200×800" in capsys.readouterr().out
    width, height, rows = _png(png)
    assert (width, height) == (1200, 800)
    # the laid-out map is in the picture: the fill of the country nodes and of the person node, right of the legend
    country = bytes.fromhex(style.ACTOR_STYLE["country"].color[1:])
    person = bytes.fromhex(style.ACTOR_STYLE["person"].color[1:])
    canvas = [row[3 * 260 :] for row in rows[60:]]
    painted = {c: sum(_count(row, c) for row in canvas) for c in (country, person)}
    assert painted[country] > 1000 and painted[person] > 200, painted
    assert sorted(p.name for p in png.parent.iterdir()) == ["map.png"], "no temporary files left"


def _count(row: bytes, rgb: bytes) -> int:
    return sum(1 for i in range(0, len(row), 3) if row[i : i + 3] == rgb)
