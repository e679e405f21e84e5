"""The drawing's art as the backdrop, and its labels drawn by the app.

The art is the illustrator's, untouched, except that the app leaves out the
labels and the hit areas (viewer/diagram/svg_labels.py). The left limb is the
right one mirrored, and mirrored words cannot be read; the drawing may also be
zoomed. So each label is drawn here as plain text, unmirrored, at a fixed
screen size (never under 11 px), at its place on either side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from viewer.ui.art_cache import MAX_SIDE, PIXELS, KeptArt

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer  # imported when the art is first drawn from its SVG

LABEL_PX = 12  # the labels' font size on screen, at any zoom
LABEL_INK = QColor("#2b3440")
LABEL_HALO = QColor(251, 250, 247, 215)


class DrawingItem(QGraphicsItem):
    """The art. Region items are its children, so mirroring it mirrors them too.

    kept: the art's pixels kept from the last start (viewer/ui/art_cache.py), painted
    as they are for the first paint, if the art's transform on screen is the one they
    were drawn at, and until the SVG is read (read_svg(), after the first paint).
    """

    def __init__(
        self,
        make_renderer: Callable[[], QSvgRenderer],
        width: float,
        height: float,
        kept: KeptArt | None = None,
    ) -> None:
        super().__init__()
        self._make_renderer = make_renderer
        self._renderer: QSvgRenderer | None = None if kept is not None else make_renderer()
        self.kept = kept
        self._painting_kept = kept is not None
        self._bounds = QRectF(0, 0, width, height)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        # Hover highlights repaint often; the art underneath never changes. Pixels kept
        # are already what that cache would hold: Qt's cache comes when they no longer fit.
        if kept is None:
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def renderer(self) -> QSvgRenderer:
        if self._renderer is None:
            self._renderer = self._make_renderer()
        return self._renderer

    @property
    def painting_kept(self) -> bool:
        """The kept pixels are painted, not the SVG."""
        return self._painting_kept

    def read_svg(self) -> None:
        """Read the SVG now (a step after the first paint): the first zoom or change of
        side does not wait for it. The kept pixels are still painted while they fit: they
        are what Qt's device cache would hold, and that cache, empty, was filled by the
        next paint, a click's highlight: the whole art drawn (6 to 10 ms) for a few pixels."""
        self.renderer()

    def fits(self, transform: QTransform, pixel_ratio: float) -> bool:
        """The kept pixels are painted and are the art drawn with this device transform."""
        kept = self.kept
        return self._painting_kept and kept is not None and kept.fits(transform, pixel_ratio)

    def give_way(self) -> None:
        """Paint from the SVG from now on, in Qt's device cache, filled by the next paint
        pass: kept pixels that no longer fit (a zoom, a change of side or size, a view
        laid out otherwise than when they were kept)."""
        self.renderer()
        if self._painting_kept:
            self._painting_kept = False
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            # To Qt that is no visual change and asks for no paint: the cache would be
            # filled by whatever paints next, most often a click's highlight.
            self.update()
        if self.kept is not None:  # what is kept stays known; its pixels are let go
            self.kept = self.kept._replace(image=QImage())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        kept = self.kept
        if self._painting_kept and kept is not None:
            if kept.fits(painter.worldTransform(), painter.device().devicePixelRatio()):
                painter.save()
                painter.resetTransform()
                painter.drawImage(kept.top_left, kept.image)
                painter.restore()
                return
            # Zoomed, resized or mirrored: the SVG now, and Qt's cache next (not set while
            # painting: that would ask for another paint at once).
            QTimer.singleShot(0, self.scene(), self.give_way)
        self.renderer().render(painter, self._bounds)

    def drawn_at(
        self, transform: QTransform, pixel_ratio: float, within: QRect, hints: QPainter.RenderHint
    ) -> tuple[QRect, QImage] | None:
        """The art drawn as Qt's device cache draws it for this transform (None if it is
        not wholly within the viewport rectangle given, or too large to keep): where its
        pixels go, and the pixels."""
        # As Qt's device cache places it: the art's rectangle rounded to whole pixels and a
        # pixel more on each side, where the antialiased edges of its strokes fall.
        place = transform.mapRect(self._bounds).toRect().adjusted(-1, -1, 1, 1)
        if place.isEmpty() or not within.contains(place):
            return None
        if max(place.width(), place.height()) * pixel_ratio > MAX_SIDE:
            return None
        image = QImage(
            round(place.width() * pixel_ratio), round(place.height() * pixel_ratio), PIXELS
        )
        image.setDevicePixelRatio(pixel_ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHints(hints)
        painter.setWorldTransform(transform * QTransform.fromTranslate(-place.x(), -place.y()))
        self.renderer().render(painter, self._bounds)
        painter.end()
        return place, image

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
    def anchor(self) -> QPointF:
        """Its place in the drawing, on the right limb."""
        return QPointF(self._anchor)

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
