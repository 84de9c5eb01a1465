"""Actor mentions in one sentence: gazetteer, abbreviations, bodies, persons.

Works on any tokenised ``Doc`` of one sentence: the bare Sudachi tokens of
``nlp.make_doc`` (the cheap pass that decides what is worth parsing) or a
fully parsed one, where GiNZA's NER adds persons. Pure: the Doc is not
modified; mentions are returned as records.

GiNZA's NER alone is not enough for news (it tags 日米 as one Country, 南山大
as a Theater, misses 防衛省防衛研究所 and reads 先任 as a Person), so the
gazetteer and the title patterns lead and NER only adds names they missed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .normalize import is_kanji, is_katakana, nfkc, slugify
from .types import ActorType, Role

__all__ = [
    "PREFIXES",
    "TARGET_PREFIXES",
    "Entity",
    "Link",
    "Mention",
    "SentenceMentions",
    "find_mentions",
    "needs_ner",
    "recognize",
]

# One-character prefixes that turn a country abbreviation into an argument:
# 対ロ制裁 (against Russia), 訪米 (visit to the US), 駐日大使 (to Japan).
PREFIXES = frozenset("対訪駐親反在脱来離知嫌")
TARGET_PREFIXES = frozenset("対反嫌")  # 対ロ制裁: against Russia
_OPEN = "(（"
_CLOSE = ")）"
_NAME_JOINERS = frozenset("・･=＝")
# Kinship words that Sudachi glues to names (三女悦子, 長男信勝).
_KIN = (
    "長女",
    "次女",
    "三女",
    "四女",
    "長男",
    "次男",
    "三男",
    "四男",
    "妻",
    "夫",
    "父",
    "母",
    "兄",
    "弟",
    "姉",
    "妹",
    "息子",
    "娘",
    "孫",
    "叔父",
    "叔母",
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of tokens naming one or more actors.

    ``ids`` is empty for persons and rule-found organizations until the
    document resolves them (:mod:`extract.resolve`); ``name`` is then the key.
    """

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    text: str  # verbatim surface form
    type: ActorType
    ids: tuple[str, ...] = ()
    name: str = ""  # canonical name for persons and new organizations
    kind: str = "gazetteer"  # gazetteer | compound | person | organization | collective
    role: Role | None = None
    title: str | None = None
    reading: str | None = None
    prefix: str | None = None  # 対, 訪 … before an abbreviation
    count: int = 0  # collectives: how many actors 両国 / 3カ国 stand for
    org_id: str | None = None  # a body of a known state: "CHN:外務省" for 中国外務省 / 中国外交部

    @property
    def is_collective(self) -> bool:
        return self.kind == "collective"

    @property
    def is_speaker(self) -> bool:
        """私 / 我々: who it is, the document says (:mod:`extract.voice`)."""
        return self.kind == "self"


@dataclass(frozen=True, slots=True)
class Link:
    """An affiliation read from the noun phrase: 「Xの Y大統領」, 「X省Y研究所」."""

    child: int  # index into SentenceMentions.mentions
    type: str  # leader_of | member_of | part_of
    parent: int | None  # index of the parent mention, or None with parent_id
    predicate: str
    parent_id: str | None = None  # a gazetteer parent not mentioned here (安保理 → 国連)
    # No parent named: the official of the text's own government (外務大臣 in a MOFA release),
    # resolved by the document when it has one (ONTOLOGY convention 11).
    to_home: bool = False
    # Known, not stated: 外務省 alone is Japan's. Worth saying only of a body that acts in the text.
    implied: bool = False


@dataclass(slots=True)
class SentenceMentions:
    mentions: list[Mention] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)  # token index -> mention index

    def index_at(self, token_index: int) -> int | None:
        return self.by_token.get(token_index)

    def distinct_actor_keys(self) -> set[str]:
        keys: set[str] = set()
        for m in self.mentions:
            if m.is_collective:
                keys.update(f"?{k}" for k in range(m.count))
            elif m.ids:
                keys.update(m.ids)
            else:
                keys.add(m.name)
        return keys


# Endings of a state's official name: 共和国, 王国, 連邦 …
_STATE_ENDINGS = ("共和国", "王国", "連邦", "公国", "首長国", "帝国", "民主共和国", "人民共和国", "合衆国", "連合王国")

# マルコス政権, 岸田内閣: a government named after its leader
_GOVERNMENT_WORDS = frozenset({"政権", "内閣", "政府", "体制", "暫定政権", "新政権"})

_SIGNATORIES = frozenset({"下記署名者", "下名", "署名者", "下記署名国", "署名国一同"})
_FIRST_PERSON = frozenset({"私", "わたし", "私自身", "小職", "本職"})
_FIRST_PERSON_PLURAL = frozenset({"我々", "われわれ", "我われ", "我ら", "私たち", "わたしたち"})


@dataclass(slots=True)
class _TitleZone:
    """The words between a person's name and title (see ``_Builder._title_zone``)."""

    start: int  # where the name must end (token index, exclusive)
    affiliations: list[int] = field(default_factory=list)  # mention indices, nearest the title first
    same: bool = False  # 同国防大臣: the state just named
    hosted: bool = False  # 駐日 / 駐アフガニスタン: an ambassador, of a state not named here
    joined: bool = False  # 兼: a second title of one person
    person: int | None = None  # that person's mention, for a second title
    skipped: bool = False  # policy words skipped (外務・安全保障政策)
    bracketed: bool = False  # バラク・オバマ(第44代アメリカ合衆国大統領)
    after_no: bool = False  # アメリカの国務長官


def _is_reading(text: str) -> bool:
    """A reading in brackets: katakana (キム・ジョンウン) or hiragana (ご・こうこう)."""
    t = text.replace(" ", "").replace("・", "")
    return bool(t) and (is_katakana(t) or all("\u3041" <= c <= "\u309f" or c == "ー" for c in t))


def _bare_title(title: str, lex: Lexicon) -> str:
    """The title without its modifiers: 元内閣総理大臣 → 内閣総理大臣."""
    w = title
    while w not in lex.titles:
        for m in lex.title_modifiers:
            if w.startswith(m) and len(w) > len(m):
                w = w[len(m) :]
                break
        else:
            return title
    return w


def _is_particle(tag: str) -> bool:
    return tag.startswith(("助詞", "助動詞", "補助記号", "空白"))


def _is_nounish(tag: str) -> bool:
    return tag.startswith(("名詞", "接頭辞", "接尾辞-名詞的"))


