"""Walk the real app's accessibility tree as a screen reader sees it (AT-SPI).

Run with the system's Python, which has pyatspi (Debian's python3-pyatspi),
inside a D-Bus session (dbus-run-session), on an X display:

    dbus-run-session -- /usr/bin/python3 tests/atspi_walk.py APP ARGS...

It starts the app, finds it on the accessibility bus, walks every node
(role, name, description), types a search with xdotool and walks the results,
then prints one JSON object and stops the app.
"""

import json
import os
import subprocess
import sys
import time

import pyatspi  # noqa: I001 - the system's package, not the project's
from xvfb import stop_process  # this folder is on the path of a script run from it


def find_app(timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            child = desktop.getChildAtIndex(index)
            if child is not None and (child.name or "") == "anatomy-viewer":
                return child
        time.sleep(0.3)
    return None


def walk(node, found, depth=0):
    if node is None or depth > 40 or len(found) > 5000:
        return
    try:
        found.append(
            {
                "role": node.getRoleName(),
                "name": node.name or "",
                "description": node.description or "",
                "depth": depth,
            }
        )
        count = min(node.childCount, 500)
    except Exception:  # noqa: BLE001 - a node that went away while walking
        return
    for index in range(count):
        try:
            child = node.getChildAtIndex(index)
        except Exception:  # noqa: BLE001
            continue
        walk(child, found, depth + 1)


def main():
    app = subprocess.Popen(
        sys.argv[1:], env={**os.environ, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    )
    try:
        node = find_app(40)
        if node is None:
            print(json.dumps({"error": "the app never appeared on the accessibility bus"}))
            return 1
        time.sleep(2.0)  # the window laid out and the region selected
        first = []
        walk(node, first)
        # No window manager runs on Xvfb: give the window the keyboard ourselves.
        subprocess.run(
            ["xdotool", "search", "--sync", "--name", "anatomy reference", "windowfocus", "--sync"],
            check=True,
            timeout=20,
        )
        subprocess.run(["xdotool", "key", "ctrl+f"], check=True, timeout=20)
        subprocess.run(
            ["xdotool", "type", "--delay", "40", "hot swollen knee"], check=True, timeout=30
        )
        time.sleep(1.5)
        second = []
        walk(node, second)
        print(json.dumps({"before": first, "after": second}))
        return 0
    finally:
        stop_process(app)


if __name__ == "__main__":
    sys.exit(main())
