"""Every speed figure, with its budget, in one run, against a bare PySide6 window.

    ./dev bench [--runs 11] [--rounds 5] [--factor 100] [--events 5000] [--json out.json]

- start: process start to the first paint of the window, for the app (as a user
  starts it, no arguments, no saved settings, its cache warm), for
  bench/bare_window.py and for bench/floor_window.py (the app's kinds of widgets
  without its code: not a budget, the part of the start that is Qt's), interleaved;
  the window usable: the same, until a click on the drawing right after the first
  paint has its details repainted; the peak resident memory (VmHWM) at the first
  paint; the app reopened on a region, as a returning reader's settings have it
  (its page made before the first paint). Budgets 1.3x, 1.5x, 1.3x, 1.3x.
- first start after install: a wheel built now (with its prebuilt content cache),
  installed into a fresh venv, started with an empty user cache. Budget 1.6x.
- first start after an edit: the source tree with no cache (YAML and SVG parsed).
- clicks: in the window as the app starts it, a click on one region after another
  (every region of every view), each 40 ms after the one before, from the first
  moment, while the app still builds its pages and index, measured from when the
  click was due (a busy event loop delays it; the clicker itself is on time to the
  event loop's turn, not to glib's whole millisecond) to the details repainted; then,
  quiet, every region in turn (more regions than pages kept: each click makes
  its page) and a few regions again and again (pages kept). Budget p95 5 ms.
- keystroke: the whole search keystroke in the window (search, list, drawing,
  repaint) at 100x the content (bench/search_bench.py). Budget p95 16 ms.
- index: the longest the event loop is held while the 100x index is built
  (a 5 ms timer's late ticks). Budget 50 ms.
- memory: resident memory growth over 5,000 monkey events after a warm-up (as many
  events, then the pages kept filled), then over as many again, twice (what is
  bounded stops growing). Each figure is taken once the app has rested after the
  events (its idle trim run, viewer/ui/memory_trim.py); shown beside it, the growth
  right after the events and that of the memory the allocator has in use (glibc's
  mallinfo2), the top lines of a tracemalloc comparison of the Python heap, and
  what the bounded caches (pages kept, Qt's pixmap cache) hold at the end,
  measured by dropping them. Budget 5 MB.

- host: the same pure-Python loop timed at the start and the end of the run: this
  machine is a shared virtual machine, and a slower host shows there first.

Uses the X11 display in $DISPLAY, or starts Xvfb. Medians and p95 throughout.
"""

from __future__ import annotations

import argparse
import ctypes
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))
sys.path.insert(2, str(ROOT / "tests" / "ui"))

from xvfb import start_xvfb  # noqa: E402

CLICKER_EARLY_MS = 2  # the clicks right after start: woken this early, then on time

BUDGETS = {
    "start_ratio": 1.3,
    "install_ratio": 1.6,
    "usable_ratio": 1.5,
    "rss_ratio": 1.3,
    "click_p95_ms": 5.0,
    "keystroke_p95_ms": 16.0,
    "index_block_ms": 50.0,
    "growth_mb": 5.0,
}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "p95": percentile(values, 0.95), "n": len(values)}


# -- processes: start, first start after install, first start after an edit ----------------


def start_display() -> tuple[dict[str, str], subprocess.Popen[bytes] | None]:
    env = dict(os.environ)
    if env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "xcb"
        return env, None
    if not shutil.which("Xvfb"):
        raise SystemExit("bench: needs an X11 display or Xvfb (./dev bench installs it)")
    server, name = start_xvfb("1600x1000x24")
    env.update(DISPLAY=name, QT_QPA_PLATFORM="xcb")
    return env, server


def timed_start(
    command: list[str], env: dict[str, str], mode: str = "1", cwd: Path | None = None
) -> dict[str, float]:
    """Milliseconds from process start to each mark the app prints (viewer/ui/first_paint.py)."""
    env = {**env, "ANATOMY_VIEWER_EXIT_AFTER_PAINT": mode}
    started = time.monotonic()
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    marks: dict[str, float] = {}
    for line in result.stdout.splitlines():
        words = line.split()
        if words and words[0] in ("first-paint", "click-answered"):
            marks[words[0]] = (float(words[1]) - started) * 1000
            if words[0] == "first-paint" and len(words) > 2:
                marks["peak_rss_mb"] = int(words[2]) / 1024
    if "first-paint" not in marks or (mode == "click" and "click-answered" not in marks):
        raise RuntimeError(f"{command} did not report:\n{result.stderr[-2000:]}")
    return marks


