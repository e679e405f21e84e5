"""What a screen reader announces: the real app's AT-SPI tree under Xvfb.

Every control, every result row and the selected region must be announced
with a name and a role. Needs Xvfb, xdotool, D-Bus, at-spi2-core and the
system's python3-pyatspi (./dev test installs them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO
from xvfb import start_xvfb

pytestmark = pytest.mark.x11
SYSTEM_PYTHON = "/usr/bin/python3"
NAMED_ROLES = {"push button", "check box", "page tab", "text", "combo box", "tree", "menu item",
               "list item", "table cell", "menu", "page tab list", "radio button"}  # fmt: skip


def _has_pyatspi() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    probe = [SYSTEM_PYTHON, "-c", "import pyatspi"]
    return subprocess.run(probe, capture_output=True, check=False, timeout=60).returncode == 0


@pytest.fixture
def display() -> Iterator[str]:
    missing = [t for t in ("Xvfb", "xdotool", "dbus-run-session") if shutil.which(t) is None]
    if missing or not _has_pyatspi():
        message = f"missing {', '.join(missing) or 'python3-pyatspi'} (./dev test installs it)"
        if os.environ.get("ANATOMY_VIEWER_REQUIRE_X11") == "1":
            pytest.fail(message)
        pytest.skip(message)
    server, name = start_xvfb("1366x768x24")
    try:
        yield name
    finally:
        server.terminate()
        server.wait(10)


def test_every_control_and_result_row_is_announced(display: str, tmp_path: Path) -> None:
    env = {
        **os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
    }  # fmt: skip
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    done = subprocess.run(
        ["dbus-run-session", "--", SYSTEM_PYTHON, str(REPO / "tests" / "atspi_walk.py"),
         sys.executable, "-m", "viewer", "--region", "patella"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=180, check=False,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout[-2000:] + done.stderr[-2000:]
    tree = json.loads(lines[-1])
    assert "error" not in tree, tree
    before, after = tree["before"], tree["after"]

    unnamed = [n for n in before if n["role"] in NAMED_ROLES and not n["name"].strip()]
    assert unnamed == [], unnamed[:10]
    roles = {(n["role"], n["name"]) for n in before}
    for expected in [
        ("menu item", "File"), ("menu item", "Help"), ("push button", "Back"),
        ("check box", "Show the left limb"), ("tree", "Regions"), ("label", "Region details"),
        ("text", "Search regions, conditions, symptoms and your notes"),
    ]:  # fmt: skip
        assert expected in roles, expected
    frame = next(n for n in before if n["role"] == "frame")
    assert frame["name"].startswith("Patella")
    drawing = next(n for n in before if n["name"] == "Anatomy drawing")
    assert "Selected: Patella" in drawing["description"]
    assert any(n["name"] == "Patella, high-risk site" for n in before)  # not "Patella ⚠"

    results = [n for n in after if n["role"] == "list item" and "\n" in n["name"]]
    assert results, "the search results are announced"
    assert any("Septic arthritis" in n["name"] for n in results)
    assert all(n["name"].strip() for n in results)
