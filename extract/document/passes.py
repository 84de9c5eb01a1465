"""The document stage: what one sentence cannot tell, in the order the passes run.

The setting comes first (:func:`read_document`): the names the whole document
teaches, whose voice it is, which state each leader's government is, the body
an article is about and the state a text keeps naming. Then each pass of
:data:`PASSES` adds relations through :class:`DocumentContext`; one of them
reads the sentences in order through :data:`SENTENCE_STEPS`, since what a
sentence resolves to depends on those before it (the subject it inherits, the
act a bare 制裁 refers to). The order is declared here once, with what each
pass needs from those before it: the order relations are added in is part of
the output (of two equally confident readings, the first stays).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..types import Document, DocumentResult, Relation
from .about import subject_state, theme
from .affiliations import affiliations, implied_affiliations
from .candidates import stated_relations
from .context import DocumentContext, ReadSentence
from .conventions import (
    forces_abroad_are_the_state,
    joint_speech_is_the_states,
    no_act_on_own_state,
    no_comment_beside_criticism,
    no_comment_on_own_agreement,
    protests_to_envoys_are_their_states,
    states_for_persons,
)
from .governments import government_leaders, government_states
from .leaders import subject_leaders
from .members import listed_members
from .offices import dictionary_offices
from .officials import home_officials
from .resolve import DocumentActors
from .statements import joint_statement
from .voice import home_state, read_voice

__all__ = ["PASSES", "SENTENCE_STEPS", "Pass", "SentenceStep", "read_document"]


@dataclass(frozen=True, slots=True)
class SentenceStep:
    run: Callable[[DocumentContext, int, ReadSentence], None]
    needs: str  # what it takes from the steps before it, in this and earlier sentences


@dataclass(frozen=True, slots=True)
class Pass:
    run: Callable[[DocumentContext], None]
    needs: str  # what it takes from the passes before it


def _count_mentions(ctx: DocumentContext, index: int, s: ReadSentence) -> None:
    """Every mention of the sentence counts for its actor (the actors' ``mentions``)."""
    ctx.actors.enter(index)
    ctx.actors.count(s.mentions, s.groups)


SENTENCE_STEPS: tuple[SentenceStep, ...] = (
    SentenceStep(_count_mentions, "the names the document teaches (the setting)"),
    SentenceStep(government_leaders, "the state of each government named after its leader (the setting)"),
    SentenceStep(affiliations, "the document's actors, to resolve both ends of a noun phrase's link"),
    SentenceStep(stated_relations, "the topics and acts of the sentences before, for dropped subjects and 制裁"),
)


def each_sentence(ctx: DocumentContext) -> None:
    """The sentence steps, sentence by sentence, in the order of the text."""
    for index, s in enumerate(ctx.sentences):
        for step in SENTENCE_STEPS:
            step.run(ctx, index, s)


PASSES: tuple[Pass, ...] = (
    Pass(listed_members, "the theme: the body an article is about, whose members a heading lists"),
    Pass(joint_statement, "the voice: who say 我々 together in a joint statement"),
    Pass(each_sentence, "the setting: the document's actors, voice, theme and subject state"),
    Pass(dictionary_offices, "the sentences' relations, so that a person the text gives a state keeps it"),
    Pass(home_officials, "the sentences' relations and the dictionary's offices, so that a person placed keeps it"),
    Pass(subject_leaders, "every relation so far, so that a head of state placed elsewhere keeps that state"),
    Pass(implied_affiliations, "every relation so far: a body's known state is said only of a body that acts"),
)


# The ontology's document-level conventions, in the order they apply: who a relation's ends
# are (forces, persons' states, joint speech, envoys) before what is dropped as redundant.
CONVENTIONS: tuple[Callable[[list[Relation]], list[Relation]], ...] = (
    forces_abroad_are_the_state,
    states_for_persons,
    joint_speech_is_the_states,
    protests_to_envoys_are_their_states,
    no_act_on_own_state,
    no_comment_on_own_agreement,
    no_comment_beside_criticism,
)


def read_document(document: Document, sentences: Sequence[ReadSentence], lex: Lexicon) -> DocumentResult:
    """The relations and actors of a document, from its sentences as the sentence stages left them."""
    ctx = _setting(document, list(sentences), lex)
    for p in PASSES:
        p.run(ctx)
    relations = ctx.found.relations()
    for convention in CONVENTIONS:
        relations = convention(relations)
    ordered = sorted(relations, key=lambda r: (r.sentence_index, r.source, r.type, r.target, r.predicate))
    return DocumentResult(
        doc=document.path,
        relations=tuple(ordered),
        actors=tuple(ctx.actors.actors()),
        sentences=len(ctx.sentences),
        parsed_sentences=sum(s.analysis is not None for s in ctx.sentences),
        characters=len(document.text),
    )


def _setting(document: Document, sentences: list[ReadSentence], lex: Lexicon) -> DocumentContext:
    """What the whole document says before any relation is read, in the order it is read
    (resolving a mention registers its actor, so the order shows in the actors)."""
    year = int(document.date[:4]) if document.date and document.date[:4].isdigit() else None
    home = home_state(document.text)
    actors = DocumentActors(lex, year=year, home=home)
    # the names the whole document teaches (a later full name, a reading)
    for s in sentences:
        actors.observe(s.mentions, s.groups)
    actors.set_government_states(government_states(sentences, home, lex, year))
    voice = read_voice(
        [(document.text[s.sentence.start : s.sentence.end], s.mentions, s.groups) for s in sentences], actors, home
    )
    return DocumentContext(
        document=document,
        sentences=sentences,
        lex=lex,
        actors=actors,
        home=home,
        voice=voice,
        theme=theme(sentences, actors),
        subject=subject_state(sentences, actors, home),
    )
