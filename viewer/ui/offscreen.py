"""Drawing a widget that is not shown, to nothing shown: Qt's first-use work done ahead."""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget


def paint_offscreen(widget: QWidget) -> None:
    """Draw a widget once, hidden or not, onto a pixmap thrown away, at the pixel ratio
    of the screen it will be shown on: what Qt makes and keeps when it draws (shaped
    text, glyphs at that scale, a style's renderings) is then ready for its first paint."""
    ratio = widget.devicePixelRatioF()
    canvas = QPixmap(widget.size() * ratio)
    canvas.setDevicePixelRatio(ratio)
    widget.render(canvas)