def homes(env: dict[str, str], scratch: Path, name: str) -> dict[str, str]:
    """Fresh settings and notes homes: a first start, as a new user has it."""
    base = scratch / name
    return {
        **env,
        "XDG_CONFIG_HOME": str(base / "config"),
        "XDG_DATA_HOME": str(base / "data"),
        "XDG_CACHE_HOME": str(scratch / "cache"),  # shared: warm after the first run
    }


# Where a returning reader's window reopens in the "reopened" starts: a common region, whose
# page is made before the first paint (the first-start figure shows the welcome page).
REOPENED_ON = ("leg_anterior", "patella")


def reopened_homes(env: dict[str, str], scratch: Path, name: str) -> dict[str, str]:
    """Homes whose settings reopen the window on REOPENED_ON, as a returning reader's do
    (written by the app's own settings class, so its keys are the app's)."""
    from PySide6.QtCore import QSettings

    from viewer.ui.settings import AppSettings

    env = homes(env, scratch, name)
    ini = Path(env["XDG_CONFIG_HOME"]) / "anatomy-viewer" / "anatomy-viewer.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    view, region = REOPENED_ON
    AppSettings(settings).save_place("right", view, region)
    settings.sync()
    return env


def bench_start(env: dict[str, str], runs: int, scratch: Path) -> dict[str, Any]:
    app = [sys.executable, "-m", "viewer"]
    bare = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    floor = [sys.executable, str(ROOT / "bench" / "floor_window.py")]
    for index in range(2):  # warm the file cache and the content cache
        timed_start(app, homes(env, scratch, f"warm{index}"))
        timed_start(bare, homes(env, scratch, f"warm{index}"))
        timed_start(floor, homes(env, scratch, f"warm{index}"))
        timed_start(app, reopened_homes(env, scratch, f"warm-reopened{index}"))
    rows: dict[str, list[float]] = {
        "bare": [], "floor": [], "app": [], "usable": [], "reopened": [], "bare_rss": [], "rss": []
    }  # fmt: skip
    for run in range(runs):  # interleaved, so that all see the same machine load
        b = timed_start(bare, homes(env, scratch, f"b{run}"))
        rows["floor"].append(timed_start(floor, homes(env, scratch, f"f{run}"))["first-paint"])
        a = timed_start(app, homes(env, scratch, f"a{run}"))
        u = timed_start(app, homes(env, scratch, f"u{run}"), mode="click")
        r = timed_start(app, reopened_homes(env, scratch, f"r{run}"))
        rows["bare"].append(b["first-paint"])
        rows["app"].append(a["first-paint"])
        rows["usable"].append(u["click-answered"])
        rows["reopened"].append(r["first-paint"])
        rows["bare_rss"].append(b["peak_rss_mb"])
        rows["rss"].append(a["peak_rss_mb"])
    return {key: spread(values) for key, values in rows.items()}


