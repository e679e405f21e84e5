"""The mouse's back and forward buttons go back and forward wherever the pointer is in
the window: over the drawing, the lists, the page, the notes and the status bar."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from viewer.ui.main_window import MainWindow

TARGETS: dict[str, Callable[[MainWindow], QWidget]] = {
    "drawing": lambda w: w.diagram.viewport(),
    "region list": lambda w: w.region_list.viewport(),
    "search results": lambda w: w.search.results.viewport(),
    "details page": lambda w: w.details.page().viewport(),
    "notes": lambda w: w.notes_panel,
    "status bar": lambda w: w.hover_status,
    "view tabs": lambda w: w.view_tabs,
}


@pytest.mark.parametrize("where", sorted(TARGETS))
def test_back_and_forward_buttons_anywhere_in_the_window(qtbot, window, where: str) -> None:  # type: ignore[no-untyped-def]
    window.selection.select("patella")
    window.selection.select("calcaneus")
    if where == "search results":
        window.search.field.setText("fracture")
        qtbot.waitUntil(
            lambda: window.search.results.count() > 0 and window.search.results.isVisible()
        )
    if where == "notes":
        window.tools.setCurrentWidget(window.notes_panel)
        window.open_tools()
    target = TARGETS[where](window)
    assert target.isVisible(), where
    spot = QPoint(target.width() // 2, min(5, target.height() - 1))

    qtbot.mousePress(target, Qt.MouseButton.BackButton, pos=spot)
    qtbot.mouseRelease(target, Qt.MouseButton.BackButton, pos=spot)
    assert window.selection.region == "patella", where

    qtbot.mousePress(target, Qt.MouseButton.ForwardButton, pos=spot)
    qtbot.mouseRelease(target, Qt.MouseButton.ForwardButton, pos=spot)
    assert window.selection.region == "calcaneus", where


def test_the_other_buttons_still_reach_the_views(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    row = window.region_list.row("patella")
    spot = window.region_list.visualItemRect(row).center()
    qtbot.mouseClick(window.region_list.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert window.selection.region == "patella"
