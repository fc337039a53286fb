"""Colour arithmetic for checking palettes: sRGB to CIELAB, and the CIEDE2000 colour difference.

A theme's side fills must stay apart to the eye, not just in their hex codes:
:func:`difference` measures how far apart two colours look (ΔE₀₀; about 1 is
just noticeable side by side, above 10 is clearly another colour), and the
render tests require a minimum between every pair of fills a theme gives.

The formulas are those of the CIE (D65 white, 2° observer) and of Sharma, Wu
and Dalal's notes on CIEDE2000.

Examples:
    >>> round(difference("#FFFFFF", "#000000"), 1)
    100.0
    >>> difference("#D0EAF9", "#D0EAF9")
    0.0
"""

from __future__ import annotations

import math

__all__ = ["contrast", "difference", "lab", "lab_difference", "luminance"]

_WHITE = (0.95047, 1.0, 1.08883)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[float, float, float]:
    """``#RRGGBB`` as three linear-light channels between 0 and 1."""
    digits = colour.removeprefix("#")
    if len(digits) != 6:
        raise ValueError(f"expected a colour written #RRGGBB, got {colour!r}")
    r, g, b = (_linear(int(digits[i : i + 2], 16) / 255) for i in (0, 2, 4))
    return r, g, b


def luminance(colour: str) -> float:
    """The relative luminance of an sRGB colour (0 black, 1 white).

    Examples:
        >>> round(luminance("#808080"), 3)
        0.216
    """
    r, g, b = _rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; text wants 4.5 or more).

    Examples:
        >>> round(contrast("#1A1A1A", "#FFFFFF"), 1)
        17.4
    """
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def lab(colour: str) -> tuple[float, float, float]:
    """CIELAB coordinates (L*, a*, b*) of an sRGB colour ``#RRGGBB`` (D65 white).

    Examples:
        >>> [round(v, 2) for v in lab("#FF0000")]
        [53.24, 80.09, 67.2]
    """
    r, g, b = _rgb(colour)
    x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip((x, y, z), _WHITE, strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def difference(a: str, b: str) -> float:
    """The CIEDE2000 colour difference ΔE₀₀ between two sRGB colours ``#RRGGBB``.

    Examples:
        >>> difference("#D0EAF9", "#8CC0DC") > difference("#D0EAF9", "#C8E4F6")
        True
    """
    return lab_difference(lab(a), lab(b))


def lab_difference(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    """The CIEDE2000 colour difference ΔE₀₀ between two CIELAB colours.

    Examples:
        >>> round(lab_difference((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485)), 4)
        2.0425
    """
    (l1, a1, b1), (l2, a2, b2) = first, second
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = a1 * (1 + g), a2 * (1 + g)
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360 if c1 else 0.0
    h2 = math.degrees(math.atan2(b2, a2)) % 360 if c2 else 0.0
    dl, dc = l2 - l1, c2 - c1
    dh = 0.0
    if c1 * c2:
        dh = h2 - h1
        if dh > 180:
            dh -= 360
        elif dh < -180:
            dh += 360
    dh_term = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_bar = (l1 + l2) / 2, (c1 + c2) / 2
    h_mean = h1 + h2
    if c1 * c2:
        if abs(h1 - h2) <= 180:
            h_mean = (h1 + h2) / 2
        else:
            h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    sl = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    sc = 1 + 0.045 * c_bar
    sh = 1 + 0.015 * c_bar * t
    rotation = -2 * math.sqrt(c_bar**7 / (c_bar**7 + 25**7))
    rotation *= math.sin(math.radians(60 * math.exp(-(((h_mean - 275) / 25) ** 2))))
    terms = dl / sl, dc / sc, dh_term / sh
    return math.sqrt(terms[0] ** 2 + terms[1] ** 2 + terms[2] ** 2 + rotation * terms[1] * terms[2])
