"""The search field and its ranked results, over the region list.

Typing shows ranked results in place of the region list; the arrow keys move
through them from the field, Enter opens the highlighted (or first) one, and
Escape clears the search and brings the region list back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.content.model import Atlas

if TYPE_CHECKING:
    # Imported when first used (rapidfuzz and the index cost ~50 ms of start-up).
    from viewer.content.search import Hit, SearchIndex

PLACE_ROLE = Qt.ItemDataRole.UserRole
MAX_RESULTS = 50
FIELD_NAMES = {
    "region": "region",
    "region alias": "also called",
    "condition": "condition",
    "condition alias": "also called",
    "site note": "at this site",
    "symptom": "symptom",
    "sign": "exam sign",
    "imaging": "imaging",
    "summary": "summary",
}


class SearchPanel(QWidget):
    result_chosen = Signal(str, str)  # region id, condition id ("" for the region itself)
    matches_changed = Signal(list)  # region ids of the results, best first; [] when cleared

    def __init__(self, atlas: Atlas, region_list: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._atlas = atlas
        self._index: SearchIndex | None = None
        self.hits: list[Hit] = []

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText("Search: kneecap, Jones fracture, night pain…  (Ctrl+F)")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search regions, conditions and symptoms")
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setUniformItemSizes(True)
        self._stack = QStackedWidget()
        self._stack.addWidget(region_list)
        self._stack.addWidget(self.results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.field)
        layout.addWidget(self._stack, 1)

        self.field.textChanged.connect(self._on_text_changed)
        self.field.returnPressed.connect(self._on_return_pressed)
        self.results.itemActivated.connect(self._on_item_activated)
        self.results.itemClicked.connect(self._on_item_activated)
        self.field.installEventFilter(self)

    def search_index(self) -> SearchIndex:
        if self._index is None:
            from viewer.content.search import SearchIndex

            self._index = SearchIndex(self._atlas)
        return self._index

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _on_text_changed(self, text: str) -> None:
        self.hits = self.search_index().search(text, MAX_RESULTS) if text.strip() else []
        self.results.clear()
        for hit in self.hits:
            self.results.addItem(self._row(hit))
        if self.hits:
            self.results.setCurrentRow(0)
        self._stack.setCurrentIndex(1 if text.strip() else 0)
        if text.strip() and not self.hits:
            empty = QListWidgetItem(f"No match for “{text.strip()}”")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)
        self.matches_changed.emit(list(dict.fromkeys(hit.region for hit in self.hits)))

    def _row(self, hit: Hit) -> QListWidgetItem:
        region = self._atlas.regions[hit.region].name
        condition = self._atlas.conditions.get(hit.condition)
        title = f"{region} — {condition.name}" if condition else region
        detail = f"{FIELD_NAMES.get(hit.field, hit.field)}: {hit.text}"
        if len(detail) > 90:
            detail = detail[:89] + "…"
        item = QListWidgetItem(f"{title}\n   {detail}")
        item.setData(PLACE_ROLE, (hit.region, hit.condition))
        item.setToolTip(f"{title}\n{FIELD_NAMES.get(hit.field, hit.field)}: {hit.text}")
        return item

    def _open(self, item: QListWidgetItem | None) -> None:
        place = item.data(PLACE_ROLE) if item is not None else None
        if place:
            region, condition = place
            self.result_chosen.emit(str(region), str(condition))

    def _on_return_pressed(self) -> None:
        self._open(self.results.currentItem() or self.results.item(0))

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self._open(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
            if key == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return super().eventFilter(watched, event)
