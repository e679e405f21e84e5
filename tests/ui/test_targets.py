"""Targets a mouse cannot miss, measured over the viewport at a 1366x768 window; hover
and search match told apart without colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from viewer.ui.region_item import RegionItem
from viewer.ui.targets import sure_targets

MIN_PIXELS = 12


def test_every_region_offers_a_12_pixel_square_in_its_best_view(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.lay_out()
    qtbot.wait(10)
    best: dict[str, tuple[int, str]] = {}
    for view in window.diagram.views():
        window.diagram.show_view(view)
        for region, target in sure_targets(window.diagram).items():
            if target.side > best.get(region, (0, ""))[0]:
                best[region] = (target.side, view)
                # A click at the middle of the square selects exactly that region.
                qtbot.mouseClick(
                    window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=target.centre
                )
                assert window.selection.region == region, (view, region, target)
                window.selection.select("")
    assert set(best) == set(window.bundle.atlas.regions)
    small = {region: side for region, (side, _view) in best.items() if side < MIN_PIXELS}
    assert small == {}, f"regions without a {MIN_PIXELS} px sure target: {small}"


def test_hover_and_search_match_differ_by_shape_not_only_colour(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    item = window.diagram.item("patella")
    assert isinstance(item, RegionItem)
    assert item.look() == "rest"
    assert item.brush().style() == Qt.BrushStyle.NoBrush
    assert item.pen().style() == Qt.PenStyle.NoPen  # invisible at rest: no seam in the bone
    item.set_matched(True)
    matched: tuple[QBrush, float] = (QBrush(item.brush()), item.pen().widthF())
    item.set_matched(False)
    item.set_hovered(True)
    hovered: tuple[QBrush, float] = (QBrush(item.brush()), item.pen().widthF())
    assert matched[0].style() == Qt.BrushStyle.BDiagPattern  # a hatch
    assert hovered[0].style() == Qt.BrushStyle.NoBrush  # an outline alone
    assert hovered[1] > matched[1]
