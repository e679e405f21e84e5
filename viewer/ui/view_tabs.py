"""Tabs to switch between the drawings."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QTabBar, QWidget

from viewer.diagram.palette import INTERFACE
from viewer.diagram.views import view_title

DOT = 10  # px: the mark's size, and the room every tab keeps for it


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(DOT, DOT)
    pixmap.fill(Qt.GlobalColor.transparent)
    if colour:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(1, 1, DOT - 2, DOT - 2)
        painter.end()
    return QIcon(pixmap)


class ViewTabs(QTabBar):
    def __init__(self, views: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._views = views
        for index, view in enumerate(views):
            self.addTab(view_title(view))
            self.setTabToolTip(index, f"{view_title(view)} (Ctrl+{index + 1})")
        self.setExpanding(False)
        self.setDocumentMode(True)
        self.setAccessibleName("Views")
        # Marked or not, a tab keeps its width: a mark never lays the bar out again.
        self._marked, self._unmarked = _dot(INTERFACE["selected"]), _dot("")
        self.setIconSize(QSize(DOT, DOT))
        for index in range(self.count()):
            self.setTabIcon(index, self._unmarked)

    def view_at(self, index: int) -> str:
        return self._views[index] if 0 <= index < len(self._views) else ""

    def show_view(self, view: str) -> None:
        if view in self._views:
            self.setCurrentIndex(self._views.index(view))

    def mark_views(self, views: set[str]) -> None:
        """Show which views contain the selected region: a blue dot before their names."""
        for index, view in enumerate(self._views):
            marked = view in views
            if bool(self.tabData(index)) == marked:
                continue
            title = view_title(view)
            self.setTabIcon(index, self._marked if marked else self._unmarked)
            here = " — shows the selected region" if marked else ""
            self.setTabToolTip(index, f"{title} (Ctrl+{index + 1}){here}")
            self.setAccessibleTabName(index, f"{title}{here}")
            self.setTabData(index, marked)

    def marked_views(self) -> set[str]:
        return {view for index, view in enumerate(self._views) if self.tabData(index)}
