"""Text → relations: the cheap pass, the parse, the rules, the resolution.

Most sentences of a news corpus hold no relation between two actors, and the
neural parse is most of the cost, so every sentence is first tokenised
(Sudachi alone) and scanned with the gazetteer and title rules; only a
sentence with two actors, or one actor and a trigger word, is parsed.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..actors import Link, SentenceMentions, find_mentions, needs_ner
from ..document.conventions import no_comment_on_own_state, states_for_persons
from ..document.resolve import DocumentActors, Resolved, blank_bylines, state_groups
from ..document.voice import Voice, home_state, is_statement_line, own_voice, read_voice, turn
from ..lexicon import Lexicon, load_lexicon
from ..normalize import is_kanji, is_katakana
from ..read.sentences import Sentence, split_sentences
from ..relations import (
    ANAPHOR,
    SPEAKER,
    THEME,
    TOPIC,
    VOICE,
    Arg,
    Candidate,
    Carried,
    Confidence,
    Known,
    Recent,
    SentenceAnalysis,
    analyse,
    cues,
)
from ..relations.leaders import state_head_title
from ..types import ActorType, Document, DocumentResult, Modality, Relation, RelationType

__all__ = ["DEFAULT_MODEL", "Extractor", "extract_document", "extract_relations", "load"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "ja_ginza"
_NO_NER = ("ner",)
# How many sentences back "the sanctions" may refer (event anaphora).
_ANAPHOR_REACH = 3
# How far back a bare act of a kind the text keeps returning to may look (ドイツも承認した, paragraphs on).
_ANAPHOR_FAR = 8
# Components the rules do not read. (bunsetu_recognizer stays: it also turns
# the parser's "nsubj_bunsetu" labels into plain UD labels.)
_UNUSED_COMPONENTS = ("compound_splitter",)


@functools.lru_cache(maxsize=2)
def load(model: str = DEFAULT_MODEL):
    """Load the GiNZA pipeline with the components geokg does not read disabled.

    Cached: one pipeline per model and process (loading takes seconds).

    >>> nlp = load()  # doctest: +SKIP
    """
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(_UNUSED_COMPONENTS))
    except OSError as e:
        raise RuntimeError(
            f"cannot load the spaCy model {model!r}: {e}. Install it with `pip install ja-ginza`."
        ) from None
    return nlp


@dataclass(slots=True)
class _Prepared:
    """One sentence between the passes. Docs are dropped as soon as they have been
    read, so a long article costs its small records, not its parses."""

    sentence: Sentence
    tokens: object | None  # spaCy Doc from the tokenizer only, until parsed
    mentions: SentenceMentions
    parse: bool
    groups: list[tuple[str, ...]]  # states named together (for 両国)
    ner: bool  # whether NER could add a person here (else parsed without it)
    topic_mentions: list[int]  # mentions before the first は (topic of an unparsed sentence)
    analysis: SentenceAnalysis | None = None


class Extractor:
    """Reusable extractor: holds the spaCy pipeline and the lexicon.

    >>> ex = Extractor()  # doctest: +SKIP
    >>> ex.extract(Document(path="a.txt", text="米国がイランに制裁を科した。")).relations  # doctest: +SKIP
    """

    def __init__(self, nlp=None, *, lexicon: Lexicon | None = None, batch_size: int = 64, prefilter: bool = True):
        self.nlp = nlp if nlp is not None else load()
        self.lex = lexicon if lexicon is not None else load_lexicon()
        self.batch_size = batch_size
        self.prefilter = prefilter
        # what some rule family can start from (derived from the families themselves)
        self._cues = cues(self.lex)

    @property
    def version(self) -> str:
        meta = getattr(self.nlp, "meta", {}) or {}
        return f"{meta.get('name', '?')}-{meta.get('version', '?')}+lex-{self.lex.version}"

    # -- the cheap pass ------------------------------------------------------------
    def _prepare(self, text: str) -> list[_Prepared]:
        sentences = split_sentences(text)
        out = []
        tokenizer = self.nlp.tokenizer
        voiced = _voiced(text, sentences)
        for s in sentences:
            view, cuts = _parse_view(s.text)
            toks = tokenizer(view)
            sm = find_mentions(toks, self.lex, original=s.text, cuts=cuts)
            parse = self._worth_parsing(toks, sm, voiced=voiced)
            out.append(
                _Prepared(
                    sentence=s,
                    tokens=toks if parse else None,
                    mentions=sm,
                    parse=parse,
                    groups=state_groups(sm, toks, self.lex),
                    topic_mentions=_topic_mentions(toks, sm),
                    ner=parse and (not self.prefilter or needs_ner(toks, sm, self.lex)),
                )
            )
        return out

    def _worth_parsing(self, toks, sm: SentenceMentions, *, voiced: bool = False) -> bool:
        if not self.prefilter:
            return True
        actors = sm.distinct_actor_keys()
        if not actors and not voiced:
            return False
        if len(actors) >= 2:
            return True
        return any(self._cues.match_token(t.text, t.lemma_) for t in toks) or self._cues.match_text(toks.text)

    # -- public API ------------------------------------------------------------------
    def extract(self, document: Document) -> DocumentResult:
        return next(iter(self.pipe([document])))

    def pipe(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        """Extract from many documents, in order, parsing their sentences in batches.

        Sentences worth parsing are pooled across documents until a batch is
        full (short articles alone would leave the parser's batches half
        empty); memory stays bounded by the batch, not by the corpus.
        """
        pending: list[tuple[Document, list[_Prepared] | BaseException]] = []
        waiting = 0
        limit = self.batch_size * 4
        for document in documents:
            try:
                prepared: list[_Prepared] | BaseException = self._prepare(document.text)
            except Exception as e:  # one bad article must not cost the others
                log.info("%s: extraction failed", document.path, exc_info=True)
                prepared = e
            pending.append((document, prepared))
            if not isinstance(prepared, BaseException):
                waiting += sum(p.parse for p in prepared)
            if waiting >= limit or len(pending) >= limit:
                yield from self._flush(pending)
                pending, waiting = [], 0
        yield from self._flush(pending)

    def _flush(self, pending) -> Iterator[DocumentResult]:
        todo = [
            (document, p)
            for document, prepared in pending
            if not isinstance(prepared, BaseException)
            for p in prepared
            if p.parse
        ]
        failed: dict[int, BaseException] = {}
        if todo:
            try:
                # NER is half the parse's cost and only adds persons: skip it where it cannot.
                for group, disable in (
                    ([x for x in todo if x[1].ner], ()),
                    ([x for x in todo if not x[1].ner], _NO_NER),
                ):
                    for batch in _token_batches(group, self.batch_size):
                        docs = self.nlp.pipe((p.tokens for _, p in batch), batch_size=len(batch), disable=list(disable))
                        for (document, p), d in zip(batch, docs, strict=True):
                            self._read_parse(document, p, d)
            except Exception:
                # one sentence broke the batch: parse document by document to find which
                for document, prepared in pending:
                    if isinstance(prepared, BaseException):
                        continue
                    try:
                        for p in prepared:
                            if p.parse and p.analysis is None:
                                self._read_parse(document, p, self.nlp(p.tokens))
                    except Exception as e:
                        log.info("%s: extraction failed", document.path, exc_info=True)
                        failed[id(document)] = e
        for document, prepared in pending:
            if id(document) in failed:
                prepared = failed[id(document)]
            if not isinstance(prepared, BaseException):
                try:
                    yield self._finish(document, prepared)
                    continue
                except Exception as e:
                    log.info("%s: extraction failed", document.path, exc_info=True)
                    prepared = e
            yield DocumentResult(
                doc=document.path, characters=len(document.text), error=f"{type(prepared).__name__}: {prepared}"
            )

    def _read_parse(self, document: Document, p: _Prepared, d) -> None:
        """Everything the later passes need from a parsed sentence; then the Doc goes."""
        year = int(document.date[:4]) if document.date and document.date[:4].isdigit() else None
        p.mentions = find_mentions(d, self.lex, original=p.sentence.text, cuts=_parse_view(p.sentence.text)[1])
        p.groups = state_groups(p.mentions, d, self.lex)
        p.analysis = analyse(d, p.mentions, self.lex, doc_year=year, doc_date=document.date)
        p.tokens = None

    def _finish(self, document: Document, prepared: list[_Prepared]) -> DocumentResult:
        lex = self.lex
        year = int(document.date[:4]) if document.date and document.date[:4].isdigit() else None
        actors = DocumentActors(lex, year=year)
        # pass 1: the names the whole document teaches (a later full name, a reading)
        for p in prepared:
            actors.observe(p.mentions, p.groups)
        # pass 2: relations
        relations: dict[tuple, Relation] = {}
        recent: dict[RelationType, tuple[int, list[Resolved]]] = {}  # last targets per type, for ANAPHOR
        acts: list[tuple[int, RelationType, list[Resolved], list[Resolved]]] = []  # for Recent: who did what
        home = home_state(document.text)
        governments = self._government_states(prepared, home, actors)
        actors.set_government_states(governments)
        voice = read_voice(
            [(document.text[p.sentence.start : p.sentence.end], p.mentions, p.groups) for p in prepared], actors, home
        )
        home_links: list[tuple[int, str, Resolved, Link]] = []  # officials with no state named
        theme = self._theme(prepared, actors)
        subject = self._subject_state(prepared, actors, home)
        for index, member in self._listed_members(prepared, actors):
            p = prepared[index]
            if theme is not None and member.id != theme.id:
                self._add(
                    relations,
                    document,
                    document.text[p.sentence.start : p.sentence.end],
                    index,
                    member,
                    RelationType.MEMBER_OF,
                    theme,
                    "加盟国",
                    Modality.ASSERTED,
                    None,
                    Confidence.MEMBERSHIP,
                )
        if voice.we_line is not None:
            # a statement made together is cooperation among those who make it (ONTOLOGY rule 4)
            p = prepared[voice.we_line]
            line = document.text[p.sentence.start : p.sentence.end]
            for a, b in itertools.combinations(voice.we, 2):
                self._add(
                    relations,
                    document,
                    line,
                    voice.we_line,
                    a,
                    RelationType.COOPERATION,
                    b,
                    "声明",
                    Modality.ASSERTED,
                    None,
                    Confidence.VERB,
                )
        implied: list[tuple[int, str, Resolved, Resolved, Link]] = []  # 外務省 → Japan, known not stated
        for index, p in enumerate(prepared):
            sm, groups = p.mentions, p.groups
            actors.count(sm, groups)
            sentence_text = document.text[p.sentence.start : p.sentence.end]
            # マルコス政権: Marcos leads the state whose government it is
            for gi, gm in enumerate(sm.mentions):
                if gm.kind == "government":
                    state = actors.resolve(Arg(gi), sm, groups)
                    if state is not None:
                        leader = actors.person_named(gm.name, gm.name)
                        self._add(
                            relations,
                            document,
                            sentence_text,
                            index,
                            leader,
                            RelationType.LEADER_OF,
                            state,
                            gm.text,
                            Modality.ASSERTED,
                            None,
                            Confidence.AFFILIATION,
                        )
            # Affiliations are read from the noun phrase alone: parsed or not.
            for lk in sm.links:
                child = actors.resolve(Arg(lk.child), sm, groups)
                if lk.to_home:
                    if child is not None:
                        home_links.append((index, sentence_text, child, lk))
                    continue
                if lk.parent is not None:
                    parent = actors.resolve(Arg(lk.parent), sm, groups)
                else:
                    parent = actors.known(lk.parent_id) if lk.parent_id else None
                if child is None or parent is None or child.id == parent.id:
                    continue
                if lk.implied:
                    implied.append((index, sentence_text, child, parent, lk))
                    continue
                self._add(
                    relations,
                    document,
                    sentence_text,
                    index,
                    child,
                    RelationType(lk.type),
                    parent,
                    lk.predicate,
                    Modality.ASSERTED,
                    None,
                    Confidence.AFFILIATION,
                )
            analysis = p.analysis
            if analysis is None:
                actors.set_topic(self._cheap_topic(p, actors), index)
                continue
            topic = actors.topic_for(index)
            # a government's own text drops the subject of what it says and does to others
            home_topic = [voice.home] if not topic and voice.home is not None else []
            asking = index in voice.turns and voice.turns[index] is None
            for c in analysis.candidates:
                if asking and any(isinstance(a, Carried) for a in c.sources):
                    continue  # 【記者】…への働きかけは: a reporter's question asserts nothing of anyone
                carried = topic or (home_topic if c.type in _GOVERNMENT_ACTS else [])
                srcs = self._resolve_all(c.sources, sm, actors, groups, carried, voice, index, acts, theme)
                srcs = _spoken_by(c, srcs, voice, index)
                if c.targets == (ANAPHOR,):
                    # 制裁の枠組みをつくってきた: "the sanctions" the text was just about
                    seen_at, tgts = recent.get(c.type, (-99, []))
                    if index - seen_at > (_ANAPHOR_FAR if c.type == RelationType.SUPPORT else _ANAPHOR_REACH):
                        # 米国は従来からの制裁を強化: no such act just described; the state the
                        # whole text is about, if one clearly is
                        tgts = [subject] if subject is not None and c.type == RelationType.SANCTION else []
                    tgts = [t for t in tgts if t.id not in {x.id for x in srcs}]
                else:
                    tgts = self._resolve_all(c.targets, sm, actors, groups, topic, voice, index, acts, theme)
                    if tgts and not c.type.symmetric:
                        recent[c.type] = (index, tgts)
                if srcs and c.type not in _SPEECH_ACTS and c.type.is_event:
                    acts.append((index, c.type, srcs, tgts))
                for s in srcs:
                    for t in tgts:
                        if s.id == t.id:
                            continue
                        if (
                            c.type.symmetric
                            and (t.id, s.id) < (s.id, t.id)
                            and any(x.id == t.id for x in srcs)
                            and any(x.id == s.id for x in tgts)
                        ):
                            continue
                        self._add(
                            relations,
                            document,
                            sentence_text,
                            index,
                            s,
                            c.type,
                            t,
                            c.predicate,
                            c.modality,
                            c.time,
                            c.confidence,
                        )
            new_topic = [
                r for a in analysis.topic for r in self._resolve_all([a], sm, actors, groups, topic, voice, index, acts)
            ]
            actors.set_topic(new_topic, index)
        self._add_home_officials(relations, document, home, home_links, actors)
        self._add_subject_leaders(relations, document, prepared, actors, subject)
        acting = {x for r in relations.values() for x in (r.source, r.target)}
        for index, sentence_text, child, parent, lk in implied:
            if child.id in acting:
                self._add(
                    relations,
                    document,
                    sentence_text,
                    index,
                    child,
                    RelationType(lk.type),
                    parent,
                    lk.predicate,
                    Modality.ASSERTED,
                    None,
                    Confidence.AFFILIATION,
                )
        ordered = sorted(
            no_comment_on_own_state(states_for_persons(list(relations.values()))),
            key=lambda r: (r.sentence_index, r.source, r.type, r.target, r.predicate),
        )
        return DocumentResult(
            doc=document.path,
            relations=tuple(ordered),
            actors=tuple(actors.actors()),
            sentences=len(prepared),
            parsed_sentences=sum(p.analysis is not None for p in prepared),
            characters=len(document.text),
        )

    def _subject_state(self, prepared: list[_Prepared], actors: DocumentActors, home: str | None) -> Resolved | None:
        """The state a text is clearly about: named at least three times, twice as often as any
        other (the text's own government aside)."""
        counts: Counter[str] = Counter()
        for p in prepared:
            for m in p.mentions.mentions:
                if m.type == ActorType.COUNTRY and len(m.ids) == 1 and m.ids[0] != home:
                    counts[m.ids[0]] += 1
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        return actors.known(ranked[0][0])

    def _theme(self, prepared: list[_Prepared], actors: DocumentActors) -> Resolved | None:
        """The body an article is about: its first sentence opens with it (ワルシャワ条約機構(…)は…)."""
        for p in prepared[:1]:
            if p.topic_mentions:
                m = p.mentions.mentions[p.topic_mentions[0]]
                if m.type == ActorType.ORGANIZATION:
                    return actors.resolve(Arg(p.topic_mentions[0]), p.mentions, p.groups)
        return None

    def _listed_members(self, prepared: list[_Prepared], actors: DocumentActors) -> Iterator[tuple[int, Resolved]]:
        """A heading 加盟国 and, on the next line, the states listed (A・B・C): members of the article's body."""
        for index, p in enumerate(prepared[:-1]):
            if p.sentence.text.strip().strip("=■●・ ") not in _MEMBER_HEADINGS:
                continue
            nxt = prepared[index + 1]
            states = [i for i, m in enumerate(nxt.mentions.mentions) if m.type == ActorType.COUNTRY and m.ids]
            named = sum(len(nxt.mentions.mentions[i].text) for i in states)
            if len(states) >= 2 and named >= 0.6 * len(nxt.sentence.text.strip()):
                for i in states:
                    r = actors.resolve(Arg(i), nxt.mentions, nxt.groups)
                    if r is not None:
                        yield index + 1, r

    def _government_states(self, prepared: list[_Prepared], home: str | None, actors: DocumentActors) -> dict[str, str]:
        """Which state each government named after its leader is (ONTOLOGY convention 10):
        the state it is named with anywhere (米国ではトランプ政権), the state the document
        gives that person (トランプ米大統領), Japan for a 内閣 or for a kanji name in a
        Japanese government's text, else the state the document is most about."""
        named: dict[str, str] = {}
        leaders: dict[str, str] = {}
        counts: Counter[str] = Counter()
        for p in prepared:
            sm = p.mentions
            for m in sm.mentions:
                if m.kind == "government" and m.ids:
                    named.setdefault(m.name, m.ids[0])
                elif m.type == ActorType.COUNTRY and len(m.ids) == 1 and m.kind != "government":
                    counts[m.ids[0]] += 1
            for lk in sm.links:
                child = sm.mentions[lk.child]
                if child.type != ActorType.PERSON or lk.type not in ("leader_of", "member_of"):
                    continue
                state = lk.parent_id if lk.parent is None else (sm.mentions[lk.parent].ids or (None,))[0]
                if state and state in self.lex.actors and self.lex.actors[state].type == ActorType.COUNTRY:
                    for n in (child.name, child.name.split("・")[-1]):
                        leaders.setdefault(n, state)
        out: dict[str, str] = {}
        salient = [s for s, _ in counts.most_common() if s != home]
        for p in prepared:
            for m in p.mentions.mentions:
                if m.kind != "government" or m.name in out:
                    continue
                state = named.get(m.name) or leaders.get(m.name)
                if (
                    state is None
                    and all(is_kanji(c) for c in m.name)
                    and (m.title == "内閣" or home == "JPN" or "JPN" in counts)
                ):
                    state = "JPN"  # 岸田政権 in a text that speaks of Japan
                if state is None and salient:
                    state = salient[0]
                if state is not None:
                    out[m.name] = state
        return out

    def _add_home_officials(self, relations: dict, document: Document, home: str | None, home_links, actors) -> None:
        """外務大臣 with no state named: the official of the text's own government,
        unless the document states the person's state elsewhere (ザリーフ外相 after
        ザリーフ・イラン外務大臣)."""
        placed = _placed(relations)
        for index, sentence_text, child, lk in home_links:
            if child.id in placed or child.type != ActorType.PERSON:
                continue
            if home == "JPN" and is_katakana(child.label.replace("・", "").replace("=", "")):
                continue  # ハムドゥーク首相 in a Japanese release: a foreign leader, not Japan's
            state = actors.known(home) if home else _japanese_official(child, lk.predicate, actors)
            if state is None:
                continue
            self._add(
                relations,
                document,
                sentence_text,
                index,
                child,
                RelationType(lk.type),
                state,
                lk.predicate,
                Modality.ASSERTED,
                None,
                Confidence.AFFILIATION,
            )

    def _add_subject_leaders(
        self, relations: dict, document: Document, prepared: list[_Prepared], actors: DocumentActors, subject
    ) -> None:
        """マドゥーロ大統領 in a text about Venezuela that never names his state: a foreign head
        of state with a bare title leads the state the text is clearly about."""
        if subject is None:
            return
        placed = _placed(relations)
        for index, p in enumerate(prepared):
            sm = p.mentions
            linked = {lk.child for lk in sm.links if not lk.to_home}
            for i, m in enumerate(sm.mentions):
                if m.type != ActorType.PERSON or i in linked or m.is_speaker:
                    continue
                title = state_head_title(m)
                if title is None:
                    continue
                person = actors.resolve(Arg(i), sm, p.groups)
                if person is None or person.id in placed or not is_katakana(person.label.replace("・", "")):
                    continue  # (a kanji name with a bare 首相 in Japanese text is Japan's: home officials)
                placed.add(person.id)
                text = document.text[p.sentence.start : p.sentence.end]
                self._add(
                    relations,
                    document,
                    text,
                    index,
                    person,
                    RelationType.LEADER_OF,
                    subject,
                    title,
                    Modality.ASSERTED,
                    None,
                    Confidence.AFFILIATION - 0.2,
                )

    def _cheap_topic(self, p: _Prepared, actors: DocumentActors) -> list[Resolved]:
        """Topic of an unparsed sentence: the actors before its first は."""
        out = []
        for i in p.topic_mentions:
            m = p.mentions.mentions[i]
            for k in range(m.count if m.is_collective else max(1, len(m.ids))):
                r = actors.resolve(Arg(i, k), p.mentions, p.groups)
                if r is not None:
                    out.append(r)
        return out

    def _resolve_all(
        self,
        args,
        sm,
        actors: DocumentActors,
        groups,
        topic: list[Resolved],
        voice: Voice,
        index: int,
        acts: list[tuple[int, RelationType, list[Resolved], list[Resolved]]],
        theme: Resolved | None = None,
    ) -> list[Resolved]:
        out: list[Resolved] = []
        for a in args:
            if a is TOPIC:
                out += topic
                continue
            if a is VOICE:
                speaker = voice.speaker(index)
                out += [speaker] if speaker is not None else [voice.home] if voice.home is not None else []
                continue
            if a is SPEAKER:
                # 支援を表明する with no subject: the one whose statement it is
                speaker = voice.speaker(index)
                out += [speaker] if speaker is not None else topic
                continue
            if isinstance(a, Recent):
                out += _doers_of_recent(acts, a, index)
                continue
            if a is THEME:
                out += [theme] if theme is not None else []
                continue
            if isinstance(a, Known):
                known = actors.known(a.id)
                out += [known] if known is not None else []
                continue
            if isinstance(a, Arg) and sm.mentions[a.mention].is_speaker:
                # 私 is the one speaking; 我々 those the speaker speaks for
                m = sm.mentions[a.mention]
                if m.type == ActorType.PERSON:
                    speaker = voice.speaker(index)
                    out += [speaker] if speaker is not None else []
                else:
                    out += voice.speakers_for(index)
                continue
            r = actors.resolve(a, sm, groups)
            if r is not None:
                out.append(r)
        return list(dict.fromkeys(out))

    def _add(
        self,
        relations: dict,
        document: Document,
        sentence: str,
        index: int,
        s: Resolved,
        rtype: RelationType,
        t: Resolved,
        predicate: str,
        modality: Modality,
        time: str | None,
        confidence: float,
    ) -> None:
        if rtype.symmetric and t.id < s.id:
            s, t = t, s
        rel = Relation(
            doc=document.path,
            sentence=sentence,
            sentence_index=index,
            source=s.id,
            source_label=s.label,
            source_type=s.type,
            source_mention=s.mention,
            type=rtype,
            target=t.id,
            target_label=t.label,
            target_type=t.type,
            target_mention=t.mention,
            predicate=predicate,
            modality=modality,
            time=time,
            confidence=confidence,
        )
        # One relation per key and sentence text: a title repeated in the body counts once.
        key = (rel.key, sentence)
        old = relations.get(key)
        if old is None or rel.confidence > old.confidence:
            relations[key] = rel


# Headings of a list of members in an encyclopedia article.
_MEMBER_HEADINGS = frozenset({"加盟国", "構成国", "参加国", "加盟国一覧", "原加盟国", "メンバー", "締約国"})
# What a government's own text says or does to others with its subject dropped (…を強く求めます).
_GOVERNMENT_ACTS = frozenset(
    {RelationType.CRITICISM, RelationType.REQUEST, RelationType.SANCTION, RelationType.SUPPORT}
)
# Japanese news writes a foreign head of government with the state (英首相, インドのモディ首相);
# a bare 首相 or 外相 with a name in kanji is Japan's (岸田首相).
_JAPANESE_CABINET = frozenset({"首相", "総理", "総理大臣", "外相", "外務大臣", "防衛相", "防衛大臣", "官房長官"})


def _japanese_official(person: Resolved, title: str, actors: DocumentActors) -> Resolved | None:
    if title in _JAPANESE_CABINET and person.label and all(is_kanji(c) for c in person.label):
        return actors.known("JPN")
    return None


def _voiced(text: str, sentences: list[Sentence]) -> bool:
    """Whether someone speaks in the text (its government, a statement's author, the turns
    of a transcript): then a sentence naming no one may still be theirs (今般の攻撃を深く
    憂慮しております) and is worth parsing when a rule could start from it."""
    return (
        own_voice(text)
        or any(is_statement_line(s.text) for s in sentences[:10])
        or any(turn(s.text) is not None for s in sentences)
    )


def _placed(relations: dict) -> set[str]:
    """The persons the relations already give a state (leader_of or member_of one)."""
    return {
        r.source
        for r in relations.values()
        if r.type in (RelationType.LEADER_OF, RelationType.MEMBER_OF) and r.target_type == ActorType.COUNTRY
    }


# The parser's memory grows with the tokens of a batch (about 70 KB each), so a batch
# closes at this many tokens as well as at the batch size in sentences.
_BATCH_TOKENS = 4000


def _token_batches(group: list[tuple[Document, _Prepared]], size: int) -> Iterator[list[tuple[Document, _Prepared]]]:
    """``group`` cut into batches of at most ``size`` sentences and ``_BATCH_TOKENS`` tokens
    (one sentence longer than that is a batch of its own)."""
    batch: list[tuple[Document, _Prepared]] = []
    tokens = 0
    for item in group:
        n = len(item[1].tokens) if item[1].tokens is not None else 0  # type: ignore[arg-type]
        if batch and (len(batch) >= size or tokens + n > _BATCH_TOKENS):
            yield batch
            batch, tokens = [], 0
        batch.append(item)
        tokens += n
    if batch:
        yield batch


# What is said: criticism, requests and comments go to the one who says them (ONTOLOGY conventions).
_SPEECH_ACTS = frozenset({RelationType.CRITICISM, RelationType.REQUEST, RelationType.COMMENTS_ON})


def _doers_of_recent(
    acts: list[tuple[int, RelationType, list[Resolved], list[Resolved]]], ref: Recent, index: int
) -> list[Resolved]:
    """今般の攻撃を非難 → whoever attacked in the sentences just before; この動きを歓迎 →
    the parties of the latest act (both sides of an agreement)."""
    # (今般の攻撃 names the kind of act, so it may point further back than この動き)
    reach = _ANAPHOR_REACH if ref.type is None else _ANAPHOR_FAR
    for seen_at, rtype, srcs, tgts in reversed(acts):
        if index - seen_at > reach:
            break
        if ref.type is None or rtype == ref.type:
            return list(dict.fromkeys(srcs + tgts)) if rtype.symmetric else srcs
    return []


def _spoken_by(c: Candidate, srcs: list[Resolved], voice: Voice, index: int) -> list[Resolved]:
    """A speech act of the text's own government (我が国は…非難します) or with its
    subject dropped goes to the person speaking, when the document names one:
    林外務大臣's 「我が国は…評価しております」 is his."""
    speaker = voice.speaker(index)
    if speaker is None or c.type not in _SPEECH_ACTS:
        return srcs
    own = {v.id for v in (voice.home, *voice.we) if v is not None}
    if c.sources == (TOPIC,) or (srcs and all(s.id in own for s in srcs)):
        return [speaker]
    return srcs


_CAPTION_MARKS = re.compile(r"[㊧㊨㊥㊤㊦]")
_CREDIT = re.compile(r"[=＝][^=＝。、\s]{1,15}\s*$")
_PUNCT_MAP = str.maketrans({"，": "、", "．": "。"})
_ASCII_COMMA = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u9fff]),(?=\S)|(?<=[\u3040-\u30ff\u3400-\u9fff])\.(?=[\u3040-\u30ff\u3400-\u9fff]|$)"
)


