"""The drawing's art kept as painted for the next start (viewer/ui/art_cache.py).

A start that finds the art kept for the same drawing, place and scale paints
those pixels and reads no SVG before its first paint; what it shows is what
the SVG drawn by Qt would show, pixel for pixel. Anything else (another
place or scale, another side, an edited drawing, a damaged or hostile entry)
and the art is drawn from its SVG, as before.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from app_probe import run_probe
from PySide6.QtWidgets import QGraphicsItem

from viewer.bundle import Bundle
from viewer.ui.art_cache import ArtCache, source_key
from viewer.ui.main_window import MainWindow

SIZE = (1400, 900)


def _window(qtbot, bundle: Bundle, settings, cache: ArtCache | None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(bundle, settings, art_cache=cache)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    return window


def _drawing(window: MainWindow):  # type: ignore[no-untyped-def]
    window.diagram.viewport().repaint()
    return window.diagram.viewport().grab().toImage()


def _entry(cache: ArtCache, view: str) -> Path:
    return cache._path(view)  # noqa: SLF001


def _kept_once(qtbot, bundle: Bundle, settings, cache: ArtCache):  # type: ignore[no-untyped-def]
    """A start that keeps the art (drawn from its SVG), and what it showed."""
    first = _window(qtbot, bundle, settings, cache)
    assert first.diagram._current().art.kept is None  # noqa: SLF001
    first.finish_start()  # keep_art among the steps after the first paint
    shown = _drawing(first)
    view = first.diagram.current_view
    first.close()
    assert _entry(cache, view).is_file()
    return shown, view


def test_the_next_start_paints_the_kept_art_without_reading_the_svg(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path
) -> None:
    cache = ArtCache(tmp_path / "art")
    from_svg, view = _kept_once(qtbot, bundle, settings, cache)

    second = _window(qtbot, bundle, settings, cache)
    art = second.diagram._current().art  # noqa: SLF001
    assert art.kept is not None, "the kept art was not read"
    assert art._renderer is None, "the SVG was read before the first paint"  # noqa: SLF001
    assert _drawing(second) == from_svg, "the kept art does not look as the SVG drawn"
    assert art.painting_kept, "painted from the SVG all the same"
    assert [label.text for label in second.diagram.labels()], "the labels were lost"

    second.finish_start()  # the SVG read after the first paint, for a zoom to come
    assert art._renderer is not None  # noqa: SLF001
    # Qt's device cache, empty, would be filled by the next paint: a click's highlight.
    assert art.painting_kept, "the kept pixels fit: they are still painted"
    assert art.cacheMode() == QGraphicsItem.CacheMode.NoCache
    assert _drawing(second) == from_svg
    plain = _window(qtbot, bundle, settings, None)
    plain.finish_start()
    for window in (second, plain):
        window.selection.select("patella")  # its highlight over the kept pixels, and the SVG
    assert _drawing(second) == _drawing(plain)
    plain.close()
    entry = _entry(cache, view).read_bytes()
    second.close()
    assert _entry(cache, view).read_bytes() == entry, "kept again though nothing changed"


def test_kept_art_shows_the_same_labels_in_the_same_places(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path
) -> None:
    cache = ArtCache(tmp_path / "art")
    _kept_once(qtbot, bundle, settings, cache)
    plain = _window(qtbot, bundle, settings, None)
    kept = _window(qtbot, bundle, settings, cache)
    assert kept.diagram._current().art.kept is not None  # noqa: SLF001

    def places(window: MainWindow) -> list[tuple[str, float, float]]:
        return [(lab.text, lab.anchor.x(), lab.anchor.y()) for lab in window.diagram.labels()]

    assert places(kept) == places(plain)
    assert places(plain), "this view has labels: the test would prove nothing"


@pytest.mark.parametrize("change", ["zoom", "side", "size"])
def test_kept_art_that_no_longer_fits_gives_way_to_the_svg(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path, change: str
) -> None:
    cache = ArtCache(tmp_path / "art")
    _kept_once(qtbot, bundle, settings, cache)
    kept = _window(qtbot, bundle, settings, cache)
    plain = _window(qtbot, bundle, settings, None)
    for window in (kept, plain):
        if change == "zoom":
            window.diagram.zoom_by(1.5)
        elif change == "side":
            window.side.set_side("left" if window.side.side == "right" else "right")
        else:
            window.resize(SIZE[0] - 90, SIZE[1] - 40)
        qtbot.wait(20)
    art = kept.diagram._current().art  # noqa: SLF001
    assert _drawing(kept) == _drawing(plain), f"after a change of {change}"
    assert not art.painting_kept, "the kept pixels are still painted"
    qtbot.waitUntil(
        lambda: art.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache, timeout=2000
    )
    assert art.kept is not None
    assert art.kept.image.isNull(), "the pixels no longer painted stay in memory"
    assert _drawing(kept) == _drawing(plain)


def test_a_view_whose_art_was_kept_at_another_size_takes_the_svg_before_it_paints(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path
) -> None:
    """Painted from the SVG, then from the SVG again into Qt's device cache once the kept
    pixels gave way: the second was the next click's (6 ms), a click after a new tab."""
    cache = ArtCache(tmp_path / "art")
    _kept_once(qtbot, bundle, settings, cache)  # leg_anterior, kept at SIZE
    window = _window(qtbot, bundle, settings, cache)
    window.finish_start()
    other = next(v for v in window.diagram.views() if v != "leg_anterior")
    window.diagram.show_view(other)
    window.diagram.viewport().repaint()
    window.resize(SIZE[0] - 200, SIZE[1] - 100)
    qtbot.wait(20)
    window.diagram.show_view("leg_anterior")  # its art kept at SIZE
    art = window.diagram._current().art  # noqa: SLF001
    assert art.kept is not None, "nothing was kept: the test would prove nothing"
    assert not art.painting_kept, "the kept pixels would be painted"
    assert art.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    plain = _window(qtbot, bundle, settings, None)
    plain.resize(SIZE[0] - 200, SIZE[1] - 100)
    plain.diagram.show_view("leg_anterior")
    qtbot.wait(20)
    assert _drawing(window) == _drawing(plain)


