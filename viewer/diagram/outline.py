"""A region's outline as plain path commands: the shape hit-testing follows."""

from collections.abc import Mapping
from typing import NamedTuple

# ("M", (x, y)), ("L", (x, y)), ("Q", (cx, cy, x, y)), ("C", (c1x, c1y, c2x, c2y, x, y)), ("Z", ())
PathCommand = tuple[str, tuple[float, ...]]
ARITY = {"M": 2, "L": 2, "Q": 4, "C": 6, "Z": 0}  # each command's count of numbers


class Outline(NamedTuple):
    region: str
    commands: tuple[PathCommand, ...]


class Drawing(NamedTuple):
    """One view's size (SVG user units after the viewport transform) and outlines."""

    width: float
    height: float
    outlines: Mapping[str, Outline]
