"""Names written around their own abbreviation: 欧州連合(EU)理事会, 国際原子力機関(IAEA)理事会.

Releases and their translations give a body's acronym after its parent's name
and then go on with the organ: the gazetteer reads 欧州連合 and EU, and the organ
word after the brackets is left over. Read without the aside, the whole is a
name the gazetteer knows (欧州連合理事会); that name wins.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from .mentions import Mention, MentionSet
from .sentence import SentenceView, actor_type

__all__ = ["around_asides"]

_OPEN, _CLOSE = "(（", ")）"
_MAX_REST = 4  # tokens after the brackets that may finish the name (理事|会, 首脳|会合)


def around_asides(sent: SentenceView, ms: MentionSet, lex: Lexicon) -> None:
    """Join a name, the aside of its own abbreviation and the rest of a longer name."""
    doc = sent.doc
    for idx, m in enumerate(list(ms.mentions)):
        if idx in ms.dropped or len(m.ids) != 1 or m.end + 2 >= len(doc):
            continue
        inner = _own_aside(ms, m, doc)
        if inner is None:
            continue
        close = ms.mentions[inner].end  # the token of the closing bracket
        found = _longer_name(sent, lex, m, close + 1)
        if found is None:
            continue
        end, aid = found
        ms.drop(inner)
        for k in range(close + 1, end):
            other = ms.index_at(k)
            if other is not None:
                ms.drop(other)
        ms.replace(
            idx, Mention(start=m.start, end=end, text=sent.text(m.start, end), type=actor_type(lex, aid), ids=(aid,))
        )


def _own_aside(ms: MentionSet, m: Mention, doc) -> int | None:
    """The mention inside brackets right after ``m`` that names the same actor (欧州連合(EU))."""
    if doc[m.end].text not in _OPEN:
        return None
    inner = ms.index_at(m.end + 1)
    if inner is None or inner in ms.dropped:
        return None
    im = ms.mentions[inner]
    if im.start != m.end + 1 or im.ids != m.ids or im.end >= len(doc) or doc[im.end].text not in _CLOSE:
        return None
    return inner


def _longer_name(sent: SentenceView, lex: Lexicon, m: Mention, rest: int) -> tuple[int, str] | None:
    """The longest gazetteer name ``m``'s text and the tokens from ``rest`` make, another actor's."""
    name = "".join(sent.ntext(m.start, m.end).split())
    best = None
    for end in range(rest + 1, min(rest + _MAX_REST, len(sent.doc)) + 1):
        key = (name + "".join(sent.ntext(rest, end).split())).upper()
        if len(key) > lex.max_alias_length:
            break
        aid = lex.aliases.get(key)
        if aid is not None and aid != m.ids[0]:
            best = (end, aid)
    return best
