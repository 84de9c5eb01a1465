"""Titles and the affiliations written with them: 「Xの Y大統領」, 「X省Y研究所のZ研究員」, 駐日大使."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import Lexicon
from ..normalize import is_kanji, is_katakana
from ..types import ActorType, Role
from .mentions import Mention, MentionSet
from .names import name_token
from .sentence import (
    CLOSE,
    OPEN,
    SentenceView,
    abbr_ids,
    actor_type,
    has_prefix,
    is_nounish,
    is_particle,
)


@dataclass(slots=True)
class TitleZone:
    """The words between a person's name and title (see :func:`title_zone`)."""

    start: int  # where the name must end (token index, exclusive)
    affiliations: list[int] = field(default_factory=list)  # mention indices, nearest the title first
    same: bool = False  # 同国防大臣: the state just named
    hosted: bool = False  # 駐日 / 駐アフガニスタン: an ambassador, of a state not named here
    hosted_in_japan: bool = False  # 駐日: a foreign envoy, never the text's (Japanese) official
    joined: bool = False  # 兼: a second title of one person
    person: int | None = None  # that person's mention, for a second title
    skipped: bool = False  # policy words skipped (外務・安全保障政策)
    bracketed: bool = False  # バラク・オバマ(第44代アメリカ合衆国大統領)
    after_no: bool = False  # アメリカの国務長官


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


# -- 4. persons ------------------------------------------------------------
def title_at(sent: SentenceView, lex: Lexicon, i: int) -> tuple[int, Role, str] | None:
    """Longest title word starting at token i: (end, role, title)."""
    doc = sent.doc
    for k in range(min(len(doc), i + 5), i, -1):
        if not lex.ends_with_title(sent.norm, sent.tok_end[k - 1]):
            continue  # cheap test first: every title ends in a title word
        words = sent.ntext(i, k)
        role = lex.title_role(words)
        if role is not None:
            return k, role, words
    return _unit_title_at(sent, lex, i)


def _unit_title_at(sent: SentenceView, lex: Lexicon, i: int) -> tuple[int, Role, str] | None:
    """情報局|長, 国防|次官: an officer's title after the unit's name, a common noun (not a
    surname: 岡野|局長 is the person 岡野)."""
    doc = sent.doc
    if not doc[i].tag_.startswith("名詞-普通名詞") or len(doc[i].text) < 2 or not all(map(is_kanji, doc[i].text)):
        return None  # (金成|男|部長: a kanji cut off a name is no unit)
    if doc[i].text in lex.dictionary.kanji_surnames:
        return None  # (岩屋|外務大臣: a minister's surname, though Sudachi reads a cave)
    for k in range(min(len(doc), i + 4), i + 1, -1):  # (政策|研究|部|長: four tokens)
        words = sent.ntext(i, k)
        if words.endswith(lex.unit_titles) and all(map(is_kanji, words)):
            return k, Role.OFFICIAL, words
    return None


def fused_title_at(sent: SentenceView, lex: Lexicon, i: int) -> tuple[tuple[int, Role, str] | None, str | None]:
    """バイデン|米大統領: Sudachi keeps a state's abbreviation and the title in one token."""
    word = sent.ntext(i, i + 1)
    if len(word) < 3 or not lex.ends_with_title(word):
        return None, None
    for k in range(1, len(word) - 1):
        role = lex.title_role(word[k:])
        if role is None:
            continue
        head = word[:k]
        ids = abbr_ids(lex, head)
        state = ids[0] if ids and len(ids) == 1 else lex.lookup(head) if k >= 2 else None
        if state is not None and actor_type(lex, state) == ActorType.COUNTRY:
            return (i + 1, role, word[k:]), state
    return None, None


def title_zone(sent: SentenceView, ms: MentionSet, lex: Lexicon, ts: int) -> TitleZone:
    """What stands between a name and its title starting at token ``ts``.

    States and bodies (ウクライナ, イラン・イスラム共和国, EU), 駐 + the host
    state (駐日, 駐アフガニスタン), 同 (the state just named), 第44代, and
    policy words (外務・安全保障政策) — in brackets, or after の (アメリカの国務長官).
    """
    zone = TitleZone(start=ts)
    k = ts - 1
    words = 0  # policy words skipped so far
    while k >= 0:
        idx = ms.index_at(k)
        if idx is not None:
            past = _past_mention(sent, ms, zone, idx)
        elif sent.ntext(k, k + 1) in CLOSE:
            past = _past_acronym(sent, ms, k)
        elif sent.ntext(k, k + 1) in "・･" and _hosted_before(sent, ms, k):
            past = k - 1  # 駐コロンビア・ベネズエラ大使: the host, then the envoy's own state
        else:
            step = _past_word(sent, lex, zone, k, words)
            if step is None:
                break
            past, words = step
        if past is None:
            break
        k = past
    _zone_start(sent, ms, lex, zone, k)
    return zone


