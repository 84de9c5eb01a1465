"""Building and merging graphs, and the round trips graph.json and GraphML promise.

Property tests draw relations over a few actors (Japanese names, XML
metacharacters in ids and labels) and check that:
- merging is order-independent (all at once == one document after another);
- adding a document again replaces it instead of counting it twice;
- graph.json → read gives an identical graph, byte-identical on rewrite;
- GraphML → read gives the same nodes, edges and attributes (evidence as text).
"""

from __future__ import annotations

import io
import random

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from extract.types import Actor, ActorType, DocumentResult, Modality, Relation, RelationType, Role
from graph.model import canonical
from graph.readwrite import evidence_text, flat_attrs, node_link

# id, label, type
ACTORS = [
    ("RUS", "ロシア", ActorType.COUNTRY),
    ("PRK", "北朝鮮", ActorType.COUNTRY),
    ("putin", "プーチン", ActorType.PERSON),
    ("unsc", "国連安全保障理事会", ActorType.ORGANIZATION),
    ("a&b<c>", 'A & "B" <C>', ActorType.REGION),
]
TIMES = [None, "1961", "2000", "2024-06", "2024-06-19", "2024-02-30", "昨年"]
# Real text: no control characters; "|" is kept out of list items (GraphML joins lists with " | ").
TEXT = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="|\u2028\u2029\x85")
WORD = st.text(TEXT, min_size=1, max_size=12).filter(lambda s: s.strip() == s and s.strip())
SENTENCE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), min_size=1, max_size=60)


@st.composite
def relations(draw, max_size=12):
    out = []
    for _ in range(draw(st.integers(1, max_size))):
        s, t = draw(st.sampled_from(ACTORS)), draw(st.sampled_from(ACTORS))
        out.append(
            Relation(
                doc=draw(st.sampled_from(["seeds/a.txt", "seeds/b.txt", "新聞/c.txt"])),
                sentence=draw(SENTENCE),
                sentence_index=draw(st.integers(0, 5)),
                source=s[0],
                source_label=s[1],
                source_type=s[2],
                source_mention=draw(WORD),
                type=draw(st.sampled_from(list(RelationType))),
                target=t[0],
                target_label=t[1],
                target_type=t[2],
                target_mention=draw(WORD),
                predicate=draw(WORD),
                modality=draw(st.sampled_from(list(Modality))),
                time=draw(st.sampled_from(TIMES)),
                confidence=draw(st.floats(0, 1, allow_nan=False)),
            )
        )
    return out


def _results(rels: list[Relation]) -> list[DocumentResult]:
    out = []
    for doc in sorted({r.doc for r in rels}):
        mine = [r for r in rels if r.doc == doc]
        ids = {r.source for r in mine} | {r.target for r in mine}
        actors = tuple(
            Actor(
                id=i,
                type=t,
                name=label,
                aliases=(label,),
                mentions=len(mine),
                role=Role.LEADER if t == ActorType.PERSON else None,
            )
            for i, label, t in ACTORS
            if i in ids
        )
        out.append(DocumentResult(doc=doc, relations=tuple(mine), actors=actors))
    return out


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------- build and merge


def test_symmetric_relations_are_stored_once_in_canonical_order():
    rels = graph.example_graph()
    # The example states the 2000 and 2024 treaties as RUS → PRK; the graph keeps PRK → RUS only.
    assert rels.has_edge("PRK", "RUS", "treaty") and not rels.has_edge("RUS", "PRK", "treaty")
    e = rels.edges["PRK", "RUS", "treaty"]
    assert (e["count"], e["first_time"], e["last_time"]) == (2, "2000", "2024-06-19")
    assert (e["cameo"], e["goldstein"], e["symmetric"]) == ("057", 8.0, True)
    # Directed types keep their direction: both aid flows are there.
    assert rels.has_edge("PRK", "RUS", "support") and rels.has_edge("RUS", "PRK", "support")


def test_edge_aggregates_follow_the_evidence():
    G = graph.example_graph()
    e = G.edges["RUS", "PRK", "support"]
    assert e["modality"] == "hedged"  # the only sentence says かねない
    assert e["predicates"] == ["支援"] and e["docs"] == ["demo/2024.txt"]
    leader = G.edges["putin", "RUS", "leader_of"]
    assert "cameo" not in leader and "goldstein" not in leader  # actor roles are not events


