"""Reading what analysts scrape: encodings, formats, metadata and files that are not articles.

Every case writes a real file in ``tmp_path`` (bytes produced by Python's own
codecs) and reads it with :func:`extract.read.io.read_input`. No model is loaded.
"""

from __future__ import annotations

import codecs
import os

import pytest

from extract.read.io import (
    InputError,
    SkippedInput,
    decode_bytes,
    html_to_text,
    iso_date,
    list_inputs,
    markdown_to_text,
    parse_seed_header,
    read_input,
)
from tests.conftest import SEED

TEXT = "ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。日本や韓国には脅威が増す。"


# fmt: off
@pytest.mark.parametrize(("codec", "reported"), [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),
    ("utf-32", "utf-32"),
    ("shift_jis", "cp932"),
    ("cp932", "cp932"),
    ("euc_jp", "euc_jp"),
    ("iso2022_jp", "iso2022_jp"),
])
def test_io_decodes_japanese_encodings(tmp_path, codec, reported):
    f = tmp_path / f"article-{codec}.txt"
    f.write_bytes(TEXT.encode(codec))
    got = read_input(f)
    assert got.document.text == TEXT
    assert got.encoding == reported
    assert got.warnings == ()


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp", "iso2022_jp"])
def test_io_decodes_a_very_short_text(tmp_path, codec):
    f = tmp_path / "short.txt"
    f.write_bytes("米国が制裁".encode(codec))
    assert read_input(f).document.text == "米国が制裁"


def test_io_cp932_extras_and_half_width_kana(tmp_path):
    text = "㈱ロシア①ｶﾞｽﾌﾟﾛﾑと～北朝鮮－"
    f = tmp_path / "win.txt"
    f.write_bytes(text.encode("cp932"))
    got = read_input(f)
    assert got.encoding == "cp932" and got.document.text == text


def test_io_latin_text_in_windows_1252(tmp_path):
    f = tmp_path / "en.txt"
    f.write_bytes("The café's naïve résumé: Россия? No — just Western text, “quoted”.".encode("cp1252", "replace"))
    got = read_input(f)
    assert got.encoding == "cp1252" and "café" in got.document.text


@pytest.mark.parametrize("codec", ["utf-8", "cp932", "euc_jp"])
def test_io_undecodable_bytes_are_replaced_and_reported(tmp_path, codec):
    raw = (TEXT * 4).encode(codec)
    cut = raw.index("協".encode(codec))
    f = tmp_path / "damaged.txt"
    f.write_bytes(raw[:cut] + b"\xff" + raw[cut:])
    got = read_input(f)
    assert got.encoding.replace("-", "_").startswith(codec.replace("-", "_")[:3])
    assert "\ufffd" in got.document.text and "北朝鮮" in got.document.text
    assert len(got.warnings) == 1
    assert "damaged.txt" in got.warnings[0] and "U+FFFD" in got.warnings[0]


def test_io_utf8_cut_in_the_middle_of_a_character(tmp_path):
    raw = TEXT.encode()
    f = tmp_path / "truncated.txt"
    f.write_bytes(raw[:-1])
    got = read_input(f)
    assert got.encoding == "utf-8" and got.document.text.startswith(TEXT[:-1]) and got.warnings


def test_io_iso_2022_jp_is_not_taken_for_ascii(tmp_path):
    raw = TEXT.encode("iso2022_jp")
    assert raw.isascii()  # strict UTF-8 would accept it, escape codes and all
    f = tmp_path / "mail.txt"
    f.write_bytes(raw)
    assert "\x1b" not in read_input(f).document.text


# fmt: off
@pytest.mark.parametrize(("name", "raw", "reason"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \r\n\t\n  ", "empty"),
    ("bom-only.txt", codecs.BOM_UTF8 + "\u3000\n".encode(), "empty"),
    ("nul.txt", "米国".encode() + b"\x00\x00\x01\x02" * 50, "binary"),
    ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
    ("controls.txt", bytes(range(1, 9)) * 200, "binary"),
    ("script-only.html", b"<html><head><script>var s = '\xe7\xb1\xb3\xe5\x9b\xbd';</script><style>p{}</style></head>"
                         b"<body>  </body></html>", "no text outside the markup"),
])
def test_io_files_that_are_not_articles_are_skipped(tmp_path, name, raw, reason):
    f = tmp_path / name
    f.write_bytes(raw)
    with pytest.raises(SkippedInput) as e:
        read_input(f)
    message = str(e.value)
    assert str(f) in message and reason in message
    assert "; " in message  # ... and says what to do


