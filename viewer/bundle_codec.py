"""The loaded bundle (content, checks, outlines) as plain JSON data, and back.

Plain JSON, never pickle: nothing in a cache can run. A record is a list of its
fields in order, not an object: the cache is a seventh smaller and parses in half
the time (3.5 against 7 ms for the shipped content). decode() trusts nothing:
a record of the wrong length or a list that is not one raises, and the caller
loads the content afresh.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from viewer.bundle import Bundle
from viewer.content.model import (
    Atlas,
    Condition,
    ConditionLink,
    Differential,
    ImagingNote,
    Location,
    NamedTest,
    PatientText,
    Problem,
    Region,
    RelatedRegion,
    Rule,
    RuleCriterion,
    RuleOutcome,
    Source,
)
from viewer.diagram.outline import ARITY, Drawing, Outline, PathCommand

R = TypeVar("R", bound=NamedTuple)
Convert = Callable[[Any], Any]


def _plain(value: Any) -> Any:
    """Records (named tuples) and tuples as JSON-ready lists, recursively."""
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise ValueError("a cached list is not one")
    return value


def _texts(value: Any) -> tuple[Any, ...]:
    return tuple(_list(value))


def _records(make: Convert) -> Convert:
    return lambda value: tuple(make(item) for item in _list(value))


def _record(kind: type[R], **fields: Convert) -> Callable[[Any], R]:
    """A maker of kind from the list of its fields; fields names those that need
    converting (a list to a tuple, a nested record) and how."""
    names = kind._fields
    count = len(names)
    converted = tuple((names.index(name), convert) for name, convert in fields.items())

    def make(value: Any) -> R:
        if type(value) is not list or len(value) != count:
            raise ValueError(f"a cached {kind.__name__} has not its {count} fields")
        if converted:
            value = value.copy()
            for index, convert in converted:
                value[index] = convert(value[index])
        return kind._make(value)

    return make


_imaging = _records(_record(ImagingNote))
_condition = _record(
    Condition,
    aliases=_texts,
    symptoms=_texts,
    signs=_texts,
    risk_factors=_texts,
    imaging=_imaging,
    differentials=_records(_record(Differential)),
    red_flags=_texts,
    management=_texts,
    sources=_texts,
    patient=_record(
        PatientText, what_helps=_texts, what_to_avoid=_texts, seek_help_urgently=_texts
    ),
    tests=_records(_record(NamedTest)),
    presentations=_texts,
)
_region = _record(
    Region,
    aliases=_texts,
    views=_texts,
    conditions=_records(_record(ConditionLink, notes=_texts, imaging=_imaging, sources=_texts)),
    red_flags=_texts,
    related=_records(_record(RelatedRegion)),
)
_rule = _record(
    Rule,
    exclusions=_texts,
    regions=_texts,
    criteria=_records(_record(RuleCriterion)),
    outcomes=_records(_record(RuleOutcome)),
    pitfalls=_texts,
    sources=_texts,
)
_source = _record(Source)
_problem = _record(Problem, where=_record(Location))


def _by_id(make: Callable[[Any], R], value: Any) -> Mapping[str, R]:
    records = [make(item) for item in _list(value)]
    return {record.id: record for record in records}  # type: ignore[attr-defined]


def encode(bundle: Bundle, assets_dirs: list[Path]) -> dict[str, Any]:
    """The bundle as JSON-ready data; its drawings must lie in assets_dirs."""
    atlas = bundle.atlas
    return {
        "regions": [_plain(r) for r in atlas.regions.values()],
        "conditions": [_plain(c) for c in atlas.conditions.values()],
        "sources": [_plain(s) for s in atlas.sources.values()],
        "rules": [_plain(r) for r in atlas.rules.values()],
        # A drawing as (which drawings folder, file name): the cache may be read on
        # another machine (the prebuilt one ships in the wheel and the bundle).
        "drawings": {
            view: [assets_dirs.index(path.parent), path.name]
            for view, path in bundle.drawings.items()
        },
        "shapes": bundle.shapes,
        "problems": [_plain(p) for p in bundle.problems],
        "geometry": {
            view: {
                "width": drawing.width,
                "height": drawing.height,
                "outlines": {r: outline.commands for r, outline in drawing.outlines.items()},
            }
            for view, drawing in bundle.geometry.items()
        },
    }


def decode(d: dict[str, Any], assets_dirs: list[Path]) -> Bundle:
    """A bundle from encode()'s data; anything malformed raises (the caller rebuilds)."""
    atlas = Atlas(
        regions=_by_id(_region, d["regions"]),
        conditions=_by_id(_condition, d["conditions"]),
        sources=_by_id(_source, d["sources"]),
        rules=_by_id(_rule, d["rules"]),
    )
    geometry = {
        view: Drawing(
            width=_size(g["width"]),
            height=_size(g["height"]),
            outlines={
                region: _outline(region, commands) for region, commands in g["outlines"].items()
            },
        )
        for view, g in d["geometry"].items()
    }
    drawings = {view: _drawing(where, assets_dirs) for view, where in d["drawings"].items()}
    return Bundle(
        atlas=atlas,
        drawings=drawings,
        shapes={view: list(ids) for view, ids in d["shapes"].items()},
        problems=[_problem(p) for p in _list(d["problems"])],
        geometry=geometry,
    )


def _size(value: Any) -> float:
    size = float(value)
    if not 0 < size < math.inf:
        raise ValueError("a cached drawing's size is not a size")
    return size


def _outline(region: str, commands: Any) -> Outline:
    """An outline from its cached commands, each a letter and its count of numbers, all
    finite: a path command given the wrong numbers raised in the window's start."""
    decoded: list[PathCommand] = []
    total = 0.0
    for command, values in _list(commands):  # not a pair: raises
        if type(values) is not list or ARITY.get(command) != len(values):
            raise ValueError("a cached path command has not its count of numbers")
        total += sum(values)  # a string raises; infinity or NaN makes the total so
        decoded.append((command, tuple(values)))
    if not math.isfinite(total):
        raise ValueError("a cached outline has a number that is not finite")
    return Outline(region, tuple(decoded))


def _drawing(where: list[Any], assets_dirs: list[Path]) -> Path:
    index, name = where
    if not isinstance(name, str) or Path(name).name != name or not name.endswith(".svg"):
        raise ValueError("a cached drawing names a file outside the drawings folder")
    return assets_dirs[int(index)] / name
