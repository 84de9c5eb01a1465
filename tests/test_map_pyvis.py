"""graph.to_pyvis and the page written from a pyvis Network, without a browser (issue 12)."""

from __future__ import annotations

import copy
import json
import math
import re

import networkx as nx
import pytest
from pyvis.network import Network

import graph
from extract.normalize import loose_romaji
from graph import render, style


def _rel(source, target, rtype, *, sentence, **kw):
    base = {
        "doc": "europe/a.txt",
        "sentence": sentence,
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
        "predicate": "協力",
        "modality": "asserted",
        "time": None,
        "confidence": 0.8,
    }
    return base | kw


FR = {"source_label": "フランス", "source_mention": "フランス"}
DE = {"target_label": "ドイツ", "target_mention": "ドイツ"}


def _relations():
    return [
        _rel(
            "FRA",
            "DEU",
            "treaty",
            sentence="フランスとドイツは2019年に新条約に署名した。",
            predicate="署名",
            time="2019",
            **FR,
            **DE,
        ),
        _rel(
            "FRA",
            "DEU",
            "treaty",
            sentence="仏独は1963年の条約を確認した。",
            predicate="条約",
            time="1963",
            sentence_index=2,
            **FR,
            **DE,
        ),
        _rel(
            "FRA",
            "DEU",
            "treaty",
            sentence="両国は条約の精神を強調した。",
            predicate="条約",
            sentence_index=5,
            **FR,
            **DE,
        ),
        _rel(
            "FRA",
            "DEU",
            "cooperation",
            sentence="独仏は防衛分野で協力する。",
            source_label="フランス",
            target_label="ドイツ",
            source_mention="独仏",
            target_mention="独仏",
        ),
        _rel("FRA", "DEU", "meeting", sentence="仏独首脳が会談した。", predicate="会談", **FR, **DE),
        _rel("FRA", "DEU", "support", sentence="フランスはドイツを支援した。", predicate="支援", **FR, **DE),
        _rel(
            "DEU",
            "FRA",
            "support",
            sentence="ドイツはフランスを支援した。",
            predicate="支援",
            source_label="ドイツ",
            target_label="フランス",
            modality="hedged",
        ),
        _rel(
            "DEU",
            "FRA",
            "criticism",
            sentence="ドイツはフランスの財政を批判した。",
            predicate="批判",
            source_label="ドイツ",
            target_label="フランス",
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
            target_label="フランス",
        ),
    ]


def _actors():
    return [{"id": "LUX", "type": "country", "name": "ルクセンブルク", "aliases": ["ルクセンブルク"], "mentions": 1}]


@pytest.fixture
def G():
    return graph.build_graph(_relations(), _actors())


def _snapshot(G):
    return copy.deepcopy((dict(G.nodes(data=True)), list(G.edges(keys=True, data=True)), G.graph))


def _data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="geokg-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def test_to_pyvis_is_a_directed_styled_network_and_leaves_the_graph_alone(G):
    before = _snapshot(G)
    net = graph.to_pyvis(G, title="欧州")
    assert _snapshot(G) == before, "G is not touched (pyvis's from_nx would add size and replace weight)"
    assert isinstance(net, Network) and net.directed and net.heading == "欧州"
    assert [n["id"] for n in net.nodes] == sorted(G.nodes)
    # every relation is an edge: parallel edges and both directions are kept
    assert sorted((e["from"], e["type"], e["to"]) for e in net.edges) == sorted(
        (s, k, t) for s, t, k in G.edges(keys=True)
    )
    assert len(net.edges) == G.number_of_edges() == 7
    fra = net.get_node("FRA")
    st = style.ACTOR_STYLE["country"]
    assert (fra["shape"], fra["color"]["background"], fra["color"]["border"]) == (st.shape, st.color, st.border)
    assert net.get_node("macron")["shape"] == style.ACTOR_STYLE["person"].shape
    assert "title" not in fra, "no HTML tooltips"
    edges = {(e["from"], e["type"], e["to"]): e for e in net.edges}
    treaty = edges["DEU", "treaty", "FRA"]  # symmetric: stored once, endpoints sorted
    assert treaty["arrows"] == "" and edges["FRA", "support", "DEU"]["arrows"] == "to"
    assert treaty["color"]["color"] == style.RELATION_STYLE["treaty"].color
    assert treaty["evidence"][0]["sentence"] == "フランスとドイツは2019年に新条約に署名した。"
    hedged = next(e for e in net.edges if e["from"] == "DEU" and e["type"] == "support")
    assert hedged["dashes"] == list(style.MODALITY_DASHES["hedged"])
    opts = json.loads(net.options.to_json())
    assert opts["physics"]["solver"] == "forceAtlas2Based" and opts["layout"]["randomSeed"] == 7


