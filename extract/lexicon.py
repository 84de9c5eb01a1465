"""The gazetteer and trigger lexicon, loaded once from data files.

Countries come from CLDR (babel: the Japanese names Japanese readers know)
and ISO 3166 (pycountry: alpha-3 ids and official names), topped up by
``data/countries.json`` with news short forms and abbreviations. Bodies,
regions, titles and trigger words are data files too, so extending the
vocabulary needs no code.
"""

from __future__ import annotations

import functools
import gettext
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from importlib import resources
from types import MappingProxyType
from typing import Any

from .dictionary import EMPTY_DICTIONARY, Dictionary, Entry, load_dictionary, with_unjoined
from .normalize import match_key
from .types import Actor, ActorType, Modality, RelationType, Role

__all__ = ["Lexicon", "Needs", "StateBody", "Trigger", "lexicon_data", "load_lexicon"]

_DATA_FILES = ("countries.json", "actors.json", "titles.json", "triggers.json")
# The sections of in-memory lexicon data: one per data file, same schema.
_SECTIONS = tuple(name.removesuffix(".json") for name in _DATA_FILES)


class Needs(StrEnum):
    """What a trigger needs near it to count (an object class of data/triggers.json)."""

    AGREEMENT = "agreement"  # 結ぶ is a treaty only with 条約, 協定 …
    ARMS = "arms"  # 輸出 is support only of arms
    RISE = "rise"  # 緊張 is a threat only when it rises (高まる)
    CAUSATIVE = "causative"  # 悪化 is a threat only when caused (悪化させる)
    TRADE = "trade"
    RELATIONS = "relations"
    MILITARY = "military"
    ASSETS = "assets"
    STATE = "state"  # 承認 is support only of a state (recognition), not of a plan
    AGAINST = "against"  # 措置 is a sanction only against someone (対北朝鮮措置, Xに対する措置)
    REFUSAL = "refusal"  # 容認 is a criticism only when refused (容認できない, 許されない)
    ENCOUNTER = "encounter"  # 合わせる is a meeting only face to face (顔を合わせる)
    OBJECT = "object"  # 迫る is a request only of something (退陣を迫る), not nearing (1点差に迫る)


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    type: RelationType
    weak: bool = False
    noun_only: bool = False
    verb_only: bool = False  # 停戦した is an agreement; 休戦中 is a state
    mediation: bool = False  # 仲介: the mediator meets each party
    mutual: bool = False  # 戦闘 between A and B: each side attacks the other
    visit: bool = False  # 訪問: the visitor meets the host state (a person may meet a state)
    joint: bool = False  # 声明: cooperation among those who make it, not with whom it addresses
    object_is_thing: bool = False  # 派遣, 供与: the object is what is sent, never the target
    needs: Needs | None = None
    modality: Modality | None = None


