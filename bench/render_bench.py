"""How fast is the map written and how fast does it open? Render a graph, load it in headless Chromium, time it.

By default builds a random graph of 2,000 actors and 10,000 relations with
realistic attributes (skewed degrees, Japanese names and evidence sentences,
several pieces of evidence on some edges, a few hedged/negated/hypothetical
ones), writes its map with ``graph.render_html`` (through ``graph.to_pyvis``:
layout, communities, items) and reports the time to write the page (wall
and CPU, with its parts) and, in the browser, the time from navigation start
to the first draw, when the map is interactive (``geokg.timings.firstDraw``;
the layout was computed in Python, so there is nothing to wait for after it).
Issue 18 asks for a page written in ≤ 5 s and a first draw in ≤ 3 s. The
machine's load is printed too: on 2 shared cores, other work slows both.

    .venv/bin/python bench/render_bench.py                      # 2,000 / 10,000
    .venv/bin/python bench/render_bench.py --nodes 500 --edges 2000
    .venv/bin/python bench/render_bench.py --html output/graph.html --runs 5
    .venv/bin/python bench/render_bench.py --html output/graph.html \\
        --edge PRK:treaty:RUS --screenshot docs/map.png         # the README screenshot
    .venv/bin/python bench/render_bench.py --html corpus/graph.html --shots docs/ --window 1600x1000
        # docs/map-corpus-{fit,zoom,focus,filtered}.png: the corpus map as the README shows it

Needs Debian's ``chromium`` and ``chromium-driver`` and selenium (test extra).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

TYPES = {  # relation type -> share of relations
    "meeting": 18,
    "cooperation": 12,
    "criticism": 12,
    "comments_on": 12,
    "support": 8,
    "sanction": 6,
    "threat": 6,
    "request": 6,
    "treaty": 4,
    "attack": 4,
    "member_of": 6,
    "leader_of": 3,
    "part_of": 3,
}
MODALITIES = {"asserted": 85, "hedged": 8, "hypothetical": 4, "negated": 3}
ACTOR_TYPES = {"country": 25, "person": 35, "organization": 30, "region": 10}
KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
KANJI = "日米中韓露朝欧英独仏国連合防衛外務省研究所大学協会委員党軍政府首相長官議会銀行"
PREDICATES = {
    "meeting": ["会談", "協議", "対話"],
    "cooperation": ["協力", "連携"],
    "criticism": ["非難", "批判", "懸念を表明"],
    "comments_on": ["指摘", "述べた"],
    "support": ["支援", "供与"],
    "sanction": ["制裁"],
    "threat": ["脅威", "威嚇"],
    "request": ["要請", "求める"],
    "treaty": ["締結", "合意"],
    "attack": ["侵攻", "攻撃"],
    "member_of": ["研究委員"],
    "leader_of": ["大統領", "首相"],
    "part_of": ["傘下"],
}


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def random_graph(n_nodes: int = 2000, n_edges: int = 10000, *, seed: int = 1):
    """A MultiDiGraph like graph.build_graph makes, with n_nodes actors and n_edges edges."""
    import graph

    rng = random.Random(seed)
    actors = []
    for i in range(n_nodes):
        atype = _pick(rng, ACTOR_TYPES)
        chars = KANA if atype == "person" else KANJI + KANA
        name = "".join(rng.choice(chars) for _ in range(rng.randint(2, 9)))
        actors.append(
            {
                "id": f"a{i:05d}",
                "type": atype,
                "name": name,
                "aliases": [name, name[:2] + "氏"],
                "role": rng.choice([None, "leader", "official", "expert"]) if atype == "person" else None,
                "mentions": max(1, int(rng.paretovariate(1.2))),
            }
        )
    weights = [a["mentions"] for a in actors]  # busy actors get more relations
    docs = [f"news/{d:04d}.txt" for d in range(max(1, n_nodes // 4))]
    relations = []
    keys: set[tuple[str, str, str]] = set()
    while len(keys) < n_edges:
        s, t = rng.choices(actors, weights=weights, k=2)
        if s["id"] == t["id"]:
            continue
        rtype = _pick(rng, TYPES)
        doc = rng.choice(docs)
        sentence = (
            f"{s['name']}は{rng.randint(1, 28)}日、{t['name']}との間で{rng.choice(PREDICATES[rtype])}について"
            + "".join(rng.choice(KANJI + KANA) for _ in range(rng.randint(20, 60)))
            + "と述べた。"
        )
        for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 4)):
            relations.append(
                dict(
                    doc=doc,
                    sentence=sentence,
                    sentence_index=rng.randint(0, 60),
                    source=s["id"],
                    source_label=s["name"],
                    source_type=s["type"],
                    source_mention=s["name"],
                    type=rtype,
                    target=t["id"],
                    target_label=t["name"],
                    target_type=t["type"],
                    target_mention=t["name"],
                    predicate=rng.choice(PREDICATES[rtype]),
                    modality=_pick(rng, MODALITIES),
                    time=rng.choice([None, None, "2024", f"2024-0{rng.randint(1, 9)}"]),
                    confidence=round(rng.uniform(0.5, 0.95), 2),
                )
            )
            doc = rng.choice(docs)
        a, b = (s["id"], t["id"])
        if rtype in ("meeting", "cooperation", "treaty"):
            a, b = sorted((a, b))
        keys.add((a, b, rtype))
    return graph.build_graph(relations, actors)


def open_browser(user_data_dir: str, *, width: int = 1400, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        f"--user-data-dir={user_data_dir}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


def load_map(driver, path: Path, *, timeout: float = 120.0) -> dict:
    """Open the map and wait until it is laid out and frozen; return the page's timings (ms)."""
    started = time.perf_counter()
    driver.get(path.resolve().as_uri())
    while not driver.execute_script("return !!(window.geokg && window.geokg.ready)"):
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"{path}: not ready after {timeout:.0f} s")
        time.sleep(0.02)
    wall = (time.perf_counter() - started) * 1000
    timings = driver.execute_script("return window.geokg.timings")
    timings["wall"] = wall
    timings["errors"] = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return timings


