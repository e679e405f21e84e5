"""The main window: region list, drawing with view tabs, and details."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from viewer.bundle import Bundle
from viewer.ui.details_panel import DetailsPanel
from viewer.ui.diagram_view import DiagramView
from viewer.ui.problems_dialog import ProblemsDialog
from viewer.ui.region_list import RegionList
from viewer.ui.selection import Selection
from viewer.ui.view_tabs import ViewTabs

HOVER_HINT = "Point at a region to see its name; click to read about it."
LEGEND = (
    '<span style="color:#c81e1e">- - -</span> high-risk stress-fracture site'
    ' &nbsp; <span style="color:#1f77d0">■</span> selected'
)


class MainWindow(QMainWindow):
    def __init__(self, bundle: Bundle) -> None:
        super().__init__()
        self.bundle = bundle
        self.selection = Selection(self)
        self.setWindowTitle("Lower-limb anatomy reference")
        self.resize(1400, 900)

        self.region_list = RegionList(bundle, self.selection)
        self.diagram = DiagramView(bundle, self.selection)
        self.details = DetailsPanel(bundle.atlas, self.selection)
        self.view_tabs = ViewTabs(self.diagram.views())
        self.hover_label = QLabel(HOVER_HINT)
        self.hover_label.setObjectName("hoverLabel")
        self.hover_label.setTextFormat(Qt.TextFormat.RichText)
        self.hover_label.setStyleSheet("font-size: 12pt; padding: 4px 6px;")
        legend = QLabel(LEGEND)
        legend.setStyleSheet("color: #5a6570; padding: 2px 6px;")

        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view_tabs)
        layout.addWidget(self.hover_label)
        layout.addWidget(self.diagram, 1)
        layout.addWidget(legend)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.region_list)
        splitter.addWidget(centre)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([230, 560, 610])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        for index in range(len(self.diagram.views())):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda index=index: self.view_tabs.setCurrentIndex(index))

        self.view_tabs.currentChanged.connect(self._on_tab_changed)
        self.diagram.view_changed.connect(self._on_view_changed)
        self.diagram.region_hovered.connect(self._on_region_hovered)
        self.selection.region_selected.connect(self._on_region_selected)

        if self.diagram.views():
            self.diagram.show_view(self.diagram.views()[0])

    def open_at(self, region: str = "", view: str = "") -> None:
        """Select a region (its first view comes up) and/or show a given view."""
        if region:
            self.selection.select(region)
        if view:
            self.diagram.show_view(view)

    def show_problems(self) -> None:
        if self.bundle.problems:
            ProblemsDialog(self.bundle.problems, self).open()

    def _on_tab_changed(self, index: int) -> None:
        self.diagram.show_view(self.view_tabs.view_at(index))

    def _on_view_changed(self, view: str) -> None:
        self.view_tabs.show_view(view)

    def _on_region_hovered(self, region: str) -> None:
        record = self.bundle.atlas.regions.get(region)
        if record is None:
            self.hover_label.setText(HOVER_HINT)
        else:
            risk = "  ⚠ high-risk site" if record.high_risk else ""
            self.hover_label.setText(f"<b>{escape(record.name)}</b>{escape(risk)}")

    def _on_region_selected(self, region: str) -> None:
        record = self.bundle.atlas.regions.get(region)
        self.setWindowTitle(
            f"{record.name} — Lower-limb anatomy reference"
            if record
            else "Lower-limb anatomy reference"
        )
