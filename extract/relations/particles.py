"""Case marking: the particles after an argument, and the slot each set of them marks.

Pure functions of a token and word sets, shared by every reader of a clause:
:func:`particles` reads what follows a token (北朝鮮|に|よる → による), :func:`bare`
takes the list word off it (タイなどの → の), and the sets name which particles
mark an agent, a target, a partner and so on.
"""

from __future__ import annotations

__all__ = [
    "ABOUT",
    "AGENT",
    "AS",
    "ATTRIBUTION",
    "BEFORE_AFTER",
    "BY",
    "COMPARE",
    "CONTENT_DEPS",
    "COORD",
    "DATIVE",
    "FROM",
    "GROUP_VERBS",
    "OBJECT",
    "TARGET",
    "WITH",
    "bare",
    "compounded",
    "particles",
    "postposed",
    "postposition_verb",
]


# Particle strings (case markers after an argument) and the slot they fill.
AGENT = frozenset({"が", "は", "も", "では", "こそ", "でも", "がは", "とは"})
BY = ("による", "によって", "により", "によります")
FROM = frozenset({"から", "からの", "からは", "からも"})
TARGET = frozenset(
    {
        "へ",
        "への",
        "へは",
        "に対する",
        "に対して",
        "に対し",
        "にとって",
        "にとっては",
        "にとっての",
        "に向けた",
        "に向け",
        "に向けて",
        "宛て",
        "あて",
    }
)
DATIVE = frozenset({"に", "には", "にも"})
OBJECT = frozenset({"を", "をも"})
WITH = frozenset({"と", "との", "とも", "とは", "と共に", "とともに", "とともには", "との間", "と間"})
ABOUT = frozenset(
    {
        "について",
        "については",
        "に関して",
        "に関しては",
        "に関し",
        "に関する",
        "に関連して",
        "をめぐる",
        "をめぐり",
        "をめぐって",
        "について、",
    }
)
# Compound postpositions that GiNZA may read as a verb of their own: in 「…の発射に関し、非難」
# 関し is an advcl of 非難 and 発射 its obl. The particle the phrase takes, and the compound
# particle the pair stands for.
_POSTPOSITION_VERBS = {
    "関する": ("に", "に関して"),
    "関連": ("に", "に関連して"),
    "関連する": ("に", "に関連して"),
    "対する": ("に", "に対して"),
    "めぐる": ("を", "をめぐって"),
    "巡る": ("を", "をめぐって"),
}
COMPARE = frozenset({"より", "よりも", "ほど"})
COORD = frozenset({"と", "や", "、", "及び", "および", "・", "とか", "か", "並びに", "ならびに", "も"})
AS = frozenset({"として", "としては", "としても", "とて", "とても", "とては"})
# XをはじめとするY, Xを中心とするY, Xを含むY: a group named by its members
GROUP_VERBS = frozenset({"はじめる", "始める", "初める", "はじめ", "始め", "含む", "中心", "筆頭"})
# 会談後, 会談の前: nouns that only date a clause by an act; the act lends the clause nothing
BEFORE_AFTER = frozenset({"後", "前", "直後", "直前", "以降", "以前", "以来", "終了後", "あと", "まえ"})
ATTRIBUTION = ("によると", "によれば", "の発表", "の報道")


CONTENT_DEPS = frozenset(
    {
        "nsubj",
        "obj",
        "obl",
        "nmod",
        "iobj",
        "dislocated",
        "compound",
        "nsubj:pass",
        "csubj",
        "dep",
        "advcl",
        "acl",
        "ccomp",
        "xcomp",
        "conj",
        "appos",
        "amod",
        "advmod",
    }
)


def bare(p: str) -> str:
    """A particle without the list word before it: タイなどの → の, ペルー等から → から."""
    for head in ("など", "等", "ら", "なども"):
        if p.startswith(head) and len(p) > len(head):
            return p[len(head) :]
    return p


def postposition_verb(tok) -> bool:
    """Whether ``tok`` is a verb read as a postposition (…をめぐり, …に関し): what hangs on it
    is what the clause is about."""
    return tok.lemma_ in _POSTPOSITION_VERBS and tok.dep_ in ("advcl", "acl")


