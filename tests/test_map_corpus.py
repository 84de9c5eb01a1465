"""The map at corpus scale (issue 18), in headless Chromium: the 80-text development corpus plus the seed,
built once for this module with the real extractor, drawn in a 1600×1000 window.

At "Fit": at least 30 names drawn at 11 px or more, no two overlapping (their boxes measured here from
vis-network's positions and the canvas's own text metrics), one line per pair of actors; the time range and
top-N filters change what is drawn; a click on an actor fades all but its neighbours; zooming in names
more of the actors in view; ``geokg render --png`` draws the legible core. Screenshots go to tmp_path.
"""

from __future__ import annotations

import json
import re
import struct
import time
from collections import Counter
from pathlib import Path

import pytest

import graph
from extract.cli import main
from graph import render
from tests.conftest import ROOT, SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.model]

DEV_TEXTS = ROOT / "tests" / "data" / "dev" / "texts"
WINDOW = (1600, 1000)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    """`geokg build tests/data/dev/texts seeds -o DIR`, once for the module; returns DIR."""
    out = tmp_path_factory.mktemp("dev-corpus")
    assert main(["build", str(DEV_TEXTS), str(SEEDS), "-o", str(out), "--no-progress"]) == 0
    return out


@pytest.fixture(scope="module")
def kg(corpus):
    return graph.load(corpus)


def _open(driver, path: Path, fragment: str = "", *, timeout: float = 60.0):
    driver.set_window_size(*WINDOW)
    driver.get("about:blank")
    driver.get_log("browser")
    driver.get(path.resolve().as_uri() + fragment)
    deadline = time.monotonic() + timeout
    while not driver.execute_script("return !!(window.geokg && window.geokg.ready)"):
        assert time.monotonic() < deadline, "the map was not ready"
        time.sleep(0.05)
    time.sleep(0.2)  # one more frame: the labels of the first draw
    return driver


@pytest.fixture
def page(browser, corpus):
    drv = _open(browser, corpus / "graph.html")
    yield drv
    assert [e["message"] for e in drv.get_log("browser") if e["level"] == "SEVERE"] == []


def _drawn(drv) -> dict:
    """What the canvas holds now: the actors drawn and the lines between them (vis-network's own bodies)."""
    return drv.execute_script("""
        var b = geokg.network.body;
        var nodes = b.nodeIndices.filter(function (id) { return !b.nodes[id].options.hidden; });
        var edges = b.edgeIndices.map(function (id) { var e = b.edges[id]; return [id, e.fromId, e.toId]; });
        return {nodes: nodes, edges: edges};""")


# The label boxes, measured here: each label's anchor from vis-network's position of its node and the node's
# drawn radius, its extent from the canvas's text metrics for the label's font.
_MEASURE = """
var net = geokg.network, scale = net.getScale(), ctx = document.createElement('canvas').getContext('2d');
return geokg.labels().map(function (l) {
  var p = net.canvasToDOM(net.getPositions([l.id])[l.id]);
  ctx.font = l.font; ctx.textAlign = 'center'; ctx.textBaseline = 'top';
  var m = ctx.measureText(l.text);
  return {id: l.id, text: l.text, size: l.size, side: l.side, pad: l.pad, reported: [l.x, l.y, l.w, l.h],
          x: p.x, y: p.y, r: net.body.nodes[l.id].options.size * scale + 2,
          width: m.width, left: m.actualBoundingBoxLeft, right: m.actualBoundingBoxRight,
          ascent: m.actualBoundingBoxAscent, descent: m.actualBoundingBoxDescent};
});"""


def _boxes(labels: list[dict]) -> list[tuple[float, float, float, float]]:
    """(left, top, right, bottom) of the ink of each label, with its 1.5 px white halo.

    The page's rule: a name's box is its text's width and ink height (CJK glyphs reach above the top of the
    em box) with ``pad`` px around, put under its node, else above, right or left of it.
    """
    out = []
    for lab in labels:
        pad, ascent = lab["pad"], max(0.0, lab["ascent"])
        w, h = lab["width"] + 2 * pad, ascent + max(lab["size"], lab["descent"]) + 2 * pad
        left, top = {
            "below": (lab["x"] - w / 2, lab["y"] + lab["r"]),
            "above": (lab["x"] - w / 2, lab["y"] - lab["r"] - h),
            "right": (lab["x"] + lab["r"] + 2, lab["y"] - h / 2),
            "left": (lab["x"] - lab["r"] - 2 - w, lab["y"] - h / 2),
        }[lab["side"]]
        assert lab["reported"] == pytest.approx([left, top, w, h], abs=0.6), lab  # the page drew it where it says
        cx, ty = left + w / 2, top + pad + ascent  # centre and top of the text as drawn
        halo = 1.5
        out.append(
            (cx - lab["left"] - halo, ty - lab["ascent"] - halo, cx + lab["right"] + halo, ty + lab["descent"] + halo)
        )
    return out


