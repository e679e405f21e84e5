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
    delay = QUIET_MS * 10  # longer than a slow host's stall between the paint and the check
    AfterFirstPaint(label, lambda: runs.append("deferred"), delay_ms=delay)
    label.show()
    qtbot.waitExposed(label)
    label.repaint()
    for _ in range(5):  # the turns of the loop right after the first paint
        QApplication.processEvents()
    assert runs == []
    qtbot.waitUntil(lambda: runs == ["deferred"], timeout=delay * 10)


def test_what_is_wanted_at_once_runs_right_after_the_first_paint_the_rest_later(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("painted")
    qtbot.addWidget(label)
    runs: list[str] = []
    delay = QUIET_MS * 10
    AfterFirstPaint(
        label, lambda: runs.append("deferred"), delay_ms=delay, at_once=lambda: runs.append("now")
    )
    for _ in range(5):
        QApplication.processEvents()
    assert runs == [], "before the first paint"
    label.show()
    qtbot.waitExposed(label)
    label.repaint()
    for _ in range(5):
        QApplication.processEvents()
    assert runs == ["now"]
    qtbot.waitUntil(lambda: runs == ["now", "deferred"], timeout=delay * 10)


def test_what_is_wanted_at_once_comes_after_a_later_watchers_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The first-paint hook of the bench watches the window after the window's own watcher
    and reports first: run as a queued call, the warm-up came before the report (first
    paint 1.17x to 1.20x, peak memory at it 73.7 to 75.1 MB, in the bench)."""
    label = QLabel("painted")
    qtbot.addWidget(label)
    runs: list[str] = []
    AfterFirstPaint(
        label,
        lambda: runs.append("steps"),
        delay_ms=QUIET_MS * 10,
        at_once=lambda: runs.append("warm-up"),
    )
    AfterFirstPaint(label, lambda: runs.append("report"))
    label.show()
    qtbot.waitUntil(lambda: len(runs) >= 2)
    assert runs[:2] == ["report", "warm-up"]


def test_a_fallback_runs_what_is_wanted_at_once_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("never shown")
    qtbot.addWidget(label)
    runs: list[str] = []
    AfterFirstPaint(
        label, lambda: runs.append("fallback"), fallback_ms=30, at_once=lambda: runs.append("now")
    )
    qtbot.waitUntil(lambda: runs == ["now", "fallback"], timeout=2000)


def test_the_fallback_runs_it_if_the_widget_never_paints(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("never shown")
    qtbot.addWidget(label)
    runs: list[str] = []
    AfterFirstPaint(label, lambda: runs.append("fallback"), fallback_ms=30)
    qtbot.waitUntil(lambda: runs == ["fallback"], timeout=2000)


def test_the_window_does_what_its_first_paint_left_a_step_per_turn(bundle, qtbot) -> None:  # type: ignore[no-untyped-def]
    """One lump would hold a click, or a frame while the index is built (15 ms, and
    twice that while the index builder shares the interpreter lock)."""
    from PySide6.QtCore import QTimer

    from viewer.ui.main_window import MainWindow

    window = MainWindow(bundle)
    qtbot.addWidget(window)
    turns = [0]
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    seen: list[int] = []
    steps = window._start_steps  # noqa: SLF001 - the built-in steps, each timed here
    for index, step in enumerate(list(steps)):
        steps[index] = lambda step=step: (seen.append(turns[0]), step())
    window.after_first_paint(lambda: seen.append(turns[0]))
    expected = len(steps)
    ticker.start()
    window.show()
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    ticker.stop()
    assert len(seen) == expected
    assert seen == sorted(set(seen)), f"two steps in one turn: {seen}"
    assert window.search.field.isClearButtonEnabled()
    assert not window.back_button.icon().isNull()


def test_finish_start_does_it_all_at_once(bundle, qtbot) -> None:  # type: ignore[no-untyped-def]
    from viewer.ui.main_window import MainWindow

    window = MainWindow(bundle)  # never shown: a screenshot calls it before grabbing
    qtbot.addWidget(window)
    ran: list[str] = []
    window.after_first_paint(lambda: ran.append("notes"))
    window.right_after_first_paint(lambda: ran.append("pages made ready"))
    window.finish_start()
    assert window.started
    assert ran == ["pages made ready", "notes"]
    window.right_after_first_paint(lambda: ran.append("asked for later"))
    assert ran[-1] == "asked for later", "its moment past, it runs at once"
    assert window.search.field.isClearButtonEnabled()


def test_the_start_steps_run_right_after_an_action_or_once_the_reader_pauses(  # type: ignore[no-untyped-def]
    bundle, qtbot, monkeypatch
) -> None:
    """A step of 5 to 10 ms (the notes store opened, the scroll bars' style) that fell
    due between two quick clicks held the second: steps start only within RIGHT_AFTER_MS
    of the reader's last action, or once they have paused for QUIET_MS."""
    from types import SimpleNamespace

    from viewer.ui import main_window as main_window_module
    from viewer.ui.after_paint import RIGHT_AFTER_MS
    from viewer.ui.main_window import MainWindow

    window = MainWindow(bundle)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.finish_start()
    now = [1000.0]  # the window's clock, in seconds: only this test moves it
    monkeypatch.setattr(main_window_module, "time", SimpleNamespace(perf_counter=lambda: now[0]))
    ran: list[str] = []
    window.view_tabs.setCurrentIndex(1)  # the reader picks a tab
    now[0] += (RIGHT_AFTER_MS + QUIET_MS) / 2 / 1000  # too late after it, too soon for a pause
    window._then_steps([lambda: ran.append("after a pause")])  # noqa: SLF001
    qtbot.wait(QUIET_MS)
    assert ran == [], "a step started between the reader's actions"
    now[0] += QUIET_MS / 1000
    qtbot.waitUntil(lambda: ran == ["after a pause"])
    window.view_tabs.setCurrentIndex(0)
    window._then_steps([lambda: ran.append("right after")])  # noqa: SLF001
    qtbot.waitUntil(lambda: ran == ["after a pause", "right after"])