def postposed(tok) -> list[tuple]:
    """The phrases a compound postposition read as a verb (…に関し、…をめぐり、) hangs on
    ``tok``, each with the compound particle it stands for: 発射に関し、非難 → (発射, 'に関して')."""
    out = []
    for ch in tok.children:
        spec = _POSTPOSITION_VERBS.get(ch.lemma_)
        if ch.dep_ != "advcl" or spec is None or any(g.dep_ == "nsubj" for g in ch.children):
            continue
        out += [(g, spec[1]) for g in ch.children if g.dep_ in ("obl", "obj") and bare(particles(g)) == spec[0]]
    return out + _stranded_objects(tok) + _stranded_datives(tok) + _stranded_addressees(tok) + _adverb_arguments(tok)


def _adverb_arguments(tok) -> list[tuple]:
    """国際社会と|緊密に|連携: GiNZA may hang the verb's arguments on an adjective used as
    an adverb (緊密に, 強力に); such an adverb takes none, so they are the verb's."""
    out = []
    for ch in tok.children:
        if ch.dep_ != "advcl" or ch.pos_ != "ADJ" or ch.i > tok.i or not any(a.text == "に" for a in ch.children):
            continue
        out += [(g, p) for g in ch.children if g.dep_ in ("obl", "nmod") and g.i < ch.i and (p := particles(g))]
    return out


def _adverb_as_verb(tok) -> bool:
    """断固として, 毅然として: する with an adverb marked と, which takes no object."""
    return (
        tok.dep_ == "advcl"
        and tok.lemma_ == "する"
        and any(a.pos_ == "ADV" and any(c.text == "と" for c in a.children) for a in tok.children)
    )


def _stranded_datives(tok) -> list[tuple]:
    """欧米諸国に|防空システムの|追加供与を|求めた: GiNZA may hang the verb's に-phrase on a
    plain noun inside its object; a noun that names no act (システム, not 供与) takes no
    に-phrase, so it is the verb's."""
    return [
        found
        for node in _inside_objects(tok)
        if node.pos_ == "NOUN" and "サ変" not in node.tag_
        for found in _marked_before(node, "obl", "に")
    ]


def _inside_objects(tok) -> list:
    """The words inside the objects before ``tok`` (each object's own head left out)."""
    return [
        node for obj in tok.children if obj.dep_ == "obj" and obj.i < tok.i for node in obj.subtree if node.i != obj.i
    ]


def _stranded_addressees(tok) -> list[tuple]:
    """ロシアに対して、|実行犯とされる容疑者の|引き渡しを|要求: GiNZA may hang the verb's
    に対して-phrase on a relative clause inside its object; set off by a comma, it is the verb's."""
    return [
        (g, "に対して")
        for node in _inside_objects(tok)
        if node.dep_ == "acl"
        for g in node.children
        if g.dep_ == "obl"
        and g.i < node.i
        and bare(particles(g)) in ("に対して", "に対し")
        and any(c.dep_ == "punct" and c.text in "、," and c.i > g.i for c in g.children)
    ]


def _stranded_objects(tok) -> list[tuple]:
    """侵略を|強い言葉で|非難した, コソボを|国家として|承認した, 攻撃を|断固として|非難: GiNZA
    may hang the verb's を-object on an adjective, a として-phrase or an adverb between them;
    none takes an object, so the object is the verb's."""
    out = []
    for ch in tok.children:
        if ch.dep_ not in ("obl", "advcl", "nmod") or ch.i > tok.i:
            continue
        if particles(ch) == "として" or _adverb_as_verb(ch):
            # (断固|として: GiNZA reads the adverb's と-して as a verb and gives it the object)
            out += _marked_before(ch, "obj", "を")
        for adj in ch.children:
            if adj.dep_ == "acl" and adj.pos_ == "ADJ" and adj.i < ch.i:
                out += _marked_before(adj, "obj", "を")
    return out


def _marked_before(node, dep: str, particle: str) -> list[tuple]:
    """The dependents of ``node`` before it with relation ``dep`` and marked ``particle``, each with it."""
    return [(g, particle) for g in node.children if g.dep_ == dep and g.i < node.i and particles(g) == particle]


def compounded(tok) -> str:
    """A word with the words compounded before it (最高|指導者, 大使館|員)."""
    start = min([c.i for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok.i])
    return tok.doc[start : tok.i + 1].text


def particles(tok) -> str:
    """The case particles after a token, joined: 北朝鮮 に よる → 'による', 韓国 に は → 'には'."""
    parts = []
    for ch in tok.children:
        if ch.i > tok.i and ch.dep_ in ("case", "mark") and ch.pos_ in ("ADP", "SCONJ", "AUX", "VERB", "NOUN", "PART"):
            parts.append((ch.i, ch.text))
            for f in ch.children:
                if f.dep_ == "fixed":
                    parts.append((f.i, f.text))
    parts.sort()
    return "".join(t for _, t in parts)
