"""Keyboard only, from launch: no mouse event anywhere in these tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from viewer.bundle import load_bundle
from viewer.ui.main_window import MainWindow

SHIPPED = load_bundle()
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab_until(qtbot, window: MainWindow, target: QWidget, limit: int = 12) -> None:  # type: ignore[no-untyped-def]
    def reached() -> bool:
        # A panel that hands its focus to what it shows (the details' page) counts as reached.
        return focused() is not None and focused() in (target, target.focusProxy())

    for _ in range(limit):
        if reached():
            return
        qtbot.keyClick(focused() or window, Qt.Key.Key_Tab)
    assert reached(), f"Tab never reached {target.accessibleName()}"


def test_select_navicular_follow_a_differential_and_go_back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "navicular")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window.selection.region == "navicular"

    tab_until(qtbot, window, window.details)
    details = window.details.page()  # the keys go where the focus is: the page shown
    qtbot.waitUntil(lambda: details.complete)  # the rest of the page comes in idle turns
    href = ""
    for _ in range(300):
        qtbot.keyClick(details, Qt.Key.Key_Tab)
        href = details.textCursor().charFormat().anchorHref()
        if href.startswith("atlas:condition/"):
            break
    assert href.startswith("atlas:condition/"), "no differential link reachable by Tab"
    condition = href.removeprefix("atlas:condition/")

    qtbot.keyClick(details, Qt.Key.Key_Return)

    region = window.selection.region
    assert any(link.condition == condition for link in SHIPPED.atlas.regions[region].conditions)
    assert window.history.current == (region, condition)
    details = window.details.page()  # the page of the region the link led to
    assert details.cursorForPosition(details.viewport().rect().topLeft()).block().text()

    qtbot.keyClick(details, Qt.Key.Key_Left, ALT)

    assert window.selection.region == "navicular"
    details = window.details.page()
    assert details.verticalScrollBar().value() == 0
    assert window.history.can_go_forward()
    qtbot.keyClick(details, Qt.Key.Key_Right, ALT)
    assert window.history.current == (region, condition)


def test_every_region_by_keyboard_through_the_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    tab_until(qtbot, window, window.region_list)
    seen = set()
    for _ in range(len(SHIPPED.atlas.regions) + 20):
        qtbot.keyClick(window.region_list, Qt.Key.Key_Down)
        seen.add(window.selection.region)
    assert seen >= set(SHIPPED.atlas.regions)


def test_arrow_keys_walk_the_drawing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    tab_until(qtbot, window, window.diagram)
    view = window.diagram.current_view
    # The drawing walks its regions in the list's order: by body area, as the catalogue.
    in_view = [
        r.id for r in SHIPPED.atlas.in_catalogue_order() if window.diagram.item(r.id) is not None
    ]
    seen = []
    for _ in in_view:
        qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
        seen.append(window.selection.region)
    assert seen == in_view
    assert window.diagram.current_view == view
    qtbot.keyClick(window.diagram, Qt.Key.Key_Left)
    assert window.selection.region == in_view[-2]
    qtbot.keyClick(window.diagram, Qt.Key.Key_Home)
    assert window.selection.region == in_view[0]
    assert "Selected:" in window.diagram.accessibleDescription()


def test_views_and_sides_by_keyboard(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    views = window.diagram.views()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.diagram.current_view == views[1]
    qtbot.keyClick(window, Qt.Key.Key_L, ALT)
    assert window.side.side == "left"
    qtbot.keyClick(window, Qt.Key.Key_R, ALT)
    assert window.side.side == "right"


def test_focus_is_visible_on_the_drawing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    diagram = window.diagram
    window.search.field.setFocus()
    unfocused = diagram.viewport().grab().toImage().pixelColor(1, 1)
    tab_until(qtbot, window, diagram)
    qtbot.wait(10)
    focused_colour = diagram.viewport().grab().toImage().pixelColor(1, 1)
    assert unfocused != focused_colour


def test_widgets_have_accessible_names(window) -> None:  # type: ignore[no-untyped-def]
    for widget in (
        window.search.field,
        window.search.results,
        window.region_list,
        window.diagram,
        window.details,
        window.view_tabs,
        window.back_button,
        window.forward_button,
    ):
        assert widget.accessibleName(), widget
