"""Where the app keeps the user's things: QStandardPaths, so each platform's place.

Notes live in the app data folder (on Linux $XDG_DATA_HOME/anatomy-viewer, by
default ~/.local/share/anatomy-viewer), never inside a content directory.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "anatomy-viewer"


def data_dir() -> Path:
    # Named here, not on import: PySide makes QStandardPaths' type and enums (0.6 ms)
    # when it is first named, and the window needs it only after its first paint.
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    # Static setters: works before (and without) a QApplication, as the CLI needs.
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / f".{APP_NAME}"


def notes_path() -> Path:
    return data_dir() / "notes.sqlite3"