@dataclass(frozen=True, slots=True)
class StateBody:
    """What a body word after a state's name stands for (:meth:`Lexicon.state_body`).

    ``id`` is the state itself for its generic forces (ロシア軍 is Russia),
    else ``ISO:<canonical word>`` (中国外交部 → ``CHN:外務省``); ``name`` is the
    canonical name (the gazetteer's for a body it knows: 米国務省).
    """

    id: str
    name: str
    is_state: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Read-only vocabulary. Build it with :func:`load_lexicon`, or :meth:`from_data`."""

    actors: Mapping[str, Actor]
    aliases: Mapping[str, str]  # match_key(alias) -> actor id
    parents: Mapping[str, str]  # actor id -> id of the body or state it belongs to
    abbreviations: Mapping[str, str]  # one character -> actor id
    standalone_abbreviations: frozenset[str]
    ambiguous_compounds: frozenset[str]
    not_compounds: frozenset[str]
    collectives: Mapping[str, int]
    state_alias_suffixes: tuple[str, ...]  # 政府, 側: the state itself
    state_body_suffixes: tuple[str, ...]  # 外務省, 軍: a body of the state
    state_forces: frozenset[str]  # 軍: a state's forces named generically are the state
    body_synonyms: Mapping[str, str]  # 外交部 -> 外務省: words naming the same office
    body_names: Mapping[str, Mapping[str, str]]  # state id -> generic word -> the state's own (USA: 国防総省)
    org_suffixes: tuple[str, ...]
    org_suffixes_after_name: tuple[str, ...]
    org_suffixes_after_state: tuple[str, ...]  # 国勢調査局 after a state's name
    org_suffixes_non_political: tuple[str, ...]
    org_suffixes_standalone: tuple[str, ...]
    org_suffixes_own: tuple[str, ...]  # 党, 戦線: named after a state, not a body of it
    generic_org_words: frozenset[str]
    fused_suffixes: tuple[str, ...]  # endings a state or body shares a token with (米軍, 国連軍)
    media: frozenset[str]  # ids of news organizations (not political bodies)
    places: frozenset[str]  # ids of territories and waters (カシミール, 南シナ海): where acts happen
    titles: Mapping[str, Role]  # title word -> role it gives
    title_modifiers: tuple[str, ...]  # longest first: 先任 before 先
    portfolios: frozenset[str]  # 情報, エネルギー: what a minister's title names (情報相, エネルギー・石油大臣)
    ranks: frozenset[str]  # 大佐, 提督: military ranks, titles that are no office
    title_words: tuple[str, ...]  # every title, for a quick endswith test
    title_by_last: Mapping[str, tuple[str, ...]]  # the title words by their last character (ends_with_title)
    title_states: Mapping[str, str]  # titles only one state has: 内閣総理大臣 → JPN, 国務長官 → USA
    home_titles: frozenset[str]  # bare, these name an official of the text's own government (外務大臣)
    unit_titles: tuple[str, ...]  # 局長 of 情報局長: an officer's title after a unit's name
    honorifics: frozenset[str]
    name_endings: Mapping[str, tuple[str, ...]]  # honorifics and titles by last character, longest first
    triggers: Mapping[str, Trigger]
    speech_verbs: frozenset[str]
    quote_only_speech: frozenset[str]
    topic_nouns: frozenset[str]
    conduct_nouns: frozenset[str]  # 行動, 決定, 努力: 「Xの行動を非難」 criticises X
    non_triggers: frozenset[str]  # 貿易紛争: compounds ending in a trigger that name no act of the ontology
    non_trigger_heads: frozenset[str]  # 紛争|当事者: a head noun that makes the compound a party or place
    anonymous_agents: frozenset[str]
    evaluation_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    hedging_verbs: frozenset[str]
    transparent_nouns: frozenset[str]
    designation_verbs: frozenset[str]
    light_verbs: frozenset[str]
    passive_light_verbs: frozenset[str]
    object_classes: Mapping[str, frozenset[str]]
    hedges: Mapping[Modality, frozenset[str]]
    max_alias_length: int
    alias_initials: frozenset[str]  # first characters of all aliases: most tokens start none
    dictionary: Dictionary  # states, bodies, groups and persons with their names (empty for an invented lexicon)
    version: str
    _title_memo: dict[str, Role | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_data(cls, data: Mapping[str, Mapping[str, Any]], *, iso_countries: bool = True) -> Lexicon:
        """A lexicon from in-memory data: one section per data file, in that file's schema.

        ``data`` maps ``"countries"``, ``"actors"``, ``"titles"`` and ``"triggers"``
        to what ``extract/data/<section>.json`` holds; :func:`lexicon_data` gives the
        shipped data to start from. With ``iso_countries=False`` the only states are
        the ones ``data["countries"]["historical"]`` declares (states without an ISO
        code), so a small invented gazetteer can stand in for the real one.

        >>> data = lexicon_data()
        >>> data["countries"]["historical"].append({"id": "ARN", "name": "アルノール", "aliases": ["アルノール王国"]})
        >>> lex = Lexicon.from_data(data, iso_countries=False)
        >>> lex.lookup("アルノール王国"), lex.lookup("ロシア")
        ('ARN', None)
        """
        missing = [s for s in _SECTIONS if s not in data]
        if missing:
            raise ValueError(f"lexicon data lacks the section(s) {', '.join(missing)} (one per data file)")
        canonical = json.dumps([data[s] for s in _SECTIONS], ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(f"{canonical}|iso={iso_countries}".encode())
        try:
            return _build(
                {f"{s}.json": data[s] for s in _SECTIONS}, digest.hexdigest()[:16], iso_countries=iso_countries
            )
        except KeyError as e:
            raise ValueError(f"lexicon data lacks the key {e} (see extract/data/ for the schema)") from None

    def actor(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def lookup(self, text: str) -> str | None:
        """The id of the actor named exactly ``text`` (any alias), or None."""
        return self.aliases.get(match_key(text))

    def state_body(self, state: str, word: str) -> StateBody:
        """The body ``word`` of the state ``state``: one id per office, whatever the word.

        >>> lex = load_lexicon()
        >>> lex.state_body("CHN", "外交部") == lex.state_body("CHN", "外務省")
        True
        >>> lex.state_body("CHN", "外交部").id, lex.state_body("CHN", "外交部").name
        ('CHN:外務省', '中国外務省')
        >>> lex.state_body("USA", "国防省").id, lex.state_body("JPN", "国防部").name
        ('USA:国防総省', '防衛省')
        >>> lex.state_body("RUS", "軍")
        StateBody(id='RUS', name='ロシア', is_state=True)
        """
        state_name = self.actors[state].name if state in self.actors else state
        if word in self.state_forces:
            return StateBody(id=state, name=state_name, is_state=True)
        generic = self.body_synonyms.get(word, word)
        canonical = self.body_names.get(state, {}).get(generic, generic)
        body_id = f"{state}:{canonical}"
        known = self.actors.get(body_id)
        return StateBody(id=body_id, name=known.name if known is not None else state_name + canonical)

    def ends_with_title(self, text: str, end: int | None = None) -> bool:
        """Whether ``text`` (up to ``end``) ends in a title word: ``text.endswith(title_words)``, fast."""
        end = len(text) if end is None else end
        words = self.title_by_last.get(text[end - 1 : end])  # (most characters end no title)
        return words is not None and text.endswith(words, 0, end)

    def title_role(self, word: str) -> Role | None:
        """Role given by a title word, allowing modifiers (先任研究委員 → expert).

        Memoised: the actor rules ask about every token window of every sentence.
        """
        try:
            return self._title_memo[word]
        except KeyError:
            pass
        role = None
        w = word
        if "・" in w and not w.endswith("・"):
            # エネルギー・石油大臣: portfolios joined before a minister's title
            *joined, last = w.split("・")
            if joined and all(p in self.portfolios for p in joined) and self.title_role(last) == Role.OFFICIAL:
                role = Role.OFFICIAL
        while w and role is None:
            if w in self.titles:
                role = self.titles[w]
                break
            for m in self.title_modifiers:
                if w.startswith(m) and len(w) > len(m):
                    w = w[len(m) :]
                    break
            else:
                break
        if len(self._title_memo) < 200_000:
            self._title_memo[word] = role
        return role


def _split_names(name: str) -> list[str]:
    """pycountry/CLDR write alternatives in brackets: 大韓民国 (韓国), ミャンマー (ビルマ); an
    alternative inside a name shares its ending (ココス(キーリング)諸島: never 諸島 alone).

    >>> _split_names("ミャンマー (ビルマ)"), _split_names("ココス(キーリング)諸島")
    (['ミャンマー', 'ビルマ'], ['ココス諸島', 'キーリング諸島'])
    """
    inner = re.fullmatch(r"\s*(.+?)\s*[(（](.+?)[)）]\s*(.+?)\s*", name)
    if inner:
        head, alt, tail = inner.groups()
        return [head + tail, alt + tail]
    parts = re.split(r"\s*[()（）]\s*", name)
    return [p.strip() for p in parts if p.strip()]


def _countries(extra: Mapping[str, Any], *, iso: bool = True) -> dict[str, Actor]:
    out = _iso_countries(extra) if iso else {}
    # States without an ISO code (historical ones, or in tests invented ones); last, so their names win.
    for h in extra.get("historical", []):
        out[h["id"]] = Actor(id=h["id"], type=ActorType.COUNTRY, name=h["name"], aliases=tuple(h["aliases"]))
    return out


def _iso_countries(extra: Mapping[str, Any]) -> dict[str, Actor]:
    import babel
    import pycountry

    ja_iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"], fallback=True)
    cldr = babel.Locale("ja").territories
    added = extra.get("aliases", {})
    out: dict[str, Actor] = {}
    for code, cldr_name in sorted(cldr.items()):
        if not (len(code) == 2 and code.isalpha()):
            continue
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            if code != "XK":  # EU, UN, EZ... are bodies, handled in actors.json
                continue
            alpha3 = "XKX"
            iso_names: list[str] = []
        else:
            alpha3 = country.alpha_3
            iso_names = [ja_iso.gettext(country.name)]
            official = getattr(country, "official_name", None)
            if official:
                iso_names.append(ja_iso.gettext(official))
        # Canonical name: the override, else CLDR's (ロシア, not ISO's ロシア連邦).
        names: list[str] = [n for n in [extra.get("names", {}).get(alpha3)] if n]
        # CLDR's brackets disambiguate with a capital (コンゴ民主共和国(キンシャサ)): drop them.
        names += _split_names(cldr_name)[:1]
        names += list(added.get(alpha3, []))
        for n in iso_names:
            # ISO's Japanese name for Taiwan carries a political qualifier; CLDR's does not.
            if "領・" not in n:
                names += _split_names(n)
        # Latin names only from our own data (USA, UK): ISO's English ones would match English text.
        ours = set(added.get(alpha3, []))
        names = [n for n in dict.fromkeys(names) if len(n) >= 2 and (not n.isascii() or n in ours)]
        if names:
            out[alpha3] = Actor(id=alpha3, type=ActorType.COUNTRY, name=names[0], aliases=tuple(names))
    return out


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _read(name: str) -> tuple[Any, bytes]:
    raw = resources.files("extract").joinpath("data", name).read_bytes()
    return json.loads(raw.decode("utf-8")), raw


def lexicon_data() -> dict[str, Any]:
    """The shipped data files as one dict per section (a fresh copy: change it freely).

    >>> sorted(lexicon_data())
    ['actors', 'countries', 'titles', 'triggers']
    """
    return {name.removesuffix(".json"): _read(name)[0] for name in _DATA_FILES}


@functools.cache
def load_lexicon() -> Lexicon:
    """Load and index the data files and the actor dictionary (cached: one lexicon per process)."""
    digest = hashlib.sha256()
    data: dict[str, Any] = {}
    for name in _DATA_FILES:
        data[name], raw = _read(name)
        digest.update(raw)
    dictionary = load_dictionary()
    digest.update(dictionary.version.encode())
    return _build(data, digest.hexdigest()[:16], dictionary=dictionary)


def _build(
    data: Mapping[str, Any], version: str, *, iso_countries: bool = True, dictionary: Dictionary | None = None
) -> Lexicon:
    countries, actors_data = data["countries.json"], data["actors.json"]
    actors, parents, ours = _actors(countries, actors_data, iso_countries=iso_countries)
    if dictionary is not None:
        _add_dictionary(actors, parents, dictionary, _ruled_names(data))
    _fold_regimes(actors, countries.get("regimes", {}))
    aliases = _alias_index(actors, ours, dictionary)
    _keep_own_names(actors, aliases)
    abbr = countries["abbreviations"]
    return Lexicon(
        actors=MappingProxyType(actors),
        aliases=MappingProxyType(aliases),
        parents=MappingProxyType(parents),
        abbreviations=MappingProxyType(dict(abbr["free"])),
        standalone_abbreviations=frozenset(abbr["standalone"]),
        ambiguous_compounds=frozenset(k for k, v in abbr["ambiguous_compounds"].items() if v is True),
        not_compounds=frozenset(abbr["not_compounds"]),
        **_body_fields(actors_data),
        **_title_fields(data["titles.json"]),
        **_trigger_fields(data["triggers.json"]),
        max_alias_length=max((len(k) for k in aliases), default=0),
        alias_initials=frozenset(k[0] for k in aliases),
        dictionary=dictionary if dictionary is not None else EMPTY_DICTIONARY,
        version=version,
    )


def _actors(
    countries: Mapping[str, Any], actors_data: Mapping[str, Any], *, iso_countries: bool
) -> tuple[dict[str, Actor], dict[str, str], set[tuple[str, str]]]:
    """The gazetteer's own actors (CLDR, ISO and the data files), their parents, and their (id, name) pairs."""
    actors: dict[str, Actor] = _countries(countries, iso=iso_countries)
    parents: dict[str, str] = {}
    for kind, atype in (("organizations", ActorType.ORGANIZATION), ("regions", ActorType.REGION)):
        for a in actors_data[kind]:
            actors[a["id"]] = Actor(id=a["id"], type=atype, name=a["name"], aliases=tuple(a["aliases"]))
            if a.get("part_of"):
                parents[a["id"]] = a["part_of"]
    ours = {(a.id, n) for a in actors.values() for n in (a.name, *a.aliases)}
    return actors, parents, ours


