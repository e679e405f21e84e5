"""The interface's state colours, and the rule that resting art never uses them.

Hover, selection, search match and high risk are drawn by the app over the
art. A drawing that rests in one of these colours would look hovered or
selected when it is not, so every colour in a drawing's art must stand at
least MIN_DISTANCE (CIE76 delta E in Lab) from each of them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

INTERFACE: Mapping[str, str] = MappingProxyType(
    {
        "selected": "#1f6fd0",  # fill and outline of the selected region
        "selected_line": "#0c3e7a",
        "hover": "#e07800",  # outline only: told apart from a search match by shape too
        "search_match": "#a020c0",  # hatched fill
        "high_risk": "#d01c1c",  # dashed outline
    }
)
MIN_DISTANCE = 25.0

_HEX = re.compile(rb"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
_RGB = re.compile(rb"rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)")
_NAMED = {
    b"red": "#ff0000", b"blue": "#0000ff", b"orange": "#ffa500", b"yellow": "#ffff00",
    b"gold": "#ffd700", b"purple": "#800080", b"magenta": "#ff00ff", b"green": "#008000",
}  # fmt: skip
_NAMED_ATTRIBUTE = re.compile(rb"(?:fill|stroke|stop-color|color)\s*[=:]\s*[\"']?([a-z]+)")


def hex_colours(svg: bytes) -> set[str]:
    """Every colour written in the SVG, as #rrggbb."""
    found: set[str] = set()
    for match in _HEX.finditer(svg):
        digits = match.group(1).decode().lower()
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        found.add("#" + digits)
    for match in _RGB.finditer(svg):
        r, g, b = (min(int(v), 255) for v in match.groups())
        found.add(f"#{r:02x}{g:02x}{b:02x}")
    for match in _NAMED_ATTRIBUTE.finditer(svg):
        if match.group(1) in _NAMED:
            found.add(_NAMED[match.group(1)])
    return found


def _lab(colour: str) -> tuple[float, float, float]:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def distance(a: str, b: str) -> float:
    """CIE76 delta E between two #rrggbb colours."""
    return math.dist(_lab(a), _lab(b))


def clashes(colours: Iterable[str]) -> list[tuple[str, str, float]]:
    """(art colour, interface state, distance) for each art colour too close to a state."""
    return [
        (colour, state, distance(colour, interface))
        for colour in sorted(set(colours))
        for state, interface in INTERFACE.items()
        if distance(colour, interface) < MIN_DISTANCE
    ]
