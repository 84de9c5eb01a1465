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
>>> node_size(0, 0), node_size(40, 40)
(12.0, 40.0)
>>> node_color(ACTOR_STYLE["country"])["border"], edge_color(RELATION_STYLE["attack"])["color"]
('#2c4a6b', '#800230')
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
    "COMMUNITY_COLORS",
    "FONT_STACK",
    "GOLDSTEIN_SCALE",
    "LABEL_MOVABLE",
    "LABEL_SIZES",
    "LARGE_GRAPH_NODES",
    "MODALITY_DASHES",
    "RELATION_STYLE",
    "UNKNOWN_ACTOR",
    "UNKNOWN_RELATION",
    "UNSCORED_PAIR",
    "ActorStyle",
    "RelationStyle",
    "edge_arrows",
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
    head: str = "arrow"  # vis-network arrow type: the second cue, where colour alone is not enough


ACTOR_STYLE: Mapping[str, ActorStyle] = MappingProxyType(
    {
        ActorType.COUNTRY.value: ActorStyle("dot", "#4e79a7", "#2c4a6b", "country"),
        ActorType.PERSON.value: ActorStyle("diamond", "#f28e2b", "#a85a12", "person"),
        ActorType.ORGANIZATION.value: ActorStyle("square", "#59a14f", "#356530", "organization"),
        ActorType.REGION.value: ActorStyle("hexagon", "#b07aa1", "#6d4663", "region"),
    }
)
UNKNOWN_ACTOR = ActorStyle("dot", "#9d9d9d", "#5f5f5f", "other")

# Cooperative types in greens and blues, conflictual ones in warm colours, statements in grey, the
# actor-role types (not events) in browns and lavender. Every two colours differ by a CIEDE2000 ΔE of at
# least 26 in normal vision; under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009)
# the types drawn with the same arrow head still differ by at least 13, and the pairs that come closer
# (treaty and attack, sanction and member of …) differ in their arrow head, which is the second cue:
# none for the symmetric types, an arrow for directed events, an open vee for comments, a bar for
# leaders, a circle for membership and UML's diamond for a part. (tests/test_map_palette.py checks it;
# dash patterns stay with modality.)
RELATION_STYLE: Mapping[str, RelationStyle] = MappingProxyType(
    {
        RelationType.TREATY.value: RelationStyle("#0a4f34", False, "treaty", ""),
        RelationType.COOPERATION.value: RelationStyle("#1fc151", False, "cooperation", ""),
        RelationType.MEETING.value: RelationStyle("#146ba7", False, "meeting", ""),
        RelationType.SUPPORT.value: RelationStyle("#24bbcf", True, "support"),
        RelationType.REQUEST.value: RelationStyle("#5b0b9f", True, "request"),
        RelationType.COMMENTS_ON.value: RelationStyle("#a09895", True, "comments on", "vee"),
        RelationType.CRITICISM.value: RelationStyle("#fb9000", True, "criticism"),
        RelationType.SANCTION.value: RelationStyle("#ef1600", True, "sanction"),
        RelationType.THREAT.value: RelationStyle("#ff358a", True, "threat"),
        RelationType.ATTACK.value: RelationStyle("#800230", True, "attack"),
        RelationType.LEADER_OF.value: RelationStyle("#6f4000", True, "leader of", "bar"),
        RelationType.MEMBER_OF.value: RelationStyle("#7e7e02", True, "member of", "circle"),
        RelationType.PART_OF.value: RelationStyle("#a196ff", True, "part of", "diamond"),
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

# Above this many nodes the map trades looks for speed: edges hidden while dragging or zooming,
# and, should physics be switched on, no improved initial layout and fewer stabilisation steps.
LARGE_GRAPH_NODES = 300

MIN_NODE_SIZE = 12.0
MAX_NODE_SIZE = 40.0

# The page's size modes (legend): by weighted degree (default) or by mentions.
SIZE_MODES = ("relations", "mentions")

# Colour of a pair's line (one line per pair): the mean Goldstein score of its evidence, from conflict
# (-10) through neutral grey to cooperation (+10); red and blue stay apart for the colour-blind.
GOLDSTEIN_SCALE: tuple[tuple[float, str], ...] = (
    (-10.0, "#b2182b"),
    (-4.0, "#e0684b"),
    (0.0, "#9a9a9a"),
    (4.0, "#4a93c9"),
    (10.0, "#1b4f96"),
)
UNSCORED_PAIR = "#b4aea6"  # only comments and roles between them: no Goldstein score

# Community colours (Tableau 10 without its grey); communities past these share OTHER_COMMUNITY.
COMMUNITY_COLORS: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
)
OTHER_COMMUNITY = "#c9c9c9"

# Label sizes in screen pixels, by rank of importance: the labels never shrink with the zoom.
LABEL_SIZES: tuple[tuple[int, int], ...] = ((5, 17), (20, 15), (60, 13))
LABEL_MIN_SIZE = 12
# The most important actors whose label may go above, right or left of the node when under it is taken.
LABEL_MOVABLE = 40


def node_size(value: int, largest: int) -> float:
    """Node radius in px: grows with the square root of the value (weighted degree or mentions)."""
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


def edge_arrows(st: RelationStyle, symmetric: bool) -> str | dict[str, Any]:
    """pyvis ``arrows``: none on symmetric relations, ``"to"`` for a plain arrow, else its head type."""
    if symmetric:
        return ""
    if st.head in ("", "arrow"):
        return "to"
    return {"to": {"enabled": True, "type": st.head}}


def edge_width(count: int) -> float:
    """Line width in px: 1.5 for one piece of evidence, thicker (log) for more, at most 6."""
    return round(min(6.0, 1.5 + math.log2(max(count, 1))), 2)


def stabilization_iterations(n_nodes: int, n_edges: int) -> int:
    """Bounded physics work before the layout is frozen: 600 for small graphs, 100 at 2,000 nodes."""
    size = max(n_nodes, 1) + max(n_edges, 0) // 4
    return max(60, min(600, 400_000 // (size * 2)))


def vis_options(n_nodes: int, n_edges: int, *, seed: int = 7, laid_out: bool = False) -> dict[str, Any]:
    """The vis-network options: no physics when the layout was computed beforehand, no HTML tooltips.

    ``laid_out``: every node has ``x`` and ``y`` (graph.layout), so the map
    opens still; the physics settings stay for the page's "Physics" toggle.
    """
    large = n_nodes > LARGE_GRAPH_NODES
    font = {"face": FONT_STACK, "size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"}
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": not large and not laid_out},
        "nodes": {"font": font, "borderWidth": 1.5, "borderWidthSelected": 3},
        "edges": {
            # Straight lines; parallel edges carry their own curve (graph.render).
            "smooth": {"enabled": False},
            "arrows": {"to": {"enabled": False, "scaleFactor": 0.6}},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "physics": _physics(n_nodes, n_edges, enabled=not laid_out),
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


def _physics(n_nodes: int, n_edges: int, *, enabled: bool) -> dict[str, Any]:
    return {
        "enabled": enabled,
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
    }
