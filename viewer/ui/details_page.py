"""One region's page on one side: a text browser that keeps its document laid out.

Qt lays a whole document out again whenever a text browser is given another
one (QTextEdit::setDocument sets the page size, and that starts a full
layout: 19 ms for the patella's page). So each page has a browser of its own,
and the panel shows one or another (viewer/ui/details_panel.py).

A page is built in parts (viewer/content/html.py report_html_parts): the top
at once, so a click is answered within a frame, then one condition at a time
while the app is idle. Appending a part lays out only that part.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent, QTextCursor, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from viewer.inert_text import InertDocument

if TYPE_CHECKING:
    # Not named before the first paint: PySide would make their types, and QTextFormat's
    # 130 enum members, for the welcome page, which needs none of them (2.5 ms).
    from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextDocumentFragment

    ParsedPart = tuple[QTextDocumentFragment, QTextBlockFormat, QTextCharFormat]


def styled_document(style: str, font: QFont, parent: QObject | None = None) -> InertDocument:
    """An empty document in the page's style: its style sheet and its body's font."""
    document = InertDocument(parent)
    document.setUndoRedoEnabled(False)  # read-only: an undo stack would copy every part
    document.setDefaultStyleSheet(style)
    document.setDefaultFont(font)  # the body's size: CSS on body does not reach it
    return document


# Where parts are read: one document, in the style of the pages read last (its style
# sheet parsed once, not once a part), with that style's key.
_scratch: tuple[tuple[str, str], InertDocument] | None = None


def parse_part(html: str, style: str, font: QFont) -> ParsedPart:
    """A part read from its HTML in a document styled as the page (its style sheet and
    font), with its first block's formats: put in anywhere, it looks the same."""
    global _scratch
    key = (style, font.key())
    if _scratch is None or _scratch[0] != key:
        if _scratch is not None:
            _scratch[1].deleteLater()
        # The application's child: it goes before the application, not at interpreter exit.
        _scratch = (key, styled_document(style, font, QCoreApplication.instance()))
    scratch = _scratch[1]
    scratch.setHtml(html)
    first = scratch.begin()
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment(scratch), first.blockFormat(), first.charFormat()


def keep_shaped_text(document: QTextDocument) -> None:
    """Keep the shaped text of the blocks in the document now (the page's top: what a
    click shows) from one paint to the next. Qt shapes each line again whenever it
    draws it and lets the glyphs go after (QTextLayout::draw): 0.5 ms of every click
    on a page kept. About 85 kB a page; the parts added later, read by scrolling,
    are shaped as they are drawn."""
    block = document.begin()
    while block.isValid():
        block.layout().setCacheEnabled(True)
        block = block.next()


