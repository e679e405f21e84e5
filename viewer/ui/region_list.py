"""Every region by name, grouped by drawing; selecting here selects everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from viewer.bundle import Bundle
from viewer.diagram.views import view_title
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
        placed: set[str] = set()
        groups = list(bundle.drawings)
        groups += [v for r in bundle.atlas.regions.values() for v in r.views if v not in groups]
        for view in groups:
            regions = [r for r in bundle.atlas.regions_in_view(view) if r.id not in placed]
            if not regions:
                continue
            header = QTreeWidgetItem(self, [view_title(view)])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            for region in regions:
                label = region.name + ("  ⚠" if region.high_risk else "")
                row = QTreeWidgetItem(header, [label])
                row.setData(0, REGION_ROLE, region.id)
                tip = "High-risk stress-fracture site" if region.high_risk else region.name
                row.setToolTip(0, tip)
                self._rows[region.id] = row
                placed.add(region.id)
        self.expandAll()

    def row(self, region: str) -> QTreeWidgetItem | None:
        return self._rows.get(region)

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
