"""Start the window, or render it to a PNG without showing it."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSize, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from viewer.bundle import Bundle
from viewer.paths import icons_dir
from viewer.ui.first_paint import install_if_requested
from viewer.ui.main_window import MainWindow

# The desktop entry's and AppStream's id (packaging/): desktops match windows to it.
APP_ID = "io.github.anatomyviewer.AnatomyViewer"


def application_icon() -> QIcon:
    """The icon at every size it was rendered at (packaging/make_icons.py)."""
    icon = QIcon()
    for png in sorted(icons_dir().glob("*x*/anatomy-viewer.png")):
        icon.addFile(str(png))
    return icon


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("anatomy-viewer")
    app.setApplicationDisplayName("Lower-limb anatomy reference")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    return app


def run_window(bundle: Bundle, region: str = "", view: str = "", side: str = "") -> int:
    app = application()
    install_if_requested(app)
    window = MainWindow(bundle)
    window.open_at(region, view, side)
    window.show()
    QTimer.singleShot(0, window.show_problems)
    QTimer.singleShot(150, window.search.search_index)  # ready before the first keystroke
    QTimer.singleShot(200, window.details.prebuild_all)
    # The content and its index live as long as the app: keep the collector from
    # walking them again and again (a full collection was a 0.4 s pause at 100x content).
    QTimer.singleShot(250, gc.freeze)
    return app.exec()


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform cannot apply size hints and says so on every window.
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def screenshot(
    bundle: Bundle,
    out: Path,
    size: QSize,
    region: str = "",
    view: str = "",
    side: str | None = None,
) -> None:
    """Render the window as a user would see it, headless if there is no display."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_quiet_offscreen)
    app = application()
    window = MainWindow(bundle)
    window.resize(size)
    window.open_at(region, view, side or "")
    window.show()
    app.processEvents()
    pixmap = window.grab()
    window.close()
    if not pixmap.save(str(out), "PNG"):
        raise OSError(f"cannot write {out}")
