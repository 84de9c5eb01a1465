"""The records passed between stages, and the ontology they are written in.

Standard library only: ``graph`` imports this module without pulling in spaCy.
Field names follow ``ONTOLOGY.md`` and the gold format, so a JSONL line, a
gold relation and a :class:`Relation` use the same words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

__all__ = [
    "MODALITY_STRENGTH",
    "RELATION_KEYS",
    "Actor",
    "ActorType",
    "Document",
    "DocumentResult",
    "Modality",
    "Relation",
    "RelationType",
    "Role",
]


class ActorType(StrEnum):
    COUNTRY = "country"
    PERSON = "person"
    ORGANIZATION = "organization"
    REGION = "region"


class Role(StrEnum):
    LEADER = "leader"
    OFFICIAL = "official"
    EXPERT = "expert"


class Modality(StrEnum):
    ASSERTED = "asserted"
    HEDGED = "hedged"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


# How strongly a relation is claimed; the graph keeps the strongest seen.
MODALITY_STRENGTH: Mapping[str, int] = {
    Modality.ASSERTED: 3,
    Modality.HEDGED: 2,
    Modality.HYPOTHETICAL: 1,
    Modality.NEGATED: 0,
}


class RelationType(StrEnum):
    TREATY = "treaty"
    COOPERATION = "cooperation"
    MEETING = "meeting"
    SUPPORT = "support"
    SANCTION = "sanction"
    THREAT = "threat"
    CRITICISM = "criticism"
    REQUEST = "request"
    ATTACK = "attack"
    COMMENTS_ON = "comments_on"
    LEADER_OF = "leader_of"
    MEMBER_OF = "member_of"
    PART_OF = "part_of"

    @property
    def symmetric(self) -> bool:
        return self in _SYMMETRIC

    @property
    def is_event(self) -> bool:
        """False for the actor-role types (leader_of, member_of, part_of)."""
        return self not in _ROLE_TYPES

    @property
    def cameo(self) -> str | None:
        return _CAMEO[self][0]

    @property
    def goldstein(self) -> float | None:
        return _CAMEO[self][1]

    @property
    def description(self) -> str:
        return _CAMEO[self][2]


_SYMMETRIC = frozenset({RelationType.TREATY, RelationType.COOPERATION, RelationType.MEETING})
_ROLE_TYPES = frozenset({RelationType.LEADER_OF, RelationType.MEMBER_OF, RelationType.PART_OF})

# CAMEO root code and Goldstein score per type, from ONTOLOGY.md. The sanction
# row uses the root code 16; 163 (embargo) would score -8.0 but the extractor
# does not tell an embargo from other restrictions.
_CAMEO: dict[RelationType, tuple[str | None, float | None, str]] = {
    RelationType.TREATY: ("057", 8.0, "sign formal agreement"),
    RelationType.COOPERATION: ("06", 6.0, "engage in material cooperation"),
    RelationType.MEETING: ("04", 1.0, "consult"),
    RelationType.SUPPORT: ("07", 7.0, "provide aid"),
    RelationType.SANCTION: ("16", -4.0, "reduce relations"),
    RelationType.THREAT: ("13", -6.0, "threaten"),
    RelationType.CRITICISM: ("11", -2.0, "disapprove"),
    RelationType.REQUEST: ("02", 3.0, "appeal"),
    RelationType.ATTACK: ("18", -9.0, "assault"),
    RelationType.COMMENTS_ON: ("01", 0.0, "make public statement"),
    RelationType.LEADER_OF: (None, None, "leads"),
    RelationType.MEMBER_OF: (None, None, "belongs to"),
    RelationType.PART_OF: (None, None, "is part of"),
}


def _enum_value(enum: type[StrEnum], value: Any, name: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ValueError(f"{name}: {value!r} is not one of {allowed}") from None


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A canonical actor: one per real-world entity.

    ``aliases`` holds every surface form seen or known; ``mentions`` counts how
    often the actor was mentioned in the documents it came from.
    """

    id: str
    type: ActorType
    name: str
    aliases: tuple[str, ...] = ()
    role: Role | None = None
    mentions: int = 0

    def __post_init__(self) -> None:
        # Accept plain strings for the enums (Actor(type="country")) and check them.
        object.__setattr__(self, "type", _enum_value(ActorType, self.type, "actor type"))
        if self.role is not None:
            object.__setattr__(self, "role", _enum_value(Role, self.role, "role"))
        object.__setattr__(self, "aliases", tuple(self.aliases))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": str(self.type),
            "name": self.name,
            "aliases": list(self.aliases),
            "role": None if self.role is None else str(self.role),
            "mentions": self.mentions,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Actor:
        role = data.get("role")
        return cls(
            id=str(data["id"]),
            type=_enum_value(ActorType, data["type"], "actor type"),
            name=str(data.get("name") or data["id"]),
            aliases=tuple(data.get("aliases") or ()),
            role=None if not role else _enum_value(Role, role, "role"),
            mentions=int(data.get("mentions") or 0),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    """One typed relation with its evidence: a line of ``triples.jsonl``."""

    doc: str
    sentence: str
    sentence_index: int
    source: str
    source_label: str
    source_type: ActorType
    source_mention: str
    type: RelationType
    target: str
    target_label: str
    target_type: ActorType
    target_mention: str
    predicate: str
    modality: Modality = Modality.ASSERTED
    time: str | None = None
    confidence: float = 1.0

    def __post_init__(self) -> None:
        # Accept plain strings for the enums (Relation(type="sanction", ...)) and check them.
        for name, enum in (
            ("type", RelationType),
            ("modality", Modality),
            ("source_type", ActorType),
            ("target_type", ActorType),
        ):
            object.__setattr__(self, name, _enum_value(enum, getattr(self, name), name))
        if not 0.0 <= float(self.confidence) <= 1.0:
            raise ValueError(f"confidence: {self.confidence!r} is not in [0, 1]")

    @property
    def key(self) -> tuple[str, str, str]:
        """(source, type, target), endpoints sorted for symmetric types."""
        if self.type.symmetric and self.target < self.source:
            return (self.target, str(self.type), self.source)
        return (self.source, str(self.type), self.target)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = str(value) if isinstance(value, StrEnum) else value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        missing = [k for k in RELATION_KEYS if k not in data]
        if missing:
            raise ValueError(f"relation is missing {', '.join(missing)}")
        return cls(
            doc=str(data["doc"]),
            sentence=str(data["sentence"]),
            sentence_index=int(data["sentence_index"]),
            source=str(data["source"]),
            source_label=str(data["source_label"]),
            source_type=_enum_value(ActorType, data["source_type"], "source_type"),
            source_mention=str(data["source_mention"]),
            type=_enum_value(RelationType, data["type"], "type"),
            target=str(data["target"]),
            target_label=str(data["target_label"]),
            target_type=_enum_value(ActorType, data["target_type"], "target_type"),
            target_mention=str(data["target_mention"]),
            predicate=str(data["predicate"]),
            modality=_enum_value(Modality, data["modality"], "modality"),
            time=None if data["time"] is None else str(data["time"]),
            confidence=float(data["confidence"]),
        )


RELATION_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Relation))


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """An input text. ``path`` is the path as the user gave it (provenance only)."""

    path: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO date of publication, when known


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentResult:
    """What the extractor found in one document."""

    doc: str
    relations: tuple[Relation, ...] = ()
    actors: tuple[Actor, ...] = ()
    sentences: int = 0
    parsed_sentences: int = 0
    characters: int = 0
    warnings: tuple[str, ...] = field(default=())
    error: str | None = None  # set when extraction failed for this document (the others go on)
    # (sentence_index, "ExcType: message") of each sentence whose extraction failed: it yields
    # no relation, the rest of the document does (indices as in Relation.sentence_index)
    sentence_errors: tuple[tuple[int, str], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types; :meth:`from_dict` reads it back to an equal result.

        >>> r = DocumentResult(doc="a.txt", sentences=2, characters=10)
        >>> DocumentResult.from_dict(r.to_dict()) == r
        True
        """
        return {
            "doc": self.doc,
            "relations": [r.to_dict() for r in self.relations],
            "actors": [a.to_dict() for a in self.actors],
            "sentences": self.sentences,
            "parsed_sentences": self.parsed_sentences,
            "characters": self.characters,
            "warnings": list(self.warnings),
            "error": self.error,
            "sentence_errors": [[i, e] for i, e in self.sentence_errors],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DocumentResult:
        error = data.get("error")
        return cls(
            doc=str(data["doc"]),
            relations=tuple(Relation.from_dict(r) for r in data.get("relations") or ()),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors") or ()),
            sentences=int(data.get("sentences") or 0),
            parsed_sentences=int(data.get("parsed_sentences") or 0),
            characters=int(data.get("characters") or 0),
            warnings=tuple(str(w) for w in data.get("warnings") or ()),
            error=None if error is None else str(error),
            sentence_errors=tuple((int(i), str(e)) for i, e in data.get("sentence_errors") or ()),
        )