def _overlapping(boxes):
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[i + 1 :], i + 1)
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]


_INK = """
var c = geokg.network.canvas.frame.canvas, ctx = c.getContext('2d'), ratio = geokg.network.canvas.pixelRatio;
return arguments[0].map(function (b) {
  var x = Math.max(0, Math.floor(b[0] * ratio)), y = Math.max(0, Math.floor(b[1] * ratio));
  var w = Math.max(1, Math.min(c.width - x, Math.ceil((b[2] - b[0]) * ratio)));
  var h = Math.max(1, Math.min(c.height - y, Math.ceil((b[3] - b[1]) * ratio)));
  var px = ctx.getImageData(x, y, w, h).data, dark = 0;
  for (var i = 0; i < px.length; i += 4) if (px[i + 3] > 200 && px[i] + px[i + 1] + px[i + 2] < 240) dark++;
  return dark;
});"""


def test_at_fit_at_least_30_legible_names_and_none_overlapping(page, tmp_path):
    labels = page.execute_script(_MEASURE)
    legible = [lab for lab in labels if lab["size"] >= 11]
    assert len(legible) >= 30, len(legible)
    boxes = _boxes(labels)
    assert _overlapping(boxes) == [], [(labels[i]["text"], labels[j]["text"]) for i, j in _overlapping(boxes)]
    # the names are on the canvas: dark text pixels inside each box
    ink = page.execute_script(_INK, boxes)
    assert sum(1 for n in ink if n >= 5) >= 0.95 * len(ink), ink
    # the most important actors are named: the five with the most evidence
    strongest = page.execute_script(
        "return geokg.nodes.get().sort(function (a, b) { return b.strength - a.strength; }).slice(0, 5)"
        ".map(function (n) { return n.id; })"
    )
    assert set(strongest) <= {lab["id"] for lab in labels}
    page.save_screenshot(str(tmp_path / "fit.png"))


def test_default_view_draws_one_line_per_pair_of_actors(page, kg):
    drawn = _drawn(page)
    shown = set(drawn["nodes"])
    per_pair = Counter(frozenset((s, t)) for _, s, t in drawn["edges"])
    assert per_pair and set(per_pair.values()) == {1}
    expected = {frozenset((s, t)) for s, t in kg.G.edges() if s in shown and t in shown}
    assert set(per_pair) == expected
    # width grows with the evidence, the panel lists every relation of the pair
    pairs = page.execute_script("return geokg.pairs.get().map(function (p) { return [p.id, p.count, p.width]; })")
    by_count = sorted(pairs, key=lambda p: p[1])
    assert by_count[0][2] < by_count[-1][2]
    busiest = by_count[-1][0]
    text = page.execute_script(
        "geokg.showPair(arguments[0]); return document.getElementById('details').innerText", busiest
    )
    members = page.execute_script("return geokg.pairs.get(arguments[0]).members.length", busiest)
    assert text.count("×") >= members and "Goldstein" in text


def _set_range(drv, element_id: str, value: int) -> None:
    drv.execute_script(
        "var e = document.getElementById(arguments[0]); e.value = String(arguments[1]);"
        " e.dispatchEvent(new Event('input', {bubbles: true}));",
        element_id,
        value,
    )


def test_the_top_n_slider_keeps_the_actors_with_the_most_evidence(page, kg, tmp_path):
    G = kg.G
    strength = Counter()
    for s, t, d in G.edges(data=True):
        if s != t:
            strength[s] += d["count"]
            strength[t] += d["count"]
    ranked = sorted((n for n in G if G.degree(n) > 0), key=lambda n: (-strength[n], -G.nodes[n].get("mentions", 0), n))
    _set_range(page, "top", 20)
    drawn = _drawn(page)
    assert sorted(drawn["nodes"]) == sorted(ranked[:20])
    assert all(s in ranked[:20] and t in ranked[:20] for _, s, t in drawn["edges"])
    assert page.find_element("id", "top-out").text == f"top 20 of {len(ranked)}"
    assert len(page.execute_script("return geokg.labels()")) >= 18, "a top-20 view names nearly all"
    page.save_screenshot(str(tmp_path / "top20.png"))


def test_the_time_range_keeps_the_relations_of_those_years(page, kg, tmp_path):
    before = _drawn(page)
    _set_range(page, "year-from", 1945)
    _set_range(page, "year-to", 1991)
    page.find_element("id", "undated").click()  # undated evidence hidden
    after = _drawn(page)
    assert 0 < len(after["nodes"]) < len(before["nodes"]) and 0 < len(after["edges"]) < len(before["edges"])

    def in_range(s, t) -> bool:
        for u, v in ((s, t), (t, s)):
            for d in (kg.G.get_edge_data(u, v) or {}).values():
                for ev in d["evidence"]:
                    year = re.match(r"\d{4}", ev.get("time") or "")
                    if year and 1945 <= int(year[0]) <= 1991:
                        return True
        return False

    assert all(in_range(s, t) for _, s, t in after["edges"])
    assert page.find_element("id", "years-out").text == "1945 – 1991"
    page.save_screenshot(str(tmp_path / "1945-1991.png"))


