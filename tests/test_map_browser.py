"""Reading the map in Chromium (issue 12): legible Japanese, the panel, search, time spans, mentions,
parallel edges, isolated actors, a Network changed the pyvis way, and the notebook view.

The browser and ``open_map`` come from conftest.py (one headless Chromium, offline).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import graph
from extract.normalize import loose_romaji
from graph import render
from graph.names import strip_titles as _strip_titles

pytestmark = pytest.mark.browser


def _rel(source, target, rtype, *, sentence, **kw):
    base = {
        "doc": "europe/summit.txt",
        "sentence": sentence,
        "sentence_index": 0,
        "source": source,
        "source_label": {"FRA": "フランス", "DEU": "ドイツ", "ITA": "イタリア", "POL": "ポーランド"}.get(
            source, source
        ),
        "source_type": "country",
        "source_mention": "",
        "type": rtype,
        "target": target,
        "target_label": {"FRA": "フランス", "DEU": "ドイツ", "ITA": "イタリア", "POL": "ポーランド"}.get(
            target, target
        ),
        "target_type": "country",
        "target_mention": "",
        "predicate": "協力",
        "modality": "asserted",
        "time": None,
        "confidence": 0.8,
    }
    out = base | kw
    out["source_mention"] = out["source_mention"] or out["source_label"]
    out["target_mention"] = out["target_mention"] or out["target_label"]
    return out


def _europe():
    rels = [
        _rel(
            "FRA",
            "DEU",
            "treaty",
            sentence="フランスとドイツは2019年に友好条約に署名した。",
            predicate="署名",
            time="2019",
        ),
        _rel(
            "FRA",
            "DEU",
            "treaty",
            sentence="仏独は1963年の条約を再確認した。",
            predicate="条約",
            time="1963",
            sentence_index=3,
        ),
        _rel("FRA", "DEU", "treaty", sentence="両首脳は条約の精神を強調した。", predicate="条約", sentence_index=7),
        _rel(
            "FRA",
            "DEU",
            "cooperation",
            sentence="独仏は防衛装備の共同開発で協力する。",
            source_mention="独仏",
            target_mention="独仏",
            sentence_index=9,
        ),
        _rel("FRA", "DEU", "meeting", sentence="仏独首脳がパリで会談した。", predicate="会談", sentence_index=1),
        _rel(
            "FRA", "DEU", "support", sentence="フランスはドイツの提案を支持した。", predicate="支持", sentence_index=4
        ),
        _rel(
            "DEU",
            "FRA",
            "support",
            sentence="ドイツはフランスを支援するとみられる。",
            predicate="支援",
            modality="hedged",
        ),
        _rel(
            "DEU",
            "FRA",
            "criticism",
            sentence="ドイツはフランスの財政赤字を批判した。",
            predicate="批判",
            sentence_index=5,
        ),
        _rel(
            "ITA", "FRA", "request", sentence="イタリアはフランスに協議を求めた。", predicate="求める", sentence_index=6
        ),
        _rel(
            "POL",
            "DEU",
            "comments_on",
            sentence="ポーランドはドイツの決定について述べた。",
            predicate="述べた",
            sentence_index=8,
        ),
        _rel(
            "macron",
            "FRA",
            "leader_of",
            sentence="フランスのマクロン大統領が演説した。",
            predicate="大統領",
            source_label="マクロン",
            source_type="person",
            source_mention="マクロン大統領",
            sentence_index=2,
        ),
        _rel(
            "macron",
            "DEU",
            "criticism",
            sentence="マクロン氏はドイツの姿勢を批判した。",
            predicate="批判",
            source_label="マクロン",
            source_type="person",
            source_mention="マクロン氏",
            sentence_index=10,
        ),
    ]
    actors = [
        {"id": "LUX", "type": "country", "name": "ルクセンブルク", "aliases": ["ルクセンブルク"], "mentions": 1},
        {
            "id": "macron",
            "type": "person",
            "name": "マクロン",
            "aliases": ["マクロン"],
            "role": "leader",
            "mentions": 4,
        },
    ]
    return graph.build_graph(rels, actors)


@pytest.fixture(scope="module")
def europe_html(tmp_path_factory):
    path = tmp_path_factory.mktemp("europe") / "graph.html"
    graph.render_html(_europe(), path, title="欧州の関係")
    return path


@pytest.fixture
def page(open_map, europe_html):
    p = open_map(europe_html)
    yield p
    assert p.errors() == []


def _click_node(page, node_id):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = page.driver.find_element(By.CSS_SELECTOR, "#network canvas")
    x, y = page.js(
        """var net = geokg.network, c = net.canvas.frame.canvas.getBoundingClientRect();
           var d = net.canvasToDOM(net.getPositions([arguments[0]])[arguments[0]]);
           return [Math.round(d.x - c.width / 2), Math.round(d.y - c.height / 2)];""",
        node_id,
    )
    ActionChains(page.driver).move_to_element_with_offset(canvas, x, y).click().pause(0.2).perform()


_VIEW = """var net = geokg.network, c = document.getElementById('network');
var d = document.getElementById('details'), r = c.getBoundingClientRect();
var left = d.hidden ? r.width : d.getBoundingClientRect().left - r.left;
var p = arguments[0] ? net.canvasToDOM(net.getPositions([arguments[0]])[arguments[0]]) : null;
return {scale: net.getScale(), width: c.clientWidth, free: left, x: p && p.x, y: p && p.y, height: c.clientHeight};"""


# --- legible everywhere -------------------------------------------------------------

_GLYPHS = """
var face = arguments[0];
function alpha(ch) {
  var c = document.createElement('canvas'); c.width = 64; c.height = 64;
  var ctx = c.getContext('2d');
  ctx.font = '48px ' + face; ctx.textBaseline = 'top'; ctx.fillText(ch, 4, 4);
  var px = ctx.getImageData(0, 0, 64, 64).data, out = [];
  for (var i = 3; i < px.length; i += 4) out.push(px[i]);
  return out.join(',');
}
var a = alpha('露'), b = alpha('独'), kana = alpha('ル'), missing = alpha('\\u0378');
return {differ: a !== b, kanaDiffers: kana !== missing, notMissing: a !== missing && b !== missing,
        inked: a.split(',').filter(function (v) { return v !== '0'; }).length};