_ENVOY_TITLES = ("大使", "常駐代表", "政府代表", "代表部大使", "代表部次席大使", "次席大使")


def _envoy_title(sent: SentenceView, ts: int) -> bool:
    """Whether the title at token ``ts`` is an envoy's (国連|大使, 国連|常駐代表)."""
    return sent.ntext(ts, min(len(sent.doc), ts + 3)).startswith(_ENVOY_TITLES)


def _hosted_before(sent: SentenceView, ms: MentionSet, k: int) -> bool:
    """Whether token ``k`` follows a host state written with 駐 (駐コロンビア|・)."""
    idx = ms.index_at(k - 1) if k > 0 else None
    return idx is not None and ms.mentions[idx].end == k and has_prefix(sent, ms.mentions[idx], "駐")


def _past_mention(sent: SentenceView, ms: MentionSet, zone: TitleZone, idx: int) -> int | None:
    """A mention in the zone: an affiliation, or the host state after 駐; the token before
    it, or None where the zone ends (at a person, who may hold a second title, or a collective)."""
    m = ms.mentions[idx]
    if m.type == ActorType.PERSON:
        if zone.joined:
            zone.person = idx
        return None
    if m.is_collective:
        return None
    envoy_to_body = m.type == ActorType.ORGANIZATION and m.end == zone.start and _envoy_title(sent, zone.start)
    if has_prefix(sent, m, "駐") or envoy_to_body:
        # (日本の国連大使: the body is where the envoy is posted, the state is whose envoy)
        zone.hosted = True
        zone.hosted_in_japan = m.ids == ("JPN",)
        return m.start - 1 if m.prefix == "駐" or envoy_to_body else m.start - 2
    zone.affiliations.append(idx)
    return m.start - 1


def _past_acronym(sent: SentenceView, ms: MentionSet, k: int) -> int | None:
    """欧州連合(EU)外務・安全保障政策上級代表: an acronym in brackets after a body, closing at
    ``k``; the token before the brackets, or None where the zone ends."""
    doc = sent.doc
    o = k - 1
    while o >= 0 and doc[o].text not in OPEN and k - o <= 4:
        o -= 1
    inner = sent.ntext(o + 1, k) if o >= 0 else ""
    if o >= 1 and doc[o].text in OPEN and inner.isascii() and inner.replace("/", "").isalnum():
        before = ms.index_at(o - 1)
        if before is not None and ms.mentions[before].type != ActorType.PERSON:
            return o - 1
    return None


def _past_word(sent: SentenceView, lex: Lexicon, zone: TitleZone, k: int, words: int) -> tuple[int, int] | None:
    """A word in the zone (同, 駐日, 兼, 第44代, 元, a policy word): the token before it and the
    policy words counted so far, or None where the zone ends."""
    doc = sent.doc
    word = sent.ntext(k, k + 1)
    tag = doc[k].tag_
    if word in ("同", "同国"):
        zone.same = True
    elif word == "駐日":
        zone.hosted = zone.hosted_in_japan = True
    elif word == "兼":
        zone.joined = True
    elif word in "・･" and k > 0 and not is_katakana(sent.ntext(k - 1, k)):
        pass
    elif word == "代" and k > 0 and doc[k - 1].like_num:
        k -= 1  # 第44代
        if k > 0 and sent.ntext(k - 1, k) == "第":
            k -= 1
    elif word in ("初代", "歴代", "現職", "前", "元", "現", "新"):
        pass
    elif (
        k > 0
        and len(word) <= 2
        and all(map(is_kanji, word))
        and doc[k - 1].tag_.startswith("名詞-固有名詞-人名")
        and all(map(is_kanji, doc[k - 1].text))
    ):
        return None  # 金正|恩国務委員長: kanji cut off the name before it end the zone, as part of the name
    elif (
        tag.startswith("名詞-普通名詞")
        and not name_token(doc[k])
        and words < 6
        and lex.title_role(word) is None
        # (岩屋|外務大臣: a known surname right before the title ends the zone as the name)
        and not (k == zone.start - 1 and word in lex.dictionary.kanji_surnames)
    ):
        words += 1
        zone.skipped = True
    elif zone.joined and lex.title_role(word) is not None:
        pass  # the first of two titles: 上級代表|兼|副委員長
    else:
        return None
    return k - 1, words


