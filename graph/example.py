"""A small hand-made graph to try the API on, and to run the docstrings against.

The sentences are short paraphrases written for this example, covering the
three Russia–North Korea treaties (1961 with the Soviet Union, 2000, 2024),
aid, sanctions, an expert's comment and Japan's place in it.

>>> kg = example()
>>> kg
KnowledgeGraph(13 actors, 20 relations, 4 documents)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from extract.types import Actor, ActorType, DocumentResult, Modality, Relation, RelationType, Role

if TYPE_CHECKING:
    from .query import KnowledgeGraph

__all__ = ["example", "example_actors", "example_graph", "example_relations", "example_results"]

_C, _P, _O = ActorType.COUNTRY, ActorType.PERSON, ActorType.ORGANIZATION

_ACTORS = (
    # id, type, name, aliases, role
    ("RUS", _C, "ロシア", ("ロシア", "ロ", "露", "ロシア連邦"), None),
    ("PRK", _C, "北朝鮮", ("北朝鮮", "朝鮮民主主義人民共和国"), None),
    ("SUN", _C, "ソ連", ("ソ連", "旧ソ連"), None),
    ("JPN", _C, "日本", ("日本",), None),
    ("KOR", _C, "韓国", ("韓国", "大韓民国"), None),
    ("USA", _C, "米国", ("米国", "アメリカ"), None),
    ("UKR", _C, "ウクライナ", ("ウクライナ",), None),
    ("unsc", _O, "国連安全保障理事会", ("国連安全保障理事会", "安保理"), None),
    ("nanzan_university", _O, "南山大", ("南山大",), None),
    ("putin", _P, "プーチン", ("プーチン", "プーチン大統領", "プーチン氏"), Role.LEADER),
    ("kim_jong_un", _P, "金正恩", ("金正恩", "金正恩総書記", "キム・ジョンウン"), Role.LEADER),
    ("hiraiwa_shunji", _P, "平岩俊司", ("平岩俊司", "平岩俊司教授"), Role.EXPERT),
    ("hyodo_shinji", _P, "兵頭慎治", ("兵頭慎治",), Role.EXPERT),
)

_S1961 = "北朝鮮とソ連が1961年に友好協力相互援助条約を締結した。"
_S2000 = "ロシアと北朝鮮は2000年に友好善隣協力条約を結んだ。"
_S2024 = "ロシアと北朝鮮が2024年6月19日、包括的戦略パートナーシップ条約を締結した。"
_SMEET = "プーチン大統領と金正恩総書記が平壌で会談した。"
_SAMMO = "北朝鮮はロシアに弾薬を供与している。"
_SAID = "ロシアから北朝鮮への軍事支援は地域の緊張を高めかねない。"
_SUNSC = "国連安保理は北朝鮮に制裁を科している。"
_SUSA = "米国は2022年、ロシアに制裁を科した。"
_SWAR = "ロシアは2022年にウクライナに侵攻した。"
_STHREAT = "ロ朝の接近は日本にとって脅威だ。"
_SCOOP = "日本と韓国は防衛協力を強める。"
_SHIRA = "南山大の平岩俊司教授は「北朝鮮はロシアの技術協力がほしい」とみる。"
_SHYODO = "兵頭慎治氏は「北朝鮮からの武器供与は有効だ」と話す。"
_SKOR = "韓国はロ朝の軍事協力に懸念を表明した。"

_RELATIONS = (
    # doc, sentence, index, source, type, target, predicate, source mention, target mention, time, modality
    ("demo/1961.txt", _S1961, 0, "PRK", "treaty", "SUN", "締結", "北朝鮮", "ソ連", "1961", "asserted"),
    ("demo/2000.txt", _S2000, 0, "RUS", "treaty", "PRK", "結ぶ", "ロシア", "北朝鮮", "2000", "asserted"),
    ("demo/2024.txt", _S2024, 0, "RUS", "treaty", "PRK", "締結", "ロシア", "北朝鮮", "2024-06-19", "asserted"),
    (
        "demo/2024.txt",
        _SMEET,
        1,
        "putin",
        "meeting",
        "kim_jong_un",
        "会談",
        "プーチン大統領",
        "金正恩総書記",
        "2024-06-19",
        "asserted",
    ),
    ("demo/2024.txt", _SMEET, 1, "putin", "leader_of", "RUS", "大統領", "プーチン大統領", "ロシア", None, "asserted"),
    (
        "demo/2024.txt",
        _SMEET,
        1,
        "kim_jong_un",
        "leader_of",
        "PRK",
        "総書記",
        "金正恩総書記",
        "北朝鮮",
        None,
        "asserted",
    ),
    ("demo/2024.txt", _SAMMO, 2, "PRK", "support", "RUS", "供与", "北朝鮮", "ロシア", None, "asserted"),
    ("demo/2024.txt", _SAID, 3, "RUS", "support", "PRK", "支援", "ロシア", "北朝鮮", None, "hedged"),
    ("demo/2024.txt", _SUNSC, 4, "unsc", "sanction", "PRK", "制裁", "安保理", "北朝鮮", None, "asserted"),
    ("demo/2024.txt", _SUSA, 5, "USA", "sanction", "RUS", "制裁", "米国", "ロシア", "2022", "asserted"),
    ("demo/2024.txt", _SWAR, 6, "RUS", "attack", "UKR", "侵攻", "ロシア", "ウクライナ", "2022", "asserted"),
    ("demo/2024.txt", _STHREAT, 7, "RUS", "threat", "JPN", "脅威", "ロ", "日本", None, "asserted"),
    ("demo/2024.txt", _STHREAT, 7, "PRK", "threat", "JPN", "脅威", "朝", "日本", None, "asserted"),
    ("demo/2024.txt", _SCOOP, 8, "JPN", "cooperation", "KOR", "防衛協力", "日本", "韓国", None, "asserted"),
    (
        "demo/2024.txt",
        _SHIRA,
        9,
        "hiraiwa_shunji",
        "comments_on",
        "PRK",
        "みる",
        "平岩俊司教授",
        "北朝鮮",
        None,
        "asserted",
    ),
    (
        "demo/2024.txt",
        _SHIRA,
        9,
        "hiraiwa_shunji",
        "comments_on",
        "RUS",
        "みる",
        "平岩俊司教授",
        "ロシア",
        None,
        "asserted",
    ),
    (
        "demo/2024.txt",
        _SHIRA,
        9,
        "hiraiwa_shunji",
        "member_of",
        "nanzan_university",
        "教授",
        "平岩俊司教授",
        "南山大",
        None,
        "asserted",
    ),
    ("demo/2024.txt", _SKOR, 10, "KOR", "criticism", "RUS", "懸念", "韓国", "ロ朝", None, "asserted"),
    ("demo/2024.txt", _SKOR, 10, "KOR", "criticism", "PRK", "懸念", "韓国", "ロ朝", None, "asserted"),
    (
        "demo/analysis.txt",
        _SHYODO,
        0,
        "hyodo_shinji",
        "comments_on",
        "PRK",
        "話す",
        "兵頭慎治氏",
        "北朝鮮",
        None,
        "asserted",
    ),
)


def example_actors() -> list[Actor]:
    """The actor records of the example, one per actor."""
    return [Actor(id=i, type=t, name=n, aliases=a, role=r, mentions=len(a)) for i, t, n, a, r in _ACTORS]


def example_relations() -> list[Relation]:
    """The example's relations, as the extractor would emit them."""
    actors = {a.id: a for a in example_actors()}
    out = []
    for doc, sentence, index, s, rtype, t, pred, sm, tm, time, modality in _RELATIONS:
        out.append(
            Relation(
                doc=doc,
                sentence=sentence,
                sentence_index=index,
                source=s,
                source_label=actors[s].name,
                source_type=actors[s].type,
                source_mention=sm,
                type=RelationType(rtype),
                target=t,
                target_label=actors[t].name,
                target_type=actors[t].type,
                target_mention=tm,
                predicate=pred,
                modality=Modality(modality),
                time=time,
                confidence=0.9,
            )
        )
    return out


def example_results() -> list[DocumentResult]:
    """The example split by document, as ``geokg build`` gets it from the extractor."""
    rels = example_relations()
    actors = {a.id: a for a in example_actors()}
    out = []
    for doc in sorted({r.doc for r in rels}):
        mine = tuple(r for r in rels if r.doc == doc)
        ids = sorted({r.source for r in mine} | {r.target for r in mine})
        out.append(DocumentResult(doc=doc, relations=mine, actors=tuple(actors[i] for i in ids)))
    return out


def example_graph() -> nx.MultiDiGraph:
    """The example as a networkx graph."""
    from .build import add_results

    return add_results(nx.MultiDiGraph(), example_results())


def example() -> KnowledgeGraph:
    """The example as a :class:`~graph.query.KnowledgeGraph`, ready to query."""
    from .query import KnowledgeGraph

    return KnowledgeGraph(example_graph())
