"""The selected region's page, as escaped rich text that loads nothing.

Each region's page (on each side) has a text browser of its own, laid out
once at the panel's width and kept (viewer/ui/details_page.py): showing it
again lays nothing out, so a click costs a paint. The MAX_PAGES pages shown
last are kept (a laid-out page is about 2 MB of glyphs). A page not made yet
shows its top at once and gains a condition per idle turn; after start-up,
idle time makes every region's HTML, so that a new page is a layout away, and
empties the browsers of pages let go, so that the next page made in one needs
no new document. Then it makes the pages of the regions of the view shown
ready, hidden, their tops laid out and drawn once unseen: a click on one of
them only shows it. The text size (Ctrl++, Ctrl+-, Ctrl+0, Ctrl+wheel) changes the
style sheet; the reader stays at the same place.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QRect,
    QSize,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QFrame, QScrollBar, QWidget

from viewer.content.model import Atlas
from viewer.ui.details_page import Page, parse_part
from viewer.ui.offscreen import paint_offscreen
from viewer.ui.selection import Selection
from viewer.ui.settings import DEFAULT_TEXT_SIZE, TEXT_SIZES
from viewer.ui.side import Side
from viewer.ui.theme import style_sheet, theme_for

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl  # made by PySide when first named (5 enums): on a link
    from PySide6.QtWidgets import QStyle  # made by PySide when first named: after the first paint

    from viewer.ui.details_page import ParsedPart

EMPTY = (
    "<h1>Lower-limb reference</h1>"
    "<p>Click a region on the drawing, or choose one from the list, to read the "
    "conditions there: at a glance first (what tells them apart, the red flags, the "
    "first test), then each in full with its named tests, imaging step by step, "
    "management and sources.</p>"
    "<p>Type in the search field (Ctrl+F) for a name, a symptom or how the patient "
    "put it: “hot swollen knee”, “heel pain in the morning”.</p>"
)  # quoted, not in italics: the italic face is loaded for the first paint (0.6 ms) otherwise
NotesFor = Callable[[str], list[tuple[str, str]]]  # region -> [(condition or "", text)]
PageKey = tuple[str, str]  # (region or "", side or "")
# Where the reader is on a page: the character at its top left, the text of its paragraph,
# and where in that paragraph it is; None at the page's top.
ReadingPosition = tuple[int, str, int] | None
MAX_PAGES = 8  # laid-out pages kept: about 2 MB each
MAX_RENDERED = 400  # pages' HTML kept: about 50 kB each
AFTER_SHOW_MS = 8  # idle work resumes after the page shown has painted (the next turn)
MAX_SPARE = 2
MAX_TOPS = 64  # pages' tops read while idle: about 34 kB each (one side's regions)
# A pointer resting this long on a region of the drawing is about to click it: its page is
# made then, hidden, so that the click shows a page made already (1 to 2 ms less).
HOVER_REST_MS = 60
# The pages of the regions of the view shown, made hidden while idle, their tops laid out
# and drawn once unseen (about 250 kB each): a click on one shows it (0.6 ms less in the
# click, 0.75 ms less to the page painted). The largest view has 24 regions.
MAX_READY = 32


class DetailsPanel(QFrame):
    """Follows only in-page anchors and the app's own atlas: links, which it hands on.

    The panel draws the frame around the pages, which have none: a page shown covers
    the inside with its text and scroll bar and paints nothing else. Each page drew
    its own frame, and the window behind it, on every click (0.1 to 0.2 ms of it)."""

    # The type by its name: the window's start need not make QUrl's (1 ms).
    anchorClicked = Signal("QUrl")  # type: ignore[arg-type]  # noqa: N815 (QTextBrowser's name)
    region_link_activated = Signal(str)  # region id
    condition_link_activated = Signal(str)  # condition id
    rule_link_activated = Signal(str)  # rule id
    text_size_changed = Signal(float)
    # The idle work asked for by a call of prebuild_all() is done (once for each call).
    prebuild_done = Signal()

    def __init__(
        self,
        atlas: Atlas,
        selection: Selection,
        side: Side,
        notes_for: NotesFor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)  # a text browser's own frame
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self._atlas = atlas
        self._side = side
        self._notes_for = notes_for or (lambda _region: [])
        # The pages made, least recently shown first; a few dozen at most, for each
        # laid-out page holds megabytes of glyphs. Their HTML, far smaller, is kept for more.
        self._pages: OrderedDict[PageKey, Page] = OrderedDict()
        self._rendered: OrderedDict[PageKey, list[str]] = OrderedDict()
        self._to_render: list[PageKey] = []  # HTML to make while idle, next last
        # Pages' tops read from their HTML while idle, in the style of now.
        self._tops: OrderedDict[PageKey, ParsedPart] = OrderedDict()
        self._to_parse: list[PageKey] = []
        self._spare: list[Page] = []  # browsers of pages let go, hidden, emptied while idle
        # The page shown. Not a QStackedWidget: its switch re-enables updates (a repaint of
        # the whole panel) and shows a widget in a layout (a second layout and paint pass).
        self._current: Page | None = None
        self._queue: list[PageKey] = []  # pages to complete while idle, next last
        self._unsettled: set[PageKey] = set()  # hidden pages laid out for another width
        self._scroll_bar_style: QStyle | None = None
        self._idle = QTimer(self)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._on_idle)
        # Hidden pages follow a new width once the resizing has stopped, not during a drag.
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(400)
        self._resized.timeout.connect(self._idle.start)
        # After a page is shown, idle work waits a little: the page paints first.
        self._after_show = QTimer(self)
        self._after_show.setSingleShot(True)
        self._after_show.setInterval(AFTER_SHOW_MS)
        self._after_show.timeout.connect(self._wake_idle)
        # The page made for the region the pointer rests on, not shown yet: the first to go.
        self._prepared: PageKey | None = None
        self._pointed_at: PageKey | None = None
        self._hover_rest = QTimer(self)
        self._hover_rest.setSingleShot(True)
        self._hover_rest.setInterval(HOVER_REST_MS)
        self._hover_rest.timeout.connect(self._prepare_pointed_at)
        # Pages made ready for the view shown (make_ready()), not shown yet, and those to make.
        self._ready: OrderedDict[PageKey, Page] = OrderedDict()
        self._ready_regions: list[str] = []
        self._to_ready: list[PageKey] = []  # next last
        self._undrawn: list[PageKey] = []  # made ready, to draw once unseen
        self._prebuild_wanted = False  # prebuild_all() was called: again after a refresh
        self._prebuild_pending = False  # its prebuild_done not yet emitted
        # The page being read when pages began to be made (a window reopened on a region):
        # completed before them. A page a click shows after that waits behind them.
        self._reading: Page | None = None
        self._stopped = False  # the window closed: no more idle work
        self._text_size = DEFAULT_TEXT_SIZE
        self._style = ""
        self.region = ""
        self.setAccessibleName("Region details")
        self._restyle()
        # No page yet: a window reopened on a region makes that region's page, and only it
        # (the welcome page, made first for nothing, took 1.6 ms of that start's first
        # paint, by A/B). The first page is made when it is first asked for (page()) or
        # when the panel shows.

        self.anchorClicked.connect(self._on_anchor_clicked)
        selection.region_selected.connect(self._on_region_selected)
        side.side_changed.connect(self._on_side_changed)

    # -- pages ----------------------------------------------------------------------------

    def _page_size(self) -> QSize:
        """A page's size: the panel's inside, within its frame."""
        return self.contentsRect().size()

    def _key(self, region: str) -> PageKey:
        return (region, self._side.side if region else "")

    def page(self) -> Page:
        """The page shown: the region's, or the welcome page if none is selected."""
        if self._current is None:
            return self._show_page(self._key(self.region))
        return self._current

    def showEvent(self, event: QShowEvent) -> None:
        self.page()  # the first page, made now if nothing asked for it before
        super().showEvent(event)

    def _parts(self, key: PageKey) -> list[str]:
        parts = self._rendered.get(key)
        if parts is None:
            parts = self._render(key)
            self._rendered[key] = parts
            while len(self._rendered) > MAX_RENDERED:
                self._rendered.popitem(last=False)
        self._rendered.move_to_end(key)
        return list(parts)

    def _render(self, key: PageKey) -> list[str]:
        region, side = key
        if not region:
            return [EMPTY]
        # Imported on first use: nothing needs rendering before the window first paints.
        from viewer.content.html import report_html_parts
        from viewer.content.render import build_report

        return report_html_parts(build_report(self._atlas, region, side, self._notes_for(region)))

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._text_size)
        return font

    def _parse_top(self, key: PageKey) -> None:
        parts = self._rendered.get(key)
        if parts:
            self._tops[key] = parse_part(parts[0], self._style, self._font())
            while len(self._tops) > MAX_TOPS:
                self._tops.popitem(last=False)

    def _make_page(self, key: PageKey) -> Page:
        page = self._new_page(key)
        self._pages[key] = page
        self._evict()
        return page

    def _new_page(self, key: PageKey) -> Page:
        """The page for key, hidden, laid out at the panel's size: not kept anywhere yet."""
        parts, top = self._parts(key), self._tops.get(key)
        if self._spare:
            page = self._spare.pop()
            page.load(parts, self._style, self._font(), top)
        else:
            page = Page(parts, self._style, self._font(), self.step_text_size, self, top)
            page.anchorClicked.connect(self.anchorClicked.emit)
            if self._scroll_bar_style is not None:
                page.verticalScrollBar().setStyle(self._scroll_bar_style)
            page.hide()
        page.settle(self._page_size())
        return page

    def _evict(self) -> None:
        """Drop the pages shown longest ago beyond MAX_PAGES (their HTML stays)."""
        for key in list(self._pages):
            if len(self._pages) <= MAX_PAGES:
                break
            if self._pages[key] is not self._current:
                self._let_go(key)

    def _let_go(self, key: PageKey) -> None:
        self._retire(self._pages.pop(key))
        self._unsettled.discard(key)
        if key in self._queue:
            self._queue.remove(key)
        if key == self._prepared:
            self._prepared = None
        if key[0] in self._ready_regions and key[1] == self._side.side:
            self._to_ready.insert(0, key)  # made ready again, after the others

    # -- the region under the pointer -------------------------------------------------------

    def point_at(self, region: str) -> None:
        """The pointer is on this region of the drawing ("" for none): if it rests there,
        the region's page is made, hidden, for the click that is likely to follow."""
        self._hover_rest.stop()
        self._pointed_at = None
        if region in self._atlas.regions and not self._stopped:
            self._pointed_at = self._key(region)
            self._hover_rest.start()

    def _prepare_pointed_at(self) -> None:
        if self._pointed_at is not None:
            self._prepare(self._pointed_at)

    def prepare_a_page(self) -> None:
        """Make the first region's page, hidden, and draw it once offscreen, as for a
        region the pointer rests on: after start, so that the first click does not
        draw the glyphs of the pages' fonts and run Qt's text code for the first time
        (the first click after start took 2 to 5 ms longer than the next). Not once a
        region has been shown, a page made for the pointer or pages made ready for the
        view shown (make_ready): they did it, or will."""
        first = next(iter(self._atlas.regions), None)
        done_otherwise = self.region or self._prepared is not None or self._ready_regions
        if first is not None and not done_otherwise:
            self._prepare(self._key(first))

    def _prepare(self, key: PageKey) -> None:
        if key in self._pages or key in self._ready or self._stopped:
            return
        if self._prepared is not None:
            self._let_go(self._prepared)  # the pointer moved on without a click
        page = self._make_page(key)
        self._pages.move_to_end(key, last=False)  # not shown yet: the first to go
        self._prepared = key
        paint_offscreen(page.viewport())  # its top's text shaped and kept (keep_shaped_text)

    # -- the pages of the view shown, made ready ------------------------------------------

    def make_ready(self, regions: list[str]) -> None:
        """Make the pages of these regions (the view shown) on the side shown while idle,
        hidden, each drawn once unseen, so that a click on one of them only shows it. Ready
        pages of other regions or another side are let go."""
        self._ready_regions = list(regions)
        wanted = [self._key(r) for r in regions if r in self._atlas.regions][:MAX_READY]
        for key in [key for key in self._ready if key not in wanted]:
            self._let_go_ready(key)
        self._to_ready = [k for k in reversed(wanted) if k not in self._ready]
        self._wake_idle()

    def _take_ready(self, key: PageKey) -> Page | None:
        page = self._ready.pop(key, None)
        if page is not None:
            if key in self._undrawn:
                self._undrawn.remove(key)
            self._pages[key] = page
            self._evict()
        return page

    def _let_go_ready(self, key: PageKey) -> None:
        self._retire(self._ready.pop(key))
        self._unsettled.discard(key)
        if key in self._undrawn:
            self._undrawn.remove(key)

    def _ready_step(self) -> bool:
        """One page made ready, or one drawn unseen: False if there is none to do."""
        while self._undrawn:
            page = self._ready.get(self._undrawn.pop())
            if page is not None:
                paint_offscreen(page.viewport())  # its top's text shaped and kept
                return True
        while self._to_ready:
            key = self._to_ready[-1]
            if key in self._pages or key in self._ready:
                self._to_ready.pop()
                continue
            # Its HTML, then its top, each a step of its own, if the prebuild has not yet.
            if key not in self._tops:
                if key not in self._rendered:
                    self._parts(key)
                    return True
                if self._rendered[key]:  # then its top is read: the next step makes it
                    self._parse_top(key)
                    return True
            self._to_ready.pop()
            self._ready[key] = self._new_page(key)
            self._undrawn.append(key)
            return True
        return False

    @property
    def ready_regions(self) -> list[str]:
        """The regions whose pages are made ready (hidden, not shown yet), in order made."""
        return [key[0] for key in self._ready if key not in self._undrawn]

    def ready_page(self, region: str) -> Page | None:
        return self._ready.get(self._key(region))

    def kept_page(self, region: str) -> Page | None:
        """The page made for this region on the side shown, if it is kept."""
        return self._pages.get(self._key(region))

    @property
    def prepared(self) -> str:
        """The region whose page was made unseen, for the pointer resting on it or after
        start, and not shown yet ("" if none)."""
        return self._prepared[0] if self._prepared is not None else ""

    def _show_page(self, key: PageKey) -> Page:
        page = self._pages.get(key) or self._take_ready(key) or self._make_page(key)
        self._pages.move_to_end(key)
        if key == self._prepared:
            self._prepared = None  # shown: kept as any page shown
        if key in self._unsettled:
            self._unsettled.discard(key)
            page.settle(self._page_size())
        self._switch_to(page)
        if not page.complete:
            self._queue_page(key)
        if not self._stopped:
            self._idle.stop()
            self._after_show.start()
        return page

    @property
    def page_yet_to_paint(self) -> bool:
        """A page shown a moment ago has yet to paint: other work waits (AFTER_SHOW_MS)."""
        return self._after_show.isActive()

    def _wake_idle(self) -> None:
        """Idle work from the next turn on; not while a page shown a moment ago has yet to
        paint (_after_show wakes it then), nor once the window is closing."""
        if not self._stopped and not self._after_show.isActive():
            self._idle.start()

    def _switch_to(self, page: Page) -> None:
        old = self._current
        if old is page:
            return
        focus = QApplication.focusWidget()
        had_focus = (
            old is not None and focus is not None and (focus is old or old.isAncestorOf(focus))
        )
        page.setGeometry(self.contentsRect())
        page.show()  # over the old one, then the old one goes: nothing flickers between
        self._current = page
        self.setFocusProxy(page)
        if old is not None:
            old.hide()
        paint_once(page)
        if had_focus:
            page.setFocus()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            return True  # a page shown asks for a layout; the panel has none to redo
        return super().event(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(560, 480)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, 160)

    def _queue_page(self, key: PageKey) -> None:
        if key in self._queue:
            self._queue.remove(key)
        self._queue.append(key)  # next
        self._wake_idle()

    def _on_idle(self) -> None:
        """One small step per event-loop turn, what makes the next click quicker first:
        a spare browser emptied (0.2 ms), the HTML of a page to come or its top read
        (1.3 and 0.8 ms: a page made without them takes 3 to 5 ms more), a part of the
        page shown, a part of another page, a page resized.

        The pages to come go before the rest of the page shown only while they are made
        after start (about 0.15 s of idle time): a reader clicking on from region to
        region then has most of them made within a few clicks, not after dozens. Then
        the pages of the view shown (make_ready) are made ready first, with their HTML:
        after start they were ready 0.4 s after the first paint, behind every region's
        HTML, and a quick reader's first eight clicks each made its page. Before them
        all, the page being read when they began (a window reopened on a region) is
        completed: 0.05 s after the first paint, not 0.2 s."""
        blank = next((page for page in self._spare if not page.is_blank), None)
        if blank is not None:
            blank.blank()
            return
        reading = self._reading
        if reading is not None:
            if reading is self._current and not reading.complete:
                reading.step()
                return
            self._reading = None
        # While pages' HTML is made (after start, a new side or text size), the pages of
        # the view shown come first: the next click is most likely on one of them.
        if self.making_pages_ready and not self._resized.isActive() and self._ready_step():
            return
        while self._to_parse:
            key = self._to_parse.pop()
            if key not in self._tops:
                self._parse_top(key)
                return
        while self._to_render:
            key = self._to_render.pop()
            if key not in self._tops:
                self._parts(key)
                self._to_parse.append(key)
                return
        shown = self._current
        if shown is not None and not shown.complete:
            shown.step()
            return
        while self._queue:
            page = self._pages.get(self._queue[-1])
            if page is not None and not page.complete:
                page.step()
                return
            self._queue.pop()
        if not self._resized.isActive() and self._ready_step():
            return
        if self._unsettled and not self._resized.isActive():
            key = self._unsettled.pop()
            page = self._pages.get(key)
            if page is None and key in self._ready:
                page = self._ready[key]
                self._undrawn.append(key)  # drawn unseen again, at its new width
            if page is not None and page is not self._current:
                page.settle(self._page_size())
            return
        self._idle.stop()
        if self._prebuild_pending:
            self._prebuild_pending = False
            self.prebuild_done.emit()

    def stop(self) -> None:
        """The window is closing: idle work ends here (its notes may close next)."""
        self._stopped = True
        self._to_ready = []
        self._undrawn = []
        self._idle.stop()
        self._hover_rest.stop()
        self._resized.stop()
        self._after_show.stop()

    def warm_up(self) -> None:
        """What the first page made needs, whatever its region, done once the window has
        painted rather than in the first click (its handler took 10 ms after a first
        start): the render and HTML modules imported (1.3 to 1.9 ms) and the cache's
        second part read (1 to 2 ms). A click that comes meanwhile waits for no more
        than it would have taken itself."""
        from viewer.content import html, render  # noqa: F401

        len(self._atlas.conditions)  # the part the conditions are read from

    def prebuild_all(self) -> None:
        """Make every region's HTML on the side shown, during idle time, so that a page
        not made yet is a layout away (up to MAX_RENDERED of them)."""
        if self._stopped:
            return
        self._prebuild_wanted = self._prebuild_pending = True
        shown = self._current
        self._reading = shown if shown is not None and not shown.complete else None
        side = self._side.side
        wanted = [(r, side) for r in self._atlas.regions][:MAX_RENDERED]
        self._to_render = [key for key in reversed(wanted) if key not in self._tops]
        self._wake_idle()

    @property
    def making_pages_ready(self) -> bool:
        """Pages' HTML and tops are being made while idle (prebuild_done comes after)."""
        return bool(self._to_render or self._to_parse)

    @property
    def prebuilt(self) -> bool:
        spares_blank = all(page.is_blank for page in self._spare)
        waiting = self._queue or self._unsettled or self._to_render or self._to_parse
        return not waiting and not self._to_ready and not self._undrawn and spares_blank

    def use_scroll_bar_style(self, style: QStyle) -> None:
        """The style of every page's scroll bar, those to come too. A page is shown again
        on every click: its bar drawn from the last renderings, not by the style anew."""
        self._scroll_bar_style = style
        for page in [*self._pages.values(), *self._ready.values(), *self._spare]:
            page.verticalScrollBar().setStyle(style)

    def draw_page_bar_unseen(self) -> None:
        """Draw, to nothing shown, the scroll bar of a page that fits, at the panel's size
        now, through the pages' style: a click shows a page's top first, which most
        often fits, and its bar is then a copy (scroll_bar_style.draw_unseen)."""
        from viewer.ui.scroll_bar_style import draw_unseen  # names QStyle: not before a paint

        page = self._current
        if page is None or self._scroll_bar_style is None:
            return
        height = page.viewport().height()  # every page's at this size, and so its bar's
        if height > 0:
            draw_unseen(page.verticalScrollBar(), self, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        shown = self._current
        if shown is not None:
            shown.setGeometry(self.contentsRect())
        hidden = {key for key, page in self._pages.items() if page is not shown}
        self._unsettled = hidden | set(self._ready)
        if (self._unsettled or self._to_ready) and not self._stopped:
            self._resized.start()

    def refresh(self, *regions: str, content_changed: bool = True) -> None:
        """Build these regions' pages (none named: every page) again: their notes
        (content_changed) or the style changed."""

        def named(key: PageKey) -> bool:
            return not regions or key[0] in regions

        if content_changed:
            for key in [key for key in self._rendered if named(key)]:
                del self._rendered[key]
                self._tops.pop(key, None)
        stale = [key for key in self._pages if named(key)]
        shown_key = self._key(self.region)
        if shown_key in stale:
            place = self._reading_position()
            old = self._pages.pop(shown_key)
            page = self._show_page(shown_key)
            page.finish()
            page.settle(old.size())
            self._restore_reading_position(place)
            stale.remove(shown_key)
            self._drop(old)
        for key in stale:
            self._drop(self._pages.pop(key))
            self._unsettled.discard(key)
        if self._prepared in stale:
            self._prepared = None
        stale_ready = [key for key in self._ready if named(key)]
        for key in stale_ready:
            self._let_go_ready(key)
        if stale_ready and self._ready_regions:
            self.make_ready(self._ready_regions)
        if self._prebuild_wanted:
            self.prebuild_all()  # the pages dropped, built again while idle

    def _retire(self, page: Page) -> None:
        """A page no longer kept: a spare, its widgets reused for the next page made and
        emptied while idle, or deleted if there are spares enough."""
        if len(self._spare) < MAX_SPARE:
            self._spare.append(page)
            self._wake_idle()
        else:
            self._drop(page)

    def _drop(self, page: Page) -> None:
        page.hide()
        page.deleteLater()

    def _reading_position(self) -> ReadingPosition:
        """The character at the page's top left and its paragraph, or None at the top:
        the first character lies below the heading's margin, and scrolling to it would
        cut that margin off."""
        if self.verticalScrollBar().value() == 0:
            return None
        cursor = self.page().cursorForPosition(QPoint(0, 0))
        block = cursor.block()
        return cursor.position(), block.text(), cursor.position() - block.position()

    def _restore_reading_position(self, place: ReadingPosition) -> None:
        """Scroll so that the same text is at the top as before. The page made again may
        have more or less text above it (a note edited: the notes are in the top), so
        the paragraph is found by its text, the nearest to where it was."""
        page = self.page()
        bar = page.verticalScrollBar()
        if place is None:
            bar.setValue(0)
            return
        was_at, paragraph, offset = place
        document = page.document()
        found = []
        block = document.begin()
        while block.isValid():
            if block.text() == paragraph:
                found.append(block.position() + offset)
            block = block.next()
        position = min(found, key=lambda at: abs(at - was_at), default=was_at)
        cursor = QTextCursor(document)
        cursor.setPosition(max(0, min(position, document.characterCount() - 1)))
        bar.setValue(bar.value() + page.cursorRect(cursor).top())

    # -- what tests, tools and the window read of the page shown ----------------------------

    def document(self) -> QTextDocument:
        """The page shown, complete."""
        page = self.page()
        page.finish()
        return page.document()

    def toPlainText(self) -> str:  # noqa: N802 (QTextBrowser's name)
        return self.document().toPlainText()

    def viewport(self) -> QWidget:
        return self.page().viewport()

    def verticalScrollBar(self) -> QScrollBar:  # noqa: N802
        return self.page().verticalScrollBar()

    def cursorForPosition(self, position: QPoint) -> QTextCursor:  # noqa: N802
        return self.page().cursorForPosition(position)

    def cursorRect(self, cursor: QTextCursor | None = None) -> QRect:  # noqa: N802
        page = self.page()
        return page.cursorRect() if cursor is None else page.cursorRect(cursor)

    def textCursor(self) -> QTextCursor:  # noqa: N802
        return self.page().textCursor()

    def setTextCursor(self, cursor: QTextCursor) -> None:  # noqa: N802
        self.page().setTextCursor(cursor)

    def ensureCursorVisible(self) -> None:  # noqa: N802
        self.page().ensureCursorVisible()

    def anchorAt(self, position: QPoint) -> str:  # noqa: N802
        return self.page().anchorAt(position)

    def copy(self) -> None:
        self.page().copy()

    def source(self) -> QUrl:
        return self.page().source()

    def openLinks(self) -> bool:  # noqa: N802
        return self.page().openLinks()

    def openExternalLinks(self) -> bool:  # noqa: N802
        return self.page().openExternalLinks()

    def scrollToAnchor(self, name: str) -> None:  # noqa: N802
        page = self.page()
        page.finish()
        page.scrollToAnchor(name)

    def anchor_bottom(self, name: str) -> float:
        """How far down the shown document an anchor is, in pixels (-1 if it is not there)."""
        document = self.document()
        layout = document.documentLayout()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and name in fragment.charFormat().anchorNames():
                    return layout.blockBoundingRect(block).top()
                iterator += 1
            block = block.next()
        return -1.0

    # -- text size ------------------------------------------------------------------------

    @property
    def text_size(self) -> float:
        return self._text_size

    def set_text_size(self, size: float) -> None:
        size = min(TEXT_SIZES, key=lambda known: abs(known - size))
        if size == self._text_size:
            return
        self._text_size = size
        self._restyle()
        self.refresh(content_changed=False)
        self.text_size_changed.emit(size)

    def step_text_size(self, steps: int) -> None:
        index = TEXT_SIZES.index(self._text_size) if self._text_size in TEXT_SIZES else 3
        self.set_text_size(TEXT_SIZES[min(max(index + steps, 0), len(TEXT_SIZES) - 1)])

    def reset_text_size(self) -> None:
        self.set_text_size(DEFAULT_TEXT_SIZE)

    def _restyle(self) -> None:
        self._style = style_sheet(theme_for(self.palette()), self._text_size)
        self._tops.clear()  # read in the old style

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_pages"):
            self._restyle()  # light to dark or back: every page in the new colours
            self.refresh(content_changed=False)

    # -- navigation -----------------------------------------------------------------------

    def _before_first_show(self) -> bool:
        """No page made yet and the panel not shown (a window being restored): the first
        page is made when the panel shows or it is asked for (page()), for the region and
        side of then, at the size it shows at. Made at once, before the window was laid
        out, it was laid out 240 px wide, then again when shown."""
        return self._current is None and not self.isVisible()

    def _on_region_selected(self, region: str) -> None:
        self.region = region if region in self._atlas.regions else ""
        if self._before_first_show():
            return
        page = self._show_page(self._key(self.region))
        page.verticalScrollBar().setValue(0)

    def _on_side_changed(self, _side: str) -> None:
        if self._ready_regions:
            self.make_ready(self._ready_regions)  # this side's pages, the other's let go
        if self._before_first_show():
            return
        position = self.verticalScrollBar().value()
        page = self._show_page(self._key(self.region))
        page.finish()  # the same place on the other side needs the whole page
        page.verticalScrollBar().setValue(position)

    def show_condition(self, condition: str) -> bool:
        """Scroll to a condition's section, if the region shown has one."""
        from viewer.content.html import anchor

        region = self._atlas.regions.get(self.region)
        if not condition or region is None:
            return False
        if all(link.condition != condition for link in region.conditions):
            return False
        self.scrollToAnchor(anchor(condition))
        return True

    def _on_anchor_clicked(self, url: QUrl) -> None:
        # In-page anchors and atlas: links only; file:, http:, data:, javascript: are ignored.
        if not url.scheme() and not url.path() and url.fragment():
            self.scrollToAnchor(url.fragment())
            return
        if url.scheme() != "atlas":
            return
        kind, _, target = url.path().partition("/")
        if kind == "region" and target in self._atlas.regions:
            self.region_link_activated.emit(target)
        elif kind == "condition" and target in self._atlas.conditions:
            self.condition_link_activated.emit(target)
        elif kind == "rule" and target in self._atlas.rules:
            self.rule_link_activated.emit(target)


def paint_once(page: Page) -> None:
    """Qt posts a deferred repaint (UpdateLater) for every widget it shows, so a page
    shown would be painted twice: once now and again a turn later. Marked dirty now
    instead, it is painted once."""
    for widget in page.widgets():
        QCoreApplication.removePostedEvents(widget, QEvent.Type.UpdateLater)
    page.update()
