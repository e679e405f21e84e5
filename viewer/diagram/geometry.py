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


# A click must be able to land on a shape: smaller than this (square units,
# about 1 mm^2 in a drawing in millimetres) it cannot be hit.
MIN_AREA = 1.0


def _area(commands: tuple[PathCommand, ...]) -> float:
    """The area the end points enclose (shoelace over each subpath): enough to tell
    a shape with room for a click from a line or a point."""
    total = 0.0
    points: list[tuple[float, float]] = []
    for name, values in (*commands, ("M", ())):
        if name == "M" and points:
            pairs = zip(points, points[1:] + points[:1], strict=True)
            total += abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2
            points = []
        if len(values) >= 2:
            points.append((values[-2], values[-1]))
    return total


def outline_problem(commands: tuple[PathCommand, ...], width: float, height: float) -> str:
    """Why these commands cannot be a region's outline, or ""."""
    if not any(name in ("L", "C", "Q") for name, _ in commands):
        return "has no outline that can be drawn"
    values = [v for _, numbers in commands for v in numbers]
    if not all(math.isfinite(v) for v in values):
        return "has coordinates that are not numbers"
    xs, ys = values[0::2], values[1::2]
    if min(xs) < -width or max(xs) > 2 * width or min(ys) < -height or max(ys) > 2 * height:
        return "lies far outside the drawing's area"
    if _area(commands) < MIN_AREA:
        return "has no area: a click could never land on it"
    return ""


def load_drawing(svg_path: FilePath, region_ids: Iterable[str]) -> tuple[Drawing, dict[str, str]]:
    """Outlines of the given regions, in the SVG's user space after all transforms,
    and for each region whose shape cannot be used, why."""
    svg = SVG.parse(str(svg_path), reify=True)
    width, height = float(svg.width), float(svg.height)
    if not (math.isfinite(width) and math.isfinite(height) and width > 0 and height > 0):
        raise ValueError("the drawing has no usable width and height")
    outlines: dict[str, Outline] = {}
    rejected: dict[str, str] = {}
    for region in region_ids:
        element = svg.get_element_by_id(region)
        if not isinstance(element, Shape):
            rejected[region] = "has no outline that can be drawn"
            continue
        path = Path(element)
        path.approximate_arcs_with_cubics()
        commands = tuple(_commands(path))
        problem = outline_problem(commands, width, height)
        if problem:
            rejected[region] = problem
        else:
            outlines[region] = Outline(region, commands)
    return Drawing(width, height, outlines), rejected
