"""Content plus drawings, loaded and checked together: what the app and the CLI open."""

import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from viewer.content.model import Atlas, Location, Problem
from viewer.content.pack import list_files, printable
from viewer.diagram.outline import Drawing
from viewer.diagram.views import find_views
from viewer.paths import clinic_dirs, content_dirs


class Bundle(NamedTuple):
    atlas: Atlas
    drawings: dict[str, Path]  # view id -> SVG file, only drawings that can be used
    shapes: dict[str, list[str]]  # view id -> region shape ids in document (z) order
    problems: list[Problem]
    # view id -> outlines of its regions; filled for the GUI, empty for text commands
    geometry: Mapping[str, Drawing] = MappingProxyType({})

    def views_of(self, region: str) -> list[str]:
        """The views that show this region, in view order: those its record names and
        whose drawing has its shape (a shape refused by the checks shows nothing)."""
        record = self.atlas.regions.get(region)
        if record is None:
            return []
        return [
            view
            for view in self.drawings
            if view in record.views and region in self.shapes.get(view, {})
        ]


def _display(path: Path, base: Path) -> str:
    try:
        return printable(path.relative_to(base))
    except ValueError:
        return printable(path)


def load_bundle(
    root: Path | None = None, with_outlines: bool = False, layered: bool = False
) -> Bundle:
    """Load and check everything; problems are listed, never raised.

    root alone is one content directory on its own. With layered=True it is a
    clinic's directory laid over the built-in content (see content/layering.py).
    """
    if layered and root is not None:
        return load_layered(root, with_outlines)
    # Imported here: a start from the cache (bundle_cache.py) never needs YAML or SVG parsers.
    from viewer.content.loader import load_atlas
    from viewer.content.validate import validate

    data_dir, assets_dir = content_dirs(root)
    result = load_atlas(data_dir)
    drawings, shapes, problems = index_drawings(assets_dir, assets_dir.parent)
    problems = validate(result, shapes) + problems
    return finish(result.atlas, drawings, shapes, problems, with_outlines, assets_dir.parent)


def index_drawings(
    assets_dir: Path, base: Path | None
) -> tuple[dict[str, Path], dict[str, dict[str, Location]], list[Problem]]:
    """Every usable drawing in assets_dir and its shapes; names relative to base if given."""
    from viewer.diagram.svg_index import index_svg

    drawings: dict[str, Path] = {}
    shapes: dict[str, dict[str, Location]] = {}
    problems: list[Problem] = []
    if not assets_dir.is_dir():
        problems.append(Problem(Location(str(assets_dir)), "drawings directory not found"))
        return drawings, shapes, problems
    # Links may lead anywhere inside the pack (the folder holding assets/), not out of it.
    listing = list_files(assets_dir, ".svg", assets_dir.parent, base)
    problems.extend(listing.problems)
    for view, path in find_views(listing.files).items():
        index = index_svg(path, _display(path, base) if base else str(path))
        problems.extend(index.problems)
        if index.shapes:
            drawings[view] = path
            shapes[view] = index.shapes
    return drawings, shapes, problems


def finish(
    atlas: Atlas,
    drawings: dict[str, Path],
    shapes: dict[str, dict[str, Location]],
    problems: list[Problem],
    with_outlines: bool,
    base: Path | None,
    fallback: Mapping[str, tuple[Path, dict[str, Location]]] = MappingProxyType({}),
) -> Bundle:
    """The bundle, with outlines if asked; a drawing whose outlines fail is dropped,
    or replaced by its fallback (the built-in drawing a clinic's one replaced)."""
    order = {view: list(view_shapes) for view, view_shapes in shapes.items()}
    geometry: dict[str, Drawing] = {}
    if with_outlines:
        for view in list(drawings):
            name = _display(drawings[view], base) if base else str(drawings[view])
            drawing, trouble = _outlines(drawings[view], name, shapes[view], atlas)
            problems.extend(trouble)
            if drawing is None and view in fallback:
                path, view_shapes = fallback[view]
                drawing, trouble = _outlines(path, str(path), view_shapes, atlas)
                problems.extend(trouble)
                drawings[view], order[view] = path, list(view_shapes)
            if drawing is None:
                del drawings[view], order[view]
            else:
                geometry[view] = drawing
                # A region whose outline was refused is not drawn: nothing may claim it is.
                order[view] = [
                    r for r in order[view] if r in drawing.outlines or r not in atlas.regions
                ]
    return Bundle(atlas, drawings, order, problems, geometry)


def _outlines(
    path: Path, name: str, shapes: dict[str, Location], atlas: Atlas
) -> tuple[Drawing | None, list[Problem]]:
    """A drawing's outlines, and a problem for each region shape without a usable one."""
    from viewer.diagram.geometry import load_drawing  # svgelements: only when drawing

    ids = [region for region in shapes if region in atlas.regions]
    try:
        drawing, rejected = load_drawing(path, ids)
    except Exception as error:  # noqa: BLE001 - any parser failure is a content problem
        where = Location(name, 1, 1)
        return None, [Problem(where, f"cannot read the drawing's shapes: {error}")]
    return drawing, [
        Problem(shapes[region], f"shape {region!r} {why}") for region, why in rejected.items()
    ]


def load_layered(clinic: Path, with_outlines: bool = False) -> Bundle:
    """The built-in content and drawings with a clinic's directory laid over them.

    Clinic files are only read. Built-in problems (there should be none) are
    named by full path, the clinic's relative to its directory.
    """
    from viewer.content.layering import layer, relocate
    from viewer.content.loader import load_atlas

    base_data, base_assets = content_dirs(None)
    data_dir, assets_dir = clinic_dirs(clinic)
    builtin = relocate(load_atlas(base_data), base_data.parent)
    drawings, shapes, problems = index_drawings(base_assets, None)
    extra = load_atlas(data_dir, pack_root=clinic)
    # A clinic may add only some kinds of content: a missing part is not a problem.
    optional = {str(data_dir / name) for name in ("sources.yaml", "conditions", "regions")}
    extra.problems[:] = [p for p in extra.problems if p.where.line or p.where.file not in optional]
    fallback: dict[str, tuple[Path, dict[str, Location]]] = {}
    if assets_dir is not None:
        clinic_drawings, clinic_shapes, trouble = index_drawings(assets_dir, clinic)
        problems = trouble + problems
        for view, path in clinic_drawings.items():
            name = _display(path, clinic)
            lost = sorted(shapes.get(view, {}).keys() - clinic_shapes[view].keys())
            if lost:
                problems.append(_drawing_kept(name, view, f"it lacks {', '.join(lost)}"))
            elif any(p.where.file == name for p in trouble):
                problems.append(_drawing_kept(name, view, "it has problems"))
            else:
                if view in drawings:
                    fallback[view] = (drawings[view], shapes[view])
                drawings[view], shapes[view] = path, clinic_shapes[view]
    layout = ("sources.yaml", "sources", "conditions", "regions", "rules")
    if assets_dir is None and not any(os.path.lexists(data_dir / part) for part in layout):
        problems.append(
            Problem(Location(str(clinic)), "no content here: expected sources.yaml, "
                    "conditions/*.yaml, regions/*.yaml or assets/*.svg")
        )  # fmt: skip
    atlas, layer_problems = layer(builtin, extra, shapes)
    return finish(
        atlas, drawings, shapes, layer_problems + problems, with_outlines, clinic, fallback
    )


def _drawing_kept(name: str, view: str, why: str) -> Problem:
    return Problem(
        Location(name), f"drawing {view!r} is not replaced ({why}): the built-in one is kept"
    )
