"""Work put off until a widget has first been painted: the reader sees the window first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# Work that waits for a first paint and is not needed by the first click waits this
# much longer: a click the moment the window appears is answered first, not after it.
QUIET_MS = 100
# Such work, a step at a time (some take 5 to 10 ms), starts only when a click is least
# likely to come: once the reader has paused for QUIET_MS, or within this long of their
# last action, its answer painted, while they read it. A step started then is over before
# a click 40 ms after the last one, quicker than any reader's.
RIGHT_AFTER_MS = 16


class AfterFirstPaint(QObject):
    """Runs `then` once, delay_ms after the paint pass that first paints `widget` is over,
    or after fallback_ms if one is given and the widget has not painted by then; and
    `at_once`, if given, as soon as that pass is over (before `then` in any case)."""

    def __init__(
        self,
        widget: QWidget,
        then: Callable[[], object],
        fallback_ms: int | None = None,
        delay_ms: int = 0,
        at_once: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(widget)  # goes with the widget
        self._then: Callable[[], object] | None = then
        self._at_once = at_once
        self._delay_ms = delay_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)
        # A timer, not a queued call: that would run before the timers already due then,
        # such as the first-paint hook's (viewer/ui/first_paint.py), whose report it delayed.
        self._at_once_timer: QTimer | None = None
        if at_once is not None:
            self._at_once_timer = QTimer(self)
            self._at_once_timer.setSingleShot(True)
            self._at_once_timer.timeout.connect(self._run_at_once)
        if fallback_ms is not None:
            self._timer.start(fallback_ms)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._timer.start(self._delay_ms)  # 0: the next turn of the loop, the pass over
            if self._at_once_timer is not None:
                self._at_once_timer.start(0)
        return False

    def _run_at_once(self) -> None:
        at_once, self._at_once = self._at_once, None
        if at_once is not None:
            at_once()

    def _run(self) -> None:
        self._run_at_once()
        then, self._then = self._then, None
        if then is not None:
            then()
