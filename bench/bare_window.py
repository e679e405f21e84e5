"""The baseline: a bare PySide6 window, started, sized and painted the same way as the app.

Its size is the app's first-start size (viewer/ui/window_size.py): the backing
store, and so memory and paint, grow with the window.
"""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from viewer.ui.first_paint import install_if_requested
from viewer.ui.window_size import first_start_size

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare window"))
free = app.primaryScreen().availableGeometry()
window.resize(*first_start_size(free.width(), free.height()))
install_if_requested(app, window)
window.show()
sys.exit(app.exec())
