"""The one place the selected region lives; every widget subscribes to it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    region_selected = Signal(str)  # "" when nothing is selected

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._region = ""

    @property
    def region(self) -> str:
        return self._region

    def select(self, region: str) -> None:
        if region != self._region:
            self._region = region
            self.region_selected.emit(region)