"""


def _glyph_check(driver) -> dict:
    face = driver.execute_script("return geokg.network.body.nodes['FRA'].options.font.face")
    assert "Noto Sans CJK JP" in face and "Hiragino" in face and "Meiryo" in face
    return driver.execute_script(_GLYPHS, face)


def test_japanese_labels_are_drawn_as_glyphs_not_boxes(page):
    """Two different kanji in the canvas labels' font must differ, and differ from a missing glyph."""
    check = _glyph_check(page.driver)
    assert check == {"differ": True, "kanaDiffers": True, "notMissing": True, "inked": check["inked"]}
    assert check["inked"] > 100
    css = page.js("return getComputedStyle(document.getElementById('title')).fontFamily")
    assert "Noto Sans CJK JP" in css and "Yu Gothic" in css


def test_the_glyph_check_fails_on_a_machine_without_japanese_fonts(browser, start_chromium_with, europe_html, tmp_path):
    """The same check on a Chromium that sees only DejaVu (no CJK font): labels are boxes, and it says so."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    if not dejavu.is_dir():
        pytest.skip("needs fonts-dejavu-core to stand for a machine without Japanese fonts")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{dejavu}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>',
        encoding="utf-8",
    )
    driver = start_chromium_with(tmp_path / "profile", env={**os.environ, "FONTCONFIG_FILE": str(conf)})
    try:
        driver.get(europe_html.resolve().as_uri())
        deadline = time.monotonic() + 30
        while not driver.execute_script("return !!(window.geokg && window.geokg.ready)"):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        driver.save_screenshot(str(tmp_path / "boxes.png"))
        check = _glyph_check(driver)
    finally:
        driver.quit()
    assert check["differ"] is False and check["notMissing"] is False, "every kanji is the same box"


# --- the panel and search -------------------------------------------------------------


def test_opening_the_panel_keeps_the_scale_and_the_clicked_actor_in_view(page):
    before = page.js(_VIEW, "POL")
    _click_node(page, "POL")
    assert page.driver.find_element("id", "details").is_displayed()
    assert page.js("return document.querySelector('#details h3').textContent") == "ポーランド"
    time.sleep(0.3)
    after = page.js(_VIEW, "POL")
    assert after["scale"] == pytest.approx(before["scale"], rel=1e-6), "the network does not shrink"
    assert after["width"] == before["width"], "the canvas keeps its size: the panel lies over it"
    assert after["free"] < after["width"]
    assert 0 < after["x"] < after["free"], "the clicked actor is not under the panel"
    # closing the panel changes nothing either
    page.driver.find_element("id", "details-close").click()
    assert page.js(_VIEW, None)["scale"] == pytest.approx(before["scale"], rel=1e-6)


def test_search_centres_the_actor_in_the_part_of_the_canvas_left_free(page, tmp_path):
    from selenium.webdriver.common.keys import Keys

    box = page.driver.find_element("id", "search")
    for query, expected, name in (
        ("Macron", "macron", "マクロン"),
        ("ＦＲＡ", "FRA", "フランス"),
        ("ルクセンブルク", "LUX", "ルクセンブルク"),
    ):
        box.clear()
        box.send_keys(query, Keys.ENTER)
        time.sleep(0.7)  # the focus animation
        assert page.js("return geokg.network.getSelectedNodes()") == [expected], query
        view = page.js(_VIEW, expected)
        assert 0 < view["x"] < view["free"], (query, view)
        assert abs(view["x"] - view["free"] / 2) < 30 and abs(view["y"] - view["height"] / 2) < 30, (query, view)
        assert page.js("return document.querySelector('#details h3').textContent") == name
    page.driver.save_screenshot(str(tmp_path / "search.png"))
    # an isolated actor found by search is shown (the toggle turns on)
    assert page.js("return geokg.network.body.nodes['LUX'].options.hidden") is False
    assert page.driver.find_element("id", "isolated").is_selected()


def test_search_accepts_what_the_query_api_accepts(page):
    """Ids, names, aliases, titles, family names, width and case variants, loose romanisation."""
    kg = graph.KnowledgeGraph(_europe())
    queries = [
        "FRA",
        "fra",
        "ﾌﾗﾝｽ",
        "フランス",
        "マクロン大統領",
        "マクロン氏",
        "macron",
        "Macron",
        "MACRON",
        "ドイツ",
        "Lux",
    ]
    found = page.js("return arguments[0].map(function (q) { return geokg.findActor(q); })", queries)
    assert found == [kg.resolve(q) for q in queries]
    # several actors for one name: Python refuses, the page shows the most mentioned and says so
    with pytest.raises(graph.AmbiguousActor):
        kg.resolve("独仏")
    assert sorted(page.js("return geokg.findActors('独仏')")) == ["DEU", "FRA"]
    assert page.js("return geokg.findActor('zzz no such')") is None


_NORMALISE = """
return arguments[0].map(function (s) {
  return [geokg.queryKey(s), geokg.stripTitles(s), geokg.looseRomaji(s)];
});
"""


def test_the_page_reads_a_query_as_python_does(page):
    texts = [
        "Ｍａｃｒｏｎ",
        " Emmanuel\u3000Macron ",
        "ﾏｸﾛﾝ大統領",
        "金正恩(キム・ジョンウン)総書記",
        "兵頭慎治・研究幹事",
        "Zelenskyy",
        "Shinzo Abe",
        "Xi Jinping",
        "Chirac",
        "\ufeffＦＲＡ\u200b",
        "\x1cマクロン\x85大統領 ",
        "İstanbul",
        "ΣΊΣΥΦΟΣ",
    ]
    got = page.js(_NORMALISE, texts)
    for text, (key, bare, romaji) in zip(texts, got, strict=True):
        assert key == render.query_key(text), text
        assert bare == _strip_titles(text), text
        if text.isascii():
            assert romaji == loose_romaji(text), text


# --- what the panel says --------------------------------------------------------------


def test_an_edge_shows_its_time_span_and_the_actors_named_by_a_compound(page):
    text = page.js("""
        var id = geokg.edges.getIds({filter: function (e) { return e.type === 'treaty'; }})[0];
        geokg.showEdge(id); return document.getElementById('details').innerText;""")
    assert "1963 – 2019 · 1 undated" in text
    text = page.js("""
        var id = geokg.edges.getIds({filter: function (e) { return e.type === 'cooperation'; }})[0];
        geokg.showEdge(id); return document.getElementById('details').innerText;""")
    assert "mentions: ドイツ ↔ フランス (written 「独仏」)" in text
    assert "独仏 ↔ 独仏" not in text
    assert "time\nundated" in text or "time\tundated" in text
    tooltip = page.js("""
        var e = geokg.edges.get({filter: function (e) { return e.type === 'treaty'; }})[0];
        geokg.network.emit('hoverEdge', {edge: e.id}); return document.getElementById('tooltip').textContent;""")
    assert "1963 – 2019 · 1 undated" in tooltip


def test_parallel_edges_are_drawn_apart(page, tmp_path):
    # one line per pair is the default (issue 18); one line per relation draws each bent apart
    assert (
        page.js("return geokg.pairs.get().filter(function (p) { return p.from === 'DEU' && p.to === 'FRA'; }).length")
        == 1
    )
    page.js("geokg.setPairs(false)")
    midpoints = page.js("""
        var net = geokg.network, out = [];
        geokg.edges.get().forEach(function (e) {
          var pair = [e.from, e.to].sort().join('|');
          if (pair !== 'DEU|FRA') return;
          var p = net.body.edges[e.id].edgeType.getPoint(0.5), d = net.canvasToDOM(p);
          out.push([e.type, e.from, d.x, d.y]);
        });
        var q = net.getPositions(['DEU', 'FRA']);
        net.moveTo({position: {x: (q.DEU.x + q.FRA.x) / 2, y: (q.DEU.y + q.FRA.y) / 2}, scale: 3});
        return out;""")
    assert len(midpoints) == 6
    for i, a in enumerate(midpoints):
        for b in midpoints[i + 1 :]:
            assert ((a[2] - b[2]) ** 2 + (a[3] - b[3]) ** 2) ** 0.5 > 6, (a, b)
    time.sleep(0.2)
    page.driver.save_screenshot(str(tmp_path / "parallel.png"))


def test_isolated_actors_are_hidden_until_the_toggle_shows_them(page):
    state = "return [geokg.network.body.nodes['LUX'].options.hidden, geokg.network.body.nodeIndices.indexOf('LUX') >= 0, document.getElementById('status').textContent]"
    hidden, drawn, status = page.js(state)
    assert hidden is True and drawn is False
    n = page.js("return geokg.nodes.length")
    assert status.startswith(f"{n - 1} actors")
    box = page.driver.find_element("id", "isolated")
    assert not box.is_selected()
    box.click()
    hidden, drawn, status = page.js(state)
    assert hidden is False and drawn is True and status.startswith(f"{n} actors")
    box.click()
    assert page.js(state)[:2] == [True, False]


# --- a Network changed the pyvis way, and Jupyter --------------------------------------------


def test_a_network_changed_the_pyvis_way_draws_with_geokgs_page(open_map, tmp_path):
    net = graph.to_pyvis(_europe(), title="pyvis のやり方")
    net.toggle_physics(False)  # no stabilisation: ready once drawn
    net.add_node("memo", label="メモ", title='<img src=x onerror="window.__xss = 1">覚え書き', color="#ff0000")
    net.add_edge("memo", "FRA", title="<b>注</b>")
    path = tmp_path / "pyvis.html"
    graph.render_html(net, path)
    page = open_map(path)
    assert page.errors() == []
    state = page.js("""
        var n = geokg.network.body.nodes['memo'];
        geokg.network.emit('hoverNode', {node: 'memo'});
        return {bg: n.options.color.background, physics: geokg.network.physics.physicsEnabled,
                tip: document.getElementById('tooltip').textContent, imgs: document.querySelectorAll('img').length,
                xss: window.__xss === undefined, edges: geokg.edges.length, title: document.title};""")
    assert state["bg"] == "#ff0000" and state["physics"] is False and state["imgs"] == 0 and state["xss"]
    assert '<img src=x onerror="window.__xss = 1">覚え書き' in state["tip"]
    assert state["edges"] == len(net.edges) and state["title"] == "pyvis のやり方"

    net.set_options(json.dumps({"physics": {"enabled": True, "stabilization": {"enabled": False}}}))
    graph.render_html(net, path)
    page = open_map(path)
    assert page.errors() == [] and page.js("return geokg.network.physics.physicsEnabled") is True


def test_the_notebook_view_draws_offline_in_its_sandbox(open_map, browser, tmp_path):
    frame = graph.notebook_map(_europe(), height=500)._repr_html_()
    path = tmp_path / "notebook.html"
    path.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{frame}</body></html>", encoding="utf-8"
    )
    browser.get("about:blank")
    browser.get_log("browser")
    browser.get(path.resolve().as_uri())
    browser.switch_to.frame(browser.find_element("tag name", "iframe"))
    try:
        deadline = time.monotonic() + 30
        while not browser.execute_script("return !!(window.geokg && window.geokg.ready)"):
            assert time.monotonic() < deadline, "the map in the iframe never got ready"
            time.sleep(0.05)
        assert browser.execute_script("return geokg.nodes.length") == _europe().number_of_nodes()
    finally:
        browser.switch_to.default_content()
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
