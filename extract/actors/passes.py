"""The recognisers of one sentence, in the order they run, and the cheap test for NER.

Each pass is a function of (sentence, mentions, lexicon) that changes the
mention set only through its operations (add, replace, drop, link). The order
is declared once, in :data:`PASSES`, with what each pass needs from those
before it: a later pass only takes tokens an earlier one left free, so names
the gazetteer knows win over names found by shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..normalize import is_katakana
from .asides import around_asides
from .bodies import bodies, free_organizations, fused_bodies, genitive_bodies, national_bodies
from .collectives import collectives, speakers
from .governments import governments, led_by
from .known_persons import known_persons
from .mentions import MentionSet, SentenceMentions
from .persons import owned_persons, persons
from .sentence import NAME_JOINERS, SentenceView
from .states import abbreviations, descent, gazetteer, run_together, unlisted_states

__all__ = ["PASSES", "Pass", "find_mentions", "needs_ner"]


@dataclass(frozen=True, slots=True)
class Pass:
    run: Callable[[SentenceView, MentionSet, Lexicon], None]
    needs: str  # what it takes from the passes before it


PASSES: tuple[Pass, ...] = (
    Pass(gazetteer, "nothing: the gazetteer's states, bodies and regions come first and win"),
    Pass(around_asides, "the gazetteer's names and abbreviations, to join 欧州連合(EU)理事会 around them"),
    Pass(unlisted_states, "the gazetteer's mentions, to take only what it left free"),
    Pass(run_together, "the gazetteer's mentions: a word it could not read may be names run together"),
    Pass(abbreviations, "the gazetteer's names, so that 日米 is read only where no name is"),
    Pass(descent, "the states found so far, to drop those before 系"),
    Pass(fused_bodies, "states and abbreviations, the state a body word is fused to (中国外務省, 米軍)"),
    Pass(bodies, "states and gazetteer bodies, the parent a body name runs on from (防衛省防衛研究所)"),
    Pass(genitive_bodies, "states, the owner of a body after の (台湾の国防部)"),
    Pass(governments, "states and bodies, so that X政権 is read only for a person X"),
    Pass(persons, "states and bodies, the affiliations a title is written with (ロシアのプーチン大統領)"),
    Pass(free_organizations, "persons and bodies, so that only unclaimed runs ending in a body word are bodies"),
    Pass(known_persons, "every name found with its title, so that the dictionary adds only persons named alone"),
    Pass(collectives, "every named actor, so that 両国 and 3カ国 are only what is left"),
    Pass(speakers, "every named actor, so that 私 and 我々 are only what is left"),
    Pass(led_by, "persons and bodies, the leader and the body of Xが率いるY"),
    Pass(owned_persons, "every title's and leader's link, so that XのY links only a person named alone"),
    Pass(national_bodies, "the final bodies, to state the state of a gazetteer body (防衛省 → JPN)"),
)


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
            t.text in NAME_JOINERS
            and 0 < i < len(toks) - 1
            and is_katakana(toks[i - 1].text)
            and is_katakana(toks[i + 1].text)
        ):
            return True
        if t.text in lex.honorifics or lex.ends_with_title(t.text):
            return True
    return False


def find_mentions(
    doc, lex: Lexicon, *, original: str | None = None, cuts: tuple[tuple[int, int], ...] = ()
) -> SentenceMentions:
    """All actor mentions of a one-sentence Doc, with the affiliations its noun phrases state.

    ``original`` is the verbatim sentence when the Doc holds a normalised,
    offset-aligned copy (possibly shorter); mention texts are taken from it.
    """
    sent = SentenceView(doc, original, cuts)
    ms = MentionSet()
    for p in PASSES:
        p.run(sent, ms, lex)
    return ms.finished()
