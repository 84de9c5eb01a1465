"""Trade measures: the state a measure on goods is aimed at is where the goods come from
(日本産水産物の輸入停止, 中国製品への追加関税, 中国からの輸入品に追加関税)."""

from __future__ import annotations

from ..types import ActorType
from .frames import Reader
from .particles import particles
from .slots import Slot, unique

__all__ = ["origins"]


def origins(r: Reader, tok) -> list[Slot]:
    """The states whose goods a trade measure names: 日本産水産物, ロシア製品 (X産, X製)."""
    node = tok
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head  # 輸入|規制|措置: the goods hang on the last noun
    # (中国製品に追加関税を課した: the goods may hang on the light verb that carries the measure)
    carrier = node.head if node.dep_ == "obj" and node.head.lemma_ in r.lex.light_verbs else None
    out: list[Slot] = []
    for t in _goods_tokens(node, carrier):
        idx = r.sm.index_at(t.i)
        if idx is None or t.i + 1 >= len(r.doc):
            continue
        m = r.sm.mentions[idx]
        if m.type != ActorType.COUNTRY:
            continue
        # X産, X製, X製品; Xからの輸入品
        if r.doc[t.i + 1].text in ("産", "製", "産品", "製品") or (
            particles(t) == "からの" and t.head.lemma_ in _GOODS
        ):
            out += r.mention_args(idx)
    return unique(out)


# Nouns for goods traded: the state they come from is the target of a measure on them.
_GOODS = frozenset({"輸入品", "輸入", "製品", "産品", "物品", "品目", "商品", "産物", "水産物", "農産物"})


def _goods_tokens(node, carrier) -> list:
    """The tokens under the trigger's node, and under the dative and object phrases of the
    light verb that carries it, if one does."""
    out = list(node.subtree)
    if carrier is not None:
        out += [
            t for ch in carrier.children if ch.i != node.i and ch.dep_ in ("obl", "obj", "iobj") for t in ch.subtree
        ]
    return out
