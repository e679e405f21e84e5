"""A desktop application by the platform's conventions: menus, keys, text size, colours."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QPlainTextEdit

from viewer.content.html import GLANCE_END
from viewer.diagram.palette import INTERFACE
from viewer.ui.drawing_item import LABEL_HALO, LABEL_INK
from viewer.ui.theme import CANVAS, CANVAS_INK, contrast, theme_for

MENUS = ["File", "Edit", "View", "Go", "Help"]
STANDARD = {
    "quit": QKeySequence.StandardKey.Quit,
    "closeWindow": QKeySequence.StandardKey.Close,
    "printHandout": QKeySequence.StandardKey.Print,
    "copy": QKeySequence.StandardKey.Copy,
    "find": QKeySequence.StandardKey.Find,
    "shortcuts": QKeySequence.StandardKey.HelpContents,
    "textLarger": QKeySequence.StandardKey.ZoomIn,
    "textSmaller": QKeySequence.StandardKey.ZoomOut,
}


def menu_actions(window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    found: dict[str, list[str]] = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        found[action.text().replace("&", "")] = [
            a.objectName() for a in menu.actions() if not a.isSeparator()
        ]
    return found


def test_menus_hold_every_command_with_standard_keys(window) -> None:  # type: ignore[no-untyped-def]
    menus = menu_actions(window)
    assert list(menus) == MENUS
    assert {"printHandout", "exportHandout", "importNotes", "exportNotes", "quit"} <= set(
        menus["File"]
    )
    assert {"copy", "copySummary", "find", "preferences"} <= set(menus["Edit"])
    assert {"zoomIn", "zoomOut", "zoomFit", "textLarger", "textSmaller", "textReset"} <= set(
        menus["View"]
    )
    assert menus["Go"] == ["back", "forward"]
    assert {"shortcuts", "about", "sources", "reportError"} <= set(menus["Help"])
    actions = {a.objectName(): a for a in window.menu_actions.all()}
    for name, key in STANDARD.items():
        wanted = QKeySequence.keyBindings(key)
        assert actions[name].shortcuts()[: len(wanted)] == wanted, name
    assert actions["copySummary"].shortcut() == QKeySequence("Ctrl+Shift+C")
    assert actions["textReset"].shortcut() == QKeySequence("Ctrl+0")


def test_no_menu_item_does_nothing(window) -> None:  # type: ignore[no-untyped-def]
    for action in window.menu_actions.all():
        receivers = action.receivers("2triggered(bool)")
        assert receivers > 0, f"{action.objectName()} is connected to nothing"


@pytest.mark.parametrize(
    ("keys", "check"),
    [
        ("Ctrl+2", lambda w: w.diagram.current_view == w.diagram.views()[1]),
        ("Alt+L", lambda w: w.side.side == "left"),
        ("Ctrl+F", lambda w: w.search.field.hasFocus()),
        ("F1", lambda w: w.findChild(object, "shortcutsDialog") is not None),
    ],
)
def test_keys_reach_their_commands(qtbot, window, keys, check) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    sequence = QKeySequence(keys)
    combo = sequence[0]
    qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())
    assert check(window)


def test_drawing_zoom_keys_act_only_with_the_drawing_focused(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.diagram.show_view("leg_anterior")
    window.details.setFocus()
    qtbot.keyClick(window.details, Qt.Key.Key_Plus)
    assert window.diagram.zoom() == 1.0
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Plus)
    assert window.diagram.zoom() > 1.0
    qtbot.keyClick(window.diagram, Qt.Key.Key_0)
    assert window.diagram.zoom() == 1.0
    window.selection.select("patella")
    qtbot.keyClick(window.diagram, Qt.Key.Key_Z)
    assert window.diagram.zoom() > 2.0
    patella = window.diagram.item("patella").sceneBoundingRect().center()
    centre = window.diagram.mapToScene(window.diagram.viewport().rect().center())
    assert (patella - centre).manhattanLength() < 20  # the region is in the middle


def test_ctrl_wheel_zooms_the_drawing_at_the_pointer(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.diagram.show_view("foot_dorsal")
    viewport = window.diagram.viewport()
    at = QPointF(viewport.width() * 0.3, viewport.height() * 0.4)
    before = window.diagram.mapToScene(at.toPoint())
    event = QWheelEvent(at, viewport.mapToGlobal(at), QPoint(), QPoint(0, 720),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(viewport, event)
    assert window.diagram.zoom() > 2.5
    after = window.diagram.mapToScene(at.toPoint())
    assert (after - before).manhattanLength() < 3  # the point under the pointer stays put


def test_text_size_keeps_the_reading_place_and_the_next_region(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.selection.select("femoral_neck")
    details = window.details
    details.show_condition("hip_fracture")
    top_before = details.cursorForPosition(QPoint(5, 5)).block().text()
    window.menu_actions.text_larger.trigger()
    window.menu_actions.text_larger.trigger()
    assert details.text_size > 10.5
    top_after = details.cursorForPosition(QPoint(5, 5)).block().text()
    assert top_after == top_before  # the same text is still at the top
    size = details.text_size
    window.selection.select("patella")
    assert details.text_size == size
    assert details.document().defaultFont().pointSizeF() == size
    assert window.settings.text_size() == size  # kept for the next start


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.Button, "#353535"), (QPalette.ColorRole.ButtonText, "#eeeeee"),
    ):  # fmt: skip
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_colour_meets_wcag_aa_on_what_it_is_drawn_on(qtbot, window, dark: bool) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    original = app.palette()
    try:
        if dark:
            app.setPalette(_dark_palette())
            qtbot.wait(20)  # the palette change reaches every widget
        window.selection.select("patella")
        theme = theme_for(window.details.palette())
        assert theme.dark is dark
        for what, (fore, back) in theme.pairs().items():
            assert contrast(fore, back) >= 4.5, (what, fore, back, contrast(fore, back))
        # The page really uses the theme's text colours.
        html = window.details.document().toHtml()
        assert theme.heading in html
        # The drawing stays on its light paper: the words the app draws on it.
        for what, ink in CANVAS_INK.items():
            if what != "focus":
                assert contrast(ink, CANVAS) >= 4.5, what
        assert contrast(LABEL_INK.name(), LABEL_HALO.name()) >= 4.5
        # Widgets use the palette's own text on its own base.
        palette = window.palette()
        for text, base in ((QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
                           (QPalette.ColorRole.Text, QPalette.ColorRole.Base)):  # fmt: skip
            assert contrast(palette.color(text).name(), palette.color(base).name()) >= 4.5
    finally:
        app.setPalette(original)


def test_interface_states_are_not_used_as_text(window) -> None:  # type: ignore[no-untyped-def]
    html = window.details.document().toHtml().lower()
    for state in INTERFACE.values():
        assert state not in html


def test_glance_fits_the_details_pane_at_1366x768(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.lay_out()
    qtbot.wait(10)
    height = window.details.viewport().height()
    too_long = {}
    for region in window.bundle.atlas.regions:
        window.selection.select(region)
        bottom = window.details.anchor_bottom(GLANCE_END)
        assert bottom > 0, region
        if bottom > height:
            too_long[region] = bottom
    assert too_long == {}, f"the at-a-glance block needs scrolling (pane {height} px): {too_long}"


def test_help_about_names_the_versions(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.menu_actions.about.trigger()
    dialog = window.findChild(QDialog, "aboutDialog")
    assert dialog is not None
    text = dialog.findChild(QPlainTextEdit).toPlainText()
    assert re.search(r"App version: \d+\.\d+\.\d+", text)
    assert "Content: " in text
    assert "reviewed to 2026-" in text
    assert "Qt 6." in text
    window.close()
    assert not dialog.isVisible()  # closed with the window, never left over on the screen
