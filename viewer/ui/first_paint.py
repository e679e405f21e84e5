"""Benchmark hook: report when the window first paints (and answers a click), then quit.

Enabled only by ANATOMY_VIEWER_EXIT_AFTER_PAINT (bench/bench.py sets it):
  1      print `first-paint <time.monotonic()> <peak RSS kB>` after the first paint;
  click  then click the first region on the drawing, as a user would, and print
         `click-answered <time.monotonic()>` once the details have repainted.
time.monotonic() is a clock shared by all processes, so the parent measures from
process start. The peak resident memory (VmHWM) is read where /proc has it.

The hook watches the window only (and, for the click, the details): an event filter
on the whole application would take every event of the start through Python and
make PySide6 create a Python type, with its enums, for every object it saw. That
slowed the bare window's start by about 20 ms, and the app's by more.
"""

from __future__ import annotations

import os
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from viewer.ui.after_paint import AfterFirstPaint

ENV = "ANATOMY_VIEWER_EXIT_AFTER_PAINT"


def peak_rss_kb() -> int:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _FirstPaint(QObject):
    def __init__(self, app: QCoreApplication, window: QWidget, then_click: bool) -> None:
        super().__init__(app)
        self._app = app
        self._then_click = then_click
        # The window is painted first in its paint pass: reported once the pass is over.
        AfterFirstPaint(window, self._painted)

    def _painted(self) -> None:
        print(f"first-paint {time.monotonic():.6f} {peak_rss_kb()}", flush=True)
        if not self._then_click:
            self._app.quit()
            return
        try:
            self._click_a_region()
        except Exception as error:  # noqa: BLE001 - a benchmark hook must end the process
            print(f"first-paint-hook-error {error!r}", flush=True)
            self._app.exit(1)

    def _click_a_region(self) -> None:
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication

        window: Any = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "diagram"))
        diagram = window.diagram
        view = diagram.current_view
        shown = window.selection.region  # a region restored from last time is not "a click"
        # The first region's point, looked for once (1 ms each time): the hook's own work.
        points = (diagram.exposed_point(r) for r in window.bundle.shapes[view] if r != shown)
        point = next(p for p in points if p is not None)
        local = QPointF(diagram.mapFromScene(point))
        viewport = diagram.viewport()
        press, release = QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease
        left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
        for kind, buttons in ((press, left), (release, none)):
            event = QMouseEvent(
                kind, local, QPointF(viewport.mapToGlobal(local)), Qt.MouseButton.LeftButton,
                buttons, Qt.KeyboardModifier.NoModifier,
            )  # fmt: skip
            QApplication.sendEvent(viewport, event)  # a click, without QtTest (not bundled)
        AfterFirstPaint(window.details.viewport(), self._answered)
        QTimer.singleShot(5000, self._never_answered)

    def _never_answered(self) -> None:
        print("first-paint-hook-error the click was not answered in 5 s", flush=True)
        self._app.exit(1)

    def _answered(self) -> None:
        print(f"click-answered {time.monotonic():.6f}", flush=True)
        self._app.quit()


def install_if_requested(app: QCoreApplication, window: QWidget) -> None:
    """Call with the window made and not yet shown."""
    mode = os.environ.get(ENV, "")
    if mode in ("1", "click"):
        _FirstPaint(app, window, then_click=mode == "click")