class Page(QTextBrowser):
    """Follows no link itself: the panel hears every anchor clicked."""

    def __init__(
        self,
        parts: list[str],
        style: str,
        font: QFont,
        on_zoom: Callable[[int], None],
        parent: QWidget | None = None,
        parsed_top: ParsedPart | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_zoom = on_zoom
        self.pending: list[str] = []
        self._parsed: ParsedPart | None = None
        self._style = style
        self._font = font
        self._widgets: list[QWidget] = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # The panel draws the frame. The page's text and its scroll bar's place cover it:
        # nothing behind it is painted when it is shown. That place is filled while the bar
        # is not drawn (showEvent): the last page's bar would show there otherwise.
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName("Region details")
        # Named from their parent first, Qt's widgets (the viewport) are known to Python by
        # their kind: viewport() would make PySide learn every kind of widget (15-20 ms).
        self.widgets()
        bar_place = self.verticalScrollBar().parentWidget()
        if bar_place is not None and bar_place is not self:
            bar_place.setAutoFillBackground(True)
        self.load(parts, style, font, parsed_top)

    def load(
        self, parts: list[str], style: str, font: QFont, parsed_top: ParsedPart | None = None
    ) -> None:
        """Show another page here: a browser made once is cheaper to reuse than to make.
        parsed_top: the top part read already, while idle (parse_part), in this style."""
        self._style = style
        self._font = font
        self.pending = parts[1:]
        self._parsed = None
        top = parts[0] if parts else ""
        # A page that grows part by part keeps its scroll bar: one that came and went would
        # make Qt lay the text out a second time. A page of one part (the welcome text) shows
        # it only if it does not fit: a scroll bar all handle costs Fusion 2-4 ms to draw.
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded
        if self.pending:
            policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOn
        if self.verticalScrollBarPolicy() != policy:
            self.setVerticalScrollBarPolicy(policy)
        document = self.document()
        if not isinstance(document, InertDocument):  # Qt's own, before the first page
            document = styled_document(self._style, self._font, self)
            self.setDocument(document)  # empty: nothing to lay out
        else:
            # Its own document, emptied and filled: a new one would be laid out in full
            # by setDocument (1 ms of a click), and emptying frees the old layout (0.1 ms).
            document.clear()
            if document.defaultStyleSheet() != style:
                document.setDefaultStyleSheet(style)  # parsed again: 0.15 ms
            if document.defaultFont() != font:
                document.setDefaultFont(font)
        if parsed_top is None:
            document.setHtml(top)  # laid out as it goes in: the top part only
        else:
            fragment, block_format, char_format = parsed_top
            cursor = QTextCursor(document)
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
            cursor.insertFragment(fragment)  # only laid out: 0.3 ms of a click not spent reading
        keep_shaped_text(document)
        # The browser's own cursor, which went along with the text put in, back to the
        # start: left at the end of the top, it would follow each part added after it
        # and the browser would scroll to keep it in view.
        self.setTextCursor(QTextCursor(document))
        self.verticalScrollBar().setValue(0)

    def blank(self) -> None:
        """Let go of the text now, while idle: its layout's megabytes freed, and the next
        page loaded here spared the emptying."""
        if not self.is_blank:
            self.pending = []
            self._parsed = None
            self.document().clear()

    @property
    def is_blank(self) -> bool:
        """Its own document is set and empty: a page can be loaded into it as it is."""
        document = self.document()
        return isinstance(document, InertDocument) and document.isEmpty()

    def widgets(self) -> list[QWidget]:
        """The page and the widgets it is made of (viewport, scroll bars): fixed once made."""
        if not self._widgets:
            # Two levels, not every descendant: PySide wraps each object a search passes,
            # and would make the types of the document's own (its frame, its layout).
            direct = Qt.FindChildOption.FindDirectChildrenOnly
            children = self.findChildren(QWidget, options=direct)
            inner = [w for child in children for w in child.findChildren(QWidget, options=direct)]
            self._widgets = [self, *children, *inner]
        return self._widgets

    @property
    def complete(self) -> bool:
        return not self.pending and self._parsed is None

    def step(self) -> None:
        """One idle step, half a part: the next part read from its HTML (0.8 ms), or the
        part read put in at the end and laid out (1.1 ms). A click waits for the step
        under way: the smaller, the sooner it is answered."""
        if self._parsed is None:
            self._parse_next()
        else:
            self._insert_parsed()

    def add_next_part(self) -> None:
        """Append the next part at the end, formatted exactly as in one whole page."""
        if self._parsed is None:
            self._parse_next()
        self._insert_parsed()

    def _parse_next(self) -> None:
        if self.pending:
            self._parsed = parse_part(self.pending.pop(0), self._style, self._font)

    def _insert_parsed(self) -> None:
        """The page shown keeps its scroll bar as it is until the last part is in: each
        part changes its range, and the bar drawn anew for each took 2.2 ms (as long as
        the part), for a handle no one reads in the 30 ms a page takes to complete."""
        if self._parsed is None:
            return
        fragment, block_format, char_format = self._parsed
        self._parsed = None
        bar = self.verticalScrollBar()
        if self.isVisible():
            bar.setUpdatesEnabled(False)
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        # A fragment's first block would merge into the last one: open a block in its format.
        cursor.insertBlock(block_format, char_format)
        cursor.insertFragment(fragment)
        if self.complete:
            bar.setUpdatesEnabled(True)  # drawn once, for the whole page

    def finish(self) -> None:
        while not self.complete:
            self.add_next_part()

    def settle(self, size: QSize) -> None:
        """Take this size and lay the text out for it now, while hidden.

        A hidden widget keeps its resize for the moment it is shown, and the
        browser would lay the whole text out again then: deliver it now instead.
        """
        self.resize(size)
        for widget in (self, self.viewport()):
            widget.ensurePolished()  # the style's first look, now: not a second paint when shown
            if widget.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent):
                QCoreApplication.sendEvent(widget, QResizeEvent(widget.size(), QSize()))
                widget.setAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent, False)
        self.document().size()  # the layout, finished now rather than by a timer later

    def showEvent(self, event: QShowEvent) -> None:
        # A page shown before its last part is in has a scroll bar that is all handle (its
        # range not known yet): not drawn until it is complete, when it is drawn once. The
        # all-handle bar cost Fusion 3 to 5 ms of the first paint of a window reopened on
        # a region, and of a click answered right after the first paint.
        self.verticalScrollBar().setUpdatesEnabled(self.complete)
        super().showEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            steps = 1 if delta > 0 else -1 if delta < 0 else 0
            if steps:
                self._on_zoom(steps)
            event.accept()
            return
        super().wheelEvent(event)
