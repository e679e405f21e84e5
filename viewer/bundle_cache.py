"""A JSON cache of the loaded bundle (content, checks and outlines) for fast starts.

Parsing YAML and SVG geometry costs more than the rest of start-up together,
and the files rarely change. The cache is keyed by every input file's path,
size and modification time, so any edit means a fresh load. It is plain JSON
(never pickle: nothing in it can run), and anything odd about it means it is
ignored and rebuilt.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from viewer import __version__
from viewer.bundle import Bundle, load_bundle
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
    Source,
)
from viewer.diagram.outline import Drawing, Outline
from viewer.paths import clinic_dirs, content_dirs

FORMAT = 3
MAX_CACHE_BYTES = 20 * 1024 * 1024


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "anatomy-viewer"


def _inputs(root: Path | None, layered: bool) -> list[tuple[Path, str]]:
    """(directory, glob) of every input file: both layers' when a clinic's is laid over."""
    data_dir, assets_dir = content_dirs(None if layered else root)
    inputs = [(data_dir, "**/*.yaml"), (assets_dir, "*.svg")]
    if layered and root is not None:
        clinic_data, clinic_assets = clinic_dirs(root)
        inputs += [(clinic_data, "**/*.yaml"), (clinic_assets or root / "assets", "*.svg")]
    return inputs


def _key(root: Path | None, layered: bool) -> str:
    inputs = _inputs(root, layered)
    parts = [f"{FORMAT}:{__version__}:{layered}:" + ":".join(str(d) for d, _ in inputs)]
    for directory, pattern in inputs:
        for path in sorted(directory.glob(pattern)):
            stat = path.stat()
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    text = "\n".join(parts).encode()
    # Two checksums: a cheap key whose collisions would need two changes at once.
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}"


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


def _encode(bundle: Bundle) -> dict[str, Any]:
    atlas = bundle.atlas
    return {
        "regions": [_plain(r) for r in atlas.regions.values()],
        "conditions": [_plain(c) for c in atlas.conditions.values()],
        "sources": [_plain(s) for s in atlas.sources.values()],
        "drawings": {view: str(path) for view, path in bundle.drawings.items()},
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


def _decode(d: dict[str, Any], assets_dirs: set[Path]) -> Bundle:
    atlas = Atlas(
        regions={r["id"]: _region(r) for r in d["regions"]},
        conditions={c["id"]: _condition(c) for c in d["conditions"]},
        sources={s["id"]: Source(**s) for s in d["sources"]},
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
    drawings = {view: Path(path) for view, path in d["drawings"].items()}
    if any(path.parent not in assets_dirs for path in drawings.values()):
        raise ValueError("a cached drawing lies outside the drawings directory")
    return Bundle(
        atlas=atlas,
        drawings=drawings,
        shapes={view: list(ids) for view, ids in d["shapes"].items()},
        problems=[Problem(Location(**p["where"]), p["message"]) for p in d["problems"]],
        geometry=geometry,
    )


def load_bundle_cached(root: Path | None = None, layered: bool = False) -> Bundle:
    """The bundle with outlines, from the cache when no input has changed.

    layered=True lays root over the built-in content, as load_bundle does. The
    cache lives under the user's cache directory, never in a content directory.
    """
    try:
        key = _key(root, layered)
    except OSError:
        return load_bundle(root, with_outlines=True, layered=layered)
    path = cache_dir() / f"bundle-{key}.json"
    assets_dirs = {directory for directory, pattern in _inputs(root, layered) if pattern == "*.svg"}
    try:
        if path.stat().st_size <= MAX_CACHE_BYTES:
            return _decode(json.loads(path.read_bytes()), assets_dirs)
    except Exception:  # noqa: BLE001 - a cache: anything wrong with it means rebuild it
        pass
    bundle = load_bundle(root, with_outlines=True, layered=layered)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob("bundle-*.json"):
            stale.unlink(missing_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(_encode(bundle), separators=(",", ":")))
        temporary.replace(path)
    except OSError:
        pass  # a read-only home still runs, just without the speed-up
    return bundle
