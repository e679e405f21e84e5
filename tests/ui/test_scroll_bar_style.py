"""The page's scroll bar is drawn from kept renderings: the same pixels, not redrawn."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QScrollBar, QStyle, QStyleFactory

from viewer.ui.scroll_bar_rows import BarRows
from viewer.ui.scroll_bar_style import CachedScrollBarStyle, cached_scroll_bar_style


def _rendered(bar: QScrollBar) -> QImage:
    pixmap = QPixmap(bar.size())
    pixmap.fill(Qt.GlobalColor.magenta)
    bar.render(pixmap, QPoint())
    return pixmap.toImage()


def _bar(maximum: int, value: int) -> QScrollBar:
    bar = QScrollBar(Qt.Orientation.Vertical)
    bar.resize(14, 400)
    bar.setRange(0, maximum)
    bar.setPageStep(400)
    bar.setValue(value)
    return bar


def test_a_cached_scroll_bar_looks_exactly_as_the_style_draws_it(qapp) -> None:  # type: ignore[no-untyped-def]
    style_name = QApplication.style().name()
    cached = CachedScrollBarStyle(QStyleFactory.create(style_name))
    for maximum, value in ((0, 0), (3000, 0), (3000, 1700), (3000, 3000)):
        plain, drawn = _bar(maximum, value), _bar(maximum, value)
        drawn.setStyle(cached)
        expected = _rendered(plain)
        assert _rendered(drawn) == expected, (maximum, value)
        assert _rendered(drawn) == expected, ("drawn again from the cache", maximum, value)


def test_a_scroll_bar_drawn_again_is_not_rendered_again(qapp) -> None:  # type: ignore[no-untyped-def]
    cached = CachedScrollBarStyle(QStyleFactory.create(QApplication.style().name()))
    bar = _bar(3000, 500)
    bar.setStyle(cached)
    _rendered(bar)
    assert cached.renders == 1
    _rendered(bar)
    assert cached.renders == 1, "the same look was rendered again"
    bar.setValue(900)
    _rendered(bar)
    assert cached.renders == 2, "a moved handle must be rendered anew"
    palette = QPalette(bar.palette())
    palette.setColor(QPalette.ColorRole.Button, Qt.GlobalColor.darkBlue)
    bar.setPalette(palette)
    _rendered(bar)
    assert cached.renders == 3, "another palette (a theme change) must be rendered anew"


def test_the_renderings_kept_are_bounded(qapp) -> None:  # type: ignore[no-untyped-def]
    cached = CachedScrollBarStyle(QStyleFactory.create(QApplication.style().name()), capacity=4)
    bar = _bar(10_000, 0)
    bar.setStyle(cached)
    for value in range(0, 10_000, 500):
        bar.setValue(value)
        _rendered(bar)
    assert cached.kept == 4


def test_a_page_shown_again_draws_its_scroll_bar_from_the_cache(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    style = cached_scroll_bar_style()
    window.selection.select("patella")
    page = window.details.page()
    qtbot.waitUntil(lambda: page.complete)
    qtbot.wait(50)  # painted once whole
    assert page.verticalScrollBar().style() is style
    window.selection.select("fibular_head")
    qtbot.waitUntil(lambda: window.details.page().complete)
    qtbot.wait(50)
    before = style.renders
    window.selection.select("patella")
    page.verticalScrollBar().repaint()
    assert style.renders == before


def test_the_region_lists_scroll_bar_scrolled_back_is_not_rendered_again(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    style = cached_scroll_bar_style()
    bar = window.region_list.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.style() is style)  # given once the window has painted
    window.resize(1280, 720)  # the list longer than its pane: it scrolls
    window.show()
    qtbot.waitExposed(window)
    assert bar.isVisible()
    assert bar.maximum() > 0
    regions = window.region_list.order()
    for region in (regions[-1], regions[0]):  # a region far down the list, then the top
        window.selection.select(region)
        bar.repaint()
    before = style.renders
    positions = []
    for region in (regions[-1], regions[0]):
        window.selection.select(region)
        positions.append(bar.value())
        bar.repaint()
    assert positions[0] > positions[1], "the list scrolled down and back"
    assert style.renders == before


def test_search_results_shown_again_do_not_render_their_scroll_bar_again(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Fusion takes 2 to 3.6 ms to draw a scroll bar as tall as the results: a keystroke
    that brings back results of the same height draws it from the cache."""
    style = cached_scroll_bar_style()
    bar = window.search.results.verticalScrollBar()
    assert bar.style() is style
    window.resize(1280, 720)  # results longer than their pane: they scroll
    for query in ("knee", "pain", "knee"):
        window.search.field.setText(query)
        qtbot.wait(10)  # laid out
        bar.repaint()
    assert bar.isVisible()
    assert bar.maximum() > 0, "the results fit: no scroll bar to draw"
    before = style.renders
    for query in ("pain", "knee"):
        window.search.field.setText(query)
        qtbot.wait(10)
        bar.repaint()
    assert style.renders == before


