"""Start the window, or render it to a PNG without showing it."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from viewer import collector
from viewer.bundle import Bundle
from viewer.bundle_cache import cache_dir
from viewer.content.model import Atlas
from viewer.locations import APP_NAME, notes_path
from viewer.paths import icons_dir
from viewer.ui.art_cache import ArtCache
from viewer.ui.first_paint import install_if_requested
from viewer.ui.main_window import MainWindow
from viewer.ui.settings import AppSettings

if TYPE_CHECKING:
    from viewer.notes.store import NotesStore

# The desktop entry's and AppStream's id (packaging/): desktops match windows to it.
APP_ID = "io.github.anatomyviewer.AnatomyViewer"


WINDOW_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128)


def application_icon() -> QIcon:
    """The window's icon at the sizes a title bar, task bar or switcher shows.

    Not the 256 and 512 px renderings (packaging/make_icons.py): on X11 every size
    given is decoded and sent to the window manager at start, 1.3 MB of pixels for
    those two; the desktop entry's installed icons serve the large sizes.
    """
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        png = icons_dir() / f"{size}x{size}" / "anatomy-viewer.png"
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon


def application(qt_args: Sequence[str] = ()) -> QApplication:
    """The app, given Qt's own command-line options (-style fusion, -platform ...)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Lower-limb anatomy reference")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    return app


def open_notes() -> tuple[NotesStore | None, str]:
    """The notes store, and what the user should be told about it ("" if nothing)."""
    from viewer.notes.store import NotesError, NotesStore  # sqlite3, 2 MB: after the first paint

    try:
        store = NotesStore.open(notes_path())
    except (OSError, NotesError) as error:
        return None, f"Notes cannot be saved: {error}"
    if store.set_aside is not None:
        return store, (
            f"The notes file could not be read; it was kept as {store.set_aside.name} "
            "and a new one started."
        )
    return store, ""


class _IndexBuilder(QObject):
    """Builds the search index on a thread: a large one never blocks a frame.

    The builder holds the interpreter lock while it works, and the window waits
    for it each time it runs Python (a paint, a click): up to the switch interval,
    5 ms by default, each time. While building, the interval is 0.5 ms and the
    cyclic garbage collector is off.
    """

    ready = Signal(object)
    SWITCH_INTERVAL = 0.0005
    started = False

    def start(self, window: MainWindow) -> None:
        """Start the build, once (later calls do nothing)."""
        if self.started:
            return
        self.started = True
        atlas = window.bundle.atlas
        self.ready.connect(window.search.set_index)
        thread = threading.Thread(target=self._build, args=(atlas,), name="search-index")
        thread.daemon = True
        self._usual_interval = sys.getswitchinterval()
        sys.setswitchinterval(self.SWITCH_INTERVAL)
        thread.start()

    def _build(self, atlas: Atlas) -> None:
        # The build makes millions of objects: the collector would walk them (and the
        # window's) again and again, each pass holding the lock: 0.55 s at 100x content.
        # The index lives as long as the app: once built, it is frozen, never walked again.
        collector.hold("search index")
        try:
            from viewer.content.search import SearchIndex  # its import too, off the event loop

            index = SearchIndex(atlas)
        finally:
            collector.release("search index")
            sys.setswitchinterval(self._usual_interval)
        self.ready.emit(index)


class _NotesOpener(QObject):
    """Opens the notes store on a thread: the file's checks (quick_check reads the whole
    database), and its syncs when it is made, keep the event loop waiting otherwise (4.5
    to 8 ms here, 35.8 ms once for a new file), and a slow or network home folder would
    stall the window. The store is handed to the window's thread, which alone uses it.

    Its module (sqlite3's import, 3.3 ms) is imported on the window's thread first: an
    import on the thread would hold the interpreter lock against the reader's clicks,
    up to 5 ms at a time."""

    opened = Signal(object, str)  # NotesStore | None, what the user should be told

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # goes with the window
        self._window = window
        self.opened.connect(self._attach)  # emitted on the thread: delivered on this one

    def start(self) -> None:
        if not self._window.isVisible():  # a window closed before it painted
            return
        from viewer.notes import store  # noqa: F401 - on this thread, before the thread's use

        threading.Thread(target=self._open, name="notes", daemon=True).start()

    def _open(self) -> None:
        try:
            store, notice = open_notes()
        except Exception as error:  # noqa: BLE001 - the window must hear, whatever it was
            store, notice = None, f"Notes cannot be saved: {error}"
        try:
            self.opened.emit(store, notice)
        except RuntimeError:  # the window, and this object with it, deleted meanwhile
            if store is not None:
                store.close()

    def _attach(self, store: NotesStore | None, notice: str) -> None:
        if self._window.isVisible():
            self._window.attach_notes(store, notice)
        elif store is not None:
            store.close()  # the window closed while the store opened


