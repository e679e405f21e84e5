"""The views (one drawing each) and their display names."""

from __future__ import annotations

from pathlib import Path

VIEW_TITLES: dict[str, str] = {
    "leg_anterior": "Leg front",
    "leg_posterior": "Leg back",
    "foot_dorsal": "Foot top",
    "foot_plantar": "Sole",
    "foot_medial": "Foot inner",
    "foot_lateral": "Foot outer",
}


# What lies at the left and right edges of each drawing of the RIGHT limb.
# The left limb is the mirror image, so its edges swap.
VIEW_EDGES: dict[str, tuple[str, str]] = {
    "leg_anterior": ("lateral", "medial"),
    "leg_posterior": ("medial", "lateral"),
    "foot_dorsal": ("medial", "lateral"),
    "foot_plantar": ("lateral", "medial"),
    "foot_medial": ("toes", "heel"),
    "foot_lateral": ("heel", "toes"),
}
SIDES: tuple[str, ...] = ("right", "left")


def view_edges(view: str, side: str) -> tuple[str, str]:
    """(left edge, right edge) words for a view of one side; ("", "") if unknown."""
    left, right = VIEW_EDGES.get(view, ("", ""))
    return (right, left) if side == "left" else (left, right)


def view_title(view: str) -> str:
    return VIEW_TITLES.get(view, view.replace("_", " ").capitalize())


def find_views(drawings: list[Path]) -> dict[str, Path]:
    """view id -> drawing, known views first in their usual order."""
    found = {path.stem: path for path in sorted(drawings)}
    ordered = [view for view in VIEW_TITLES if view in found]
    ordered += [view for view in found if view not in VIEW_TITLES]
    return {view: found[view] for view in ordered}
