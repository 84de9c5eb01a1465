"""How fast are the resolver and the merging step on a large graph?

Builds a random graph of ``--persons`` persons (kanji and katakana full names,
and a surname-only node for some of them, as other articles would name them)
over every gazetteer country, linked by ``--edges`` relations; then times
building the :class:`graph.NameIndex`, ``--lookups`` lookups (names, aliases,
gazetteer names, surnames, romanised), suggestions for misses, the map's
search keys, and :func:`graph.merge_identities`.

    .venv/bin/python bench/identity_bench.py                          # 5,000 persons, 20,000 relations
    .venv/bin/python bench/identity_bench.py --persons 20000 --edges 80000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KANJI = "山田中村小林佐藤鈴木高橋伊藤渡辺加藤吉田松本井上木清水森池橋石川前岡長谷藤原竹内金李朴王張劉陳楊"
KATA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロワン"


def _kanji_name(rng: random.Random) -> tuple[str, str]:
    surname = "".join(rng.choice(KANJI) for _ in range(rng.choice((1, 2, 2, 2))))
    return surname, surname + "".join(rng.choice(KANJI) for _ in range(rng.choice((1, 2, 2))))


def _kata_name(rng: random.Random) -> tuple[str, str]:
    def part() -> str:
        return "".join(rng.choice(KATA) for _ in range(rng.randint(3, 5)))

    last = part()
    return last, f"{part()}・{last}"


def build(persons: int, edges: int, seed: int = 7):
    import networkx as nx

    from extract.lexicon import load_lexicon
    from graph.build import add_relations

    rng = random.Random(seed)
    lex = load_lexicon()
    countries = sorted(a for a, x in lex.actors.items() if x.type == "country")
    rels = []
    names = []
    for i in range(persons):
        short, full = (_kanji_name if i % 2 else _kata_name)(rng)
        pid = full.replace("・", "_")
        state = rng.choice(countries)
        names.append((pid, short, full, state))
        rels.append(_rel(f"d{i}.txt", pid, full, "person", "leader_of", state, lex.actors[state].name, "country"))
        if rng.random() < 0.3:  # the same person by surname in another article
            rels.append(
                _rel(f"s{i}.txt", short, short, "person", "member_of", state, lex.actors[state].name, "country")
            )
    for i in range(edges):
        a, b = rng.sample(countries, 2)
        rels.append(
            _rel(f"e{i % 997}.txt", a, lex.actors[a].name, "country", "meeting", b, lex.actors[b].name, "country")
        )
    G = nx.MultiDiGraph()
    add_relations(G, rels, merge=False)
    return G, names, countries


def _rel(doc, s, sl, st, rtype, t, tl, tt):
    from extract.types import Relation

    return Relation(
        doc=doc,
        sentence=f"{sl}と{tl}。",
        sentence_index=0,
        source=s,
        source_label=sl,
        source_type=st,
        source_mention=sl,
        type=rtype,
        target=t,
        target_label=tl,
        target_type=tt,
        target_mention=tl,
        predicate="会談",
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--persons", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=20000)
    ap.add_argument("--lookups", type=int, default=2000)
    a = ap.parse_args()

    from graph.merge import merge_identities
    from graph.names import NameIndex, search_keys

    t = time.perf_counter()
    G, names, _ = build(a.persons, a.edges)
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges ({time.perf_counter() - t:.1f} s to build)")
    tracemalloc.start()
    t = time.perf_counter()
    index = NameIndex(G)
    build_s = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"NameIndex: {build_s:.2f} s, {peak / 2**20:.0f} MiB peak")
    rng = random.Random(1)
    queries = []
    for _ in range(a.lookups):
        _, short, full, state = rng.choice(names)
        queries += [full, full + "大統領", short, state, "north korea", "露", "アメリカ"]
    t = time.perf_counter()
    for q in queries:
        index.find(q)
    dt = time.perf_counter() - t
    print(f"find: {len(queries)} lookups in {dt:.2f} s ({dt / len(queries) * 1e6:.0f} µs each)")
    misses = ["Untied States", "ロシヤ", "north koria", "ゼレンスキ"] * 25
    t = time.perf_counter()
    for q in misses:
        index.suggest(q)
    dt = time.perf_counter() - t
    print(f"suggest: {len(misses)} misses in {dt:.2f} s ({dt / len(misses) * 1e3:.1f} ms each)")
    t = time.perf_counter()
    n_keys = sum(len(search_keys(n, d)) for n, d in G.nodes(data=True))
    print(f"search_keys: {n_keys} keys for the map in {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    merges = merge_identities(G)
    print(f"merge_identities: {len(merges)} merges in {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
