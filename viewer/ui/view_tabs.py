"""Tabs to switch between the drawings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QTabBar, QWidget

from viewer.diagram.palette import INTERFACE
from viewer.diagram.views import view_title

DOT = 7  # px: the mark drawn in a marked tab's corner


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
        self._mark = QColor(INTERFACE["selected"])

    def view_at(self, index: int) -> str:
        return self._views[index] if 0 <= index < len(self._views) else ""

    def show_view(self, view: str) -> None:
        if view in self._views:
            self.setCurrentIndex(self._views.index(view))

    def mark_views(self, views: set[str]) -> None:
        """Show which views contain the selected region: a blue dot in the tab's corner.

        Drawn over the tab, not written in its text: a tab never changes width, so a
        click never lays the bar out again (and the names fit at 1366 px)."""
        for index, view in enumerate(self._views):
            marked = view in views
            if bool(self.tabData(index)) == marked:
                continue
            title = view_title(view)
            self.update(self.tabRect(index))
            here = " — shows the selected region" if marked else ""
            self.setTabToolTip(index, f"{title} (Ctrl+{index + 1}){here}")
            self.setAccessibleTabName(index, f"{title}{here}")
            self.setTabData(index, marked)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._mark)
        for index in range(self.count()):
            if self.tabData(index):
                rect = self.tabRect(index)
                painter.drawEllipse(rect.right() - DOT - 3, rect.top() + 4, DOT, DOT)
        painter.end()

    def marked_views(self) -> set[str]:
        return {view for index, view in enumerate(self._views) if self.tabData(index)}
