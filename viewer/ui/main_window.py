"""The main window: search and region list, drawing with view tabs, and details."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.bundle import Bundle
from viewer.content.model import FREQUENCIES
from viewer.diagram.views import SIDES
from viewer.ui.details_panel import DetailsPanel
from viewer.ui.diagram_view import DiagramView
from viewer.ui.history import History
from viewer.ui.problems_dialog import ProblemsDialog
from viewer.ui.region_list import RegionList
from viewer.ui.search_panel import SearchPanel
from viewer.ui.selection import Selection
from viewer.ui.side import Side
from viewer.ui.view_tabs import ViewTabs

HOVER_HINT = "Point at a region to see its name; click to read about it."
LEGEND = (
    '<span style="color:#c81e1e">- - -</span> high-risk stress-fracture site'
    ' &nbsp; <span style="color:#1f77d0">■</span> selected'
    ' &nbsp; <span style="color:#d6a100">■</span> search match'
    " &nbsp; click the same spot again for the region beneath"
)


class MainWindow(QMainWindow):
    def __init__(self, bundle: Bundle) -> None:
        super().__init__()
        self.bundle = bundle
        self.selection = Selection(self)
        self.side = Side(self)
        self.history = History(self)
        self._navigating = False
        self.setWindowTitle("Lower-limb anatomy reference")
        self.resize(1400, 900)

        self.region_list = RegionList(bundle, self.selection)
        self.search = SearchPanel(bundle.atlas, self.region_list)
        self.diagram = DiagramView(bundle, self.selection, self.side)
        self.details = DetailsPanel(bundle.atlas, self.selection, self.side)
        self.view_tabs = ViewTabs(self.diagram.views())
        self.back_button = self._tool_button(
            QStyle.StandardPixmap.SP_ArrowBack, "Back (Alt+Left)", "backButton"
        )
        self.forward_button = self._tool_button(
            QStyle.StandardPixmap.SP_ArrowForward, "Forward (Alt+Right)", "forwardButton"
        )
        self.side_buttons = QButtonGroup(self)
        self.hover_label = QLabel(HOVER_HINT)
        self.hover_label.setObjectName("hoverLabel")
        self.hover_label.setTextFormat(Qt.TextFormat.RichText)
        self.hover_label.setStyleSheet("font-size: 12pt; padding: 4px 6px;")
        # A long name must never widen the pane: the drawing would jump under the pointer.
        self.hover_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hover_label.setMinimumWidth(0)
        legend = QLabel(LEGEND)
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #5a6570; padding: 2px 6px;")
        self.setCentralWidget(self._layout(legend))
        self._shortcuts()
        self._update_history_buttons()

        self.view_tabs.currentChanged.connect(self._on_tab_changed)
        self.diagram.view_changed.connect(self._on_view_changed)
        self.diagram.region_hovered.connect(self._on_region_hovered)
        self.selection.region_selected.connect(self._on_region_selected)
        self.side_buttons.idClicked.connect(self._on_side_clicked)
        self.side.side_changed.connect(self._on_side_changed)
        self.search.result_chosen.connect(self._on_result_chosen)
        self.search.matches_changed.connect(self.diagram.set_matches)
        self.details.region_link_activated.connect(self._on_region_link)
        self.details.condition_link_activated.connect(self._on_condition_link)
        self.history.changed.connect(self._update_history_buttons)
        self.back_button.clicked.connect(self.go_back)
        self.forward_button.clicked.connect(self.go_forward)
        for widget in (self.diagram, self.details, self.region_list, self.search.results):
            widget.viewport().installEventFilter(self)

        if self.diagram.views():
            self.diagram.show_view(self.diagram.views()[0])

    # -- building ---------------------------------------------------------------------------

    def _tool_button(self, icon: QStyle.StandardPixmap, tip: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setObjectName(name)
        button.setAutoRaise(True)
        return button

    def _layout(self, legend: QLabel) -> QSplitter:
        # Tabs get the whole width; history, hover name and side share the row below.
        bar = QHBoxLayout()
        bar.setContentsMargins(2, 0, 6, 0)
        bar.addWidget(self.back_button)
        bar.addWidget(self.forward_button)
        bar.addWidget(self.hover_label, 1)
        for index, side in enumerate(SIDES):
            button = QToolButton()
            button.setText(side.capitalize())
            button.setCheckable(True)
            button.setChecked(side == self.side.side)
            button.setObjectName(f"{side}SideButton")
            button.setToolTip(f"Show the {side} limb (Alt+{side[0].upper()})")
            button.setAccessibleName(f"Show the {side} limb")
            self.side_buttons.addButton(button, index)
            bar.addWidget(button)

        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view_tabs)
        layout.addLayout(bar)
        layout.addWidget(self.diagram, 1)
        layout.addWidget(legend)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.search)
        splitter.addWidget(centre)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([240, 600, 560])
        splitter.setChildrenCollapsible(False)

        # Tab goes search -> list or results -> drawing -> details: reading order.
        QWidget.setTabOrder(self.search.field, self.region_list)
        QWidget.setTabOrder(self.region_list, self.search.results)
        QWidget.setTabOrder(self.search.results, self.diagram)
        QWidget.setTabOrder(self.diagram, self.details)
        return splitter

    def _shortcuts(self) -> None:
        bindings: list[tuple[QKeySequence, Callable[[], None]]] = [
            (QKeySequence(QKeySequence.StandardKey.Find), self.search.focus_search),
            (QKeySequence("Alt+Left"), self.go_back),
            (QKeySequence("Alt+Right"), self.go_forward),
            (QKeySequence(QKeySequence.StandardKey.Back), self.go_back),
            (QKeySequence(QKeySequence.StandardKey.Forward), self.go_forward),
        ]
        for index in range(len(self.diagram.views())):
            bindings.append((QKeySequence(f"Ctrl+{index + 1}"), partial(self._show_tab, index)))
        for side in SIDES:
            bindings.append(
                (QKeySequence(f"Alt+{side[0].upper()}"), partial(self.side.set_side, side))
            )
        seen: set[str] = set()
        for sequence, slot in bindings:
            if sequence.isEmpty() or sequence.toString() in seen:
                continue
            seen.add(sequence.toString())
            QShortcut(sequence, self).activated.connect(slot)

    def _show_tab(self, index: int) -> None:
        self.view_tabs.setCurrentIndex(index)

    # -- opening and navigating ---------------------------------------------------------------

    def open_at(self, region: str = "", view: str = "", side: str = "") -> None:
        """Select a region (its first view comes up), show a given view and side."""
        if side:
            self.side.set_side(side)
        if region:
            self.selection.select(region)
        if view:
            self.diagram.show_view(view)

    def show_problems(self) -> None:
        if self.bundle.problems:
            ProblemsDialog(self.bundle.problems, self).open()

    def go_to(self, region: str, condition: str = "") -> None:
        """Open a region, at one of its conditions if given, and remember it."""
        self.selection.select(region)
        if condition and self.details.show_condition(condition):
            self.history.visit(region, condition)

    def go_back(self) -> None:
        self._revisit(self.history.back())

    def go_forward(self) -> None:
        self._revisit(self.history.forward())

    def _revisit(self, place: tuple[str, str] | None) -> None:
        if place is None:
            return
        self._navigating = True
        try:
            region, condition = place
            self.selection.select(region)
            if condition:
                self.details.show_condition(condition)
            else:
                self.details.verticalScrollBar().setValue(0)
        finally:
            self._navigating = False

    def best_region_for(self, condition: str) -> str:
        """Where to read about a condition: here if it is here, else where it is commonest."""
        atlas = self.bundle.atlas
        current = atlas.regions.get(self.selection.region)
        if current and any(link.condition == condition for link in current.conditions):
            return current.id
        rank = {frequency: index for index, frequency in enumerate(FREQUENCIES)}
        view = self.diagram.current_view
        places = [
            (rank.get(link.frequency, 9), view not in region.views, order, region.id)
            for order, region in enumerate(atlas.regions.values())
            for link in region.conditions
            if link.condition == condition
        ]
        return min(places)[3] if places else ""

    # -- handlers -------------------------------------------------------------------------------

    def _on_tab_changed(self, index: int) -> None:
        self.diagram.show_view(self.view_tabs.view_at(index))

    def _on_view_changed(self, view: str) -> None:
        self.view_tabs.show_view(view)

    def _on_region_hovered(self, region: str, beneath: list[str]) -> None:
        regions = self.bundle.atlas.regions
        record = regions.get(region)
        if record is None:
            self.hover_label.setText(HOVER_HINT)
            return
        risk = "  ⚠ high-risk site" if record.high_risk else ""
        text = f"<b>{escape(record.name)}</b>{escape(risk)}"
        names = [regions[r].name for r in beneath if r in regions]
        if names:
            text += (
                f'<span style="color:#5a6570"> — beneath: {escape(", ".join(names))}'
                " (click again)</span>"
            )
        self.hover_label.setText(text)

    def _on_region_selected(self, region: str) -> None:
        record = self.bundle.atlas.regions.get(region)
        self.setWindowTitle(
            f"{record.name} — Lower-limb anatomy reference"
            if record
            else "Lower-limb anatomy reference"
        )
        self.view_tabs.mark_views(set(self.bundle.views_of(region)))
        if not self._navigating:
            self.history.visit(region)

    def _on_side_clicked(self, index: int) -> None:
        self.side.set_side(SIDES[index])

    def _on_side_changed(self, side: str) -> None:
        button = self.side_buttons.button(SIDES.index(side))
        if button is not None and not button.isChecked():
            button.setChecked(True)

    def _on_result_chosen(self, region: str, condition: str) -> None:
        self.go_to(region, condition)

    def _on_region_link(self, region: str) -> None:
        self.go_to(region)

    def _on_condition_link(self, condition: str) -> None:
        region = self.best_region_for(condition)
        if region:
            self.go_to(region, condition)

    def _update_history_buttons(self) -> None:
        self.back_button.setEnabled(self.history.can_go_back())
        self.forward_button.setEnabled(self.history.can_go_forward())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The mouse's back and forward buttons, wherever the pointer is in the window.
        if event.type() == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)
