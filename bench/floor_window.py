"""The floor under the app's start: a window of the same kinds of widgets as the app
(a search field, a region tree, a drawing view, a text browser, a menu bar), with
none of the app's code or content, started, sized and painted as bench/bare_window.py.

Not a budget: it shows how much of the app's start over the bare window is Qt's
own cost for those widgets (their first use loads styles, fonts and enums).
"""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsView,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.first_paint import install_if_requested
from viewer.ui.window_size import first_start_size

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.menuBar().addMenu("File")
split = QSplitter(Qt.Orientation.Horizontal)
left = QWidget()
column = QVBoxLayout(left)
column.addWidget(QLineEdit())
tree = QTreeWidget()
for index in range(57):
    QTreeWidgetItem(tree, [f"region {index}"])
column.addWidget(tree)
split.addWidget(left)
scene = QGraphicsScene()
scene.addRect(0, 0, 100, 300)
split.addWidget(QGraphicsView(scene))
browser = QTextBrowser()
browser.setPlainText("text " * 2000)
split.addWidget(browser)
window.setCentralWidget(split)
free = app.primaryScreen().availableGeometry()
window.resize(*first_start_size(free.width(), free.height()))
install_if_requested(app, window)
window.show()
sys.exit(app.exec())
