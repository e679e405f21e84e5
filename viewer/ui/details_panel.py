"""The selected region's page, as escaped rich text that loads nothing.

Each region's document is built and laid out once, at the panel's width, and
kept: setDocument() over a document laid out before costs a fraction of a
fresh layout, which is most of a click. After start-up, idle time builds the
rest, one region per event-loop turn. The text size (Ctrl++, Ctrl+-, Ctrl+0,
Ctrl+wheel) changes the style sheet; the reader stays at the same place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QTextCursor, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.content.model import Atlas
from viewer.inert_text import InertDocument
from viewer.ui.selection import Selection
from viewer.ui.settings import DEFAULT_TEXT_SIZE, TEXT_SIZES
from viewer.ui.side import Side
from viewer.ui.theme import style_sheet, theme_for

EMPTY = (
    "<h1>Lower-limb reference</h1>"
    "<p>Click a region on the drawing, or choose one from the list, to read the "
    "conditions there: at a glance first (what tells them apart, the red flags, the "
    "first test), then each in full with its named tests, imaging step by step, "
    "management and sources.</p>"
    "<p>Type in the search field (Ctrl+F) for a name, a symptom or how the patient "
    "put it: <i>hot swollen knee</i>, <i>heel pain in the morning</i>.</p>"
)
# Kept for tests and tools that look at the guard by its old name.
SafeDocument = InertDocument
NotesFor = Callable[[str], list[tuple[str, str]]]  # region -> [(condition or "", text)]


class DetailsPanel(QTextBrowser):
    """Follows only in-page anchors and the app's own atlas: links, which it hands on."""

    region_link_activated = Signal(str)  # region id
    condition_link_activated = Signal(str)  # condition id
    rule_link_activated = Signal(str)  # rule id
    text_size_changed = Signal(float)

    def __init__(
        self,
        atlas: Atlas,
        selection: Selection,
        side: Side,
        notes_for: NotesFor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._atlas = atlas
        self._side = side
        self._notes_for = notes_for or (lambda _region: [])
        self._documents: dict[tuple[str, str], QTextDocument] = {}
        self._pending: list[str] = []
        self._prebuild = QTimer(self)
        self._prebuild.setInterval(0)
        self._text_size = DEFAULT_TEXT_SIZE
        self._style = ""
        self.region = ""
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Region details")
        # A scroll bar that comes and goes would make Qt lay the text out a second time.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._restyle()
        self.setDocument(self._document(""))

        self._prebuild.timeout.connect(self._on_prebuild_tick)
        self.anchorClicked.connect(self._on_anchor_clicked)
        selection.region_selected.connect(self._on_region_selected)
        side.side_changed.connect(self._on_side_changed)

    # -- documents ----------------------------------------------------------------------

    def prebuild_all(self) -> None:
        """Build and lay out every region's document during idle time."""
        side = self._side.side
        self._pending = [r for r in self._atlas.regions if (r, side) not in self._documents][::-1]
        self._prebuild.start()

    @property
    def prebuilt(self) -> bool:
        return not self._pending

    def _document(self, region: str) -> QTextDocument:
        key = (region, self._side.side if region else "")
        document = self._documents.get(key)
        if document is None:
            document = InertDocument(self)
            document.setDocumentMargin(self.document().documentMargin())
            document.setDefaultStyleSheet(self._style)
            font = QFont(self.font())
            font.setPointSizeF(self._text_size)  # the body's size: CSS on body does not reach it
            document.setDefaultFont(font)
            document.setHtml(self._html(*key))
            document.setTextWidth(self.viewport().width())
            self._documents[key] = document
        return document

    def _html(self, region: str, side: str) -> str:
        if not region:
            return EMPTY
        # Imported on first use: nothing needs rendering before the window first paints.
        from viewer.content.html import report_html
        from viewer.content.render import build_report

        return report_html(build_report(self._atlas, region, side, self._notes_for(region)))

    def refresh(self, region: str = "") -> None:
        """Build a region's page (or every page) again: its notes or the style changed."""
        stale = [key for key in self._documents if not region or key[0] == region]
        dropped = [self._documents.pop(key) for key in stale]
        if not region or region == self.region:
            self._show_keeping_place()
        for document in dropped:
            if document is not self.document():
                document.deleteLater()  # the panel is their parent: drop them for good

    def _show_keeping_place(self) -> None:
        """Show the current region's document with the same text at the top as before."""
        top = self.cursorForPosition(QPoint(0, 0)).position()
        self.setDocument(self._document(self.region))
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(top, self.document().characterCount() - 1))
        self.verticalScrollBar().setValue(
            self.verticalScrollBar().value() + self.cursorRect(cursor).top()
        )

    def _on_prebuild_tick(self) -> None:
        if not self._pending:
            self._prebuild.stop()
            return
        self._document(self._pending.pop()).size()  # size() lays it out now

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
        self.refresh()
        self.text_size_changed.emit(size)

    def step_text_size(self, steps: int) -> None:
        index = TEXT_SIZES.index(self._text_size) if self._text_size in TEXT_SIZES else 3
        self.set_text_size(TEXT_SIZES[min(max(index + steps, 0), len(TEXT_SIZES) - 1)])

    def reset_text_size(self) -> None:
        self.set_text_size(DEFAULT_TEXT_SIZE)

    def _restyle(self) -> None:
        self._style = style_sheet(theme_for(self.palette()), self._text_size)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_documents"):
            self._restyle()  # light to dark or back: every page in the new colours
            self.refresh()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = 1 if event.angleDelta().y() > 0 else -1 if event.angleDelta().y() < 0 else 0
            if steps:
                self.step_text_size(steps)
            event.accept()
            return
        super().wheelEvent(event)

    # -- navigation -----------------------------------------------------------------------

    def _on_region_selected(self, region: str) -> None:
        self.region = region if region in self._atlas.regions else ""
        self.setDocument(self._document(self.region))
        self.verticalScrollBar().setValue(0)

    def _on_side_changed(self, _side: str) -> None:
        position = self.verticalScrollBar().value()
        self.setDocument(self._document(self.region))
        self.verticalScrollBar().setValue(position)

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
