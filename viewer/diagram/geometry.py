"""Region outlines from an SVG, as plain path commands (no Qt here).

svgelements does the SVG geometry: shapes, arcs and nested transforms.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path as FilePath

from svgelements import (
    SVG,
    Close,
    CubicBezier,
    Line,
    Move,
    Path,
    QuadraticBezier,
    Shape,
)

from viewer.diagram.outline import Drawing, Outline, PathCommand


def _commands(path: Path) -> Iterable[PathCommand]:
    for segment in path.segments():
        if isinstance(segment, Move):
            yield "M", (segment.end.x, segment.end.y)
        elif isinstance(segment, Close):
            yield "Z", ()
        elif isinstance(segment, Line):
            yield "L", (segment.end.x, segment.end.y)
        elif isinstance(segment, QuadraticBezier):
            yield "Q", (segment.control.x, segment.control.y, segment.end.x, segment.end.y)
        elif isinstance(segment, CubicBezier):
            c1, c2, end = segment.control1, segment.control2, segment.end
            yield "C", (c1.x, c1.y, c2.x, c2.y, end.x, end.y)


def _drawable(commands: tuple[PathCommand, ...]) -> bool:
    """Encloses something, with every coordinate a real number."""
    has_segment = any(name in ("L", "C", "Q") for name, _ in commands)
    return has_segment and all(math.isfinite(v) for _, values in commands for v in values)


def load_drawing(svg_path: FilePath, region_ids: Iterable[str]) -> Drawing:
    """Outlines of the given regions, in the SVG's user space after all transforms."""
    svg = SVG.parse(str(svg_path), reify=True)
    outlines: dict[str, Outline] = {}
    for region in region_ids:
        element = svg.get_element_by_id(region)
        if not isinstance(element, Shape):
            continue
        path = Path(element)
        path.approximate_arcs_with_cubics()
        commands = tuple(_commands(path))
        if _drawable(commands):
            outlines[region] = Outline(region, commands)
    return Drawing(float(svg.width), float(svg.height), outlines)