def test_strongest_modality_wins():
    base = graph.example_graph()
    rel = next(r for r in graph.to_relations(base) if r.type == RelationType.SUPPORT and r.source == "RUS")
    asserted = Relation.from_dict({**rel.to_dict(), "sentence": "ロシアは北朝鮮を支援した。", "modality": "asserted"})
    G = graph.add_relations(base, [asserted])
    assert G.edges["RUS", "PRK", "support"]["modality"] == "asserted"
    assert G.edges["RUS", "PRK", "support"]["count"] == 2


def test_nodes_merge_aliases_mentions_roles_and_docs_across_documents():
    G = graph.example_graph()
    rus = G.nodes["RUS"]
    assert {"ロシア", "ロ", "露", "ロシア連邦"} <= set(rus["aliases"])
    assert rus["docs"] == ["demo/2000.txt", "demo/2024.txt"]
    assert G.nodes["hiraiwa_shunji"]["role"] == "expert"
    assert G.nodes["PRK"]["mentions"] == sum(G.graph["documents"][d].get("PRK", 0) for d in G.graph["documents"])


@PROPERTY
@given(relations(), st.randoms(use_true_random=False))
def test_merging_is_order_independent(rels, rnd):
    once = graph.build_graph(rels)
    shuffled = rels[:]
    rnd.shuffle(shuffled)
    k = rnd.randint(0, len(shuffled))
    stepwise = graph.add_relations(graph.build_graph(shuffled[:k]), shuffled[k:])
    assert node_link(once) == node_link(stepwise)


@PROPERTY
@given(relations())
def test_to_relations_gives_back_the_canonical_input(rels):
    G = graph.build_graph(rels)
    assert set(graph.to_relations(G)) == {canonical(r) for r in rels}
    assert sum(d["count"] for *_, d in G.edges(data=True)) == len({canonical(r) for r in rels})


@PROPERTY
@given(relations(), st.randoms(use_true_random=False))
def test_adding_results_one_document_at_a_time_equals_all_at_once(rels, rnd):
    results = _results(rels)
    together = graph.add_results(nx.MultiDiGraph(), results)
    G = nx.MultiDiGraph()
    for res in rnd.sample(results, len(results)):
        graph.add_results(G, [res])
    assert node_link(G) == node_link(together)
    # Adding a document again replaces it: mentions are not counted twice.
    again = graph.add_results(G, [rnd.choice(results)])
    assert node_link(again) == node_link(together)


@PROPERTY
@given(relations())
def test_removing_a_document_takes_out_its_evidence_and_mentions(rels):
    results = _results(rels)
    G = graph.add_results(nx.MultiDiGraph(), results)
    gone = results[-1].doc
    graph.remove_document(G, gone)
    without = graph.add_results(nx.MultiDiGraph(), results[:-1])
    assert {(s, t, k): d["evidence"] for s, t, k, d in G.edges(keys=True, data=True)} == {
        (s, t, k): d["evidence"] for s, t, k, d in without.edges(keys=True, data=True)
    }
    assert {n: (d["mentions"], d["docs"]) for n, d in G.nodes(data=True)} == {
        n: (d["mentions"], d["docs"]) for n, d in without.nodes(data=True)
    }
    assert gone not in G.graph["documents"]


def test_add_relations_accepts_jsonl_dicts_and_rejects_bad_types():
    rel = graph.to_relations(graph.example_graph())[0]
    G = graph.build_graph([rel.to_dict()])
    assert G.number_of_edges() == 1
    with pytest.raises(ValueError, match="type: 'alliance' is not one of treaty"):
        graph.build_graph([{**rel.to_dict(), "type": "alliance"}])


# ---------------------------------------------------------------------------- graph.json


@PROPERTY
@given(relations())
def test_json_round_trip_gives_an_identical_graph(tmp_path_factory, rels):
    G = graph.add_results(nx.MultiDiGraph(), _results(rels))
    path = tmp_path_factory.mktemp("json") / "graph.json"
    graph.write_json(G, path)
    H = graph.read_json(path)
    assert nx.utils.graphs_equal(G, H)
    assert list(H.edges(keys=True)) == sorted(H.edges(keys=True))
    first = path.read_bytes()
    graph.write_json(H, path)
    assert path.read_bytes() == first  # read → write changes nothing, byte for byte


