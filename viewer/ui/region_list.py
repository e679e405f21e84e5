"""Every region by name, grouped by body area in catalogue order; selecting here
selects everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from viewer.bundle import Bundle
from viewer.content.model import AREAS
from viewer.ui.history_buttons import passed_to_window
from viewer.ui.selection import Selection

REGION_ROLE = Qt.ItemDataRole.UserRole


class RegionList(QTreeWidget):
    def __init__(self, bundle: Bundle, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self._rows: dict[str, QTreeWidgetItem] = {}
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName("Regions")
        self._fill(bundle)

        self.currentItemChanged.connect(self._on_current_item_changed)
        self._selection.region_selected.connect(self._on_region_selected)

    def _fill(self, bundle: Bundle) -> None:
        headers: dict[str, QTreeWidgetItem] = {}
        for region in bundle.atlas.in_catalogue_order():
            header = headers.get(region.area)
            if header is None:
                header = QTreeWidgetItem(self, [AREAS.get(region.area, region.area)])
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = header.font(0)
                font.setBold(True)
                header.setFont(0, font)
                headers[region.area] = header
            label = region.name + ("  ⚠" if region.high_risk else "")
            row = QTreeWidgetItem(header, [label])
            row.setData(0, REGION_ROLE, region.id)
            if region.high_risk:
                row.setToolTip(0, "⚠ a high-risk stress-fracture site")
                row.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{region.name}, high-risk site")
            self._rows[region.id] = row
        for header in headers.values():
            header.setExpanded(True)  # not expandAll(): it lays every row out at once (6 ms)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not passed_to_window(event):
            super().mousePressEvent(event)

    def row(self, region: str) -> QTreeWidgetItem | None:
        return self._rows.get(region)

    def order(self) -> list[str]:
        """Region ids as the list shows them: the keyboard's order on the drawing too."""
        return list(self._rows)

    def _on_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        region = current.data(0, REGION_ROLE) if current is not None else None
        if region:
            self._selection.select(str(region))

    def _on_region_selected(self, region: str) -> None:
        row = self._rows.get(region)
        if row is None:
            self.clearSelection()
            return
        if self.currentItem() is not row:
            self.setCurrentItem(row)
        self.scrollToItem(row)