def test_the_scroll_bars_take_the_cached_style_after_the_first_paint(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The first paint draws them with the application's style (the same pixels): the
    cached style needs PySide's QStyle, 6.5 ms of the start (main_window.finish_start)."""
    style = cached_scroll_bar_style()
    first_page = window.details.page()  # made before the window was shown
    qtbot.waitUntil(lambda: first_page.verticalScrollBar().style() is style)
    assert window.region_list.verticalScrollBar().style() is style
    assert window.search.results.verticalScrollBar().style() is style
    window.selection.select("patella")  # a page made after
    assert window.details.page() is not first_page
    assert window.details.page().verticalScrollBar().style() is style


def _tall_bar(maximum: int, value: int, height: int = 827) -> QScrollBar:
    bar = QScrollBar(Qt.Orientation.Vertical)
    bar.resize(14, height)
    bar.setRange(0, maximum)
    bar.setPageStep(height)
    bar.setValue(value)
    return bar


def test_a_bar_put_together_from_rows_looks_exactly_as_the_style_draws_it(qapp) -> None:  # type: ignore[no-untyped-def]
    """New results or a new page give the handle a new length: the bar is put together
    from rows of renderings already made, pixel for pixel what the style draws."""
    cached = CachedScrollBarStyle(QStyleFactory.create(QApplication.style().name()))
    looks = [
        (height, maximum, value)
        for height in (827, 400)
        for maximum in (1, 6, 250, 800, 1333, 2600, 9000)
        for value in sorted({0, 1, maximum // 3, maximum - 1, maximum})
    ]
    for height, maximum, value in looks:
        plain, drawn = _tall_bar(maximum, value, height), _tall_bar(maximum, value, height)
        drawn.setStyle(cached)
        assert _rendered(drawn) == _rendered(plain), (height, maximum, value)
    assert cached.composed > len(looks) / 3, "bars of a kind already seen were drawn anew"
    assert cached.renders + cached.composed == len(looks)


class _ShadedAlongStyle(QProxyStyle):
    """A style whose scroll bar darkens along its length: no two rows alike."""

    def drawComplexControl(self, control, option, painter, widget=None) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ScrollBar:
            shade = QLinearGradient(0, option.rect.top(), 0, option.rect.bottom())
            shade.setColorAt(0, QColor(0, 0, 0, 0))
            shade.setColorAt(1, QColor(0, 0, 0, 200))
            painter.fillRect(option.rect, shade)


def test_a_style_whose_rows_differ_is_drawn_by_the_style_every_time(qapp) -> None:  # type: ignore[no-untyped-def]
    base = _ShadedAlongStyle(QStyleFactory.create(QApplication.style().name()))
    cached = CachedScrollBarStyle(
        _ShadedAlongStyle(QStyleFactory.create(QApplication.style().name()))
    )
    for maximum in range(500, 5000, 250):
        plain, drawn = _tall_bar(maximum, maximum // 2), _tall_bar(maximum, maximum // 2)
        plain.setStyle(base)
        drawn.setStyle(cached)
        assert _rendered(drawn) == _rendered(plain), maximum
    assert cached.composed == 0


def test_the_runs_of_a_bar_cover_each_row_once() -> None:
    for first, stop, start, end in ((14, 813, 14, 300), (14, 813, 500, 813), (0, 400, 3, 5)):
        rows = BarRows(827 if stop == 813 else 400, first, stop, start, end)
        covered = [row for at, count, _ in rows.runs(4) for row in range(at, at + count)]
        assert covered == list(range(rows.height))
    assert BarRows(400, 0, 400, 300, 200).runs(4) == [], "a handle ending before it starts"


def test_a_bar_with_nothing_to_scroll_is_not_pushed_out_by_bars_that_scroll(qapp) -> None:  # type: ignore[no-untyped-def]
    """Every page's top is shown first, and most fit: their bar is drawn once."""
    cached = CachedScrollBarStyle(QStyleFactory.create(QApplication.style().name()), capacity=4)
    fits = _tall_bar(0, 0)
    fits.setStyle(cached)
    _rendered(fits)
    before = cached.renders
    for maximum in range(100, 2000, 100):  # more looks than the renderings kept
        scrolls = _tall_bar(maximum, 0)
        scrolls.setStyle(cached)
        _rendered(scrolls)
    assert _rendered(fits) == _rendered(_tall_bar(0, 0))
    assert cached.renders - before < 19, "the bars that scroll were not put together"
    renders = cached.renders
    _rendered(fits)
    assert cached.renders == renders


def test_the_bars_of_one_kind_do_not_push_out_those_of_another(qapp) -> None:  # type: ignore[no-untyped-def]
    """Clicking through pages draws many page bars; the region list's stay kept."""
    cached = CachedScrollBarStyle(QStyleFactory.create(QApplication.style().name()), capacity=4)
    listed = [_tall_bar(6, value, height=400) for value in range(4)]
    for bar in listed:
        bar.setStyle(cached)
        _rendered(bar)
    before = cached.renders + cached.composed
    for maximum in range(100, 3000, 100):
        page = _tall_bar(maximum, maximum // 2)
        page.setStyle(cached)
        _rendered(page)
    renders = cached.renders
    for bar in listed:
        _rendered(bar)
    assert cached.renders == renders
    assert cached.renders + cached.composed > before


def test_the_first_page_that_fits_copies_a_bar_drawn_unseen_after_start(  # type: ignore[no-untyped-def]
    qtbot, bundle, settings
) -> None:
    """A click shows a page's top first, which most often fits: its bar, all handle, is
    drawn unseen a moment after the first paint (draw_page_bar_unseen), so the first
    click copies it instead of the style drawing it (4 to 6 ms)."""
    from viewer.ui.main_window import MainWindow

    style = cached_scroll_bar_style()
    window = MainWindow(bundle, settings)
    qtbot.addWidget(window)
    window.resize(1333, 811)  # a size no other test uses: a kind of bar the style has not seen
    window.show()
    qtbot.waitExposed(window)
    window.finish_start()  # the steps a first paint leaves, done now
    before = style.renders
    for region in window.region_list.order():
        window.selection.select(region)
        bar = window.details.page().verticalScrollBar()
        if bar.isVisible() and bar.maximum() == 0:
            break
    else:
        raise AssertionError("no page's top fits the panel")
    copied = bar.grab().toImage()
    assert style.renders == before, f"the bar of {region}'s top was drawn by the style"
    bar.setStyle(QStyleFactory.create(QApplication.style().name()))
    assert copied == bar.grab().toImage(), "the copy is not what the style draws"
    window.close()


def test_the_region_lists_bar_is_learned_unseen_once_the_pages_are_made(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A click that scrolled the list far had its bar drawn by the style (3 to 4.5 ms)
    in each of the first clicks to the top, the middle or the bottom of the list."""
    style = cached_scroll_bar_style()
    bar = window.region_list.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.style() is style)
    window.resize(1280, 720)  # the list longer than its pane: it scrolls
    qtbot.wait(20)
    assert bar.isVisible()
    assert bar.maximum() > 0
    window.details.prebuild_all()
    qtbot.waitUntil(lambda: window.list_bar_learned, timeout=20_000)
    before, composed = style.renders, style.composed
    regions = window.region_list.order()
    for region in (regions[-1], regions[len(regions) // 2], regions[0], regions[-3]):
        window.selection.select(region)
        bar.repaint()
    assert style.renders == before, "a bar scrolled was drawn by the style"
    assert style.composed > composed, "the list did not scroll: the test would prove nothing"
