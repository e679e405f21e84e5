"""What the app remembers between runs (QSettings), read and written in one place.

Values read back are checked: the settings file is the user's, and a damaged
or old value falls back to the default rather than failing.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

TEXT_SIZES = (8.0, 9.0, 10.0, 10.5, 11.0, 12.0, 13.0, 14.0, 16.0, 18.0, 20.0, 24.0)
DEFAULT_TEXT_SIZE = 10.5
MAX_TEXT = 500  # characters kept of a clinic setting


def user_settings() -> QSettings:
    """The user's settings file: on Linux $XDG_CONFIG_HOME/anatomy-viewer/anatomy-viewer.ini."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "anatomy-viewer", "anatomy-viewer"
    )


class AppSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or user_settings()

    # -- window --------------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"window/splitter_{name}")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def save_splitter(self, name: str, state: QByteArray) -> None:
        self._s.setValue(f"window/splitter_{name}", state)

    # -- where the reader was --------------------------------------------------------------

    def _text(self, key: str, default: str = "") -> str:
        value = self._s.value(key, default)
        return value[:MAX_TEXT] if isinstance(value, str) else default

    def side(self) -> str:
        value = self._text("reading/side", "right")
        return value if value in ("right", "left") else "right"

    def view(self) -> str:
        return self._text("reading/view")

    def region(self) -> str:
        return self._text("reading/region")

    def save_place(self, side: str, view: str, region: str) -> None:
        self._s.setValue("reading/side", side)
        self._s.setValue("reading/view", view)
        self._s.setValue("reading/region", region)

    def text_size(self) -> float:
        try:
            size = float(self._s.value("reading/text_size", DEFAULT_TEXT_SIZE))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return DEFAULT_TEXT_SIZE
        return min(TEXT_SIZES, key=lambda known: abs(known - size))

    def save_text_size(self, size: float) -> None:
        self._s.setValue("reading/text_size", size)

    def zoom(self, view: str) -> float:
        try:
            zoom = float(self._s.value(f"zoom/{view}", 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0
        return zoom if 1.0 <= zoom <= 8.0 else 1.0

    def save_zoom(self, view: str, zoom: float) -> None:
        self._s.setValue(f"zoom/{view}", zoom)

    # -- the clinic ----------------------------------------------------------------------

    def clinic_name(self) -> str:
        return self._text("clinic/name")

    def clinic_contact(self) -> str:
        return self._text("clinic/contact")

    def report_address(self) -> str:
        """Where content errors are to be sent (an email address or a note), if set."""
        return self._text("clinic/report_address")

    def save_clinic(self, name: str, contact: str, report_address: str) -> None:
        self._s.setValue("clinic/name", name[:MAX_TEXT])
        self._s.setValue("clinic/contact", contact[:MAX_TEXT])
        self._s.setValue("clinic/report_address", report_address[:MAX_TEXT])

    def sync(self) -> None:
        self._s.sync()