def test_io_random_bytes_are_binary():
    import random

    rng = random.Random(6)
    raw = bytes(rng.randrange(1, 256) for _ in range(4000))  # no NUL, nothing decodes
    with pytest.raises(Exception) as e:
        decode_bytes(raw)
    assert "binary" in str(e.value) or "not text" in str(e.value)


def test_io_missing_and_folder_fail_with_a_message(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt: no such file; check the path"):
        read_input(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_input(tmp_path)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod 000 does not stop root from reading the file")
def test_io_unreadable_file_fails_with_a_message(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text(TEXT, encoding="utf-8")
    f.chmod(0)
    try:
        with pytest.raises(InputError, match=r"secret\.txt: permission denied; make the file readable"):
            read_input(f)
    finally:
        f.chmod(0o644)


def test_io_broken_symlink_fails_even_for_root(tmp_path):
    link = tmp_path / "moved.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError) as e:
        read_input(link)
    assert not isinstance(e.value, SkippedInput) and "moved.txt" in str(e.value)


# -- formats -----------------------------------------------------------------------------------


def test_io_seed_layout_keeps_the_text_verbatim_with_title_and_url():
    got = read_input(SEED)
    text = SEED.read_text(encoding="utf-8")
    assert got.format == "seed"
    assert got.document.text == text
    assert got.document.title == "ロシア・北朝鮮、軍事色強める 金正恩氏「同盟水準に」"
    assert got.document.url == "https://www.nikkei.com/article/DGXZQOGM1937T0Z10C24A6000000/"


# fmt: off
@pytest.mark.parametrize(("text", "title"), [
    ("題\n\n題\nhttps://a.jp/x\n\n『本文。』", "題"),
    ("題\r\nhttps://a.jp/x\r\n本文。", "題"),
    ("題\n本文。https://a.jp/x\n", None),
    ("https://a.jp/x\n題\n本文。", None),
    ("題\n\n別の題\nhttps://a.jp/x\n", None),
    ("本文だけ。", None),
])
def test_io_seed_header_table(text, title):
    got = parse_seed_header(text)
    assert (got.title if got else None) == title


_PAGE = """<!DOCTYPE html>
<html lang="ja"><head>
<meta charset="utf-8">
<title>露朝が新条約 | 新聞</title>
<meta property="og:title" content="露朝が新条約">
<meta property="article:published_time" content="2024-06-19T23:30:00+09:00">
<link rel="canonical" href="https://news.example.jp/a/1">
<style>body { color: red } .x::before { content: "米国が中国を攻撃した。" }</style>
<script>var t = "米国がイランに制裁を科した。"; if (a < b && c > d) {}</script>
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-01-01"}</script>
</head><body>
<nav><a href="/">ホーム</a> &gt; <a href="/intl">国際</a></nav>
<article><h1>露朝が新条約</h1>
<p>ロシアと
  北朝鮮が19日、新条約を<b>締結</b>すると合意した。</p>
<p>Putin and
  Kim met &amp; agreed.<br>改行後の文。</p>
<svg><title>アイコン</title><text>図</text></svg>
<noscript>JavaScriptを有効にしてください。</noscript>
</article>
<footer>(C) 新聞社</footer>
</body></html>
"""


def test_io_html_text_metadata_and_dropped_markup():
    got = html_to_text(_PAGE)
    assert got.text.splitlines() == [
        "露朝が新条約",
        "ロシアと北朝鮮が19日、新条約を締結すると合意した。",
        "Putin and Kim met & agreed.",
        "改行後の文。",
    ]
    assert (got.title, got.date, got.url) == ("露朝が新条約", "2024-06-19", "https://news.example.jp/a/1")


# fmt: off
@pytest.mark.parametrize(("head", "date"), [
    ('<meta property="article:published_time" content="2024-06-19T01:00:00Z">', "2024-06-19"),
    ('<meta itemprop="datePublished" content="2024-06-18">', "2024-06-18"),
    ('<script type="application/ld+json">[{"@graph": [{"datePublished": "2024-06-17T09:00"}]}]</script>',
     "2024-06-17"),
    ('<meta name="pubdate" content="20240616">', "2024-06-16"),
    ("<body><time datetime='2024-06-15'>6月15日</time>", "2024-06-15"),
    ('<meta name="date" content="not a date">', None),
    ('<meta name="date" content="2024-02-30">', None),
])
def test_io_html_publication_date_table(head, date):
    assert html_to_text(f"<html><head>{head}</head><body><p>本文。</p></body></html>").date == date


def test_io_html_page_wrapped_in_furniture_keeps_its_text():
    # an unclosed <nav> (or a page inside <aside>) must not lose the article
    got = html_to_text("<html><body><nav><p>ロシアと北朝鮮が合意した。</p></body></html>")
    assert got.text == "ロシアと北朝鮮が合意した。"


def test_io_html_file_in_shift_jis_declared_in_meta(tmp_path):
    f = tmp_path / "page.htm"
    f.write_bytes(_PAGE.replace('charset="utf-8"', 'charset="Shift_JIS"').encode("cp932"))
    got = read_input(f)
    assert got.format == "html" and got.encoding == "cp932"
    assert got.document.date == "2024-06-19" and got.document.title == "露朝が新条約"
    assert "ロシアと北朝鮮が19日" in got.document.text and "制裁" not in got.document.text


def test_io_html_saved_as_txt_is_read_as_html(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(_PAGE, encoding="utf-8")
    got = read_input(f)
    assert got.format == "html" and "<p>" not in got.document.text


def test_io_markdown_front_matter_and_markup():
    got = markdown_to_text(
        "---\ntitle: \"露朝が新条約\"\ndate: 2024-06-19\nurl: https://news.example.jp/a/1\n---\n"
        "# 見出し\n\n**ロシア**と[北朝鮮](https://x.jp/b)が\n19日、合意した。\n\n"
        "- 日本や韓国には脅威が増す。\n\n<script>alert('米国')</script>\n")
    assert got.text.splitlines() == ["見出し", "ロシアと北朝鮮が19日、合意した。", "日本や韓国には脅威が増す。"]
    assert (got.title, got.date, got.url) == ("露朝が新条約", "2024-06-19", "https://news.example.jp/a/1")


def test_io_markdown_file_without_front_matter(tmp_path):
    f = tmp_path / "note.md"
    f.write_bytes(("# 露朝\n\n" + TEXT).encode("utf-8-sig"))
    got = read_input(f)
    assert got.format == "markdown" and got.document.title == "露朝" and got.document.date is None
    assert got.document.text == "露朝\n" + TEXT


def test_io_plain_text_is_verbatim_crlf_and_all(tmp_path):
    text = "見出し\r\n\r\n" + TEXT + "\r\nＮＡＴＯとﾛｼｱ。\r\n"
    f = tmp_path / "crlf.txt"
    f.write_bytes(text.encode("utf-8"))
    got = read_input(f)
    assert got.format == "text" and got.document.text == text


# fmt: off
@pytest.mark.parametrize(("value", "iso"), [
    ("2024-06-19", "2024-06-19"), ("2024/6/9", "2024-06-09"), ("2024年6月19日", "2024-06-19"),
    ("2024-06-19T23:30:00+09:00", "2024-06-19"), ("20240619", "2024-06-19"), ("2024-13-01", None),
    ("June 19", None), ("", None), (None, None),
])
def test_io_iso_date_table(value, iso):
    assert iso_date(value) == iso


# -- listing ------------------------------------------------------------------------------------


def test_io_list_inputs_sorted_once_hidden_and_output_left_out(tmp_path):
    root = tmp_path / "in"
    for rel in ["b.txt", "a.md", "sub/c.html", "sub/d.jpg", ".hidden.txt", ".git/x.txt", "out/graph.html"]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("本文。", encoding="utf-8")
    files = list_inputs([root, root / "b.txt", root / "a.md"], exclude=[root / "out"])
    rel = [(str(f.path.relative_to(root)), f.supported) for f in files if not f.excluded]
    assert rel == [("a.md", True), ("b.txt", True), ("sub/c.html", True), ("sub/d.jpg", False)]
    assert [(f.path, f.excluded) for f in files if f.excluded] == [
        (root / "out", f"{root / 'out'}: the output folder of this run")
    ]


def test_io_list_inputs_thousands_of_files(tmp_path):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(3000):
        (root / f"{i:05d}.txt").write_bytes(b"x")
    files = list_inputs([root])
    assert len(files) == 3000 and [f.path.name for f in files[:2]] == ["00000.txt", "00001.txt"]


def test_io_mostly_ascii_utf8_with_a_bad_byte_is_not_mistaken_for_latin(tmp_path):
    raw = ("Western text about ロシア and 北朝鮮, mostly in English words. " * 10).encode()
    f = tmp_path / "mixed.txt"
    f.write_bytes(raw[:50] + b"\xff" + raw[50:])
    got = read_input(f)
    assert got.encoding == "utf-8" and "北朝鮮" in got.document.text and len(got.warnings) == 1
