"""The loaded bundle (content, checks, outlines) as plain JSON data, and back.

Plain JSON, never pickle: nothing in a cache can run. decode() trusts nothing:
any malformed value raises, and the caller loads the content afresh.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
from viewer.diagram.outline import Drawing, Outline


def _plain(value: Any) -> Any:
    """Records as JSON-ready dicts and lists, recursively."""
    if hasattr(value, "_asdict"):
        return {key: _plain(item) for key, item in value._asdict().items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _imaging(items: list[dict[str, str]]) -> tuple[ImagingNote, ...]:
    return tuple(ImagingNote(**item) for item in items)


def _condition(d: dict[str, Any]) -> Condition:
    nested = {"imaging", "differentials", "tests", "patient"}
    tuples = {k: tuple(v) for k, v in d.items() if isinstance(v, list) and k not in nested}
    patient: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list) else v for k, v in d["patient"].items()
    }
    return Condition(
        **{
            **d,
            **tuples,
            "imaging": _imaging(d["imaging"]),
            "differentials": tuple(Differential(**item) for item in d["differentials"]),
            "tests": tuple(NamedTest(**item) for item in d["tests"]),
            "patient": PatientText(**patient),
        }
    )


def _region(d: dict[str, Any]) -> Region:
    links = tuple(
        ConditionLink(
            **{
                **link,
                "notes": tuple(link["notes"]),
                "imaging": _imaging(link["imaging"]),
                "sources": tuple(link["sources"]),
            }
        )
        for link in d["conditions"]
    )
    return Region(
        **{
            **d,
            "aliases": tuple(d["aliases"]),
            "views": tuple(d["views"]),
            "red_flags": tuple(d["red_flags"]),
            "conditions": links,
            "related": tuple(RelatedRegion(**r) for r in d["related"]),
        }
    )


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
        regions={r["id"]: _region(r) for r in d["regions"]},
        conditions={c["id"]: _condition(c) for c in d["conditions"]},
        sources={s["id"]: Source(**s) for s in d["sources"]},
        rules={r["id"]: _rule(r) for r in d["rules"]},
    )
    geometry = {
        view: Drawing(
            width=float(g["width"]),
            height=float(g["height"]),
            outlines={
                region: Outline(region, tuple((c, tuple(v)) for c, v in commands))
                for region, commands in g["outlines"].items()
            },
        )
        for view, g in d["geometry"].items()
    }
    drawings = {view: _drawing(where, assets_dirs) for view, where in d["drawings"].items()}
    return Bundle(
        atlas=atlas,
        drawings=drawings,
        shapes={view: list(ids) for view, ids in d["shapes"].items()},
        problems=[Problem(Location(**p["where"]), p["message"]) for p in d["problems"]],
        geometry=geometry,
    )


def _rule(d: dict[str, Any]) -> Rule:
    return Rule(
        **{
            **d,
            "exclusions": tuple(d["exclusions"]),
            "regions": tuple(d["regions"]),
            "criteria": tuple(RuleCriterion(**c) for c in d["criteria"]),
            "outcomes": tuple(RuleOutcome(**o) for o in d["outcomes"]),
            "pitfalls": tuple(d["pitfalls"]),
            "sources": tuple(d["sources"]),
        }
    )


def _drawing(where: list[Any], assets_dirs: list[Path]) -> Path:
    index, name = where
    if not isinstance(name, str) or Path(name).name != name or not name.endswith(".svg"):
        raise ValueError("a cached drawing names a file outside the drawings folder")
    return assets_dirs[int(index)] / name