# A long aside in Latin script in brackets: (H.E. Mr. Volodymyr ZELENSKYY, President of Ukraine).
_LATIN_ASIDE = re.compile(r"[(（][^()（）\u3040-\u30ff\u3400-\u9fff]*[A-Za-z][^()（）\u3040-\u30ff\u3400-\u9fff]*[)）]")


def _parse_view(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """What the parser reads, and the spans it leaves out: (position, length).

    A long English aside in brackets (a name and title as the original gives
    them) cuts the Japanese sentence in two for the parser; it is left out
    when it has a space or comma in it (short acronyms such as (EU) stay: they
    are aliases). Mention texts are still taken from the verbatim sentence.
    """
    base = _parse_text(text)
    cuts: list[tuple[int, int]] = []
    out: list[str] = []
    last = removed = 0
    for m in _LATIN_ASIDE.finditer(base):
        inner = m.group(0)[1:-1]
        if not (" " in inner or "," in inner) or sum(c.isalpha() for c in inner) < 8:
            continue
        out.append(base[last : m.start()])
        cuts.append((m.start() - removed, m.end() - m.start()))
        removed += m.end() - m.start()
        last = m.end()
    if not cuts:
        return base, ()
    out.append(base[last:])
    return "".join(out), tuple(cuts)


def _parse_text(text: str) -> str:
    """What the parser reads: NFKC and Japanese punctuation.

    Government and academic texts write ，． for 、。; GiNZA parses better with
    the usual marks. The result is a prefix-aligned copy of ``text`` (same
    offsets, possibly shorter), so mention offsets stay true to the evidence.
    """
    from ..normalize import nfkc

    # Photo-caption marks: ㊧㊨㊥ (position in the photo) would become 左右中 under
    # NFKC, and a trailing "=ロイター" credit would become the caption's head.
    text = _CAPTION_MARKS.sub(" ", text)
    text = _CREDIT.sub("", text)
    text = blank_bylines(text)  # 【ソウル=記者名】: the reporter is not an actor
    out = nfkc(text.translate(_PUNCT_MAP))
    out = _ASCII_COMMA.sub(lambda m: "、" if m.group(0) == "," else "。", out)
    # NFKC folds 、。 into themselves, but turns ，． into ASCII; keep Japanese forms.
    return out


def _topic_mentions(toks, sm: SentenceMentions) -> list[int]:
    """Indices of the mentions before the sentence's first は (its topic, cheaply)."""
    for t in toks:
        if t.text == "は" and t.tag_.startswith("助詞"):
            return [i for i, m in enumerate(sm.mentions) if m.end <= t.i]
    return []


_default: Extractor | None = None


def _default_extractor() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract_document(document: Document, *, extractor: Extractor | None = None) -> DocumentResult:
    return (extractor or _default_extractor()).extract(document)


def extract_relations(
    text: str, *, doc: str = "<text>", date: str | None = None, extractor: Extractor | None = None
) -> list[Relation]:
    """Relations stated in ``text``, with evidence.

    >>> rels = extract_relations("米国がイランに制裁を科した。", doc="example.txt")  # doctest: +SKIP
    >>> [(r.source, r.type.value, r.target) for r in rels]  # doctest: +SKIP
    [('USA', 'sanction', 'IRN')]
    """
    result = extract_document(Document(path=doc, text=text, date=date), extractor=extractor)
    return list(result.relations)
