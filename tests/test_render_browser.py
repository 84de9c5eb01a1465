"""The map in a real browser: headless Debian Chromium driven by selenium.

The browser (one per session, network emulated offline) and ``open_map`` come from conftest.py. Skipped when
chromium, chromedriver or selenium is missing, unless GEOKG_REQUIRE_BROWSER=1 (as in CI), which makes that a
failure.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import graph

pytestmark = pytest.mark.browser

XSS_SCRIPT = "<script>window.__xss = 1; alert(1)</script>"
XSS_IMG = '<img src=x onerror="window.__xss = 2; alert(2)">'
XSS_BREAKOUT = '"></script><script>window.__xss = 3; alert(3)</script>'


def _seed_graph(seed_build: Path) -> nx.MultiDiGraph:
    data = json.loads((seed_build / "graph.json").read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


_POSITIONS = "return geokg.network.getPositions()"


@pytest.fixture(scope="module")
def seed_page(open_map, seed_build):
    page = open_map(seed_build / "graph.html")
    page.positions = page.js(_POSITIONS)
    return page


def test_seed_map_loads_offline_without_console_errors(seed_page):
    assert seed_page.errors() == []
    ours = [url for doc, url in seed_page.requests if doc == seed_page.url or url == seed_page.url]
    assert seed_page.url in ours
    assert all(url.startswith(("file:", "data:")) for url in ours), ours
    assert not [url for _, url in seed_page.requests if url.startswith(("http:", "https:", "ws:", "wss:"))]
    assert seed_page.js("return typeof vis.Network") == "function"


_COUNTS = (
    "return [geokg.nodes.length, geokg.edges.length, geokg.nodesView.length,"
    " geokg.edgesView.length, Object.keys(geokg.network.body.nodes).length]"
)


def test_seed_map_data_sets_match_the_graph(seed_page, seed_build):
    G = _seed_graph(seed_build)
    pairs = {frozenset((s, t)) for s, t in G.edges()}
    # one line per pair of actors by default (issue 18) ...
    counts = seed_page.js(_COUNTS)
    assert counts == [G.number_of_nodes(), G.number_of_edges(), G.number_of_nodes(), len(pairs), G.number_of_nodes()]
    # ... one line per relation on request
    seed_page.js("geokg.setPairs(false)")
    try:
        counts = seed_page.js(_COUNTS)
    finally:
        seed_page.js("geokg.setPairs(true)")
    assert counts[:4] == [G.number_of_nodes(), G.number_of_edges()] * 2
    assert counts[4] == G.number_of_nodes()
    page = seed_page.js("return geokg.edges.get().map(function (e) { return [e.from, e.type, e.to]; })")
    assert sorted(map(tuple, page)) == sorted((s, k, t) for s, t, k in G.edges(keys=True))
    assert sorted(seed_page.js("return geokg.nodes.getIds()")) == sorted(G.nodes)
    assert seed_page.js("return geokg.network.physics.physicsEnabled") is False, "frozen after stabilisation"


def test_relation_filter_click_hides_exactly_its_edges(seed_page):
    drv = seed_page.driver
    from selenium.webdriver.common.by import By

    types = seed_page.js("return geokg.edges.get().map(function (e) { return e.type; })")
    target = max(sorted(set(types)), key=types.count)
    all_ids = set(seed_page.js("return geokg.edges.getIds()"))
    keep = set(
        seed_page.js(
            "return geokg.edges.getIds({filter: function (e) { return e.type !== arguments[0]; }})".replace(
                "arguments[0]", json.dumps(target)
            )
        )
    )
    box = drv.find_element(By.CSS_SELECTOR, f'input[data-filter="relation"][data-value="{target}"]')
    pairs_of = """return geokg.edgesView.get().map(function (p) {
        return [p.from, p.to, p.count, p.members.filter(function (id) { return arguments[0].indexOf(id) >= 0; }).length];
      });"""
    box.click()
    try:
        assert not box.is_selected()
        # one line per pair (the default): the pairs left are those with a relation left, drawn as many as shown
        lines = seed_page.js(pairs_of.replace("arguments[0]", json.dumps(sorted(keep))))
        assert {frozenset(p[:2]) for p in lines} == {
            frozenset(e)
            for e in seed_page.js(
                "return geokg.edges.get(arguments[0]).map(function (e) { return [e.from, e.to]; })", sorted(keep)
            )
        }
        assert all(p[3] > 0 for p in lines)
        seed_page.js("geokg.setPairs(false)")
        shown = set(seed_page.js("return geokg.edgesView.getIds()"))
        drawn = set(seed_page.js("return Object.keys(geokg.network.body.edges)"))
        assert shown == keep and drawn == keep
        assert len(keep) == len(all_ids) - types.count(target)
        assert seed_page.js("return geokg.nodesView.length") == seed_page.js("return geokg.nodes.length")
    finally:
        box.click()
    assert set(seed_page.js("return Object.keys(geokg.network.body.edges)")) == all_ids
    seed_page.js("geokg.setPairs(true)")


def test_actor_filter_hides_actors_and_their_relations(seed_page):
    from selenium.webdriver.common.by import By

    before = seed_page.js(_POSITIONS)
    box = seed_page.driver.find_element(By.CSS_SELECTOR, 'input[data-filter="actor"][data-value="person"]')
    box.click()
    try:
        left = seed_page.js("""
            var people = new Set(geokg.nodes.getIds({filter: function (n) { return n.type === 'person'; }}));
            return [people.size,
                    geokg.nodesView.getIds().filter(function (id) { return people.has(id); }).length,
                    geokg.edgesView.get().filter(function (e) { return people.has(e.from) || people.has(e.to); }).length,
                    Object.keys(geokg.network.body.nodes).filter(function (id) { return people.has(id); }).length];
        """)
        assert left[0] > 0 and left[1:] == [0, 0, 0]
    finally:
        box.click()
    assert seed_page.js(_POSITIONS) == before, "actors come back where they were"


def test_search_focuses_an_actor(seed_page, seed_build):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    G = _seed_graph(seed_build)
    actor = max(G.nodes, key=lambda n: (G.nodes[n].get("mentions", 0), n))
    label = G.nodes[actor]["label"]
    search = seed_page.driver.find_element(By.ID, "search")
    search.clear()
    search.send_keys(label, Keys.ENTER)
    assert seed_page.js("return geokg.network.getSelectedNodes()") == [actor]
    heading = seed_page.driver.find_element(By.CSS_SELECTOR, "#details h3")
    assert heading.is_displayed() and heading.text == label
    search.clear()
    search.send_keys("no such actor zzz", Keys.ENTER)
    assert "No actor matches" in seed_page.driver.find_element(By.ID, "status").text


def test_same_graph_draws_the_same(seed_page, seed_build, tmp_path, open_map):
    copy = tmp_path / "again.html"
    copy.write_bytes((seed_build / "graph.html").read_bytes())
    again = open_map(copy)
    try:
        assert again.js(_POSITIONS) == seed_page.positions
    finally:
        open_map(seed_build / "graph.html")  # leave the seed map open for the other tests


def test_screenshot_of_the_seed_map(seed_page, tmp_path):
    out = tmp_path / "map.png"
    assert seed_page.driver.save_screenshot(str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


# --- hostile article text ------------------------------------------------------


def _rel(source, target, rtype, **kw):
    base = {
        "doc": "news/evil.txt",
        "sentence": "…",
        "sentence_index": 0,
        "source": source,
        "source_label": source,
        "source_type": "country",
        "source_mention": source,
        "type": rtype,
        "target": target,
        "target_label": target,
        "target_type": "country",
        "target_mention": target,
        "predicate": "非難",
        "modality": "asserted",
        "time": None,
        "confidence": 0.8,
    }
    return base | kw


def _hostile_graph() -> nx.MultiDiGraph:
    return graph.build_graph(
        [
            _rel(
                "EVL",
                "RUS",
                "criticism",
                source_label=XSS_IMG,
                target_label="ロシア",
                source_mention=XSS_IMG,
                sentence=f"{XSS_SCRIPT}は{XSS_IMG}を非難した。",
                predicate=XSS_BREAKOUT,
                doc=XSS_BREAKOUT,
            ),
            _rel(
                XSS_SCRIPT,
                "RUS",
                "meeting",
                source_label=XSS_SCRIPT,
                target_label="ロシア",
                source_type="person",
                sentence=XSS_BREAKOUT + " と会談した。",
                predicate="会談",
                time=XSS_IMG,
                modality="hedged",
            ),
            _rel(
                "RUS",
                "UKR",
                "attack",
                target_label="ウクライナ",
                sentence="ロシアがウクライナに侵攻した。",
                predicate="侵攻",
            ),
        ]
    )


@pytest.fixture(scope="module")
def hostile_page(open_map, tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "graph.html"
    graph.render_html(_hostile_graph(), path, title=XSS_SCRIPT)
    return open_map(path)


def _no_script_ran(page) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        page.driver.switch_to.alert.text  # noqa: B018
    state = page.js("""return {
        xss: window.__xss === undefined ? null : window.__xss,
        imgs: document.querySelectorAll('img').length,
        scripts: document.scripts.length,
        handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
        title: document.title};""")
    assert state == {"xss": None, "imgs": 0, "scripts": 3, "handlers": 0, "title": XSS_SCRIPT}


def _point(page, what: str, ident: str) -> tuple[int, int]:
    """Offset from the canvas centre (selenium 4 convention) of a node or an edge midpoint."""
    return tuple(
        page.js(
            """
        var net = geokg.network, c = net.canvas.frame.canvas.getBoundingClientRect(), p;
        if (arguments[0] === 'node') p = net.getPositions([arguments[1]])[arguments[1]];
        else { var e = geokg.edges.get(arguments[1]), q = net.getPositions([e.from, e.to]);
               p = {x: (q[e.from].x + q[e.to].x) / 2, y: (q[e.from].y + q[e.to].y) / 2}; }
        var d = net.canvasToDOM(p);
        return [Math.round(d.x - c.width / 2), Math.round(d.y - c.height / 2)];
    """,
            what,
            ident,
        )
    )


def test_hostile_text_is_shown_as_text_and_never_runs(hostile_page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    page, drv = hostile_page, hostile_page.driver
    canvas = drv.find_element(By.CSS_SELECTOR, "#network canvas")
    tooltip = drv.find_element(By.ID, "tooltip")
    details = drv.find_element(By.ID, "details")

    # hover, then click, the node whose name is an <img onerror> payload
    ActionChains(drv).move_to_element_with_offset(canvas, *_point(page, "node", "EVL")).pause(0.3).perform()
    assert tooltip.is_displayed() and XSS_IMG in tooltip.text
    ActionChains(drv).click().pause(0.2).perform()
    assert details.is_displayed() and XSS_IMG in details.text and XSS_BREAKOUT in details.text

    # hover, then click, the edge whose evidence holds all three payloads
    edge = page.js("return geokg.edges.getIds({filter: function (e) { return e.type === 'criticism'; }})[0]")
    ActionChains(drv).move_to_element_with_offset(canvas, *_point(page, "edge", edge)).pause(0.3).perform()
    assert tooltip.is_displayed() and XSS_SCRIPT in tooltip.text
    ActionChains(drv).click().pause(0.2).perform()
    body = details.text
    assert f"{XSS_SCRIPT}は{XSS_IMG}を非難した。" in body and XSS_BREAKOUT in body

    # every panel the page can show
    texts = page.js("""
        var body = document.getElementById('details-body'), out = [];
        geokg.nodes.getIds().forEach(function (id) { geokg.showNode(id); out.push(body.textContent); });
        geokg.edges.getIds().forEach(function (id) { geokg.showEdge(id); out.push(body.textContent); });
        return out.join('\\n');""")
    for payload in (XSS_SCRIPT, XSS_IMG, XSS_BREAKOUT + " と会談した。", "ウクライナ"):
        assert payload in texts
    assert drv.find_element(By.ID, "title").text == XSS_SCRIPT
    _no_script_ran(page)
    assert page.errors() == []


def test_edges_are_drawn_by_type_and_modality(hostile_page):
    hostile_page.js("geokg.setPairs(false)")  # one line per relation, in the relation's colour
    drawn = hostile_page.js("""
        var out = {};
        geokg.edges.get().forEach(function (e) {
            var o = geokg.network.body.edges[e.id].options;
            out[e.type] = [o.arrows.to.enabled, !!o.dashes, o.color.color];
        });
        return out;""")
    from graph import style

    assert drawn["attack"] == [True, False, style.RELATION_STYLE["attack"].color]
    assert drawn["meeting"] == [False, True, style.RELATION_STYLE["meeting"].color]  # symmetric, hedged
    shapes = hostile_page.js(
        "return geokg.nodes.get().map(function (n) { return [n.id, geokg.network.body.nodes[n.id].options.shape]; })"
    )
    assert dict(shapes)[XSS_SCRIPT] == style.ACTOR_STYLE["person"].shape
    assert dict(shapes)["RUS"] == style.ACTOR_STYLE["country"].shape
