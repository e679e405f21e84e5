"""What keeps the window fast, held by tests that do not time anything.

bench/bench.py measures; these check the mechanisms the figures rest on:
the search index is built off the event loop; a page shown again is not laid
out again; a page not built yet shows its top at once and the rest while idle;
the folded rules pane is not rebuilt on a click; a page shown is painted once; a
browser let go is emptied while idle and takes the next page without a new document.
"""

from __future__ import annotations

import threading

import pytest
from pointer import hover
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest

import viewer.content.search as search_module
from viewer.bundle import Bundle
from viewer.ui.app import start_window


def test_the_search_index_is_built_off_the_event_loop(qtbot, bundle: Bundle, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    built_on: list[threading.Thread] = []
    original = search_module.SearchIndex.__init__

    def recording_init(self, atlas) -> None:  # type: ignore[no-untyped-def]
        built_on.append(threading.current_thread())
        original(self, atlas)

    monkeypatch.setattr(search_module.SearchIndex, "__init__", recording_init)
    _app, window = start_window(bundle)
    qtbot.addWidget(window)
    window.search.field.setText("kneecap")  # typed before the index is ready
    if not window.search.index_ready:
        assert window.search.results.item(0).text() == "Preparing the search…"
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=10_000)
    assert built_on
    assert all(thread is not threading.main_thread() for thread in built_on)
    assert window.search.groups, "the query typed early is answered when the index comes"
    qtbot.waitUntil(lambda: window.notes is not None, timeout=5000)
    window.close()
    window.notes.close()


def test_the_index_is_built_once_the_pages_are_ready(qtbot, bundle: Bundle, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Its thread shares the interpreter lock with every click: not while the pages
    a click needs are still being made after start."""
    from viewer.ui import app as app_module

    pages_ready_at_start: list[bool] = []
    original = app_module._IndexBuilder.start  # noqa: SLF001

    def recording_start(self, window) -> None:  # type: ignore[no-untyped-def]
        if not self.started:
            pages_ready_at_start.append(not window.details.making_pages_ready)
        original(self, window)

    monkeypatch.setattr(app_module._IndexBuilder, "start", recording_start)  # noqa: SLF001
    _app, window = start_window(bundle)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=10_000)
    assert pages_ready_at_start == [True]
    qtbot.waitUntil(lambda: window.notes is not None, timeout=5000)
    window.close()
    window.notes.close()


def test_the_index_waits_while_the_reader_clicks(qtbot, bundle: Bundle, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Built while the reader clicks on, its thread would slow every click."""
    import time

    from viewer.ui import app as app_module
    from viewer.ui import main_window

    quiet_ms = 1000  # not 100: a slow host's stall between two clicks is no pause
    monkeypatch.setattr(main_window, "QUIET_MS", quiet_ms)
    started_at: list[float] = []
    original = app_module._IndexBuilder.start  # noqa: SLF001

    def recording_start(self, window) -> None:  # type: ignore[no-untyped-def]
        if not self.started:
            started_at.append(time.perf_counter())
        original(self, window)

    monkeypatch.setattr(app_module._IndexBuilder, "start", recording_start)  # noqa: SLF001
    _app, window = start_window(bundle)
    qtbot.addWidget(window)
    pages_ready: list[bool] = []
    window.details.prebuild_done.connect(lambda: pages_ready.append(True))
    regions = list(window.bundle.atlas.regions)
    clicking_until = time.perf_counter() + 1.5  # long enough for every page to be made
    index = 0
    while time.perf_counter() < clicking_until:
        window.selection.select(regions[index % len(regions)])
        last_click = time.perf_counter()
        index += 1
        qtbot.wait(100)
    assert pages_ready, "the pages were not made ready while the reader clicked"
    assert started_at == [], "the index was built while the reader clicked"
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=10_000)
    assert started_at[0] - last_click >= quiet_ms / 1000
    qtbot.waitUntil(lambda: window.notes is not None, timeout=5000)
    window.close()
    window.notes.close()


