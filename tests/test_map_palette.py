"""The 13 relation types are told apart (issue 18): by colour in normal vision, and, under simulated
protanopia, deuteranopia and tritanopia, by colour or else by the arrow head each type is drawn with.

Colour difference is CIEDE2000 (Sharma, Wu & Dalal 2005; the implementation is checked against their
test data); colour blindness is Machado, Oliveira & Fernandes (2009) at full severity, applied in linear RGB.
"""

from __future__ import annotations

import itertools
import math

import pytest

from extract.types import RelationType
from graph import style

# Machado et al. 2009, severity 1.0.
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
NORMAL_MIN = 20.0  # every two types, normal vision
SAME_HEAD_MIN = 10.0  # two types drawn with the same arrow head, under each simulation
ANY_MIN = 4.0  # any two types, under each simulation (below SAME_HEAD_MIN only if their heads differ)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(hex_colour: str, vision: str = "normal") -> tuple[float, float, float]:
    rgb = [_linear(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5)]
    if vision in CVD:
        rgb = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in CVD[vision]]
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(lab1, lab2) -> float:
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar**7 / (cbar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dlp, dcp = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    else:
        dhp = h2p - h1p
        dhp = dhp - 360 if dhp > 180 else dhp + 360 if dhp < -180 else dhp
    dHp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    lbar, cbarp = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbar = (h1p + h2p) / 2
    else:
        hbar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(hbar - 30))
        + 0.24 * math.cos(math.radians(2 * hbar))
        + 0.32 * math.cos(math.radians(3 * hbar + 6))
        - 0.20 * math.cos(math.radians(4 * hbar - 63))
    )
    dtheta = 30 * math.exp(-(((hbar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cbarp**7 / (cbarp**7 + 25**7))
    sl = 1 + 0.015 * (lbar - 50) ** 2 / math.sqrt(20 + (lbar - 50) ** 2)
    sc, sh = 1 + 0.045 * cbarp, 1 + 0.015 * cbarp * t
    rt = -math.sin(math.radians(2 * dtheta)) * rc
    return math.sqrt((dlp / sl) ** 2 + (dcp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dcp / sc) * (dHp / sh))


# Sharma, Wu & Dalal (2005), test data pairs 1, 7, 13, 17, 25 and 34: (Lab1, Lab2, ΔE00).
@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0011), 7.2195),
        ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
    ],
)
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def _pairs():
    return list(itertools.combinations([t.value for t in RelationType], 2))


def _head(rtype: str) -> str:
    st = style.RELATION_STYLE[rtype]
    return st.head if st.arrows else ""


@pytest.mark.parametrize("pair", _pairs(), ids="/".join)
def test_every_two_types_are_told_apart(pair):
    a, b = (style.RELATION_STYLE[t].color for t in pair)
    assert ciede2000(_lab(a), _lab(b)) >= NORMAL_MIN, "in normal vision, by colour"
    for vision in CVD:
        d = ciede2000(_lab(a, vision), _lab(b, vision))
        assert d >= ANY_MIN, vision
        if d < SAME_HEAD_MIN:
            assert _head(pair[0]) != _head(pair[1]), f"{vision}: ΔE {d:.1f}, and the same arrow head"


def test_the_heads_the_map_draws_are_the_styles():
    heads = {_head(t.value) for t in RelationType}
    assert heads == {"", "arrow", "vee", "bar", "circle", "diamond"}
    for t in RelationType:
        assert (style.RELATION_STYLE[t.value].arrows) is not t.symmetric
        arrows = style.edge_arrows(style.RELATION_STYLE[t.value], t.symmetric)
        if t.symmetric:
            assert arrows == ""
        elif _head(t.value) == "arrow":
            assert arrows == "to"
        else:
            assert arrows == {"to": {"enabled": True, "type": _head(t.value)}}


def _contrast_on_white(hex_colour: str) -> float:
    r, g, b = (_linear(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


@pytest.mark.parametrize("rtype", [t.value for t in RelationType])
def test_a_line_of_each_type_stands_out_on_white(rtype):
    assert _contrast_on_white(style.RELATION_STYLE[rtype].color) >= 2.3


def test_the_pair_colours_run_from_conflict_to_cooperation():
    scale = style.GOLDSTEIN_SCALE
    assert [s for s, _ in scale] == sorted(s for s, _ in scale) and scale[0][0] == -10 and scale[-1][0] == 10
    red, neutral, blue = _lab(scale[0][1]), _lab(scale[2][1]), _lab(scale[-1][1])
    assert red[1] > 30 > abs(neutral[1]) and blue[2] < -30, "red, grey, blue"
    for vision in CVD:  # the two ends stay apart for the colour-blind
        assert ciede2000(_lab(scale[0][1], vision), _lab(scale[-1][1], vision)) >= 20
    assert ciede2000(_lab(style.UNSCORED_PAIR), neutral) >= 5
