"""Document-level resolution: one actor per entity, collectives and dropped subjects.

Within a document:
- person names are clustered, so a later short mention (プーチン氏, 岸田氏) or
  a reading given in brackets (キム・ジョンウン) is the same person as the
  full name; the longest name is canonical and its role the strongest title;
- 両国 / 両首脳 / 3カ国 stand for the states named before them
  (:mod:`extract.document.groups`);
- a sentence with no subject (…と述べた) inherits the latest subject named
  in the three sentences before it (Japanese drops a continuing subject).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..actors import Mention, SentenceMentions
from ..dictionary import Person as DictionaryPerson
from ..lexicon import Lexicon
from ..normalize import is_short_name, slugify
from ..relations import Arg, Slot
from ..types import Actor, ActorType, Role
from .groups import NamedStates

__all__ = ["DocumentActors", "Resolved", "blank_bylines", "office_of", "state_groups"]

_TOPIC_REACH = 3  # sentences a dropped subject may reach back
# A dateline with a byline or credit: 【ソウル=甲原潤之介】, （ワシントン＝共同）. Who wrote
# or sent the article is not an actor of it.
_BYLINE = re.compile(
    r"[【〔［\[（(][^【】〔〕［］\[\]（）()。\n]{0,20}[=＝][^【】〔〕［］\[\]（）()。\n]{1,20}[】〕］\]）)]"
)
# Words glued to a name by the tokenizer that make it something else than a person's name.
_NOT_NAME_ENDINGS = ("内閣", "政権", "談話", "政府")
_ROLE_RANK = {None: 0, Role.EXPERT: 1, Role.OFFICIAL: 2, Role.LEADER: 3}


@dataclass(frozen=True, slots=True)
class Resolved:
    id: str
    label: str
    type: ActorType
    mention: str  # surface form in the sentence


@dataclass(slots=True)
class _Person:
    name: str
    aliases: set[str] = field(default_factory=set)
    role: Role | None = None
    titles: set[str] = field(default_factory=set)  # as office_of() reads them
    known: str | None = None  # the dictionary's id for the person ("": none), once asked


# Words for one office: 首相 = 総理 = 内閣総理大臣, 外相 = 外務大臣.
_OFFICES = {"内閣総理大臣": "首相", "総理大臣": "首相", "総理": "首相", "外務大臣": "外相", "防衛大臣": "防衛相"}


def office_of(title: str) -> str:
    """The office a title names, whatever the wording (同大統領 → 大統領, 岸田総理 → 首相).

    >>> office_of("内閣総理大臣"), office_of("同大統領"), office_of("外務大臣")
    ('首相', '大統領', '外相')
    """
    t = title[1:] if title.startswith("同") and len(title) > 1 else title
    return _OFFICES.get(t, t)


def _agrees(person: DictionaryPerson, titles: set[str], states: set[str]) -> bool:
    """Whether what a document says of a person fits a dictionary person's offices: a state it ties
    them to and a title it gives them must both be among theirs (ミラー国務長官 is neither a Polish
    prime minister nor a US defence secretary); saying nothing contradicts no one."""
    if states and not states & person.states():
        return False
    return not titles or bool(titles & {office_of(o.title) for o in person.offices})


def _short_form_of(short: str, full: str) -> bool:
    return short == full or is_short_name(short, full)


def blank_bylines(text: str) -> str:
    """``text`` with datelines and bylines (【ソウル=甲原潤之介】) blanked out, offsets kept.

    The reporter of a byline is never a person of the article; the spaces
    keep every offset into the text valid.

    >>> text = "【ソウル=甲原潤之介】ロシアと北朝鮮が合意した。"
    >>> blank_bylines(text).lstrip(), len(blank_bylines(text)) == len(text)
    ('ロシアと北朝鮮が合意した。', True)
    >>> blank_bylines("金正恩(キム・ジョンウン)総書記")
    '金正恩(キム・ジョンウン)総書記'
    """
    if "=" not in text and "＝" not in text:
        return text
    return _BYLINE.sub(lambda m: " " * len(m.group(0)), text)


def _named_before(sm: SentenceMentions, start: int) -> set[str]:
    return {i for m in sm.mentions if m.end <= start and not m.is_collective for i in m.ids}


def state_groups(sm: SentenceMentions, doc, lex: Lexicon) -> list[tuple[str, ...]]:
    """The groups of states a sentence names together: AとB, A・B, ロ朝, 日米韓."""
    groups: list[tuple[str, ...]] = []
    run: list[str] = []
    prev_end = None
    for m in sm.mentions:
        if m.is_collective:
            continue
        states = [i for i in m.ids if lex.actors.get(i) is not None and lex.actors[i].type == ActorType.COUNTRY]
        if len(states) >= 2:
            groups.append(tuple(states))
            run, prev_end = [], None
            continue
        if len(states) == 1:
            joined = prev_end is not None and m.start == prev_end + 1 and doc[prev_end].text in ("と", "・", "や", "、")
            if joined:
                run.append(states[0])
            else:
                if len(run) >= 2:
                    groups.append(tuple(run))
                run = [states[0]]
            prev_end = m.end
        else:
            prev_end = None
    if len(run) >= 2:
        groups.append(tuple(run))
    return groups


class DocumentActors:
    """Resolves mentions of one document to canonical actors."""

    def __init__(self, lex: Lexicon, *, year: int | None = None, home: str | None = None):
        self.lex = lex
        self.year = year  # the document's: which of two persons a short name means (ブッシュ in 2005)
        self.persons: list[_Person] = []
        self.mentions: Counter[str] = Counter()
        self.aliases: dict[str, set[str]] = {}
        self.types: dict[str, ActorType] = {}
        self.labels: dict[str, str] = {}
        self.roles: dict[str, Role | None] = {}
        self.government_states: dict[str, str] = {}  # マルコス → PHL, from the document
        self.person_states: dict[str, set[str]] = {}  # a person's name -> the states the document ties them to
        self.named = NamedStates(lex, home)  # the states each sentence names (for 両国)
        self.sentence = 0  # the sentence pass 2 reads
        self.topic: list[Resolved] = []
        self.topic_sentence = -99

    # -- pass 1: learn the names -------------------------------------------------
    def observe(self, sm: SentenceMentions, groups: list[tuple[str, ...]]) -> None:
        """Learn a sentence's person names and the groups of states it names together."""
        for m in sm.mentions:
            if m.type == ActorType.PERSON and not m.ids and not m.is_speaker:
                pm = self._as_person(m)
                if pm is not None:
                    self._person(pm)
        for lk in sm.links:
            child = sm.mentions[lk.child]
            if child.type == ActorType.PERSON and child.name:
                parent = sm.mentions[lk.parent].ids if lk.parent is not None else (lk.parent_id,)
                self.person_states.setdefault(child.name, set()).update(i for i in parent if i)
        self.named.observe(sm, groups)

    def _is_state(self, aid: str) -> bool:
        actor = self.lex.actors.get(aid)
        return actor is not None and actor.type == ActorType.COUNTRY

    def enter(self, sentence: int) -> None:
        """Pass 2 reads sentence ``sentence`` now: a collective looks back from it."""
        self.sentence = sentence

    def _as_person(self, m: Mention) -> Mention | None:
        """The person mention with its bare name, or None when the name is not a person's.

        岸田内閣総理大臣 may come as 岸田内閣 + 総理大臣: the person is 岸田. A name
        ending like a body or a text (安倍談話, 進歩党) is not a person.
        """
        name = m.name
        for suffix in _NOT_NAME_ENDINGS:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                break
        if name != m.name and m.title is None:
            return None  # 岸田内閣 alone is the cabinet, 安倍談話 a statement
        if not name or name.endswith(self.lex.org_suffixes) or name.endswith(self.lex.state_alias_suffixes):
            return None
        return m if name == m.name else replace(m, name=name)

    def _person(self, m: Mention) -> _Person:
        names = {m.name} | ({m.reading} if m.reading else set())
        for p in self.persons:
            if any(n == p.name or n in p.aliases for n in names):
                break
        else:
            fits = [p for p in self.persons if _short_form_of(m.name, p.name) or _short_form_of(p.name, m.name)]
            # 金 when both 金正恩 and 金与正 are named: neither
            short = fits[0] if len(fits) == 1 else None
            if short is None:
                short = _Person(name=m.name)
                self.persons.append(short)
            p = short
        if len(m.name) > len(p.name) and _short_form_of(p.name, m.name):
            p.aliases.add(p.name)
            p.name = m.name
        p.aliases.update(n for n in names if n)
        if m.title:
            p.titles.add(office_of(m.title))
        if _ROLE_RANK[m.role] > _ROLE_RANK[p.role]:
            p.role = m.role
        p.known = None  # a new name may change who the person is
        return p

    def _id(self, p: _Person) -> str:
        """The dictionary's id where it knows the person: one id across articles, whatever the
        spelling. Else from the full name: two Bushes with different given names are two ids,
        and the surname alone in another article is joined to it by graph.merge."""
        if p.known is None:
            p.known = self._identify(p)
        return p.known or slugify(p.name)

    def _names(self, p: _Person) -> set[str]:
        """The names a person's node carries: those the text used, and for a person the dictionary
        knows its full name (ニコラス・マドゥーロ for a text's マドゥーロ), so that another
        article's node of the same person is found by it. The label stays the text's own."""
        known = self.lex.dictionary.persons.get(self._id(p))
        return p.aliases | {p.name} | ({known.full} if known is not None else set())

    def _identify(self, p: _Person) -> str:
        """The dictionary person the document's names, titles, states and date all fit, or "".

        A full name is the person's. A short name (ミラー, ブッシュ) must agree with what the
        document says of the person: a title they held (ミラー国務長官 is no Polish prime
        minister), a state they held it in; then the year tells apart two who both fit.
        """
        d = self.lex.dictionary
        names = [p.name, *sorted(p.aliases)]
        fits = d.candidates(names)
        if not any(d.is_full_name(n) for n in names):
            states = self.person_states.get(p.name, set()).union(*(self.person_states.get(a, set()) for a in p.aliases))
            # (a rank, カダフィ大佐, is no office: it disagrees with none)
            titles = {t for t in p.titles if t not in self.lex.ranks}
            if not fits and titles:
                # 岸田首相 with no given name: the one whose office and state the document names
                fits = d.by_surname(p.name)
            fits = [c for c in fits if _agrees(c, titles, states)]
        if len(fits) > 1 and self.year is not None:
            fits = [c for c in fits if c.states(self.year)] or fits
        if len(fits) > 1:
            # (チャベス in an undated text that names Venezuela and never Costa Rica)
            named = {s for states in self.named.states for s in states}
            fits = [c for c in fits if c.states() & named] or fits
        return fits[0].id if len(fits) == 1 else ""

    def _titled(self, title: str) -> _Person | None:
        """The one person of the document who holds ``title`` (総理 alone), if exactly one does."""
        office = office_of(title)
        holders = [p for p in self.persons if office in p.titles]
        return holders[0] if len(holders) == 1 else None

    def _find_person(self, name: str) -> _Person | None:
        for p in self.persons:
            if name == p.name or name in p.aliases:
                return p
        fits = [p for p in self.persons if _short_form_of(name, p.name)]
        return fits[0] if len(fits) == 1 else None

    # -- pass 2: resolve arguments --------------------------------------------------
    def resolve(self, arg: Slot, sm: SentenceMentions, groups: list[tuple[str, ...]]) -> Resolved | None:
        if not isinstance(arg, Arg):  # carried from other sentences: the document level fills it
            return None
        m = sm.mentions[arg.mention]
        if m.is_speaker:  # 私 / 我々: the document's voice decides (pipeline)
            return None
        if m.kind == "government" and not m.ids:
            # マルコス政権: the state the document gives its leader (set_government_states)
            state = self.government_states.get(m.name)
            return self._known(state, m.text, name=True) if state else None
        if m.is_collective:
            # (m.ids: the states listed right before it)
            ids = m.ids or self.named.collective(m, groups, _named_before(sm, m.start), self.sentence)
            if arg.member >= len(ids):
                return None
            # 両国 is a mention of each state, not a name of either
            return self._known(ids[arg.member], m.text, name=False)
        if m.kind == "title":  # 総理は: the document's one holder of the title, or nobody
            holder = self._titled(m.title or "")
            if holder is None:
                return None
            return self._register(
                self._id(holder), holder.name, ActorType.PERSON, m.text, aliases=self._names(holder), role=holder.role
            )
        if m.type == ActorType.PERSON and not m.ids:
            pm = self._as_person(m)
            if pm is None:
                return None
            m = pm
            p = self._find_person(m.name)
            if p is None:
                p = self._person(m)
            return self._register(self._id(p), p.name, ActorType.PERSON, m.text, aliases=self._names(p), role=p.role)
        if m.ids:
            aid = m.ids[arg.member] if arg.member < len(m.ids) else m.ids[0]
            # ロ朝, 日米韓 (compounds) and 訪中, 対ロ (prefixed) mention a state without naming it
            return self._known(aid, m.text, name=len(m.ids) == 1 and m.prefix is None and m.kind != "compound")
        # an organization found by rule: a body of a state ("CHN:外務省"), else its name is its id
        oid = m.org_id or slugify(m.name)
        return self._register(oid, m.name, m.type, m.text, aliases={m.name, m.text})

    def set_government_states(self, states: Mapping[str, str]) -> None:
        """Which state each leader's government (マルコス政権) is, as the document says."""
        self.government_states = dict(states)

    def person_named(self, name: str, surface: str) -> Resolved:
        """The person called ``name`` (the leader a government is named after)."""
        m = Mention(start=0, end=0, text=surface, type=ActorType.PERSON, name=name, kind="person", role=Role.LEADER)
        p = self._find_person(name) or self._person(m)
        return self._register(self._id(p), p.name, ActorType.PERSON, surface, aliases=self._names(p), role=p.role)

    def known(self, aid: str) -> Resolved | None:
        """A gazetteer actor the text implies without naming it here (中国外務省 → 中国)."""
        actor = self.lex.actors.get(aid)
        return None if actor is None else self._known(aid, actor.name)

    def _known(self, aid: str, surface: str, *, name: bool = True) -> Resolved | None:
        """A gazetteer actor mentioned as ``surface``; an alias only when the surface is its ``name``."""
        actor = self.lex.actors.get(aid)
        if actor is None:
            return None
        return self._register(aid, actor.name, actor.type, surface, aliases={surface} if name else set())

    def _register(
        self, aid: str, label: str, atype: ActorType, surface: str, *, aliases: set[str], role: Role | None = None
    ) -> Resolved:
        self.labels[aid] = label
        self.types[aid] = atype
        self.aliases.setdefault(aid, set()).update(a for a in aliases if a)
        if role is not None or aid not in self.roles:
            self.roles[aid] = role
        return Resolved(id=aid, label=label, type=atype, mention=surface)

    def count(self, sm: SentenceMentions, groups: list[tuple[str, ...]]) -> None:
        """Count every mention of the sentence (for the actors' ``mentions``)."""
        for i, m in enumerate(sm.mentions):
            n = m.count if m.is_collective else max(1, len(m.ids))
            for k in range(n):
                r = self.resolve(Arg(i, k), sm, groups)
                if r is not None:
                    self.mentions[r.id] += 1

    def set_topic(self, resolved: list[Resolved], sentence: int) -> None:
        """Remember the subject of sentence ``sentence``, if it names one."""
        if resolved:
            self.topic = resolved
            self.topic_sentence = sentence

    def topic_for(self, sentence: int) -> list[Resolved]:
        """The subject a subjectless sentence inherits: the latest one named, if recent.

        Japanese drops a subject that continues (我が国は…。…を行います。), also
        across a paragraph break in statements; three sentences on, it has faded.
        """
        return list(self.topic) if 0 < sentence - self.topic_sentence <= _TOPIC_REACH else []

    def actors(self) -> list[Actor]:
        out = []
        for aid in sorted(self.labels):
            label = self.labels[aid]
            aliases = sorted(self.aliases.get(aid, set()) | {label})
            out.append(
                Actor(
                    id=aid,
                    type=self.types[aid],
                    name=label,
                    aliases=tuple(aliases),
                    role=self.roles.get(aid),
                    mentions=self.mentions.get(aid, 0),
                )
            )
        return out
