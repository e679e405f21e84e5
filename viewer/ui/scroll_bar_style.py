"""A scroll bar drawn from a pixmap when it looks as it did before.

Showing a kept page repaints its scroll bar, a click on a region far down the
list scrolls the list, and Qt's Fusion style draws a tall scroll bar with
gradients each time: 1 to 4 ms at 14x819 px (the longer the handle, the
slower), half of a click's whole cost, and a third of a keystroke that changes
the search results. The scroll bars of the pages, the region list and the
results ask this style instead, which keeps the last renderings, keyed by
everything the style draws from (size, range, position, state, palette, pixel
ratio), and draws the rendering again: a copy of pixels, identical to what the
style would draw. A bar not kept whose handle has only a new length or place (new
search results, a new page) is put together from the rows of renderings already
made (scroll_bar_rows), once the style has been seen to draw such bars row by row.

The base style is a fresh instance of the application's own, so metrics and look
are the same. A rendering is made on the window's colour, which is what lies under
the scroll bar on screen; a window with a patterned or translucent background, and
styles whose scroll bars animate (transient scroll bars), are drawn directly.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QScrollBar,
    QStyle,
    QStyleFactory,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

from viewer.ui.offscreen import paint_offscreen
from viewer.ui.scroll_bar_rows import BarRows, RowComposer

CAPACITY = 12  # renderings kept for each kind of bar (page, lists): about 46 kB each
KINDS = 4  # kinds of bar kept: the pages' and the lists', and a window resized
UNSCROLLED = 2  # renderings kept of a kind's bar with nothing to scroll

Key = tuple[object, ...]


class _Kind:
    """The renderings of one kind of bar (one size, state and palette): the last ones
    drawn, the one with nothing to scroll, and their rows to put others together from.
    Kept apart for each kind, so that clicking through pages does not push the region
    list's bars out, and the bar of a page that fits is never pushed out at all."""

    def __init__(self) -> None:
        self.renderings: OrderedDict[Key, QPixmap] = OrderedDict()
        self.unscrolled: OrderedDict[Key, QPixmap] = OrderedDict()
        # by (handle at the top, handle at the bottom): an arrow may look disabled there
        self.composers: dict[tuple[bool, bool], RowComposer] = {}


class CachedScrollBarStyle(QProxyStyle):
    def __init__(self, base: QStyle | None = None, capacity: int = CAPACITY) -> None:
        super().__init__(base)
        self._kinds: OrderedDict[Key, _Kind] = OrderedDict()
        self._capacity = capacity
        self.renders = 0  # renderings made by the base style (tests read it)
        self.composed = 0  # renderings put together from the rows of others

    @property
    def kept(self) -> int:
        """Renderings kept, of every kind."""
        return sum(len(kind.renderings) + len(kind.unscrolled) for kind in self._kinds.values())

    def drawComplexControl(  # noqa: N802 (Qt's name)
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control != QStyle.ComplexControl.CC_ScrollBar or not isinstance(
            option, QStyleOptionSlider
        ):
            super().drawComplexControl(control, option, painter, widget)
            return
        background = option.palette.brush(QPalette.ColorRole.Window)
        if (
            background.style() != Qt.BrushStyle.SolidPattern
            or not background.isOpaque()
            or self.baseStyle().styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, option, widget)
        ):
            super().drawComplexControl(control, option, painter, widget)
            return
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        kind = self._kind(option, ratio)
        key = (
            option.minimum,
            option.maximum,
            option.sliderPosition,
            option.pageStep,
            option.singleStep,
        )
        # A bar with nothing to scroll (every page that fits) is kept apart: the bars of
        # pages that scroll, one per length, would push it out.
        if option.maximum <= option.minimum:
            kept, capacity = kind.unscrolled, UNSCROLLED
        else:
            kept, capacity = kind.renderings, self._capacity
        rendering = kept.get(key)
        if rendering is None:
            rendering = kept[key] = self._made(kind, control, option, ratio, widget)
            while len(kept) > capacity:
                kept.popitem(last=False)
        else:
            kept.move_to_end(key)
        painter.drawPixmap(option.rect.topLeft(), rendering)

    def _kind(self, option: QStyleOptionSlider, ratio: float) -> _Kind:
        key = (
            option.rect.width(),
            option.rect.height(),
            ratio,
            option.state.value,
            option.subControls.value,
            option.activeSubControls.value,
            option.orientation.value,
            option.upsideDown,
            option.direction.value,
            option.palette.cacheKey(),
        )
        kind = self._kinds.get(key)
        if kind is None:
            kind = self._kinds[key] = _Kind()
            while len(self._kinds) > KINDS:
                self._kinds.popitem(last=False)
        else:
            self._kinds.move_to_end(key)
        return kind

    def _made(
        self,
        kind: _Kind,
        control: QStyle.ComplexControl,
        option: QStyleOptionSlider,
        ratio: float,
        widget: QWidget | None,
    ) -> QPixmap:
        """A rendering not kept: put together from the rows of those made before, when
        this kind of bar has been, or else drawn by the style (and its rows learned)."""
        rows = self._rows(option, ratio, widget)
        if rows is None:
            return self._render(control, option, ratio, widget)
        ends = (
            option.sliderPosition == option.minimum,
            option.sliderPosition == option.maximum,
        )
        composer = kind.composers.setdefault(ends, RowComposer())
        if composer.trusted:
            image = composer.compose(rows)
            if image is not None:
                self.composed += 1
                composed = QPixmap.fromImage(image)
                composed.setDevicePixelRatio(ratio)
                return composed
        rendering = self._render(control, option, ratio, widget)
        composer.learn(rendering.toImage(), rows)
        return rendering

    def _rows(
        self, option: QStyleOptionSlider, ratio: float, widget: QWidget | None
    ) -> BarRows | None:
        """Where a vertical bar's arrow buttons and handle lie, in device rows."""
        if option.orientation != Qt.Orientation.Vertical or option.maximum <= option.minimum:
            return None
        local = QStyleOptionSlider(option)
        local.rect = QRect(QPoint(0, 0), option.rect.size())
        base = self.baseStyle()

        def rect(part: QStyle.SubControl) -> QRect:
            return base.subControlRect(QStyle.ComplexControl.CC_ScrollBar, local, part, widget)

        handle = rect(QStyle.SubControl.SC_ScrollBarSlider)
        if handle.isEmpty():
            return None
        before, after = (
            rect(QStyle.SubControl.SC_ScrollBarSubLine),
            rect(QStyle.SubControl.SC_ScrollBarAddLine),
        )
        height = option.rect.height()
        first = before.bottom() + 1 if not before.isEmpty() else 0
        stop = after.top() if not after.isEmpty() else height
        return BarRows(
            round(height * ratio),
            round(first * ratio),
            round(stop * ratio),
            round(handle.top() * ratio),
            round((handle.bottom() + 1) * ratio),
        )

    def _render(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionSlider,
        ratio: float,
        widget: QWidget | None,
    ) -> QPixmap:
        size = option.rect.size()
        rendering = QPixmap(size * ratio)
        rendering.setDevicePixelRatio(ratio)
        # On the window's colour, as on screen: drawn on transparent pixels and laid
        # over it, the style's half-transparent lines would come out a shade off.
        rendering.fill(option.palette.color(QPalette.ColorRole.Window))
        local = QStyleOptionSlider(option)
        local.rect = QRect(QPoint(0, 0), size)
        painter = QPainter(rendering)
        try:
            super().drawComplexControl(control, local, painter, widget)
        finally:
            painter.end()
        self.renders += 1
        return rendering


