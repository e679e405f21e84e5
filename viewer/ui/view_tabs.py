"""Tabs to switch between the drawings."""

from __future__ import annotations

from PySide6.QtWidgets import QTabBar, QWidget

from viewer.diagram.views import view_title


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

    def view_at(self, index: int) -> str:
        return self._views[index] if 0 <= index < len(self._views) else ""

    def show_view(self, view: str) -> None:
        if view in self._views:
            self.setCurrentIndex(self._views.index(view))

    def mark_views(self, views: set[str]) -> None:
        """Show which views contain the selected region: a dot after their names."""
        for index, view in enumerate(self._views):
            marked = view in views
            if bool(self.tabData(index)) == marked:
                continue  # a new tab text relays the bar out: only on a change, not every click
            title = view_title(view)
            self.setTabText(index, f"{title} ●" if marked else title)
            here = " — shows the selected region" if marked else ""
            self.setTabToolTip(index, f"{title} (Ctrl+{index + 1}){here}")
            self.setAccessibleTabName(index, f"{title}{here}")
            self.setTabData(index, marked)

    def marked_views(self) -> set[str]:
        return {view for index, view in enumerate(self._views) if self.tabData(index)}