def write_page(G, html: Path) -> dict:
    """Write the map of G and time it: wall and CPU seconds, and the parts (layout, communities, the rest)."""
    import graph
    from graph import aggregate, placement, render

    report: dict = {}
    wall, cpu = time.perf_counter(), time.process_time()
    graph.render_html(G, html, title=f"bench {G.number_of_nodes()} / {G.number_of_edges()}")
    report["page_written_s"] = round(time.perf_counter() - wall, 2)
    report["page_written_cpu_s"] = round(time.process_time() - cpu, 2)
    ids = sorted(map(str, G.nodes))
    weights = aggregate.pair_weights(ids, ((str(s), str(t), d.get("count", 1)) for s, t, d in G.edges(data=True)))
    t0 = time.process_time()
    placement.place(
        len(ids),
        [a for a, _ in weights],
        [b for _, b in weights],
        list(weights.values()),
        spacing=render.SPACING,
        edge_length=render.EDGE_LENGTH,
        seed=render.LAYOUT_SEED,
    )
    report["layout_cpu_s"] = round(time.process_time() - t0, 2)
    t0 = time.process_time()
    aggregate.communities(len(ids), weights, seed=render.LAYOUT_SEED)
    report["louvain_cpu_s"] = round(time.process_time() - t0, 2)
    return report


SHOTS = {  # name: what to do before the picture (the map is at Fit when each starts)
    "fit": "",
    "zoom": """var n = geokg.network, id = geokg.nodes.get().sort(function (a, b) { return b.strength - a.strength; })[0].id;
               n.moveTo({position: n.getPositions([id])[id], scale: n.getScale() * 2.6});""",
    "focus": """var id = geokg.nodes.get().sort(function (a, b) { return b.strength - a.strength; })[1].id;
                geokg.network.selectNodes([id]); geokg.focus(id); geokg.showNode(id);""",
    "filtered": "geokg.setTop(40);",
}