def draw_unseen(
    like: QScrollBar, parent: QWidget, height: int, maximum: int = 0, position: int = 0
) -> None:
    """Draw, to nothing shown, a vertical bar as `like` would be drawn in parent (its
    style, steps, palette, state and pixel ratio) at this height, by default with
    nothing to scroll.

    A CachedScrollBarStyle keeps such a bar once drawn, apart from the others: drawn
    here after start, the bar of a page that fits (most pages' tops, which a click
    shows first) is not drawn by the style in the first click (4 to 6 ms)."""
    probe = QScrollBar(Qt.Orientation.Vertical, parent)
    probe.hide()  # explicitly: not shown with its parent
    probe.setStyle(like.style())
    probe.resize(like.sizeHint().width(), height)
    probe.setRange(0, maximum)
    probe.setSingleStep(like.singleStep())  # the steps are part of a rendering's key
    probe.setPageStep(like.pageStep() if maximum else height)
    probe.setValue(position)
    paint_offscreen(probe)
    probe.deleteLater()


def learning_steps(bar: QScrollBar, parent: QWidget) -> list[Callable[[], None]]:
    """Steps that draw, to nothing shown, `bar` as it is now (its size, steps, state)
    scrolled to the top, the middle and the bottom, twice each with another handle:
    the style's rows of each are then learned and checked (scroll_bar_rows), and the
    bar scrolled anywhere later is put together from them, not drawn by the style (3
    to 4.5 ms of each of the first clicks that scrolled the region list). One drawing
    a step. None for a bar that does not scroll."""
    height, maximum = bar.height(), bar.maximum()
    if not bar.isVisible() or height <= 0 or maximum <= bar.minimum():
        return []
    longer = 2 * maximum  # the handle shorter: other rows, the same kind of bar
    places = [  # (the bar's maximum, the handle's position)
        (maximum, 0), (longer, 0),  # at the top
        (maximum, maximum // 3), (maximum, maximum // 2),  # between the ends
        (maximum, maximum), (longer, longer),  # at the bottom
    ]  # fmt: skip
    return [partial(draw_unseen, bar, parent, height, most, at) for most, at in places]


_shared: CachedScrollBarStyle | None = None


def cached_scroll_bar_style() -> CachedScrollBarStyle:
    """One style for every page's scroll bar, owned by the application (deleted with it),
    its base the application's own style."""
    global _shared
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a style needs the application"
    if _shared is None or not shiboken6.isValid(_shared) or _shared.parent() is not app:
        base = QStyleFactory.create(app.style().name())
        _shared = CachedScrollBarStyle(base)
        _shared.setParent(app)
    return _shared