class _Builder:
    def __init__(self, doc, lex: Lexicon, original: str | None = None, cuts: tuple[tuple[int, int], ...] = ()):
        # A list of the Doc's tokens: indexing a Doc makes a new Token object each time,
        # and the rules index a lot.
        self.doc = list(doc)
        text = doc.text
        # Surface forms come from the original text (the Doc may hold its NFKC form).
        self.surface = original[: len(text)] if original is not None and len(original) >= len(text) else text
        # Spans the parser did not read (a long English aside in brackets): (position, length).
        self.cuts = cuts
        if cuts and original is not None:
            self.surface = original
        self.lex = lex
        self.norm = nfkc(text)
        self.tok_start = [t.idx for t in self.doc]
        self.tok_end = [t.idx + len(t) for t in self.doc]
        self.end_at = {e: i for i, e in enumerate(self.tok_end)}
        self.out = SentenceMentions()
        self.dropped: set[int] = set()

    # -- bookkeeping -------------------------------------------------------
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

    def free(self, start: int, end: int) -> bool:
        taken = self.out.by_token
        if end == start + 1:
            return start not in taken
        return all(i not in taken for i in range(start, end))

    def add(self, m: Mention) -> int:
        idx = len(self.out.mentions)
        self.out.mentions.append(m)
        for i in range(m.start, m.end):
            self.out.by_token[i] = idx
        return idx

    def replace(self, idx: int, m: Mention) -> None:
        old = self.out.mentions[idx]
        for i in range(old.start, old.end):
            self.out.by_token.pop(i, None)
        self.out.mentions[idx] = m
        for i in range(m.start, m.end):
            self.out.by_token[i] = idx

    def descent(self) -> None:
        """アルバニア系住民, 米系商店, 日系企業: a state's name before 系 says where people or
        firms come from; the state is not acting."""
        for idx, m in enumerate(self.out.mentions):
            if idx in self.dropped or m.type != ActorType.COUNTRY or m.end >= len(self.doc):
                continue
            if self.doc[m.end].text.startswith("系") or self.doc[m.end - 1].text.endswith("系"):
                self.drop(idx)

    def drop(self, idx: int) -> None:
        old = self.out.mentions[idx]
        for i in range(old.start, old.end):
            if self.out.by_token.get(i) == idx:
                del self.out.by_token[i]
        self.dropped.add(idx)

    def link(
        self,
        child: int,
        rtype: str,
        parent: int | None,
        predicate: str,
        parent_id: str | None = None,
        *,
        to_home: bool = False,
        implied: bool = False,
    ) -> None:
        lk = Link(
            child=child,
            type=rtype,
            parent=parent,
            predicate=predicate,
            parent_id=parent_id,
            to_home=to_home,
            implied=implied,
        )
        if lk not in self.out.links:
            self.out.links.append(lk)

    def actor_type(self, actor_id: str) -> ActorType:
        return self.lex.actors[actor_id].type

    # -- 1. gazetteer --------------------------------------------------------
    def gazetteer(self) -> None:
        doc, lex = self.doc, self.lex
        i = 0
        n = len(doc)
        while i < n:
            s = self.tok_start[i]
            if self.norm[s : s + 1].upper() not in lex.alias_initials:
                i += 1
                continue
            best = None
            last = i
            while last + 1 < n and self.tok_end[last + 1] - s <= lex.max_alias_length:
                last += 1
            for j in range(last, i - 1, -1):
                e = self.tok_end[j]
                # the text is NFKC already: a key only drops spaces and folds case
                key = "".join(self.norm[s:e].split()).upper()
                aid = lex.aliases.get(key)
                if aid is not None and (len(key) >= 2 or not key.isascii()) and self._ascii_bounded(s, e):
                    best = (j + 1, aid)
                    break
            if best is None:
                i += 1
                continue
            end, aid = best
            self.add(Mention(start=i, end=end, text=self.text(i, end), type=self.actor_type(aid), ids=(aid,)))
            i = end

    def unlisted_states(self) -> None:
        """サハラ・アラブ民主共和国, カンプチア人民共和国: a state Sudachi knows as a country
        name but the gazetteer does not (partly recognised or historical) is a state too."""
        for i, t in enumerate(self.doc):
            if not self.free(i, i + 1) or not t.tag_.startswith("名詞-固有名詞-地名-国"):
                continue
            word = self.ntext(i, i + 1)
            if len(word) < 4 or not word.endswith(_STATE_ENDINGS):
                continue
            # 南ベトナム共和国臨時革命政府: a body with the state's name in it is the body
            j = i + 1
            while j < len(self.doc) and j - i <= 4 and self.doc[j].tag_.startswith("名詞-普通名詞"):
                j += 1
            run = self.ntext(i, j)
            if j > i + 1 and run.endswith(("政府", "評議会", "委員会", "戦線", "機構")):
                self.add(
                    Mention(
                        start=i,
                        end=j,
                        text=self.text(i, j),
                        type=ActorType.ORGANIZATION,
                        name=run,
                        kind="organization",
                        org_id=slugify(run),
                    )
                )
                continue
            self.add(
                Mention(
                    start=i,
                    end=i + 1,
                    text=self.text(i, i + 1),
                    type=ActorType.COUNTRY,
                    name=word,
                    kind="organization",
                    org_id=slugify(word),
                )
            )

    def _ascii_bounded(self, s: int, e: int) -> bool:
        # Latin aliases (EU, IS, AP) must not be part of a longer Latin word.
        t = self.norm
        if t[s:e].isascii():
            if s > 0 and t[s - 1].isascii() and t[s - 1].isalnum():
                return False
            if e < len(t) and t[e].isascii() and t[e].isalnum():
                return False
        return True

    # -- 2. abbreviations: 日米韓, ロ朝, 対ロ, 訪米, 露外相 -------------------------
    def _abbr_ids(self, s: str) -> tuple[str, ...] | None:
        ab = self.lex.abbreviations
        if not s or any(c not in ab for c in s):
            return None
        # ソロ, パロ: a run of katakana abbreviations is a katakana word
        if len(s) > 1 and all("\u30a0" <= c <= "\u30ff" for c in s):
            return None
        return tuple(dict.fromkeys(ab[c] for c in s))

    def abbreviations(self) -> None:
        doc, lex = self.doc, self.lex
        i = 0
        n = len(doc)
        while i < n:
            if not self.free(i, i + 1):
                i += 1
                continue
            # Adjacent tokens made only of abbreviations form one compound: 日米 + 韓.
            j = i
            while (
                j < n
                and self.free(j, j + 1)
                and self._abbr_ids(self.ntext(j, j + 1)) is not None
                and (j == i or self.tok_start[j] == self.tok_end[j - 1])
            ):  # adjacent, no space between
                j += 1
            prefix = None
            start = i
            if j == i:
                tok = self.ntext(i, i + 1)
                # A prefix inside the token: 訪米, 対日, 駐日
                ids = self._abbr_ids(tok[1:]) if len(tok) >= 2 and tok[0] in PREFIXES else None
                if ids is not None and tok not in lex.not_compounds:
                    self.add(
                        Mention(
                            start=i,
                            end=i + 1,
                            text=self.text(i, i + 1),
                            type=self._compound_type(ids),
                            ids=ids,
                            kind="compound",
                            prefix=tok[0],
                        )
                    )
                i += 1
                continue
            surface = self.ntext(i, j)
            ids = self._abbr_ids(surface)
            if ids is None or surface in lex.not_compounds or self._is_date_or_word(i, j, surface):
                i = j
                continue
            prev = self.ntext(i - 1, i) if i > 0 else ""
            if prev and prev[-1] in PREFIXES and prev[-1:] == prev:
                prefix = prev
            if len(surface) == 1 and prefix is None and not self._standalone(i, surface) and not self._dotted(i, j):
                i = j
                continue
            if surface in lex.ambiguous_compounds and not (
                j < n and _is_nounish(doc[j].tag_) and not doc[j].tag_.startswith("名詞-数詞")
            ):
                i = j
                continue
            self.add(
                Mention(
                    start=start,
                    end=j,
                    text=self.text(start, j),
                    type=self._compound_type(ids),
                    ids=ids,
                    kind="compound" if len(ids) > 1 else "gazetteer",
                    prefix=prefix,
                )
            )
            i = j

    def fused_bodies(self) -> None:
        """米軍, 露軍, 国連軍, 韓国軍: Sudachi keeps a state or body and its ending in one token."""
        lex = self.lex
        suffixes = lex.fused_suffixes
        for i in range(len(self.doc)):
            if not self.free(i, i + 1):
                continue
            word = self.ntext(i, i + 1)
            if len(word) < 2 or not word.endswith(suffixes):
                continue
            for suffix in suffixes:
                if not word.endswith(suffix) or len(word) == len(suffix):
                    continue
                head = word[: -len(suffix)]
                aid = lex.lookup(head) if len(head) >= 2 else None
                if aid is None:
                    ids = self._abbr_ids(head)
                    aid = ids[0] if ids and len(ids) == 1 else None
                if aid is None or lex.lookup(word) is not None:
                    continue
                atype = self.actor_type(aid)
                body = lex.state_body(aid, suffix) if atype == ActorType.COUNTRY else None
                if atype == ActorType.COUNTRY and (suffix in lex.state_alias_suffixes or (body and body.is_state)):
                    # 米政府 and 米軍 are the state itself (its forces named generically)
                    self.add(Mention(start=i, end=i + 1, text=self.text(i, i + 1), type=atype, ids=(aid,)))
                elif atype in (ActorType.COUNTRY, ActorType.ORGANIZATION):
                    org_id = body.id if body else None
                    name = body.name if body else word
                    idx = self.add(
                        Mention(
                            start=i,
                            end=i + 1,
                            text=self.text(i, i + 1),
                            type=ActorType.ORGANIZATION,
                            name=name,
                            kind="organization",
                            org_id=org_id,
                        )
                    )
                    if atype == ActorType.COUNTRY:
                        self.link(idx, "part_of", None, name, parent_id=aid)
                break

    def _compound_type(self, ids: tuple[str, ...]) -> ActorType:
        return self.actor_type(ids[0]) if len(ids) == 1 else ActorType.COUNTRY

    def _is_date_or_word(self, i: int, j: int, surface: str) -> bool:
        doc = self.doc
        # 19日, 3月中: a number before 日/中 makes it a date, not Japan or China.
        if i > 0 and (doc[i - 1].like_num or doc[i - 1].tag_.startswith("名詞-数詞")):
            return True
        # Sudachi tags the abbreviation 中 in 期間中 as a suffix.
        if len(surface) == 1 and doc[i].tag_.startswith("接尾辞") and surface not in self.lex.standalone_abbreviations:
            return True
        return False

    def _dotted(self, i: int, j: int) -> bool:
        """日・ウクライナ首脳会談, 日ウクライナ情報保護協定, 日・EU: an abbreviation joined (by ・ or
        nothing) to a state or body named in full."""
        doc = self.doc
        if j >= len(doc):
            return False
        k = j + 1 if self.ntext(j, j + 1) in ("・", "･") else j
        nxt = self.out.index_at(k) if k < len(doc) else None
        if nxt is None or (k == j and self.tok_start[j] != self.tok_end[j - 1]):
            return False
        m = self.out.mentions[nxt]
        return m.start == k and m.type in (ActorType.COUNTRY, ActorType.ORGANIZATION) and not m.prefix

    def _standalone(self, i: int, surface: str) -> bool:
        """A lone 米/露/英 counts when a title, body word or particle follows."""
        if surface not in self.lex.standalone_abbreviations:
            return False
        doc = self.doc
        if i + 1 >= len(doc):
            return False
        nxt = self.ntext(i + 1, min(len(doc), i + 4))
        if nxt.startswith(self.lex.state_alias_suffixes + self.lex.state_body_suffixes):
            return True
        for k in range(i + 2, min(len(doc), i + 5) + 1):
            if self.lex.title_role(self.ntext(i + 1, k)) is not None:
                return True
        # 米が, 露は: a particle right after is the abbreviation used as a noun.
        return doc[i + 1].tag_.startswith("助詞-格助詞") or doc[i + 1].tag_.startswith("助詞-係助詞")

    # -- 3. state bodies and organization chains -----------------------------
    def genitive_bodies(self) -> None:
        """台湾の国防部, 中国の外務省: a state body named after「Xの」 belongs to X
        (外務省 alone would be Japan's)."""
        lex = self.lex
        doc = self.doc
        for idx in range(len(self.out.mentions)):
            m = self.out.mentions[idx]
            if idx in self.dropped or m.type != ActorType.COUNTRY or len(m.ids) != 1 or m.kind == "collective":
                continue
            k = m.end
            if k + 1 >= len(doc) or self.ntext(k, k + 1) != "の":
                continue
            for end in range(min(len(doc), k + 4), k + 1, -1):
                word = self.ntext(k + 1, end)
                if word not in lex.state_body_suffixes:
                    continue
                body = lex.state_body(m.ids[0], word)
                if body.is_state:
                    break  # 中国の軍: the state's forces are the state
                taken = self.out.index_at(k + 1)
                if taken is not None:
                    if self.out.mentions[taken].end != end:
                        break
                    self.drop(taken)
                if not self.free(k + 1, end):
                    break
                child = self.add(
                    Mention(
                        start=k + 1,
                        end=end,
                        text=self.text(k + 1, end),
                        type=ActorType.ORGANIZATION,
                        name=body.name,
                        kind="organization",
                        org_id=body.id,
                    )
                )
                self.link(child, "part_of", idx, self.text(m.start, end))
                break

    def bodies(self) -> None:
        """韓国側 / 米政府 → the state; 中国外務省 / イスラエル軍 → a body part_of the state;
        X + noun run + 研究院 → an organization part_of X (韓国統一研究院, 防衛省防衛研究所)."""
        lex = self.lex
        for idx in range(len(self.out.mentions)):
            m = self.out.mentions[idx]
            if (
                m.kind == "collective"
                or len(m.ids) != 1
                or m.type not in (ActorType.COUNTRY, ActorType.ORGANIZATION, ActorType.REGION)
            ):
                continue
            after = self.norm[self.tok_end[m.end - 1] :]
            if m.type == ActorType.COUNTRY:
                suffix = next((s for s in lex.state_alias_suffixes if after.startswith(s)), None)
                if suffix and self._ends_on_token(m.end - 1, len(suffix)):
                    end = self.end_at[self.tok_end[m.end - 1] + len(suffix)] + 1
                    if self.free(m.end, end):
                        self.replace(
                            idx,
                            Mention(
                                start=m.start,
                                end=end,
                                text=self.text(m.start, end),
                                type=m.type,
                                ids=m.ids,
                                kind=m.kind,
                                prefix=m.prefix,
                            ),
                        )
                        continue
                suffix = next((s for s in lex.state_body_suffixes if after.startswith(s)), None)
                if suffix and self._ends_on_token(m.end - 1, len(suffix)):
                    end = self.end_at[self.tok_end[m.end - 1] + len(suffix)] + 1
                    # 外務省 alone is in the gazetteer (Japan's); after 中国 it is China's.
                    body = self.out.index_at(m.end)
                    if body is not None and self.out.mentions[body].end == end:
                        self.drop(body)
                    if self.free(m.end, end):
                        self._org_over(idx, m, end, parent_in_name=True)
                        continue
            self._org_run(idx, m)

    def _ends_on_token(self, tok: int, length: int) -> bool:
        return self.tok_end[tok] + length in self.end_at

    def _org_run(self, idx: int, m: Mention) -> None:
        """An actor followed by a noun run ending in an organization suffix."""
        doc = self.doc
        j = m.end
        n = len(doc)
        while (
            j < n
            and j - m.end < 5
            and self.free(j, j + 1)
            and _is_nounish(doc[j].tag_)
            and not doc[j].tag_.startswith("名詞-数詞")
            and doc[j].text not in "・･"
        ):
            j += 1
            run = self.ntext(m.end, j)
            suffixes = self.lex.org_suffixes + (self.lex.org_suffixes_after_state if m.type != ActorType.REGION else ())
            if run.endswith(suffixes) and (j >= n or not doc[j].tag_.startswith("接尾辞")):
                # 韓国統一研究院, 中東研究所, 国連軍: a bare ending is named with its parent
                bare = run in self.lex.org_suffixes_after_state or len(run) <= 2
                self._org_over(idx, m, j, parent_in_name=m.type != ActorType.ORGANIZATION or bare)
                return

    def _org_over(self, idx: int, parent: Mention, end: int, *, parent_in_name: bool) -> None:
        """Turn parent + the tokens up to ``end`` into an organization mention.

        When the parent is a state, the body is named with it (中国外務省: 外務省
        alone would be Japan's); when it is a body, the new organization keeps its
        own name and the chain is an alias (防衛省防衛研究所 → 防衛研究所).
        """
        own = self.ntext(parent.end, end)
        full = self.ntext(parent.start, end)
        known = self.lex.lookup(full)
        if known is not None:
            self.replace(
                idx,
                Mention(
                    start=parent.start,
                    end=end,
                    text=self.text(parent.start, end),
                    type=self.actor_type(known),
                    ids=(known,),
                ),
            )
            return
        known_own = None if parent_in_name else self.lex.lookup(own)
        org_id = None
        name = full if parent_in_name else own
        if parent_in_name and parent.type == ActorType.COUNTRY and len(parent.ids) == 1:
            # 中国外交部 and 中国外務省 are one body, named after the state's canonical name;
            # ロシア軍, 露軍 and ロシア連邦軍 are the state itself.
            body = self.lex.state_body(parent.ids[0], own)
            if body.is_state:
                self.replace(
                    idx,
                    Mention(
                        start=parent.start,
                        end=end,
                        text=self.text(parent.start, end),
                        type=parent.type,
                        ids=parent.ids,
                        kind=parent.kind,
                        prefix=parent.prefix,
                    ),
                )
                return
            org_id, name = body.id, body.name
        org = Mention(
            start=parent.start if parent_in_name else parent.end,
            end=end,
            text=self.text(parent.start, end) if parent_in_name else self.text(parent.end, end),
            type=ActorType.ORGANIZATION,
            ids=(known_own,) if known_own else (),
            name=name,
            kind="organization",
            org_id=org_id,
        )
        if parent_in_name:
            # The state stays known to the sentence through the link only; a
            # region (中東研究所) or body named in the name is not its parent.
            self.replace(idx, org)
            # a party or front named after its state (コソボ民主党) is not a body of the state
            if parent.type != ActorType.REGION and not own.endswith(self.lex.org_suffixes_own):
                self.link(idx, "part_of", None, name, parent_id=parent.ids[0])
        else:
            # 防衛省防衛研究所: both are mentions; the chain is evidence of part_of.
            child = self.add(org)
            self.link(child, "part_of", idx, self.text(parent.start, end))
            self.out.mentions[child] = org

    # -- 4. persons ------------------------------------------------------------
    def _title_at(self, i: int) -> tuple[int, Role, str] | None:
        """Longest title word starting at token i: (end, role, title)."""
        doc = self.doc
        for k in range(min(len(doc), i + 5), i, -1):
            words = self.ntext(i, k)
            if not words.endswith(self.lex.title_words):
                continue  # cheap test first: every title ends in a title word
            role = self.lex.title_role(words)
            if role is not None:
                return k, role, words
        return None

    def _fused_title_at(self, i: int) -> tuple[tuple[int, Role, str] | None, str | None]:
        """バイデン|米大統領: Sudachi keeps a state's abbreviation and the title in one token."""
        word = self.ntext(i, i + 1)
        if len(word) < 3 or not word.endswith(self.lex.title_words):
            return None, None
        for k in range(1, len(word) - 1):
            role = self.lex.title_role(word[k:])
            if role is None:
                continue
            head = word[:k]
            ids = self._abbr_ids(head)
            state = ids[0] if ids and len(ids) == 1 else self.lex.lookup(head) if k >= 2 else None
            if state is not None and self.actor_type(state) == ActorType.COUNTRY:
                return (i + 1, role, word[k:]), state
        return None, None

    def _name_token(self, t) -> bool:
        tag = t.tag_
        txt = t.text
        if tag.startswith("名詞-固有名詞-人名") or t.ent_type_ == "Person":
            return True
        if tag.startswith(("名詞-普通名詞", "名詞-固有名詞-一般")) and is_katakana(txt) and len(txt) >= 2:
            return True
        return False

    def _name_left(self, end: int, *, strict: bool = False) -> tuple[int, int, str | None] | None:
        """Scan left from ``end`` (exclusive) for a name: (start, end, reading).

        ``strict``: words were skipped between the name and its title
        (外務・安全保障政策 in …EU外務・安全保障政策上級代表), so a lone katakana
        word is not enough: the name must be tagged a name or be joined by ・.
        """
        doc = self.doc
        k = end - 1
        reading = None
        if k >= 0 and doc[k].text in "・･":
            k -= 1
        if k >= 0 and doc[k].text in _CLOSE:
            o = k - 1
            while o >= 0 and doc[o].text not in _OPEN and k - o < 12:
                o -= 1
            if o < 0 or doc[o].text not in _OPEN:
                return None
            inner = self.ntext(o + 1, k) if o + 1 < k else ""
            if inner and _is_reading(inner):
                reading = inner
            k = o - 1
        stop = k
        parts = 0
        has_name = tagged = joined = False
        while k >= 0 and parts < 4 and self.free(k, k + 1):
            t = doc[k]
            if self._name_token(t):
                has_name = True
                tagged = tagged or t.tag_.startswith("名詞-固有名詞-人名") or t.ent_type_ == "Person"
                parts += 1
            elif t.text in "・･" and k > 0 and is_katakana(doc[k - 1].text) and parts > 0:
                joined = True  # ヴォロディミール・ゼレンスキー: parts joined by ・ do not count
            elif (
                len(t.text) <= 2
                and all(is_kanji(c) for c in t.text)
                and not _is_particle(t.tag_)
                and (
                    (parts > 0 and self._name_token(doc[k + 1]))
                    or (k > 0 and doc[k - 1].tag_.startswith("名詞-固有名詞-人名"))
                )
            ):
                # 金正|恩, 玄承|洙: Sudachi cuts rare Korean and Chinese names apart.
                parts += 1
            elif (
                k == stop
                and not strict
                and 2 <= len(t.text) <= 3
                and all(is_kanji(c) for c in t.text)
                and t.tag_.startswith("名詞-固有名詞")
                and self.lex.lookup(t.text) is None
            ):
                # 茂木|外務大臣: a proper noun right before a title is a surname, whatever
                # Sudachi took it for (茂木 is also a town)
                has_name = True
                parts += 1
            else:
                break
            k -= 1
        if not has_name or k == stop:
            return None
        if strict and not (tagged or joined):
            return None
        start = k + 1
        while start <= stop and doc[start].text in _NAME_JOINERS:
            start += 1
        if start > stop:
            return None
        name = self.ntext(start, stop + 1)
        if self.lex.title_role(name) is not None or self.lex.lookup(name) is not None:
            return None
        return start, end, reading

    def _name_right(self, start: int) -> tuple[int, int, str | None] | None:
        """A name right after its title: アメリカの国務長官であるアレクサンダー・ヘイグ,
        シンガポールの首相リー・クアンユー, 外交部長 黄華. Only a tagged name or
        katakana parts joined by ・ count (a title is often followed by other nouns)."""
        doc = self.doc
        n = len(doc)
        k = start
        words = [self.ntext(j, j + 1) for j in range(k, min(n, k + 2))]
        if words[:2] == ["で", "ある"]:
            k += 2
        elif words[:1] in (["の"], [" "], ["　"]):
            k += 1
        while k < n and doc[k].text.isspace():
            k += 1
        j = k
        tagged = joined = False
        while j < n and self.free(j, j + 1):
            t = doc[j]
            if self._name_token(t):
                tagged = tagged or t.tag_.startswith("名詞-固有名詞-人名") or t.ent_type_ == "Person"
                j += 1
            elif t.text in _NAME_JOINERS and j > k and j + 1 < n and is_katakana(doc[j + 1].text):
                joined = True
                j += 1
            elif (
                j > k
                and len(t.text) == 1
                and is_kanji(t.text)
                and doc[j - 1].tag_.startswith("名詞-固有名詞-人名")
                and not _is_particle(t.tag_)
            ):
                j += 1  # 金正|恩: Sudachi cuts a rare name apart
            else:
                break
        if j == k or not (tagged or joined) or j - k > 9:
            return None
        if j < n and (self.lex.title_role(doc[j].text) is not None or doc[j].tag_.startswith("接尾辞")):
            return None  # the name has a title or ending of its own: read from there
        name = self.ntext(k, j)
        if self.lex.title_role(name) is not None or self.lex.lookup(name) is not None:
            return None
        reading = None
        if j + 1 < n and doc[j].text in _OPEN:
            c = j + 1
            while c < n and doc[c].text not in _CLOSE and c - j < 12:
                c += 1
            if c < n and _is_reading(self.ntext(j + 1, c)):
                reading = self.ntext(j + 1, c)
        return k, j, reading

    def _title_zone(self, ts: int) -> _TitleZone:
        """What stands between a name and its title starting at token ``ts``.

        States and bodies (ウクライナ, イラン・イスラム共和国, EU), 駐 + the host
        state (駐日, 駐アフガニスタン), 同 (the state just named), 第44代, and
        policy words (外務・安全保障政策) — in brackets, or after の (アメリカの国務長官).
        """
        doc = self.doc
        zone = _TitleZone(start=ts)
        k = ts - 1
        words = 0
        while k >= 0:
            idx = self.out.index_at(k)
            if idx is not None:
                m = self.out.mentions[idx]
                if m.type == ActorType.PERSON:
                    if zone.joined:
                        zone.person = idx
                    break
                if m.is_collective:
                    break
                if m.prefix == "駐" or (m.start > 0 and self.ntext(m.start - 1, m.start) == "駐"):
                    zone.hosted = True
                    k = m.start - 1 if m.prefix == "駐" else m.start - 2
                    continue
                zone.affiliations.append(idx)
                k = m.start - 1
                continue
            word = self.ntext(k, k + 1)
            tag = doc[k].tag_
            if word in _CLOSE and zone.affiliations is not None:
                # 欧州連合(EU)外務・安全保障政策上級代表: an acronym in brackets after a body
                o = k - 1
                while o >= 0 and doc[o].text not in _OPEN and k - o <= 4:
                    o -= 1
                inner = self.ntext(o + 1, k) if o >= 0 else ""
                if o >= 1 and doc[o].text in _OPEN and inner.isascii() and inner.replace("/", "").isalnum():
                    before = self.out.index_at(o - 1)
                    if before is not None and self.out.mentions[before].type != ActorType.PERSON:
                        k = o - 1
                        continue
                break
            if word in ("同", "同国"):
                zone.same = True
            elif word == "駐日":
                zone.hosted = True
            elif word == "兼":
                zone.joined = True
            elif word in "・･" and k > 0 and not is_katakana(self.ntext(k - 1, k)):
                pass
            elif word == "代" and k > 0 and doc[k - 1].like_num:
                k -= 1  # 第44代
                if k > 0 and self.ntext(k - 1, k) == "第":
                    k -= 1
            elif word in ("初代", "歴代", "現職", "前", "元", "現", "新"):
                pass
            elif (
                tag.startswith("名詞-普通名詞")
                and not self._name_token(doc[k])
                and words < 6
                and self.lex.title_role(word) is None
            ):
                words += 1
                zone.skipped = True
            elif zone.joined and self.lex.title_role(word) is not None:
                pass  # the first of two titles: 上級代表|兼|副委員長
            else:
                break
            k -= 1
        zone.start = k + 1
        if k >= 0 and doc[k].text in _OPEN and not zone.person:
            # バラク・オバマ(第44代アメリカ合衆国大統領): the name is before the brackets
            zone.start = k
            zone.bracketed = True
        elif not zone.affiliations and k >= 1 and self.ntext(k, k + 1) == "の":
            # アメリカの国務長官, 南山大の平岩教授
            aff = self.out.index_at(k - 1)
            if aff is None:
                aff = self._affiliation_org(k, Role.OFFICIAL)
            if aff is not None and not self.out.mentions[aff].type == ActorType.PERSON:
                zone.affiliations.append(aff)
                zone.after_no = True
        return zone

    def _title_links(self, person: int, zone: _TitleZone, role: Role, title: str, fused_state: str | None) -> None:
        """The affiliations a title states: the states and bodies in its zone, else
        the state the title itself implies (内閣総理大臣, 国務長官), else the state just
        named (同国防大臣), else the text's own government (外務大臣 in a MOFA release)."""
        rtype = "leader_of" if role == Role.LEADER else "member_of"
        if zone.affiliations:
            for aff in zone.affiliations:
                self._affiliate(person, aff, role, title)
            return
        if fused_state is not None:
            self.link(person, rtype, None, title, parent_id=fused_state)
            return
        implied = self.lex.title_states.get(title) or self.lex.title_states.get(_bare_title(title, self.lex))
        if implied is not None:
            self.link(person, rtype, None, title, parent_id=implied)
            return
        if zone.same:
            before = [
                (m.end, i)
                for i, m in enumerate(self.out.mentions)
                if i not in self.dropped
                and m.type == ActorType.COUNTRY
                and len(m.ids) == 1
                and m.end <= zone.start
                and not m.prefix
            ]
            if before:
                self.link(person, rtype, max(before)[1], title)
                return
        if zone.hosted or _bare_title(title, self.lex) in self.lex.home_titles:
            self.link(person, rtype, None, title, to_home=True)

    def persons(self) -> None:
        """Persons named with a title: the name first (ヴォロディミール・ゼレンスキー・ウクライナ大統領,
        岸田文雄内閣総理大臣, バラク・オバマ(第44代アメリカ合衆国大統領)) or the title first
        (アメリカの国務長官であるアレクサンダー・ヘイグ); the states and bodies named between
        name and title are the person's affiliations."""
        doc = self.doc
        n = len(doc)
        i = 0
        while i < n:
            if not self.free(i, i + 1):
                i += 1
                continue
            title = self._title_at(i)
            fused_state = None
            if title is None:
                title, fused_state = self._fused_title_at(i)
            if title is None:
                i += 1
                continue
            end, role, word = title
            zone = self._title_zone(i)
            if word.startswith("同") and word[1:] in self.lex.titles:
                zone.same = True  # 同国防大臣: the state just named
            if zone.person is not None:
                # ボレルEU上級代表兼欧州委員会副委員長: a second title of the person just named
                self._title_links(zone.person, zone, role, word, fused_state)
                for t in range(i, end):
                    self.out.by_token[t] = zone.person
                i = end
                continue
            found = self._name_left(zone.start, strict=zone.skipped)
            name_first = found is not None
            if found is None:
                found = self._name_right(end)
            if found is None:
                self._bare_title(i, end, role, word, zone)
                i += 1
                continue
            start, stop, reading = found
            name = self._clean_name(self.ntext(start, stop))
            if not name or self.lex.lookup(name) is not None:
                i += 1
                continue
            # The mention ends with the title unless a state or body stands in between
            # (those stay mentions of their own); the title tokens still map to the
            # person, so that the parse head finds it.
            span_end = end if name_first and not zone.affiliations and not zone.bracketed else stop
            idx = self.add(
                Mention(
                    start=start,
                    end=span_end,
                    text=self.text(start, span_end),
                    type=ActorType.PERSON,
                    name=name,
                    kind="person",
                    role=role,
                    title=word,
                    reading=reading,
                )
            )
            if name_first:
                for t in range(stop, end):
                    self.out.by_token.setdefault(t, idx)
                if not zone.affiliations:
                    # ロシアのプーチン大統領, 南山大の平岩俊司教授: the affiliation before the name
                    aff = self._affiliation_before(start, role)
                    if aff is not None:
                        zone.affiliations.append(aff)
            self._title_links(idx, zone, role, word, fused_state)
            i = max(end, stop)
        self._honorific_persons()
        self._named_persons()

    def _bare_title(self, i: int, end: int, role: Role, word: str, zone: _TitleZone) -> None:
        """総理は, 同大統領が: a title standing alone, the one person of the document who holds it
        (extract.resolve decides which, or none)."""
        doc = self.doc
        if zone.affiliations or zone.person is not None or not self.free(i, end) or end >= len(doc):
            return
        if i > 0 and _is_nounish(doc[i - 1].tag_):
            return  # 日米外相会談, 各国首脳: part of a longer noun
        if not (doc[end].tag_.startswith(("助詞-係助詞", "助詞-格助詞")) or doc[end].text in "、。"):
            return
        self.add(
            Mention(
                start=i,
                end=end,
                text=self.text(i, end),
                type=ActorType.PERSON,
                kind="title",
                role=role,
                title=word,
            )
        )

    def _clean_name(self, raw: str) -> str:
        """The bare name: no reading in brackets, honorific or title (恩氏 is one token at times)."""
        name = raw
        for o in _OPEN:
            if o in name:
                name = name[: name.index(o)]
        name = name.rstrip("・･ ").strip()
        changed = True
        while changed:
            changed = False
            for suffix in sorted(self.lex.honorifics | set(self.lex.titles), key=len, reverse=True):
                if name.endswith(suffix) and len(name) > len(suffix) + 1:
                    name = name[: -len(suffix)].rstrip("・･ ")
                    changed = True
                    break
        return name

    def _honorific_persons(self) -> None:
        for i in range(len(self.doc)):
            if not self.free(i, i + 1) or self.ntext(i, i + 1) not in self.lex.honorifics:
                continue
            found = self._name_left(i)
            if found is None:
                continue
            start, _, reading = found
            name = self._clean_name(self.ntext(start, i))
            role = None
            title = None
            # 慶応大学教授の山田花子氏: the title precedes the name.
            idx = self.add(
                Mention(
                    start=start,
                    end=i + 1,
                    text=self.text(start, i + 1),
                    type=ActorType.PERSON,
                    name=name,
                    kind="person",
                    reading=reading,
                )
            )
            if start >= 2 and self.ntext(start - 1, start) == "の":
                for k in range(start - 2, max(-1, start - 6), -1):
                    found_title = self._title_at(k)
                    if found_title and found_title[0] == start - 1:
                        _, role, title = found_title
                        m = self.out.mentions[idx]
                        self.out.mentions[idx] = Mention(
                            start=m.start,
                            end=m.end,
                            text=m.text,
                            type=m.type,
                            name=m.name,
                            kind=m.kind,
                            role=role,
                            title=title,
                            reading=m.reading,
                        )
                        aff = self.out.index_at(k - 1) if k > 0 else None
                        if aff is None and k > 0:
                            aff = self._affiliation_org(k, role)
                        if aff is not None:
                            self._affiliate(idx, aff, role, title)
                        break

    def _named_persons(self) -> None:
        """Names with no title or honorific: Sudachi 人名 runs and GiNZA NER persons.

        Either tagger alone is unreliable (Sudachi tags fictional characters and
        brands as names, NER tags 先任 as a Person), so a bare name is taken when
        both agree, or when it has the shape of a full name: 姓 + 名, or
        katakana parts joined by ・ (ジョン・F・ケネディ).
        """
        doc = self.doc
        n = len(doc)
        i = 0
        while i < n:
            t = doc[i]
            if not (self.free(i, i + 1) and (t.tag_.startswith("名詞-固有名詞-人名") or t.ent_type_ == "Person")):
                i += 1
                continue
            j = i + 1
            while j < n and self.free(j, j + 1):
                nxt = doc[j]
                if nxt.tag_.startswith("名詞-固有名詞-人名") or (nxt.ent_type_ == "Person" and nxt.ent_iob_ == "I"):
                    j += 1
                elif (
                    nxt.text in _NAME_JOINERS
                    and j + 1 < n
                    and self.free(j + 1, j + 2)
                    and (is_katakana(doc[j + 1].text) or (doc[j + 1].text.isascii() and doc[j + 1].text.isalpha()))
                ):
                    j += 2
                else:
                    break
            start, end = self._trim_name(i, j)
            if start < end:
                name = self.ntext(start, end)
                tags = [doc[k].tag_ for k in range(start, end)]
                sudachi = any(tg.startswith("名詞-固有名詞-人名") for tg in tags)
                ner = any(doc[k].ent_type_ == "Person" for k in range(start, end))
                full = any(tg.startswith("名詞-固有名詞-人名-姓") for tg in tags) and any(
                    tg.startswith("名詞-固有名詞-人名-名") for tg in tags
                )
                joined = any(doc[k].text in _NAME_JOINERS for k in range(start, end)) and is_katakana(
                    name.replace("=", "")
                )
                # プーチンの…, プーチンが: a katakana name Sudachi knows, used as an argument
                argument = end < n and doc[end].tag_.startswith(("助詞-格助詞", "助詞-係助詞"))
                known_name = sudachi and is_katakana(name) and len(name) >= 3 and argument
                ok = (
                    len(name) >= 2
                    and not name.isascii()
                    and ((sudachi and ner) or full or (joined and (sudachi or ner)) or known_name)
                )
                if ok and self.lex.lookup(name) is None and self.lex.title_role(name) is None:
                    idx = self.add(
                        Mention(
                            start=start,
                            end=end,
                            text=self.text(start, end),
                            type=ActorType.PERSON,
                            name=self._clean_name(name),
                            kind="person",
                        )
                    )
                    # ソ連のヨシフ・スターリン: a person of a state, no title needed
                    if start >= 2 and self.ntext(start - 1, start) == "の":
                        state = self.out.index_at(start - 2)
                        if state is not None and self.out.mentions[state].type == ActorType.COUNTRY:
                            if len(self.out.mentions[state].ids) == 1:
                                self.link(idx, "member_of", state, "の")
            i = max(j, i + 1)

    def _trim_name(self, start: int, end: int) -> tuple[int, int]:
        """Drop kinship words before a name (三女悦子) and 等/ら after it (吉村等)."""
        doc = self.doc
        while start < end and (
            doc[start].text in _KIN
            or self.lex.title_role(doc[start].text) is not None
            or doc[start].text in _NAME_JOINERS
        ):
            start += 1
        while end > start and (doc[end - 1].text in _NAME_JOINERS or doc[end - 1].text in ("等", "ら", "氏")):
            end -= 1
        text = self.ntext(start, end) if start < end else ""
        for kin in _KIN:
            if text.startswith(kin) and len(text) > len(kin) + 1 and doc[start].text.startswith(kin):
                return start, start  # a kinship word fused into the token: not a clean name
        if text.endswith("等") and len(text) > 2:
            return start, start
        return start, end

    def _affiliate(self, person: int, aff: int, role: Role, title: str) -> None:
        am = self.out.mentions[aff]
        if am.is_collective:
            return
        rtype = "leader_of" if role == Role.LEADER else "member_of"
        self.link(person, rtype, aff, title)

    def _affiliation_before(self, start: int, role: Role) -> int | None:
        """「Xの Y大統領」: X is the person's state or organization (its mention index)."""
        if start < 2 or self.ntext(start - 1, start) != "の":
            return None
        aff = self.out.index_at(start - 2)
        if aff is None:
            aff = self._affiliation_org(start - 1, role)
        if aff is not None and self.out.mentions[aff].type == ActorType.PERSON:
            return None
        return aff

    def _affiliation_org(self, end: int, role: Role) -> int | None:
        """南山大の平岩教授: the noun run ending at ``end`` is the organization the person works at."""
        no_index = end
        if role == Role.LEADER:
            return None
        doc = self.doc
        k = no_index - 1
        # 淡|江|大学: Sudachi may tag a kanji of a rare name as an adjective
        while (
            k >= 0
            and self.free(k, k + 1)
            and no_index - k <= 4
            and not doc[k].tag_.startswith("名詞-数詞")
            and (
                _is_nounish(doc[k].tag_)
                or (len(doc[k].text) == 1 and is_kanji(doc[k].text) and not _is_particle(doc[k].tag_))
            )
        ):
            k -= 1
        start = k + 1
        if start >= no_index:
            return None
        run = self.ntext(start, no_index)
        tags = [doc[x].tag_ for x in range(start, no_index)]
        has_proper = any(tg.startswith("名詞-固有名詞") for tg in tags) or any(
            tg.startswith("名詞-普通名詞") and is_katakana(doc[x].text)
            for x, tg in zip(range(start, no_index), tags, strict=False)
        )
        if not (
            run.endswith(self.lex.org_suffixes)
            or (run.endswith(self.lex.org_suffixes_after_name) and (has_proper or len(run) >= 3))
        ):
            return None
        known = self.lex.lookup(run)
        return self.add(
            Mention(
                start=start,
                end=no_index,
                text=self.text(start, no_index),
                type=ActorType.ORGANIZATION if known is None else self.actor_type(known),
                ids=(known,) if known else (),
                name=run,
                kind="organization",
            )
        )

    # -- 5. organizations found by their ending alone -------------------------
    def free_organizations(self) -> None:
        """A noun run with a proper noun that ends in 研究所, 大学, 委員会 …"""
        doc = self.doc
        n = len(doc)
        i = 0
        while i < n:
            if (
                not self.free(i, i + 1)
                or not _is_nounish(doc[i].tag_)
                or doc[i].tag_.startswith(("接尾辞", "名詞-数詞"))
            ):
                i += 1
                continue
            j = i
            while (
                j < n
                and self.free(j, j + 1)
                and _is_nounish(doc[j].tag_)
                and not doc[j].tag_.startswith("名詞-数詞")
                and j - i < 6
            ):
                j += 1
            best = None
            for k in range(j, i + 1, -1):
                run = self.ntext(i, k)
                if len(run) <= 2 or (k < n and doc[k].tag_.startswith("接尾辞")) or run in self.lex.generic_org_words:
                    continue
                if run.endswith(self.lex.org_suffixes):
                    tags = [doc[x].tag_ for x in range(i, k)]
                    if any(tg.startswith("名詞-固有名詞") and not tg.startswith("名詞-固有名詞-人名") for tg in tags):
                        best = k
                        break
                # 自由民主党, 経済産業省: these endings make a name even of common nouns
                if run.endswith(self.lex.org_suffixes_standalone) and k - i >= 2:
                    best = k
                    break
            if best is None:
                i = max(j, i + 1)
                continue
            run = self.ntext(i, best)
            known = self.lex.lookup(run)
            self.add(
                Mention(
                    start=i,
                    end=best,
                    text=self.text(i, best),
                    type=ActorType.ORGANIZATION if known is None else self.actor_type(known),
                    ids=(known,) if known else (),
                    name=run,
                    kind="organization",
                )
            )
            i = best

    # -- 8. governments named after their leader: マルコス政権, 安倍内閣 ----------------
    def governments(self) -> None:
        """マルコス政権, 岸田内閣, トランプ政権: the state's government, named after the one who
        leads it (ONTOLOGY convention 10). The document decides which state
        (:mod:`extract.pipeline`); a state named just before (米国では, カンボジアの) is it."""
        doc = self.doc
        for i in range(len(doc)):
            word = self.ntext(i, i + 1)
            fused = next((w for w in _GOVERNMENT_WORDS if word.endswith(w) and is_katakana(word[: -len(w)])), None)
            if (
                fused is not None
                and len(word) - len(fused) >= 2
                and self.free(i, i + 1)
                and self.lex.lookup(word[: -len(fused)]) is None  # (ウクライナ政府 is the state's)
            ):
                # トランプ政権 as one word
                self._government(i, i, word[: -len(fused)], fused)
                continue
            if i == 0 or word not in _GOVERNMENT_WORDS:
                continue
            if i + 1 < len(doc) and self.lex.title_role(self.ntext(i + 1, min(len(doc), i + 3))) is not None:
                continue  # 岸田内閣|総理大臣: a title, not the cabinet
            if i + 1 < len(doc) and self.lex.title_role(self.ntext(i + 1, i + 2)) is not None:
                continue
            k = i
            while (
                k > 0
                and self.free(k - 1, k)
                and (
                    doc[k - 1].tag_.startswith("名詞-固有名詞-人名")
                    or (is_katakana(doc[k - 1].text) and len(doc[k - 1].text) >= 2)
                    or (doc[k - 1].text in _NAME_JOINERS and k - 1 > 0 and is_katakana(doc[k - 2].text))
                )
            ):
                k -= 1
            if k == i or not self.free(k, i + 1):
                continue
            name = self.ntext(k, i)
            if self.lex.lookup(name) is not None:
                continue
            self._government(k, i, name, self.ntext(i, i + 1))

    def _government(self, k: int, last: int, name: str, word: str) -> None:
        """The government mention of tokens ``k``..``last``; its state when named just before
        (米国のトランプ政権, 米国ではトランプ政権が)."""
        state: tuple[str, ...] = ()
        for gap in (("の",), ("では",), ("で",), ("で", "は")):
            j = k - len(gap)
            if j >= 1 and tuple(self.ntext(x, x + 1) for x in range(j, k)) == gap:
                before = self.out.index_at(j - 1)
                if before is not None and self.out.mentions[before].type == ActorType.COUNTRY:
                    state = self.out.mentions[before].ids[:1]
                    break
        self.add(
            Mention(
                start=k,
                end=last + 1,
                text=self.text(k, last + 1),
                type=ActorType.COUNTRY,
                ids=state,
                name=name,
                kind="government",
                title=word,
            )
        )

    # -- 9. leaders named by what they lead: ポル・ポト率いるクメール・ルージュ -------------
    def led_by(self) -> None:
        """ハシム・サチ率いるコソボ民主党, サチが率いる暫定政府: the person leads the body or state."""
        doc = self.doc
        for i, t in enumerate(doc):
            if t.lemma_ not in ("率いる", "率いた") or i == 0 or i + 1 >= len(doc):
                continue
            left = i - 1 if self.ntext(i - 1, i) != "が" else i - 2
            person = self.out.index_at(left) if left >= 0 else None
            led = self.out.index_at(i + 1)
            if person is None or led is None:
                continue
            pm, lm = self.out.mentions[person], self.out.mentions[led]
            if pm.type == ActorType.PERSON and pm.end == left + 1 and lm.start == i + 1 and lm.type != ActorType.PERSON:
                self.link(person, "leader_of", led, "率いる")

    # -- 7. the speaker: 私, 我々 ------------------------------------------------
    def speakers(self) -> None:
        """私 (the one speaking) and 我々 (those the speaker speaks for): the document
        says who (:mod:`extract.voice`); in a statement they are its author."""
        for i in range(len(self.doc)):
            # 下記署名者, 下名: the signatories of a joint statement
            for k in range(min(len(self.doc), i + 3), i, -1):
                if self.free(i, k) and self.ntext(i, k) in _SIGNATORIES:
                    self.add(
                        Mention(start=i, end=k, text=self.text(i, k), type=ActorType.COUNTRY, kind="self", name="我々")
                    )
                    break
        for i, t in enumerate(self.doc):
            if not self.free(i, i + 1) or not t.tag_.startswith("代名詞"):
                continue
            word = self.ntext(i, i + 1)
            if word in _FIRST_PERSON:
                self.add(
                    Mention(
                        start=i,
                        end=i + 1,
                        text=self.text(i, i + 1),
                        type=ActorType.PERSON,
                        kind="self",
                        name=word,
                    )
                )
            elif word in _FIRST_PERSON_PLURAL:
                self.add(
                    Mention(
                        start=i,
                        end=i + 1,
                        text=self.text(i, i + 1),
                        type=ActorType.COUNTRY,
                        kind="self",
                        name=word,
                    )
                )

    # -- 6. collectives ----------------------------------------------------
    def collectives(self) -> None:
        doc = self.doc
        for i in range(len(doc)):
            if not self.free(i, i + 1):
                continue
            for k in range(min(len(doc), i + 3), i, -1):
                word = self.ntext(i, k)
                count = self.lex.collectives.get(word)
                if count and self.free(i, k):
                    self.add(
                        Mention(
                            start=i,
                            end=k,
                            text=self.text(i, k),
                            type=ActorType.COUNTRY,
                            kind="collective",
                            count=count,
                            name=word,
                        )
                    )
                    break