def bench_first_start_after_install(env: dict[str, str], runs: int, scratch: Path) -> dict:
    from test_packaging import build_wheel, fresh_venv_with

    wheel = build_wheel(scratch / "dist")
    bin_dir = fresh_venv_with(wheel, scratch / "venv")
    clean = {k: v for k, v in env.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    app = [str(bin_dir / "anatomy-viewer")]
    bare = [str(bin_dir / "python"), str(ROOT / "bench" / "bare_window.py")]
    for index in range(2):
        timed_start(bare, homes(clean, scratch / "installed", f"warm{index}"))
    rows: dict[str, list[float]] = {"bare": [], "app": []}
    for run in range(runs):
        # An empty user cache each time: every run is a clinic's first start.
        fresh = {**homes(clean, scratch / "installed", f"r{run}")}
        fresh["XDG_CACHE_HOME"] = str(scratch / "installed" / f"cache{run}")
        rows["bare"].append(timed_start(bare, fresh)["first-paint"])
        rows["app"].append(timed_start(app, fresh)["first-paint"])
    return {key: spread(values) for key, values in rows.items()}


def bench_first_start_after_edit(env: dict[str, str], runs: int, scratch: Path) -> dict:
    app = [sys.executable, "-m", "viewer"]
    times = []
    for run in range(runs):
        fresh = homes(env, scratch, f"e{run}")
        fresh["XDG_CACHE_HOME"] = str(scratch / f"edit-cache{run}")
        times.append(timed_start(app, fresh)["first-paint"])
    return {"app": spread(times)}


# -- in the window: clicks, keystrokes, the index, memory -----------------------------------


def part_clicks(rounds: int) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from viewer.bundle_cache import load_bundle_cached
    from viewer.ui.app import start_window
    from viewer.ui.details_panel import MAX_PAGES

    app, window = start_window(load_bundle_cached())
    diagram = window.diagram
    targets = []
    for view in diagram.views():
        diagram.show_view(view)
        for region in window.bundle.shapes[view]:
            point = diagram.exposed_point(region)
            if point is not None:
                targets.append((view, region, diagram.mapFromScene(point)))
    diagram.show_view(diagram.views()[0])

    class Repainted(QObject):
        """When the window's paint pass that paints the details page after a click is
        over: the page's pixels are then handed to the window system.

        It watches that page's viewport and the window only: a filter on the whole
        application would take every event of every click through Python (and make
        PySide create a type for every kind of object it passed), slowing the clicks
        it measures. The window's pass is run inside the filter so that its end is
        seen; a timer after the paint would also count whatever other timer fell due
        with it (a step of the start, an idle step), which the reader does not wait for."""

        def __init__(self, window: QWidget) -> None:
            super().__init__()
            self.window = window
            self.watch: QObject | None = None
            self.painted = False
            self.in_pass = False
            self.done: Callable[[], None] = lambda: None
            window.installEventFilter(self)

        def watch_next_paint(self, widget: QObject) -> None:
            if self.watch is not None:
                self.watch.removeEventFilter(self)
            self.watch, self.painted = widget, False
            widget.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is self.watch and event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                if self.in_pass:
                    self.painted = True  # done when the pass is over
                else:  # painted on its own (a repaint()): done when the loop turns
                    self.watch = None
                    QTimer.singleShot(0, self.done)
            elif (
                watched is self.window
                and event.type() == QEvent.Type.UpdateRequest
                and self.watch is not None
                and not self.in_pass
            ):
                self.in_pass = True
                try:
                    self.window.event(event)  # the paint pass, here
                finally:
                    self.in_pass = False
                if self.painted:
                    self.watch, self.painted = None, False
                    self.done()
                return True
            return False

    repainted = Repainted(window)
    loop = QEventLoop()  # not app.exec(): quitting the app would close the window
    early: list[float] = []
    interval = 0.040
    state = {"next": 0, "due": 0.0}
    clicker = QTimer()
    clicker.setSingleShot(True)
    clicker.setTimerType(Qt.TimerType.PreciseTimer)
    # Qt's event dispatcher on X11 (glib's) sleeps in whole milliseconds: a timer started
    # before a paint woke up to 1 ms after its time, 0.8 ms at the median with a bare
    # window doing a click's work, a delay of the bench's clock, not of the app. A mouse
    # click wakes the loop at once. So the clicker wakes early and then looks at the clock
    # on every turn of the event loop, the app's work going on in between.
    on_time = QTimer()
    on_time.setInterval(0)

    def after(due: float) -> None:
        """The next click, due 40 ms after this one was made (a quick user), is late
        by however long the event loop was busy when it fell due."""
        state["due"] = due
        clicker.start(max(0, int((due - time.perf_counter()) * 1000) - CLICKER_EARLY_MS))

    def when_due() -> None:
        if time.perf_counter() >= state["due"]:
            on_time.stop()
            click_next()

    def click_next() -> None:
        if state["next"] >= len(targets):
            loop.quit()
            return
        due = state["due"]
        view, region, pos = targets[state["next"]]
        if diagram.current_view != view:
            diagram.show_view(view)  # a tab clicked: not a click on the drawing
            after(time.perf_counter() + interval)
            return
        state["next"] += 1
        QTest.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert window.details.region == region, (region, window.details.region)
        repainted.done = lambda: early.append((time.perf_counter() - due) * 1000)
        repainted.watch_next_paint(window.details.viewport())
        after(time.perf_counter() + interval)

    clicker.timeout.connect(on_time.start)
    on_time.timeout.connect(when_due)
    # From the first turn of the event loop on.
    QTimer.singleShot(0, lambda: after(time.perf_counter() + interval))
    loop.exec()

    while not window.details.prebuilt or not window.search.index_ready:
        app.processEvents()

    def start_over(view: str) -> None:
        """The view shown and nothing selected: the next click makes or shows a page."""
        diagram.show_view(view)
        window.selection.select("")
        app.processEvents()

    def timed_click(view: str, region: str, pos: Any) -> float:
        start_over(view)
        return clicked(region, pos)

    def clicked(region: str, pos: Any) -> float:
        """From the click to the details page painted, in ms."""
        painted: list[int] = []
        repainted.done = lambda: painted.append(1)
        started = time.perf_counter()
        QTest.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        repainted.watch_next_paint(window.details.viewport())
        while not painted:
            app.processEvents()
        assert window.details.region == region
        return (time.perf_counter() - started) * 1000

    # Every region in turn: more than the pages kept, so each click makes its page.
    made = [timed_click(*target) for _ in range(rounds) for target in targets]
    # A few regions, again and again, as a clinician goes back and forth: pages kept.
    recent = targets[: MAX_PAGES - 2]
    for target in recent:
        timed_click(*target)
    kept = [timed_click(*target) for _ in range(rounds) for target in recent]

    def pointed_click(view: str, region: str, pos: Any) -> float:
        """As a reader with a mouse clicks: the pointer comes to rest on the region
        first (0.15 s here), then the button is pressed."""
        start_over(view)
        aside = QPoint(pos.x() + 3, pos.y())
        QTest.mouseMove(diagram.viewport(), aside)
        QTest.mouseMove(diagram.viewport(), pos)
        resting = time.perf_counter() + 0.15
        while time.perf_counter() < resting:
            app.processEvents()
        return clicked(region, pos)

    # Every region in turn again, more than the pages kept: each page made or prepared.
    pointed = [pointed_click(*target) for _ in range(rounds) for target in targets]
    window.close()
    return {
        "regions": len(targets),
        "right_after_start": spread(early),
        "page_made": spread(made),
        "page_kept": spread(kept),
        "pointed": spread(pointed),
        "platform": app.platformName(),
    }


def part_keystroke(factor: int, rounds: int) -> dict[str, Any]:
    from search_bench import keystrokes, scaled_atlas

    from viewer.bundle import load_bundle
    from viewer.ui.app import application
    from viewer.ui.main_window import MainWindow

    app = application()
    shipped = load_bundle(with_outlines=True)
    big = scaled_atlas(shipped.atlas, factor)
    window = MainWindow(shipped._replace(atlas=big))
    window.resize(1400, 900)
    window.lay_out()
    window.show()
    while not window.started:  # what the first paint left, done: the window a reader types in
        app.processEvents()
    index = window.search.search_index()
    import gc

    gc.freeze()  # as the app does once its content is loaded
    field = window.search.field
    times: list[float] = []
    for _ in range(rounds):
        index._candidates.cache_clear()  # noqa: SLF001 - a cold cache each round
        index._token_owners.cache_clear()  # noqa: SLF001
        field.clear()
        app.processEvents()
        for text in keystrokes():
            started = time.perf_counter()
            field.setText(text)
            app.processEvents()  # the repaints the keystroke caused
            times.append((time.perf_counter() - started) * 1000)
    window.close()
    return {"regions": len(big.regions), "conditions": len(big.conditions), **spread(times)}


def part_index(factor: int) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from search_bench import scaled_atlas

    from viewer.bundle import load_bundle
    from viewer.ui.app import _IndexBuilder, application
    from viewer.ui.main_window import MainWindow

    app = application()
    shipped = load_bundle(with_outlines=True)
    window = MainWindow(shipped._replace(atlas=scaled_atlas(shipped.atlas, factor)))
    window.show()
    while not window.started:  # as the app does: the build is its last step after the paint
        app.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter()]
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(5)

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now
        if window.search.index_ready:
            ticker.stop()
            loop.quit()

    ticker.timeout.connect(tick)
    loop = QEventLoop()
    builder = _IndexBuilder(window)
    window.search.expect_index()
    started = time.perf_counter()
    builder.start(window)
    ticker.start()
    loop.exec()
    built = time.perf_counter() - started
    window.close()
    return {"build_s": built, "max_gap_ms": max(gaps), "p99_gap_ms": percentile(gaps, 0.99)}


