"""Cross-checks once everything is loaded: ids, references, data <-> drawings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from viewer.content.model import Location, Problem
from viewer.content.page_budget import MAX_PAGE_CHARS, text_size

if TYPE_CHECKING:
    from viewer.content.loader import Defined, LoadResult

# view id -> (shape id -> where the shape is written in the SVG)
ShapeIndex = Mapping[str, Mapping[str, Location]]


def duplicate_ids(result: LoadResult) -> list[Problem]:
    first: dict[tuple[str, str], Location] = {}
    problems: list[Problem] = []
    for defined in result.definitions:
        key = (defined.kind, defined.id)
        if key in first:
            problems.append(
                Problem(
                    defined.where,
                    f"duplicate {defined.kind} id {defined.id!r} (first defined at {first[key]})",
                )
            )
        else:
            first[key] = defined.where
    return problems


def dangling_references(result: LoadResult, also: Iterable[Defined] = ()) -> list[Problem]:
    """References to ids defined nowhere in result (or in also: another layer's ids)."""
    # A record that is written but invalid is reported where it is written; the
    # places that refer to it are not reported again.
    known: dict[str, set[str]] = {kind: set() for kind in ("condition", "source", "region", "rule")}
    for defined in [*result.definitions, *also]:
        known[defined.kind].add(defined.id)
    return [
        Problem(ref.where, f"unknown {ref.kind} {ref.target!r}")
        for ref in result.references
        if ref.target not in known[ref.kind]
    ]


def drawing_mismatches(
    result: LoadResult, shapes: ShapeIndex, region_locations: Mapping[str, Location]
) -> list[Problem]:
    """Regions whose views lack their shape, and shapes that no region claims."""
    problems: list[Problem] = []
    claimed: dict[str, set[str]] = {view: set() for view in shapes}
    for region in result.atlas.regions.values():
        where = region_locations.get(region.id, Location("data"))
        for view in region.views:
            if view not in shapes:
                problems.append(
                    Problem(where, f"region {region.id!r}: no drawing for view {view!r}")
                )
            elif region.id not in shapes[view]:
                problems.append(
                    Problem(where, f"region {region.id!r} has no shape in the {view} drawing")
                )
            else:
                claimed[view].add(region.id)
    # A region that failed to load is already reported; do not report its shapes too.
    broken = region_locations.keys() - result.atlas.regions.keys()
    for view, view_shapes in shapes.items():
        for shape_id, where in view_shapes.items():
            if shape_id not in claimed[view] and shape_id not in broken:
                message = f"shape {shape_id!r} in {view} has no region with this id and view"
                problems.append(Problem(where, message))
    return problems


def oversized_pages(result: LoadResult, region_locations: Mapping[str, Location]) -> list[Problem]:
    conditions = result.atlas.conditions
    problems = []
    for region in result.atlas.regions.values():
        size = text_size(region) + sum(
            text_size(conditions[link.condition])
            for link in region.conditions
            if link.condition in conditions
        )
        if size > MAX_PAGE_CHARS:
            where = region_locations.get(region.id, Location("data"))
            problems.append(
                Problem(
                    where,
                    f"region {region.id!r}: its page would hold {size:,} characters (the limit "
                    f"is {MAX_PAGE_CHARS:,}); it is shown cut short",
                )
            )
    return problems


def validate(result: LoadResult, shapes: ShapeIndex) -> list[Problem]:
    """Every problem in the content and drawings, load problems first."""
    region_locations = {
        defined.id: defined.where for defined in result.definitions if defined.kind == "region"
    }
    return [
        *result.problems,
        *duplicate_ids(result),
        *dangling_references(result),
        *drawing_mismatches(result, shapes, region_locations),
        *oversized_pages(result, region_locations),
    ]
