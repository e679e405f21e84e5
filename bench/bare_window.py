"""The baseline: a bare PySide6 window, started, sized and painted the same way as the app.

Its size follows the app's first-start rule (90% of the screen's free area, at most
1600x1000): the backing store, and so memory and paint, grow with the window.
"""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from viewer.ui.first_paint import install_if_requested

app = QApplication(sys.argv[:1])
install_if_requested(app)
window = QMainWindow()
window.setCentralWidget(QLabel("bare window"))
free = app.primaryScreen().availableGeometry()
window.resize(min(int(free.width() * 0.9), 1600), min(int(free.height() * 0.9), 1000))
window.show()
sys.exit(app.exec())
