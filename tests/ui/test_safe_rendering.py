"""Hostile text in the content is shown as text: nothing is loaded, nothing is followed.

Every resource request of the details panel is recorded (its document's and its
own loadResource), and every way out (anchorClicked, setSource) is watched.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from helpers import CONDITION, make_content, region_yaml
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument

from viewer.bundle import Bundle, load_bundle
from viewer.content.html import report_html
from viewer.content.render import build_report
from viewer.inert_text import InertDocument
from viewer.ui.details_page import Page
from viewer.ui.main_window import MainWindow

DATA_URI = "data:image/png;base64," + "iVBORw0KGgo" * 150  # a real-looking inline image
HOSTILE = [
    "<img src=file:///etc/hostname>",
    '<a href="file:///">open me</a>',
    "![chart](file:///etc/passwd)",
    "![logo](http://example.com/x.png)",
    "[click](javascript:alert(1))",
    "<a href='http://example.com/'>web</a>",
    '<link rel="stylesheet" href="file:///etc/hostname">',
    "<style>@import url(file:///etc/hostname);</style>",
    "<script>alert(1)</script>",
    f'<img src="{DATA_URI}">',
]


def hostile_root(root: Path) -> Path:
    make_content(root)
    quoted = ", ".join("'" + text.replace("'", "''") + "'" for text in HOSTILE)
    condition = CONDITION.replace("symptoms: [ache]", f"symptoms: [{quoted}]").replace(
        "name: Test condition", "name: '<img src=file:///etc/hostname>'"
    )
    (root / "data/conditions/cond.yaml").write_text(condition)
    region = region_yaml("alpha").replace("summary: A region.", 'summary: <a href="file:///">x</a>')
    (root / "data/regions/test.yaml").write_text(region + region_yaml("beta"))
    return root


@pytest.fixture
def hostile(tmp_path: Path) -> Bundle:
    bundle = load_bundle(hostile_root(tmp_path), with_outlines=True)
    assert bundle.problems == []
    return bundle


@pytest.fixture
def requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every resource the panel or its documents are asked for."""
    seen: list[str] = []

    def record(self: object, kind: int, name: QUrl | str) -> object:
        seen.append(str(name.toString() if isinstance(name, QUrl) else name))
        return None

    monkeypatch.setattr(InertDocument, "loadResource", record)
    monkeypatch.setattr(Page, "loadResource", record)  # each page is a text browser
    return seen


def open_alpha(qtbot, bundle: Bundle) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(bundle)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.selection.select("alpha")
    window.details.viewport().repaint()
    return window


def test_html_has_no_markup_from_content(hostile: Bundle) -> None:
    html = report_html(build_report(hostile.atlas, "alpha"))
    assert re.findall(r"<(img|script|style|link)\b", html) == []
    assert set(re.findall(r'href="([^"]*)"', html)) == {"#c-cond"}
    assert "&lt;img src=file:///etc/hostname&gt;" in html


def test_panel_shows_each_hostile_text_as_text_and_loads_nothing(
    qtbot, hostile: Bundle, requests: list[str]
) -> None:  # type: ignore[no-untyped-def]
    window = open_alpha(qtbot, hostile)
    text = window.details.toPlainText()
    for item in [*HOSTILE, '<a href="file:///">x</a>']:
        assert item in text
    assert requests == []
    # The document holds no image and no link other than the in-page one.
    html = window.details.document().toHtml()
    assert "<img" not in html
    assert set(re.findall(r'href="([^"]*)"', html)) <= {"#c-cond"}


def test_the_panel_itself_loads_nothing_even_when_asked(qapp) -> None:  # type: ignore[no-untyped-def]
    document = InertDocument()
    for url in ("file:///etc/hostname", "http://example.com/x.png", DATA_URI, "qrc:/x.png"):
        assert document.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(url)) is None
    # Markup set straight into the document still fetches nothing.
    document.setHtml('<img src="file:///etc/hostname"><link rel=stylesheet href="file:///x">')
    document.setTextWidth(300)
    document.size()
    assert (
        document.resource(QTextDocument.ResourceType.ImageResource, QUrl("file:///etc/hostname"))
        is None
    )


@pytest.mark.parametrize(
    "url",
    ["file:///etc/hostname", "file:///", "http://example.com/", "https://example.com/",
     "javascript:alert(1)", "data:text/html,<h1>hi</h1>", "etc/hostname", "//example.com/x"],
)  # fmt: skip
def test_no_link_navigates_away(qtbot, hostile: Bundle, requests: list[str], url: str) -> None:  # type: ignore[no-untyped-def]
    window = open_alpha(qtbot, hostile)
    details = window.details
    before = details.document()
    details.anchorClicked.emit(QUrl(url))
    assert details.document() is before
    assert details.source().isEmpty()
    assert details.region == "alpha"
    assert requests == []
    assert details.openLinks() is False
    assert details.openExternalLinks() is False


