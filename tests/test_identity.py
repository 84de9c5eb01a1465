"""One actor, one node (issue 11): lookups by any name, aliases that are names, merges across articles.

The articles are written for these tests; the corpus build at the end checks
the development corpus and the seed against their gold for splits and merges.
"""

from __future__ import annotations

import contextlib
import io
import json
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

import graph
from extract.lexicon import load_lexicon
from extract.types import Relation
from graph.merge import merge_identities, plan_merges
from graph.names import NameIndex, name_key, search_keys

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Two short news items written for the tests: a leader by title, a state by its abbreviation.
ARTICLES = {
    "moscow.txt": "ロシアのプーチン大統領は北朝鮮を訪問し、金正恩総書記と会談した。露外務省は声明を出した。\n",
    "sanctions.txt": "米国は北朝鮮に追加制裁を科した。アメリカ軍は日本との共同訓練を行った。\n",
}
LOOKUPS = {
    "露": "RUS",
    "アメリカ": "USA",
    "america": "USA",
    "United States": "USA",
    "north korea": "PRK",
    "putin": "putin_vladimir",
    "プーチン大統領": "putin_vladimir",
}


def _write(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _cli(*argv: str) -> tuple[int, str]:
    from extract.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue()


@pytest.fixture(scope="module")
def news_build(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("identity-news")
    src = _write(out / "in", ARTICLES)
    code, _ = _cli("build", str(src), "-o", str(out / "out"), "--no-progress")
    assert code == 0
    return out / "out"


# -- lookups ---------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("name", "expected"), LOOKUPS.items())
def test_lookup_by_any_name_in_python(news_build, name, expected):
    kg = graph.load(news_build)
    assert kg.actor(name).id == expected


@pytest.mark.model
@pytest.mark.parametrize(("name", "expected"), LOOKUPS.items())
def test_lookup_by_any_name_in_geokg_query(news_build, name, expected):
    code, out = _cli("query", str(news_build), "actor", name)
    assert code == 0
    assert out.splitlines()[0].split() == ["id", expected]


@pytest.mark.model
def test_a_state_body_and_forces_by_any_name(news_build):
    kg = graph.load(news_build)
    # 露外務省 was read as Russia's ministry: 中国外交部-style names of it find it too
    assert kg.resolve("ロシア外務省") == kg.resolve("ロシア外交部") == "RUS:外務省"
    # アメリカ軍 is the United States itself, and still visible as the mention
    assert "USA:軍" not in kg.G
    evidence = [ev for e in kg.relations(source="USA") for ev in e.evidence]
    assert any(ev.source_mention == "アメリカ軍" for ev in evidence)


def test_lookup_is_case_width_and_space_insensitive():
    kg = graph.example()
    assert {kg.resolve(n) for n in ("north korea", "NORTH KOREA", "ｎｏｒｔｈ　ｋｏｒｅａ", "North  Korea")} == {"PRK"}
    assert kg.resolve("ﾌﾟｰﾁﾝ") == kg.resolve("プーチン") == "putin"


def test_a_miss_suggests_the_most_alike_names():
    kg = graph.example()
    with pytest.raises(graph.UnknownActor) as e:
        kg.resolve("Untied Sates")
    assert e.value.candidates[0][0] == "USA"
    # names in Japanese are compared with names in Japanese, not with the English ones
    with pytest.raises(graph.UnknownActor) as e:
        kg.resolve("北朝")
    assert e.value.candidates and e.value.candidates[0][0] == "PRK"


def test_an_actor_the_gazetteer_knows_but_the_graph_lacks_is_named_in_the_error():
    with pytest.raises(graph.UnknownActor, match="FRA"):
        graph.example().resolve("フランス")


def test_search_keys_hold_every_name_the_resolver_knows():
    kg = graph.example()
    for name, node in [("アメリカ", "USA"), ("america", "USA"), ("露", "RUS"), ("north korea", "PRK")]:
        assert name_key(name) in search_keys(node, kg.G.nodes[node]) or name.lower().replace(" ", "") in search_keys(
            node, kg.G.nodes[node]
        )


# -- aliases ---------------------------------------------------------------------------------------


def _is_compound(alias: str) -> bool:
    """A run of two or more state abbreviations, or one after a prefix (訪中): a mention, not a name."""
    lex = load_lexicon()
    text = unicodedata.normalize("NFKC", alias)
    for suffix in (*lex.state_alias_suffixes, *lex.state_body_suffixes):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    body = text[1:] if text[:1] in "対訪駐親反在脱来離知嫌" else text
    abbreviations = [c for c in body if c in lex.abbreviations]
    if lex.lookup(text) is not None:
        return False
    return (
        len(text) >= 2
        and len(abbreviations) == len(body)
        and len({lex.abbreviations[c] for c in body}) >= (1 if body != text else 2)
    )


def test_compounds_and_collectives_are_mentions_not_aliases(extractor):
    from extract.types import Document

    text = "ロシアと北朝鮮が条約を結んだ。ロ朝の接近について、両国は協力を強調した。日米韓はロ朝を批判した。"
    res = extractor.extract(Document(path="t.txt", text=text))
    aliases = {a.id: set(a.aliases) for a in res.actors}
    for aid in ("RUS", "PRK"):
        assert not aliases[aid] & {"ロ朝", "両国", "日米韓"}
    mentions = {r.source_mention for r in res.relations} | {r.target_mention for r in res.relations}
    assert mentions & {"ロ朝", "両国", "日米韓"}  # still there as the evidence's mentions
    G = graph.build_graph(res.relations, res.actors)
    assert not any(
        _is_compound(a) or a in load_lexicon().collectives for _, d in G.nodes(data=True) for a in d["aliases"]
    )


# -- within a document -------------------------------------------------------------------------


def _extract(extractor, text: str):
    from extract.types import Document

    return extractor.extract(Document(path="t.txt", text=text))


@pytest.mark.model
def test_full_name_surname_title_and_reading_are_one_person(extractor):
    res = _extract(
        extractor,
        "日本の山本一郎首相はインドを訪問した。首相は、ロシアを強く非難した。山本首相はまた中国を批判した。",
    )
    persons = [a for a in res.actors if a.type.value == "person"]
    assert [p.id for p in persons] == ["山本一郎"]
    sources = {(r.source, r.type.value, r.target) for r in res.relations}
    assert {("山本一郎", "criticism", "RUS"), ("山本一郎", "criticism", "CHN")} <= sources
    res = _extract(extractor, "北朝鮮の朴哲洙(パク・チョルス)外相は声明を出した。パク・チョルス氏は日本を非難した。")
    assert [a.id for a in res.actors if a.type.value == "person"] == ["朴哲洙"]


@pytest.mark.model
def test_a_title_two_people_hold_names_neither(extractor):
    res = _extract(extractor, "米国のバイデン大統領と韓国の尹大統領が会談した。大統領は中国を批判した。")
    assert not [r for r in res.relations if r.type.value == "criticism"]


@pytest.mark.model
def test_a_byline_makes_no_person(extractor):
    res = _extract(extractor, "【ワシントン=山川太郎】米国はイランに制裁を科した。（北京＝共同）中国は反発した。")
    assert not [a for a in res.actors if a.type.value == "person"]
    assert ("USA", "sanction", "IRN") in {(r.source, r.type.value, r.target) for r in res.relations}


# -- merging across documents ------------------------------------------------------------------


def _rel(doc: str, src: str, label: str, rtype: str, tgt: str, *, role_word: str = "首相") -> Relation:
    return Relation(
        doc=doc,
        sentence=f"{label}{role_word}が{tgt}について述べた。",
        sentence_index=0,
        source=src,
        source_label=label,
        source_type="person",
        source_mention=label + role_word,
        type=rtype,
        target=tgt,
        target_label=tgt,
        target_type="country",
        target_mention=tgt,
        predicate=role_word,
    )


def test_a_surname_joins_the_one_full_name_with_the_same_state():
    G = graph.build_graph(
        [_rel("a.txt", "岸田", "岸田", "leader_of", "JPN"), _rel("b.txt", "岸田文雄", "岸田文雄", "leader_of", "JPN")]
    )
    assert "岸田" not in G and set(G.nodes["岸田文雄"]["docs"]) == {"a.txt", "b.txt"}
    assert G.nodes["岸田文雄"]["merged"] and "surname" in G.nodes["岸田文雄"]["merged"][0]
    assert G.graph["merged_ids"] == {"岸田": "岸田文雄"}


def test_people_sharing_a_surname_stay_apart():
    rels = [
        _rel("a.txt", "金正恩", "金正恩", "leader_of", "PRK", role_word="総書記"),
        _rel("b.txt", "金与正", "金与正", "member_of", "PRK", role_word="副部長"),
        _rel("c.txt", "金", "金", "member_of", "PRK", role_word="氏"),
        _rel("d.txt", "ジョージ_ブッシュ", "ジョージ・ブッシュ", "leader_of", "USA", role_word="大統領"),
        _rel("e.txt", "ジェブ_ブッシュ", "ジェブ・ブッシュ", "member_of", "USA", role_word="知事"),
        _rel("f.txt", "ブッシュ", "ブッシュ", "leader_of", "USA", role_word="氏"),
    ]
    G = graph.build_graph(rels)
    assert {"金正恩", "金与正", "金", "ジョージ_ブッシュ", "ジェブ_ブッシュ", "ブッシュ"} <= set(G)
    assert not any(d.get("merged") for _, d in G.nodes(data=True))


def test_a_given_name_alone_joins_no_one():
    # a king and a president who share a given name are two people
    G = graph.build_graph(
        [
            _rel("a.txt", "カルロス", "カルロス", "leader_of", "ESP", role_word="国王"),
            _rel("b.txt", "カルロス_メサ", "カルロス・メサ", "leader_of", "BOL", role_word="大統領"),
        ]
    )
    assert {"カルロス", "カルロス_メサ"} <= set(G)
    assert plan_merges(G) == []


def test_one_name_in_two_articles_is_one_person_where_the_states_agree():
    # the dictionary knew the president in one article, not the minister of another (a title it
    # does not list): the two nodes of one name join, the full name found through an alias
    G = graph.build_graph(
        [
            _rel("a.txt", "ortega_example", "オルテガ", "leader_of", "NIC", role_word="大統領"),
            _rel("b.txt", "オルテガ", "オルテガ", "meeting", "CRI", role_word="外相"),
        ],
        [
            {"id": "ortega_example", "type": "person", "name": "オルテガ", "aliases": ["ダニエル・オルテガ"]},
            {"id": "オルテガ", "type": "person", "name": "オルテガ"},
        ],
    )
    assert "オルテガ" not in G and set(G.nodes["ortega_example"]["docs"]) == {"a.txt", "b.txt"}


def test_no_merge_when_states_or_roles_disagree():
    G = graph.build_graph(
        [
            _rel("a.txt", "林", "林", "member_of", "CHN", role_word="報道官"),
            _rel("b.txt", "林芳正", "林芳正", "member_of", "JPN", role_word="外相"),
        ]
    )
    assert {"林", "林芳正"} <= set(G)
    scholar = _rel("c.txt", "山田", "山田", "member_of", "JPN", role_word="教授")
    minister = _rel("d.txt", "山田太郎", "山田太郎", "member_of", "JPN", role_word="大臣")
    H = graph.build_graph(
        [scholar, minister],
        [
            {"id": "山田", "type": "person", "name": "山田", "role": "expert"},
            {"id": "山田太郎", "type": "person", "name": "山田太郎", "role": "official"},
        ],
    )
    assert {"山田", "山田太郎"} <= set(H)
    assert plan_merges(H) == []


def test_a_merge_is_kept_for_a_later_document():
    G = graph.build_graph(
        [_rel("a.txt", "岸田", "岸田", "leader_of", "JPN"), _rel("b.txt", "岸田文雄", "岸田文雄", "leader_of", "JPN")]
    )
    graph.add_relations(G, [_rel("c.txt", "岸田", "岸田", "meeting", "IND")])
    assert "岸田" not in G and G.has_edge("IND", "岸田文雄", "meeting")
    assert merge_identities(G) == []


# (a person the dictionary does not know: the merge across articles is by the name alone)
ARTICLE_FULL = "ケニアのジョン・ムワンギ外務次官は、インドのモディ首相と会談した。\n"
ARTICLE_SHORT = (
    "ケニアのムワンギ外務次官は、オーストラリアを訪問し、豪州の首相と会談した。ムワンギ外務次官はインドを批判した。\n"
)


def _outputs(out: Path) -> dict[str, bytes]:
    files = {
        n: (out / n).read_bytes()
        for n in ("graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.html")
    }
    files["triples.jsonl"] = b"\n".join(sorted((out / "triples.jsonl").read_bytes().splitlines()))
    return files


@pytest.mark.model
def test_a_merge_across_two_articles_does_not_depend_on_their_order(tmp_path, nlp):
    src = _write(tmp_path / "in", {"a_full.txt": ARTICLE_FULL, "b_short.txt": ARTICLE_SHORT})
    outs = []
    for name, order in (("ab", ["a_full.txt", "b_short.txt"]), ("ba", ["b_short.txt", "a_full.txt"])):
        code, _ = _cli("build", *[str(src / f) for f in order], "-o", str(tmp_path / name), "--no-progress")
        assert code == 0
        outs.append(_outputs(tmp_path / name))
    assert outs[0] == outs[1]
    kg = graph.load(tmp_path / "ab")
    node = kg.actor("ムワンギ")
    assert node.id == "ジョン_ムワンギ" and len(node.docs) == 2 and node.merged
    triples = [
        json.loads(line) for line in (tmp_path / "ab" / "triples.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert {t["source"] for t in triples if t["doc"].endswith("b_short.txt") and t["source_type"] == "person"} == {
        "ジョン_ムワンギ"
    }
    # --into: the short article added to the full one's graph gives the same graph
    code, _ = _cli("build", str(src / "a_full.txt"), "-o", str(tmp_path / "step"), "--no-progress")
    code2, _ = _cli("build", str(src / "b_short.txt"), "--into", str(tmp_path / "step"), "--no-progress")
    assert code == code2 == 0
    assert _outputs(tmp_path / "step") == outs[0]


# -- the corpus ------------------------------------------------------------------------------------


def _gold(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def _norm(s: str) -> str:
    # as ../shared/eval/score.py reads names: NFKC, no spaces, lower case, titles off
    s = "".join(unicodedata.normalize("NFKC", str(s or "")).lower().split())
    for suf in (
        "総書記",
        "大統領",
        "首相",
        "国家主席",
        "主席",
        "委員長",
        "外相",
        "国務長官",
        "長官",
        "大臣",
        "教授",
        "氏",
        "さん",
        "側",
    ):
        if s.endswith(suf) and len(s) > len(suf):
            s = s[: -len(suf)]
    return s


def _splits_and_merges(golds: list[dict], triples: list[dict]) -> tuple[int, dict, dict]:
    """identity.py's measure: gold actors seen in >= 2 documents under several ids; ids naming several gold actors."""
    by_doc = defaultdict(list)
    for t in triples:
        by_doc[Path(t["doc"]).stem].append(t)
    sys_ids, docs, gold_of = defaultdict(set), defaultdict(set), defaultdict(set)
    for g in golds:
        doc = Path(g["doc"]).stem
        ids = {_norm(a["id"]): a["id"] for a in g["actors"]}
        names = defaultdict(set)
        for a in g["actors"]:
            for n in [a.get("name", ""), *a.get("aliases", [])]:
                names[_norm(n)].add(a["id"])
        for t in by_doc[doc]:
            for side in ("source", "target"):
                gid = ids.get(_norm(t[side]))
                for n in (t[f"{side}_label"], t[f"{side}_mention"]):
                    if gid is None and len(names.get(_norm(n), ())) == 1:
                        gid = next(iter(names[_norm(n)]))
                if gid is not None:
                    sys_ids[gid].add(t[side])
                    docs[gid].add(doc)
                    gold_of[t[side]].add(gid)
    shared = [g for g, d in docs.items() if len(d) >= 2]
    splits = {g: sorted(sys_ids[g]) for g in shared if len(sys_ids[g]) > 1}
    merges = {s: sorted(g) for s, g in gold_of.items() if len(g) > 1}
    return len(shared), splits, merges


@pytest.mark.model
@pytest.mark.xfail(
    strict=True,
    reason="one split left on the 80-text corpus: コロンビア国軍 is a node of its own (COL:国軍), where the "
    "gold gives the state's forces to the state (COL) but ミャンマー国軍 to its own id: issue 16",
)
def test_the_corpus_has_one_node_per_actor(corpus_build):
    golds = _gold(DATA / "dev" / "gold") + _gold(DATA / "gold")
    triples = [json.loads(x) for x in (corpus_build / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    shared, splits, merges = _splits_and_merges(golds, triples)
    assert splits == {} and merges == {}
    assert shared >= 20  # actors the extraction finds in two or more documents (grows with recall)


@pytest.mark.model
def test_no_compound_or_collective_word_is_an_alias_on_the_corpus(corpus_build):
    lex = load_lexicon()
    kg = graph.load(corpus_build)
    bad = {
        (n, a)
        for n, d in kg.G.nodes(data=True)
        for a in d.get("aliases") or ()
        if _is_compound(a) or unicodedata.normalize("NFKC", a) in lex.collectives
    }
    assert bad == set()
    # the byline's reporter is no person of the seed
    assert not any("甲原" in str(d.get("label")) for _, d in kg.G.nodes(data=True))


@pytest.mark.model
def test_no_state_split_from_its_forces_or_bodies_on_the_corpus(corpus_build):
    kg = graph.load(corpus_build)
    assert not [n for n in kg.G if str(n).endswith(":軍")]
    assert "CHN:外交部" not in kg.G and "us_state_department" not in kg.G
    index = NameIndex(kg.G)
    assert index.find("中国外交部") == index.find("中華人民共和国外務省")


def test_what_was_merged_and_why_is_exported(tmp_path):
    import csv

    import networkx as nx

    G = graph.build_graph(
        [_rel("a.txt", "岸田", "岸田", "leader_of", "JPN"), _rel("b.txt", "岸田文雄", "岸田文雄", "leader_of", "JPN")]
    )
    why = G.nodes["岸田文雄"]["merged"]
    graph.write_json(G, tmp_path / "graph.json")
    graph.write_graphml(G, tmp_path / "graph.graphml")
    graph.write_gexf(G, tmp_path / "graph.gexf")
    graph.write_nodes_csv(G, tmp_path / "nodes.csv")
    assert graph.load(tmp_path).actor("岸田").merged == tuple(why)
    assert graph.read_graphml(tmp_path / "graph.graphml").nodes["岸田文雄"]["merged"] == why
    assert nx.read_gexf(tmp_path / "graph.gexf", version="1.3").nodes["岸田文雄"]["merged"] == why[0]
    rows = {r["id:ID"]: r for r in csv.DictReader((tmp_path / "nodes.csv").open(encoding="utf-8"))}
    assert rows["岸田文雄"]["merged:string[]"].startswith("岸田:") and rows["JPN"]["merged:string[]"] == ""


def test_the_resolver_needs_no_spacy(tmp_path):
    import subprocess
    import sys

    graph.write_json(graph.example_graph(), tmp_path / "graph.json")
    code = (
        "import sys, graph; kg = graph.load(sys.argv[1]); "
        "assert kg.actor('north korea').id == 'PRK' and kg.names.suggest('Untied States')[0] == 'USA'; "
        "assert 'spacy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, cwd=Path(__file__).resolve().parent.parent)
