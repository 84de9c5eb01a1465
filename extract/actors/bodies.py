"""Bodies: a state's ministries and forces (中国外務省, 米軍), names ending in a body word (防衛研究所), and the bodies a gazetteer body belongs to."""

from __future__ import annotations

from ..lexicon import Lexicon
from ..types import ActorType
from .mentions import Mention, MentionSet
from .sentence import (
    SentenceView,
    abbr_ids,
    actor_type,
    has_prefix,
    is_nounish,
)


def fused_bodies(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """米軍, 露軍, 国連軍, 韓国軍: Sudachi keeps a state or body and its ending in one token."""
    lex = lex
    suffixes = lex.fused_suffixes
    for i in range(len(sent.doc)):
        if not ms.free(i, i + 1):
            continue
        word = sent.ntext(i, i + 1)
        if len(word) < 2 or not word.endswith(suffixes):
            continue
        for suffix in suffixes:
            if not word.endswith(suffix) or len(word) == len(suffix):
                continue
            head = word[: -len(suffix)]
            aid = lex.lookup(head) if len(head) >= 2 else None
            if aid is None and (
                head in lex.standalone_abbreviations or not sent.doc[i].tag_.startswith("名詞-普通名詞")
            ):
                # (米軍, 露軍 are names to Sudachi; 中隊, 日軍 are ordinary words: a company, the day's army)
                ids = abbr_ids(lex, head)
                aid = ids[0] if ids and len(ids) == 1 else None
            if aid is None or lex.lookup(word) is not None:
                continue
            atype = actor_type(lex, aid)
            body = lex.state_body(aid, suffix) if atype == ActorType.COUNTRY else None
            if atype == ActorType.COUNTRY and (suffix in lex.state_alias_suffixes or (body and body.is_state)):
                # 米政府 and 米軍 are the state itself (its forces named generically)
                ms.add(Mention(start=i, end=i + 1, text=sent.text(i, i + 1), type=atype, ids=(aid,)))
            elif atype in (ActorType.COUNTRY, ActorType.ORGANIZATION):
                org_id = body.id if body else None
                name = body.name if body else word
                idx = ms.add(
                    Mention(
                        start=i,
                        end=i + 1,
                        text=sent.text(i, i + 1),
                        type=ActorType.ORGANIZATION,
                        name=name,
                        kind="organization",
                        org_id=org_id,
                    )
                )
                if atype == ActorType.COUNTRY:
                    ms.link(idx, "part_of", None, name, parent_id=aid)
            break


# -- 3. state bodies and organization chains -----------------------------
def genitive_bodies(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """台湾の国防部, 中国の外務省: a state body named after「Xの」 belongs to X
    (外務省 alone would be Japan's)."""
    lex = lex
    doc = sent.doc
    for idx in range(len(ms.mentions)):
        m = ms.mentions[idx]
        if idx in ms.dropped or m.type != ActorType.COUNTRY or len(m.ids) != 1 or m.kind == "collective":
            continue
        k = m.end
        if k + 1 >= len(doc) or sent.ntext(k, k + 1) != "の":
            continue
        for end in range(min(len(doc), k + 4), k + 1, -1):
            word = sent.ntext(k + 1, end)
            if word not in lex.state_body_suffixes:
                continue
            body = lex.state_body(m.ids[0], word)
            if body.is_state:
                break  # 中国の軍: the state's forces are the state
            taken = ms.index_at(k + 1)
            if taken is not None:
                if ms.mentions[taken].end != end:
                    break
                ms.drop(taken)
            if not ms.free(k + 1, end):
                break
            child = ms.add(
                Mention(
                    start=k + 1,
                    end=end,
                    text=sent.text(k + 1, end),
                    type=ActorType.ORGANIZATION,
                    name=body.name,
                    kind="organization",
                    org_id=body.id,
                )
            )
            ms.link(child, "part_of", idx, sent.text(m.start, end))
            break


def bodies(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """韓国側 / 米政府 → the state; 中国外務省 / イスラエル軍 → a body part_of the state;
    X + noun run + 研究院 → an organization part_of X (韓国統一研究院, 防衛省防衛研究所)."""
    lex = lex
    for idx in range(len(ms.mentions)):
        m = ms.mentions[idx]
        if (
            m.kind == "collective"
            or len(m.ids) != 1
            or m.type not in (ActorType.COUNTRY, ActorType.ORGANIZATION, ActorType.REGION)
        ):
            continue
        if m.type == ActorType.COUNTRY and has_prefix(sent, m, "在"):
            continue  # 在コロンビア大使館: a body in the state, not of it (whose, the text says elsewhere)
        after = sent.norm[sent.tok_end[m.end - 1] :]
        if m.type == ActorType.COUNTRY:
            suffix = next((s for s in lex.state_alias_suffixes if after.startswith(s)), None)
            if suffix and _ends_on_token(sent, m.end - 1, len(suffix)):
                end = sent.end_at[sent.tok_end[m.end - 1] + len(suffix)] + 1
                if ms.free(m.end, end):
                    ms.replace(
                        idx,
                        Mention(
                            start=m.start,
                            end=end,
                            text=sent.text(m.start, end),
                            type=m.type,
                            ids=m.ids,
                            kind=m.kind,
                            prefix=m.prefix,
                        ),
                    )
                    continue
            suffix = next((s for s in lex.state_body_suffixes if after.startswith(s)), None)
            if suffix and _ends_on_token(sent, m.end - 1, len(suffix)):
                end = sent.end_at[sent.tok_end[m.end - 1] + len(suffix)] + 1
                # 外務省 alone is in the gazetteer (Japan's); after 中国 it is China's.
                body = ms.index_at(m.end)
                if body is not None and ms.mentions[body].end == end:
                    ms.drop(body)
                if ms.free(m.end, end):
                    _org_over(sent, ms, lex, idx, m, end, parent_in_name=True)
                    continue
        _org_run(sent, ms, lex, idx, m)


def _ends_on_token(sent: SentenceView, tok: int, length: int) -> bool:
    return sent.tok_end[tok] + length in sent.end_at


def _org_run(sent: SentenceView, ms: MentionSet, lex: Lexicon, idx: int, m: Mention) -> None:
    """An actor followed by a noun run ending in an organization suffix."""
    doc = sent.doc
    j = m.end
    n = len(doc)
    while (
        j < n
        and j - m.end < 5
        and ms.free(j, j + 1)
        and is_nounish(doc[j].tag_)
        and not doc[j].tag_.startswith("名詞-数詞")
        and doc[j].text not in "・･"
    ):
        j += 1
        run = sent.ntext(m.end, j)
        suffixes = lex.org_suffixes + (lex.org_suffixes_after_state if m.type != ActorType.REGION else ())
        if run.endswith(suffixes) and (j >= n or not doc[j].tag_.startswith("接尾辞")):
            if m.type == ActorType.ORGANIZATION and run in lex.generic_org_words:
                return  # ASEAN統合基金, 国連派遣軍: a generic noun after a body names none of its own
            # 韓国統一研究院, 中東研究所, 国連軍: a bare ending is named with its parent
            bare = run in lex.org_suffixes_after_state or len(run) <= 2
            _org_over(sent, ms, lex, idx, m, j, parent_in_name=m.type != ActorType.ORGANIZATION or bare)
            return


def _org_over(
    sent: SentenceView, ms: MentionSet, lex: Lexicon, idx: int, parent: Mention, end: int, *, parent_in_name: bool
) -> None:
    """Turn parent + the tokens up to ``end`` into an organization mention.

    When the parent is a state, the body is named with it (中国外務省: 外務省
    alone would be Japan's); when it is a body, the new organization keeps its
    own name and the chain is an alias (防衛省防衛研究所 → 防衛研究所).
    """
    known = lex.lookup(sent.ntext(parent.start, end))
    if known is not None:
        ms.replace(
            idx,
            Mention(
                start=parent.start,
                end=end,
                text=sent.text(parent.start, end),
                type=actor_type(lex, known),
                ids=(known,),
            ),
        )
    elif parent_in_name:
        _body_named_with(sent, ms, lex, idx, parent, end)
    else:
        _body_of_body(sent, ms, lex, idx, parent, end)


def _body_named_with(sent: SentenceView, ms: MentionSet, lex: Lexicon, idx: int, parent: Mention, end: int) -> None:
    """中国外務省, 中東研究所: one mention over the parent and the body word, linked to the
    parent's state; ロシア軍 is the state itself."""
    own = sent.ntext(parent.end, end)
    org_id = None
    name = sent.ntext(parent.start, end)
    if parent.type == ActorType.COUNTRY and len(parent.ids) == 1 and not own.endswith(lex.org_suffixes_own):
        # 中国外交部 and 中国外務省 are one body, named after the state's canonical name;
        # ロシア軍, 露軍 and ロシア連邦軍 are the state itself.
        body = lex.state_body(parent.ids[0], own)
        if body.is_state:
            ms.replace(
                idx,
                Mention(
                    start=parent.start,
                    end=end,
                    text=sent.text(parent.start, end),
                    type=parent.type,
                    ids=parent.ids,
                    kind=parent.kind,
                    prefix=parent.prefix,
                ),
            )
            return
        org_id, name = body.id, body.name
    # The state stays known to the sentence through the link only; a
    # region (中東研究所) or body named in the name is not its parent.
    ms.replace(
        idx,
        Mention(
            start=parent.start,
            end=end,
            text=sent.text(parent.start, end),
            type=ActorType.ORGANIZATION,
            name=name,
            kind="organization",
            org_id=org_id,
        ),
    )
    # a party or front named after its state (コソボ民主党) is not a body of the state
    if parent.type != ActorType.REGION and not own.endswith(lex.org_suffixes_own):
        ms.link(idx, "part_of", None, name, parent_id=parent.ids[0])


def _body_of_body(sent: SentenceView, ms: MentionSet, lex: Lexicon, idx: int, parent: Mention, end: int) -> None:
    """防衛省防衛研究所: both are mentions; the chain is evidence of part_of."""
    own = sent.ntext(parent.end, end)
    known_own = lex.lookup(own)
    child = ms.add(
        Mention(
            start=parent.end,
            end=end,
            text=sent.text(parent.end, end),
            type=ActorType.ORGANIZATION,
            ids=(known_own,) if known_own else (),
            name=own,
            kind="organization",
        )
    )
    ms.link(child, "part_of", idx, sent.text(parent.start, end))


# -- 5. organizations found by their ending alone -------------------------
def free_organizations(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """A noun run with a proper noun that ends in 研究所, 大学, 委員会 …"""
    doc = sent.doc
    n = len(doc)
    i = 0
    while i < n:
        if not ms.free(i, i + 1) or not is_nounish(doc[i].tag_) or doc[i].tag_.startswith(("接尾辞", "名詞-数詞")):
            i += 1
            continue
        j = i
        while (
            j < n
            and ms.free(j, j + 1)
            and is_nounish(doc[j].tag_)
            and not doc[j].tag_.startswith("名詞-数詞")
            and j - i < 6
        ):
            j += 1
        best = None
        for k in range(j, i + 1, -1):
            run = sent.ntext(i, k)
            if len(run) <= 2 or (k < n and doc[k].tag_.startswith("接尾辞")) or run in lex.generic_org_words:
                continue
            if run.endswith(lex.org_suffixes):
                tags = [doc[x].tag_ for x in range(i, k)]
                if any(tg.startswith("名詞-固有名詞") and not tg.startswith("名詞-固有名詞-人名") for tg in tags):
                    best = k
                    break
            # 自由民主党, 経済産業省: these endings make a name even of common nouns
            if run.endswith(lex.org_suffixes_standalone) and k - i >= 2:
                best = k
                break
        if best is None:
            i = max(j, i + 1)
            continue
        run = sent.ntext(i, best)
        known = lex.lookup(run)
        ms.add(
            Mention(
                start=i,
                end=best,
                text=sent.text(i, best),
                type=ActorType.ORGANIZATION if known is None else actor_type(lex, known),
                ids=(known,) if known else (),
                name=run,
                kind="organization",
            )
        )
        i = best


def national_bodies(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """防衛省 alone is Japan's ministry, 国務省 the US one: a gazetteer body of a
    state names its state, so its part_of is stated by the name itself; an organ of
    an international body is part of it where its name opens with the body's."""
    for idx, m in enumerate(ms.mentions):
        if idx in ms.dropped or len(m.ids) != 1 or m.type != ActorType.ORGANIZATION:
            continue
        parent = lex.parents.get(m.ids[0])
        if parent is None or parent not in lex.actors:
            continue
        if lex.actors[parent].type == ActorType.COUNTRY:
            ms.link(idx, "part_of", None, m.text, parent_id=parent, implied=True)
        elif _names_parent(sent, lex, m, parent):
            # 国連安全保障理事会, アフリカ連合委員会, 欧州連合(EU)理事会: an organ whose name
            # opens with its body's states that it is part of it
            ms.link(idx, "part_of", None, m.text, parent_id=parent, implied=_named_only(sent, m))


# After an organ named only as a resolution's author or as a forum (国連安保理決議,
# 国連総会に出席, 国連総会での演説): it is no actor there, so its part_of is said only if it
# acts elsewhere in the text (ONTOLOGY: attendance at a multilateral forum is not annotated).
_AUTHOR_OR_FORUM = ("決議", "に出席", "での", "で演説", "で行", "に参加", "の場")


def _named_only(sent: SentenceView, m: Mention) -> bool:
    return sent.norm[sent.tok_end[m.end - 1] :].startswith(_AUTHOR_OR_FORUM)


def _names_parent(sent: SentenceView, lex: Lexicon, m: Mention, parent: str) -> bool:
    key = "".join(sent.ntext(m.start, m.end).split()).upper()
    return any(lex.aliases.get(key[:k]) == parent for k in range(2, len(key)))
