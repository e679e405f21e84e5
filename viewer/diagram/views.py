"""The views (one drawing each) and their display names."""

from __future__ import annotations

from pathlib import Path

VIEW_TITLES: dict[str, str] = {
    "leg_anterior": "Leg · front",
    "leg_posterior": "Leg · back",
    "foot_dorsal": "Foot · top",
    "foot_plantar": "Foot · sole",
    "foot_medial": "Foot · inner side",
    "foot_lateral": "Foot · outer side",
}


def view_title(view: str) -> str:
    return VIEW_TITLES.get(view, view.replace("_", " ").capitalize())


def find_views(assets_dir: Path) -> dict[str, Path]:
    """view id -> drawing, known views first in their usual order."""
    found = {path.stem: path for path in sorted(assets_dir.glob("*.svg"))}
    ordered = [view for view in VIEW_TITLES if view in found]
    ordered += [view for view in found if view not in VIEW_TITLES]
    return {view: found[view] for view in ordered}
