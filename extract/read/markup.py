"""Markup → text: the article in a scraped news page, and the text of a Markdown file.

HTML pages are parsed once with lxml (linear in the page size; nesting past
libxml2's 255 levels is cut off, not followed) and read in two parts:

- **Metadata**, by geokg itself, in a fixed order: title (``og:title``, then
  ``<title>``, then the first ``<h1>``), publication date
  (``article:published_time``, schema.org ``datePublished`` in markup or
  JSON-LD, other date metadata, then ``<time datetime>``; it resolves 「19日」),
  author and URL. A JSON-LD block that is not JSON, or nested deeper than any
  real one, is ignored.
- **Text**, by `trafilatura <https://trafilatura.readthedocs.io>`_: the
  article's main text, with menus, related-article lists, comments, share
  buttons, footers and other boilerplate dropped. Scripts, styles and other
  non-text elements are removed before it reads the page, so their contents
  are never text. A page trafilatura finds no article in (a short note, a
  page of one paragraph) is read whole, page furniture (nav, aside, footer)
  left out unless nothing else remains; so is a page over 5 million
  characters, which no news page is.

Line breaks in the markup next to Japanese text are removed, not turned into
spaces (as a browser shows it). The text returned is what evidence sentences
are cut from, so evidence is always verbatim from it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Extracted", "html_to_text", "iso_date", "markdown_to_text"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Extracted:
    """Text taken from markup, and the metadata the markup states."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None
    author: str | None = None


_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATE_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\b|T|$)")


