"""A region's outline as plain path commands: the shape hit-testing follows."""

from __future__ import annotations

from dataclasses import dataclass

# ("M", (x, y)), ("L", (x, y)), ("Q", (cx, cy, x, y)), ("C", (c1x, c1y, c2x, c2y, x, y)), ("Z", ())
PathCommand = tuple[str, tuple[float, ...]]


@dataclass(frozen=True, slots=True)
class Outline:
    region: str
    commands: tuple[PathCommand, ...]


@dataclass(frozen=True, slots=True)
class Drawing:
    """One view's size (SVG user units after the viewport transform) and outlines."""

    width: float
    height: float
    outlines: dict[str, Outline]