def _zone_start(sent: SentenceView, ms: MentionSet, lex: Lexicon, zone: TitleZone, k: int) -> None:
    """Where the name must end, the zone having stopped at token ``k``: before brackets
    around the zone, or an affiliation after の (アメリカの国務長官, 南山大の平岩教授)."""
    doc = sent.doc
    zone.start = k + 1
    if k >= 0 and doc[k].text in OPEN and not zone.person:
        # バラク・オバマ(第44代アメリカ合衆国大統領): the name is before the brackets
        zone.start = k
        zone.bracketed = True
    elif not zone.affiliations and k >= 1 and sent.ntext(k, k + 1) == "の":
        # アメリカの国務長官, 南山大の平岩教授, 先進7カ国(G7)の外相 (the acronym in brackets)
        aff = ms.index_at(k - 1)
        if aff is None and doc[k - 1].text in CLOSE and k >= 2:
            aff = ms.index_at(k - 2)
        if aff is None:
            aff = affiliation_org(sent, ms, lex, k, Role.OFFICIAL)
        if aff is not None and not ms.mentions[aff].type == ActorType.PERSON:
            zone.affiliations.append(aff)
            zone.after_no = True


def title_links(
    ms: MentionSet, lex: Lexicon, person: int, zone: TitleZone, role: Role, title: str, fused_state: str | None
) -> None:
    """The affiliations a title states: the states and bodies in its zone, else
    the state the title itself implies (内閣総理大臣, 国務長官), else the state just
    named (同国防大臣), else the text's own government (外務大臣 in a MOFA release)."""
    rtype = "leader_of" if role == Role.LEADER else "member_of"
    if zone.affiliations:
        for aff in zone.affiliations:
            affiliate(ms, person, aff, role, title)
        return
    if fused_state is not None:
        ms.link(person, rtype, None, title, parent_id=fused_state)
        return
    implied = lex.title_states.get(title) or lex.title_states.get(_bare_title(title, lex))
    if implied is not None:
        ms.link(person, rtype, None, title, parent_id=implied)
        return
    if zone.same:
        before = [
            (m.end, i)
            for i, m in enumerate(ms.mentions)
            if i not in ms.dropped
            and m.type == ActorType.COUNTRY
            and len(m.ids) == 1
            and m.end <= zone.start
            and not m.prefix
        ]
        if before:
            ms.link(person, rtype, max(before)[1], title)
            return
    if zone.hosted_in_japan:
        return  # 駐日大使 with no state named: an envoy to Japan, whose state the text does not give
    if zone.hosted or _bare_title(title, lex) in lex.home_titles:
        ms.link(person, rtype, None, title, to_home=True)


def affiliate(ms: MentionSet, person: int, aff: int, role: Role, title: str) -> None:
    am = ms.mentions[aff]
    if am.is_collective:
        return
    rtype = "leader_of" if role == Role.LEADER else "member_of"
    ms.link(person, rtype, aff, title)


def affiliation_before(sent: SentenceView, ms: MentionSet, lex: Lexicon, start: int, role: Role) -> int | None:
    """「Xの Y大統領」: X is the person's state or organization (its mention index)."""
    if start < 2 or sent.ntext(start - 1, start) != "の":
        return None
    aff = ms.index_at(start - 2)
    if aff is None and start >= 3 and sent.doc[start - 2].text in CLOSE:
        aff = ms.index_at(start - 3)  # 国際原子力機関(IAEA)のグロッシ事務局長: the acronym in brackets
    if aff is None:
        aff = affiliation_org(sent, ms, lex, start - 1, role)
    if aff is not None and ms.mentions[aff].type == ActorType.PERSON:
        return None
    return aff


def affiliation_org(sent: SentenceView, ms: MentionSet, lex: Lexicon, end: int, role: Role) -> int | None:
    """南山大の平岩教授: the noun run ending at ``end`` is the organization the person works at."""
    no_index = end
    if role == Role.LEADER:
        return None
    doc = sent.doc
    k = no_index - 1
    # 淡|江|大学: Sudachi may tag a kanji of a rare name as an adjective
    while (
        k >= 0
        and ms.free(k, k + 1)
        and no_index - k <= 4
        and not doc[k].tag_.startswith("名詞-数詞")
        and (
            is_nounish(doc[k].tag_)
            or (len(doc[k].text) == 1 and is_kanji(doc[k].text) and not is_particle(doc[k].tag_))
        )
    ):
        k -= 1
    start = k + 1
    if start >= no_index:
        return None
    run = sent.ntext(start, no_index)
    tags = [doc[x].tag_ for x in range(start, no_index)]
    has_proper = any(tg.startswith("名詞-固有名詞") for tg in tags) or any(
        tg.startswith("名詞-普通名詞") and is_katakana(doc[x].text)
        for x, tg in zip(range(start, no_index), tags, strict=False)
    )
    if not (
        run.endswith(lex.org_suffixes) or (run.endswith(lex.org_suffixes_after_name) and (has_proper or len(run) >= 3))
    ):
        return None
    known = lex.lookup(run)
    return ms.add(
        Mention(
            start=start,
            end=no_index,
            text=sent.text(start, no_index),
            type=ActorType.ORGANIZATION if known is None else actor_type(lex, known),
            ids=(known,) if known else (),
            name=run,
            kind="organization",
        )
    )
