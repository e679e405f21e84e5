"""Content plus drawings, loaded and checked together: what the app and the CLI open."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from viewer.content.model import Atlas, Location, Problem
from viewer.diagram.outline import Drawing
from viewer.diagram.views import find_views
from viewer.paths import content_dirs


class Bundle(NamedTuple):
    atlas: Atlas
    drawings: dict[str, Path]  # view id -> SVG file, only drawings that can be used
    shapes: dict[str, list[str]]  # view id -> region shape ids in document (z) order
    problems: list[Problem]
    # view id -> outlines of its regions; filled for the GUI, empty for text commands
    geometry: Mapping[str, Drawing] = MappingProxyType({})

    def views_of(self, region: str) -> list[str]:
        """The views that can show this region, in view order."""
        record = self.atlas.regions.get(region)
        if record is None:
            return []
        return [view for view in self.drawings if view in record.views]


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def load_bundle(root: Path | None = None, with_outlines: bool = False) -> Bundle:
    """Load and check everything; problems are listed, never raised."""
    # Imported here: a start from the cache (bundle_cache.py) never needs YAML or SVG parsers.
    from viewer.content.loader import load_atlas
    from viewer.content.validate import validate
    from viewer.diagram.svg_index import index_svg

    data_dir, assets_dir = content_dirs(root)
    result = load_atlas(data_dir)
    drawings: dict[str, Path] = {}
    shapes: dict[str, dict[str, Location]] = {}
    problems: list[Problem] = []
    if not assets_dir.is_dir():
        problems.append(Problem(Location(str(assets_dir)), "drawings directory not found"))
    for view, path in find_views(assets_dir).items() if assets_dir.is_dir() else ():
        index = index_svg(path, _display(path, assets_dir.parent))
        problems.extend(index.problems)
        if index.shapes:
            drawings[view] = path
            shapes[view] = index.shapes
    problems = validate(result, shapes) + problems
    order = {view: list(view_shapes) for view, view_shapes in shapes.items()}
    geometry: dict[str, Drawing] = {}
    if with_outlines:
        for view in list(drawings):
            name = _display(drawings[view], assets_dir.parent)
            drawing, trouble = _outlines(drawings[view], name, shapes[view], result.atlas)
            problems.extend(trouble)
            if drawing is None:
                del drawings[view], order[view]
            else:
                geometry[view] = drawing
    return Bundle(result.atlas, drawings, order, problems, geometry)


def _outlines(
    path: Path, name: str, shapes: dict[str, Location], atlas: Atlas
) -> tuple[Drawing | None, list[Problem]]:
    """A drawing's outlines, and a problem for each region shape without a usable one."""
    from viewer.diagram.geometry import load_drawing  # svgelements: only when drawing

    ids = [region for region in shapes if region in atlas.regions]
    try:
        drawing = load_drawing(path, ids)
    except Exception as error:  # noqa: BLE001 - any parser failure is a content problem
        return None, [Problem(Location(name), f"cannot read the drawing's shapes: {error}")]
    return drawing, [
        Problem(shapes[region], f"shape {region!r} has no outline that can be drawn")
        for region in ids
        if region not in drawing.outlines
    ]
