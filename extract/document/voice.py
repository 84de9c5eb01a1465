"""A government's own voice: whose text a document is.

Government releases, statements and press conferences speak for their
government without naming it: 我が国, 「政府として」, a minister's title with
no state (外務大臣), 「私」 as the minister speaking. The rules read those as
the text's own government (ONTOLOGY conventions 9 and 11) when the document
shows whose it is. Japanese is the language geokg reads, and Japanese
government texts say so in set ways: the imperial era in dates (令和6年),
我が国, the cabinet's titles, the issuing ministry on a line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..actors import SentenceMentions
from ..relations import Arg
from ..types import ActorType
from .resolve import DocumentActors, Resolved

__all__ = ["Voice", "home_state", "is_reporter", "is_statement_line", "own_voice", "read_voice", "turn"]

_JAPAN = "JPN"
# Each a sign that the text is the Japanese government's own (or a Japanese
# official's): era dates, 我が国, titles only Japan's cabinet has, Japan time.
_JAPANESE_GOVERNMENT = re.compile(
    r"(令和|平成|昭和)(元|[0-9０-９]{1,2})年"
    r"|我が国|わが国|我が政府"
    r"|(日本|わが国|我が国)政府として"
    r"|内閣総理大臣|官房長官|外務報道官|外務大臣談話|総理大臣談話"
)
# The issuing ministry on a line of its own (a release's dateline or source line). [^\S\n] is a
# space that is not a line break: with \s, ^\s* ran across every blank line after each one.
_ISSUER_LINE = re.compile(
    r"^[^\S\n]*(\[出典\][^\S\n]*)?(外務省|防衛省|首相官邸|内閣官房|内閣府|経済産業省|財務省)[^\S\n]*$", re.MULTILINE
)


def home_state(text: str) -> str | None:
    """The state whose government speaks in ``text``, if the text shows it.

    >>> home_state("令和6年4月15日\\n我が国は、この攻撃を強く非難します。")
    'JPN'
    >>> home_state("2024年7月8日\\n防衛省\\n上川外務大臣は…")
    'JPN'
    >>> home_state("1979年、中国はベトナムに侵攻した。") is None
    True
    """
    if _JAPANESE_GOVERNMENT.search(text) or _ISSUER_LINE.search(text):
        return _JAPAN
    return None


_OWN_VOICE = re.compile(r"我が国|わが国|我が政府|政府として|外務報道官|談話")


def own_voice(text: str) -> bool:
    """Whether a government speaks in ``text`` in its own words (我が国, 政府として), not
    merely dated in its era (an encyclopedia's 昭和20年 is no one speaking).

    >>> own_voice("我が国は、この攻撃を強く非難します。"), own_voice("昭和20年、日本は降伏した。")
    (True, False)
    """
    return bool(_OWN_VOICE.search(text)) or bool(_ISSUER_LINE.search(text))


# A statement's title or opening line: 「…大臣の声明」, 「…談話」, 「…演説」, 「…会見」.
_STATEMENT = re.compile(r"声明|談話|演説|会見|スピーチ|メッセージ|挨拶|あいさつ|寄稿|所信")
# A turn in a transcript: 【茂木外務大臣】, 【記者】, ○岸田内閣総理大臣.
_TURN = re.compile(r"^\s*(【([^】]{1,40})】|[○〇]([^\s　]{1,30}))")
_REPORTER = re.compile(r"記者|司会|質問者|会場|議長")


def is_statement_line(text: str) -> bool:
    """Whether a sentence announces a statement (its author speaks in what follows).

    >>> is_statement_line("ラーム・エマニュエル駐日米国大使の声明"), is_statement_line("両国は協力する。")
    (True, False)
    """
    return bool(_STATEMENT.search(text))


def turn(text: str) -> str | None:
    """The speaker's label when a sentence opens a turn of a transcript, else None.

    >>> turn("【茂木外務大臣】今回の事態につきましては…"), turn("【記者】受け止めは。"), turn("両国は…")
    ('茂木外務大臣', '記者', None)
    """
    m = _TURN.match(text)
    if m is None:
        return None
    return m.group(2) or m.group(3)


def is_reporter(label: str) -> bool:
    """A turn of someone who asks, not of the one who speaks for a government."""
    return bool(_REPORTER.search(label))


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks in each sentence of a document, as far as the document says.

    ``author`` speaks in a statement (its title or opening line names one
    person); ``turns`` maps the sentences of a transcript to the speaker of
    their turn (None for a reporter's); ``home`` is the text's own government;
    ``we`` the states a joint statement speaks for (日米韓外相声明).
    """

    home: Resolved | None = None
    author: Resolved | None = None
    we: tuple[Resolved, ...] = ()
    turns: Mapping[int, Resolved | None] = field(default_factory=dict)
    we_line: int | None = None  # the sentence that names those who speak together

    def speaker(self, sentence: int) -> Resolved | None:
        """The person speaking in sentence ``sentence`` (私), if the document says."""
        if sentence in self.turns:
            return self.turns[sentence]
        return self.author

    def speakers_for(self, sentence: int) -> list[Resolved]:
        """Those 我々 stands for: a joint statement's states, the speaker's state, or the home state."""
        if self.we:
            return list(self.we)
        return [self.home] if self.home is not None else []


def read_voice(
    sentences: Sequence[tuple[str, SentenceMentions, list[tuple[str, ...]]]],
    actors: DocumentActors,
    home_id: str | None,
) -> Voice:
    """The document's voice from its opening lines and its transcript turns."""
    home = actors.known(home_id) if home_id else None
    author: Resolved | None = None
    we: tuple[Resolved, ...] = ()
    we_line = None
    for line, (text, sm, groups) in enumerate(sentences[:10]):
        if not is_statement_line(text):
            continue
        persons = [i for i, m in enumerate(sm.mentions) if m.type == ActorType.PERSON and not m.is_speaker]
        if len(persons) == 1:
            author = actors.resolve(Arg(persons[0]), sm, groups)
            state = _affiliated_state(persons[0], sm, groups, actors)
            we = (state,) if state is not None else ()
            break
        speakers = _joint_speakers(text, sm, groups, actors) if _JOINT.search(text) else []
        if len(speakers) >= 2:
            we = tuple(speakers)  # 日米韓外相声明, 「下記の声明は、米国政府、EU…によって発出された」
            we_line = line
            break
    turns: dict[int, Resolved | None] = {}
    current: Resolved | None = None
    in_turns = False
    for index, (text, sm, groups) in enumerate(sentences):
        label = turn(text)
        if label is not None:
            in_turns = True
            current = None
            if not is_reporter(label):
                persons = [
                    i
                    for i, m in enumerate(sm.mentions)
                    if m.type == ActorType.PERSON and not m.is_speaker and (m.name in label or m.text in label)
                ]
                if persons:
                    current = actors.resolve(Arg(persons[0]), sm, groups)
        if in_turns:
            turns[index] = current
    return Voice(home=home, author=author, we=we, turns=turns, we_line=we_line)


# A statement several make together: 共同声明, 日米韓外相声明, 「声明は…によって発出された」.
_JOINT = re.compile(r"共同声明|共同宣言|首脳声明|外相声明|閣僚声明|声明は.{0,300}(によって|により)(発出|発表)")
# What a statement is about comes before these: 「露朝間の武器移転に関する日米韓外相声明」.
_ABOUT_MARK = re.compile(r"に関する|についての|をめぐる|に対する")


def _joint_speakers(text: str, sm: SentenceMentions, groups, actors: DocumentActors) -> list[Resolved]:
    """The states and bodies a statement line names as its authors: those named after
    what it is about, other than the bodies in a person's title."""
    about = max((m.end() for m in _ABOUT_MARK.finditer(text)), default=0)
    in_titles = {lk.parent for lk in sm.links if lk.parent is not None}
    out: list[Resolved] = []
    for i, m in enumerate(sm.mentions):
        if m.type not in (ActorType.COUNTRY, ActorType.ORGANIZATION) or m.is_speaker or i in in_titles:
            continue
        at = text.find(m.text)
        if at < about:
            continue
        for k in range(max(1, len(m.ids))):
            r = actors.resolve(Arg(i, k), sm, groups)
            if r is not None and r not in out:
                out.append(r)
    return list({r.id: r for r in out}.values())


def _affiliated_state(person: int, sm: SentenceMentions, groups, actors: DocumentActors) -> Resolved | None:
    for lk in sm.links:
        if lk.child != person:
            continue
        parent = actors.resolve(Arg(lk.parent), sm, groups) if lk.parent is not None else None
        if parent is None and lk.parent_id:
            parent = actors.known(lk.parent_id)
        if parent is not None and parent.type in (ActorType.COUNTRY, ActorType.ORGANIZATION):
            return parent
    return None
