"""A scroll bar drawn from a pixmap when it looks as it did before.

Showing a kept page repaints its scroll bar, a click on a region far down the
list scrolls the list, and Qt's Fusion style draws a tall scroll bar with
gradients each time: 1 to 4 ms at 14x819 px (the longer the handle, the
slower), half of a click's whole cost, and a third of a keystroke that changes
the search results. The scroll bars of the pages, the region list and the
results ask this style instead, which keeps the last renderings, keyed by
everything the style draws from (size, range, position, state, palette, pixel
ratio), and draws the rendering again: a copy of pixels, identical to what the
style would draw.

The base style is a fresh instance of the application's own, so metrics and look
are the same. A rendering is made on the window's colour, which is what lies under
the scroll bar on screen; a window with a patterned or translucent background, and
styles whose scroll bars animate (transient scroll bars), are drawn directly.
"""

from __future__ import annotations

from collections import OrderedDict

import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

CAPACITY = 32  # renderings kept, for the pages and the two lists: about 46 kB each

Key = tuple[object, ...]


class CachedScrollBarStyle(QProxyStyle):
    def __init__(self, base: QStyle | None = None, capacity: int = CAPACITY) -> None:
        super().__init__(base)
        self._renderings: OrderedDict[Key, QPixmap] = OrderedDict()
        self._capacity = capacity
        self.renders = 0  # renderings made by the base style (tests read it)

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
        key = _key(option, ratio)
        rendering = self._renderings.get(key)
        if rendering is None:
            rendering = self._render(control, option, ratio, widget)
            self._renderings[key] = rendering
            while len(self._renderings) > self._capacity:
                self._renderings.popitem(last=False)
        else:
            self._renderings.move_to_end(key)
        painter.drawPixmap(option.rect.topLeft(), rendering)

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


def _key(option: QStyleOptionSlider, ratio: float) -> Key:
    return (
        option.rect.width(),
        option.rect.height(),
        ratio,
        option.state.value,
        option.subControls.value,
        option.activeSubControls.value,
        option.orientation.value,
        option.minimum,
        option.maximum,
        option.sliderPosition,
        option.pageStep,
        option.singleStep,
        option.upsideDown,
        option.direction.value,
        option.palette.cacheKey(),
    )


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
