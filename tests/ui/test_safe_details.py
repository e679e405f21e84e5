"""Content is text: markup in the data is shown, never rendered, loaded or followed."""

from __future__ import annotations

from pathlib import Path

from helpers import CONDITION, make_content
from PySide6.QtCore import QUrl

from viewer.bundle import load_bundle
from viewer.content.html import report_html
from viewer.content.render import build_report
from viewer.ui.main_window import MainWindow

HOSTILE = [
    "<img src=file:///etc/hostname>",
    '<a href="file:///">open me</a>',
    "![x](file:///etc/passwd)",
    "<script>alert(1)</script>",
]


def hostile_bundle(root: Path):  # type: ignore[no-untyped-def]
    make_content(root)
    symptoms = "symptoms: [" + ", ".join(f"'{text}'" for text in HOSTILE) + "]"
    (root / "data/conditions/cond.yaml").write_text(CONDITION.replace("symptoms: [ache]", symptoms))
    bundle = load_bundle(root, with_outlines=True)
    assert bundle.problems == []
    return bundle


def test_html_escapes_every_piece_of_content(tmp_path: Path) -> None:
    bundle = hostile_bundle(tmp_path)
    html = report_html(build_report(bundle.atlas, "alpha"))
    assert "<img" not in html
    assert "<script" not in html
    assert 'href="file' not in html
    assert "&lt;img src=file:///etc/hostname&gt;" in html


def test_details_panel_shows_markup_as_text_and_loads_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(hostile_bundle(tmp_path))
    qtbot.addWidget(window)
    window.show()
    requested: list[str] = []
    details = window.details
    window.selection.select("alpha")
    document = details.document()
    original = document.loadResource

    def spy(kind: int, name: QUrl | str) -> object:
        requested.append(str(name))
        return original(kind, name)

    document.loadResource = spy  # type: ignore[method-assign]
    details.viewport().repaint()
    text = details.toPlainText()
    for hostile in HOSTILE:
        assert hostile in text
    assert requested == []
    assert document.loadResource(2, QUrl("file:///etc/hostname")) is None


def test_links_other_than_in_page_anchors_are_ignored(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.selection.select("patella")
    details = window.details
    before = details.document()
    for url in ("file:///etc/hostname", "http://example.com/", "javascript:alert(1)",
                "data:text/html,hi"):  # fmt: skip
        details.anchorClicked.emit(QUrl(url))
        assert details.document() is before
        assert details.source().isEmpty()
    assert details.openLinks() is False