def test_a_window_closed_keeps_its_art_as_it_is_laid_out(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path
) -> None:
    cache = ArtCache(tmp_path / "art")
    _kept_once(qtbot, bundle, settings, cache)
    entry = _entry(cache, "leg_anterior")
    before = entry.read_bytes()
    window = _window(qtbot, bundle, settings, cache)
    window.resize(SIZE[0] - 200, SIZE[1] - 100)
    qtbot.wait(20)
    window.close()
    assert entry.read_bytes() != before, "the new layout's art was not kept"
    again = _window(qtbot, bundle, settings, cache)
    again.resize(SIZE[0] - 200, SIZE[1] - 100)
    assert again.diagram._current().art.kept is not None  # noqa: SLF001


def test_an_edited_drawing_is_not_shown_from_the_pixels_kept(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path
) -> None:
    cache = ArtCache(tmp_path / "art")
    _kept_once(qtbot, bundle, settings, cache)
    drawing = bundle.drawings["leg_anterior"]
    geometry = bundle.geometry["leg_anterior"]
    source = source_key(drawing, geometry.width, geometry.height)
    assert cache.load("leg_anterior", source) is not None
    info = drawing.stat()
    edited = source.replace(f":{info.st_mtime_ns}", f":{info.st_mtime_ns + 1}")
    assert edited != source
    assert cache.load("leg_anterior", edited) is None
    assert cache.load("leg_posterior", source) is None  # another view's name


def _header_and_pixels(path: Path) -> tuple[dict, bytes]:  # type: ignore[type-arg]
    data = path.read_bytes()
    end = data.index(b"\n")
    return json.loads(data[:end]), data[end + 1 :]


def _write(path: Path, header: dict, pixels: bytes) -> None:  # type: ignore[type-arg]
    path.write_bytes(json.dumps(header).encode() + b"\n" + pixels)


