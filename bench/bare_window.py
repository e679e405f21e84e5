"""The baseline: a bare PySide6 window, started and painted the same way as the app."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from viewer.ui.first_paint import install_if_requested

app = QApplication(sys.argv[:1])
install_if_requested(app)
window = QMainWindow()
window.setCentralWidget(QLabel("bare window"))
window.resize(1400, 900)
window.show()
sys.exit(app.exec())
