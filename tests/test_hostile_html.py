"""Scraped news pages (issue 13): only the article body is read, in time linear in the page.

Three pages written for these tests in the shapes news sites use: a menu,
a breadcrumb, share buttons, a "related articles" list and a ranking whose
headlines name other states, reader comments that state relations of their
own, a footer. Every one of those would add a wrong relation if read. The
body is read with trafilatura; geokg's own guarantees stay: scripts are never
text, the publication date resolves 「19日」, evidence is verbatim from the text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.cli import main
from extract.read.io import html_to_text, read_input

# fmt: off
BODY = [
    "ロシアと北朝鮮は19日、包括的な協力を規定する新条約を締結すると合意した。",
    "ロシア外務省によると、両国は軍事と経済の両面で関係を深める。",
    "日本政府は同日、この合意を強く批判した。",
    "韓国の外相は、北朝鮮への支援をやめるようロシアに求めた。",
]
FURNITURE = [  # each would be a wrong relation if read
    "中国が台湾に圧力をかけた",         # related articles
    "英国とフランスが首脳会談",         # ranking
    "イランがイスラエルを攻撃した",     # a reader's comment
    "米国がキューバに制裁を科した。",   # in a script
    "ドイツとポーランドが協力",         # menu / footer
]
# fmt: on

PAGE_CLASSIC = f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8">
<title>露朝が新条約に合意 | 東亜日報</title>
<meta property="og:title" content="露朝が新条約に合意">
<meta property="article:published_time" content="2024-06-19T21:05:00+09:00">
<meta name="author" content="山田花子">
<link rel="canonical" href="https://toa.example.jp/articles/2024/06/19/1">
<script>window.dataLayer = ["{FURNITURE[3]}"];</script>
</head><body>
<header><a href="/" class="logo">東亜日報</a>
<nav class="global"><ul><li><a href="/">トップ</a></li><li><a href="/world">国際</a></li>
<li><a href="/politics">政治</a></li><li><a href="/x">{FURNITURE[4]}</a></li></ul></nav></header>
<nav class="breadcrumb"><a href="/">トップ</a> &gt; <a href="/world">国際</a></nav>
<main><article>
<h1>露朝が新条約に合意</h1>
<div class="byline">山田花子 モスクワ支局</div>
<div class="share"><button>シェア</button><button>ポスト</button></div>
<p>{BODY[0]}</p>
<p>{BODY[1][:10]}
{BODY[1][10:]}</p>
<p>{BODY[2]}</p>
<p>{BODY[3]}</p>
</article>
<aside class="related"><h2>関連記事</h2><ul>
<li><a href="/a/2">{FURNITURE[0]}</a></li><li><a href="/a/3">北朝鮮、新型ミサイルを発射</a></li></ul></aside>
<section id="comments"><h2>読者のコメント</h2>
<div class="comment"><span class="user">匿名</span><p>{FURNITURE[2]}と思う。許せない。</p></div></section>
</main>
<footer><p>&copy; 東亜日報社</p><a href="/privacy">プライバシー</a></footer>
</body></html>
"""

PAGE_DIVS = f"""<html><head><meta charset="utf-8"><title>北朝鮮情勢</title>
<meta itemprop="datePublished" content="2024-06-19">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "北朝鮮情勢", "author": {{"@type": "Person", "name": "佐藤一郎"}}}}</script>
</head><body>
<div id="header"><div class="menu"><a href="/">ホーム</a> | <a href="/n">ニュース</a> | <a href="/s">スポーツ</a></div></div>
<div id="container">
 <div id="main"><div class="article-body">
  <h2 class="headline">北朝鮮情勢</h2>
  <div class="text">{BODY[0]}<br>{BODY[1]}<br><br>{BODY[2]}<br>{BODY[3]}</div>
 </div>
 <div class="ad">広告</div>
 <div class="comment-list"><div class="comment-item">{FURNITURE[2]}。</div>
  <div class="comment-item">もっと報道してほしい。</div></div>
 </div>
 <div id="sidebar"><div class="ranking"><h3>アクセスランキング</h3><ol>
  <li><a href="/r/1">{FURNITURE[1]}</a></li><li><a href="/r/2">{FURNITURE[0]}</a></li></ol></div></div>
</div>
<div id="footer">{FURNITURE[4]}特集 | 会社概要 | お問い合わせ</div>
</body></html>
"""

