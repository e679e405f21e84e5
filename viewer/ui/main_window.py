"""The main window: search and region list, the drawing with its views, the details.

It assembles the widgets, owns the menus' actions (viewer/ui/actions.py),
remembers where the reader was (viewer/ui/settings.py) and navigates. What the
File, Edit and Help commands do lives in viewer/ui/commands.py.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.bundle import Bundle
from viewer.content.model import FREQUENCIES
from viewer.diagram.views import SIDES
from viewer.ui.actions import Actions
from viewer.ui.after_paint import QUIET_MS, RIGHT_AFTER_MS, AfterFirstPaint
from viewer.ui.art_cache import ArtCache
from viewer.ui.commands import Commands
from viewer.ui.details_panel import AFTER_SHOW_MS, DetailsPanel
from viewer.ui.diagram_view import DiagramView
from viewer.ui.history import History
from viewer.ui.memory_trim import IdleMemoryTrim
from viewer.ui.notes_panel import NotesPanel
from viewer.ui.region_list import RegionList
from viewer.ui.rule_panel import RulePanel
from viewer.ui.search_panel import SearchPanel
from viewer.ui.selection import Selection
from viewer.ui.settings import AppSettings
from viewer.ui.side import Side
from viewer.ui.view_tabs import ViewTabs
from viewer.ui.window_size import MIN_SIZE, first_start_size

if TYPE_CHECKING:
    from viewer.notes.store import NotesStore  # sqlite3: loaded after the first paint

TITLE = "Lower-limb anatomy reference"
HOVER_HINT = "Point at a region to see its name; click it to read about it."
LEGEND = (
    "orange outline: pointed at · blue: selected · purple hatch: search match · "
    "red dashes: high-risk site"
)
LEGEND_TIP = (
    "Orange outline: the region under the pointer. Blue fill: the selected region. "
    "Purple hatching: a search match. Red dashes: a high-risk stress-fracture site "
    "(shown when pointed at or selected). A dot on a tab: that view shows the selected region."
)
TOOLS_FOLDED = 34  # the rules-and-notes pane, folded to its tabs
TOOLS_OPEN = 260


class MainWindow(QMainWindow):
    def __init__(
        self,
        bundle: Bundle,
        settings: AppSettings | None = None,
        notes: NotesStore | None = None,
        notes_opening: bool = False,
        art_cache: ArtCache | None = None,
    ) -> None:
        """notes_opening: the store comes later, by attach_notes(). art_cache: where the
        drawing's art is kept as painted, for the next start (none: always from its SVG)."""
        super().__init__()
        self.bundle = bundle
        self.settings = settings or AppSettings()
        self.notes = notes
        self.selection = Selection(self)
        self.side = Side(self)
        self.history = History(self)
        self.memory_trim = IdleMemoryTrim(self)
        self._navigating = False
        self.setWindowTitle(TITLE)
        # The title names the region read. It changes once the region's page has painted,
        # not in the click: setting it sends the window system its properties (0.1 ms).
        self._title_later = QTimer(self)
        self._title_later.setSingleShot(True)
        self._title_later.setInterval(AFTER_SHOW_MS)
        self._title_later.timeout.connect(self._show_title)
        self.setObjectName("mainWindow")
        self.setMinimumSize(*MIN_SIZE)

        self.region_list = RegionList(bundle, self.selection)
        self.search = SearchPanel(bundle.atlas, self.region_list, self._notes_matching)
        self.diagram = DiagramView(
            bundle, self.selection, self.side, self.region_list.order(), art_cache=art_cache
        )
        self.details = DetailsPanel(bundle.atlas, self.selection, self.side, self._notes_for)
        self.rules = RulePanel(bundle.atlas)
        self.notes_panel = NotesPanel(bundle.atlas, notes, opening=notes_opening)
        self.tools = QTabWidget()
        self.tools.setObjectName("tools")
        self.tools.setDocumentMode(True)
        self.tools.tabBarClicked.connect(lambda _index: self.open_tools())
        self.tools.setMinimumHeight(TOOLS_FOLDED)  # may fold to its tabs
        self.tools.addTab(self.rules, "Decision rule")
        self.tools.addTab(self.notes_panel, "Your notes")
        self.view_tabs = ViewTabs(self.diagram.views())
        self.menu_actions = Actions(self, self.diagram.views())
        self.commands = Commands(self)
        self.back_button = self._history_button("Back")
        self.forward_button = self._history_button("Forward")
        self.side_buttons = QButtonGroup(self)
        self.hover_status = QLabel(HOVER_HINT)
        self.hover_status.setObjectName("hoverStatus")
        self.hover_status.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.hover_status, 1)
        legend = QLabel(LEGEND)
        legend.setObjectName("legend")
        legend.setTextFormat(Qt.TextFormat.PlainText)
        legend.setToolTip(LEGEND_TIP)
        self.statusBar().addPermanentWidget(legend)
        self.setCentralWidget(self._layout())
        self.menu_actions.build_menus(self.menuBar())
        for action in self.menu_actions.drawing_actions():
            self.diagram.addAction(action)  # + - 0 Z act while the drawing has focus
        self.addActions(
            [a for a in self.menu_actions.all() if a not in self.menu_actions.drawing_actions()]
        )
        self._last_activity = -math.inf  # time.perf_counter() of the reader's last action
        self._views_made_ready = False  # make_views_ready() was called
        self._list_bar_learned = False
        self._connect()
        self._update_history_buttons()
        views = self.diagram.views()
        if views:
            # The view the reader left, which restore() shows: another's scene built first
            # would read and lay out its drawing for nothing (2 to 7 ms of the start).
            saved = self.settings.view()
            self.diagram.show_view(saved if saved in views else views[0])
        self._on_side_changed(self.side.side)
        # What the first paint does not show, done a moment after it, a step per turn
        # of the event loop: one lump would hold a click, or a frame while the search
        # index is built on its thread, as long as all of them (15 ms, twice that while
        # the index builder shares the interpreter lock).
        self._start_steps: list[Callable[[], object]] = [
            self._style_scroll_bars,
            self._style_arrows,
            self.search.add_clear_button,
            self.details.draw_page_bar_unseen,
            self.details.prepare_a_page,
            self.diagram.read_art,
            self.diagram.keep_art,
        ]
        # What a click soon after the first paint needs, done as soon as it is over: each
        # light, or in idle steps that give way to a click.
        self._at_first_paint: list[Callable[[], object]] | None = [self.details.warm_up]
        AfterFirstPaint(
            self,
            self._next_start_step,
            fallback_ms=1000,
            delay_ms=QUIET_MS,
            at_once=self._run_at_first_paint,
        )

    @property
    def started(self) -> bool:
        """The work left for after the first paint is done."""
        return not self._start_steps

    def after_first_paint(self, step: Callable[[], object]) -> None:
        """One more step for the moment after the first paint (the notes store: app.py)."""
        self._start_steps.append(step)

    def right_after_first_paint(self, step: Callable[[], object]) -> None:
        """A step run as soon as the first paint is over, not QUIET_MS later as the other
        steps: a click then waits for it, so only light work (or work that queues idle
        steps); at once if that moment is past."""
        if self._at_first_paint is None:
            step()
        else:
            self._at_first_paint.append(step)

    def _run_at_first_paint(self) -> None:
        steps, self._at_first_paint = self._at_first_paint or [], None
        for step in steps:
            step()

    def _then_steps(self, steps: Sequence[Callable[[], object]]) -> None:
        """More steps, once the first paint is past, run as the start's are: a step a turn."""
        running = bool(self._start_steps)  # its steps go on: these come after them
        self._start_steps.extend(steps)
        if not running and self._start_steps:
            QTimer.singleShot(1, self, self._next_start_step)

    def finish_start(self) -> None:
        """Every step left for after the first paint, now (a screenshot, a test)."""
        self._run_at_first_paint()
        while self._start_steps:
            self._start_steps.pop(0)()

    def _next_start_step(self) -> None:
        if self._start_steps and self._may_take_a_step():
            self._start_steps.pop(0)()
        if self._start_steps:
            # Not 0: that is a queued call, run before the loop turns again.
            QTimer.singleShot(1, self, self._next_start_step)

    def _may_take_a_step(self) -> bool:
        """Not between a click and its page's paint (a timer due then runs before the
        paint), and only within RIGHT_AFTER_MS of the reader's last action or once they
        have paused for QUIET_MS: a step due otherwise held a quick reader's next click
        for up to 10 ms."""
        if self.details.page_yet_to_paint:
            return False
        idle_ms = self._idle_ms()
        return idle_ms <= RIGHT_AFTER_MS or idle_ms >= QUIET_MS

    def _note_activity(self) -> None:
        self._last_activity = time.perf_counter()

    def _idle_ms(self) -> float:
        """How long since the reader's last action (_note_activity), in ms."""
        return (time.perf_counter() - self._last_activity) * 1000

    def when_quiet(self, work: Callable[[], object]) -> None:
        """Run work once the reader has left the window alone (no region chosen, view,
        zoom, side, search or text size changed) for QUIET_MS: now if they have."""
        idle_ms = self._idle_ms()
        if idle_ms >= QUIET_MS:
            work()
        else:
            QTimer.singleShot(math.ceil(QUIET_MS - idle_ms), self, lambda: self.when_quiet(work))

    def _style_scroll_bars(self) -> None:
        """Scroll bars drawn from cached renderings (scroll_bar_style.py), a QProxyStyle:
        PySide makes QStyle's type, with its enums (566 members), the first time it is
        named: 6.5 to 15 ms. The first paint draws them with the application's style:
        the same pixels."""
        from viewer.ui.scroll_bar_style import cached_scroll_bar_style

        self.region_list.verticalScrollBar().setStyle(cached_scroll_bar_style())
        self.search.results.verticalScrollBar().setStyle(cached_scroll_bar_style())
        self.details.use_scroll_bar_style(cached_scroll_bar_style())

    def _learn_the_region_list_bar(self) -> None:
        """The region list's scroll bar drawn unseen, scrolled to its ends and between
        them (scroll_bar_style.learning_steps), once the pages are made after start: a
        click that scrolls the list then has its bar put together, not drawn by the
        style. After the start's steps, a step per turn of the event loop, each 3 to 4 ms."""
        from viewer.ui.scroll_bar_style import CachedScrollBarStyle, learning_steps

        bar = self.region_list.verticalScrollBar()
        if self._list_bar_learned or not isinstance(bar.style(), CachedScrollBarStyle):
            return
        self._list_bar_learned = True
        self._then_steps(learning_steps(bar, self.region_list))

    @property
    def list_bar_learned(self) -> bool:
        """The region list's scroll bar was drawn unseen as _learn_the_region_list_bar says."""
        return self._list_bar_learned and self.started

    def _style_arrows(self) -> None:
        """The style's arrows for Back and Forward, in the room kept for them: the first
        standard icon looks the desktop's icon theme up (6 ms)."""
        from PySide6.QtWidgets import QStyle

        style = self.style()
        self.back_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.forward_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))

    # -- building ---------------------------------------------------------------------------

    def _history_button(self, text: str) -> QToolButton:
        button = QToolButton()
        blank = QPixmap(16, 16)
        blank.fill(Qt.GlobalColor.transparent)
        button.setIcon(QIcon(blank))  # its arrow's room, the arrow itself after the first paint
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        keys = "Alt+Left" if text == "Back" else "Alt+Right"
        button.setToolTip(f"{text} ({keys})")
        button.setAccessibleName(text)
        button.setObjectName(f"{text.lower()}Button")
        return button

    def _side_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(0)
        label = QLabel("Side:")
        label.setContentsMargins(0, 0, 6, 0)
        row.addWidget(label)
        for index, side in enumerate(SIDES):
            button = QToolButton()
            button.setText(side.upper())
            button.setCheckable(True)
            button.setObjectName(f"{side}SideButton")
            button.setToolTip(f"Show the {side} limb (Alt+{side[0].upper()})")
            button.setAccessibleName(f"Show the {side} limb")
            button.setMinimumWidth(64)
            self.side_buttons.addButton(button, index)
            row.addWidget(button)
        return row

    def _layout(self) -> QSplitter:
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 6, 2)
        bar.addWidget(self.back_button)
        bar.addWidget(self.forward_button)
        bar.addStretch(1)
        bar.addLayout(self._side_row())

        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view_tabs)
        layout.addLayout(bar)
        layout.addWidget(self.diagram, 1)

        self.reading = QSplitter(Qt.Orientation.Vertical)
        self.reading.setObjectName("readingSplitter")
        self.reading.addWidget(self.details)
        self.reading.addWidget(self.tools)
        self.reading.setStretchFactor(0, 4)
        self.reading.setStretchFactor(1, 1)
        self.reading.setChildrenCollapsible(True)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.search)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.reading)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setChildrenCollapsible(False)

        # Tab goes search -> list or results -> drawing -> details: reading order.
        QWidget.setTabOrder(self.search.field, self.region_list)
        QWidget.setTabOrder(self.region_list, self.search.results)
        QWidget.setTabOrder(self.search.results, self.diagram)
        QWidget.setTabOrder(self.diagram, self.details)
        return self.splitter

    def _connect(self) -> None:
        a = self.menu_actions
        self.view_tabs.currentChanged.connect(self._on_tab_changed)
        self.diagram.view_changed.connect(self._on_view_changed)
        self.diagram.region_hovered.connect(self._on_region_hovered)
        self.selection.region_selected.connect(self._on_region_selected)
        self.side_buttons.idClicked.connect(self._on_side_clicked)
        self.side.side_changed.connect(self._on_side_changed)
        self.search.result_chosen.connect(self._on_result_chosen)
        self.search.matches_changed.connect(self.diagram.set_matches)
        self.details.region_link_activated.connect(self._on_region_link)
        self.details.prebuild_done.connect(self._learn_the_region_list_bar)
        self.details.condition_link_activated.connect(self._on_condition_link)
        self.details.rule_link_activated.connect(self._on_rule_link)
        self.details.text_size_changed.connect(self.settings.save_text_size)
        self.notes_panel.saved.connect(self._on_note_saved)
        self.reading.splitterMoved.connect(self._on_reading_split_moved)
        self.history.changed.connect(self._update_history_buttons)
        self.back_button.clicked.connect(self.go_back)
        self.forward_button.clicked.connect(self.go_forward)
        self.diagram.zoom_changed.connect(self.settings.save_zoom)
        for view, action in a.views.items():
            action.triggered.connect(partial(self.diagram.show_view, view))
        a.side_right.triggered.connect(partial(self.side.set_side, "right"))
        a.side_left.triggered.connect(partial(self.side.set_side, "left"))
        a.zoom_in.triggered.connect(partial(self.diagram.zoom_by, 1.25))
        a.zoom_out.triggered.connect(partial(self.diagram.zoom_by, 0.8))
        a.zoom_fit.triggered.connect(self.diagram.zoom_fit)
        a.zoom_selected.triggered.connect(self.diagram.zoom_to_selected)
        a.text_larger.triggered.connect(partial(self.details.step_text_size, 1))
        a.text_smaller.triggered.connect(partial(self.details.step_text_size, -1))
        a.text_reset.triggered.connect(self.details.reset_text_size)
        a.back.triggered.connect(self.go_back)
        a.forward.triggered.connect(self.go_forward)
        a.find.triggered.connect(self.search.focus_search)
        a.quit.triggered.connect(self._on_quit)
        a.close_window.triggered.connect(self.close)
        self.commands.wire(a)
        # The reader's actions. What lays out pages or renders the drawing anew leaves the
        # allocator's free memory behind: once the reader pauses, it goes back to the
        # system. Work that can wait (the search index's build) waits for that pause.
        for activity in (
            self.selection.region_selected,
            self.diagram.view_changed,
            self.diagram.zoom_changed,
            self.side.side_changed,
            self.search.matches_changed,
            self.details.text_size_changed,
        ):
            activity.connect(self.memory_trim.poke)
            activity.connect(self._note_activity)

    # -- settings ---------------------------------------------------------------------------

    def restore(self, region: str = "", view: str = "", side: str = "") -> None:
        """Put the window back as the reader left it; what the command line asks wins."""
        s = self.settings
        geometry = s.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.size_to_screen()
        state = s.window_state()
        if state is not None:
            self.restoreState(state)
        for splitter, name in ((self.splitter, "main"), (self.reading, "reading")):
            saved = s.splitter(name)
            if saved is None or not splitter.restoreState(saved):
                self._default_split(splitter)
        self.details.set_text_size(s.text_size())
        for name in self.diagram.views():
            self.diagram.set_zoom(name, s.zoom(name))
        self.open_at(
            region or (s.region() if s.region() in self.bundle.atlas.regions else ""),
            view or (s.view() if s.view() in self.bundle.drawings else ""),
            side or s.side(),
        )

    def lay_out(self) -> None:
        """The panes' usual proportions for the window's present size."""
        self._default_split(self.splitter)
        self._default_split(self.reading)

    def size_to_screen(self) -> None:
        """First start: 90% of the screen's free area, centred; never larger than it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        free = screen.availableGeometry()
        self.resize(*first_start_size(free.width(), free.height()))
        frame = self.frameGeometry()
        frame.moveCenter(free.center())
        self.move(frame.topLeft())

    def _default_split(self, splitter: QSplitter) -> None:
        if splitter is self.splitter:
            width = max(self.width(), 800)
            left = 250 if width >= 1300 else 220
            rest = width - left
            splitter.setSizes([left, int(rest * 0.45), int(rest * 0.55)])
        else:
            # The reading first: the rules and notes open when their tab is clicked.
            height = max(self.height(), 500)
            splitter.setSizes([height - TOOLS_FOLDED, TOOLS_FOLDED])

    def save_settings(self) -> None:
        s = self.settings
        s.save_window(self.saveGeometry(), self.saveState())
        s.save_splitter("main", self.splitter.saveState())
        s.save_splitter("reading", self.reading.saveState())
        s.save_place(self.side.side, self.diagram.current_view, self.selection.region)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.notes_panel.save_now()
        self.save_settings()
        self.diagram.keep_art()  # as the next start will lay it out
        self.details.stop()
        from PySide6.QtWidgets import QDialog  # not made at start: no dialog is open then

        for dialog in self.findChildren(QDialog):
            dialog.close()  # an About or Sources window does not outlive the window it belongs to
        super().closeEvent(event)

    def _on_quit(self) -> None:
        self.close()
        app = QGuiApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app.quit)

    # -- opening and navigating ---------------------------------------------------------------

    def open_at(self, region: str = "", view: str = "", side: str = "") -> None:
        """Select a region (its first view comes up), show a given view and side."""
        if side:
            self.side.set_side(side)
        if region:
            self.selection.select(region)
        if view:
            self.diagram.show_view(view)

    def show_problems(self) -> None:
        if self.bundle.problems:
            from viewer.ui.problems_dialog import ProblemsDialog  # rarely needed: not at start

            ProblemsDialog(self.bundle.problems, self).open()

    def go_to(self, region: str, condition: str = "") -> None:
        """Open a region, at one of its conditions if given, and remember it."""
        self.selection.select(region)
        if condition and self.details.show_condition(condition):
            self.history.visit(region, condition)
            self._sync_tools(condition)

    def go_back(self) -> None:
        self._revisit(self.history.back())

    def go_forward(self) -> None:
        self._revisit(self.history.forward())

    def _revisit(self, place: tuple[str, str] | None) -> None:
        if place is None:
            return
        self._navigating = True
        try:
            region, condition = place
            self.selection.select(region)
            if condition:
                self.details.show_condition(condition)
            else:
                self.details.verticalScrollBar().setValue(0)
        finally:
            self._navigating = False

    def current_condition(self) -> str:
        """The condition the reader came to, if they came to one."""
        place = self.history.current
        return place[1] if place and place[0] == self.selection.region else ""

    def best_region_for(self, condition: str) -> str:
        """Where to read about a condition: here if it is here, else where it is commonest."""
        atlas = self.bundle.atlas
        current = atlas.regions.get(self.selection.region)
        if current and any(link.condition == condition for link in current.conditions):
            return current.id
        rank = {frequency: index for index, frequency in enumerate(FREQUENCIES)}
        view = self.diagram.current_view
        places = [
            (rank.get(link.frequency, 9), view not in region.views, order, region.id)
            for order, region in enumerate(atlas.in_catalogue_order())
            for link in region.conditions
            if link.condition == condition
        ]
        return min(places)[3] if places else ""

    # -- notes ------------------------------------------------------------------------------

    def attach_notes(self, store: NotesStore | None, notice: str = "") -> None:
        """The notes store, opened once the window has painted (viewer/ui/app.py): the
        pages of regions with notes made again with them."""
        self.notes = store
        self.notes_panel.set_store(store)
        if store is not None:
            with_notes = [r for r in store.regions() if r in self.bundle.atlas.regions]
            if with_notes:  # none named would be every page
                self.details.refresh(*with_notes)
            self.search.notes_changed()
        if notice:
            self.statusBar().showMessage(notice, 15000)

    def _notes_for(self, region: str) -> list[tuple[str, str]]:
        if self.notes is None:
            return []
        return [(note.condition, note.text) for note in self.notes.for_region(region)]

    def _notes_matching(self) -> list[tuple[str, str, str]]:
        if self.notes is None:
            return []
        atlas = self.bundle.atlas
        return [
            (note.region, note.condition, note.text)
            for note in self.notes.all()
            if note.region in atlas.regions
        ]

    def _on_note_saved(self, region: str, _condition: str) -> None:
        self.details.refresh(region)
        self.search.notes_changed()

    # -- handlers -------------------------------------------------------------------------------

    def _on_tab_changed(self, index: int) -> None:
        self.diagram.show_view(self.view_tabs.view_at(index))

    def make_views_ready(self) -> None:
        """From now on the pages of the regions of the view shown, and of each view shown
        next, are made ready while idle (DetailsPanel.make_ready)."""
        self._views_made_ready = True
        self._make_view_ready()

    def _make_view_ready(self) -> None:
        self.details.make_ready(self.bundle.shapes.get(self.diagram.current_view, []))

    def _on_view_changed(self, view: str) -> None:
        if self._views_made_ready:
            self._make_view_ready()
        self.view_tabs.show_view(view)
        action = self.menu_actions.views.get(view)
        if action is not None:
            action.setChecked(True)

    def _on_region_hovered(self, region: str, beneath: list[str]) -> None:
        self.details.point_at(region)
        regions = self.bundle.atlas.regions
        record = regions.get(region)
        if record is None:
            self.hover_status.setText(HOVER_HINT)
            return
        text = record.name + ("  ⚠ high-risk stress-fracture site" if record.high_risk else "")
        names = [regions[r].name for r in beneath if r in regions]
        if names:
            text += f"  (beneath: {', '.join(names)}: click again to reach it)"
        self.hover_status.setText(text)

    def _on_region_selected(self, region: str) -> None:
        record = self.bundle.atlas.regions.get(region)
        self._title_later.start()
        self.view_tabs.mark_views(set(self.bundle.views_of(region)))
        if self.tools_open():
            self._sync_tools()
        if record is not None and self.diagram.hovered_region() == region:
            self._on_region_hovered(region, [])  # the status follows a second click
        if not self._navigating:
            self.history.visit(region)

    def _show_title(self) -> None:
        """The region selected and the side shown, in the title."""
        record = self.bundle.atlas.regions.get(self.selection.region)
        title = f"{record.name} ({self.side.side}): {TITLE}" if record else TITLE
        if self.windowTitle() != title:
            self.setWindowTitle(title)

    def _on_side_clicked(self, index: int) -> None:
        self.side.set_side(SIDES[index])

    def _on_side_changed(self, side: str) -> None:
        button = self.side_buttons.button(SIDES.index(side))
        if button is not None and not button.isChecked():
            button.setChecked(True)
        (
            self.menu_actions.side_left if side == "left" else self.menu_actions.side_right
        ).setChecked(True)
        self._on_region_selected(self.selection.region) if self.selection.region else None

    def _on_result_chosen(self, region: str, condition: str) -> None:
        self.go_to(region, condition)

    def _on_region_link(self, region: str) -> None:
        self.go_to(region)

    def _on_condition_link(self, condition: str) -> None:
        region = self.best_region_for(condition)
        if region:
            self.go_to(region, condition)

    def _on_rule_link(self, _rule: str) -> None:
        self.tools.setCurrentWidget(self.rules)
        self.open_tools()

    def open_tools(self) -> None:
        """Unfold the rules-and-notes pane if it is folded to its tabs."""
        sizes = self.reading.sizes()
        if len(sizes) == 2 and sizes[1] < TOOLS_OPEN - 40:
            total = sum(sizes)
            self.reading.setSizes([max(total - TOOLS_OPEN, 200), TOOLS_OPEN])
        self._sync_tools()

    def tools_open(self) -> bool:
        """Whether the rules-and-notes pane shows more than its tabs."""
        sizes = self.reading.sizes()
        return len(sizes) == 2 and sizes[1] > TOOLS_FOLDED + 8

    def _sync_tools(self, condition: str = "") -> None:
        """Show the selected region's rules and note. While the pane is folded nothing
        there is updated (a click on the drawing lays out no hidden checklist); it
        catches up when it opens."""
        region = self.selection.region
        if self.rules.region != region:
            self.rules.show_region(region)
        if condition or self.notes_panel.region != region:
            self.notes_panel.show_region(region, condition)

    def _on_reading_split_moved(self, _position: int, _index: int) -> None:
        if self.tools_open():
            self._sync_tools()

    def _update_history_buttons(self) -> None:
        back, forward = self.history.can_go_back(), self.history.can_go_forward()
        self.back_button.setEnabled(back)
        self.forward_button.setEnabled(forward)
        self.menu_actions.back.setEnabled(back)
        self.menu_actions.forward.setEnabled(forward)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # The mouse's back and forward buttons, wherever the pointer is in the window:
        # every widget leaves them to the window (viewer/ui/history_buttons.py).
        if event.button() == Qt.MouseButton.BackButton:
            self.go_back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.go_forward()
        else:
            super().mousePressEvent(event)