def iso_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` from a timestamp or date as pages and front matter write it.

    >>> iso_date("2024-06-19T23:30:00+09:00"), iso_date("2024年6月19日"), iso_date("soon")
    ('2024-06-19', '2024-06-19', None)
    """
    import datetime as _dt

    if isinstance(value, _dt.date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        return None
    m = _DATE.match(value) or _DATE_COMPACT.match(value)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


# Never text, whatever the page: dropped before anything reads it.
_NOT_TEXT = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select")
# Page furniture: left out of a page read whole, unless nothing else is left.
_FURNITURE = frozenset({"nav", "aside", "footer", "header", "form", "button", "dialog"})
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul", "caption",
    }
)  # fmt: skip
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_WIDE = re.compile("[\u2e80-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_LD_MAX_CHARS = 1_000_000  # a JSON-LD block larger than this is not metadata
# trafilatura's time grows faster than the page: 3 s for 10,000 elements, 40 s for 160,000, and
# 300,000 <span>s in one <p> took more than 15 minutes. No news page comes near these limits; a
# page over either is read whole, in time linear in its size.
_MAIN_TEXT_MAX_CHARS = 5_000_000
_MAIN_TEXT_MAX_ELEMENTS = 20_000
# libxml2 compares each attribute of a tag with the ones before it: 200,000 attributes took 54 s.
# A tag of more than this many loses them before the page is parsed (no real tag comes near).
_MAX_ATTRIBUTES = 1_000
_LONG_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]{0,40})([^<>]{8000,})")
_ATTRIBUTE = re.compile(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]*))?""")


def _space(text: str) -> str:
    """Whitespace as a browser shows it: a run holding a line break next to Japanese text goes (CSS
    Text 3 removes it between two wide characters; Japanese text also wants no space before a
    half-width "19日"); any other run is one space. One pass, linear in the text."""

    def one(m: re.Match[str]) -> str:
        if "\n" in m.group(0):
            start, end = m.span()
            if (start and _WIDE.match(text, start - 1)) or _WIDE.match(text, end):
                return ""
        return " "

    return _HTML_SPACE.sub(one, text)


def _collapse(s: str) -> str:
    return _space(s).strip()


def _tame(markup: str) -> str:
    """``markup`` with the attributes of any tag holding more than :data:`_MAX_ATTRIBUTES` of them dropped."""

    def bare(m: re.Match[str]) -> str:
        many = sum(1 for _ in zip(_ATTRIBUTE.finditer(m.group(2)), range(_MAX_ATTRIBUTES + 1), strict=False))
        return f"<{m.group(1)}" if many > _MAX_ATTRIBUTES else m.group(0)

    return _LONG_TAG.sub(bare, markup)


def _parse(markup: str):
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(_tame(markup), parser=parser)
    except (etree.ParserError, ValueError):  # no element at all ("" or only a comment)
        root = lxml.html.document_fromstring("<html><body></body></html>")
    return root


# -- metadata ------------------------------------------------------------------------------------


def _meta(root) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content is not None:
            out.setdefault(key, content.strip())
    return out


def _ld_blocks(root) -> list[Any]:
    """The JSON-LD blocks that are JSON; one that is not, or is nested too deep for the parser, is ignored."""
    blocks = []
    for el in root.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = el.text or ""
        if len(text) > _LD_MAX_CHARS:
            continue
        try:
            blocks.append(json.loads(text))
        except (ValueError, RecursionError):
            continue
    return blocks


def _ld_find(blocks: Iterable[Any], key: str) -> Any:
    """The first value of ``key`` in the JSON-LD blocks (schema.org NewsArticle), searched a few levels deep."""
    stack = [(b, 0) for b in reversed(list(blocks))]
    while stack:
        obj, depth = stack.pop()
        if depth > 8:
            continue
        if isinstance(obj, dict):
            if obj.get(key):
                return obj[key]
            items = list(obj.values())
        elif isinstance(obj, list):
            items = obj
        else:
            continue
        stack.extend((v, depth + 1) for v in reversed(items))
    return None


def _ld_author(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _ld_author(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_ld_author(v) for v in value[:10]) if n]
        return ", ".join(names) or None
    return None


def _metadata(root) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, date, url, author) as the page states them."""
    meta = _meta(root)
    blocks = _ld_blocks(root)
    title_el = root.find(".//title")
    h1 = root.find(".//h1")
    title = (
        meta.get("og:title")
        or (_collapse(title_el.text_content()) if title_el is not None else "")
        or (_collapse(h1.text_content()) if h1 is not None else "")
        or None
    )
    itemprop = next(
        (el.get("datetime") or el.get("content") for el in root.iterfind(".//*[@itemprop]")
         if (el.get("itemprop") or "").lower() == "datepublished"),
        None,
    )  # fmt: skip
    time_el = next((el.get("datetime") for el in root.iter("time") if el.get("datetime")), None)
    ld_date = _ld_find(blocks, "datePublished")
    candidates = (
        meta.get(_DATE_META[0]),
        itemprop,
        ld_date if isinstance(ld_date, str) else None,
        *(meta.get(k) for k in _DATE_META[1:]),
        time_el,
    )
    date = next((d for d in (iso_date(v) for v in candidates) if d), None)
    canonical = next(
        (el.get("href") for el in root.iter("link") if "canonical" in (el.get("rel") or "").lower().split()), None
    )
    url = canonical or meta.get("og:url") or None
    author = next((meta[k] for k in _AUTHOR_META if meta.get(k)), None) or _ld_author(_ld_find(blocks, "author"))
    return title, date, url, author


# -- text ------------------------------------------------------------------------------------------


def _drop_non_text(root) -> None:
    from lxml import etree

    for el in list(root.iter(*_NOT_TEXT)):
        el.drop_tree() if el.getparent() is not None else None
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)


def _normalise_space(root) -> None:
    """Whitespace as a browser shows it, outside <pre> (see :func:`_space`). Line breaks in the
    text read are then the page's own blocks and <br>s, and the lines of a <pre>."""
    # lxml hands out the same Python object for an element as long as one is alive: keeping the
    # <pre> elements and their descendants in a list makes their id()s stable for the walk below.
    tops = list(root.iter("pre"))
    inner = [el for p in tops for el in p.iterdescendants()]
    text_kept = {id(el) for el in (*tops, *inner)}  # their text is inside a <pre>
    tail_kept = {id(el) for el in inner}  # a tail is the parent's text: inside a <pre> below its top
    for el in root.iter():
        text, tail = el.text, el.tail
        if text and id(el) not in text_kept and (new := _space(text)) != text:
            el.text = new
        if tail and id(el) not in tail_kept and (new := _space(tail)) != tail:
            el.tail = new


def _more_elements_than(root, limit: int) -> bool:
    return any(i >= limit for i, _ in enumerate(root.iter()))


def _main_text(root) -> str:
    """The article's main text, by trafilatura; "" when it finds none."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        text = trafilatura.extract(
            root,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=False,
            deduplicate=False,
            # Precision: on a short page the default falls back to reading every text node,
            # menus included and inline <b> cut into lines of their own.
            favor_precision=True,
            # No second opinion from readability and jusText: they cost most of the time on large
            # or deep pages (superlinear in jusText) and add boilerplate back on short ones.
            fast=True,
        )
    except (ValueError, RecursionError) as e:  # a page trafilatura cannot take apart: read it whole
        log.info("trafilatura could not read the page (%s); reading it whole", e)
        return ""
    return "\n".join(line for line in (_HTML_SPACE.sub(" ", ln).strip() for ln in (text or "").splitlines()) if line)


def _all_text(root) -> str:
    """Every block of the body, one per line; page furniture only if nothing else is there."""
    from lxml import etree

    body = root.find("body")
    if body is None:
        body = root

    def read(skip_furniture: bool) -> str:
        parts: list[str] = []
        walk = etree.iterwalk(body, events=("start", "end"))
        for event, el in walk:
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "start":
                if skip_furniture and tag in _FURNITURE:
                    walk.skip_subtree()
                    if el.tail:
                        parts.append(el.tail)
                    continue
                if tag in _BLOCK:
                    parts.append("\n")
                if tag == "pre":
                    parts.append((el.text_content() or "").replace("\r\n", "\n").replace("\n", "\x00"))
                    walk.skip_subtree()
                    parts.append("\n")
                    if el.tail:
                        parts.append(el.tail)
                    continue
                if el.text:
                    parts.append(el.text)
            else:
                if tag in _BLOCK:
                    parts.append("\n")
                if el.tail and el is not body:
                    parts.append(el.tail)
        lines = (_HTML_SPACE.sub(" ", line).replace("\x00", "\n").strip() for line in "".join(parts).split("\n"))
        return "\n".join(line for line in lines if line)

    return read(skip_furniture=True) or read(skip_furniture=False)


def html_to_text(markup: str, *, whole: bool = False) -> Extracted:
    """The article text of an HTML page, one block per line, with its title, date, URL and author.

    ``whole`` reads every block instead of the main text (Markdown, where
    everything is content).

    >>> e = html_to_text('<html><head><title>T</title><meta property="article:published_time" '
    ...                  'content="2024-06-19T09:00:00+09:00"><script>var x="米国";</script></head>'
    ...                  '<body><nav>ホーム</nav><p>ロシアと\\n北朝鮮が<b>合意</b>した。</p></body></html>')
    >>> e.text, e.title, e.date
    ('ロシアと北朝鮮が合意した。', 'T', '2024-06-19')
    """
    root = _parse(markup)
    title, date, url, author = _metadata(root)
    _drop_non_text(root)
    _normalise_space(root)
    too_big = len(markup) > _MAIN_TEXT_MAX_CHARS or _more_elements_than(root, _MAIN_TEXT_MAX_ELEMENTS)
    text = "" if whole or too_big else _main_text(root)
    if not text:
        text = _all_text(root)
    return Extracted(text=text, title=title, date=date, url=url, author=author)


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FM_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(.*)")  # the value is stripped after: no backtracking


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields: dict[str, str] = {}
    for line in m.group(1).splitlines():
        lm = _FM_LINE.match(line)
        if lm:
            value = lm.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields.setdefault(lm.group(1).lower(), value)
    return fields, text[m.end() :]


def markdown_to_text(source: str) -> Extracted:
    """The text of a Markdown article (CommonMark, via markdown-it-py), with its front matter.

    >>> e = markdown_to_text("---\\ntitle: 露朝\\ndate: 2024-06-19\\n---\\n# 見出し\\n\\n**ロシア**と[北朝鮮](https://x.jp)が合意した。")
    >>> e.text, e.title, e.date
    ('見出し\\nロシアと北朝鮮が合意した。', '露朝', '2024-06-19')
    """
    from markdown_it import MarkdownIt

    fields, body = _front_matter(source)
    extracted = html_to_text(MarkdownIt("commonmark", {"html": True}).render(body), whole=True)
    date = next(
        (
            iso_date(fields[k])
            for k in ("date", "published", "pubdate", "published_at")
            if k in fields and iso_date(fields[k])
        ),
        None,
    )
    url = next((fields[k] for k in ("url", "link", "source", "canonical_url") if fields.get(k)), None)
    title = fields.get("title") or extracted.title
    author = fields.get("author") or extracted.author
    return Extracted(
        text=extracted.text, title=title or None, date=date or extracted.date, url=url or extracted.url, author=author
    )
