"""Back and forward over what the reader has looked at, like a browser."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

Place = tuple[str, str]  # (region id, condition id or "" for the top of the region)


class History(QObject):
    changed = Signal()  # can_go_back / can_go_forward may have changed

    def __init__(self, parent: QObject | None = None, limit: int = 200) -> None:
        super().__init__(parent)
        self._places: list[Place] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._places else None

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return 0 <= self._index < len(self._places) - 1

    def visit(self, region: str, condition: str = "") -> None:
        """A new place: forward history is dropped, as in a browser."""
        if not region or self.current == (region, condition):
            return
        del self._places[self._index + 1 :]
        self._places.append((region, condition))
        if len(self._places) > self._limit:
            del self._places[0]
        self._index = len(self._places) - 1
        self.changed.emit()

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        self.changed.emit()
        return self._places[self._index]

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        self.changed.emit()
        return self._places[self._index]
