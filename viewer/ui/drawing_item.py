"""The whole SVG drawn as the backdrop: the art is the illustrator's, untouched."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget


class DrawingItem(QGraphicsItem):
    def __init__(self, renderer: QSvgRenderer, width: float, height: float) -> None:
        super().__init__()
        self._renderer = renderer
        self._bounds = QRectF(0, 0, width, height)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        # Hover highlights repaint often; the art underneath never changes.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self._renderer.render(painter, self._bounds)
