"""The mouse's back and forward buttons go back and forward wherever the pointer is
in the window (MainWindow.mousePressEvent).

Most widgets leave these buttons to their parent, up to the window. Item views and
the drawing take every button for themselves: they pass these two on with
`passed_to_window()`. Not an event filter on each view's viewport: a filter reads every
event of the views through Python, and the first viewport named from Python costs
PySide 15-20 ms at start (it makes a Python type for every kind of widget there is,
to learn which one the viewport is).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent

HISTORY_BUTTONS = (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton)


def passed_to_window(event: QMouseEvent) -> bool:
    """True if this press is of the back or forward button, now left to the window."""
    if event.button() in HISTORY_BUTTONS:
        event.ignore()
        return True
    return False
