"""The query API: on the hand-made example (exact answers) and on the seed build (answers a reader checks)."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest

import graph
from graph.query import AmbiguousActor, Comment, Edge, KnowledgeGraph, NoPath, UnknownActor
from tests.conftest import SEED


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return graph.example()


@pytest.fixture(scope="module")
def seed(seed_build) -> KnowledgeGraph:
    return graph.load(seed_build / "graph.json")


# ---------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("RUS", "RUS"),
        ("rus", "RUS"),
        ("ロシア", "RUS"),
        ("露", "RUS"),
        ("ロシア連邦", "RUS"),
        ("ﾛｼｱ", "RUS"),
        ("Russia", "RUS"),
        ("プーチン", "putin"),
        ("プーチン大統領", "putin"),
        ("プーチン氏", "putin"),
        ("putin", "putin"),
        ("PUTIN", "putin"),
        ("金正恩総書記", "kim_jong_un"),
        ("キム・ジョンウン", "kim_jong_un"),
        ("金正恩 総書記", "kim_jong_un"),
        ("平岩教授", "hiraiwa_shunji"),
        ("兵頭", "hyodo_shinji"),
        ("安保理", "unsc"),
    ],
)
def test_actors_are_found_by_id_name_alias_title_or_romanisation(kg, name, expected):
    assert kg.resolve(name) == expected
    assert kg.actor(name).id == expected


def test_an_alias_of_several_actors_is_ambiguous_and_lists_them(kg):
    with pytest.raises(AmbiguousActor) as err:
        kg.actor("ロ朝")
    assert {i for i, _ in err.value.candidates} == {"RUS", "PRK"}
    assert isinstance(err.value, KeyError)
    assert "PRK" in str(err.value) and "RUS" in str(err.value)


def test_an_unknown_actor_is_a_key_error_with_close_candidates(kg):
    with pytest.raises(UnknownActor) as err:
        kg.actor("ソ連国")
    assert err.value.candidates[0] == ("SUN", "ソ連")
    assert str(err.value).startswith("no actor 'ソ連国' in the graph; did you mean ソ連 (SUN)")
    with pytest.raises(KeyError):
        kg.relations(source="習近平")
    assert "習近平" not in kg and "ソ連" in kg


# ---------------------------------------------------------------------------- relations


def test_who_supports_whom(kg):
    rows = kg.relations(type="support")
    assert [(r.source, r.target, r.modality) for r in rows] == [("RUS", "PRK", "hedged"), ("PRK", "RUS", "asserted")]
    assert all(isinstance(r, Edge) and r.goldstein == 7.0 and r.cameo == "07" for r in rows)
    assert rows[1].sentence == "北朝鮮はロシアに弾薬を供与している。"
    assert rows[1].evidence[0].doc == "demo/2024.txt"


def test_what_sanctions_exist_and_on_whom(kg):
    rows = kg.relations(type="sanction")
    assert {(r.source, r.target) for r in rows} == {("USA", "RUS"), ("unsc", "PRK")}
    assert kg.relations(target="北朝鮮", type="sanction")[0].source_label == "国連安全保障理事会"


def test_symmetric_relations_match_either_way_and_read_from_the_actor_asked(kg):
    from_prk = kg.relations(source="北朝鮮", type="treaty")
    assert {(r.source, r.target) for r in from_prk} == {("PRK", "RUS"), ("PRK", "SUN")}
    from_rus = kg.relations(source="ロシア", target="北朝鮮", type="treaty")
    assert [(r.source, r.target, r.evidence[0].source_mention) for r in from_rus] == [("RUS", "PRK", "ロシア")]
    assert len(kg.relations(type="treaty")) == 2  # listed once when no side is asked for


def test_time_and_modality_filters_apply_to_the_evidence(kg):
    rows = kg.relations(type="treaty", since=2001)
    assert [(r.count, r.first_time) for r in rows] == [(1, "2024-06-19")]
    assert [r.first_time for r in kg.relations(type="treaty", until="1999")] == ["1961"]
    assert [r.first_time for r in kg.relations(type="treaty", since="2000-01", until="2000-12")] == ["2000"]
    assert kg.relations(type="support", since=1900) == []  # undated evidence is left out of dated queries
    assert [r.source for r in kg.relations(type="support", modality="hedged")] == ["RUS"]
    with pytest.raises(ValueError, match="unknown modality 'likely'"):
        kg.relations(modality="likely")
    with pytest.raises(ValueError, match="time 'last year'"):
        kg.relations(since="last year")


def test_between_gives_all_relations_either_way_with_evidence(kg):
    rows = kg.between("北朝鮮", "ロシア")
    assert [(r.source, r.type, r.target) for r in rows] == [
        ("PRK", "treaty", "RUS"),
        ("PRK", "support", "RUS"),
        ("RUS", "support", "PRK"),
    ]
    treaty = rows[0]
    assert treaty.type == "treaty" and treaty.sentences == (
        "ロシアと北朝鮮は2000年に友好善隣協力条約を結んだ。",
        "ロシアと北朝鮮が2024年6月19日、包括的戦略パートナーシップ条約を締結した。",
    )
    assert kg.between("日本", "ウクライナ") == []


def test_neighbors_say_how_each_actor_is_linked(kg):
    rows = {n.id: n.relations for n in kg.neighbors("ロシア")}
    assert rows["PRK"] == ("treaty", "support→", "←support")
    assert rows["USA"] == ("←sanction",) and rows["UKR"] == ("attack→",)
    assert [n.id for n in kg.neighbors("ロシア", type="attack")] == ["UKR"]


def test_path_shows_how_japan_is_connected_to_the_treaty(kg):
    p = kg.path("日本", "ロシア")
    assert p.title == "日本 → ロシア"
    assert [(r.source, r.type, r.target) for r in p] == [("RUS", "threat", "JPN")]
    longer = kg.path("日本", "ソ連")
    assert longer.title.split(" → ")[0] == "日本" and longer.title.endswith("ソ連")
    assert any(r.type == "treaty" and r.first_time == "1961" for r in longer)
    with pytest.raises(NoPath, match="no chain of relations links 日本 and ウクライナ"):
        kg.path("日本", "ウクライナ", type="cooperation")


def test_ego_is_a_networkx_subgraph_with_all_attributes(kg):
    sub = kg.ego("ソ連", radius=2)
    assert isinstance(sub, nx.MultiDiGraph)
    assert {"SUN", "PRK", "RUS", "JPN"} <= set(sub) and "UKR" not in sub
    assert sub.edges["PRK", "SUN", "treaty"]["evidence"] == kg.G.edges["PRK", "SUN", "treaty"]["evidence"]
    sub.nodes["SUN"]["label"] = "changed"
    assert kg.G.nodes["SUN"]["label"] == "ソ連"  # a copy, not a view
    assert set(kg.ego("ソ連", radius=2, type="treaty")) == {"SUN", "PRK", "RUS"}


def test_comments_say_who_said_what_about_whom(kg):
    rows = kg.comments(role="expert")
    assert all(isinstance(c, Comment) for c in rows)
    assert [(c.speaker, c.about, c.quote) for c in rows] == [
        ("hyodo_shinji", ("PRK",), "「北朝鮮からの武器供与は有効だ」"),
        ("hiraiwa_shunji", ("RUS", "PRK"), "「北朝鮮はロシアの技術協力がほしい」"),
    ]
    assert [c.speaker for c in kg.comments("平岩俊司")] == ["hiraiwa_shunji"]
    assert {c.speaker for c in kg.comments()} == {"hyodo_shinji", "hiraiwa_shunji", "KOR"}
    assert [c.types for c in kg.comments("韓国")] == [("criticism",)]


def test_commentators_of_an_actor(kg):
    assert {c.speaker for c in kg.commentators("北朝鮮")} == {"hyodo_shinji", "hiraiwa_shunji", "KOR"}
    assert {c.about for c in kg.commentators("ロシア")} == {("RUS",)}


def test_central_ranks_the_most_connected(kg):
    top = kg.central(2)
    assert [r.id for r in top] == ["PRK", "RUS"]
    assert top[0].neighbors == len(set(nx.Graph(kg.G.to_undirected())["PRK"]))
    assert kg.central(1, by="betweenness")[0].id == "PRK"
    with pytest.raises(ValueError, match="unknown ranking"):
        kg.central(by="pagerank")


def test_timeline_orders_the_treaties_and_includes_the_soviet_union(kg):
    rows = kg.timeline("ロシア", "北朝鮮")
    dated = [(e.time, e.type, e.goldstein) for e in rows if e.time]
    assert dated == [("1961", "treaty", 8.0), ("2000", "treaty", 8.0), ("2024-06-19", "treaty", 8.0)]
    assert [e.type for e in rows if not e.time] == ["support", "support"]  # undated last
    assert {e.sentence for e in rows if e.time == "1961"} == {"北朝鮮とソ連が1961年に友好協力相互援助条約を締結した。"}
    assert "1961" not in {e.time for e in kg.timeline("ロシア", "北朝鮮", predecessors=False)}
    assert all(e.type != "leader_of" for e in kg.timeline("ロシア"))


def test_tables_print_aligned_with_a_header_and_stay_lists(kg):
    table = kg.relations(type="support")
    text = str(table)
    lines = text.splitlines()
    assert lines[0].split() == ["source", "type", "target", "n", "modality", "time", "goldstein", "evidence"]
    assert set(lines[1]) == {"-", " "}
    assert "北朝鮮はロシアに弾薬を供与している。" in text
    assert repr(table) == text and isinstance(table, list)
    assert table.to_dicts()[1]["evidence"][0]["sentence"] == "北朝鮮はロシアに弾薬を供与している。"
    assert str(kg.relations(type="attack", source="日本")) == "日本 →\n(no results)"


def test_load_accepts_a_folder_and_says_what_to_do_without_a_graph(tmp_path):
    with pytest.raises(FileNotFoundError, match="geokg build"):
        graph.load(tmp_path)
    (tmp_path / "graph.graphml").write_text("<graphml/>", encoding="utf-8")
    with pytest.raises(graph.GraphFileError, match=r"graph\.json"):
        graph.load(tmp_path / "graph.graphml")
    graph.write_json(graph.example_graph(), tmp_path / "graph.json")
    assert graph.load(tmp_path).actor("ロシア").id == "RUS"


def test_importing_graph_does_not_import_spacy():
    code = "import graph, sys; graph.example().timeline('ロシア'); assert 'spacy' not in sys.modules"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


# ---------------------------------------------------------------------------- on the seed article


def test_seed_actors_answer_to_their_names(seed):
    assert seed.actor("ロシア").id == seed.actor("RUS").id == seed.actor("rus").id == "RUS"
    assert seed.actor("北朝鮮").id == "PRK"
    putin = seed.actor("プーチン")
    assert seed.actor("putin").id == seed.actor("プーチン大統領").id == putin.id
    assert (putin.type, putin.role) == ("person", "leader")


def test_seed_between_russia_and_north_korea_has_the_treaty_with_verbatim_evidence(seed):
    text = SEED.read_text(encoding="utf-8")
    rows = seed.between("ロシア", "北朝鮮")
    assert "treaty" in {r.type for r in rows}
    for r in rows:
        assert {r.source, r.target} == {"RUS", "PRK"} and r.evidence
        assert all(e.sentence in text for e in r.evidence)


def test_seed_timeline_is_in_time_order_and_reaches_back_to_1961(seed):
    rows = seed.timeline("ロシア", "北朝鮮")
    times = [e.time for e in rows]
    dated = [t for t in times if t]
    assert dated == sorted(dated) and times == dated + [""] * (len(times) - len(dated))
    first = next(e for e in rows if e.time)
    assert (first.time, first.type, {first.source, first.target}, first.goldstein) == (
        "1961",
        "treaty",
        {"PRK", "SUN"},
        8.0,
    )


def test_seed_sanctions_and_their_targets(seed):
    rows = seed.relations(type="sanction")
    assert rows and all("制裁" in r.sentence for r in rows)
    assert "PRK" in {r.target for r in rows}


def test_seed_comments_quote_what_was_said(seed):
    rows = seed.comments()
    assert rows
    for c in rows:
        assert c.quote.strip("「」") in c.sentence or c.quote == c.sentence


def test_seed_path_from_japan_reaches_north_korea_hop_by_hop(seed):
    p = seed.path("日本", "北朝鮮")
    chain = p.title.split(" → ")
    assert chain[0] == seed.actor("JPN").label and chain[-1] == seed.actor("PRK").label
    assert len(p) >= len(chain) - 1 and all(r.evidence for r in p)


def test_seed_central_puts_the_two_treaty_parties_first(seed):
    assert {r.id for r in seed.central(2)} == {"RUS", "PRK"}
