"""Document-level resolution: one actor per entity, collectives and dropped subjects.

Within a document:
- person names are clustered, so a later short mention (プーチン氏, 岸田氏) or
  a reading given in brackets (キム・ジョンウン) is the same person as the
  full name; the longest name is canonical and its role the strongest title;
- 両国 / 両首脳 / 3カ国 stand for the states the article pairs most often
  (AとB, A・B, ロ朝), the same sentence's pair first;
- a sentence with no subject (…と述べた) inherits the latest subject named
  in the three sentences before it (Japanese drops a continuing subject).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .actors import Mention, SentenceMentions
from .lexicon import Lexicon
from .normalize import is_katakana, slugify
from .relations import Arg, Slot
from .types import Actor, ActorType, Role

__all__ = ["DocumentActors", "Resolved", "state_groups"]

_TOPIC_REACH = 3  # sentences a dropped subject may reach back
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

    @property
    def id(self) -> str:
        # Katakana names are known by their last part (ドナルド・トランプ → トランプ),
        # the form news uses after the first mention and in other articles.
        if is_katakana(self.name) and "・" in self.name:
            return slugify(self.name.split("・")[-1])
        return slugify(self.name)


def _short_form_of(short: str, full: str) -> bool:
    if short == full:
        return True
    if is_katakana(full):
        return ("・" in full and full.split("・")[-1] == short) or (full.split("・")[0] == short and len(short) >= 3)
    # kanji names: a surname of two or more characters (岸田 of 岸田文雄)
    return len(short) >= 2 and full.startswith(short) and len(full) - len(short) <= 3


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

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.persons: list[_Person] = []
        self.mentions: Counter[str] = Counter()
        self.aliases: dict[str, set[str]] = {}
        self.types: dict[str, ActorType] = {}
        self.labels: dict[str, str] = {}
        self.roles: dict[str, Role | None] = {}
        self.pairs: Counter[tuple[str, ...]] = Counter()
        self.recent_pair: dict[int, tuple[str, ...]] = {}
        self.topic: list[Resolved] = []
        self.topic_sentence = -99

    # -- pass 1: learn the names -------------------------------------------------
    def observe(self, sm: SentenceMentions, groups: list[tuple[str, ...]]) -> None:
        """Learn a sentence's person names and the groups of states it names together."""
        for m in sm.mentions:
            if m.type == ActorType.PERSON and not m.ids and not m.is_speaker:
                self._person(m)
        for g in groups:
            key = tuple(dict.fromkeys(g))
            if len(key) >= 2:
                self.pairs[key] += 1
                self.recent_pair[len(key)] = key

    def _person(self, m: Mention) -> _Person:
        names = {m.name} | ({m.reading} if m.reading else set())
        for p in self.persons:
            if any(n == p.name or n in p.aliases for n in names):
                break
        else:
            short = next(
                (p for p in self.persons if _short_form_of(m.name, p.name) or _short_form_of(p.name, m.name)), None
            )
            if short is None:
                short = _Person(name=m.name)
                self.persons.append(short)
            p = short
        if len(m.name) > len(p.name) and _short_form_of(p.name, m.name):
            p.aliases.add(p.name)
            p.name = m.name
        p.aliases.update(n for n in names if n)
        if _ROLE_RANK[m.role] > _ROLE_RANK[p.role]:
            p.role = m.role
        return p

    def _find_person(self, name: str) -> _Person | None:
        for p in self.persons:
            if name == p.name or name in p.aliases:
                return p
        for p in self.persons:
            if _short_form_of(name, p.name):
                return p
        return None

    def collective(self, count: int, groups: list[tuple[str, ...]]) -> tuple[str, ...]:
        same = [tuple(dict.fromkeys(g)) for g in groups if len(set(g)) == count]
        if same:
            return same[0]
        ranked = [(n, k) for k, n in self.pairs.items() if len(k) == count]
        if not ranked:
            return ()
        best = max(n for n, _ in ranked)
        tops = [k for n, k in ranked if n == best]
        recent = self.recent_pair.get(count)
        return recent if recent in tops else tops[0]

    # -- pass 2: resolve arguments --------------------------------------------------
    def resolve(self, arg: Slot, sm: SentenceMentions, groups: list[tuple[str, ...]]) -> Resolved | None:
        if not isinstance(arg, Arg):  # carried from other sentences: the document level fills it
            return None
        m = sm.mentions[arg.mention]
        if m.is_speaker:  # 私 / 我々: the document's voice decides (pipeline)
            return None
        if m.is_collective:
            ids = self.collective(m.count, groups)
            if arg.member >= len(ids):
                return None
            return self._known(ids[arg.member], m.text)
        if m.type == ActorType.PERSON and not m.ids:
            p = self._find_person(m.name)
            if p is None:
                p = self._person(m)
            return self._register(p.id, p.name, ActorType.PERSON, m.text, aliases=p.aliases | {p.name}, role=p.role)
        if m.ids:
            aid = m.ids[arg.member] if arg.member < len(m.ids) else m.ids[0]
            return self._known(aid, m.text)
        # an organization found by rule: a body of a state ("RUS:軍"), else its name is its id
        oid = m.org_id or slugify(m.name)
        return self._register(oid, m.name, m.type, m.text, aliases={m.name, m.text})

    def known(self, aid: str) -> Resolved | None:
        """A gazetteer actor the text implies without naming it here (中国外務省 → 中国)."""
        actor = self.lex.actors.get(aid)
        return None if actor is None else self._known(aid, actor.name)

    def _known(self, aid: str, surface: str) -> Resolved | None:
        actor = self.lex.actors.get(aid)
        if actor is None:
            return None
        return self._register(aid, actor.name, actor.type, surface, aliases={surface})

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