def test_a_click_on_an_actor_fades_all_but_its_neighbours(page, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    hub = page.execute_script(
        "return geokg.nodes.get().sort(function (a, b) { return b.strength - a.strength; })[0].id"
    )
    x, y = page.execute_script(
        """var net = geokg.network, c = net.canvas.frame.canvas.getBoundingClientRect();
           var d = net.canvasToDOM(net.getPositions([arguments[0]])[arguments[0]]);
           return [Math.round(d.x - c.width / 2), Math.round(d.y - c.height / 2)];""",
        hub,
    )
    canvas = page.find_element("css selector", "#network canvas")
    ActionChains(page).move_to_element_with_offset(canvas, x, y).click().pause(0.3).perform()
    assert page.execute_script("return geokg.focused()") == hub
    drawn = _drawn(page)
    near = {hub} | {s for _, s, t in drawn["edges"] if t == hub} | {t for _, s, t in drawn["edges"] if s == hub}
    opacity = page.execute_script(
        "var b = geokg.network.body.nodes; return arguments[0].map(function (id) { var o = b[id].options.opacity;"
        " return o === undefined ? 1 : o; });",
        drawn["nodes"],
    )
    faded = {n for n, o in zip(drawn["nodes"], opacity, strict=True) if o < 0.5}
    assert faded == set(drawn["nodes"]) - near and len(faded) > len(near)
    lines = page.execute_script(
        "var b = geokg.network.body.edges; return Object.keys(b).map(function (id) {"
        " var e = b[id]; return [e.fromId, e.toId, e.options.color.opacity]; });"
    )
    assert all((o < 0.5) == (hub not in (s, t)) for s, t, o in lines)
    assert "focus:" in page.find_element("id", "status").text
    page.save_screenshot(str(tmp_path / "focus.png"))
    ActionChains(page).send_keys(Keys.ESCAPE).pause(0.2).perform()
    assert page.execute_script("return geokg.focused()") is None
    restored = page.execute_script(
        "var b = geokg.network.body.nodes; return Object.keys(b).every(function (id) {"
        " var o = b[id].options.opacity; return o === undefined || o === 1; });"
    )
    assert restored


def test_zooming_in_names_more_of_the_actors_in_view(page, tmp_path):
    hub = page.execute_script(
        "return geokg.nodes.get().sort(function (a, b) { return b.strength - a.strength; })[0].id"
    )
    in_view = """
        var net = geokg.network, c = net.canvas.frame.canvas, shown = new Set(geokg.labels().map(function (l) { return l.id; }));
        var ids = arguments[0] || Object.keys(net.getPositions());
        return ids.filter(function (id) { var p = net.canvasToDOM(net.getPositions([id])[id]);
          return p.x > 0 && p.y > 0 && p.x < c.clientWidth && p.y < c.clientHeight; })
          .map(function (id) { return [id, shown.has(id)]; });"""
    page.execute_script(
        "var n = geokg.network; n.moveTo({position: n.getPositions([arguments[0]])[arguments[0]], scale: n.getScale() * 3});",
        hub,
    )
    time.sleep(0.3)
    after = page.execute_script(in_view, None)
    ids = [i for i, _ in after]
    page.execute_script("geokg.fit()")
    time.sleep(0.3)
    before = dict(page.execute_script(in_view, ids))
    named_before = sum(1 for i in ids if before.get(i))
    named_after = sum(1 for _, named in after if named)
    assert named_after > named_before * 1.5, (named_before, named_after)
    page.save_screenshot(str(tmp_path / "zoom.png"))


def test_the_map_is_written_the_same_every_time(corpus, kg):
    html = render.to_html(kg.G, title=None)
    again = render.to_html(graph.load(corpus).G, title=None)
    assert html == again
    data = json.loads(re.search(r'id="geokg-data">(.*?)</script>', html, re.S).group(1))
    assert data["view"]["laid_out"] and data["options"]["physics"]["enabled"] is False


def test_png_of_the_corpus_is_its_legible_core(corpus, tmp_path, capsys, browser):
    png = tmp_path / "corpus.png"
    assert main(["render", str(corpus), "--png", str(png), "--size", "1920x1080"]) == 0
    out = capsys.readouterr().out
    m = re.search(r"\(1920×1080, (\d+) actors, (\d+) names", out)
    assert m, out
    actors, names = int(m[1]), int(m[2])
    assert actors == 40 and names >= 34, out
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1920, 1080)