@dataclass(frozen=True, slots=True)
class _RuledNames:
    """Kinds of name the rules read better than a dictionary entry does (see :func:`_add_dictionary`)."""

    abbreviations: frozenset[str]  # 日米豪印: the states, each of them
    meeting_words: tuple[str, ...]  # 日中韓首脳会議: an event with its parties
    government_words: tuple[str, ...]  # ポル・ポト政権: a state's government named after its leader

    def ruled(self, name: str) -> bool:
        return (
            (len(name) > 1 and set(name) <= self.abbreviations)
            or (name.endswith(self.meeting_words) and name not in self.meeting_words)
            or name.endswith(self.government_words)
            or name.endswith("国")  # 常任理事国, 加盟国: the member states
        )


def _ruled_names(data: Mapping[str, Any]) -> _RuledNames:
    triggers = data["triggers.json"]["triggers"]
    return _RuledNames(
        abbreviations=frozenset(data["countries.json"]["abbreviations"]["free"]),
        meeting_words=tuple(k for k, v in triggers.items() if v["type"] == RelationType.MEETING),
        government_words=tuple(data["actors.json"]["state_bodies"]["alias"]),
    )


def _add_dictionary(
    actors: dict[str, Actor], parents: dict[str, str], dictionary: Dictionary, rules: _RuledNames
) -> None:
    """The dictionary's states, bodies and groups: new actors, and more names for those already known.

    A name the gazetteer's own data gives keeps its actor (:func:`_alias_index`); English
    names are not matched in Japanese text (only acronyms are), they serve look-ups. Of bodies
    and groups, names the rules read better are left to them (:class:`_RuledNames`): 日米豪印
    names the states, each of them (ONTOLOGY: compounds expand to every member); 日中韓首脳会議
    or アフリカ開発会議 is an event, read with its parties; ポル・ポト政権 is a state's
    government named after its leader, 常任理事国 the states that are members.
    """
    for e in dictionary.states.values():
        forms = (e.name, *e.aliases)
        _add_entry(
            actors,
            e,
            ActorType.COUNTRY,
            tuple(
                n for n in forms if match_key(n) not in dictionary.ambiguous and not n.endswith(rules.government_words)
            ),
        )
    for e in (*dictionary.bodies.values(), *dictionary.groups.values()):
        if rules.ruled(e.name):
            continue
        forms = (e.name, *e.aliases, *e.acronyms)
        _add_entry(
            actors,
            e,
            ActorType.ORGANIZATION,
            tuple(n for n in forms if match_key(n) not in dictionary.ambiguous and not rules.ruled(n)),
        )
        if e.part_of and e.part_of in dictionary.bodies:
            parents.setdefault(e.id, e.part_of)