def start_window(
    bundle: Bundle,
    region: str = "",
    view: str = "",
    side: str = "",
    qt_args: Sequence[str] = (),
) -> tuple[QApplication, MainWindow]:
    """The app and its window, shown as the user left it (what the caller asks wins).
    The notes store is opened once the window has painted (window.notes then)."""
    app = application(qt_args)
    window = MainWindow(bundle, notes_opening=True, art_cache=ArtCache(cache_dir() / "art"))
    window.after_first_paint(_NotesOpener(window).start)
    install_if_requested(app, window)  # after: its report comes before the notes open
    window.restore(region, view, side)
    window.show()
    QTimer.singleShot(0, window.show_problems)
    # From the first paint on, in idle steps of 1 to 3 ms that give way to a click: the
    # pages of the view shown made ready, hidden, so that a click on one only shows it,
    # then every region's HTML. After the start's steps (QUIET_MS later), a quick
    # reader's first clicks each made its page (6 to 10 ms).
    window.right_after_first_paint(window.details.prebuild_all)
    window.right_after_first_paint(window.make_views_ready)
    # The index is built once that is done and the reader has paused, or at once if a
    # query is typed first. Its thread holds the interpreter lock, and while it builds
    # (90 ms for the shipped content, rapidfuzz's import half of it) every click runs at
    # half speed and waits for the lock each time it enters Python: a click right after
    # start took 10 to 20 ms more. Left alone, the window has it 0.4 s after it shows.
    builder = _IndexBuilder(window)
    window.search.expect_index()  # a query typed before it is ready waits for it

    def build_index() -> None:
        if not window.details.making_pages_ready:  # made ready again: prebuild_done comes again
            builder.start(window)

    window.details.prebuild_done.connect(lambda: window.when_quiet(build_index))
    window.search.index_wanted.connect(lambda: builder.start(window))
    # The content and its index live as long as the app: keep the collector from
    # walking them again and again (a full collection was a 0.4 s pause at 100x content).
    # A start from the command line held it off from the first (viewer/cli.py).
    QTimer.singleShot(250, lambda: collector.release("start"))
    return app, window


def run_window(
    bundle: Bundle,
    region: str = "",
    view: str = "",
    side: str = "",
    qt_args: Sequence[str] = (),
) -> int:
    app, window = start_window(bundle, region, view, side, qt_args)
    code = app.exec()
    if window.notes is not None:
        window.notes.close()
    return code


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform cannot apply size hints and says so on every window.
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


@contextmanager
def staged_window(
    bundle: Bundle, size: QSize, region: str, view: str, side: str
) -> Iterator[MainWindow]:
    """The window as a screenshot shows it: at this size, on this region, its page
    complete. The user's settings and notes are neither read nor written."""
    with tempfile.TemporaryDirectory() as scratch:
        ini = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(bundle, AppSettings(ini))
        window.resize(size)
        window.lay_out()
        window.open_at(region, view, side)
        window.show()
        window.finish_start()  # the arrows and scroll bars a first paint leaves for later
        window.details.page().finish()  # the whole page, not only its top as a click shows it
        QApplication.processEvents()
        try:
            yield window
        finally:
            window.close()


def screenshot(
    bundle: Bundle,
    out: Path,
    size: QSize,
    region: str = "",
    view: str = "",
    side: str | None = None,
    qt_args: Sequence[str] = (),
) -> None:
    """Render the window as a user would see it, headless if there is no display.

    The user's settings and notes are neither read nor written: a screenshot
    shows what was asked, at the size asked.
    """
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_quiet_offscreen)
    application(qt_args)
    with staged_window(bundle, size, region, view, side or "right") as window:
        pixmap = window.grab()
    if not pixmap.save(str(out), "PNG"):
        raise OSError(f"cannot write {out}")