def _national_bodies(b: _Builder) -> None:
    """防衛省 alone is Japan's ministry, 国務省 the US one: a gazetteer body of a
    state names its state, so its part_of is stated by the name itself."""
    for idx, m in enumerate(b.out.mentions):
        if idx in b.dropped or len(m.ids) != 1 or m.type != ActorType.ORGANIZATION:
            continue
        parent = b.lex.parents.get(m.ids[0])
        if parent is not None and parent in b.lex.actors and b.lex.actors[parent].type == ActorType.COUNTRY:
            b.link(idx, "part_of", None, m.text, parent_id=parent, implied=True)


def needs_ner(doc, sm: SentenceMentions, lex: Lexicon) -> bool:
    """Whether GiNZA's NER could add an actor the cheap pass did not find.

    NER is about half of the parse's cost and only ever adds persons: a bare
    name (a Sudachi 人名 token), katakana parts joined by ・, or a name Sudachi
    does not know before a title or honorific (王大明教授). A sentence whose
    every such token is already in a mention is parsed without it.
    """
    toks = list(doc)
    taken = sm.by_token
    for i, t in enumerate(toks):
        if i in taken:
            continue
        if t.tag_.startswith("名詞-固有名詞-人名"):
            return True
        if (
            t.text in _NAME_JOINERS
            and 0 < i < len(toks) - 1
            and is_katakana(toks[i - 1].text)
            and is_katakana(toks[i + 1].text)
        ):
            return True
        if t.text in lex.honorifics or t.text.endswith(lex.title_words):
            return True
    return False


