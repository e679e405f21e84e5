"""A clinic's own content laid over the built-in content (`--data DIR`).

The built-in content always loads. Clinic records with new ids are added. A
clinic record with a built-in id replaces the built-in one only if it is valid:
it loaded, every id it refers to exists, and every view it names has its shape.
Otherwise the built-in record stays and the reason is reported at the clinic's
file:line:col, so a broken clinic file never damages or hides built-in content.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from viewer.content.loader import Defined, LoadResult, Reference
from viewer.content.model import Atlas, Condition, Location, Problem, Region, Rule, Source
from viewer.content.validate import (
    ShapeIndex,
    dangling_references,
    drawing_mismatches,
    duplicate_ids,
    oversized_pages,
)

_KINDS = ("source", "condition", "region", "rule")
Record = Source | Condition | Region | Rule


class Layered(NamedTuple):
    atlas: Atlas
    problems: list[Problem]


def relocate(result: LoadResult, base: Path) -> LoadResult:
    """result with every file name made absolute under base.

    Built-in and clinic files can both be called data/regions/x.yaml; when they
    are shown together, the built-in ones are named by their full path.
    """

    def move(where: Location) -> Location:
        return where._replace(file=str(base / where.file))

    return LoadResult(
        atlas=result.atlas,
        problems=[p._replace(where=move(p.where)) for p in result.problems],
        references=[Reference(r.kind, r.target, move(r.where)) for r in result.references],
        definitions=[Defined(d.kind, d.id, move(d.where)) for d in result.definitions],
    )


def _records(atlas: Atlas, kind: str) -> Mapping[str, Record]:
    if kind == "source":
        return atlas.sources
    if kind == "condition":
        return atlas.conditions
    return atlas.regions if kind == "region" else atlas.rules


def _unresolved(record: Record, ids: Mapping[str, set[str]], shapes: ShapeIndex) -> list[str]:
    """Why a valid-looking clinic record cannot be used: ids and shapes it lacks."""
    wanted: list[tuple[str, str]] = []
    reasons: list[str] = []
    if isinstance(record, Condition):
        wanted += [("condition", d.condition) for d in record.differentials]
        wanted += [("source", s) for s in record.sources]
    elif isinstance(record, Rule):
        wanted += [("region", r) for r in record.regions]
        wanted += [("source", s) for s in record.sources]
    elif isinstance(record, Region):
        for link in record.conditions:
            wanted.append(("condition", link.condition))
            wanted += [("source", s) for s in link.sources]
        wanted += [("region", r.region) for r in record.related]
        for view in record.views:
            if record.id not in shapes.get(view, {}):
                reasons.append(f"no shape in the {view} drawing")
    reasons[:0] = [
        f"unknown {kind} {target!r}" for kind, target in wanted if target not in ids[kind]
    ]
    return reasons


def layer(builtin: LoadResult, clinic: LoadResult, shapes: ShapeIndex) -> Layered:
    """The merged atlas and every problem of both layers, the clinic's first."""
    problems = [
        *clinic.problems,
        *duplicate_ids(clinic),
        *dangling_references(clinic, also=builtin.definitions),
        *builtin.problems,
        *duplicate_ids(builtin),
        *dangling_references(builtin, also=clinic.definitions),
    ]
    merged: dict[str, dict[str, Record]] = {}
    for kind in _KINDS:
        merged[kind] = dict(_records(builtin.atlas, kind))
        for record_id, record in _records(clinic.atlas, kind).items():
            merged[kind].setdefault(record_id, record)
    ids = {kind: set(records) for kind, records in merged.items()}
    clinic_at = {(d.kind, d.id): d.where for d in reversed(clinic.definitions)}
    builtin_at = {(d.kind, d.id): d.where for d in reversed(builtin.definitions)}
    from_clinic: set[tuple[str, str]] = set()
    for kind in _KINDS:
        builtin_ids = _records(builtin.atlas, kind)
        for record_id, record in _records(clinic.atlas, kind).items():
            if record_id not in builtin_ids:
                from_clinic.add((kind, record_id))
                continue
            reasons = _unresolved(record, ids, shapes)
            if reasons:
                problems.append(_kept(clinic_at[kind, record_id], kind, record_id, reasons))
            else:
                merged[kind][record_id] = record
                from_clinic.add((kind, record_id))
        for (defined_kind, record_id), where in clinic_at.items():
            broken = record_id not in _records(clinic.atlas, kind)
            if defined_kind == kind and record_id in builtin_ids and broken:
                problems.append(_kept(where, kind, record_id, ["it has problems"]))
    atlas = Atlas(
        regions={k: v for k, v in merged["region"].items() if isinstance(v, Region)},
        conditions={k: v for k, v in merged["condition"].items() if isinstance(v, Condition)},
        sources={k: v for k, v in merged["source"].items() if isinstance(v, Source)},
        rules={k: v for k, v in merged["rule"].items() if isinstance(v, Rule)},
    )
    region_at = {rid: where for (kind, rid), where in builtin_at.items() if kind == "region"}
    for (kind, record_id), where in clinic_at.items():
        if kind == "region" and ((kind, record_id) in from_clinic or record_id not in region_at):
            region_at[record_id] = where
    problems += drawing_mismatches(LoadResult(atlas), shapes, region_at)
    problems += oversized_pages(LoadResult(atlas), region_at)
    return Layered(atlas, problems)


def _kept(where: Location, kind: str, record_id: str, reasons: list[str]) -> Problem:
    because = "; ".join(reasons)
    return Problem(
        where, f"{kind} {record_id!r} is not replaced ({because}): the built-in one is kept"
    )
