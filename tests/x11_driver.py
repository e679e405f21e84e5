"""Runs the real main window on a real X11 display and reports what a tester needs.

Prints one JSON line when the window is up (where the patella and the details
panel are on the screen), then one line per selection change.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer

from viewer.bundle_cache import load_bundle_cached
from viewer.ui.app import start_window


def main() -> int:
    app, window = start_window(load_bundle_cached())  # as the app starts

    def say(**fields: object) -> None:
        print(json.dumps(fields), flush=True)

    def ready() -> None:
        view = window.diagram
        point = view.mapFromScene(view.exposed_point("patella"))
        screen = view.viewport().mapToGlobal(point)
        details = window.details.viewport()
        top_left = details.mapToGlobal(details.rect().topLeft())
        frame, free = window.frameGeometry(), window.screen().availableGeometry()
        say(
            ready=True,
            platform=app.platformName(),
            patella=[screen.x(), screen.y()],
            details=[top_left.x(), top_left.y(), details.width(), details.height()],
            window=[frame.x(), frame.y(), frame.width(), frame.height()],
            screen=[free.x(), free.y(), free.width(), free.height()],
        )

    window.diagram.region_hovered.connect(
        lambda region, _beneath: say(hovered=region, label=window.hover_status.text())
    )
    window.selection.region_selected.connect(
        lambda region: say(selected=region, heading=window.details.toPlainText().splitlines()[0])
    )
    QTimer.singleShot(800, ready)
    QTimer.singleShot(60_000, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