def part_memory(events: int) -> dict[str, Any]:
    import gc
    import random
    import tracemalloc

    from PySide6.QtCore import QEvent, QEventLoop, QTimer
    from PySide6.QtGui import QPixmapCache
    from test_monkey import Monkey, close_popups, rss_mb

    from viewer.bundle_cache import load_bundle_cached
    from viewer.ui.app import start_window
    from viewer.ui.details_panel import MAX_PAGES
    from viewer.ui.memory_trim import glibc_malloc_trim

    app, window = start_window(load_bundle_cached())
    window.resize(1400, 900)
    monkey = Monkey(window, random.Random(20261204))
    popups = QTimer()
    popups.timeout.connect(close_popups)
    popups.start(20)

    def run(count: int) -> None:
        """count monkey events, one per turn of a running event loop: as in the app, where
        what is deleted later is deleted (a bare processEvents() loop never deletes it)."""
        loop = QEventLoop()
        left = [count]

        def step() -> None:
            if left[0] <= 0:
                ticker.stop()
                loop.quit()
                return
            left[0] -= 1
            monkey.step()

        ticker = QTimer()
        ticker.timeout.connect(step)
        ticker.start(0)
        loop.exec()

    run(events)  # warm-up: every view met, the bounded caches (pages, pixmaps) filled
    while not window.details.prebuilt:
        app.processEvents()
    # The pages kept filled: a text-size change in the monkey's stream empties them,
    # and their filling again is a bounded cache, not growth.
    for region in list(window.bundle.atlas.regions)[:MAX_PAGES]:
        window.selection.select(region)
        while not window.details.page().complete:
            app.processEvents()
    run(1)

    def settled() -> dict[str, float]:
        """RSS right after the events, then once the app has rested (its idle trim run,
        viewer/ui/memory_trim.py, as after any pause of a reader's), and the memory the
        allocator has handed out (glibc's mallinfo2: what is in use, free holes aside)."""
        gc.collect()
        at_once = rss_mb()
        loop = QEventLoop()
        waiter = QTimer()
        waiter.timeout.connect(lambda: window.memory_trim.pending or loop.quit())
        waiter.start(50)
        loop.exec()
        waiter.stop()
        return {"rss": rss_mb(), "at_once": at_once, "in_use": malloc_in_use_mb()}

    tracemalloc.start(10)
    marks = [settled()]
    before = tracemalloc.take_snapshot()
    for _window in range(3):  # as many again, twice: bounded caches stop growing, a leak not
        run(events)
        marks.append(settled())
    after = tracemalloc.take_snapshot()
    diff = after.compare_to(before, "filename")
    top = [
        f"{stat.size_diff / 1024:+.0f} KiB {stat.traceback.format()[-1].strip()}"
        for stat in diff[:5]
    ]
    # What the bounded caches hold: the laid-out pages kept and Qt's pixmap cache,
    # measured by dropping them (free memory handed back to the system first).
    trim = glibc_malloc_trim() or (lambda: None)  # the app's own, viewer/ui/memory_trim.py
    trim()
    settled_rss = rss_mb()
    window.details.refresh(content_changed=False)  # every laid-out page but the one shown
    QPixmapCache.clear()
    run(1)
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    trim()

    def growth(key: str) -> list[float]:
        return [later[key] - earlier[key] for earlier, later in itertools.pairwise(marks)]

    rss_growth = growth("rss")
    window.close()
    return {
        # The slope: what is bounded (pages kept, pixmaps) holds more or less at any
        # one moment, by up to 5 MB in either direction; one window's ends fall where
        # they fall, three windows' ends show whether the memory keeps rising.
        "growth_mb": (marks[-1]["rss"] - marks[0]["rss"]) / (len(marks) - 1),
        "window_growth_mb": rss_growth,
        "events": events,
        "at_once_growth_mb": growth("at_once"),
        "in_use_growth_mb": growth("in_use"),
        "trims": window.memory_trim.trims,
        "caches_mb": settled_rss - rss_mb(),
        "python_growth_mb": sum(stat.size_diff for stat in diff) / 2**20,
        "top": top,
        "rss_after_mb": marks[1]["rss"],
        "done": dict(monkey.done),
    }


