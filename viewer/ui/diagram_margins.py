"""What the app draws around the drawing: the side marker above it, the edge words beside it.

They live in the drawing view's margins, outside the art, so they are legible
at any zoom and never cover the anatomy.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from viewer.ui.theme import CANVAS, CANVAS_INK

EDGE_MARGIN = 22  # pixels left and right of the drawing for the medial / lateral words
TOP_MARGIN = 28  # pixels above it for the side marker


class SideBadge(QWidget):
    """RIGHT or LEFT, as a radiograph marker: it always says which limb is drawn."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sideBadge")
        self._side = "right"
        self._font = QFont()
        self._font.setBold(True)
        self._font.setPixelSize(15)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    @property
    def text(self) -> str:
        return f"{self._side.upper()} LIMB"

    def set_side(self, side: str) -> None:
        self._side = side
        metrics = QFontMetrics(self._font)
        self.resize(metrics.horizontalAdvance(self.text) + 18, TOP_MARGIN - 4)
        self.setAccessibleName(f"{self._side} limb shown")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(CANVAS_INK.get(self._side, CANVAS_INK["edge"]))
        painter.setPen(QPen(colour, 2))
        painter.setBrush(QColor(CANVAS))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
        painter.setFont(self._font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text)


class EdgeWord(QWidget):
    """MEDIAL, LATERAL, TOES or HEEL, written up (or down) the side of the drawing."""

    def __init__(self, parent: QWidget, angle: int) -> None:
        super().__init__(parent)
        self._angle = angle
        self.word = ""
        self._font = QFont()
        self._font.setPixelSize(12)
        self._font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def place(self, word: str, area: QRect) -> None:
        self.word = word.upper()
        self.setGeometry(area)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.word:
            return
        painter = QPainter(self)
        # Not fillRect(): each of its overloads makes PySide learn QGradient (182 enum
        # members, 1.7 ms of the first paint).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(CANVAS))
        painter.drawRect(self.rect())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._font)
        painter.setPen(QColor(CANVAS_INK["edge"]))
        painter.translate(self.width() / 2, self.height() / 2)
        painter.rotate(self._angle)
        half = self.width() / 2
        painter.drawText(
            QRectF(-300, -half, 600, 2 * half), Qt.AlignmentFlag.AlignCenter, self.word
        )
