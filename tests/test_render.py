"""graph.render without a browser: self-contained, deterministic, escaped, G untouched."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from html.parser import HTMLParser
from importlib import resources

import networkx as nx
import pytest

import graph
from extract.types import ActorType, Modality, RelationType
from graph import render, style

XSS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"></script><script>alert(2)</script>',
    "</SCRIPT ><!-- \u2028\u2029 & &amp;",
)


def _rel(
    source,
    target,
    rtype="sanction",
    *,
    sentence="米国がイランに制裁を科した。",
    modality="asserted",
    source_label=None,
    target_label=None,
    stype="country",
    ttype="country",
    doc="a.txt",
    predicate="制裁",
    time=None,
    index=0,
):
    return {
        "doc": doc,
        "sentence": sentence,
        "sentence_index": index,
        "source": source,
        "source_label": source_label or source,
        "source_type": stype,
        "source_mention": source_label or source,
        "type": rtype,
        "target": target,
        "target_label": target_label or target,
        "target_type": ttype,
        "target_mention": target_label or target,
        "predicate": predicate,
        "modality": modality,
        "time": time,
        "confidence": 0.9,
    }


def _relations():
    return [
        _rel("USA", "IRN", source_label="米国", target_label="イラン"),
        _rel("RUS", "PRK", "treaty", source_label="ロシア", target_label="北朝鮮", predicate="締結", time="2024-06-19"),
        _rel(
            "PRK", "RUS", "support", source_label="北朝鮮", target_label="ロシア", predicate="供与", modality="hedged"
        ),
        _rel("RUS", "PRK", "support", source_label="ロシア", target_label="北朝鮮", predicate="支援", index=3),
        _rel(
            "putin",
            "RUS",
            "leader_of",
            source_label="プーチン",
            target_label="ロシア",
            stype="person",
            predicate="大統領",
        ),
        _rel(
            "KOR",
            "RUS",
            "criticism",
            source_label="韓国",
            target_label="ロシア",
            predicate="懸念",
            modality="negated",
            doc="b.txt",
        ),
    ]


def _hostile_relations():
    return [
        _rel(
            "evil",
            "RUS",
            "criticism",
            sentence=XSS[0] + "と" + XSS[1] + "を非難した。",
            source_label=XSS[1],
            target_label="ロシア",
            stype="organization",
            predicate=XSS[2],
            doc=XSS[2],
        ),
        _rel(
            XSS[1],
            "RUS",
            "meeting",
            sentence=XSS[2] + XSS[3],
            source_label=XSS[0],
            target_label="ロシア",
            predicate="会談",
            time=XSS[0],
        ),
    ]


@pytest.fixture
def G():
    return graph.build_graph(_relations())


def _data_json(html: str) -> str:
    m = re.search(r'<script type="application/json" id="geokg-data">(.*?)</script>', html, re.S)
    assert m, "the data island is there"
    return m.group(1)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def test_render_writes_only_the_target_file(G, tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    out = tmp_path / "out" / "map.html"
    graph.render_html(G, out)
    assert list(cwd.iterdir()) == [], "nothing (no lib/) in the working directory"
    assert [p.name for p in out.parent.iterdir()] == ["map.html"]
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_render_does_not_modify_the_graph(G, tmp_path):
    before = (
        copy.deepcopy(dict(G.nodes(data=True))),
        copy.deepcopy(list(G.edges(keys=True, data=True))),
        copy.deepcopy(G.graph),
    )
    graph.render_html(G, tmp_path / "m.html")
    after = (dict(G.nodes(data=True)), list(G.edges(keys=True, data=True)), G.graph)
    assert after == before


def test_render_is_deterministic(tmp_path):
    a = render.to_html(graph.build_graph(_relations()), title="t")
    b = render.to_html(graph.build_graph(list(reversed(_relations()))), title="t")
    assert a == b
    graph.render_html(graph.build_graph(_relations()), tmp_path / "1.html", title="t")
    graph.render_html(graph.build_graph(_relations()), tmp_path / "2.html", title="t")
    assert (tmp_path / "1.html").read_bytes() == (tmp_path / "2.html").read_bytes() == a.encode("utf-8")


def test_render_is_self_contained(G):
    html = render.to_html(G)
    p = _Tags()
    p.feed(html)
    names = [t for t, _ in p.tags]
    assert "link" not in names and "iframe" not in names and "img" not in names
    for tag, attrs in p.tags:
        assert not {"src", "href", "srcset", "action", "data", "poster"} & set(attrs), (tag, attrs)
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(styles) == 2
    for css in styles:
        assert "@import" not in css
        assert all(u.strip("'\"").startswith("data:") for u in re.findall(r"url\(([^)]*)\)", css))
    # apart from the vendored library (licence header) and the SVG namespace name, no URL at all
    vis = render._static_text("vis-network.min.js", script=True)
    assert html.count(vis) == 1
    rest = html.replace(vis, "").replace('"http://www.w3.org/2000/svg"', "")
    assert not re.search(r"(https?|wss?|ftp):|//[a-z0-9.-]+\.[a-z]{2,}/", rest, re.I)


def test_content_security_policy_allows_only_the_inlined_scripts(G):
    html = render.to_html(G)
    p = _Tags()
    p.feed(html)
    csp = next(a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "'unsafe-inline'" not in csp.split(";")[1]
    executable = [
        s
        for (t, a), s in zip([x for x in p.tags if x[0] == "script"], p.scripts, strict=True)
        if a.get("type") != "application/json"
    ]
    assert len(executable) == 2
    for script in executable:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_article_text_cannot_break_out_of_the_data(tmp_path):
    G = graph.build_graph(_hostile_relations())
    html = render.to_html(G, title=XSS[0])
    raw = _data_json(html)
    assert "<" not in raw and ">" not in raw and "&" not in raw and "\u2028" not in raw and "\u2029" not in raw
    data = json.loads(raw)
    sentences = {ev["sentence"] for e in data["edges"] for ev in e["evidence"]}
    assert sentences == {r["sentence"] for r in _hostile_relations()}
    assert {n["name"] for n in data["nodes"]} >= {XSS[0], XSS[1]}
    p = _Tags()
    p.feed(html)
    assert [t for t, _ in p.tags].count("script") == 3 and html.lower().count("</script") == 3
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html
    assert "<img" not in html


def test_page_script_never_builds_markup_from_strings():
    static = resources.files("graph").joinpath("static")
    js = "\n".join(static.joinpath(name).read_text(encoding="utf-8") for name in render.APP_SCRIPTS)
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setAttribute("on',
        ".title =",
    ):
        assert sink not in js, sink


def test_japanese_labels_are_written_as_text(G):
    html = render.to_html(G)
    assert "ロシア" in html and "北朝鮮" in html  # not \\u30ed… escapes
    assert "\\u30ed" not in html


def test_map_data_matches_the_graph(G):
    data = render.map_data(G)
    assert [n["id"] for n in data["nodes"]] == sorted(G.nodes)
    assert len(data["edges"]) == G.number_of_edges()
    assert [e["id"] for e in data["edges"]] == [f"e{i}" for i in range(G.number_of_edges())]
    triples = [(e["from"], e["type"], e["to"]) for e in data["edges"]]
    assert sorted(triples) == sorted((s, k, t) for s, t, k in G.edges(keys=True))
    rus = next(n for n in data["nodes"] if n["id"] == "RUS")
    assert rus["type"] == "country" and rus["degree"] == G.degree("RUS") and "ロシア" in rus["aliases"]
    treaty = next(e for e in data["edges"] if e["type"] == "treaty")
    assert treaty["symmetric"] is True and treaty["first_time"] == "2024-06-19"
    assert treaty["evidence"][0]["predicate"] == "締結"
    assert {m["value"] for m in data["legend"]["modalities"]} == {"asserted", "hedged", "negated"}
    assert [r["value"] for r in data["legend"]["relations"]] == [
        "treaty",
        "support",
        "criticism",
        "sanction",
        "leader_of",
    ]


def test_parallel_edges_bend_apart(G):
    data = render.map_data(G)
    between = [e for e in data["edges"] if {e["from"], e["to"]} == {"PRK", "RUS"}]
    assert len(between) == 3  # treaty, support both ways
    curves = [(e.get("smooth") or {}).get("type") for e in between]
    assert curves.count(None) == 1, "one straight"
    assert len({(e["from"], c) for e, c in zip(between, curves, strict=True) if c}) == 2


def test_style_covers_the_ontology():
    assert set(style.ACTOR_STYLE) == {a.value for a in ActorType}
    assert len({s.shape for s in style.ACTOR_STYLE.values()}) == len(ActorType)
    assert set(style.RELATION_STYLE) == {r.value for r in RelationType}
    assert len({s.color for s in style.RELATION_STYLE.values()}) == len(RelationType)
    for r in RelationType:
        assert style.RELATION_STYLE[r.value].arrows is not r.symmetric
    assert set(style.MODALITY_DASHES) == {m.value for m in Modality}
    assert style.MODALITY_DASHES["asserted"] is False
    dashed = [style.MODALITY_DASHES[m] for m in ("hedged", "negated", "hypothetical")]
    assert all(dashed) and len(set(dashed)) == 3
    assert "Noto Sans CJK JP" in style.FONT_STACK and "Hiragino" in style.FONT_STACK


@pytest.mark.parametrize(("nodes", "edges", "improved", "max_iter"), [(30, 40, True, 600), (2000, 10000, False, 150)])
def test_layout_is_seeded_and_bounded(nodes, edges, improved, max_iter):
    opts = style.vis_options(nodes, edges)
    assert opts["layout"]["randomSeed"] == 7
    assert opts["layout"]["improvedLayout"] is improved
    assert 0 < opts["physics"]["stabilization"]["iterations"] <= max_iter
    assert opts["interaction"]["hideEdgesOnDrag"] is not improved


def test_empty_and_flattened_graphs_render():
    assert '"nodes":[]' in render.to_html(nx.MultiDiGraph())
    # attributes as GraphML leaves them: lists joined with " | ", evidence as text
    H = nx.MultiDiGraph()
    H.add_node("RUS", label="ロシア", type="country", aliases="ロシア | ロ | 露", mentions="3")
    H.add_node("PRK", label="北朝鮮", type="country")
    H.add_edge(
        "PRK",
        "RUS",
        key="treaty",
        type="treaty",
        symmetric=True,
        evidence="[a.txt#0] 条約を締結した。",
        predicates="締結",
        count=1,
        confidence=float("nan"),
    )
    data = json.loads(_data_json(render.to_html(H)))
    assert data["nodes"][1]["aliases"] == ["ロシア", "ロ", "露"] and data["nodes"][1]["mentions"] == 3
    assert data["edges"][0]["evidence"][0]["sentence"] == "[a.txt#0] 条約を締結した。"
    assert data["edges"][0]["confidence"] is None


def test_vendored_vis_network_is_recorded():
    static = resources.files("graph").joinpath("static")
    head = static.joinpath("vis-network.min.js").read_text(encoding="utf-8")[:600]
    assert f"@version {render.VIS_NETWORK_VERSION}" in head
    notice = static.joinpath("NOTICE").read_text(encoding="utf-8")
    assert render.VIS_NETWORK_VERSION in notice and "MIT License" in notice and "Apache" in notice
    assert render.VIS_NETWORK_VERSION in render.to_html(nx.MultiDiGraph())
