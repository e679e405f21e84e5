"""The selected region's conditions, as escaped rich text that loads nothing."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.content.html import STYLE, report_html
from viewer.content.model import Atlas
from viewer.content.render import build_report
from viewer.ui.selection import Selection

EMPTY = (
    "<h1>Lower-limb reference</h1>"
    "<p>Click a region on the drawing, or choose one from the list, to read the "
    "common conditions there: symptoms, exam signs, imaging, red flags, management "
    "and sources.</p>"
    '<p class="muted">Red dashed outlines mark high-risk stress-fracture sites.</p>'
)


class DetailsPanel(QTextBrowser):
    def __init__(self, atlas: Atlas, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._atlas = atlas
        self._cache: dict[str, str] = {}
        self.region = ""
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE)
        self.setAccessibleName("Region details")
        self.setHtml(EMPTY)

        self.anchorClicked.connect(self._on_anchor_clicked)
        selection.region_selected.connect(self._on_region_selected)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        # Content never brings images or style sheets: nothing is read from disk or network.
        return None

    def html_for(self, region: str) -> str:
        if region not in self._cache:
            self._cache[region] = report_html(build_report(self._atlas, region))
        return self._cache[region]

    def _on_region_selected(self, region: str) -> None:
        self.region = region if region in self._atlas.regions else ""
        self.setHtml(self.html_for(self.region) if self.region else EMPTY)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        # Only in-page anchors are followed; any other link is ignored.
        if not url.scheme() and not url.path() and url.fragment():
            self.scrollToAnchor(url.fragment())
