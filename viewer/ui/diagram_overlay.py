"""What the app draws over a drawing: the side marker, the edge words, the focus frame.

Drawn in viewport pixels, so they stay readable at any size and never mirror.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

MARKER_COLOURS = {"right": QColor("#1f5f99"), "left": QColor("#8a3b12")}
EDGE_COLOUR = QColor("#7a8590")
FOCUS_COLOUR = QColor("#1f77d0")


def paint_overlay(
    painter: QPainter,
    viewport: QRect,
    art: QRect,
    side: str,
    edges: tuple[str, str],
    focused: bool,
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _side_marker(painter, viewport, art, side)
    _edge_words(painter, viewport, art, edges)
    if focused:
        painter.setPen(QPen(FOCUS_COLOUR, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(viewport).adjusted(1, 1, -1, -1))


def _side_marker(painter: QPainter, viewport: QRect, art: QRect, side: str) -> None:
    """A radiograph-style side marker at the drawing's top corner."""
    font = QFont()
    font.setBold(True)
    font.setPointSizeF(10)
    painter.setFont(font)
    text = side.upper()
    metrics = QFontMetrics(font)
    box = QRectF(0, 0, metrics.horizontalAdvance(text) + 14, metrics.height() + 6)
    # Above the drawing's corner when there is room, so it never covers the art.
    above = art.top() - box.height() - 6
    box.moveTopLeft(QPointF(max(8, art.left() - 4), above if above >= 8 else max(8, art.top())))
    colour = MARKER_COLOURS.get(side, EDGE_COLOUR)
    painter.setPen(QPen(colour, 1.5))
    painter.setBrush(QColor(255, 255, 255, 220))
    painter.drawRoundedRect(box, 4, 4)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _edge_words(painter: QPainter, viewport: QRect, art: QRect, edges: tuple[str, str]) -> None:
    font = QFont()
    font.setPointSizeF(8.5)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
    painter.setFont(font)
    painter.setPen(EDGE_COLOUR)
    middle = art.center().y()
    half_line = QFontMetrics(font).height() / 2
    for word, x, angle in (
        (edges[0], max(half_line + 4, art.left() - half_line - 6), -90),
        (edges[1], min(viewport.width() - half_line - 4, art.right() + half_line + 6), 90),
    ):
        if not word:
            continue
        painter.save()
        painter.translate(x, middle)
        painter.rotate(angle)
        painter.drawText(
            QRectF(-200, -half_line, 400, 2 * half_line), Qt.AlignmentFlag.AlignCenter, word.upper()
        )
        painter.restore()
