"""The search field and its results, grouped one row per condition, over the region list.

Typing shows the results in place of the region list: each row is a condition
with the regions it was found at (the best one lit on the drawing) and what
matched, wrapped in full. Your own notes are searched too. The arrow keys
move through the rows from the field, Enter opens the highlighted (or first)
one, and Escape clears the search and brings the region list back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.content.model import Atlas
from viewer.ui.history_buttons import passed_to_window

if TYPE_CHECKING:
    # Imported when first used (rapidfuzz and the index cost ~50 ms of start-up).
    from viewer.content.search import Hit, HitGroup, SearchIndex

PLACE_ROLE = Qt.ItemDataRole.UserRole
MAX_RESULTS = 60  # hits before grouping
MAX_ROWS = 25
MAX_REGIONS_SHOWN = 4
FIELD_NAMES = {
    "region": "region",
    "region alias": "also called",
    "condition": "condition",
    "condition alias": "also called",
    "named test": "named test",
    "presentation": "presentation",
    "key feature": "tells it apart",
    "site note": "at this site",
    "symptom": "symptom",
    "sign": "exam sign",
    "imaging": "imaging",
    "red flag": "red flag",
    "summary": "summary",
    "your note": "your note",
}
NotesSource = Callable[[], list[tuple[str, str, str]]]  # [(region, condition, text)]


class ResultList(QListWidget):
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not passed_to_window(event):
            super().mousePressEvent(event)


class SearchPanel(QWidget):
    result_chosen = Signal(str, str)  # region id, condition id ("" for the region itself)
    matches_changed = Signal(list)  # region ids lit on the drawing, best first; [] when cleared
    index_wanted = Signal()  # a query typed while the index is expected and not come yet

    def __init__(
        self,
        atlas: Atlas,
        region_list: QWidget,
        notes: NotesSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._atlas = atlas
        self._notes = notes or (lambda: [])
        self._note_texts: list[tuple[str, str, str]] | None = None
        self._index: SearchIndex | None = None
        self._index_coming = False  # being built elsewhere: do not build it here too
        self._rows_shown: list[str] = []
        self._matches_shown: list[str] = []
        self.hits: list[Hit] = []
        self.groups: list[HitGroup] = []

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText("Search: kneecap, hot swollen knee, night pain…  (Ctrl+F)")
        self.field.setAccessibleName("Search regions, conditions, symptoms and your notes")
        self.results = ResultList()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setSpacing(2)
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

    def add_clear_button(self) -> None:
        """The field's clear button. Qt looks its icon up in the icon theme when it is
        enabled (2 to 4 ms), and an empty field does not show it: so it is added a moment
        after the window has painted (MainWindow.finish_start), or as soon as there is
        text to clear."""
        if self.field.isClearButtonEnabled():
            return
        self.field.setClearButtonEnabled(True)
        for button in self.field.findChildren(QToolButton):
            button.setAccessibleName("Clear the search")

    def search_index(self) -> SearchIndex:
        if self._index is None:
            from viewer.content.search import SearchIndex

            self._index = SearchIndex(self._atlas)
        return self._index

    def expect_index(self) -> None:
        """An index is being built elsewhere (off the event loop); set_index() brings it."""
        self._index_coming = self._index is None

    def set_index(self, index: SearchIndex) -> None:
        """An index built elsewhere (off the event loop) is ready."""
        self._index = index
        self._index_coming = False
        if self.field.text().strip():
            self._on_text_changed(self.field.text())

    @property
    def index_ready(self) -> bool:
        return self._index is not None

    def notes_changed(self) -> None:
        self._note_texts = None
        if self.field.text().strip():
            self._on_text_changed(self.field.text())

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    # -- results ----------------------------------------------------------------------------

    def _note_hits(self, text: str) -> list[Hit]:
        from viewer.content.search import Hit, normalise, words

        if self._note_texts is None:
            self._note_texts = [(r, c, normalise(t)) for r, c, t in self._notes()]
        wanted = words(text)
        if not wanted:
            return []
        raw = {(r, c): t for r, c, t in self._notes()} if self._note_texts else {}
        return [
            Hit(region, condition, 90.0, "your note", raw.get((region, condition), ""))
            for region, condition, body in self._note_texts
            if all(word in body for word in wanted)
        ]

    def _on_text_changed(self, text: str) -> None:
        from viewer.content.search import group_hits

        if text:
            self.add_clear_button()
        query = text.strip()
        if query and self._index is None and self._index_coming:
            # Typed before the index is ready: say so; the results come with it.
            self.index_wanted.emit()
            self._stack.setCurrentIndex(1)
            self.results.clear()
            self._rows_shown = ["Preparing the search…"]
            waiting = QListWidgetItem("Preparing the search…")
            waiting.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(waiting)
            return
        self.hits = self.search_index().search(text, MAX_RESULTS) if query else []
        notes = self._note_hits(text) if query else []
        self.groups = group_hits([*notes, *self.hits], MAX_ROWS)
        rows = [self._row_text(group) for group in self.groups]
        if query and not self.groups:
            rows = [f"No match for “{query}”"]
        self._stack.setCurrentIndex(1 if query else 0)
        if rows == self._rows_shown:
            return  # the next letter often changes nothing: no list to lay out and paint
        self._rows_shown = rows
        self.results.setUpdatesEnabled(False)  # one layout and one paint for the lot
        self.results.clear()
        for group, text in zip(self.groups, rows, strict=False):
            item = QListWidgetItem(text)
            item.setData(PLACE_ROLE, (group.regions[0], group.condition))
            self.results.addItem(item)
        if self.groups:
            self.results.setCurrentRow(0)
        elif query:
            empty = QListWidgetItem(rows[0])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)
        self.results.setUpdatesEnabled(True)
        matches = list(dict.fromkeys(g.regions[0] for g in self.groups))
        if matches != self._matches_shown:
            self._matches_shown = matches
            self.matches_changed.emit(matches)

    def _row_text(self, group: HitGroup) -> str:
        atlas = self._atlas
        condition = atlas.conditions.get(group.condition)
        names = [atlas.regions[r].name for r in group.regions if r in atlas.regions]
        where = ", ".join(names[:MAX_REGIONS_SHOWN])
        if len(names) > MAX_REGIONS_SHOWN:
            where += f" and {len(names) - MAX_REGIONS_SHOWN} more"
        hit = group.best
        matched = f"{FIELD_NAMES.get(hit.field, hit.field)}: {hit.text}"
        if condition is not None:
            urgent = "⚠ " if condition.must_not_miss else ""
            text = f"{urgent}{condition.name}\nat {where}\n{matched}"
        else:
            text = f"{names[0] if names else group.regions[0]}\n{matched}"
        return text

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
