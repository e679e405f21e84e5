"""The drawing's art as the backdrop, and its text labels drawn unmirrored.

The art is the illustrator's, untouched, except that the labels group is
drawn apart (viewer/diagram/svg_labels.py): the left limb is the right one
mirrored, and mirrored words cannot be read.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget


class DrawingItem(QGraphicsItem):
    """The art. Region items are its children, so mirroring it mirrors them too."""

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

    def mirror(self, mirrored: bool) -> None:
        """Flip about the drawing's vertical centre line (x -> width - x), or undo it."""
        flip = QTransform(-1, 0, 0, 1, self._bounds.width(), 0)
        self.setTransform(flip if mirrored else QTransform())


class LabelItem(QGraphicsItem):
    """One <text> label of the drawing, placed where it belongs on either side."""

    def __init__(self, renderer: QSvgRenderer, element: str, drawing: QRectF) -> None:
        super().__init__()
        self._renderer = renderer
        self._element = element
        self._drawing_width = drawing.width()
        box = renderer.viewBoxF()
        bounds = renderer.transformForElement(element).mapRect(renderer.boundsOnElement(element))
        scale_x = drawing.width() / box.width() if box.width() else 1.0
        scale_y = drawing.height() / box.height() if box.height() else 1.0
        self._rect = QRectF(
            (bounds.x() - box.x()) * scale_x,
            (bounds.y() - box.y()) * scale_y,
            bounds.width() * scale_x,
            bounds.height() * scale_y,
        )
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(10_000)  # over the regions' highlights, like the art's own labels
        self.place(mirrored=False)

    def place(self, mirrored: bool) -> None:
        x = self._drawing_width - self._rect.right() if mirrored else self._rect.left()
        self.setPos(x, self._rect.top())

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._rect.width(), self._rect.height())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self._renderer.render(painter, self._element, self.boundingRect())
