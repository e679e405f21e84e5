"""Work put off until a widget has first been painted: the reader sees the window first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs `then` once, when the paint pass that first paints `widget` is over, or after
    fallback_ms if one is given and the widget has not painted by then."""

    def __init__(
        self, widget: QWidget, then: Callable[[], object], fallback_ms: int | None = None
    ) -> None:
        super().__init__(widget)  # goes with the widget
        self._then: Callable[[], object] | None = then
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)
        if fallback_ms is not None:
            self._timer.start(fallback_ms)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._timer.start(0)  # the next turn of the event loop: the pass is over
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()