PAGE_BLOG = f"""<!doctype html><html><head><title>国際ニュース解説</title>
<meta name="pubdate" content="20240619"></head><body>
<div class="wrapper"><header class="site-header"><h1 class="site-title">国際ニュース解説ブログ</h1>
<ul class="menu"><li>ホーム</li><li>アーカイブ</li><li>{FURNITURE[4]}</li></ul></header>
<div class="content"><div class="post">
<h2 class="entry-title">露朝の接近</h2>
<div class="entry-content">
<p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p><p>{BODY[3]}</p>
</div>
<div class="tags">タグ: ロシア 北朝鮮</div>
<div class="related-posts"><h3>こちらもおすすめ</h3>
<ul><li><a href="/p/9">{FURNITURE[0]}</a></li><li><a href="/p/8">{FURNITURE[1]}</a></li></ul></div>
<div id="comments" class="comments-area"><h3>2件のコメント</h3>
<ol class="comment-list"><li class="comment"><div class="comment-body"><p>{FURNITURE[2]}。</p></div></li></ol>
<form id="commentform"><textarea></textarea><button>送信</button></form></div>
</div></div>
<footer class="site-footer">Powered by ブログ</footer></div></body></html>
"""

PAGES = {"classic.html": PAGE_CLASSIC, "divs.html": PAGE_DIVS, "blog.html": PAGE_BLOG}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_hostile_html_only_the_article_body_is_read(name):
    page = html_to_text(PAGES[name])
    for sentence in BODY:
        assert sentence in page.text, (name, page.text)
    for line in FURNITURE:
        assert line not in page.text, (name, line, page.text)
    assert page.date == "2024-06-19"
    assert "トップ" not in page.text and "ホーム" not in page.text  # menus
    assert "コメント" not in page.text and "関連記事" not in page.text


def test_hostile_html_metadata():
    classic, divs = html_to_text(PAGE_CLASSIC), html_to_text(PAGE_DIVS)
    assert (classic.title, classic.author, classic.url) == (
        "露朝が新条約に合意",
        "山田花子",
        "https://toa.example.jp/articles/2024/06/19/1",
    )
    assert (divs.title, divs.author) == ("北朝鮮情勢", "佐藤一郎")
    assert BODY[1] in classic.text  # the line break inside it is gone, not a space


@pytest.mark.model
def test_hostile_html_build_reads_relations_from_the_body_only(tmp_path):
    d = tmp_path / "pages"
    d.mkdir()
    for name, page in PAGES.items():
        (d / name).write_text(page, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(d), "-o", str(out), "--no-progress"]) == 0
    triples = [json.loads(x) for x in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    actors = {t["source"] for t in triples} | {t["target"] for t in triples}
    assert actors <= {"RUS", "PRK", "JPN", "KOR", "RUS:外務省"}, actors  # no CHN, TWN, GBR, FRA, IRN, ISR, USA, CUB
    for name in PAGES:
        mine = [t for t in triples if t["doc"].endswith(name)]
        assert ("PRK", "treaty", "RUS") in {(t["source"], t["type"], t["target"]) for t in mine}, name
        treaty = next(t for t in mine if t["type"] == "treaty" and t["sentence"] == BODY[0])
        assert treaty["time"] == "2024-06-19"  # 「19日」 resolved from the page's date
        text = read_input(d / name).document.text
        assert all(t["sentence"] in text for t in mine)  # evidence verbatim from the text read
    rows = {Path(r["path"]).name: r for r in json.loads((out / "report.json").read_text(encoding="utf-8"))["inputs"]}
    assert rows["classic.html"]["author"] == "山田花子" and rows["classic.html"]["title"] == "露朝が新条約に合意"


def test_hostile_html_nested_asides_and_closing_navs(tmp_path):
    """The probe's page: n <aside> then n </nav>, 1.3 MB (115 s in the old reader); nesting is cut off, not followed."""
    n = 100_000
    page = "<html><body>" + "<aside>" * n + "</nav>" * n + f"<p>{BODY[0]}</p></body></html>"
    assert len(page) > 1_300_000
    f = tmp_path / "deep.html"
    f.write_text(page, encoding="utf-8")
    try:
        got = read_input(f).document.text
    except Exception as e:  # skipped (no text left) is fine; anything else is not
        assert type(e).__name__ == "SkippedInput", e
    else:
        assert "<aside>" not in got


def test_hostile_html_deep_json_ld_is_ignored():
    deep = "[" * 200_000 + "]" * 200_000
    page = (
        f'<html><head><script type="application/ld+json">{deep}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-06-19"}</script>'
        f"</head><body><p>{BODY[0]}</p></body></html>"
    )
    got = html_to_text(page)
    assert got.text == BODY[0] and got.date == "2024-06-19"
