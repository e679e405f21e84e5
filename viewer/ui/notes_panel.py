"""Your notes on the selected region or one of its conditions, saved as you type.

No Save button: a pause in typing (or leaving the field, or choosing another
region) saves the note, in one database transaction. Notes live in the app's
data folder, never in a content directory (viewer/notes/store.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.content.model import Atlas
from viewer.notes.limits import MAX_NOTE_CHARS, NotesError

if TYPE_CHECKING:
    from viewer.notes.store import NotesStore

SAVE_AFTER_MS = 600


class _Editor(QPlainTextEdit):
    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class NotesPanel(QWidget):
    saved = Signal(str, str)  # region, condition ("" for the region): a note was stored

    def __init__(
        self,
        atlas: Atlas,
        store: NotesStore | None,
        parent: QWidget | None = None,
        opening: bool = False,
    ) -> None:
        super().__init__(parent)
        self._atlas = atlas
        self._store = store
        self.region = ""
        self._target: tuple[str, str] = ("", "")
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)

        self.target = QComboBox()
        self.target.setObjectName("noteTarget")
        self.target.setAccessibleName("Note on")
        self.editor = _Editor()
        self.editor.setObjectName("noteEditor")
        self.editor.setAccessibleName("Your note")
        self.editor.setPlaceholderText(
            "Your note, saved as you type: what your clinic does here, a reminder for next time."
        )
        self.status = QLabel("")
        self.status.setObjectName("noteStatus")
        top = QHBoxLayout()
        top.addWidget(QLabel("Note on:"))
        top.addWidget(self.target, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        self.set_store(store, opening)

        self.target.currentIndexChanged.connect(self._on_target_changed)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.left.connect(self.save_now)
        self._timer.timeout.connect(self.save_now)

    def set_store(self, store: NotesStore | None, opening: bool = False) -> None:
        """The store to read and save notes in; None: notes cannot be saved (or, opening,
        not yet: the window opens the store after its first paint)."""
        self._store = store
        self.editor.setReadOnly(store is None)
        if store is None and not opening:
            self.status.setText("Notes cannot be saved here (the data folder is not writable).")
        elif self.region:
            self._load()

    def show_region(self, region: str, condition: str = "") -> None:
        self.save_now()
        self.region = region
        self.target.blockSignals(True)
        self.target.clear()
        record = self._atlas.regions.get(region)
        if record is not None:
            self.target.addItem(f"{record.name} (the region)", "")
            for link in record.conditions:
                condition_record = self._atlas.conditions.get(link.condition)
                if condition_record is not None:
                    self.target.addItem(condition_record.name, link.condition)
        index = max(self.target.findData(condition), 0)
        self.target.setCurrentIndex(index)
        self.target.blockSignals(False)
        self.setEnabled(record is not None)
        self._load()

    def _on_target_changed(self, _index: int) -> None:
        self.save_now()
        self._load()

    def _load(self) -> None:
        condition = self.target.currentData() or ""
        self._target = (self.region, str(condition))
        text = self._store.get(*self._target) if self._store and self.region else ""
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self._dirty = False
        self.status.setText("")

    def _on_text_changed(self) -> None:
        self._dirty = True
        self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        region, condition = self._target
        if not self._dirty or not region or self._store is None:
            return
        text = self.editor.toPlainText()
        try:
            self._store.save(region, condition, text[:MAX_NOTE_CHARS])
        except (NotesError, OSError) as error:
            self.status.setText(f"Not saved: {error}")  # the text stays in the field
            return
        self._dirty = False
        self.status.setText("Saved.")
        self.saved.emit(region, condition)