def _keep_own_names(actors: dict[str, Actor], aliases: Mapping[str, str]) -> None:
    """An actor's names are those that name it: a name the index gives another actor (中華民国
    is Taiwan's, not the Republic of China of 1912–1949's) is dropped from its aliases."""
    for aid, actor in list(actors.items()):
        own = tuple(n for n in actor.aliases if aliases.get(match_key(n), aid) == aid)
        if own != actor.aliases:
            actors[aid] = replace(actor, aliases=own)


def _fold_regimes(actors: dict[str, Actor], regimes: Mapping[str, str]) -> None:
    """A regime or former name of a state that continues (ナチス・ドイツ, ザイール) names the state."""
    for old_id, state in regimes.items():
        old = actors.pop(old_id, None)
        if old is not None and state in actors:
            new = actors[state]
            actors[state] = replace(new, aliases=tuple(dict.fromkeys((*new.aliases, old.name, *old.aliases))))


def _add_entry(actors: dict[str, Actor], e: Entry, atype: ActorType, names: tuple[str, ...]) -> None:
    old = actors.get(e.id)
    if old is not None:
        actors[e.id] = replace(old, aliases=tuple(dict.fromkeys((*old.aliases, *names))))
    elif names:
        actors[e.id] = Actor(id=e.id, type=atype, name=e.name, aliases=names)


