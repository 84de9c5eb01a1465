"""What a trigger takes from the words around it beyond its own dependents.

A trigger noun is often not where its arguments hang: the head of its
compound (結束|強化), the noun after の that only carries it (遺憾の意を表明), a
light verb (制裁を科す, 懸念を表明) that lends its subject and に-arguments, the
下 it stands under (支援の下に), the verb that designates someone as its target
(制裁対象に指定). :func:`own_nodes` picks the nodes whose dependents are the
trigger's own; :func:`carry` adds the slots of the words that carry it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import collect
from .particles import particles
from .slots import Frame

if TYPE_CHECKING:
    from .frames import Reader

__all__ = ["carry", "own_nodes"]


def own_nodes(r: Reader, tok, *, shallow: bool) -> tuple[list, object]:
    """The nodes whose dependents are the trigger's own arguments, and the base the
    trigger's clause is climbed from (``tok``, or the head that carries it)."""
    base = tok
    nodes = [tok]
    if (
        not shallow
        and tok.dep_ == "compound"
        and tok.head.pos_ in ("NOUN", "VERB")
        and r.sm.index_at(tok.head.i) is None
    ):
        # 結束強化, 防衛協力: the compound's head carries the arguments
        nodes.append(tok.head)
        base = tok.head
    if not shallow and tok.dep_ == "nmod" and particles(tok) == "の" and tok.head.lemma_ in r.lex.transparent_nouns:
        # 遺憾の意を表明, 懸念の念: the noun after の only carries the trigger
        nodes.append(tok.head)
        base = tok.head
    # 日本にとって深刻な脅威: GiNZA hangs the argument on the adjective
    nodes += [ch for ch in tok.children if ch.dep_ in ("acl", "amod") and ch.pos_ == "ADJ"]
    return nodes, base


def carry(r: Reader, tok, base, fr: Frame, exclude: set[int], seen: set[int]) -> None:
    """Add to ``fr`` the slots of the verbs that carry the trigger ``tok`` (from ``base`` up):
    all of them when a light verb carries it, else only its targets."""
    carrier = Frame()
    trig = r.trigger_of(tok)
    light = _light_verbs(r, base, fr, carrier, exclude, seen, directed=trig is not None and not trig.type.symmetric)
    _under(r, base, fr, exclude, seen)
    _designation(r, base, fr, exclude, seen)
    light = _relative_light_verbs(r, tok, carrier, exclude, seen) or light
    fr.merge(carrier, light=light)


def _light_verbs(
    r: Reader, base, fr: Frame, carrier: Frame, exclude: set[int], seen: set[int], *, directed: bool
) -> bool:
    """制裁を科す, 支援を行う用意: up to two verbs above the trigger read into ``carrier``;
    whether one of them is a light verb that lends all its slots. A verb that asks for a
    directed act (XはYに支援を求めた) lends none: the one asked would do it, for the asker."""
    light = False
    cur = base
    for _hop in range(2):
        if cur.dep_ not in ("obj", "nsubj", "nsubj:pass", "iobj") or cur.head.i == cur.i:
            break
        v = cur.head
        if r.sm.index_at(v.i) is not None:
            break
        lemma = v.lemma_
        # Only a light verb lends its subject (制裁を科す); another trigger verb
        # does not (ウクライナへの支援を非難した: the critic is not the supporter).
        is_light = (cur.dep_ == "obj" and (lemma in r.lex.light_verbs or lemma in r.lex.passive_light_verbs)) or (
            cur.dep_ in ("nsubj", "nsubj:pass") and lemma in r.lex.light_verbs and r.passive(v)
        )
        is_light = is_light and not (directed and lemma in r.lex.hedging_verbs)
        exclude.add(v.i)
        collect(r, v, carrier, exclude | {cur.i}, seen)
        if not is_light:
            if r.trigger_of(v) is not None:
                # (チリと、ボリビアの威嚇を非難: who criticises with Peru is no party to the threat)
                carrier.partners.clear()
                carrier.with_partners.clear()
            break
        light = True
        fr.passive = fr.passive ^ (r.passive(v) or lemma in r.lex.passive_light_verbs)
        if lemma in r.lex.passive_light_verbs and v.dep_ == "acl" and v.head.i not in seen:
            # 米国の支持を得たコソボ: the one who receives is the noun the clause describes
            carrier.subjects += r.phrase_actors(v.head, seen, genitive=False)
        cur = v
    return light


def _under(r: Reader, base, fr: Frame, exclude: set[int], seen: set[int]) -> None:
    """アルジェリアの支援の下に、ポリサリオ戦線は…: under someone's support, the subject receives it."""
    if (
        base.dep_ == "nmod"
        and particles(base) == "の"
        and base.head.lemma_ in ("下", "もと")
        and base.head.head.i != base.head.i
    ):
        under = Frame()
        collect(r, base.head.head, under, exclude | {base.head.i}, seen)
        fr.targets += under.subjects


def _designation(r: Reader, base, fr: Frame, exclude: set[int], seen: set[int]) -> None:
    """北朝鮮の高官を制裁対象に指定: designating someone as a target of the act."""
    if base.dep_ == "obl" and particles(base) in ("に", "として") and base.head.lemma_ in r.lex.designation_verbs:
        designation = Frame()
        collect(r, base.head, designation, exclude | {base.i}, seen)
        fr.subjects = fr.subjects or designation.subjects
        fr.objs += designation.objs


def _relative_light_verbs(r: Reader, tok, carrier: Frame, exclude: set[int], seen: set[int]) -> bool:
    """科してきた制裁: a light verb in a relative clause on the trigger noun; whether there is one."""
    light = False
    for ch in tok.children:
        if ch.dep_ == "acl" and (ch.lemma_ in r.lex.light_verbs or ch.lemma_ in r.lex.passive_light_verbs):
            collect(r, ch, carrier, exclude | {tok.i}, seen)
            light = True
    return light
