"""Cue words: what a sentence must contain for a rule family to find anything in it.

Each family declares its own cues; the prefilter (which decides which
sentences get the neural parse) is their union, so a new family or a new
trigger word is never left out of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Cues"]


@dataclass(frozen=True, slots=True)
class Cues:
    """Tokens a rule family can start from: whole words (lemma or surface),
    word endings (常任理事国 ends in 理事国) and beginnings (訪米 begins with 訪).

    Words of several tokens (首脳会談) are also looked for in the sentence's
    text, since the tokenizer may cut them anywhere.

    >>> c = Cues.of_words(["会談", "首脳会談"]) | Cues(suffixes=("理事国",))
    >>> c.match_token("会談", "会談"), c.match_token("常任理事国", "常任理事国"), c.match_token("話", "話")
    (True, True, False)
    >>> c.match_text("日韓首脳会談が開かれた")
    True
    """

    words: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()  # cue words of three characters or more, matched in the text
    patterns: tuple[re.Pattern[str], ...] = ()  # shapes of text no word marks (a list in brackets)

    @classmethod
    def of_words(cls, words: Iterable[str]) -> Cues:
        ws = frozenset(words)
        return cls(words=ws, phrases=tuple(sorted(w for w in ws if len(w) >= 3)))

    def __or__(self, other: Cues) -> Cues:
        return Cues(
            words=self.words | other.words,
            suffixes=tuple(sorted(set(self.suffixes) | set(other.suffixes))),
            prefixes=tuple(sorted(set(self.prefixes) | set(other.prefixes))),
            phrases=tuple(sorted(set(self.phrases) | set(other.phrases))),
            patterns=tuple(sorted(set(self.patterns) | set(other.patterns), key=lambda p: p.pattern)),
        )

    def match_token(self, text: str, lemma: str) -> bool:
        return (
            lemma in self.words
            or text in self.words
            or (bool(self.suffixes) and text.endswith(self.suffixes))
            or (bool(self.prefixes) and text.startswith(self.prefixes))
        )

    def match_text(self, text: str) -> bool:
        return any(p in text for p in self.phrases) or any(p.search(text) for p in self.patterns)
