"""Moving the test pointer so that the widget always receives the move.

pytest-qt's pointer keeps its position between tests, and Qt drops a move to
the position it already has: a hover test that moves to where the test before
left the pointer gets no event, and waits in vain. Step off the spot first.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def hover(widget: QWidget, pos: QPoint) -> None:
    """Move the pointer to pos in widget, with a move event even if it is there already."""
    aside = QPoint(pos.x() + 5 if pos.x() < widget.width() - 6 else pos.x() - 5, pos.y())
    QTest.mouseMove(widget, aside)
    QTest.mouseMove(widget, pos)