def _alias_index(
    actors: Mapping[str, Actor], ours: set[tuple[str, str]], dictionary: Dictionary | None
) -> dict[str, str]:
    """match_key(name) -> actor id. The gazetteer's own names win over the dictionary's, and a
    country over a body that shares its name; a dictionary name two entries share is nobody's."""
    ambiguous = dictionary.ambiguous if dictionary is not None else frozenset()
    aliases: dict[str, str] = {}
    # Countries last, so that a country name wins over a body that shares it.
    ordered = sorted(actors.values(), key=lambda a: a.type == ActorType.COUNTRY)
    for actor in ordered:
        for alias in (actor.name, *actor.aliases):
            if (actor.id, alias) not in ours and match_key(alias) not in ambiguous:
                aliases.setdefault(match_key(alias), actor.id)
    for actor in ordered:
        for alias in (actor.name, *actor.aliases):
            if (actor.id, alias) in ours:
                aliases[match_key(alias)] = actor.id
    return with_unjoined(aliases, ambiguous)


def _body_fields(actors_data: Mapping[str, Any]) -> dict[str, Any]:
    bodies, suffixes = actors_data["state_bodies"], actors_data["org_suffixes"]
    return {
        "collectives": MappingProxyType({k: v for k, v in actors_data["collectives"].items() if not k.startswith("_")}),
        "state_alias_suffixes": _longest_first(bodies["alias"]),
        "state_body_suffixes": _longest_first(bodies["organization"]),
        "state_forces": frozenset(bodies["forces"]),
        "body_synonyms": MappingProxyType(dict(bodies["synonyms"])),
        "body_names": MappingProxyType({k: MappingProxyType(dict(v)) for k, v in bodies["names"].items()}),
        "org_suffixes": _longest_first(suffixes["any"]),
        "org_suffixes_after_name": _longest_first(suffixes["after_name_only"]),
        "org_suffixes_after_state": _longest_first(suffixes["after_state"]),
        "org_suffixes_non_political": _longest_first(suffixes["non_political"]),
        "org_suffixes_standalone": _longest_first(suffixes["standalone"]),
        "org_suffixes_own": _longest_first(suffixes["own"]),
        "generic_org_words": frozenset(suffixes["generic"]),
        "fused_suffixes": _longest_first(bodies["alias"] + bodies["organization"] + suffixes["after_state"]),
        "media": frozenset(o["id"] for o in actors_data["organizations"] if o.get("kind") == "media"),
        "places": frozenset(r["id"] for r in actors_data["regions"] if r.get("kind") == "place"),
    }


