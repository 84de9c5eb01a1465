"""Sentence splitting that respects quotes and stays bounded on any input.

GiNZA's own splitter cuts 金正恩(キム・ジョンウン)総書記 at the bracket and
Sudachi refuses texts over ~49 KB (GiNZA issue #242), so geokg splits first:
at 。！？ and full stops (． and a '.' between Japanese characters), never
inside 「」『』() unless a bracket runs implausibly long, and hard-splits any
run longer than ``MAX_SENTENCE_CHARS`` at the last comma or space before the
limit, and any ``MAX_UNBROKEN_CHARS`` characters without a comma or space at
all (a line of scraped text without punctuation is not a sentence, and the
parser's memory grows with the length of what it is given).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["MAX_SENTENCE_CHARS", "MAX_UNBROKEN_CHARS", "Sentence", "split_sentences"]

MAX_SENTENCE_CHARS = 1000
# No Japanese sentence runs this long without a 、 or a space; a 300,000-character line without any
# took 3.2 GB to parse in 1,000-character pieces, under 1 GB in pieces of this size.
MAX_UNBROKEN_CHARS = 150
# A bracket left open longer than this is a stray, not a quote.
_MAX_QUOTE = 400

_ENDERS = "。！？!?．"
_OPEN = "「『（(【〈《“"
_CLOSE = "」』）)】〉》”"
_SOFT_BREAKS = "、，,；;：: 　"
_JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # character offsets into the document text
    end: int
    text: str
    paragraph: int


def _is_full_stop(text: str, i: int) -> bool:
    ch = text[i]
    if ch == ".":
        # a '.' ends a sentence only between Japanese text and what follows
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        return bool(_JA.match(before)) and (not after or after.isspace() or bool(_JA.match(after)))
    if ch == "．":
        after = text[i + 1] if i + 1 < len(text) else ""
        return not after.isdigit()
    return ch in _ENDERS


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of matched brackets no longer than _MAX_QUOTE: no split inside them.

    Unmatched brackets (a 『 that opens a whole article body) protect nothing.
    """
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            o = stack.pop()
            if i - o <= _MAX_QUOTE:
                spans.append((o, i))
            if len(stack) > 64:
                del stack[:-64]
    return spans


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    inside = bytearray(end - start)
    for o, c in _protected(text, start, end):
        inside[o - start : c - start] = b"\x01" * (c - o)
    s = start
    i = start
    run = start  # where the current run without a comma or space began
    while i < end:
        if i - s >= MAX_SENTENCE_CHARS:
            cut = max((text.rfind(b, s + MAX_SENTENCE_CHARS // 2, i) for b in _SOFT_BREAKS), default=-1)
            cut = cut + 1 if cut > s else i
            yield s, cut
            s = cut
        elif i - max(s, run) >= MAX_UNBROKEN_CHARS:
            yield s, i
            s = i
        if text[i] in _SOFT_BREAKS:
            run = i + 1
        if not inside[i - start] and _is_full_stop(text, i):
            j = i + 1
            # closing marks stay with their sentence (。」), but a run of them is bounded too
            while j < end and j - s < MAX_SENTENCE_CHARS and (text[j] in _ENDERS or text[j] in _CLOSE):
                j += 1
            yield s, j
            s = j
            i = j
            continue
        i += 1
    if s < end:
        yield s, end


def split_sentences(text: str) -> list[Sentence]:
    """Split a document into sentences with their offsets; blank text gives none.

    >>> [s.text for s in split_sentences("米国は「制裁を科す。」と述べた。英国も同調した")]
    ['米国は「制裁を科す。」と述べた。', '英国も同調した']
    """
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, line_end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if not text[line_start:line_end].strip():
            paragraph += 1
            continue
        for s, e in _split_line(text, line_start, line_end):
            # trim whitespace but keep offsets true to the document
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                out.append(Sentence(start=s, end=e, text=text[s:e], paragraph=paragraph))
        paragraph += 1
    return out
