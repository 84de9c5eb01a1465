"""Persons: a name with a title or an honorific, a reading in brackets, or a name alone that Sudachi knows."""

from __future__ import annotations

from ..lexicon import Lexicon
from ..normalize import is_katakana
from ..types import ActorType, Role
from .mentions import Mention, MentionSet
from .names import clean_name, name_left, name_right, regnal_end, trim_name, two_persons
from .sentence import (
    NAME_EQUALS,
    NAME_JOINERS,
    SentenceView,
    after_place_word,
    is_nounish,
)
from .titles import (
    TitleZone,
    affiliate,
    affiliation_before,
    affiliation_org,
    fused_title_at,
    title_at,
    title_links,
    title_zone,
)


def persons(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """Persons named with a title: the name first (ヴォロディミール・ゼレンスキー・ウクライナ大統領,
    岸田文雄内閣総理大臣, バラク・オバマ(第44代アメリカ合衆国大統領)) or the title first
    (アメリカの国務長官であるアレクサンダー・ヘイグ); the states and bodies named between
    name and title are the person's affiliations. Then persons by an honorific, and bare names."""
    i = 0
    while i < len(sent.doc):
        i = _titled_person(sent, ms, lex, i) if ms.free(i, i + 1) else i + 1
    _honorific_persons(sent, ms, lex)
    _named_persons(sent, ms, lex)


def _titled_person(sent: SentenceView, ms: MentionSet, lex: Lexicon, i: int) -> int:
    """The person of a title starting at token ``i``, if one is: where to read on."""
    title = title_at(sent, lex, i)
    fused_state = None
    if title is None:
        title, fused_state = fused_title_at(sent, lex, i)
    if title is None:
        return i + 1
    end, role, word = title
    zone = title_zone(sent, ms, lex, i)
    if word.startswith("同") and word[1:] in lex.titles:
        zone.same = True  # 同国防大臣: the state just named
    if zone.person is not None:
        # ボレルEU上級代表兼欧州委員会副委員長: a second title of the person just named
        title_links(ms, lex, zone.person, zone, role, word, fused_state)
        for t in range(i, end):
            ms.by_token[t] = zone.person
        return end
    return _title_holder(sent, ms, lex, i, title, zone, fused_state)


def _title_holder(
    sent: SentenceView,
    ms: MentionSet,
    lex: Lexicon,
    i: int,
    title: tuple[int, Role, str],
    zone: TitleZone,
    fused_state: str | None,
) -> int:
    """The name before the title (or after it), as the person who holds it: where to read on."""
    end, role, word = title
    found = name_left(sent, ms, lex, zone.start, strict=zone.skipped)
    name_first = found is not None
    if found is None:
        found = name_right(sent, ms, lex, end)
    if found is None:
        _title_alone(sent, ms, i, end, role, word, zone)
        return i + 1
    start, stop, reading = found
    name = clean_name(lex, sent.ntext(start, stop))
    if not name or lex.lookup(name) is not None:
        return i + 1
    # The mention ends with the title unless a state or body stands in between
    # (those stay mentions of their own); the title tokens still map to the
    # person, so that the parse head finds it.
    span_end = end if name_first and not zone.affiliations and not zone.bracketed else stop
    idx = ms.add(
        Mention(
            start=start,
            end=span_end,
            text=sent.text(start, span_end),
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
            ms.by_token.setdefault(t, idx)
        if not zone.affiliations:
            # ロシアのプーチン大統領, 南山大の平岩俊司教授: the affiliation before the name
            aff = affiliation_before(sent, ms, lex, start, role)
            if aff is not None:
                zone.affiliations.append(aff)
    title_links(ms, lex, idx, zone, role, word, fused_state)
    return max(end, stop)


def _title_alone(sent: SentenceView, ms: MentionSet, i: int, end: int, role: Role, word: str, zone: TitleZone) -> None:
    """総理は, 同大統領が: a title standing alone, the one person of the document who holds it
    (extract.document.resolve decides which, or none)."""
    doc = sent.doc
    if zone.affiliations or zone.person is not None or not ms.free(i, end) or end >= len(doc):
        return
    if i > 0 and is_nounish(doc[i - 1].tag_):
        return  # 日米外相会談, 各国首脳: part of a longer noun
    if not (doc[end].tag_.startswith(("助詞-係助詞", "助詞-格助詞")) or doc[end].text in "、。"):
        return
    ms.add(
        Mention(
            start=i,
            end=end,
            text=sent.text(i, end),
            type=ActorType.PERSON,
            kind="title",
            role=role,
            title=word,
        )
    )


def _honorific_persons(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    for i in range(len(sent.doc)):
        if not ms.free(i, i + 1) or sent.ntext(i, i + 1) not in lex.honorifics:
            continue
        found = name_left(sent, ms, lex, i)
        if found is None:
            continue
        start, _, reading = found
        name = clean_name(lex, sent.ntext(start, i))
        role = None
        title = None
        # 慶応大学教授の山田花子氏: the title precedes the name.
        idx = ms.add(
            Mention(
                start=start,
                end=i + 1,
                text=sent.text(start, i + 1),
                type=ActorType.PERSON,
                name=name,
                kind="person",
                reading=reading,
            )
        )
        if start >= 2 and sent.ntext(start - 1, start) == "の":
            for k in range(start - 2, max(-1, start - 6), -1):
                found_title = title_at(sent, lex, k)
                if found_title and found_title[0] == start - 1:
                    _, role, title = found_title
                    m = ms.mentions[idx]
                    ms.mentions[idx] = Mention(
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
                    aff = ms.index_at(k - 1) if k > 0 else None
                    if aff is None and k > 0:
                        aff = affiliation_org(sent, ms, lex, k, role)
                    if aff is not None:
                        affiliate(ms, idx, aff, role, title)
                    break


def _named_persons(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """Names with no title or honorific: Sudachi 人名 runs and GiNZA NER persons.

    Either tagger alone is unreliable (Sudachi tags fictional characters and
    brands as names, NER tags 先任 as a Person), so a bare name is taken when
    both agree, or when it has the shape of a full name: 姓 + 名, or
    katakana parts joined by ・ (ジョン・F・ケネディ).
    """
    doc = sent.doc
    i = 0
    while i < len(doc):
        t = doc[i]
        if not (ms.free(i, i + 1) and (t.tag_.startswith("名詞-固有名詞-人名") or t.ent_type_ == "Person")):
            i += 1
            continue
        j = _name_run(sent, ms, lex, i)
        start, end = trim_name(sent, lex, i, j)
        if start < end:
            _bare_name(sent, ms, lex, start, end)
        i = max(j, i + 1)


def _name_run(sent: SentenceView, ms: MentionSet, lex: Lexicon, i: int) -> int:
    """Where a run of name tokens from ``i`` ends: 人名 tokens, NER's inside tokens, and
    katakana or Latin parts joined by ・."""
    doc = sent.doc
    n = len(doc)
    j = i + 1
    while j < n and ms.free(j, j + 1):
        nxt = doc[j]
        if nxt.tag_.startswith("名詞-固有名詞-人名") or (nxt.ent_type_ == "Person" and nxt.ent_iob_ == "I"):
            j += 1
        elif (
            nxt.text in NAME_JOINERS
            and j + 1 < n
            and ms.free(j + 1, j + 2)
            and (is_katakana(doc[j + 1].text) or (doc[j + 1].text.isascii() and doc[j + 1].text.isalpha()))
            and not (nxt.text in NAME_EQUALS and two_persons(lex, sent.ntext(i, j), doc[j + 1].text))
        ):
            j += 2
        else:
            break
    return regnal_end(doc, j)


def _bare_name(sent: SentenceView, ms: MentionSet, lex: Lexicon, start: int, end: int) -> None:
    """Tokens ``start``..``end`` as a person when they are a name by both taggers or by their shape."""
    name = sent.ntext(start, end)
    is_name = _is_name(sent, start, end, name)
    if not is_name and not lex.ends_with_title(name):
        return
    bare = clean_name(lex, name)
    # トランプ大統領 is one token in Sudachi's dictionary: the title in it still states the office
    title = name[len(bare) :] if name.startswith(bare) else ""
    role = lex.title_role(title) if title else None
    known_titled = role is not None and bool(lex.dictionary.persons_named(bare, loose=False))
    if not (known_titled or is_name):
        return
    if lex.lookup(name) is not None or lex.title_role(name) is not None:
        return
    if after_place_word(sent, start):
        return  # ガザ地区南部ラファ: Sudachi may tag a town as a person's name
    # (ソ連のヨシフ・スターリン, ノルウェーのX選手: no member_of link; a person of a state
    # without a title is of its nationality, not its official — ONTOLOGY.md "Affiliation")
    idx = ms.add(
        Mention(
            start=start,
            end=end,
            text=sent.text(start, end),
            type=ActorType.PERSON,
            name=bare,
            kind="person",
            role=role,
            title=title if role is not None else None,
        )
    )
    if role is not None:
        zone = TitleZone(start=start)
        aff = affiliation_before(sent, ms, lex, start, role)
        if aff is not None:
            zone.affiliations.append(aff)
        title_links(ms, lex, idx, zone, role, title, None)


def _is_name(sent: SentenceView, start: int, end: int, name: str) -> bool:
    doc = sent.doc
    tags = [doc[k].tag_ for k in range(start, end)]
    sudachi = any(tg.startswith("名詞-固有名詞-人名") for tg in tags)
    ner = any(doc[k].ent_type_ == "Person" for k in range(start, end))
    full = any(tg.startswith("名詞-固有名詞-人名-姓") for tg in tags) and any(
        tg.startswith("名詞-固有名詞-人名-名") for tg in tags
    )
    joined = any(doc[k].text in NAME_JOINERS for k in range(start, end)) and is_katakana(name.replace("=", ""))
    # プーチンの…, プーチンが: a katakana name Sudachi knows, used as an argument
    argument = end < len(doc) and doc[end].tag_.startswith(("助詞-格助詞", "助詞-係助詞"))
    known_name = sudachi and is_katakana(name) and len(name) >= 3 and argument
    return (
        len(name) >= 2
        and not name.isascii()
        and ((sudachi and ner) or full or (joined and (sudachi or ner)) or known_name)
    )


# What may follow a person named after an owner for the owner to be the person's: not a
# phrase the の reaches past (日本のトランプ氏への期待: Japan's hopes, not Japan's Trump).
_PAST_THE_PERSON = ("への", "に対する", "に対し", "について", "をめぐる", "を巡る", "に関する")


def _known_to_belong(lex: Lexicon, name: str, owner_ids: tuple[str, ...]) -> bool:
    """Whether the dictionary names a person ``name`` who held an office of the owner (a
    state, a party): the political actors, not every athlete or photographer after XのY."""
    return any(set(owner_ids) & p.states() for p in lex.dictionary.persons_named(name, loose=False))


def owned_persons(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """ソ連のヨシフ・スターリン, ハマスのハニヤ氏: a person with no title, named after a state
    or body and の, belongs to it when the dictionary knows them there (a title's own
    affiliation is read with the title)."""
    linked = {lk.child for lk in ms.links}
    for idx, m in enumerate(ms.mentions):
        if m.type != ActorType.PERSON or idx in linked or m.is_speaker or m.start < 2:
            continue
        if sent.ntext(m.start - 1, m.start) != "の":
            continue
        owner = ms.index_at(m.start - 2)
        if owner is None:
            continue
        om = ms.mentions[owner]
        if om.type == ActorType.PERSON or om.is_collective or om.end != m.start - 1 or not om.ids:
            continue
        after = sent.ntext(m.end, min(len(sent.doc), m.end + 3))
        if (
            after.startswith(_PAST_THE_PERSON)
            or title_at(sent, lex, m.end) is not None
            or ms.index_at(m.end) is not None
        ):
            continue  # (イギリスのアシュトン欧州委員: a title, read or not, says what the person is)
        if not _known_to_belong(lex, m.name, om.ids):
            continue
        ms.link(idx, "member_of", owner, "の")
