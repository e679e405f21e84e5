"""Benchmark hook: report when a window first paints, then quit.

Enabled only by ANATOMY_VIEWER_EXIT_AFTER_PAINT=1 (bench/bench.py sets it). It
prints `first-paint <time.monotonic()>`, a clock shared by all processes, so
the parent can measure process start to first paint.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

ENV = "ANATOMY_VIEWER_EXIT_AFTER_PAINT"


class _FirstPaint(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            # Runs after the whole paint pass that this event starts.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {time.monotonic():.6f}", flush=True)
        self._app.quit()


def install_if_requested(app: QCoreApplication) -> None:
    if os.environ.get(ENV) == "1":
        app.installEventFilter(_FirstPaint(app))
