"""Work put off until a widget has first been painted (viewer/ui/after_paint.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from viewer.ui.after_paint import QUIET_MS, AfterFirstPaint


def test_runs_once_when_the_first_paint_is_over(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("painted")
    qtbot.addWidget(label)
    runs: list[bool] = []
    AfterFirstPaint(label, lambda: runs.append(label.isVisible()))
    assert not runs
    label.show()
    qtbot.waitUntil(lambda: runs == [True])
    label.repaint()
    qtbot.wait(20)
    assert runs == [True], "once, not on every paint"


def test_with_a_delay_a_click_at_the_first_paint_comes_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("painted")
    qtbot.addWidget(label)
    runs: list[str] = []
    AfterFirstPaint(label, lambda: runs.append("deferred"), delay_ms=QUIET_MS)
    label.show()
    qtbot.waitExposed(label)
    label.repaint()
    for _ in range(5):  # the turns of the loop right after the first paint
        QApplication.processEvents()
    assert runs == []
    qtbot.waitUntil(lambda: runs == ["deferred"], timeout=QUIET_MS * 20)


def test_the_fallback_runs_it_if_the_widget_never_paints(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("never shown")
    qtbot.addWidget(label)
    runs: list[str] = []
    AfterFirstPaint(label, lambda: runs.append("fallback"), fallback_ms=30)
    qtbot.waitUntil(lambda: runs == ["fallback"], timeout=2000)
