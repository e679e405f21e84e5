"""The selected region's conditions, as escaped rich text that loads nothing.

Each region's document is built and laid out once, at the panel's width, and
kept. QTextEdit.setDocument() still resets the page size and lays the visible
text out again, but over a document laid out before that costs a fraction
(bench/bench.py: first clicks 11-12 ms against 18-24 ms without). After
start-up, idle time builds the rest, one region per event-loop turn.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.content.model import Atlas
from viewer.ui.details_style import STYLE
from viewer.ui.selection import Selection
from viewer.ui.side import Side

EMPTY = (
    "<h1>Lower-limb reference</h1>"
    "<p>Click a region on the drawing, or choose one from the list, to read the "
    "common conditions there: symptoms, exam signs, imaging, red flags, management "
    "and sources.</p>"
    '<p class="muted">Red dashed outlines mark high-risk stress-fracture sites.</p>'
)


class SafeDocument(QTextDocument):
    """A document that never reads an image, style sheet or anything else it names.

    Every document the panel shows is one of these, so this is the one guard.
    """

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None


class DetailsPanel(QTextBrowser):
    """Follows only in-page anchors and the app's own atlas: links, which it hands on."""

    region_link_activated = Signal(str)  # region id
    condition_link_activated = Signal(str)  # condition id

    def __init__(
        self, atlas: Atlas, selection: Selection, side: Side, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._atlas = atlas
        self._side = side
        self._documents: dict[tuple[str, str], QTextDocument] = {}
        self._pending: list[str] = []
        self._prebuild = QTimer(self)
        self._prebuild.setInterval(0)
        self.region = ""
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Region details")
        # A scroll bar that comes and goes would make Qt lay the text out a second time.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setDocument(self._document(""))

        self._prebuild.timeout.connect(self._on_prebuild_tick)
        self.anchorClicked.connect(self._on_anchor_clicked)
        selection.region_selected.connect(self._on_region_selected)
        side.side_changed.connect(self._on_side_changed)

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
            document = SafeDocument(self)
            document.setDocumentMargin(self.document().documentMargin())
            document.setDefaultStyleSheet(STYLE)
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

        return report_html(build_report(self._atlas, region, side))

    def _on_prebuild_tick(self) -> None:
        if not self._pending:
            self._prebuild.stop()
            return
        self._document(self._pending.pop()).size()  # size() lays it out now

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