def test_the_page_from_the_graph_and_from_its_network_are_byte_identical(G, tmp_path):
    graph.render_html(G, tmp_path / "g.html", title="欧州")
    graph.render_html(graph.to_pyvis(G, title="欧州"), tmp_path / "n.html")
    graph.render_html(graph.to_pyvis(G), tmp_path / "t.html", title="欧州")
    a = (tmp_path / "g.html").read_bytes()
    assert a == (tmp_path / "n.html").read_bytes() == (tmp_path / "t.html").read_bytes()
    again = graph.build_graph(list(reversed(_relations())), _actors())
    assert render.to_html(again, title="欧州").encode("utf-8") == a, "same input, same bytes"


def test_geokg_never_uses_pyvis_writers_and_writes_no_lib_folder(G, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("pyvis's own writer was called")

    for name in ("show", "write_html", "generate_html", "save_graph", "prep_notebook", "from_nx"):
        monkeypatch.setattr(Network, name, refuse)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    out = tmp_path / "out"
    graph.render_html(G, out / "a.html")
    net = graph.to_pyvis(G)
    net.toggle_physics(False)
    graph.render_html(net, out / "b.html")
    graph.notebook_map(net)._repr_html_()
    assert list(cwd.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "b.html"]
    assert not [p for p in tmp_path.rglob("lib")], "no lib/ anywhere"
    html = (out / "b.html").read_text(encoding="utf-8")
    assert "bootstrap" not in html.lower() and "<link" not in html


def test_a_network_changed_the_pyvis_way_is_drawn_as_changed(G):
    net = graph.to_pyvis(G)
    net.toggle_physics(False)
    net.add_node("memo", label="メモ", title='<img src=x onerror="alert(1)">覚え書き', color="#ff0000")
    net.add_node(5, label="五")  # pyvis allows int ids
    net.add_edge("memo", "FRA")
    net.add_edge(5, "memo", title="<b>注</b>")
    data = render.map_data(net)
    assert data["options"]["physics"]["enabled"] is False
    memo = next(n for n in data["nodes"] if n["id"] == "memo")
    assert memo["color"] == "#ff0000" and memo["shape"] == "dot" and memo["type"] == "other"
    assert memo["note"] == '<img src=x onerror="alert(1)">覚え書き' and "title" not in memo
    assert memo["degree"] == 2 and "メモ" in memo["keys"]
    five = next(n for n in data["nodes"] if n["name"] == "五")
    assert five["id"] == "5" and five["label"] == "五"
    added = data["edges"][-2:]
    assert [(e["from"], e["to"], e["arrows"], e["type"]) for e in added] == [
        ("memo", "FRA", "to", "other"),
        ("5", "memo", "to", "other"),
    ]
    assert added[1]["note"] == "<b>注</b>" and all("title" not in e for e in data["edges"])
    assert [e["id"] for e in data["edges"]] == [f"e{i}" for i in range(len(net.edges))]
    assert {"value": "other", "count": 2} == {
        k: v for k, v in data["legend"]["relations"][-1].items() if k in ("value", "count")
    }

    net.set_options(json.dumps({"physics": {"enabled": True, "stabilization": {"enabled": False}}}))
    assert render.map_data(net)["options"] == {"physics": {"enabled": True, "stabilization": {"enabled": False}}}
    html = render.to_html(net, title="<script>alert(1)</script>")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html
    assert 'onerror="alert(1)"' not in html, "pyvis titles travel as escaped JSON data"


def test_the_page_takes_any_json_value_a_pyvis_user_adds():
    np = pytest.importorskip("numpy")
    net = Network(directed=True)
    net.add_node("a", size=np.int64(12), value=np.float32(2.5), tags={"z", "y"}, weird=float("nan"), huge=10**30)
    net.add_node("b", x=np.float64(3.0))
    net.add_edge("a", "b", width=np.int32(3))
    data = render.map_data(net)
    a = data["nodes"][0]
    assert (a["size"], a["value"], a["tags"], a["weird"]) == (12, 2.5, ["y", "z"], None)
    assert isinstance(a["huge"], str)
    assert data["edges"][0]["width"] == 3
    render.to_html(net)  # JSON without NaN, every value plain


def test_anything_else_is_refused_with_a_message():
    with pytest.raises(TypeError, match="networkx graph or a pyvis Network, not dict"):
        render.to_html({"nodes": []})


def test_other_networkx_graphs_are_drawn_from_a_copy():
    D = nx.DiGraph()
    D.add_edge("FRA", "DEU", type="support")
    before = copy.deepcopy(list(D.edges(data=True)))
    data = render.map_data(D)
    assert [(e["from"], e["type"], e["to"]) for e in data["edges"]] == [("FRA", "support", "DEU")]
    assert list(D.edges(data=True)) == before
    U = nx.MultiGraph()
    U.add_edge("ITA", "ESP", key="meeting", type="meeting", symmetric=True)
    U.add_edge("ITA", "ESP", key="treaty", type="treaty", symmetric=True)
    U.add_node("LUX", label="ルクセンブルク")
    data = render.map_data(U)
    assert sorted(e["type"] for e in data["edges"]) == ["meeting", "treaty"], "an undirected edge is drawn once"
    assert [n["name"] for n in data["nodes"]] == ["ESP", "ITA", "ルクセンブルク"]


@pytest.mark.parametrize(
    ("node", "attrs", "expected", "absent"),
    [
        (
            "macron",
            {"label": "マクロン", "aliases": ["マクロン大統領"]},
            {"macron", "マクロン", "マクロン大統領", "~nkrn"},
            set(),
        ),
        # readings in brackets and titles come off, as graph.KnowledgeGraph.resolve takes them off
        (
            "金正恩",
            {"label": "金正恩", "aliases": ["金正恩(キム・ジョンウン)総書記"]},
            {"金正恩", "金正恩(キム・ジョンウン)総書記"},
            set(),
        ),
        # NFKC and case: one key for ＦＲＡ, FRA and fra; no romanisation for a one-consonant name
        ("FRA", {"label": "ﾌﾗﾝｽ", "aliases": ["ＦＲＡ"]}, {"fra", "フランス", "~hrns"}, {"ＦＲＡ", "FRA"}),
        # GraphML leaves lists joined with " | "
        ("DEU", {"label": "ドイツ", "aliases": "ドイツ | 独"}, {"deu", "ドイツ", "独"}, set()),
    ],
)
def test_search_keys_are_what_the_page_matches(node, attrs, expected, absent):
    keys = render.search_keys(node, attrs)
    assert expected <= set(keys) and not absent & set(keys)
    assert keys == sorted(set(keys))
    assert all(k == render.query_key(k) or k.startswith("~") for k in keys)
    assert ("~" + loose_romaji("Macron") in keys) is (node == "macron")


def test_query_key_normalises_width_case_and_space():
    assert render.query_key("  Ｍａｃｒｏｎ\u3000大統領\t") == "macron大統領"
    assert render.query_key("ﾏｸﾛﾝ") == render.query_key("マクロン")
    assert render.query_key("") == ""


def test_an_edge_shows_the_span_of_its_evidence(G):
    edges = {(e["from"], e["type"], e["to"]): e for e in render.map_data(G)["edges"]}
    assert edges["DEU", "treaty", "FRA"]["when"] == "1963 – 2019 · 1 undated"
    assert edges["DEU", "meeting", "FRA"]["when"] == ""  # nothing dated: the panel says "undated"
    H = graph.build_graph([_rel("FRA", "DEU", "support", sentence="支援した。", time="2024-06")])
    assert render.map_data(H)["edges"][0]["when"] == "2024-06"


def test_a_mention_that_names_several_actors_is_flagged(G):
    edges = {(e["from"], e["type"], e["to"]): e for e in render.map_data(G)["edges"]}
    ev = edges["DEU", "cooperation", "FRA"]["evidence"][0]
    assert (ev["source_mention"], ev["target_mention"]) == ("独仏", "独仏")
    assert ev.get("source_compound") is ev.get("target_compound") is True
    plain = edges["macron", "leader_of", "FRA"]["evidence"][0]
    assert plain["source_mention"] == "マクロン大統領" and "source_compound" not in plain


def _geometry(e):
    """(side, roundness) of an edge's curve as seen from the sorted pair: equal means drawn on top."""
    smooth = e.get("smooth")
    if not smooth:
        return ("straight", 0.0)
    clockwise = smooth["type"] == "curvedCW"
    if e["from"] > e["to"]:
        clockwise = not clockwise
    return ("cw" if clockwise else "ccw", smooth["roundness"])


def test_parallel_edges_each_get_their_own_curve(G):
    between = [e for e in render.map_data(G)["edges"] if {e["from"], e["to"]} == {"FRA", "DEU"}]
    assert len(between) == 6  # treaty, cooperation, meeting, support both ways, criticism
    shapes = [_geometry(e) for e in between]
    assert len(set(shapes)) == 6, shapes
    assert shapes.count(("straight", 0.0)) == 1
    assert all(0 < r <= 0.6 for side, r in shapes if side != "straight")


def test_isolated_actors_are_counted_for_the_toggle(G):
    data = render.map_data(G)
    lux = next(n for n in data["nodes"] if n["id"] == "LUX")
    assert lux["degree"] == 0 and data["legend"]["isolated"] == 1
    assert all(n["degree"] > 0 for n in data["nodes"] if n["id"] != "LUX")


def test_node_sizes_and_widths_follow_the_style(G):
    data = render.map_data(G)
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    assert style.MIN_NODE_SIZE <= sizes["LUX"] <= sizes["macron"] < sizes["FRA"] == style.MAX_NODE_SIZE
    treaty = next(e for e in data["edges"] if e["type"] == "treaty")
    assert treaty["width"] == style.edge_width(3) and not math.isclose(treaty["width"], style.edge_width(1))


def test_notebook_map_is_the_whole_page_in_a_sandboxed_iframe(G):
    view = graph.notebook_map(G, title="<b>欧州</b>", height=480)
    frame = view._repr_html_()
    assert frame.startswith('<iframe sandbox="allow-scripts" ') and "height:480px" in frame
    assert frame.count("<script") == 0, "the page is escaped into srcdoc"
    assert "&lt;script" in frame and view.html == render.to_html(G, title="<b>欧州</b>")


def test_the_inlined_vis_network_is_the_one_pyvis_ships():
    """The page draws pyvis's Networks with pyvis's own vis-network build (inlined, never loaded from lib/)."""
    from importlib import resources

    import pyvis

    ours = resources.files("graph").joinpath("static", "vis-network.min.js").read_bytes()
    lib = resources.files(pyvis).joinpath("templates", "lib", f"vis-{render.VIS_NETWORK_VERSION}")
    assert lib.joinpath("vis-network.min.js").read_bytes() == ours


def test_the_page_and_the_canvas_labels_use_one_font_stack():
    from importlib import resources

    css = resources.files("graph").joinpath("static", "map.css").read_text(encoding="utf-8")
    declared = re.search(r"--font:\s*([^;]+);", css)
    assert declared
    assert " ".join(declared.group(1).split()) == " ".join(style.FONT_STACK.split())
    assert render.map_data(nx.MultiDiGraph())["options"]["nodes"]["font"]["face"] == style.FONT_STACK


def test_import_graph_does_not_load_pyvis():
    """pyvis (and the IPython it imports) load only when a map is drawn."""
    import subprocess
    import sys

    code = "import graph, sys; print(sorted(m for m in ('pyvis', 'IPython', 'spacy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
