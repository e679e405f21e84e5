"""The drawing's art as the backdrop, and its labels drawn by the app.

The art is the illustrator's, untouched, except that the app leaves out the
labels and the hit areas (viewer/diagram/svg_labels.py). The left limb is the
right one mirrored, and mirrored words cannot be read; the drawing may also be
zoomed. So each label is drawn here as plain text, unmirrored, at a fixed
screen size (never under 11 px), at its place on either side.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

LABEL_PX = 12  # the labels' font size on screen, at any zoom
LABEL_INK = QColor("#2b3440")
LABEL_HALO = QColor(251, 250, 247, 215)


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
    """One label: plain text centred on its place in the drawing, the same size at any zoom."""

    def __init__(self, text: str, anchor: QPointF, drawing_width: float) -> None:
        super().__init__()
        self.text = text
        self._anchor = anchor
        self._drawing_width = drawing_width
        self._font = QFont()
        self._font.setPixelSize(LABEL_PX)
        self._font.setBold(True)
        metrics = QFontMetricsF(self._font)
        width = metrics.horizontalAdvance(text) + 6
        height = metrics.height() + 2
        self._rect = QRectF(-width / 2, -height / 2, width, height)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(10_000)  # over the regions' highlights, like the art's own labels
        self.place(mirrored=False)

    @property
    def pixel_size(self) -> int:
        return self._font.pixelSize()

    def place(self, mirrored: bool) -> None:
        x = self._drawing_width - self._anchor.x() if mirrored else self._anchor.x()
        self.setPos(x, self._anchor.y())

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LABEL_HALO)
        painter.drawRoundedRect(self._rect, 3, 3)
        painter.setFont(self._font)
        painter.setPen(QPen(LABEL_INK))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)
