"""Actor mentions in one sentence: gazetteer, abbreviations, bodies, persons.

Works on any tokenised ``Doc`` of one sentence: the bare Sudachi tokens of
``nlp.make_doc`` (the cheap pass that decides what is worth parsing) or a
fully parsed one, where GiNZA's NER adds persons. Pure: the Doc is not
modified; mentions are returned as records.

GiNZA's NER alone is not enough for news (it tags 日米 as one Country, 南山大
as a Theater, misses 防衛省防衛研究所 and reads 先任 as a Person), so the
gazetteer and the title patterns lead and NER only adds names they missed.

The passes run in the order :data:`extract.actors.passes.PASSES` declares,
each in a module named for what it recognises (:mod:`.states`, :mod:`.bodies`,
:mod:`.persons`, :mod:`.governments`, :mod:`.collectives`), over a
:class:`~extract.actors.mentions.MentionSet`.
"""

from __future__ import annotations

from .entities import Entity, recognize
from .mentions import Link, Mention, MentionSet, SentenceMentions
from .passes import PASSES, find_mentions, needs_ner
from .sentence import PREFIXES, TARGET_PREFIXES

__all__ = [
    "PASSES",
    "PREFIXES",
    "TARGET_PREFIXES",
    "Entity",
    "Link",
    "Mention",
    "MentionSet",
    "SentenceMentions",
    "find_mentions",
    "needs_ner",
    "recognize",
]
