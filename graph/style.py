"""Visual constants of the map: colours, shapes, dashes, sizes and vis-network options.

Only data lives here (no HTML, no graph logic), so the look of the map can be
changed in one place and tested without a browser. Everything is read-only.

Examples
--------
>>> ACTOR_STYLE["country"].shape
'dot'
>>> RELATION_STYLE["meeting"].arrows, RELATION_STYLE["sanction"].arrows
(False, True)
>>> MODALITY_DASHES["asserted"], MODALITY_DASHES["hedged"]
(False, (8, 5))
>>> node_size(0, 0, 0), node_size(40, 3, 40)
(12.0, 40.0)
>>> node_color(ACTOR_STYLE["country"])["border"], edge_color(RELATION_STYLE["attack"])["color"]
('#2c4a6b', '#c81e1e')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from extract.types import ActorType, Modality, RelationType

__all__ = [
    "ACTOR_STYLE",
    "FONT_STACK",
    "LARGE_GRAPH_NODES",
    "MODALITY_DASHES",
    "RELATION_STYLE",
    "UNKNOWN_ACTOR",
    "UNKNOWN_RELATION",
    "ActorStyle",
    "RelationStyle",
    "edge_color",
    "edge_width",
    "node_color",
    "node_size",
    "stabilization_iterations",
    "vis_options",
]

# System fonts only (no web fonts: the map must open offline). Japanese
# faces for macOS, Windows and Linux come before the generic fallback so that
# kanji and kana are drawn from one font; on a server or in a container,
# install one of them (Debian: fonts-noto-cjk) or every label is drawn as boxes.
# graph/static/map.css declares the same stack for the page's text.
FONT_STACK = (
    'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", '
    '"Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "Yu Gothic UI", "Yu Gothic", '
    'Meiryo, "IPAexGothic", "IPAPGothic", "IPAGothic", "TakaoGothic", "VL Gothic", sans-serif'
)


@dataclass(frozen=True, slots=True)
class ActorStyle:
    shape: str  # a vis-network shape whose label sits below it, so size is honoured
    color: str  # fill
    border: str  # outline and highlight
    text: str  # legend text


@dataclass(frozen=True, slots=True)
class RelationStyle:
    color: str
    arrows: bool  # False for the symmetric types
    text: str  # legend text


ACTOR_STYLE: Mapping[str, ActorStyle] = MappingProxyType(
    {
        ActorType.COUNTRY.value: ActorStyle("dot", "#4e79a7", "#2c4a6b", "country"),
        ActorType.PERSON.value: ActorStyle("diamond", "#f28e2b", "#a85a12", "person"),
        ActorType.ORGANIZATION.value: ActorStyle("square", "#59a14f", "#356530", "organization"),
        ActorType.REGION.value: ActorStyle("hexagon", "#b07aa1", "#6d4663", "region"),
    }
)
UNKNOWN_ACTOR = ActorStyle("dot", "#9d9d9d", "#5f5f5f", "other")

# Cooperative types in greens and blues, conflictual ones in warm colours,
# statements in grey, the actor-role types (not events) in browns.
RELATION_STYLE: Mapping[str, RelationStyle] = MappingProxyType(
    {
        RelationType.TREATY.value: RelationStyle("#1b7f5f", False, "treaty"),
        RelationType.COOPERATION.value: RelationStyle("#5fae3e", False, "cooperation"),
        RelationType.MEETING.value: RelationStyle("#3a86c8", False, "meeting"),
        RelationType.SUPPORT.value: RelationStyle("#17a3b8", True, "support"),
        RelationType.REQUEST.value: RelationStyle("#8a63c8", True, "request"),
        RelationType.COMMENTS_ON.value: RelationStyle("#8c8c8c", True, "comments on"),
        RelationType.CRITICISM.value: RelationStyle("#d9a400", True, "criticism"),
        RelationType.SANCTION.value: RelationStyle("#e8710a", True, "sanction"),
        RelationType.THREAT.value: RelationStyle("#d6337f", True, "threat"),
        RelationType.ATTACK.value: RelationStyle("#c81e1e", True, "attack"),
        RelationType.LEADER_OF.value: RelationStyle("#7b4f2c", True, "leader of"),
        RelationType.MEMBER_OF.value: RelationStyle("#a9825e", True, "member of"),
        RelationType.PART_OF.value: RelationStyle("#c4ae93", True, "part of"),
    }
)
UNKNOWN_RELATION = RelationStyle("#9d9d9d", True, "other")

# vis-network `dashes`: False for a solid line, else a dash/gap pattern in px.
MODALITY_DASHES: Mapping[str, bool | tuple[int, ...]] = MappingProxyType(
    {
        Modality.ASSERTED.value: False,
        Modality.HEDGED.value: (8, 5),
        Modality.HYPOTHETICAL.value: (2, 5),
        Modality.NEGATED.value: (12, 4, 2, 4),
    }
)

# Above this many nodes the map trades looks for speed: no improved initial
# layout, fewer stabilisation iterations, edges hidden while dragging.
LARGE_GRAPH_NODES = 300

MIN_NODE_SIZE = 12.0
MAX_NODE_SIZE = 40.0


def node_size(mentions: int, degree: int, largest: int) -> float:
    """Node radius in px: grows with the square root of max(mentions, degree)."""
    value = max(mentions, degree, 0)
    if largest <= 0 or value <= 0:
        return MIN_NODE_SIZE
    ratio = math.sqrt(min(value, largest) / largest)
    return round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * ratio, 2)


def node_color(st: ActorStyle) -> dict[str, Any]:
    """vis-network node colours: fill and outline, a dark ring when selected or hovered."""
    ring = {"background": st.color, "border": "#111111"}
    return {"background": st.color, "border": st.border, "highlight": dict(ring), "hover": dict(ring)}


def edge_color(st: RelationStyle) -> dict[str, Any]:
    """vis-network edge colours: the type's colour in every state (selection widens the line instead)."""
    return {"color": st.color, "highlight": st.color, "hover": st.color, "opacity": 0.9}


def edge_width(count: int) -> float:
    """Line width in px: 1.5 for one piece of evidence, thicker (log) for more, at most 6."""
    return round(min(6.0, 1.5 + math.log2(max(count, 1))), 2)


def stabilization_iterations(n_nodes: int, n_edges: int) -> int:
    """Bounded physics work before the layout is frozen: 600 for small graphs, 100 at 2,000 nodes."""
    size = max(n_nodes, 1) + max(n_edges, 0) // 4
    return max(60, min(600, 400_000 // (size * 2)))


def vis_options(n_nodes: int, n_edges: int, *, seed: int = 7) -> dict[str, Any]:
    """The vis-network options: a seeded layout, bounded stabilisation, no HTML tooltips."""
    large = n_nodes > LARGE_GRAPH_NODES
    font = {"face": FONT_STACK, "size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"}
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": not large},
        "nodes": {"font": font, "borderWidth": 1.5, "borderWidthSelected": 3},
        "edges": {
            # Straight lines; parallel edges carry their own curve (graph.render).
            "smooth": {"enabled": False},
            "arrows": {"to": {"enabled": False, "scaleFactor": 0.6}},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "centralGravity": 0.012,
                "springLength": 110,
                "springConstant": 0.06,
                "damping": 0.55,
                "avoidOverlap": 0.3,
            },
            "maxVelocity": 60,
            "minVelocity": 1.0,
            "timestep": 0.5,
            "stabilization": {
                "enabled": True,
                "iterations": stabilization_iterations(n_nodes, n_edges),
                "updateInterval": 20,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
    }
