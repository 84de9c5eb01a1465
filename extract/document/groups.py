"""The states each sentence of a document names, for the collectives that stand for them.

両国, 3か国 or 4か国の首脳 name no state; they stand for states named before
them: together in their own sentence (before them, not in what they act on),
as the officials of a meeting just described (両外相), or as the group of that
many states the text names most.
"""

from __future__ import annotations

from collections import Counter

from ..actors import Link, Mention, SentenceMentions
from ..lexicon import Lexicon
from ..types import ActorType

__all__ = ["NamedStates"]

_AFFILIATIONS = ("leader_of", "member_of")
# Sentences back a collective of officials looks for their states.
_OFFICIALS_REACH = 3


class NamedStates:
    """Per sentence, in pass 1: the states it names, the groups it names together, and the
    states of its leaders and officials."""

    def __init__(self, lex: Lexicon, home: str | None) -> None:
        self.lex = lex
        self.home = home  # the state whose government speaks: its untitled officials' state
        self.states: list[tuple[str, ...]] = []
        self.groups: list[list[tuple[str, ...]]] = []
        self.officials: list[tuple[str, ...]] = []

    def observe(self, sm: SentenceMentions, groups: list[tuple[str, ...]]) -> None:
        self.groups.append([key for g in groups if len(key := tuple(dict.fromkeys(g))) >= 2])
        self.states.append(self._states_named(sm))
        self.officials.append(self._officials_states(sm))

    def _is_state(self, aid: str) -> bool:
        actor = self.lex.actors.get(aid)
        return actor is not None and actor.type == ActorType.COUNTRY

    def _states_named(self, sm: SentenceMentions) -> tuple[str, ...]:
        """The states a sentence names, in order: by name, and as the state of a person or body
        named with it (アルバニージー・オーストラリア首相 names Australia)."""
        states: list[str] = []
        for m in sm.mentions:
            if m.is_speaker and m.type == ActorType.PERSON and self.home is not None:
                states.append(self.home)  # (私は、インドネシアの外相と会談: the government's own official)
            elif not (m.is_collective or m.is_speaker or m.prefix):
                states += [i for i in m.ids if self._is_state(i)]
        for lk in sm.links:
            # (中谷防衛大臣は、英国の…と会談: Japan and Britain; a state only implied by a title is not named)
            if (lk.type in _AFFILIATIONS and lk.parent is not None) or lk.to_home:
                states += self._link_states(sm, lk)
        return tuple(dict.fromkeys(states))

    def _officials_states(self, sm: SentenceMentions) -> tuple[str, ...]:
        """The states of the leaders and officials a sentence names, in order."""
        states: list[str] = []
        for lk in sorted(sm.links, key=lambda lk: sm.mentions[lk.child].start):
            if lk.type in _AFFILIATIONS and sm.mentions[lk.child].type == ActorType.PERSON:
                states += self._link_states(sm, lk)
        return tuple(dict.fromkeys(states))

    def _link_states(self, sm: SentenceMentions, lk: Link) -> list[str]:
        """The state a person's or body's link names: its parent mention, the gazetteer's
        parent, or the text's own government."""
        if lk.parent is not None:
            return [i for i in sm.mentions[lk.parent].ids if self._is_state(i)]
        if lk.parent_id is not None:
            return [lk.parent_id] if self._is_state(lk.parent_id) else []
        return [self.home] if lk.to_home and self.home is not None else []

    def _officials_word(self, word: str) -> bool:
        """両首脳, 両外相, 3か国の首脳: a collective of officials, not of states."""
        rest = word[1:] if word.startswith("両") else word
        return rest.endswith("首脳") or self.lex.title_role(rest) is not None

    def _officials_before(self, count: int, sentence: int) -> tuple[str, ...]:
        """両外相, 両首脳: the states of the latest ``count`` officials named before ``sentence``."""
        states: list[str] = []
        for named in reversed(self.officials[max(0, sentence - _OFFICIALS_REACH) : sentence]):
            states += [s for s in reversed(named) if s not in states]
            if len(states) >= count:
                return tuple(reversed(states[:count]))
        return ()

    def collective(
        self, m: Mention, groups: list[tuple[str, ...]], named_before: set[str], sentence: int
    ) -> tuple[str, ...]:
        """The states collective ``m`` of sentence ``sentence`` stands for: those named together
        before it in its own sentence, else (両外相) the states of the officials named last, else,
        of the groups of that many states named so far (together, or as all a sentence names),
        the one named most, the latest on a tie (the meeting that introduced them).

        (両外相は、北朝鮮とロシアの軍事協力に懸念を表明: the states named after it are what its
        members act on, not who they are.)"""
        count = m.count
        if count == 1:
            # 同国 opening a sentence: the state named last before it
            last = next((states[-1:] for states in reversed(self.states[:sentence]) if states), ())
            return tuple(last)
        same = [tuple(dict.fromkeys(g)) for g in groups if len(set(g)) == count and set(g) <= named_before]
        if same:
            return same[0]
        if self._officials_word(m.name) and (theirs := self._officials_before(count, sentence)):
            return theirs  # (両外相: the states of the two ministers, not of what they spoke about)
        # (not its own sentence: 両国が接近したのはロシアのウクライナ侵略がきっかけだ names other states)
        earlier = self.states[:sentence]
        pairs = Counter(g for gs in self.groups[:sentence] for g in gs)
        candidates = [states for states in earlier if len(states) == count]
        candidates += [k for k in pairs if len(k) == count]
        if not candidates:
            return ()

        def named(group: tuple[str, ...]) -> tuple[int, int]:
            times = [i for i, states in enumerate(earlier) if set(group) <= set(states)]
            return len(times) + pairs.get(group, 0), max(times, default=-1)

        return max(candidates, key=named)
