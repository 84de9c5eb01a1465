"""Issue 13, item 2: one actor id must not blank the map.

An id that names a JavaScript object property (``constructor``, ``__proto__``, ``toString`` …) used to end in
"Maximum call stack size exceeded" and an empty canvas: vis-network keeps its nodes in plain objects. The page
now gives such ids a prefix for vis-network (the panel still shows the actor's id) and keys all its own
lookups by Map / Set. A foreign graph.json whose ids read alike (``5`` and ``"5"``) draws both, or is refused
with a message when even their Python forms clash.
"""

from __future__ import annotations

import itertools
import json

import networkx as nx
import pytest

import graph
from extract.cli import main
from extract.types import Document
from graph import render

ARTICLE = (
    "ロシアのConstructor大統領が北朝鮮を訪問し、金正恩総書記と会談した。"
    "Constructor大統領は北朝鮮への制裁を非難した。"
    "韓国は両国の接近に懸念を示した。"
)

# What the page must survive; the browser test adds every name Chromium lists on Object.prototype.
PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "__defineGetter__"]


def _rel(source, target, rtype="criticism", **kw):
    base = {
        "doc": "hostile/ids.txt",
        "sentence": f"{source}は{target}を非難した。",
        "sentence_index": 0,
        "source": source,
        "source_label": source,
        "source_type": "person",
        "source_mention": source,
        "type": rtype,
        "target": target,
        "target_label": "ロシア" if target == "RUS" else target,
        "target_type": "country" if target == "RUS" else "person",
        "target_mention": target,
        "predicate": "非難",
        "modality": "asserted",
        "time": None,
        "confidence": 0.7,
    }
    return base | kw


def _prototype_graph(names):
    rels = [_rel(n, "RUS") for n in names]
    rels += [_rel(a, b, "meeting", predicate="会談") for a, b in itertools.pairwise(names)]
    return graph.build_graph(rels)


def _ids_that_read_alike() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node(5, label="五番", type="country")
    G.add_node("5", label="文字の五", type="person")
    G.add_node("RUS", label="ロシア", type="country")
    G.add_edge(5, "RUS", key="support", type="support", count=1)
    G.add_edge("5", "RUS", key="criticism", type="criticism", count=1)
    G.add_edge("5", 5, key="meeting", type="meeting", symmetric=True, count=1)
    return G


def test_ids_that_are_object_properties_get_a_prefix_on_the_page_only():
    data = render.map_data(_prototype_graph(PROTOTYPE_NAMES))
    page_ids = {n["id"] for n in data["nodes"]}
    assert page_ids == {"RUS"} | {"geokg:" + n for n in PROTOTYPE_NAMES}
    shown = {n["actor"] for n in data["nodes"] if "actor" in n}
    assert shown == set(PROTOTYPE_NAMES), "the panel shows the actor's own id"
    assert {e["from"] for e in data["edges"]} <= page_ids and {e["to"] for e in data["edges"]} <= page_ids
    # the prefix is one-to-one: an id that already starts with it gets another
    H = graph.build_graph([_rel("geokg:constructor", "RUS"), _rel("constructor", "RUS")])
    assert sorted(n["id"] for n in render.map_data(H)["nodes"]) == [
        "RUS",
        "geokg:constructor",
        "geokg:geokg:constructor",
    ]
    # to_pyvis keeps the actor's ids: only the page needs the prefix
    assert {n["id"] for n in graph.to_pyvis(H).nodes} == {"RUS", "constructor", "geokg:constructor"}


def test_ids_that_read_alike_stay_apart():
    data = render.map_data(_ids_that_read_alike())
    ids = [n["id"] for n in data["nodes"]]
    assert sorted(ids) == ["'5'", "5", "RUS"]
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert (names["5"], names["'5'"]) == ("五番", "文字の五")
    edges = {(e["from"], e["type"], e["to"]) for e in data["edges"]}
    assert edges == {("5", "support", "RUS"), ("'5'", "criticism", "RUS"), ("'5'", "meeting", "5")}