def test_a_page_shown_again_is_not_laid_out_again(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.selection.select("patella")
    page = window.details.page()
    qtbot.waitUntil(lambda: page.complete)
    window.selection.select("fibular_head")
    qtbot.waitUntil(lambda: window.details.page().complete)
    layouts: list[object] = []
    page.document().documentLayout().documentSizeChanged.connect(layouts.append)
    window.selection.select("patella")
    qtbot.wait(50)  # any lazy layout Qt would start runs on timers: let them run
    assert window.details.page() is page
    assert layouts == []


def test_a_new_page_shows_its_top_at_once_and_the_rest_while_idle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.selection.select("lateral_malleolus")
    page = window.details.page()
    assert not page.complete, "the whole page was built inside the click"
    assert page.toPlainText().startswith("Lateral malleolus")
    assert "Red flags" in page.toPlainText()  # the at-a-glance block is in the top
    qtbot.waitUntil(lambda: page.complete)
    text = page.toPlainText()
    for link in window.bundle.atlas.regions["lateral_malleolus"].conditions:
        assert window.bundle.atlas.conditions[link.condition].name in text


def test_the_folded_rules_pane_is_not_rebuilt_on_a_click(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.lay_out()
    window.diagram.show_view("leg_anterior")
    point = window.diagram.mapFromScene(window.diagram.exposed_point("patella"))
    qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.details.region == "patella"
    assert window.rules.region == ""  # left alone while folded
    window.open_tools()
    assert window.rules.region == "patella"


def test_a_page_shown_again_is_painted_once(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Qt posts a second repaint for every widget it shows; the panel takes it back."""
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    window.show()
    qtbot.waitExposed(window)
    window.selection.select("patella")
    page = window.details.page()
    qtbot.waitUntil(lambda: page.complete)
    window.selection.select("fibular_head")
    qtbot.waitUntil(lambda: window.details.page().complete)
    qtbot.wait(50)
    counter = PaintCounter()
    page.viewport().installEventFilter(counter)
    window.selection.select("patella")
    assert window.details.page() is page
    qtbot.wait(100)  # every posted repaint delivered
    page.viewport().removeEventFilter(counter)
    assert counter.count == 1


def test_the_panel_draws_the_frame_and_a_page_shown_covers_its_inside(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Nothing behind a page is painted when it is shown: not the window, not a frame.
    While its scroll bar is not drawn (a page still growing), the bar's place is filled,
    not left with the last page's bar."""
    from PySide6.QtWidgets import QFrame

    panel = window.details
    assert panel.frameShape() == QFrame.Shape.StyledPanel
    assert panel.frameWidth() > 0
    window.selection.select("patella")
    first = panel.page()
    qtbot.waitUntil(lambda: first.complete, timeout=5000)
    assert first.frameShape() == QFrame.Shape.NoFrame
    assert first.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    assert first.geometry() == panel.contentsRect()
    bar = first.verticalScrollBar()
    place = QPoint(bar.width() // 2, bar.height() // 2)
    corner = bar.mapTo(window, QPoint(0, 0))
    qtbot.wait(50)
    drawn = window.grab().toImage()  # the window's pixels as painted, bar and all
    colours = {drawn.pixel(corner.x() + place.x(), corner.y() + y) for y in range(bar.height())}
    assert len(colours) > 1, "the complete page's bar is drawn"

    panel.stop()  # the next page stays as it is shown: its top, still growing
    window.selection.select("calcaneus")
    second = panel.page()
    assert second is not first
    assert not second.complete
    assert not second.verticalScrollBar().updatesEnabled()
    assert second.geometry() == panel.contentsRect()
    qtbot.wait(50)
    screen = window.screen().grabWindow(window.winId()).toImage()  # what is on the screen
    if screen.isNull():
        pytest.skip("this platform cannot read back the window's pixels")
    ratio = screen.width() / window.width()
    colours = {
        screen.pixel(int((corner.x() + place.x()) * ratio), int((corner.y() + y) * ratio))
        for y in range(bar.height())
    }
    assert len(colours) == 1, "the last page's bar shows where this page's is not drawn yet"


def test_the_title_names_the_region_once_its_page_has_painted(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Not in the click: setting it sends the window system its properties."""
    from viewer.ui.main_window import TITLE

    window.selection.select("patella")
    assert window.windowTitle() == TITLE, "the title was set inside the click"
    qtbot.waitUntil(lambda: window.windowTitle() == f"Patella (right): {TITLE}")
    window.side.set_side("left")
    qtbot.waitUntil(lambda: window.windowTitle() == f"Patella (left): {TITLE}")
    window.selection.select("")
    qtbot.waitUntil(lambda: window.windowTitle() == TITLE)


def test_a_screenshot_shows_the_whole_page(bundle: Bundle, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A click shows a new page's top first; a screenshot waits for the rest."""
    from PySide6.QtCore import QSize

    import viewer.ui.app as app_module

    complete_at_grab: list[bool] = []
    original_grab = app_module.MainWindow.grab

    def recording_grab(self, *args):  # type: ignore[no-untyped-def]
        complete_at_grab.append(self.details.page().complete)
        return original_grab(self, *args)

    monkeypatch.setattr(app_module.MainWindow, "grab", recording_grab)
    out = tmp_path / "patella.png"
    app_module.screenshot(bundle, out, QSize(1000, 700), region="patella")
    assert out.stat().st_size > 10_000
    assert complete_at_grab == [True]


def test_a_spare_browser_takes_a_page_without_a_new_document(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from viewer.ui.details_panel import MAX_PAGES

    regions = list(window.bundle.atlas.regions)[: MAX_PAGES + 2]
    for region in regions:  # more than the pages kept: browsers are let go
        window.selection.select(region)
    qtbot.waitUntil(lambda: window.details.prebuilt, timeout=10_000)
    spares = window.details._spare  # noqa: SLF001
    assert spares
    assert all(page.is_blank for page in spares), "emptied while idle"
    reused = spares[-1]
    documents: list[object] = []
    reused.document().contentsChanged.connect(lambda: documents.append(reused.document()))
    window.selection.select("patella")
    page = window.details.page()
    assert page is reused
    assert not page.is_blank
    assert all(document is page.document() for document in documents), "a new document was set"
    page.finish()
    qtbot.wait(20)
    seen = page.viewport().grab().toImage()
    html = page.document().toHtml()

    window.details.refresh("patella", content_changed=False)  # made again in a new browser
    fresh = window.details.page()
    assert fresh is not page
    fresh.finish()
    qtbot.wait(20)
    fresh.verticalScrollBar().setValue(0)  # a page made again keeps the reading position
    assert fresh.document().toHtml() == html
    assert fresh.viewport().grab().toImage() == seen, "a reused browser shows the page differently"


def _blocks_kept_shaped(page) -> list[bool]:  # type: ignore[no-untyped-def]
    flags = []
    block = page.document().begin()
    while block.isValid():
        flags.append(block.layout().cacheEnabled())
        block = block.next()
    return flags


@pytest.mark.parametrize("browser", ["new", "spare"])
def test_a_page_keeps_the_shaped_text_of_its_top_only(qtbot, window, browser: str) -> None:  # type: ignore[no-untyped-def]
    """A click on a page kept paints its top again: that text stays shaped between paints.
    The parts added later (read by scrolling) do not keep theirs: memory stays small."""
    from viewer.ui.details_panel import MAX_PAGES

    if browser == "spare":
        for region in list(window.bundle.atlas.regions)[: MAX_PAGES + 2]:
            window.selection.select(region)
        qtbot.waitUntil(lambda: window.details.prebuilt, timeout=10_000)
        assert window.details._spare  # noqa: SLF001
    window.selection.select("lateral_malleolus")
    page = window.details.page()
    top = _blocks_kept_shaped(page)
    assert top
    assert all(top), "the top's text is shaped again at every paint"
    qtbot.waitUntil(lambda: page.complete)
    kept = _blocks_kept_shaped(page)
    assert kept[: len(top)] == top
    assert len(kept) > len(top)
    assert not any(kept[len(top) :]), "the whole page keeps its glyphs"


def test_a_spare_not_yet_emptied_takes_a_page_in_its_own_document(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from viewer.ui.details_panel import MAX_PAGES

    panel = window.details
    panel.stop()  # quick clicks: no idle step empties the spares
    for region in list(window.bundle.atlas.regions)[: MAX_PAGES + 2]:
        window.selection.select(region)
    spare = panel._spare[-1]  # noqa: SLF001
    assert not spare.is_blank
    document = spare.document()
    window.selection.select("patella")
    page = panel.page()
    assert page is spare
    assert page.document() is document, "setDocument lays a new document out in full"
    assert "Patella" in page.toPlainText()
    assert not document.isUndoRedoEnabled()


def test_the_search_field_gains_its_clear_button_a_moment_after_the_first_paint(
    bundle: Bundle, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QToolButton

    from viewer.ui import main_window
    from viewer.ui.main_window import MainWindow

    # Longer than a slow host's stall between the paint and the check below.
    monkeypatch.setattr(main_window, "QUIET_MS", 1000)
    window = MainWindow(bundle)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    field = window.search.field
    for _ in range(5):
        QApplication.processEvents()
    assert not field.isClearButtonEnabled(), "not in the turns right after the first paint"
    qtbot.waitUntil(field.isClearButtonEnabled, timeout=10_000)
    qtbot.waitUntil(lambda: window.started, timeout=10_000)  # the steps after it, a turn each
    names = [button.accessibleName() for button in field.findChildren(QToolButton)]
    assert "Clear the search" in names


def test_text_in_a_field_not_yet_painted_has_its_clear_button(bundle: Bundle, qtbot) -> None:  # type: ignore[no-untyped-def]
    from viewer.ui.main_window import MainWindow

    window = MainWindow(bundle)  # never shown
    qtbot.addWidget(window)
    assert not window.search.field.isClearButtonEnabled()
    window.search.field.setText("knee")
    assert window.search.field.isClearButtonEnabled()


def test_only_a_page_that_grows_keeps_a_scroll_bar(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    welcome = window.details.page()
    assert welcome.complete
    assert welcome.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    assert not welcome.verticalScrollBar().isVisible(), "a scroll bar all handle is slow to draw"
    window.selection.select("patella")
    page = window.details.page()
    assert not page.complete
    assert page.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    assert page.verticalScrollBar().isVisible()


def test_idle_time_empties_a_spare_browser_before_it_completes_the_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from viewer.ui.details_panel import MAX_PAGES

    panel = window.details
    panel.stop()  # idle steps run one by one below, not on the timer
    for region in list(window.bundle.atlas.regions)[: MAX_PAGES + 2]:
        window.selection.select(region)
    spare = panel._spare[-1]  # noqa: SLF001
    assert not spare.is_blank
    assert not panel.page().complete
    panel._on_idle()  # noqa: SLF001 - one step
    assert spare.is_blank, "the next click's browser first: 0.2 ms"
    assert not panel.page().complete


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_scroll_bar_of_a_page_growing_is_drawn_once_when_it_is_complete(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Not when the page is first shown either: its bar is all handle then (3 to 5 ms
    for Fusion to draw, in the first paint of a window reopened on a region)."""
    window.selection.select("patella")
    page = window.details.page()
    bar = page.verticalScrollBar()
    paints = _Paints()
    bar.installEventFilter(paints)  # before the page's first paint, which the loop does
    top_range = bar.maximum()
    qtbot.waitExposed(page)
    qtbot.wait(5)
    assert not page.complete
    assert not bar.updatesEnabled()
    assert paints.count == 0, "the all-handle bar of the page's top was drawn"
    qtbot.waitUntil(lambda: page.complete, timeout=5000)
    qtbot.wait(50)
    assert bar.updatesEnabled()
    assert bar.maximum() > top_range, "the range follows the whole page"
    assert paints.count == 1, f"drawn {paints.count} times while the page grew"


def test_a_page_left_while_it_grew_shows_its_scroll_bar_once_complete(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.details
    window.selection.select("patella")
    page = panel.page()
    qtbot.waitExposed(page)
    panel.stop()  # growth stops half way, as when a click comes in between
    page.add_next_part()
    assert not page.complete
    assert not page.verticalScrollBar().updatesEnabled()
    window.selection.select("calcaneus")
    assert panel.page() is not page
    window.selection.select("patella")
    assert panel.page() is page
    assert not page.verticalScrollBar().updatesEnabled(), "shown again, still growing"
    page.finish()
    assert page.verticalScrollBar().updatesEnabled()


def test_pages_to_come_are_made_ready_before_the_rest_of_the_page_shown(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Made once after start: a reader clicking on from region to region has most pages
    ready within a few clicks, not after dozens. (A page shown before they are asked for
    is being read, and completed first: a window reopened on a region.)"""
    panel = window.details
    panel.prebuild_all()
    window.selection.select("patella")  # a click, once the pages are being made
    page = panel.page()
    qtbot.waitUntil(lambda: not panel._to_render and not panel._to_parse, timeout=10_000)  # noqa: SLF001
    assert not page.complete, "the page shown was completed first"
    qtbot.waitUntil(lambda: page.complete)


def test_a_step_while_idle_is_half_a_part(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.details
    panel.stop()
    window.selection.select("patella")
    page = panel.page()
    before = page.document().characterCount()
    left = len(page.pending)
    page.step()  # read
    assert page.document().characterCount() == before
    assert len(page.pending) == left - 1
    assert not page.complete
    page.step()  # put in
    assert page.document().characterCount() > before


@pytest.mark.parametrize("top", ["read while idle", "read in the click"])
def test_a_page_built_in_parts_is_the_page_built_whole(qtbot, window, top: str) -> None:  # type: ignore[no-untyped-def]
    from viewer.ui.details_page import Page

    panel = window.details
    if top == "read while idle":
        panel.prebuild_all()
        qtbot.waitUntil(lambda: panel.prebuilt, timeout=20_000)
    panel.stop()
    for region in window.bundle.atlas.regions:
        key = (region, window.side.side)
        assert (panel._tops.get(key) is not None) == (top == "read while idle")  # noqa: SLF001
        window.selection.select(region)
        page = panel.page()
        parts = panel._parts(key)  # noqa: SLF001
        assert len(parts) > 1
        page.finish()
        whole = Page(["".join(parts)], panel._style, panel._font(), lambda _steps: None)  # noqa: SLF001
        assert whole.complete
        assert page.document().toHtml() == whole.document().toHtml(), region
        whole.deleteLater()


def test_the_notes_database_is_opened_after_the_first_paint(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """sqlite3 and the notes file: 2 MB and 5-10 ms that the first paint does not need."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    code = (
        "import sys\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from viewer.bundle_cache import load_bundle_cached\n"
        "from viewer.ui.app import start_window\n"
        "seen = []\n"
        "class First(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        if event.type() == QEvent.Type.Paint and not seen:\n"
        "            seen.append('sqlite3' in sys.modules)\n"
        "        return False\n"
        "app, window = start_window(load_bundle_cached())\n"
        "first = First()\n"
        "window.installEventFilter(first)\n"
        "while window.notes is None:\n"
        "    app.processEvents()\n"
        "print(seen, type(window.notes).__name__)\n"
        "window.notes.close()\n"
    )
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["[False]", "NotesStore"], result.stdout


def test_the_notes_store_is_opened_on_a_thread_and_used_on_the_windows(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, monkeypatch
) -> None:
    """Its file's checks and syncs keep the event loop waiting otherwise (35.8 ms once,
    for a new file): a slow home folder would stall the window."""
    from viewer.ui import app as app_module

    opened_on: list[threading.Thread] = []
    real_open = app_module.open_notes

    def recording_open():  # type: ignore[no-untyped-def]
        opened_on.append(threading.current_thread())
        return real_open()

    monkeypatch.setattr(app_module, "open_notes", recording_open)
    _app, window = start_window(bundle)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.notes is not None, timeout=10_000)
    assert len(opened_on) == 1
    assert opened_on[0] is not threading.main_thread()
    window.notes.save("patella", "", "seen on the window's thread")  # the store works here
    assert window.notes.get("patella") == "seen on the window's thread"
    window.notes.save("patella", "", "")
    window.close()
    window.notes.close()


def test_a_store_opened_after_its_window_closed_is_closed(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, monkeypatch
) -> None:
    from viewer.ui import app as app_module

    window_closed = threading.Event()
    stores: list[object] = []
    real_open = app_module.open_notes

    def slow_open():  # type: ignore[no-untyped-def]
        window_closed.wait(10)  # a slow disk: the reader quits meanwhile
        store, notice = real_open()
        stores.append(store)
        return store, notice

    monkeypatch.setattr(app_module, "open_notes", slow_open)
    _app, window = start_window(bundle)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.finish_start()  # the thread is started among the steps after the first paint
    window.close()
    window_closed.set()
    qtbot.waitUntil(lambda: bool(stores), timeout=10_000)
    qtbot.wait(50)  # its handover delivered
    assert window.notes is None
    store = stores[0]
    assert store is not None
    with pytest.raises(Exception, match="closed"):  # sqlite3.ProgrammingError, not imported here
        store.regions()  # type: ignore[attr-defined]


def test_pyside_makes_no_type_the_first_paint_does_not_need(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """- A type for every kind of widget, made when a widget made by Qt (a viewport) is
      first named by viewport(), to learn which kind it is: 15-20 ms. Never, not even
      in a click that makes a page.
    - QStyle, with its eleven enums: 6.5 ms. Made after the first paint, for the
      arrows of Back and Forward (drawn then) and the scroll bars' style."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    code = (
        "import PySide6.QtWidgets as widgets\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from viewer.bundle_cache import load_bundle_cached\n"
        "from viewer.ui.app import start_window\n"
        "UNUSED = ('QWizard', 'QCalendarWidget', 'QLCDNumber', 'QMdiArea')\n"
        "styled = []\n"
        "seen = []\n"
        "class First(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        if event.type() == QEvent.Type.Paint and not seen:\n"
        "            seen.append(any(name in vars(widgets) for name in UNUSED))\n"
        "            styled.append('QStyle' in vars(widgets))\n"
        "        return False\n"
        "app, window = start_window(load_bundle_cached())\n"
        "first = First()\n"
        "window.installEventFilter(first)\n"
        "while not seen or window.notes is None:\n"
        "    app.processEvents()\n"
        "window.selection.select('patella')\n"
        "window.details.page().finish()\n"
        "app.processEvents()\n"
        "print(seen, any(name in vars(widgets) for name in UNUSED))\n"
        "arrow = window.back_button.icon().pixmap(16).toImage()\n"
        "drawn = any(arrow.pixelColor(x, y).alpha() for x in range(16) for y in range(16))\n"
        "print(styled, drawn, 'QStyle' in vars(widgets))\n"
        "window.notes.close()\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "d"), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["[False]", "False", "[False]", "True", "True"], result.stdout


def _reopened(qtbot, bundle: Bundle, settings, side: str, view: str, region: str):  # type: ignore[no-untyped-def]
    """The window as a start opens it when the reader left it on this side, view and region."""
    from viewer.ui.main_window import MainWindow

    settings.save_place(side, view, region)
    window = MainWindow(bundle, settings)
    qtbot.addWidget(window)
    window.restore()
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_start_builds_the_scene_of_the_view_the_reader_left_only(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings
) -> None:
    window = _reopened(qtbot, bundle, settings, "left", "foot_dorsal", "")
    assert window.diagram.current_view == "foot_dorsal"
    assert list(window.diagram._scenes) == ["foot_dorsal"]  # noqa: SLF001


def test_a_window_reopened_on_a_region_makes_that_page_and_no_welcome_page(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings
) -> None:
    window = _reopened(qtbot, bundle, settings, "right", "leg_anterior", "patella")
    assert window.details.region == "patella"
    assert list(window.details._pages) == [("patella", "right")]  # noqa: SLF001
    window.selection.select("")
    assert list(window.details._pages) == [("patella", "right"), ("", "")]  # noqa: SLF001


@pytest.mark.parametrize("side", ["right", "left"])
def test_a_window_reopened_on_a_region_lays_its_page_out_once_at_its_size(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, monkeypatch, side: str
) -> None:
    """Made before the window was laid out, the page was laid out 240 px wide and again
    when shown: 3.7 ms of that start's first paint (A/B, 30 pairs)."""
    from viewer.ui.details_page import Page

    settled: list[tuple[int, int]] = []
    real_settle = Page.settle

    def recording_settle(page: Page, size) -> None:  # type: ignore[no-untyped-def]
        settled.append((size.width(), size.height()))
        real_settle(page, size)

    monkeypatch.setattr(Page, "settle", recording_settle)
    window = _reopened(qtbot, bundle, settings, side, "leg_anterior", "patella")
    shown = window.details.contentsRect().size()  # the panel's inside, within its frame
    assert settled == [(shown.width(), shown.height())]
    page = window.details.page()
    assert page.document().textWidth() == page.viewport().width()
    assert window.details.toPlainText().startswith("Patella")


def _types_made_before_the_first_paint(tmp_path, not_yet: str, then: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    """Which of the types named in not_yet (a tuple of (module, name) in Python) PySide6 has
    made when the window first paints, in a process of its own; `then` runs after, once
    the start's steps are done, and prints what it checks."""
    from app_probe import run_probe

    code = (
        "import PySide6.QtCore as core, PySide6.QtGui as gui, PySide6.QtWidgets as widgets\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from viewer.bundle_cache import load_bundle_cached\n"
        "from viewer.ui.app import start_window\n"
        f"NOT_YET = {not_yet}\n"
        "seen = []\n"
        "class First(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        if event.type() == QEvent.Type.Paint and not seen:\n"
        "            seen.append([name for module, name in NOT_YET if name in vars(module)])\n"
        "        return False\n"
        "app, window = start_window(load_bundle_cached())\n"
        "first = First()\n"
        "window.installEventFilter(first)\n"
        "while not seen or not window.started:\n"
        "    app.processEvents()\n"
        "print(seen[0])\n"
        f"{then}"
        "window.close()\n"
    )
    return run_probe(code, tmp_path).split()


def test_the_first_paint_makes_no_gradient_or_text_format_type(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """QGradient (182 enum members, 1.7 ms), made by any fillRect() and by a QBrush built
    from a colour or a style alone; QTextFormat and the formats of a page's parts (155
    members, 2.5 ms), which the welcome page does not need. Both come with the first
    region shown. Nor the type of a document's layout, which a search of the page's
    widgets through every descendant made (0.2 ms)."""
    names = ("QGradient", "QTextFormat", "QTextCharFormat", "QTextBlockFormat",
             "QAbstractTextDocumentLayout")  # fmt: skip
    not_yet = f"tuple((gui, name) for name in {names!r})"
    then = (
        "window.selection.select('patella')\n"
        "window.details.page().finish()\n"
        "app.processEvents()\n"
        "print(window.details.toPlainText().startswith('Patella'))\n"
    )
    assert _types_made_before_the_first_paint(tmp_path, not_yet, then) == ["[]", "True"]


def test_the_first_paint_makes_no_type_that_only_later_work_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """QUrl (5 enums, 1 ms: a link clicked), QStandardPaths (0.6 ms: the notes, opened
    after the first paint) and QDialog (a dialog opened): PySide makes each type, with
    its enums, when it is first named, imports included."""
    not_yet = "((core, 'QUrl'), (core, 'QStandardPaths'), (widgets, 'QDialog'))"
    then = (  # the store comes from its thread a moment after the start's steps
        "import time\n"
        "end = time.monotonic() + 10\n"
        "while window.notes is None and time.monotonic() < end:\n"
        "    app.processEvents()\n"
        "print(window.notes is not None)\n"
    )
    assert _types_made_before_the_first_paint(tmp_path, not_yet, then) == ["[]", "True"]


def test_the_first_paint_reads_no_condition_and_the_first_click_finds_them_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The conditions and sources, two thirds of the content cache (3 ms of the start),
    are read after the first paint (viewer/bundle_codec.py ReadLater), with the render
    and HTML modules every first page needs: not before it (it would wait for them),
    and not in the first click (DetailsPanel.warm_up)."""
    from app_probe import run_probe

    code = (
        "import sys\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from viewer.bundle_cache import load_bundle_cached\n"
        "from viewer.ui.app import start_window\n"
        "load_bundle_cached()\n"  # the user's cache written, as after a first start
        "def made():\n"
        "    modules = ['viewer.content.render', 'viewer.content.html']\n"
        "    read = window.bundle.atlas.conditions.is_read\n"
        "    return [read, *(m in sys.modules for m in modules)]\n"
        "seen = []\n"
        "class First(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        if event.type() == QEvent.Type.Paint and not seen:\n"
        "            seen.append(made())\n"
        "        return False\n"
        "app, window = start_window(load_bundle_cached())\n"
        "first = First()\n"
        "window.installEventFilter(first)\n"
        "while not seen:\n"
        "    app.processEvents()\n"
        "for _ in range(5):\n"
        "    app.processEvents()\n"
        "print(seen[0], made(), window.selection.region == '')\n"
        "window.selection.select('patella')\n"
        "window.details.page().finish()\n"
        "print(window.details.toPlainText().count('Patellofemoral pain') > 0)\n"
        "window.close()\n"
    )
    # At the first paint, then a few turns later with no region chosen yet; the page.
    made, page = run_probe(code, tmp_path).splitlines()[:2]
    assert made == "[False, False, False] [True, True, True] True", made
    assert page == "True", "the patella's page"


@pytest.mark.parametrize(
    "browser", ["new", "spare emptied", "spare not emptied", "top read while idle"]
)
def test_a_page_made_opens_at_its_top_when_completed_at_once(qtbot, window, browser: str) -> None:  # type: ignore[no-untyped-def]
    from viewer.ui.details_panel import MAX_PAGES

    panel = window.details
    qtbot.waitExposed(window)
    if browser == "top read while idle":
        panel.prebuild_all()
        qtbot.waitUntil(lambda: panel.prebuilt, timeout=20_000)
    if browser.startswith("spare"):
        for region in list(window.bundle.atlas.regions)[: MAX_PAGES + 2]:
            window.selection.select(region)
        if browser == "spare emptied":
            qtbot.waitUntil(lambda: panel.prebuilt, timeout=10_000)
    panel.stop()
    window.selection.select("patella")
    page = panel.page()
    page.finish()  # as a screenshot or a link to a condition completes it, shown
    qtbot.wait(20)
    assert page.verticalScrollBar().value() == 0, "opened scrolled, the title out of view"
    assert page.textCursor().position() == 0


def _on_the_drawing(window, region: str) -> QPoint:  # type: ignore[no-untyped-def]
    diagram = window.diagram
    diagram.show_view(window.bundle.views_of(region)[0])
    point = diagram.exposed_point(region)
    assert point is not None
    return diagram.mapFromScene(point)


def test_the_page_of_a_region_the_pointer_rests_on_is_made_before_the_click(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    details = window.details
    pos = _on_the_drawing(window, "patella")
    hover(window.diagram.viewport(), pos)
    qtbot.waitUntil(lambda: details.prepared == "patella")
    page = details.kept_page("patella")
    assert page is not None
    assert page is not details.page()
    assert page.isHidden()
    layouts: list[object] = []
    page.document().documentLayout().documentSizeChanged.connect(layouts.append)
    QTest.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert details.region == "patella"
    assert details.page() is page, "the click made another page"
    assert layouts == [], "the click laid the page out"
    assert details.prepared == "", "a page shown is kept as any other"


def test_only_the_last_page_prepared_is_kept_and_the_pages_read_stay(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from viewer.ui.details_panel import MAX_PAGES

    details = window.details
    read = list(window.bundle.atlas.regions)[:MAX_PAGES]
    for region in read:
        window.selection.select(region)
    pointed = [r for r in ("patella", "fibular_head", "tibial_tuberosity") if r not in read]
    for region in pointed:
        details.point_at(region)
        qtbot.waitUntil(lambda region=region: details.prepared == region)
    assert [r for r in pointed if details.kept_page(r) is not None] == [pointed[-1]]
    kept = [r for r in read if details.kept_page(r) is not None]
    assert kept == read[1:], "more than one page read was let go for the pages prepared"
    window.selection.select("")  # the page prepared goes first, not a page read
    window.selection.select(read[0])
    assert details.kept_page(pointed[-1]) is None


def test_a_pointer_that_moves_on_before_resting_makes_no_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    details = window.details
    at_start = details.prepared  # the page made after start (prepare_a_page)
    details.point_at("patella")
    details.point_at("")  # off the drawing
    details.point_at("fibular_head")
    details.point_at("no_such_region")
    qtbot.wait(150)
    assert details.prepared == at_start
    assert details.kept_page("patella") is None
    assert details.kept_page("fibular_head") is None


def test_a_page_is_made_unseen_after_start_and_none_once_a_region_is_shown(  # type: ignore[no-untyped-def]
    qtbot, bundle, settings
) -> None:
    """Drawn offscreen once after start, a page leaves the glyphs of the pages' fonts
    drawn and Qt's text code run before the first click (prepare_a_page)."""
    from viewer.ui.main_window import MainWindow

    first = next(iter(bundle.atlas.regions))
    for shown_first in ("", "patella"):
        window = MainWindow(bundle, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.selection.select(shown_first)
        window.finish_start()
        details = window.details
        if shown_first:
            assert details.prepared == "", "a page was made once one had been shown"
        else:
            assert details.prepared == first
            page = details.kept_page(first)
            assert page is not None
            assert page.isHidden()
            assert details.region == "", "the welcome page is still the one shown"
        window.close()


def test_a_page_prepared_and_then_made_again_is_no_longer_prepared(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Notes saved for the region drop its page: the next one prepared replaces nothing."""
    details = window.details
    details.point_at("patella")
    qtbot.waitUntil(lambda: details.prepared == "patella")
    details.refresh("patella")
    assert details.prepared == ""
    assert details.kept_page("patella") is None
    details.point_at("fibular_head")
    qtbot.waitUntil(lambda: details.prepared == "fibular_head")
    assert details.kept_page("fibular_head") is not None


def _faces(document) -> set[tuple[bool, bool]]:  # type: ignore[no-untyped-def]
    """(bold, italic) of every piece of text in the document."""
    faces = set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.text().strip():
                font = fragment.charFormat().font()
                faces.add((font.bold(), font.italic()))
            it += 1
        block = block.next()
    return faces


def test_the_welcome_page_uses_no_font_face_that_a_regions_page_does_not(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Each face is found and loaded on its first use: an italic on the welcome page was
    2 ms of the first paint (A/B, 40 pairs), for a face no region's page uses."""
    welcome = _faces(window.details.document())
    assert welcome, "the welcome page has text"
    window.selection.select("patella")
    window.details.page().finish()
    assert welcome <= _faces(window.details.document())


def test_the_pages_made_ready_wait_for_a_page_just_shown_to_paint(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Asked for just after a click (the start's last step may come then), the idle work
    would run before the click's page had painted: +3.5 ms to a click answered right
    after the first paint, over 40 A/B pairs, when it was asked for at the first paint."""
    panel = window.details
    qtbot.waitExposed(window)
    window.selection.select("patella")  # shown: its paint comes first
    panel.prebuild_all()
    assert not panel._idle.isActive()  # noqa: SLF001
    qtbot.waitUntil(lambda: panel.prebuilt, timeout=20_000)
    assert panel.kept_page("patella") is not None


def test_the_steps_after_start_wait_for_a_page_just_shown_to_paint(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A timer due between a click and its page's paint runs before the paint: a step of
    the list's bar learned (3 to 4 ms) was in the paint pass of the click it fell on."""
    ran: list[str] = []
    window.finish_start()
    window._start_steps = [lambda: ran.append("start step")]  # noqa: SLF001
    window.selection.select("patella")  # a click's page, shown: it has yet to paint
    window._then_steps([lambda: ran.append("list bar step")])  # noqa: SLF001 - as learned
    assert window.details.page_yet_to_paint
    window._next_start_step()  # noqa: SLF001
    assert ran == [], "a step ran before the page painted"
    qtbot.waitUntil(lambda: sorted(ran) == ["list bar step", "start step"])


def _views_made_ready(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.make_views_ready()
    qtbot.waitUntil(lambda: window.details.prebuilt, timeout=20_000)


def test_the_pages_of_the_view_shown_are_made_ready_and_a_click_only_shows_one(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch
) -> None:
    from viewer.ui import details_panel

    details, diagram = window.details, window.diagram
    drawn: list[object] = []
    draw = details_panel.paint_offscreen
    monkeypatch.setattr(details_panel, "paint_offscreen", lambda w: (drawn.append(w), draw(w)))
    _views_made_ready(qtbot, window)
    in_view = list(window.bundle.shapes[diagram.current_view])
    not_kept = [r for r in in_view if details.kept_page(r) is None]
    assert sorted(details.ready_regions) == sorted(not_kept)
    region = next(r for r in in_view if r in details.ready_regions and r != details.prepared)
    page = details.ready_page(region)
    assert page is not None
    assert page.isHidden()
    assert not page.complete, "its top only: the rest comes once it is shown"
    assert page.width() == details.contentsRect().width(), "laid out at the panel's width"
    assert all(_blocks_kept_shaped(page)), "its top's shaped text kept"
    ready = [details.ready_page(r) for r in details.ready_regions]
    assert all(drawn.count(p.viewport()) == 1 for p in ready), "each drawn once unseen"
    layouts: list[object] = []
    page.document().documentLayout().documentSizeChanged.connect(layouts.append)
    point = diagram.exposed_point(region)
    assert point is not None
    QTest.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=diagram.mapFromScene(point))
    assert details.region == region
    assert details.page() is page, "the click made another page"
    assert layouts == [], "the click laid the page out"
    assert region not in details.ready_regions
    qtbot.waitUntil(lambda: page.complete)  # shown: completed while idle as any page


def test_after_start_the_view_shown_has_its_pages_ready_before_the_other_regions_html(  # type: ignore[no-untyped-def]
    qtbot, window
) -> None:
    """As the start asks (app.py): every region's HTML, then the view's pages made ready.
    Behind every region's HTML they were ready 0.4 s after the first paint, and a quick
    reader's first eight clicks each made its page."""
    details = window.details
    details.prebuild_all()
    window.make_views_ready()
    in_view = set(window.bundle.shapes[window.diagram.current_view])
    qtbot.waitUntil(
        lambda: set(details.ready_regions) == {r for r in in_view if details.kept_page(r) is None},
        timeout=20_000,
    )
    assert details.making_pages_ready, "every region's HTML was made first"
    assert any(region not in in_view for region, _ in details._to_render)  # noqa: SLF001
    qtbot.waitUntil(lambda: details.prebuilt, timeout=20_000)


def test_from_the_first_paint_the_pages_of_the_view_shown_are_made_ready_before_the_start_steps(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, monkeypatch
) -> None:
    """Asked for with the start's steps, QUIET_MS after the first paint, they came after a
    quick reader's first clicks, each of which made its page (6 to 10 ms)."""
    from viewer.ui import main_window
    from viewer.ui.scroll_bar_style import CachedScrollBarStyle

    monkeypatch.setattr(main_window, "QUIET_MS", 60_000)  # the start's steps wait
    _app, window = start_window(bundle)
    qtbot.addWidget(window)
    details = window.details
    assert details.ready_regions == [], "nothing before the first paint"
    in_view = window.bundle.shapes[window.diagram.current_view]
    qtbot.waitUntil(lambda: bool(details.ready_regions) and details.prebuilt, timeout=20_000)
    not_kept = {r for r in in_view if details.kept_page(r) is None}
    assert set(details.ready_regions) == not_kept, (details.ready_regions, in_view, details.region)
    assert not window.started, "a start step ran"
    window.finish_start()
    assert details.prepared == "", "a page made for the first click's sake as well"
    bars = [details.ready_page(r).verticalScrollBar() for r in details.ready_regions]
    assert all(isinstance(bar.style(), CachedScrollBarStyle) for bar in bars), (
        "the pages made ready before the scroll bars' style was set do not have it"
    )
    window.close()
    if window.notes is not None:
        window.notes.close()


def test_a_view_shown_has_its_pages_made_ready_and_the_last_views_let_go(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from viewer.ui.details_panel import MAX_READY

    details, diagram = window.details, window.diagram
    _views_made_ready(qtbot, window)
    other = next(v for v in diagram.views() if v != diagram.current_view)
    window.view_tabs.setCurrentIndex(diagram.views().index(other))  # as a reader picks a tab
    assert diagram.current_view == other
    qtbot.waitUntil(lambda: details.prebuilt, timeout=20_000)
    in_view = set(window.bundle.shapes[other])
    assert set(details.ready_regions) == {r for r in in_view if details.kept_page(r) is None}
    assert 0 < len(details.ready_regions) <= MAX_READY


def test_ready_pages_follow_the_side_the_size_and_the_text_size(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    details = window.details
    _views_made_ready(qtbot, window)
    region = details.ready_regions[0]
    window.side.set_side("left")
    qtbot.waitUntil(lambda: details.prebuilt, timeout=20_000)
    left = details.ready_page(region)
    assert left is not None, "made ready on the side shown"
    assert all(key[1] == "left" for key in details._ready)  # noqa: SLF001
    window.resize(window.width() - 120, window.height())
    qtbot.waitUntil(lambda: details.prebuilt, timeout=20_000)
    page = details.ready_page(region)
    assert page is not None
    assert page is left, "laid out again, not made again"
    assert page.width() == details.contentsRect().width(), "laid out at the new width"
    details.step_text_size(1)
    qtbot.waitUntil(lambda: details.prebuilt, timeout=20_000)
    page = details.ready_page(region)
    assert page is not None
    assert page.document().defaultFont().pointSizeF() == details.text_size
    assert "left side" in page.toPlainText(), "the left side's page, in the new text size"


def test_a_window_reopened_on_a_region_completes_its_page_before_it_makes_the_others(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle
) -> None:
    """The page the reader reads first: behind the view's pages and every region's HTML,
    it was complete 0.2 s after the first paint, not 0.05 s."""
    _app, window = start_window(bundle, region="patella")
    qtbot.addWidget(window)
    page = window.details.page()
    assert not page.complete, "its top only at the first paint"
    qtbot.waitUntil(lambda: page.complete, timeout=10_000)
    assert window.details.making_pages_ready, "the other pages were made first"
    window.finish_start()
    window.close()
    if window.notes is not None:
        window.notes.close()