def take_shots(driver, html: Path, folder: Path, prefix: str = "map-corpus") -> list[str]:
    """The corpus map at Fit, zoomed on its busiest actor, focused on the second, and its top 40 actors."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, script in SHOTS.items():
        load_map(driver, html)
        if script:
            driver.execute_script(script)
        time.sleep(0.6)
        path = folder / f"{prefix}-{name}.png"
        driver.save_screenshot(str(path))
        out.append(f"{path}: {len(driver.execute_script('return geokg.labels()'))} names")
    return out


def show_edge(driver, spec: str) -> None:
    source, rtype, target = spec.split(":")
    found = driver.execute_script(
        """
        var ids = geokg.edges.getIds({filter: function (e) { return e.type === arguments[1] &&
            ((e.from === arguments[0] && e.to === arguments[2]) ||
             (e.symmetric && e.from === arguments[2] && e.to === arguments[0])); }});
        if (!ids.length) return 0;
        var pair = geokg.pairs.get({filter: function (p) { return p.members.indexOf(ids[0]) >= 0; }})[0];
        if (pair && geokg.edgesView.get(pair.id)) geokg.network.selectEdges([pair.id]);
        geokg.showEdge(ids[0]);
        return ids.length;""".replace("arguments[0]", json.dumps(source))
        .replace("arguments[1]", json.dumps(rtype))
        .replace("arguments[2]", json.dumps(target))
    )
    if not found:
        print(f"no edge {spec!r}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3, help="page loads to time (median reported)")
    parser.add_argument("--html", type=Path, help="time this map instead of a random graph")
    parser.add_argument("--select", help="after loading, find this actor, open its panel and fit the view")
    parser.add_argument("--edge", metavar="SOURCE:TYPE:TARGET", help="after loading, open this edge's evidence")
    parser.add_argument("--screenshot", type=Path, help="save a PNG of the loaded map here")
    parser.add_argument(
        "--shots", type=Path, metavar="DIR", help="save the corpus screenshots (fit, zoom, focus, filtered) here"
    )
    parser.add_argument("--window", default="1400x900", help="browser window size, WxH")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="geokg-bench-") as tmp:
        tmp_path = Path(tmp)
        report: dict = {"load_average": [round(x, 2) for x in os.getloadavg()]}
        if args.html:
            html = args.html
        else:
            t0 = time.perf_counter()
            G = random_graph(args.nodes, args.edges, seed=args.seed)
            report["graph_build_s"] = round(time.perf_counter() - t0, 2)
            html = tmp_path / "bench.html"
            report.update(write_page(G, html))
            report["nodes"], report["edges"] = G.number_of_nodes(), G.number_of_edges()
        report["file"] = str(html)
        report["size_kb"] = round(html.stat().st_size / 1024)

        width, height = (int(x) for x in args.window.lower().split("x"))
        driver = open_browser(str(tmp_path / "profile"), width=width, height=height)
        try:
            runs = [load_map(driver, html) for _ in range(max(1, args.runs))]
            if args.select:
                found = driver.execute_script(
                    "var id = geokg.findActor(arguments[0]); if (id !== null) geokg.focusNode(id); return id;",
                    args.select,
                )
                if found is None:
                    print(f"no actor matches {args.select!r}", file=sys.stderr)
            if args.edge:
                show_edge(driver, args.edge)
            if args.select or args.edge:
                time.sleep(0.8)  # the focus animation; the panel lies over the canvas, which keeps its scale
            if args.screenshot:
                args.screenshot.parent.mkdir(parents=True, exist_ok=True)
                driver.save_screenshot(str(args.screenshot))
                report["screenshot"] = str(args.screenshot)
            counts = driver.execute_script("return [geokg.nodes.length, geokg.edges.length, geokg.labels().length]")
            if args.shots:
                report["shots"] = take_shots(driver, html, args.shots)
        finally:
            driver.quit()

    def med(key: str) -> float:
        return round(statistics.median(r[key] for r in runs if r.get(key) is not None))

    report["page_nodes"], report["page_edges"], report["names_at_fit"] = counts
    report["ms_to_data_parsed"] = med("data")
    report["ms_to_network_created"] = med("network")
    report["ms_to_first_draw"] = med("firstDraw") if any(r.get("firstDraw") for r in runs) else None
    report["ms_to_ready"] = med("stable")
    report["ms_wall"] = med("wall")
    report["ms_to_first_draw_runs"] = [round(r["firstDraw"]) for r in runs if r.get("firstDraw")]
    report["console_errors"] = sorted({e for r in runs for e in r["errors"]})
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if report["console_errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
