"""One clickable region: a hit area on the real outline, drawn only when it matters.

At rest a region is invisible: the bone is drawn once, in the art, so a region
border never reads as a fracture line. Under the pointer it is outlined in
orange; selected, filled blue; a search match is hatched in purple, so hover
and match differ by shape as well as colour. A high-risk stress-fracture site
adds a red dashed line when it is pointed at or selected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from viewer.diagram.outline import Outline
from viewer.diagram.palette import INTERFACE


def _colour(name: str, alpha: int = 255) -> QColor:
    colour = QColor(INTERFACE[name])
    colour.setAlpha(alpha)
    return colour


HOVER_LINE = _colour("hover")
SELECTED_FILL = _colour("selected", 110)
SELECTED_LINE = _colour("selected_line")
MATCH_FILL = _colour("search_match", 170)
MATCH_LINE = _colour("search_match")
HIGH_RISK_LINE = _colour("high_risk")


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


def _pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)  # the same width at every zoom
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class RegionItem(QGraphicsPathItem):
    """Hit-tests on the outline. Invisible until hovered, selected or matched."""

    def __init__(self, region: str, name: str, path: QPainterPath, high_risk: bool) -> None:
        super().__init__(path)
        self.region = region
        self.name = name
        self.high_risk = high_risk
        self._shape = QPainterPath(path)  # Qt re-strokes shape() on every call otherwise
        self._hovered = False
        self._selected = False
        self._matched = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
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

    @property
    def matched(self) -> bool:
        return self._matched

    def set_hovered(self, hovered: bool) -> None:
        if hovered != self._hovered:
            self._hovered = hovered
            self._apply_look()

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self._apply_look()

    def set_matched(self, matched: bool) -> None:
        """Lit up as a search result."""
        if matched != self._matched:
            self._matched = matched
            self._apply_look()

    def look(self) -> str:
        """What the region shows now: selected, hovered, matched, or rest."""
        if self._selected:
            return "selected"
        if self._hovered:
            return "hovered"
        return "matched" if self._matched else "rest"

    def _apply_look(self) -> None:
        look = self.look()
        # QBrush() is no brush, and a colour's brush is given its style: PySide would try
        # QBrush's overload for a gradient first, making QGradient's type and its 182 enum
        # members (1.7 ms, at start as every region is made).
        if look == "selected":
            brush, pen = QBrush(SELECTED_FILL, Qt.BrushStyle.SolidPattern), _pen(SELECTED_LINE, 2.5)
        elif look == "hovered":
            brush, pen = QBrush(), _pen(HOVER_LINE, 3.0)
        elif look == "matched":
            brush, pen = QBrush(MATCH_FILL, Qt.BrushStyle.BDiagPattern), _pen(MATCH_LINE, 1.2)
        else:
            brush, pen = QBrush(), QPen(Qt.PenStyle.NoPen)
        self.setBrush(brush)
        self.setPen(pen)
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.look() == "rest":
            return
        brush = self.brush()
        if brush.style() == Qt.BrushStyle.SolidPattern:
            # The fill's edge lies under the opaque outline drawn next: filled without
            # antialiasing it looks the same (at most one pixel one level apart, over
            # every region), and the sole view with the plantar fascia selected repaints
            # in 3.1 ms, not 5.1.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(brush)
            painter.drawPath(self.path())
            brush = QBrush()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if brush.style() == Qt.BrushStyle.BDiagPattern:
            # A hatch keeps its spacing on screen, whatever the zoom.
            brush.setTransform(painter.worldTransform().inverted()[0])
        painter.setPen(self.pen())
        painter.setBrush(brush)
        painter.drawPath(self.path())
        if self.high_risk and (self._hovered or self._selected):
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_pen(HIGH_RISK_LINE, 2.0, Qt.PenStyle.DashLine))
            painter.drawPath(self.path())