def _title_fields(titles_data: Mapping[str, Any]) -> dict[str, Any]:
    titles: dict[str, Role] = {}
    for role in (Role.EXPERT, Role.OFFICIAL, Role.LEADER):
        for w in titles_data[role.value]:
            titles.setdefault(w, role)
    # Ministers by portfolio (情報相, 石油大臣) and officers by rank (少佐): complete classes of officials.
    for portfolio in titles_data.get("portfolios", ()):
        for suffix in titles_data.get("portfolio_suffixes", ()):
            titles.setdefault(portfolio + suffix, Role.OFFICIAL)
    for w in titles_data.get("ranks", ()):
        titles.setdefault(w, Role.OFFICIAL)
    # Official titles listed explicitly (副大統領) win over the leader word they contain.
    for w in titles_data["official"]:
        titles[w] = Role.OFFICIAL
    return {
        "titles": MappingProxyType(titles),
        "title_modifiers": _longest_first(titles_data["modifiers"]),
        "portfolios": frozenset(titles_data.get("portfolios", ())),
        "ranks": frozenset(titles_data.get("ranks", ())),
        "title_words": tuple(sorted(titles)),
        "title_by_last": _endings_by_last(set(titles)),
        "title_states": MappingProxyType(
            {k: v for k, v in titles_data["state_titles"].items() if not k.startswith("_")}
        ),
        "home_titles": frozenset(titles_data["home_titles"]),
        "unit_titles": _longest_first(titles_data.get("unit_titles", [])),
        "honorifics": frozenset(titles_data["honorifics"]),
        "name_endings": _endings_by_last({*titles_data["honorifics"], *titles}),
    }


