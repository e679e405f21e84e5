"""Region outlines from an SVG, as plain path commands (no Qt here).

svgelements does the SVG geometry: shapes, arcs and nested transforms.
"""

from __future__ import annotations

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
        if commands:
            outlines[region] = Outline(region, commands)
    return Drawing(float(svg.width), float(svg.height), outlines)
