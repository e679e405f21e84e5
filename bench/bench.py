"""Benchmarks, in one run, against a bare PySide6 window started the same way.

    .venv/bin/python bench/bench.py [--runs 15]

- cold start: process start -> first window painted, for the app (the real
  `python -m viewer` entry) and for bench/bare_window.py; medians and ratio.
- click -> details shown: a mouse click through the diagram's viewport on
  every region of every view, until the details panel has repainted; first
  click on each region (nothing cached) and repeat clicks; median and p95.

Uses the X11 display in $DISPLAY, or starts Xvfb if it is installed, else
falls back to Qt's offscreen platform (printed in the header).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from xvfb import start_xvfb  # noqa: E402


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def start_display() -> tuple[dict[str, str], subprocess.Popen[bytes] | None]:
    env = dict(os.environ)
    if env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "xcb"
        return env, None
    if shutil.which("Xvfb"):
        server, name = start_xvfb("1600x1000x24")
        env.update(DISPLAY=name, QT_QPA_PLATFORM="xcb")
        return env, server
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env, None


def cold_start(command: list[str], env: dict[str, str]) -> float:
    env = {**env, "ANATOMY_VIEWER_EXIT_AFTER_PAINT": "1"}
    started = time.monotonic()
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"{command} never painted:\n{result.stderr[-2000:]}")


def bench_cold_start(env: dict[str, str], runs: int) -> None:
    app = [sys.executable, "-m", "viewer"]
    bare = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    for _ in range(2):  # warm the file cache; we measure process start, not disk
        cold_start(app, env)
        cold_start(bare, env)
    app_times, bare_times = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        bare_times.append(cold_start(bare, env))
        app_times.append(cold_start(app, env))
    app_median = statistics.median(app_times) * 1000
    bare_median = statistics.median(bare_times) * 1000
    print(f"cold start, bare PySide6 window : median {bare_median:7.1f} ms  ({runs} runs)")
    print(f"cold start, anatomy-viewer      : median {app_median:7.1f} ms  ({runs} runs)")
    print(f"ratio app / bare                : {app_median / bare_median:.2f}x  (budget 1.5x)")
    # The first start after content or drawings change parses YAML and SVG again.
    uncached = []
    for _ in range(max(3, runs // 3)):
        with tempfile.TemporaryDirectory() as cache:
            uncached.append(cold_start(app, {**env, "XDG_CACHE_HOME": cache}))
    print(
        f"cold start, first after an edit : median {statistics.median(uncached) * 1000:7.1f} ms"
        f"  (no cache; {len(uncached)} runs)"
    )


def bench_clicks(env: dict[str, str], rounds: int) -> None:
    os.environ.update({k: env[k] for k in ("DISPLAY", "QT_QPA_PLATFORM") if k in env})
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest

    from viewer.bundle_cache import load_bundle_cached
    from viewer.ui.app import application
    from viewer.ui.main_window import MainWindow

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    app = application()
    window = MainWindow(load_bundle_cached())
    window.resize(1400, 900)
    window.lay_out()  # as a first start: the rules-and-notes pane folded
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.details.prebuild_all()  # what the app does once it has started
    while not window.details.prebuilt:
        app.processEvents()
    diagram = window.diagram
    targets = []
    for view in diagram.views():
        diagram.show_view(view)
        app.processEvents()
        for region in window.bundle.shapes[view]:
            point = diagram.exposed_point(region)
            if point is not None:
                targets.append((view, region, diagram.mapFromScene(point)))

    painted = PaintCounter()
    window.details.viewport().installEventFilter(painted)
    first: list[float] = []
    repeat: list[float] = []
    for round_number in range(rounds):
        for view, region, pos in targets:
            diagram.show_view(view)
            window.selection.select("")
            app.processEvents()
            painted.count = 0
            started = time.perf_counter()
            QTest.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)
            # Deliver what the click scheduled, as the event loop would: the repaints.
            app.processEvents()
            elapsed = (time.perf_counter() - started) * 1000
            assert window.details.region == region, (region, window.details.region)
            assert painted.count > 0, "the details panel did not repaint"
            (first if round_number == 0 else repeat).append(elapsed)
    every = first + repeat
    print(f"click -> details, {len(targets)} regions x {rounds} rounds ({app.platformName()}):")
    print(
        f"  first click per region : median {statistics.median(first):5.2f} ms, "
        f"p95 {percentile(first, 0.95):5.2f} ms"
    )
    print(
        f"  all clicks             : median {statistics.median(every):5.2f} ms, "
        f"p95 {percentile(every, 0.95):5.2f} ms  (budget 16 ms)"
    )
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold starts of each kind")
    parser.add_argument("--rounds", type=int, default=10, help="click rounds over all regions")
    parser.add_argument(
        "--offscreen", action="store_true", help="use Qt's offscreen platform, not X11"
    )
    args = parser.parse_args()
    # Measure the app as installed: byte-compiled, as pip does for a wheel.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "viewer")], check=True)
    if args.offscreen:
        env, server = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}, None
    else:
        env, server = start_display()
    try:
        print(
            f"platform: {env['QT_QPA_PLATFORM']}  python {sys.version.split()[0]}  "
            f"cpus {os.cpu_count()}"
        )
        bench_cold_start(env, args.runs)
        bench_clicks(env, args.rounds)
    finally:
        if server is not None:
            server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