def test_ids_that_cannot_be_told_apart_are_refused_with_a_message():
    G = _ids_that_read_alike()
    G.add_node("'5'", label="引用符の五", type="person")
    with pytest.raises(ValueError, match=r"actor ids .* cannot be told apart on the map"):
        render.map_data(G)


def test_geokg_render_refuses_such_a_graph_json_with_a_message(tmp_path, capsys):
    G = _ids_that_read_alike()
    G.add_node("'5'", label="引用符の五", type="person")
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(nx.node_link_data(G, edges="edges")), encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "map.html")]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "cannot be told apart" in err and "Traceback" not in err
    assert not (tmp_path / "map.html").exists()


# --- in Chromium ------------------------------------------------------------------------------------


def _canvas_inked(page) -> int:
    """Pixels of the network canvas that are not background: 0 for a blank map."""
    return page.js("""
        var c = geokg.network.canvas.frame.canvas, ctx = c.getContext('2d');
        var px = ctx.getImageData(0, 0, c.width, c.height).data, n = 0;
        for (var i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200)) n++;
        return n;""")


@pytest.mark.browser
@pytest.mark.model
def test_an_article_naming_constructor_draws(extractor, open_map, tmp_path):
    result = extractor.extract(Document(path="hostile/constructor.txt", text=ARTICLE))
    assert "constructor" in {a.id for a in result.actors}, "the extractor makes the id this test is about"
    G = graph.build_graph(result.relations, result.actors)
    path = tmp_path / "graph.html"
    graph.render_html(G, path)
    page = open_map(path)
    assert page.errors() == []
    assert page.js("return geokg.nodes.length") == G.number_of_nodes()
    assert page.js("return Object.keys(geokg.network.body.nodes).length") == G.number_of_nodes()
    assert _canvas_inked(page) > 2000
    page.js("geokg.showNode(geokg.findActor('Constructor'))")
    text = page.js("return document.getElementById('details').innerText")
    assert "Constructor" in text and "constructor" in text  # name and id
    assert page.errors() == []


@pytest.mark.browser
def test_every_object_prototype_name_as_an_actor_id_draws(open_map, browser, tmp_path):
    browser.get("about:blank")
    names = browser.execute_script("return Object.getOwnPropertyNames(Object.prototype)")
    assert {"constructor", "__proto__", "toString"} <= set(names)
    G = _prototype_graph(sorted(names))
    path = tmp_path / "graph.html"
    graph.render_html(G, path)
    page = open_map(path)
    assert page.errors() == []
    assert page.js("return Object.keys(geokg.network.body.nodes).length") == G.number_of_nodes()
    assert _canvas_inked(page) > 2000
    # each can be found, opened and filtered
    shown = page.js(
        """
        return arguments[0].map(function (name) {
          var id = geokg.findActor(name); geokg.showNode(id);
          return [id, document.querySelector('#details dd').textContent];
        });""",
        sorted(names),
    )
    assert [dd for _, dd in shown] == sorted(names)
    page.js('document.querySelector(\'input[data-filter="actor"][data-value="person"]\').click()')
    assert page.js("return geokg.nodesView.length") == 1
    page.js('document.querySelector(\'input[data-filter="actor"][data-value="person"]\').click()')
    assert page.js("return geokg.nodesView.length") == G.number_of_nodes()
    assert page.errors() == []


@pytest.mark.browser
def test_a_foreign_graph_json_with_ids_5_and_string_5_draws_both(open_map, tmp_path, capsys):
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(nx.node_link_data(_ids_that_read_alike(), edges="edges")), encoding="utf-8")
    html = tmp_path / "map.html"
    assert main(["render", str(path), "-o", str(html)]) == 0
    assert f"wrote {html}" in capsys.readouterr().out
    page = open_map(html)
    assert page.errors() == []
    assert sorted(page.js("return Object.keys(geokg.network.body.nodes)")) == ["'5'", "5", "RUS"]
    assert page.js("return geokg.edges.length") == 3
    page.js("geokg.showNode(\"'5'\")")
    assert page.js("return document.querySelector('#details h3').textContent") == "文字の五"
    assert _canvas_inked(page) > 1000