def test_json_is_the_same_bytes_whatever_the_input_order(tmp_path):
    rels = graph.to_relations(graph.example_graph())
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    graph.write_json(graph.build_graph(rels), a)
    graph.write_json(graph.build_graph(random.Random(7).sample(rels, len(rels))), b)
    assert a.read_bytes() == b.read_bytes()
    assert "北朝鮮とソ連が1961年" in a.read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def test_read_json_names_the_file_when_it_is_not_a_graph(tmp_path):
    bad = tmp_path / "triples.json"
    bad.write_text('{"source": "RUS"}', encoding="utf-8")
    with pytest.raises(graph.GraphFileError, match=r"triples\.json: not a geokg graph"):
        graph.read_json(bad)
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(graph.GraphFileError, match=r"triples\.json: not a JSON graph"):
        graph.read_json(bad)


# ---------------------------------------------------------------------------- GraphML


def _graphml(G: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    graph.write_graphml(G, buf)
    return buf.getvalue()


def _assert_same_as_json_graph(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    assert sorted(H.nodes) == sorted(G.nodes)
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    for n, d in G.nodes(data=True):
        assert H.nodes[n] == d, n
    for s, t, k, d in G.edges(keys=True, data=True):
        h = dict(H.edges[s, t, k])
        assert h.pop("evidence") == "\n".join(evidence_text(d["evidence"]))
        assert h == {a: v for a, v in d.items() if a != "evidence"}, (s, t, k)


@PROPERTY
@given(relations())
def test_graphml_round_trip_keeps_nodes_edges_and_attributes(rels):
    G = graph.add_results(nx.MultiDiGraph(), _results(rels))
    H = graph.read_graphml(io.BytesIO(_graphml(G)))
    _assert_same_as_json_graph(G, H)


def test_graphml_declares_every_key_once_with_a_type_and_only_scalars():
    import xml.etree.ElementTree as ET

    G = graph.example_graph()
    # Mixed value types under one name must still give one key.
    G.nodes["RUS"]["mentions"] = 2.5
    root = ET.fromstring(_graphml(G))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = root.findall("g:key", ns)
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids))
    names = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(names) == len(set(names)) and ("node", "mentions") in names
    assert all(k.get("attr.type") in ("string", "long", "double", "boolean") for k in keys)
    assert next(k for k in keys if k.get("attr.name") == "mentions").get("attr.type") == "double"
    used = {d.get("key") for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")}
    assert used <= set(ids)
    # No edge ids, which networkx would read as the edge keys: the relation type is the key attribute (issue 19).
    edges = list(root.iter("{http://graphml.graphdrawing.org/xmlns}edge"))
    assert len(edges) == G.number_of_edges() and all(e.get("id") is None for e in edges)
    assert ("edge", "key") in names


def test_graphml_is_deterministic_and_keeps_japanese_as_utf8(tmp_path):
    rels = graph.to_relations(graph.example_graph())
    a, b = tmp_path / "a.graphml", tmp_path / "b.graphml"
    graph.write_graphml(graph.build_graph(rels), a)
    graph.write_graphml(graph.build_graph(rels[::-1]), b)
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text(encoding="utf-8")
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    assert "友好協力相互援助条約" in text and "&#" not in text


def test_graphml_drops_characters_xml_cannot_hold():
    rel = graph.to_relations(graph.example_graph())[0]
    G = graph.build_graph([Relation.from_dict({**rel.to_dict(), "sentence": "制裁\x0bを科した\x00"})])
    H = graph.read_graphml(io.BytesIO(_graphml(G)))
    ((_, _, d),) = H.edges(data=True)
    assert d["evidence"].endswith("制裁を科した")


def test_write_graphml_replaces_the_file_atomically(tmp_path):
    path = tmp_path / "graph.graphml"
    path.write_text("old", encoding="utf-8")
    graph.write_graphml(graph.example_graph(), path)
    assert graph.read_graphml(path).number_of_nodes() == graph.example_graph().number_of_nodes()
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]  # no temporary file left behind


def test_flat_attrs_never_leave_lists_or_none():
    for _, d in graph.example_graph().nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in flat_attrs(d).values())
    for *_, d in graph.example_graph().edges(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in flat_attrs(d).values())
