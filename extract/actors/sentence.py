"""One sentence as the recognisers read it: its tokens, their text, and the word classes they test."""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import Lexicon
from ..normalize import is_katakana, nfkc
from ..types import ActorType

__all__ = ["PREFIXES", "TARGET_PREFIXES"]


# One-character prefixes that turn a country abbreviation into an argument:
# 対ロ制裁 (against Russia), 訪米 (visit to the US), 駐日大使 (to Japan).
PREFIXES = frozenset("対訪駐親反在脱来離知嫌")


TARGET_PREFIXES = frozenset("対反嫌")  # 対ロ制裁: against Russia


OPEN = "(（"


CLOSE = ")）"


NAME_JOINERS = frozenset("・･=＝")
# (of them, those that may also join two names: チャーチル＝ルーズベルト会談)
NAME_EQUALS = frozenset("=＝")


def is_reading(text: str) -> bool:
    """A reading in brackets: katakana (キム・ジョンウン) or hiragana (ご・こうこう)."""
    t = text.replace(" ", "").replace("・", "")
    return bool(t) and (is_katakana(t) or all("\u3041" <= c <= "\u309f" or c == "ー" for c in t))


def is_particle(tag: str) -> bool:
    return tag.startswith(("助詞", "助動詞", "補助記号", "空白"))


def is_nounish(tag: str) -> bool:
    return tag.startswith(("名詞", "接頭辞", "接尾辞-名詞的"))


@dataclass(frozen=True, slots=True, init=False)
class SentenceView:
    """One sentence's tokens, as the recognisers read them: positions, normalised and verbatim text."""

    doc: list  # the Doc's tokens: indexing a Doc makes a new Token object each time, and the rules index a lot
    surface: str  # the verbatim sentence the mentions' texts are taken from
    cuts: tuple[tuple[int, int], ...]  # spans the parser did not read (a long English aside): (position, length)
    norm: str  # the NFKC text, for matching
    tok_start: list[int]
    tok_end: list[int]
    end_at: dict[int, int]  # character offset where a token ends -> its index

    def __init__(self, doc, original: str | None = None, cuts: tuple[tuple[int, int], ...] = ()):
        tokens = list(doc)
        text = doc.text
        # Surface forms come from the original text (the Doc may hold its NFKC form).
        surface = original[: len(text)] if original is not None and len(original) >= len(text) else text
        if cuts and original is not None:
            surface = original
        tok_end = [t.idx + len(t) for t in tokens]
        set_ = object.__setattr__
        set_(self, "doc", tokens)
        set_(self, "surface", surface)
        set_(self, "cuts", cuts)
        set_(self, "norm", nfkc(text))
        set_(self, "tok_start", [t.idx for t in tokens])
        set_(self, "tok_end", tok_end)
        set_(self, "end_at", {e: i for i, e in enumerate(tok_end)})

    def text(self, start: int, end: int) -> str:
        if self.cuts:
            return self.surface[self._verbatim(self.tok_start[start]) : self._verbatim(self.tok_end[end - 1], end=True)]
        return self.surface[self.tok_start[start] : self.tok_end[end - 1]]

    def _verbatim(self, pos: int, *, end: bool = False) -> int:
        """A position in the parsed text as a position in the verbatim sentence
        (an end at a cut stays before it, a start moves past it)."""
        return pos + sum(length for at, length in self.cuts if at < pos or (at == pos and not end))

    def ntext(self, start: int, end: int) -> str:
        return self.norm[self.tok_start[start] : self.tok_end[end - 1]]


def actor_type(lex: Lexicon, actor_id: str) -> ActorType:
    return lex.actors[actor_id].type


# -- 2. abbreviations: 日米韓, ロ朝, 対ロ, 訪米, 露外相 -------------------------
def abbr_ids(lex: Lexicon, s: str) -> tuple[str, ...] | None:
    ab = lex.abbreviations
    # 日・米 (one token to Sudachi): abbreviations joined by ・ are a compound of them
    if len(s) > 2 and s[1:-1:2] and all(c in "・･" for c in s[1::2]) and len(s) % 2 == 1:
        s = s[::2]
    if not s or any(c not in ab for c in s):
        return None
    # ソロ, パロ: a run of katakana abbreviations is a katakana word
    if len(s) > 1 and all("\u30a0" <= c <= "\u30ff" for c in s):
        return None
    return tuple(dict.fromkeys(ab[c] for c in s))


# Words after which a name is a place's: ガザ地区南部ラファ, ウクライナ東部ドネツク, 首都キーウ.
_PLACE_BEFORE = frozenset(
    {"北部", "南部", "東部", "西部", "中部", "北東部", "北西部", "南東部", "南西部", "中心部", "郊外", "近郊"}
    | {"首都", "州都", "県", "州", "市", "地区", "地方", "自治区", "都市"}
)


def has_prefix(sent: SentenceView, m, prefix: str) -> bool:
    """Whether a mention is written with ``prefix``, fused (訪米: ``m.prefix``) or as the token
    before it (駐|アフガニスタン, 在|コロンビア)."""
    return m.prefix == prefix or (m.start > 0 and sent.ntext(m.start - 1, m.start) == prefix)


def after_place_word(sent: SentenceView, start: int) -> bool:
    """Whether the token before ``start`` introduces a place (南部|ラファ): what follows is no person."""
    return start > 0 and sent.ntext(start - 1, start) in _PLACE_BEFORE
