"""Which limb is shown: the drawings are of the right one, mirrored for the left."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from viewer.diagram.views import SIDES


class Side(QObject):
    side_changed = Signal(str)  # "right" or "left"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._side = "right"

    @property
    def side(self) -> str:
        return self._side

    @property
    def mirrored(self) -> bool:
        return self._side == "left"

    def set_side(self, side: str) -> None:
        if side in SIDES and side != self._side:
            self._side = side
            self.side_changed.emit(side)
