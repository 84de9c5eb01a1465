"""States and their abbreviations: the gazetteer's names, states it does not list, compounds (日米, ロ朝), and names that are no actor (セルビア系)."""

from __future__ import annotations

from ..lexicon import Lexicon
from ..normalize import is_katakana, match_key, slugify
from ..types import ActorType
from .mentions import Mention, MentionSet
from .sentence import (
    NAME_JOINERS,
    PREFIXES,
    SentenceView,
    abbr_ids,
    actor_type,
    is_nounish,
)

# Endings of a state's official name: 共和国, 王国, 連邦 …
_STATE_ENDINGS = ("共和国", "王国", "連邦", "公国", "首長国", "帝国", "民主共和国", "人民共和国", "合衆国", "連合王国")


def run_together(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """スペインキプロススロバキア: states named one after another with the separators lost
    (texts copied from pages whose links stood side by side), which Sudachi reads as one
    word: a compound of those states, when the whole word splits into their names."""
    for i, t in enumerate(sent.doc):
        if not ms.free(i, i + 1) or not t.tag_.startswith("名詞"):
            continue
        ids = _states_spelled(sent.ntext(i, i + 1), lex)
        if ids is not None:
            ms.add(
                Mention(start=i, end=i + 1, text=sent.text(i, i + 1), type=ActorType.COUNTRY, ids=ids, kind="compound")
            )


def _states_spelled(word: str, lex: Lexicon) -> tuple[str, ...] | None:
    """The states whose names (two characters or more) spell ``word`` end to end, two or more."""
    if len(word) < 4:
        return None
    # best[k]: the states spelling word[:k], by the fewest names
    best: dict[int, tuple[str, ...]] = {0: ()}
    for k in range(1, len(word) + 1):
        for start in range(max(0, k - lex.max_alias_length), k - 1):
            if start not in best:
                continue
            aid = lex.aliases.get(match_key(word[start:k]))
            if aid is not None and lex.actors[aid].type == ActorType.COUNTRY:
                cand = (*best[start], aid)
                if k not in best or len(cand) < len(best[k]):
                    best[k] = cand
    ids = best.get(len(word))
    return tuple(dict.fromkeys(ids)) if ids is not None and len(ids) >= 2 else None


def descent(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """アルバニア系住民, 米系商店, 日系企業: a state's name before 系 says where people or
    firms come from; before 時間 (日本時間, 米国時間) it names a clock; before a word for
    sea or land (日本海, インド洋, 台湾海峡, 日本列島) it names a place; after 領 (イタリア領東アフリカ)
    a state or region names a territory. The state is not acting."""
    doc = sent.doc
    for idx, m in enumerate(ms.mentions):
        if idx in ms.dropped:
            continue
        if m.type in (ActorType.COUNTRY, ActorType.REGION) and m.start > 0 and doc[m.start - 1].text == "領":
            ms.drop(idx)  # イタリア領東アフリカ, フランス領ギアナ: a state's territory, named after a place
            continue
        if m.type != ActorType.COUNTRY or m.end >= len(doc):
            continue
        after = doc[m.end].text
        if after.startswith(("系", "時間")) or doc[m.end - 1].text.endswith("系") or _names_place(doc, m.end):
            ms.drop(idx)


# Words that make a place of the state's name before them (日本海, 台湾海峡, アラビア半島).
_FEATURES = frozenset({"海峡", "半島", "列島", "諸島", "湾", "湾岸"})
_SEAS = frozenset({"海", "洋"})


def _names_place(doc, i: int) -> bool:
    """Whether token ``i`` turns the state's name before it into a sea or land: 日本|海 is,
    中国|海|警|局 (the coast guard) is not."""
    word = doc[i].text
    if word in _FEATURES:
        return True
    return word in _SEAS and (i + 1 == len(doc) or doc[i + 1].pos_ not in ("NOUN", "PROPN", "NUM"))


# -- 1. gazetteer --------------------------------------------------------
def gazetteer(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    doc, lex = sent.doc, lex
    i = 0
    n = len(doc)
    while i < n:
        s = sent.tok_start[i]
        if sent.norm[s : s + 1].upper() not in lex.alias_initials:
            i += 1
            continue
        best = None
        last = i
        while last + 1 < n and sent.tok_end[last + 1] - s <= lex.max_alias_length:
            last += 1
        for j in range(last, i - 1, -1):
            e = sent.tok_end[j]
            # the text is NFKC already: a key only drops spaces and folds case
            key = "".join(sent.norm[s:e].split()).upper()
            aid = lex.aliases.get(key)
            if (
                aid is not None
                and (len(key) >= 2 or not key.isascii())
                and _ascii_bounded(sent, s, e)
                and _katakana_bounded(sent, lex, i, j + 1)
            ):
                best = (j + 1, aid)
                break
        if best is None:
            i += 1
            continue
        end, aid = best
        ms.add(Mention(start=i, end=end, text=sent.text(i, end), type=actor_type(lex, aid), ids=(aid,)))
        i = end


def _katakana_bounded(sent: SentenceView, lex: Lexicon, start: int, end: int) -> bool:
    """A name in katakana is not the end of a longer katakana word (スポーツ|ニッポン, a newspaper),
    unless the word before it is a name too (オーストラリア|ニュージーランド, links side by side).
    (As the start of one, ロシア|メディア, it still names the state.)"""
    if start == 0 or not is_katakana(sent.ntext(start, end)[:1]):
        return True
    prev = sent.ntext(start - 1, start)
    return not is_katakana(prev[-1:]) or prev in NAME_JOINERS or lex.lookup(prev) is not None


def unlisted_states(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """サハラ・アラブ民主共和国, カンプチア人民共和国: a state Sudachi knows as a country
    name but the gazetteer does not (partly recognised or historical) is a state too."""
    for i, t in enumerate(sent.doc):
        if not ms.free(i, i + 1) or not t.tag_.startswith("名詞-固有名詞-地名-国"):
            continue
        word = sent.ntext(i, i + 1)
        if len(word) < 4 or not word.endswith(_STATE_ENDINGS):
            continue
        # 南ベトナム共和国臨時革命政府: a body with the state's name in it is the body
        j = i + 1
        while j < len(sent.doc) and j - i <= 4 and sent.doc[j].tag_.startswith("名詞-普通名詞"):
            j += 1
        run = sent.ntext(i, j)
        if j > i + 1 and run.endswith(("政府", "評議会", "委員会", "戦線", "機構")):
            ms.add(
                Mention(
                    start=i,
                    end=j,
                    text=sent.text(i, j),
                    type=ActorType.ORGANIZATION,
                    name=run,
                    kind="organization",
                    org_id=slugify(run),
                )
            )
            continue
        ms.add(
            Mention(
                start=i,
                end=i + 1,
                text=sent.text(i, i + 1),
                type=ActorType.COUNTRY,
                name=word,
                kind="organization",
                org_id=slugify(word),
            )
        )


def _ascii_bounded(sent: SentenceView, s: int, e: int) -> bool:
    # Latin aliases (EU, IS, AP) must not be part of a longer Latin word.
    t = sent.norm
    if t[s:e].isascii():
        if s > 0 and t[s - 1].isascii() and t[s - 1].isalnum():
            return False
        if e < len(t) and t[e].isascii() and t[e].isalnum():
            return False
    return True


def abbreviations(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """States by their one-character abbreviations: a run of them is one compound (日米韓,
    ロ朝), a prefix may sit before it (対ロ) or inside the token (訪米)."""
    i = 0
    n = len(sent.doc)
    while i < n:
        if not ms.free(i, i + 1):
            i += 1
            continue
        j = _abbreviation_run(sent, ms, lex, i)
        if j == i:
            _prefixed_in_token(sent, ms, lex, i)
            i += 1
            continue
        _compound(sent, ms, lex, i, j)
        i = j


def _abbreviation_run(sent: SentenceView, ms: MentionSet, lex: Lexicon, i: int) -> int:
    """Where the run of free abbreviation tokens from ``i`` ends: adjacent tokens made only
    of abbreviations form one compound (日米 + 韓)."""
    j = i
    while (
        j < len(sent.doc)
        and ms.free(j, j + 1)
        and abbr_ids(lex, sent.ntext(j, j + 1)) is not None
        and (j == i or sent.tok_start[j] == sent.tok_end[j - 1])
    ):  # adjacent, no space between
        j += 1
    return j


def _prefixed_in_token(sent: SentenceView, ms: MentionSet, lex: Lexicon, i: int) -> None:
    """A prefix inside the token: 訪米, 対日, 駐日."""
    tok = sent.ntext(i, i + 1)
    ids = abbr_ids(lex, tok[1:]) if len(tok) >= 2 and tok[0] in PREFIXES else None
    if ids is not None and tok not in lex.not_compounds:
        ms.add(
            Mention(
                start=i,
                end=i + 1,
                text=sent.text(i, i + 1),
                type=_compound_type(lex, ids),
                ids=ids,
                kind="compound",
                prefix=tok[0],
            )
        )


def _compound(sent: SentenceView, ms: MentionSet, lex: Lexicon, i: int, j: int) -> None:
    """The abbreviations of tokens ``i``..``j`` as one mention, unless they spell a date, a
    word, or a single abbreviation that does not stand alone here."""
    doc = sent.doc
    surface = sent.ntext(i, j)
    ids = abbr_ids(lex, surface)
    if ids is None or surface in lex.not_compounds or _is_date_or_word(sent, lex, i, j, surface):
        return
    prefix = None
    prev = sent.ntext(i - 1, i) if i > 0 else ""
    if prev and prev[-1] in PREFIXES and prev[-1:] == prev:
        prefix = prev
    if len(surface) == 1 and prefix is None and not _standalone(sent, lex, i, surface) and not _dotted(sent, ms, i, j):
        return
    chain = _chain_before(sent, ms, i) if prefix is None else []
    if chain:
        # 日豪NZ韓: abbreviations and acronyms run together are one compound of all their states
        first = ms.mentions[chain[0]]
        merged = tuple(dict.fromkeys([*(a for c in chain for a in ms.mentions[c].ids), *ids]))
        for c in chain[1:]:
            ms.drop(c)
        ms.replace(
            chain[0],
            Mention(
                start=first.start,
                end=j,
                text=sent.text(first.start, j),
                type=ActorType.COUNTRY,
                ids=merged,
                kind="compound",
            ),
        )
        return
    if surface in lex.ambiguous_compounds and not (
        j < len(doc) and is_nounish(doc[j].tag_) and not doc[j].tag_.startswith("名詞-数詞")
    ):
        return
    ms.add(
        Mention(
            start=i,
            end=j,
            text=sent.text(i, j),
            type=_compound_type(lex, ids),
            ids=ids,
            kind="compound" if len(ids) > 1 else "gazetteer",
            prefix=prefix,
        )
    )


def _compound_type(lex: Lexicon, ids: tuple[str, ...]) -> ActorType:
    return actor_type(lex, ids[0]) if len(ids) == 1 else ActorType.COUNTRY


def _is_date_or_word(sent: SentenceView, lex: Lexicon, i: int, j: int, surface: str) -> bool:
    doc = sent.doc
    # 19日, 3月中: a number before 日/中 makes it a date, not Japan or China.
    if i > 0 and (doc[i - 1].like_num or doc[i - 1].tag_.startswith("名詞-数詞")):
        return True
    # Sudachi tags the abbreviation 中 in 期間中 as a suffix.
    if len(surface) == 1 and doc[i].tag_.startswith("接尾辞") and surface not in lex.standalone_abbreviations:
        return True
    return False


def _chain_before(sent: SentenceView, ms: MentionSet, i: int) -> list[int]:
    """The state mentions run together right before token ``i`` with nothing between
    (日豪|NZ|韓), first to last; none when it is not a run of states."""
    chain: list[int] = []
    k = i
    while k > 0 and sent.tok_start[k] == sent.tok_end[k - 1]:
        idx = ms.index_at(k - 1)
        if idx is None or idx in ms.dropped:
            break
        m = ms.mentions[idx]
        if m.end != k or m.type != ActorType.COUNTRY or m.prefix or not m.ids or m.is_collective:
            break
        chain.insert(0, idx)
        k = m.start
    return chain


def _dotted(sent: SentenceView, ms: MentionSet, i: int, j: int) -> bool:
    """日・ウクライナ首脳会談, 日ウクライナ情報保護協定, 日・EU, 日豪NZ韓: an abbreviation joined
    (by ・ or nothing) to a state or body named in full, after it or before it."""
    doc = sent.doc
    h = i - 2 if i >= 2 and sent.ntext(i - 1, i) in ("・", "･") else i - 1
    before = ms.index_at(h) if h >= 0 else None
    if before is not None and (h < i - 1 or sent.tok_start[i] == sent.tok_end[i - 1]):
        m = ms.mentions[before]
        if m.end == h + 1 and m.type in (ActorType.COUNTRY, ActorType.ORGANIZATION) and not m.prefix:
            return True
    if j >= len(doc):
        return False
    k = j + 1 if sent.ntext(j, j + 1) in ("・", "･") else j
    nxt = ms.index_at(k) if k < len(doc) else None
    if nxt is None or (k == j and sent.tok_start[j] != sent.tok_end[j - 1]):
        return False
    m = ms.mentions[nxt]
    return m.start == k and m.type in (ActorType.COUNTRY, ActorType.ORGANIZATION) and not m.prefix


def _standalone(sent: SentenceView, lex: Lexicon, i: int, surface: str) -> bool:
    """A lone 米/露/英 counts when a title, body word or particle follows."""
    if surface not in lex.standalone_abbreviations:
        return False
    doc = sent.doc
    if i + 1 >= len(doc):
        return False
    nxt = sent.ntext(i + 1, min(len(doc), i + 4))
    if nxt.startswith(lex.state_alias_suffixes + lex.state_body_suffixes):
        return True
    for k in range(i + 2, min(len(doc), i + 5) + 1):
        if lex.title_role(sent.ntext(i + 1, k)) is not None:
            return True
    # 米が, 露は: a particle right after is the abbreviation used as a noun.
    return doc[i + 1].tag_.startswith("助詞-格助詞") or doc[i + 1].tag_.startswith("助詞-係助詞")