def malloc_in_use_mb() -> float:
    """glibc's mallinfo2: the bytes handed out and not yet freed (NaN elsewhere)."""

    class MallInfo2(ctypes.Structure):
        _fields_ = [
            (name, ctypes.c_size_t)
            for name in (
                "arena",
                "ordblks",
                "smblks",
                "hblks",
                "hblkhd",
                "usmblks",
                "fsmblks",
                "uordblks",
                "fordblks",
                "keepcost",
            )  # fmt: skip
        ]

    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return float("nan")
    mallinfo2.restype = MallInfo2
    info = mallinfo2()
    return float(info.uordblks + info.hblkhd) / 2**20


PARTS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "clicks": lambda a: part_clicks(a.rounds),
    "keystroke": lambda a: part_keystroke(a.factor, 2),
    "index": lambda a: part_index(a.factor),
    "memory": lambda a: part_memory(a.events),
}


def run_part(name: str, args: argparse.Namespace, env: dict[str, str], scratch: Path) -> dict:
    """A part in a process of its own: one part's memory never weighs on another's figures."""
    out = scratch / f"{name}.json"
    command = [sys.executable, __file__, "--part", name, "--json", str(out)]
    command += ["--rounds", str(args.rounds), "--factor", str(args.factor)]
    command += ["--events", str(args.events)]
    fresh = homes(env, scratch, f"part-{name}")
    subprocess.run(command, env=fresh, cwd=ROOT, check=True, timeout=3600)
    result: dict[str, Any] = json.loads(out.read_text())
    return result