DAMAGE = {
    "empty": lambda h, p: (None, b""),
    "no header line": lambda h, p: (None, b"x" * 100),
    "header not JSON": lambda h, p: (None, b"{not json\n" + p),
    "pixels cut short": lambda h, p: (h, p[:-4]),
    "pixels too many": lambda h, p: (h, p + b"\0\0\0\0"),
    "size too large": lambda h, p: ({**h, "size": [100_000, 100_000]}, p),
    "size negative": lambda h, p: ({**h, "size": [-1, 4]}, p),
    "size not numbers": lambda h, p: ({**h, "size": ["a", "b"]}, p),
    "ratio not finite": lambda h, p: ({**h, "pixel_ratio": float("nan")}, p),
    "ratio absurd": lambda h, p: ({**h, "pixel_ratio": 1e9}, p),
    "transform short": lambda h, p: ({**h, "transform": [1, 0, 0]}, p),
    "transform infinite": lambda h, p: ({**h, "transform": [float("inf")] * 6}, p),
    "origin far away": lambda h, p: ({**h, "origin": [10**12, 0]}, p),
    "label with a control character": lambda h, p: ({**h, "labels": [["L4\x1b[2J", 1, 2]]}, p),
    "label too long": lambda h, p: ({**h, "labels": [["x" * 5000, 1, 2]]}, p),
    "labels not a list": lambda h, p: ({**h, "labels": {"a": 1}}, p),
    "too many labels": lambda h, p: ({**h, "labels": [["L4", 1, 2]] * 100_000}, p),
    "another format": lambda h, p: ({**h, "format": 99}, p),
    "deeply nested": lambda h, p: (None, b"[" * 100_000 + b"\n" + p),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_entry_is_ignored_and_replaced(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path, damage: str
) -> None:
    cache = ArtCache(tmp_path / "art")
    from_svg, view = _kept_once(qtbot, bundle, settings, cache)
    entry = _entry(cache, view)
    header, pixels = _header_and_pixels(entry)
    new_header, new_pixels = DAMAGE[damage](header, pixels)
    if new_header is None:
        entry.write_bytes(new_pixels)
    else:
        _write(entry, new_header, new_pixels)

    window = _window(qtbot, bundle, settings, cache)
    assert window.diagram._current().art.kept is None, damage  # noqa: SLF001
    assert _drawing(window) == from_svg
    window.finish_start()
    assert _header_and_pixels(entry) == (header, pixels), "not kept again"


@pytest.mark.parametrize("kind", ["fifo", "directory", "link to a file", "link to /dev/zero"])
def test_an_entry_that_is_not_a_file_of_its_own_is_never_read(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path, kind: str
) -> None:
    cache = ArtCache(tmp_path / "art")
    _kept_once(qtbot, bundle, settings, cache)
    entry = _entry(cache, "leg_anterior")
    outside = tmp_path / "outside.art"
    outside.write_bytes(entry.read_bytes())  # a valid entry, but not the cache's own file
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "directory":
        entry.mkdir()
    elif kind == "link to a file":
        entry.symlink_to(outside)
    else:
        entry.symlink_to("/dev/zero")
    window = _window(qtbot, bundle, settings, cache)
    assert window.diagram._current().art.kept is None, kind  # noqa: SLF001


def test_an_entry_over_the_size_limit_is_not_read(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path, monkeypatch
) -> None:
    import viewer.ui.art_cache as art_cache

    cache = ArtCache(tmp_path / "art")
    _kept_once(qtbot, bundle, settings, cache)
    entry = _entry(cache, "leg_anterior")
    os.truncate(entry, art_cache.MAX_ENTRY_BYTES + 1)  # sparse: nothing written
    read: list[int] = []
    original = art_cache.read_limited

    def watched(path: Path, limit: int, follow_links: bool = True) -> bytes:
        data = original(path, limit, follow_links)
        read.append(len(data))
        return data

    monkeypatch.setattr(art_cache, "read_limited", watched)
    window = _window(qtbot, bundle, settings, cache)
    assert window.diagram._current().art.kept is None  # noqa: SLF001
    assert read == [], "read all the same"


def test_a_cache_that_cannot_be_written_is_no_loss(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path
) -> None:
    blocker = tmp_path / "art"
    blocker.write_text("a file where the folder should be")
    window = _window(qtbot, bundle, settings, ArtCache(blocker))
    window.finish_start()
    window.close()
    assert blocker.read_text() == "a file where the folder should be"
    assert not list(tmp_path.glob(".*.tmp"))


START = """
import sys
from PySide6.QtCore import QEvent, QObject
from viewer.bundle_cache import load_bundle_cached
from viewer.ui.app import start_window
seen = []
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.append("PySide6.QtSvg" in sys.modules)
        return False
app, window = start_window(load_bundle_cached())
first = First()
window.installEventFilter(first)
while not window.started:
    app.processEvents()
window.close()
print("svg-before-first-paint", seen[0])
"""


def test_the_app_reads_no_svg_before_its_first_paint_once_its_art_is_kept(tmp_path: Path) -> None:
    first = run_probe(START, tmp_path)
    assert "svg-before-first-paint True" in first, "a first start has nothing kept to paint"
    assert (tmp_path / "cache" / "anatomy-viewer" / "art").is_dir()
    assert "svg-before-first-paint False" in run_probe(START, tmp_path)


SCALED = """
import tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from viewer.bundle import load_bundle
from viewer.ui.art_cache import ArtCache
from viewer.ui.main_window import MainWindow
from viewer.ui.settings import AppSettings
scratch = Path(tempfile.mkdtemp())
bundle = load_bundle(with_outlines=True)
cache = ArtCache(scratch / "art")
def shown(name, finish):
    settings = AppSettings(QSettings(str(scratch / name), QSettings.Format.IniFormat))
    window = MainWindow(bundle, settings, art_cache=cache)
    window.resize(1400, 900)
    window.show()
    for _ in range(20):
        app.processEvents()
    if finish:
        window.finish_start()
    window.diagram.viewport().repaint()
    return window, window.diagram.viewport().grab().toImage()
first, from_svg = shown("a.ini", finish=True)
first.close()
second, from_kept = shown("b.ini", finish=False)
kept = second.diagram._current().art.painting_kept
ratio = from_kept.devicePixelRatio()
print("ratio", ratio, "kept", kept, "same", from_kept == from_svg)
"""


@pytest.mark.parametrize("scale", ["1.5", "2"])
def test_kept_art_is_the_svg_pixel_for_pixel_on_a_scaled_screen(tmp_path: Path, scale: str) -> None:
    out = run_probe(SCALED, tmp_path, QT_SCALE_FACTOR=scale)
    assert f"ratio {float(scale)} kept True same True" in out, out


def test_art_that_gave_way_is_drawn_into_qts_cache_before_the_next_click(  # type: ignore[no-untyped-def]
    qtbot, bundle: Bundle, settings, tmp_path: Path, monkeypatch
) -> None:
    """Qt takes a change to its device cache for no visual change and asks for no paint:
    the empty cache was filled by the next paint, a click's highlight (6 to 10 ms)."""
    from viewer.ui.drawing_item import DrawingItem

    cache = ArtCache(tmp_path / "art")
    _kept_once(qtbot, bundle, settings, cache)
    window = _window(qtbot, bundle, settings, cache)
    window.finish_start()
    art = window.diagram._current().art  # noqa: SLF001
    assert art.painting_kept
    drawn: list[object] = []
    paint = DrawingItem.paint

    def recording_paint(item, *args):  # type: ignore[no-untyped-def]
        drawn.append(item)
        paint(item, *args)

    monkeypatch.setattr(DrawingItem, "paint", recording_paint)
    window.resize(SIZE[0] - 90, SIZE[1] - 40)  # the kept pixels no longer fit
    qtbot.waitUntil(lambda: not art.painting_kept)
    qtbot.wait(50)  # the paint passes that follow
    assert drawn, "the art was not drawn again: the test would prove nothing"
    drawn.clear()
    window.selection.select("patella")
    window.diagram.viewport().repaint()
    assert drawn == [], "the art was drawn for the click"