def _endings_by_last(words: set[str]) -> Mapping[str, tuple[str, ...]]:
    """Words by their last character, longest first: what clean_name strips off a name."""
    by_last: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        by_last.setdefault(w[-1:], []).append(w)
    return MappingProxyType({c: tuple(ws) for c, ws in by_last.items()})


def _trigger(lemma: str, spec: Mapping[str, Any]) -> Trigger:
    return Trigger(
        lemma=lemma,
        type=RelationType(spec["type"]),
        weak=bool(spec.get("weak")),
        noun_only=bool(spec.get("noun_only")),
        verb_only=bool(spec.get("verb_only")),
        mediation=bool(spec.get("mediation")),
        mutual=bool(spec.get("mutual")),
        visit=bool(spec.get("visit")),
        joint=bool(spec.get("joint")),
        object_is_thing=bool(spec.get("object_is_thing")),
        needs=Needs(spec["needs"]) if spec.get("needs") else None,
        modality=Modality(spec["modality"]) if spec.get("modality") else None,
    )


def _triggers(trig_data: Mapping[str, Any]) -> dict[str, Trigger]:
    """Trigger words, and their normalised spellings (呼び掛ける for 呼びかける): GiNZA gives
    a token the lemma of its own spelling and Sudachi's normalised form as its norm."""
    table = {lemma: _trigger(lemma, spec) for lemma, spec in trig_data["triggers"].items()}
    for spelling, word in trig_data.get("spellings", {}).items():
        table.setdefault(spelling, table[word])
    return table


def _trigger_fields(trig_data: Mapping[str, Any]) -> dict[str, Any]:
    hedges, speech, light = trig_data["hedges"], trig_data["speech"], trig_data["light_verbs"]
    return {
        "triggers": MappingProxyType(_triggers(trig_data)),
        "speech_verbs": frozenset(speech["verbs"]),
        "quote_only_speech": frozenset(speech["quote_only"]),
        "topic_nouns": frozenset(speech["topic_nouns"]),
        "conduct_nouns": frozenset(speech["conduct_nouns"]),
        "non_triggers": frozenset(trig_data.get("non_triggers", {}).get("words", ())),
        "non_trigger_heads": frozenset(trig_data.get("non_triggers", {}).get("heads", ())),
        "anonymous_agents": frozenset(trig_data["anonymous_agents"]["words"]),
        "evaluation_verbs": frozenset(speech["evaluation"]),
        "negating_verbs": frozenset(hedges["negating_verbs"]),
        "hedging_verbs": frozenset(hedges["hedging_verbs"]),
        "transparent_nouns": frozenset(light["transparent_nouns"]),
        "designation_verbs": frozenset(light["designation"]),
        "light_verbs": frozenset(light["active"]),
        "passive_light_verbs": frozenset(light["passive"]),
        "object_classes": MappingProxyType(
            {k: frozenset(v) for k, v in trig_data["object_classes"].items() if not k.startswith("_")}
        ),
        "hedges": MappingProxyType(
            {
                Modality.HEDGED: frozenset(hedges["hedged"]),
                Modality.HYPOTHETICAL: frozenset(hedges["hypothetical"]),
                Modality.NEGATED: frozenset(hedges["negation"]),
            }
        ),
    }
