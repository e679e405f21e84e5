"""One clickable region on a drawing: its real outline, hover and selection looks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from viewer.diagram.outline import Outline

HOVER_FILL = QColor(255, 176, 0, 80)
HOVER_LINE = QColor(214, 132, 0)
SELECTED_FILL = QColor(31, 119, 208, 120)
SELECTED_LINE = QColor(12, 62, 122)
HIGH_RISK_LINE = QColor(200, 30, 30)
MATCH_FILL = QColor(255, 214, 10, 110)
MATCH_LINE = QColor(176, 122, 0)


def painter_path(outline: Outline) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for command, values in outline.commands:
        if command == "M":
            path.moveTo(*values)
        elif command == "L":
            path.lineTo(*values)
        elif command == "C":
            path.cubicTo(*values)
        elif command == "Q":
            path.quadTo(*values)
        elif command == "Z":
            path.closeSubpath()
    return path


class RegionItem(QGraphicsPathItem):
    """Hit-tests on the drawn outline. Transparent until hovered or selected."""

    def __init__(self, region: str, name: str, path: QPainterPath, high_risk: bool) -> None:
        super().__init__(path)
        self.region = region
        self.high_risk = high_risk
        self._shape = QPainterPath(path)  # Qt re-strokes shape() on every call otherwise
        self._hovered = False
        self._selected = False
        self._matched = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(name)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, False)
        self._apply_look()

    def shape(self) -> QPainterPath:
        return self._shape

    @property
    def hovered(self) -> bool:
        return self._hovered

    @property
    def selected(self) -> bool:
        return self._selected

    def set_hovered(self, hovered: bool) -> None:
        if hovered != self._hovered:
            self._hovered = hovered
            self._apply_look()

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self._apply_look()

    @property
    def matched(self) -> bool:
        return self._matched

    def set_matched(self, matched: bool) -> None:
        """Lit up as a search result."""
        if matched != self._matched:
            self._matched = matched
            self._apply_look()

    def _apply_look(self) -> None:
        if self._selected:
            brush, pen = QBrush(SELECTED_FILL), QPen(SELECTED_LINE, 3.0)
        elif self._hovered:
            brush, pen = QBrush(HOVER_FILL), QPen(HOVER_LINE, 2.0)
        elif self._matched:
            brush, pen = QBrush(MATCH_FILL), QPen(MATCH_LINE, 1.6)
        elif self.high_risk:
            brush = QBrush(Qt.BrushStyle.NoBrush)
            pen = QPen(HIGH_RISK_LINE, 1.6, Qt.PenStyle.DashLine)
        else:
            brush, pen = QBrush(Qt.BrushStyle.NoBrush), QPen(Qt.PenStyle.NoPen)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setBrush(brush)
        self.setPen(pen)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        painter.drawPath(self.path())