def test_clicking_the_hostile_link_text_does_nothing(
    qtbot, hostile: Bundle, requests: list[str]
) -> None:  # type: ignore[no-untyped-def]
    window = open_alpha(qtbot, hostile)
    details = window.details
    navigated: list[QUrl] = []
    details.anchorClicked.connect(navigated.append)
    before = details.document()
    found = before.find("open me")
    assert not found.isNull()
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    details.setTextCursor(cursor)
    details.ensureCursorVisible()
    point = details.cursorRect().center() + QPoint(1, 0)
    assert details.anchorAt(point) == ""
    qtbot.mouseClick(details.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert navigated == []
    assert details.document() is before
    assert details.source().isEmpty()
    assert requests == []


def test_a_10_mb_data_uri_is_refused_with_its_place(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    uri = "data:image/png;base64," + "A" * (10 * 1024 * 1024)
    (root / "data/conditions/cond.yaml").write_text(
        CONDITION.replace("symptoms: [ache]", f"symptoms: ['<img src=\"{uri}\">']")
    )
    started = time.monotonic()
    bundle = load_bundle(root, with_outlines=True)
    assert time.monotonic() - started < 2
    assert any(
        str(p).startswith("data/conditions/cond.yaml: file is 10,48") for p in bundle.problems
    )
    assert "cond" not in bundle.atlas.conditions


def test_a_long_data_uri_within_the_size_limit_is_refused_not_laid_out(tmp_path: Path) -> None:
    # Qt lays out one unbroken word in quadratic time: 1 MB would freeze the panel for minutes.
    # A long text is refused by its length; a shorter unbroken run by the run limit.
    root = make_content(tmp_path)
    line = CONDITION[: CONDITION.index("symptoms:")].count("\n") + 1
    for body, words in (("A" * (1024 * 1024), "characters long"), ("A" * 3000, "without a space")):
        uri = "data:image/png;base64," + body
        (root / "data/conditions/cond.yaml").write_text(
            CONDITION.replace("symptoms: [ache]", f"symptoms: ['<img src=\"{uri}\">']")
        )
        messages = [str(p) for p in load_bundle(root).problems]
        assert any(
            m.startswith(f"data/conditions/cond.yaml:{line}:12: symptoms item ") and words in m
            for m in messages
        ), messages


def test_longest_allowed_word_is_shown_quickly(qtbot, tmp_path: Path, requests: list[str]) -> None:  # type: ignore[no-untyped-def]
    root = make_content(tmp_path)
    word = "data;" + "A" * 1995  # exactly the limit: 2,000 characters
    (root / "data/conditions/cond.yaml").write_text(
        CONDITION.replace("symptoms: [ache]", f"symptoms: [{word}, {word}, {word}]")
    )
    bundle = load_bundle(root, with_outlines=True)
    assert bundle.problems == []
    started = time.monotonic()
    window = open_alpha(qtbot, bundle)
    assert time.monotonic() - started < 2
    assert word in window.details.toPlainText()
    assert requests == []


def test_names_that_look_like_markup_are_shown_as_written_everywhere(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, requests: list[str]
) -> None:
    from bad_input.corpus import build
    from pointer import hover

    bundle = load_bundle(build("rich_text_names", tmp_path / "clinic"), with_outlines=True)
    assert bundle.problems == []
    name = "<img src=file:///dev/zero><b>Alpha</b>"
    window = open_alpha(qtbot, bundle)
    qtbot.waitUntil(lambda: window.windowTitle().startswith(name))  # the title bar: plain text
    assert window.region_list.row("alpha").text(0) == name  # the list
    assert name in window.details.toPlainText()  # the details: escaped, shown as written
    window.diagram.show_view("test_view")
    point = window.diagram.mapFromScene(window.diagram.exposed_point("alpha"))
    hover(window.diagram.viewport(), point)
    assert window.hover_status.text().startswith(name)  # the status line
    assert window.hover_status.textFormat() == Qt.TextFormat.PlainText
    assert requests == []  # and nothing was loaded on the way


@pytest.mark.parametrize(
    "text", [*HOSTILE, "a & b", "&amp;", "'quoted' \"twice\"", "\x00\x1b<>", ""]
)
def test_the_pages_escape_is_the_standard_librarys(text: str) -> None:
    """The page's own escape() (the html package's import is 1 ms of the first click)."""
    import html

    from viewer.content.html import escape

    assert escape(text) == html.escape(text)
