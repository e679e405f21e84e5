"""Left and right, one region across views, and regions that lie over others."""

from __future__ import annotations

import pytest
from pointer import hover
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QToolButton

from viewer.bundle import load_bundle
from viewer.cli import main
from viewer.diagram.svg_labels import split_drawing
from viewer.ui.main_window import MainWindow

SHIPPED = load_bundle(with_outlines=True)


def click(qtbot, window: MainWindow, scene_point: QPointF) -> None:  # type: ignore[no-untyped-def]
    pos = window.diagram.mapFromScene(scene_point)
    qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def choose_side(qtbot, window: MainWindow, side: str) -> None:  # type: ignore[no-untyped-def]
    button = window.findChild(QToolButton, f"{side}SideButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.side.side == side


def test_left_side_mirrors_the_drawing_and_says_so(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.diagram.show_view("leg_anterior")
    width = SHIPPED.geometry["leg_anterior"].width
    right_box = window.diagram.item("fibular_head").sceneBoundingRect()
    assert window.diagram.edge_words() == ("lateral", "medial")

    choose_side(qtbot, window, "left")

    left_box = window.diagram.item("fibular_head").sceneBoundingRect()
    assert abs(left_box.left() - (width - right_box.right())) < 0.01
    assert abs(left_box.top() - right_box.top()) < 0.01
    assert window.diagram.edge_words() == ("medial", "lateral")
    window.selection.select("patella")
    assert "left side" in window.details.toPlainText().splitlines()[0]
    assert "left side" in window.diagram.accessibleDescription()

    choose_side(qtbot, window, "right")
    assert "right side" in window.details.toPlainText().splitlines()[0]


def test_sides_keep_the_selection_and_the_view(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.selection.select("navicular")
    view = window.diagram.current_view
    choose_side(qtbot, window, "left")
    assert window.selection.region == "navicular"
    assert window.diagram.current_view == view
    assert window.diagram.item("navicular").selected


def test_show_names_the_side_only_when_given(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", "patella", "--side", "left"]) == 0
    assert capsys.readouterr().out.startswith("PATELLA (LEFT SIDE)")
    assert main(["show", "patella"]) == 0
    assert capsys.readouterr().out.startswith("PATELLA\n")
    assert main(["show", "patella", "--side", "middle"]) == 2


def test_one_region_stays_selected_across_views(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    shared = [r for r in SHIPPED.atlas.regions if len(SHIPPED.views_of(r)) >= 2]
    assert {"calcaneus", "achilles_tendon", "talus", "metatarsal_1_head"} <= set(shared)
    for region in shared:
        views = SHIPPED.views_of(region)
        window.diagram.show_view(views[0])
        click(qtbot, window, window.diagram.exposed_point(region))
        assert window.selection.region == region
        assert window.view_tabs.marked_views() == set(views)
        for view in views[1:]:
            window.view_tabs.setCurrentIndex(window.diagram.views().index(view))
            assert window.diagram.current_view == view
            assert window.selection.region == region
            assert window.diagram.item(region).selected


def _stacked_point(window: MainWindow, top: str, beneath: str) -> QPoint:
    """A viewport pixel where `top` lies over `beneath`."""
    item = window.diagram.item(top)
    assert item is not None
    box = window.diagram.mapFromScene(item.sceneBoundingRect()).boundingRect()
    for x in range(box.left(), box.right(), 2):
        for y in range(box.top(), box.bottom(), 2):
            stack = [i.region for i in window.diagram.regions_at(QPoint(x, y))]
            if stack[:2] == [top, beneath]:
                return QPoint(x, y)
    raise AssertionError(f"{top} never lies over {beneath}")


OVERLAPS = [
    ("leg_anterior", "tibial_tuberosity", "proximal_tibia"),
    ("leg_anterior", "pes_anserine", "proximal_tibia"),
    ("leg_posterior", "achilles_tendon", "calcaneus"),
    ("foot_dorsal", "first_mtp_joint", "hallux"),
    ("foot_plantar", "sesamoids", "metatarsal_1_head"),
    ("foot_medial", "tarsal_tunnel", "calcaneus"),
]


@pytest.mark.parametrize(("view", "top", "beneath"), OVERLAPS)
def test_a_second_click_reaches_the_region_beneath(  # type: ignore[no-untyped-def]
    qtbot, window, view: str, top: str, beneath: str
) -> None:
    window.diagram.show_view(view)
    spot = _stacked_point(window, top, beneath)
    viewport = window.diagram.viewport()
    hover(viewport, spot)
    assert SHIPPED.atlas.regions[beneath].name in window.hover_status.text()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=spot)
    assert window.selection.region == top
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=spot)
    assert window.selection.region == beneath
    # A click elsewhere starts again from the top.
    elsewhere = window.diagram.mapFromScene(window.diagram.exposed_point(top))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=elsewhere)
    assert window.selection.region == top


def test_labels_and_hit_areas_are_split_from_the_art() -> None:
    svg = (
        b'<svg><g id="regions"><path id="a" d="M0 0L1 1Z"/></g>'
        b'<g id="labels"><text id="label_L4" x="1" y="2">L4</text>'
        b'<text id="label_S1" x="1" y="9">S1</text></g></svg>'
    )
    split = split_drawing(svg)
    assert split.label_ids == ("label_L4", "label_S1")
    assert b"<text" not in split.art
    assert b'id="a"' not in split.art  # hit areas are drawn by the app, not as art
    assert split.label_texts == ("L4", "S1")
    assert split_drawing(b"<svg/>") == (b"<svg/>", (), ())


def test_hovering_never_moves_the_drawing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1280, 800)
    window.diagram.show_view("leg_anterior")
    qtbot.wait(20)
    before = window.diagram.mapFromScene(QPointF(0, 0))
    spot = window.diagram.mapFromScene(window.diagram.exposed_point("patella"))
    hover(window.diagram.viewport(), spot)
    assert "beneath" in window.hover_status.text()  # the longest hover text there is
    qtbot.wait(20)
    assert window.diagram.mapFromScene(QPointF(0, 0)) == before
