"""The real app in a real X11 window (Xvfb), clicked with a real mouse (xdotool)."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from conftest import REPO
from xvfb import start_xvfb, stop_process

pytestmark = pytest.mark.x11
TOOLS = ("Xvfb", "xdotool", "import")


def _required() -> bool:
    return os.environ.get("ANATOMY_VIEWER_REQUIRE_X11") == "1"


@pytest.fixture
def display() -> Iterator[str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"missing {', '.join(missing)} (./dev test installs them)"
        if _required():
            pytest.fail(message)
        pytest.skip(message)
    try:
        server, name = start_xvfb("1366x768x24")  # the commonest clinic laptop screen
    except RuntimeError as error:
        pytest.fail(str(error))
    try:
        yield name
    finally:
        server.terminate()
        server.wait(10)


class Reports:
    """The app's JSON lines, read on a thread: select() cannot see lines that
    are already sitting in the pipe reader's buffer."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._lines: queue.Queue[str | None] = queue.Queue()
        assert process.stdout is not None
        stream = process.stdout
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._lines.put(line)
        self._lines.put(None)  # the app closed its output: it has exited

    def next(self, timeout: float) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                raise AssertionError("the app exited before reporting (its stderr follows)")
            if line.startswith("{"):
                return json.loads(line)  # type: ignore[no-any-return]
        raise AssertionError(f"no report from the app within {timeout}s")


def _grab(display: str, out: Path, box: list[int]) -> bytes:
    x, y, width, height = box
    subprocess.run(
        [
            "import",
            "-display",
            display,
            "-window",
            "root",
            "-crop",
            f"{width}x{height}+{x}+{y}",
            "+repage",
            f"rgb:{out}",
        ],
        check=True,
        timeout=30,
        capture_output=True,
    )
    return out.read_bytes()


def test_real_click_on_the_patella_shows_its_details(display: str, tmp_path: Path) -> None:
    # A first start (no settings yet) on a 1366x768 screen, as a clinic laptop has.
    env = {
        **os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
    }  # fmt: skip
    with subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "x11_driver.py")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    ) as app:
        _click_patella(app, display, env, tmp_path)


def _click_patella(
    app: subprocess.Popen[str], display: str, env: dict[str, str], tmp_path: Path
) -> None:
    reports = Reports(app)
    try:
        ready = reports.next(30)
        assert ready["platform"] == "xcb"
        x0, y0, width, height = ready["window"]  # type: ignore[misc]
        sx, sy, screen_width, screen_height = ready["screen"]  # type: ignore[misc]
        assert (screen_width, screen_height) == (1366, 768)
        # The first start fits the screen: at most 90% of it, wholly on it.
        assert width <= screen_width, ready
        assert height <= screen_height, ready
        assert sx <= x0, ready
        assert sy <= y0, ready
        assert x0 + width <= sx + screen_width, ready
        assert y0 + height <= sy + screen_height, ready
        x, y = ready["patella"]  # type: ignore[misc]
        box = ready["details"]
        assert isinstance(box, list)
        before = _grab(display, tmp_path / "before.rgb", box)

        move = ["xdotool", "mousemove", "--sync", str(x), str(y)]
        subprocess.run(move, env=env, check=True, timeout=20)
        hover = reports.next(20)
        assert hover["hovered"] == "patella"
        assert "Patella" in str(hover["label"])

        # The pointer is already there (a second --sync move would wait for motion).
        subprocess.run(["xdotool", "click", "1"], env=env, check=True, timeout=20)
        report = reports.next(20)
        assert report["selected"] == "patella"
        assert str(report["heading"]).startswith("Patella")

        time.sleep(0.5)
        after = _grab(display, tmp_path / "after.rgb", box)
        changed = sum(1 for a, b in zip(before, after, strict=True) if a != b)
        assert changed > len(before) * 0.01, "the details panel did not visibly change"
    finally:
        stop_process(app)
        if app.returncode not in (0, -15, None) and app.stderr is not None:
            print(app.stderr.read())
