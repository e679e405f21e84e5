"""Click through the view's viewport as a user would, in every region of every view."""

from __future__ import annotations

import pytest
from pointer import hover
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QToolButton

from viewer.bundle import load_bundle
from viewer.ui.main_window import MainWindow

SHIPPED = load_bundle(with_outlines=True)
CASES = [
    (view, region, side)
    for view in SHIPPED.drawings
    for region in SHIPPED.shapes[view]
    for side in ("right", "left")
]
# Small or neighbouring regions where a near miss matters most.
NEAR_MISS = [
    "patella",
    "fibular_head",
    "tibial_tuberosity",
    "medial_malleolus",
    "navicular",
    "metatarsal_2_head",
    "metatarsal_5_base",
    "cuboid",
]


def click(qtbot, window: MainWindow, scene_point: QPointF) -> None:  # type: ignore[no-untyped-def]
    view = window.diagram
    pos = view.mapFromScene(scene_point)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_every_view_has_its_regions() -> None:
    assert set(SHIPPED.drawings) >= {"leg_anterior", "foot_dorsal"}
    assert len(CASES) >= 2 * 29
    every_region = {region for _view, region, _side in CASES}
    assert every_region == set(SHIPPED.atlas.regions), "every region is on some drawing"


@pytest.mark.parametrize(("view", "region", "side"), CASES)
def test_click_inside_selects_and_shows_details(  # type: ignore[no-untyped-def]
    qtbot, window, view: str, region: str, side: str
) -> None:
    button = window.findChild(QToolButton, f"{side}SideButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.side.side == side
    window.view_tabs.setCurrentIndex(window.diagram.views().index(view))
    assert window.diagram.current_view == view
    point = window.diagram.exposed_point(region)
    assert point is not None, f"{region} has no exposed area in {view}"

    click(qtbot, window, point)

    assert window.selection.region == region
    assert window.diagram.item(region).selected
    name = SHIPPED.atlas.regions[region].name
    assert window.details.region == region
    heading = window.details.toPlainText().splitlines()[0]
    assert name in heading
    assert f"{side} side" in heading
    assert window.region_list.currentItem() is window.region_list.row(region)


def _outside_points(window: MainWindow, region: str) -> list[QPointF]:
    """Points just outside the drawn outline: past each side, and inside the bounding box."""
    item = window.diagram.item(region)
    assert item is not None
    shape = item.shape()
    box = shape.boundingRect()
    margin = max(box.width(), box.height()) * 0.04 + 1.0
    c = box.center()
    points = [
        QPointF(box.left() - margin, c.y()),
        QPointF(box.right() + margin, c.y()),
        QPointF(c.x(), box.top() - margin),
        QPointF(c.x(), box.bottom() + margin),
    ]
    # Corners of the box that the outline does not cover: a bounding-box hit test fails here.
    for corner in (box.topLeft(), box.topRight(), box.bottomLeft(), box.bottomRight()):
        inward = QPointF(c.x() - corner.x(), c.y() - corner.y()) * 0.06
        probe = corner + inward
        if not shape.contains(probe):
            points.append(probe)
    return [p for p in points if _clearly_outside(window, shape, p)]


def _clearly_outside(window: MainWindow, shape, point: QPointF) -> bool:  # type: ignore[no-untyped-def]
    """The click lands on a whole pixel: keep probes whose pixel and its neighbours are outside."""
    view = window.diagram
    pixel = view.mapFromScene(point)
    around = [pixel + QPoint(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    return not any(shape.contains(view.mapToScene(p)) for p in around)


@pytest.mark.parametrize("region", NEAR_MISS)
def test_click_just_outside_does_not_select(qtbot, window, region: str) -> None:  # type: ignore[no-untyped-def]
    view = SHIPPED.views_of(region)[0]
    window.diagram.show_view(view)
    points = _outside_points(window, region)
    assert len(points) >= 4
    for point in points:
        window.selection.select("")
        click(qtbot, window, point)
        assert window.selection.region != region, f"{point} selected {region}"
    inside = window.diagram.exposed_point(region)
    click(qtbot, window, inside)
    assert window.selection.region == region


def test_list_selects_on_diagram(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    for region in ("patella", "metatarsal_2_head", "fibular_head"):
        row = window.region_list.row(region)
        rect = window.region_list.visualItemRect(row)
        viewport = window.region_list.viewport()
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.selection.region == region
        assert window.diagram.current_view == SHIPPED.views_of(region)[0]
        assert window.diagram.item(region).selected
        assert window.details.region == region


def test_diagram_selects_in_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.diagram.show_view("leg_anterior")
    click(qtbot, window, window.diagram.exposed_point("proximal_tibia"))
    assert window.region_list.currentItem() is window.region_list.row("proximal_tibia")
    assert window.region_list.selectedItems() == [window.region_list.row("proximal_tibia")]
    only_selected = [i.region for i in window.diagram.region_items().values() if i.selected]
    assert only_selected == ["proximal_tibia"]


def test_empty_space_click_is_always_the_same(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.diagram.show_view("leg_anterior")
    click(qtbot, window, window.diagram.exposed_point("patella"))
    corner = QPoint(3, 3)
    assert window.diagram.region_at(corner) is None
    for _ in range(3):
        qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=corner)
        assert window.selection.region == "patella"
        assert window.details.region == "patella"


def test_hover_highlights_and_names(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.diagram.show_view("leg_anterior")
    point = window.diagram.mapFromScene(window.diagram.exposed_point("fibular_head"))
    hover(window.diagram.viewport(), point)
    qtbot.waitUntil(lambda: window.diagram.item("fibular_head").hovered, timeout=2000)
    assert "Fibular head" in window.hover_status.text()
    hover(window.diagram.viewport(), QPoint(3, 3))
    qtbot.waitUntil(lambda: not window.diagram.item("fibular_head").hovered, timeout=2000)
    assert "Point at a region" in window.hover_status.text()


def test_view_tabs_switch_the_drawing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    tabs = window.view_tabs
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    assert window.diagram.current_view == window.diagram.views()[1]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.diagram.current_view == window.diagram.views()[0]
