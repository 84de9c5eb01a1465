"""What the document passes share: the sentences as the sentence stages left them, what the
document as a whole says (its actors, voice, theme and subject), and what the passes collect."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..actors import Link, SentenceMentions
from ..lexicon import Lexicon
from ..read.sentences import Sentence
from ..relations import SentenceAnalysis
from ..types import Document, Modality, RelationType
from .anaphora import ActsSoFar
from .found import Found, relation
from .resolve import DocumentActors, Resolved
from .voice import Voice

__all__ = ["DocumentContext", "HomeLink", "ImpliedLink", "ReadSentence"]


@dataclass(frozen=True, slots=True)
class ReadSentence:
    """One sentence as the sentence stages hand it on: its mentions and, when it was
    parsed, the relation candidates the rules read in it."""

    sentence: Sentence
    mentions: SentenceMentions
    groups: list[tuple[str, ...]]  # states named together (for 両国)
    topic_mentions: list[int]  # mentions before the first は (topic of an unparsed sentence)
    analysis: SentenceAnalysis | None  # None: not parsed


@dataclass(frozen=True, slots=True)
class HomeLink:
    """外務大臣 with no state named: an official of the text's own government, if it has one."""

    index: int
    person: Resolved
    link: Link


@dataclass(frozen=True, slots=True)
class ImpliedLink:
    """外務省 → Japan: an affiliation known, not stated; said only of a body that acts."""

    index: int
    child: Resolved
    parent: Resolved
    link: Link


@dataclass(slots=True)
class DocumentContext:
    """One document being read: set up before the passes, collected by them."""

    document: Document
    sentences: list[ReadSentence]
    lex: Lexicon
    actors: DocumentActors
    home: str | None  # the state whose government speaks in the text
    voice: Voice
    theme: Resolved | None  # the body an article is about
    subject: Resolved | None  # the state a text is clearly about
    found: Found = field(default_factory=Found)
    home_links: list[HomeLink] = field(default_factory=list)
    implied: list[ImpliedLink] = field(default_factory=list)
    acts: ActsSoFar = field(default_factory=ActsSoFar)

    def text(self, index: int) -> str:
        """The verbatim text of sentence ``index``: the evidence of its relations."""
        s = self.sentences[index].sentence
        return self.document.text[s.start : s.end]

    def add(
        self,
        index: int,
        s: Resolved,
        rtype: RelationType,
        t: Resolved,
        predicate: str,
        *,
        confidence: float,
        modality: Modality = Modality.ASSERTED,
        time: str | None = None,
    ) -> None:
        """Record that sentence ``index`` states ``s`` ``rtype`` ``t``."""
        self.found.add(
            relation(self.document, self.text(index), index, s, rtype, t, predicate, modality, time, confidence)
        )