def find_mentions(
    doc, lex: Lexicon, *, original: str | None = None, cuts: tuple[tuple[int, int], ...] = ()
) -> SentenceMentions:
    """All actor mentions of a one-sentence Doc, with the affiliations its noun phrases state.

    ``original`` is the verbatim sentence when the Doc holds a normalised,
    offset-aligned copy (possibly shorter); mention texts are taken from it.
    """
    b = _Builder(doc, lex, original, cuts)
    b.gazetteer()
    b.unlisted_states()
    b.abbreviations()
    b.descent()
    b.fused_bodies()
    b.bodies()
    b.genitive_bodies()
    b.governments()
    b.persons()
    b.free_organizations()
    b.collectives()
    b.speakers()
    b.led_by()
    _national_bodies(b)
    # Keep mentions in text order so that indices follow the sentence.
    return _sorted(b.out, b.dropped)


def _sorted(sm: SentenceMentions, dropped: set[int]) -> SentenceMentions:
    live = [i for i in range(len(sm.mentions)) if i not in dropped]
    order = sorted(live, key=lambda i: (sm.mentions[i].start, sm.mentions[i].end))
    new_index = {old: new for new, old in enumerate(order)}
    out = SentenceMentions()
    out.mentions = [sm.mentions[i] for i in order]
    # A link to or from a dropped mention states nothing about the mentions that remain.
    out.links = [
        dataclasses.replace(lk, child=new_index[lk.child], parent=None if lk.parent is None else new_index[lk.parent])
        for lk in sm.links
        if lk.child in new_index and (lk.parent is None or lk.parent in new_index)
    ]
    out.by_token = {t: new_index[i] for t, i in sm.by_token.items()}
    return out


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span for recognition benchmarks: kind is person, political or place."""

    start: int  # character offsets in the sentence
    end: int
    kind: str


# GiNZA's ENE labels that geokg takes from NER where its own rules found nothing.
_NER_PLACES = frozenset(
    {
        "Country",
        "City",
        "Province",
        "County",
        "GPE_Other",
        "Continental_Region",
        "Domestic_Region",
        "Location_Other",
        "Geological_Region_Other",
        "Mountain",
        "River",
        "Lake",
        "Sea",
        "Bay",
        "Island",
        "Region_Other",
    }
)
_NER_POLITICAL = frozenset(
    {
        "Government",
        "Military",
        "International_Organization",
        "Political_Party",
        "Political_Organization_Other",
    }
)


def _political(m: Mention, lex: Lexicon) -> bool:
    """Governments, militaries, parties and international bodies; not media or universities."""
    name = m.name or m.text
    if m.ids and m.ids[0] in lex.actors:
        if m.ids[0] in lex.media:
            return False
        name = lex.actors[m.ids[0]].name
    return not name.endswith(lex.org_suffixes_non_political)


def recognize(doc, lex: Lexicon, *, original: str | None = None) -> list[Entity]:
    """Persons, political organisations and places of a parsed sentence.

    geokg's own mentions first (gazetteer, title and affiliation rules), with
    their exact name spans (a person without title or reading, a state without
    側); GiNZA's NER fills in what the rules do not cover (cities, other
    persons and bodies), never overlapping them. A state name that begins a
    longer name NER knows (日本映画データベース, インド国民会議派) is not a place.
    """
    sm = find_mentions(doc, lex, original=original)
    out: list[Entity] = []
    taken: set[int] = set()
    for m in sm.mentions:
        start = doc[m.start].idx
        end = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        if m.type == ActorType.PERSON:
            taken.update(range(m.start, m.end))
            out.append(Entity(start, start + len(m.name), "person"))
        elif m.kind == "collective":
            taken.update(range(m.start, m.end))
        elif len(m.ids) > 1 or m.prefix:
            # 独伊の作戦: abbreviations used as a noun are places of their own;
            # inside a word (日中関係, 来日) they are not names.
            taken.update(range(m.start, m.end))
            if m.prefix or (m.end < len(doc) and not doc[m.end].tag_.startswith(("助詞", "補助記号"))):
                continue
            for k, ch in enumerate(m.text):
                if ch in lex.abbreviations:
                    out.append(Entity(start + k, start + k + 1, "place"))
        elif m.type in (ActorType.COUNTRY, ActorType.REGION):
            if _inside_other_name(doc, m) or (m.end < len(doc) and doc[m.end].text in _NOT_PLACE_AFTER):
                continue  # 日本映画データベース, 日本人, 日本代表: a name, a nationality, a team
            taken.update(range(m.start, m.end))
            suffix = next((x for x in lex.state_alias_suffixes if m.text.endswith(x) and len(m.text) > len(x)), "")
            if suffix in _GOVERNMENT_SUFFIXES:
                out.append(Entity(start, end, "political"))  # 米政府, 大日本帝国政府: the government
            else:
                out.append(Entity(start, end - len(suffix), "place"))
        elif m.type == ActorType.ORGANIZATION:
            taken.update(range(m.start, m.end))
            if _political(m, lex):
                out.append(Entity(start, end, "political"))
    for e in doc.ents:
        if any(t in taken for t in range(e.start, e.end)):
            continue
        if e.label_ in _NER_PLACES:
            out.append(Entity(e.start_char, e.end_char, "place"))
        elif e.label_ in _NER_POLITICAL:
            out.append(Entity(e.start_char, e.end_char, "political"))
        elif e.label_ == "Person":
            s, t = e.start, e.end
            while s < t and (
                lex.title_role(doc[s].text) is not None or doc[s].text in _KIN or doc[s].text in _NAME_JOINERS
            ):
                s += 1
            while t > s and (doc[t - 1].text in lex.honorifics or lex.title_role(doc[t - 1].text) is not None):
                t -= 1
            if s < t:
                out.append(Entity(doc[s].idx, doc[t - 1].idx + len(doc[t - 1].text), "person"))
    return sorted(set(out), key=lambda x: (x.start, x.end, x.kind))


_GOVERNMENT_SUFFIXES = ("政府", "当局", "政権", "指導部")
_NOT_PLACE_AFTER = frozenset({"人", "代表", "語", "製", "系", "風", "式", "国籍", "籍", "人民"})
# NER labels of names that may begin with a state's name without being about the state
_NAME_LABELS = frozenset(
    {
        "Company",
        "Company_Group",
        "Corporation_Other",
        "Organization_Other",
        "Show_Organization",
        "Sports_Organization",
        "Pro_Sports_Organization",
        "Political_Party",
        "School",
        "Facility_Other",
        "Product_Other",
        "Title_Other",
        "Broadcast_Program",
        "Book",
        "Newspaper",
        "Magazine",
        "Game",
        "Conference",
        "Occasion_Other",
        "Event_Other",
        "Incident_Other",
        "Competition",
        "Law",
        "Treaty",
        "Religion",
        "Nationality",
        "Movie",
        "Music",
        "Art_Other",
        "Printing_Other",
        "Award",
    }
)


def _inside_other_name(doc, m: Mention) -> bool:
    for e in doc.ents:
        if e.start <= m.start and m.end <= e.end and (e.end - e.start) > (m.end - m.start) and e.label_ in _NAME_LABELS:
            return True
    return False