# -- the report ------------------------------------------------------------------------------


def reference_loop_ms() -> float:
    """The host's speed: the same pure-Python loop in every run (a busy or slower
    shared host shows here first)."""
    started = time.perf_counter()
    total = 0
    for number in range(3_000_000):
        total += number
    return (time.perf_counter() - started) * 1000


def verdict(value: float, budget: float) -> str:
    return "ok" if value <= budget else "OVER"


def report(results: dict[str, Any]) -> list[str]:
    lines = []
    s = results["start"]
    bare = s["bare"]["median"]

    def ratio_line(label: str, value: float, budget_key: str) -> None:
        budget = BUDGETS[budget_key]
        lines.append(
            f"{label:44s} {value:8.1f} ms  {value / bare:5.2f}x  (budget {budget}x) "
            f"{verdict(value / bare, budget)}"
        )

    lines.append(
        f"{'bare PySide6 window, first paint':44s} {bare:8.1f} ms  (p95 {s['bare']['p95']:.1f})"
    )
    if "floor" in s:
        value = s["floor"]["median"]
        lines.append(
            f"{'the same widgets, no app code (the floor)':44s} {value:8.1f} ms  "
            f"{value / bare:5.2f}x  (not a budget: Qt's own cost for the app's widget kinds)"
        )
    ratio_line("app, first paint (cache warm)", s["app"]["median"], "start_ratio")
    ratio_line("app, a click answered right after", s["usable"]["median"], "usable_ratio")
    if "reopened" in s:
        reopened = s["reopened"]["median"]
        ratio_line("app, reopened on a region (settings kept)", reopened, "start_ratio")
    if "install" in results:
        i = results["install"]
        value, base = i["app"]["median"], i["bare"]["median"]
        lines.append(
            f"{'first start after install (no user cache)':44s} {value:8.1f} ms  "
            f"{value / base:5.2f}x  (budget {BUDGETS['install_ratio']}x) "
            f"{verdict(value / base, BUDGETS['install_ratio'])}  [bare there {base:.1f} ms]"
        )
    if "edit" in results:
        value = results["edit"]["app"]["median"]
        lines.append(
            f"{'first start after an edit (no cache)':44s} {value:8.1f} ms  {value / bare:5.2f}x"
        )
    rss, bare_rss = s["rss"]["median"], s["bare_rss"]["median"]
    lines.append(
        f"{'peak RSS at first paint':44s} {rss:8.1f} MB  {rss / bare_rss:5.2f}x  "
        f"(budget {BUDGETS['rss_ratio']}x, bare {bare_rss:.1f} MB) "
        + verdict(rss / bare_rss, BUDGETS["rss_ratio"])
    )
    c = results["clicks"]
    for key, label in (("right_after_start", "click -> details, right after start"),
                       ("page_made", "click -> details, page made (every region)"),
                       ("page_kept", "click -> details, page kept (a few regions)"),
                       ("pointed", "click after the pointer rests (every region)")):  # fmt: skip
        if key not in c:
            continue
        row = c[key]
        lines.append(
            f"{label:44s} median {row['median']:5.2f} ms  p95 {row['p95']:5.2f} ms  "
            f"(budget p95 {BUDGETS['click_p95_ms']} ms, n={row['n']}) "
            f"{verdict(row['p95'], BUDGETS['click_p95_ms'])}"
        )
    k = results["keystroke"]
    lines.append(
        f"{'keystroke in the window at 100x content':44s} median {k['median']:5.2f} ms  "
        f"p95 {k['p95']:5.2f} ms  (budget p95 {BUDGETS['keystroke_p95_ms']} ms, "
        f"{k['regions']} regions) {verdict(k['p95'], BUDGETS['keystroke_p95_ms'])}"
    )
    x = results["index"]
    lines.append(
        f"{'100x index build: longest frame held':44s} {x['max_gap_ms']:8.1f} ms  "
        f"(p99 {x['p99_gap_ms']:.1f}; built in {x['build_s']:.1f} s off the event loop; "
        f"budget {BUDGETS['index_block_ms']} ms) "
        + verdict(x["max_gap_ms"], BUDGETS["index_block_ms"])
    )
    m = results["memory"]

    def mbs(values: list[float]) -> str:
        return ", ".join(f"{value:+.1f}" for value in values)

    if "window_growth_mb" in m:
        label = f"RSS growth per {m['events']:,} monkey events, rested"
        lines.append(
            f"{label:44s} {m['growth_mb']:+8.1f} MB  "
            f"(mean of three windows: {mbs(m['window_growth_mb'])} MB; "
            f"budget {BUDGETS['growth_mb']} MB) {verdict(m['growth_mb'], BUDGETS['growth_mb'])}"
        )
        lines.append(
            f"{'':44s} right after the events {mbs(m['at_once_growth_mb'])} MB; "
            f"allocator's memory in use {mbs(m['in_use_growth_mb'])} MB; "
            f"idle trims {m['trims']}"
        )
    lines.append(
        f"{'':44s} Python heap {m['python_growth_mb']:+.1f} MB; held by bounded caches "
        f"at the end {m.get('caches_mb', 0.0):.1f} MB"
    )
    lines += [f"    {line}" for line in m["top"]]
    if "host_loop_ms" in results:
        first, last = results["host_loop_ms"]
        lines.append(
            f"{'host: a pure-Python reference loop':44s} {first:8.1f} ms at the start, "
            f"{last:.1f} ms at the end (the same in every run: a slower host shows here)"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="starts of each kind (11)")
    parser.add_argument("--rounds", type=int, default=5, help="repeat click rounds (5)")
    parser.add_argument("--factor", type=int, default=100, help="content scale for search (100)")
    parser.add_argument("--events", type=int, default=5000, help="monkey events (5000)")
    parser.add_argument("--skip-install", action="store_true", help="no wheel, no fresh venv")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--part", choices=sorted(PARTS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        # PySide6 set up as the app's start sets it up (viewer/ui/__init__.py: its enums, its
        # support modules), before a part imports it: the window measured is the app's.
        import viewer.ui  # noqa: F401

        # A first start's settings and notes, also when a part is run by hand: the
        # user's saved zoom, text size or open pane would measure another window.
        with tempfile.TemporaryDirectory(prefix="anatomy-bench-home-") as scratch_home:
            os.environ["XDG_CONFIG_HOME"] = str(Path(scratch_home) / "config")
            os.environ["XDG_DATA_HOME"] = str(Path(scratch_home) / "data")
            result = PARTS[args.part](args)
        args.json.write_text(json.dumps(result))
        return 0
    # Measure the app as installed: byte-compiled, as pip does for a wheel.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "viewer")], check=True)
    env, server = start_display()
    results: dict[str, Any] = {"host_loop_ms": [reference_loop_ms()]}
    try:
        with tempfile.TemporaryDirectory(prefix="anatomy-bench-") as folder:
            scratch = Path(folder)
            print(f"platform {env['QT_QPA_PLATFORM']}, python {sys.version.split()[0]}, "
                  f"{os.cpu_count()} cpus, {args.runs} runs", flush=True)  # fmt: skip
            results["start"] = bench_start(env, args.runs, scratch)
            if not args.skip_install:
                results["install"] = bench_first_start_after_install(env, args.runs, scratch)
            results["edit"] = bench_first_start_after_edit(env, max(3, args.runs // 3), scratch)
            for name in ("clicks", "keystroke", "index", "memory"):
                results[name] = run_part(name, args, env, scratch)
    finally:
        if server is not None:
            server.terminate()
    results["host_loop_ms"].append(reference_loop_ms())
    lines = report(results)
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({"results": results, "report": lines}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
