"""The drawing of one view at a time: hover and click on the real outlines, zoom and pan.

Zoom: Ctrl+wheel or a pinch zooms at the pointer; +, - and 0 (fit) and Z (the
selected region) while the drawing has focus, and the View menu; a
double-click zooms to the region clicked. Pan: drag, or the wheel, when
zoomed in. Each view keeps its own zoom. The side marker and the medial and
lateral words sit in margins around the drawing, so they never cover the art.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from viewer.bundle import Bundle
from viewer.diagram.svg_labels import SplitDrawing, split_drawing
from viewer.diagram.views import view_edges, view_title
from viewer.ui.art_cache import ArtCache, KeptArt, LabelPlace, source_key, transform_tuple
from viewer.ui.diagram_margins import EDGE_MARGIN, TOP_MARGIN, EdgeWord, SideBadge
from viewer.ui.drawing_item import DrawingItem, LabelItem
from viewer.ui.history_buttons import passed_to_window
from viewer.ui.region_item import RegionItem, painter_path
from viewer.ui.selection import Selection
from viewer.ui.side import Side
from viewer.ui.theme import CANVAS, CANVAS_INK

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer  # imported when a drawing is first read

SAME_SPOT_PIXELS = 4  # a second click this close reaches the region beneath
DRAG_PIXELS = 5  # a press that moves further than this pans instead
TYPING_PAUSE_MS = 180
MAX_ZOOM = 8.0
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)


def art_renderer(split: SplitDrawing, parent: QGraphicsScene) -> QSvgRenderer:
    """The art's renderer: the drawing without its labels and regions groups."""
    from PySide6.QtSvg import QSvgRenderer  # 1.5 ms: not before a start with the art kept

    return QSvgRenderer(QByteArray(split.art), parent)


def label_places(svg: bytes, split: SplitDrawing, width: float, height: float) -> list[LabelPlace]:
    """The drawing's labels (svg_labels.py) and their centres, in the drawing's units."""
    if not split.label_ids:
        return []
    from PySide6.QtSvg import QSvgRenderer

    whole = QSvgRenderer(QByteArray(svg))  # for the labels only: freed on return
    box = whole.viewBoxF()
    sx = width / box.width() if box.width() else 1.0
    sy = height / box.height() if box.height() else 1.0
    places: list[LabelPlace] = []
    for element, text in zip(split.label_ids, split.label_texts, strict=False):
        if not text or not whole.elementExists(element):
            continue
        where = whole.transformForElement(element).mapRect(whole.boundsOnElement(element))
        places.append(
            (text, (where.center().x() - box.x()) * sx, (where.center().y() - box.y()) * sy)
        )
    return places


class _ViewScene:
    """What one view's scene holds."""

    def __init__(
        self, scene: QGraphicsScene, art: DrawingItem, labels: list[LabelItem], source: str
    ) -> None:
        self.scene = scene
        self.art = art
        self.labels = labels
        self.source = source  # what the art is drawn from (art_cache.source_key), "" if unknown
        self.items: dict[str, RegionItem] = {}
        self.order: list[str] = []  # keyboard order: the region list's order

    def mirror(self, mirrored: bool) -> None:
        self.art.mirror(mirrored)
        for label in self.labels:
            label.place(mirrored)


class DiagramView(QGraphicsView):
    region_hovered = Signal(str, list)  # region id ("" if none), ids of the regions beneath it
    view_changed = Signal(str)
    zoom_changed = Signal(str, float)  # view, zoom (1 = the whole drawing)

    def __init__(
        self,
        bundle: Bundle,
        selection: Selection,
        side: Side,
        order: list[str] | None = None,
        parent: QWidget | None = None,
        art_cache: ArtCache | None = None,
    ) -> None:
        """art_cache: where the art as painted is kept for the next start (keep_art)."""
        super().__init__(parent)
        self._bundle = bundle
        self._art_cache = art_cache
        self._selection = selection
        self._side = side
        self._order = order or list(bundle.atlas.regions)
        self._scenes: dict[str, _ViewScene] = {}
        self._view = ""
        self._hovered: RegionItem | None = None
        self._matches: list[str] = []
        self._last_click: tuple[str, QPoint, str] | None = None
        self._zoom: dict[str, float] = {}
        self._centre: dict[str, QPointF] = {}
        self._press: QPoint | None = None
        self._panning = False
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setBackgroundBrush(QColor(CANVAS))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setViewportMargins(EDGE_MARGIN, TOP_MARGIN, EDGE_MARGIN, 0)
        self.grabGesture(Qt.GestureType.PinchGesture)
        # Hover is tracked here, not per item: one place decides what is under the pointer.
        # The viewport is made here, not Qt's: Python knows its type, and PySide need not
        # learn every kind of widget to name it (15-20 ms at start: history_buttons.py).
        viewport = QWidget()
        viewport.setMouseTracking(True)
        self.setViewport(viewport)
        self.setAccessibleName("Anatomy drawing")
        self.badge = SideBadge(self)
        self.edges = (EdgeWord(self, -90), EdgeWord(self, 90))

        self._view_for_matches = QTimer(self)
        self._view_for_matches.setSingleShot(True)
        self._view_for_matches.setInterval(TYPING_PAUSE_MS)

        self._selection.region_selected.connect(self._on_region_selected)
        self._side.side_changed.connect(self._on_side_changed)
        self._view_for_matches.timeout.connect(self._on_typing_paused)
        self._on_side_changed(self._side.side)

    # -- views -------------------------------------------------------------------------

    @property
    def current_view(self) -> str:
        return self._view

    def views(self) -> list[str]:
        return list(self._bundle.drawings)

    def show_view(self, view: str) -> None:
        if view == self._view or view not in self._bundle.drawings:
            return
        self._set_hovered(None)
        self._view = view
        self._last_click = None
        self.setScene(self._view_scene(view).scene)
        self._apply_zoom()
        self._art_fits_or_gives_way()
        self._mark_selected(self._selection.region)
        self._mark_matches()
        self._describe()
        self._place_margins()
        self.view_changed.emit(view)

    def _view_scene(self, view: str) -> _ViewScene:
        """Build a view's scene the first time it is shown."""
        if view in self._scenes:
            return self._scenes[view]
        atlas = self._bundle.atlas
        drawing = self._bundle.geometry[view]  # a GUI bundle is loaded with its outlines
        bounds = QRectF(0, 0, drawing.width, drawing.height)
        scene = QGraphicsScene(self)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        try:
            source = source_key(self._bundle.drawings[view], drawing.width, drawing.height)
        except OSError:
            source = ""  # gone since it was checked: the outlines still work
        kept = self._art_cache.load(view, source) if self._art_cache and source else None
        if kept is not None:

            def read_art() -> QSvgRenderer:
                return art_renderer(split_drawing(self._read_drawing(view)), scene)

            art = DrawingItem(read_art, drawing.width, drawing.height, kept)
            places: Sequence[LabelPlace] = kept.labels
        else:
            svg = self._read_drawing(view)
            split = split_drawing(svg)
            renderer = art_renderer(split, scene)
            art = DrawingItem(lambda: renderer, drawing.width, drawing.height)
            places = label_places(svg, split, drawing.width, drawing.height)
        scene.addItem(art)
        labels = [LabelItem(text, QPointF(x, y), drawing.width) for text, x, y in places]
        for label in labels:
            scene.addItem(label)
        built = _ViewScene(scene, art, labels, source)
        for z, region_id in enumerate(self._bundle.shapes[view], start=1):
            outline = drawing.outlines.get(region_id)
            region = atlas.regions.get(region_id)
            if outline is None or region is None:
                continue
            item = RegionItem(region_id, region.name, painter_path(outline), region.high_risk)
            item.setZValue(z)
            item.setParentItem(art)  # mirrored with the art
            built.items[region_id] = item
        built.order = [region for region in self._order if region in built.items]
        built.order += [region for region in built.items if region not in built.order]
        built.mirror(self._side.mirrored)
        margin = 0.03 * max(drawing.width, drawing.height)
        scene.setSceneRect(bounds.adjusted(-margin, -margin, margin, margin))
        self._scenes[view] = built
        return built

    def _read_drawing(self, view: str) -> bytes:
        try:
            return self._bundle.drawings[view].read_bytes()
        except OSError:
            return b""  # gone since it was checked: the outlines still work

    def read_art(self) -> None:
        """Read the SVG of the art shown if its kept pixels were painted instead (a step
        after the first paint): the first zoom or change of side does not wait for it."""
        built = self._current()
        if built is not None:
            built.art.read_svg()

    def _art_fits_or_gives_way(self) -> None:
        """The kept art of a view shown in a visible window, if it was kept at another
        size, gives way to the SVG before it paints: painted from the SVG once, and then
        again into Qt's device cache, the next click waited for the second (6 ms)."""
        built = self._current()
        if built is None or not built.art.painting_kept or not self.isVisible():
            return
        transform = built.art.deviceTransform(self.viewportTransform())
        if not built.art.fits(transform, self.viewport().devicePixelRatio()):
            built.art.give_way()

    def keep_art(self) -> None:
        """Keep the art of the view shown, as painted now, for the next start (after
        the first paint, and as the window closes): nothing if that is what is kept."""
        built = self._current()
        if self._art_cache is None or built is None or not built.source:
            return
        art = built.art
        transform = art.deviceTransform(self.viewportTransform())
        ratio = self.viewport().devicePixelRatio()
        if art.kept is not None and art.kept.fits(transform, ratio):
            return
        drawn = art.drawn_at(transform, ratio, self.viewport().rect(), self.renderHints())
        if drawn is None:
            return
        place, image = drawn
        labels = tuple((label.text, label.anchor.x(), label.anchor.y()) for label in built.labels)
        origin = (place.x(), place.y())
        kept = KeptArt(built.source, transform_tuple(transform), origin, image, ratio, labels)
        self._art_cache.save(self._view, kept)

    # -- lookups (also used by tests) ---------------------------------------------------

    def _current(self) -> _ViewScene | None:
        return self._scenes.get(self._view)

    def region_items(self) -> dict[str, RegionItem]:
        """The current view's region items by id."""
        current = self._current()
        return dict(current.items) if current else {}

    def item(self, region: str) -> RegionItem | None:
        current = self._current()
        return current.items.get(region) if current else None

    def labels(self) -> list[LabelItem]:
        current = self._current()
        return list(current.labels) if current else []

    def hovered_region(self) -> str:
        return self._hovered.region if self._hovered is not None else ""

    def regions_at(self, pos: QPoint) -> list[RegionItem]:
        """The regions under a viewport position, topmost first."""
        return [item for item in self.items(pos) if isinstance(item, RegionItem)]

    def region_at(self, pos: QPoint) -> RegionItem | None:
        found = self.regions_at(pos)
        return found[0] if found else None

    def exposed_point(self, region: str) -> QPointF | None:
        """A scene point well inside the region where no other region lies on top of it.

        Points whose neighbours are exposed too come first, so a click on the
        nearest whole pixel still lands on the region.
        """
        item = self.item(region)
        scene = self.scene()
        if item is None or scene is None:
            return None
        shape = item.shape()
        bounds = shape.boundingRect()
        steps = 24
        candidates = [bounds.center()] + [
            QPointF(
                bounds.left() + bounds.width() * i / steps,
                bounds.top() + bounds.height() * j / steps,
            )
            for i in range(1, steps)
            for j in range(1, steps)
        ]

        def exposed(local: QPointF) -> bool:
            if not shape.contains(local):
                return False
            point = item.mapToScene(local)
            top = next((it for it in scene.items(point) if isinstance(it, RegionItem)), None)
            return top is item

        reach = max(1.0, 0.04 * min(bounds.width(), bounds.height()))
        around = [QPointF(dx, dy) for dx in (-reach, 0, reach) for dy in (-reach, 0, reach)]
        fallback = None
        for local in candidates:
            if not exposed(local):
                continue
            if all(exposed(local + offset) for offset in around):
                return item.mapToScene(local)
            fallback = fallback or item.mapToScene(local)
        return fallback

    def edge_words(self) -> tuple[str, str]:
        return view_edges(self._view, self._side.side)

    # -- search matches -------------------------------------------------------------------

    def set_matches(self, regions: list[str]) -> None:
        """Light up these regions (best first), and show a view that has the best one.

        The view changes once typing pauses: flipping drawings at every keystroke
        would be hard to follow, and slow.
        """
        self._matches = list(regions)
        self._mark_matches()
        current = self._current()
        if regions and (current is None or regions[0] not in current.items):
            self._view_for_matches.start()
        else:
            self._view_for_matches.stop()

    def _on_typing_paused(self) -> None:
        if self._matches:
            views = self._bundle.views_of(self._matches[0])
            if views and self._matches[0] not in self.region_items():
                self.show_view(views[0])

    def _mark_matches(self) -> None:
        current = self._current()
        if current is None:
            return
        matches = set(self._matches)
        for region, item in current.items.items():
            item.set_matched(region in matches)

    # -- selection and hover ------------------------------------------------------------

    def _on_region_selected(self, region: str) -> None:
        if region and self.item(region) is None:
            views = self._bundle.views_of(region)
            if views:
                self.show_view(views[0])
        self._mark_selected(region)
        self._describe()

    def _mark_selected(self, region: str) -> None:
        current = self._current()
        for item in current.items.values() if current else ():
            item.set_selected(item.region == region)

    def _on_side_changed(self, side: str) -> None:
        for built in self._scenes.values():
            built.mirror(side == "left")
        self._last_click = None
        self.badge.set_side(side)
        self._describe()
        self._place_margins()
        self.viewport().update()

    def _describe(self) -> None:
        """What a screen reader says about the drawing: view, side and selection."""
        region = self._bundle.atlas.regions.get(self._selection.region)
        selected = f" Selected: {region.name}." if region and self.item(region.id) else ""
        self.setAccessibleDescription(
            f"{view_title(self._view)}, {self._side.side} side.{selected}"
            " Arrow keys move between regions; plus and minus zoom."
        )

    def _set_hovered(self, item: RegionItem | None, beneath: list[str] | None = None) -> None:
        if item is self._hovered:
            return
        if self._hovered is not None:
            self._hovered.set_hovered(False)
        self._hovered = item
        if item is not None:
            item.set_hovered(True)
        self.region_hovered.emit(item.region if item is not None else "", beneath or [])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = pos - self._press
            if self._panning or moved.manhattanLength() > DRAG_PIXELS:
                self._panning = True
                self._pan_by(QPointF(moved))
                self._press = pos
                event.accept()
                return
        stack = self.regions_at(pos)
        self._set_hovered(stack[0] if stack else None, [item.region for item in stack[1:]])
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hovered(None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if passed_to_window(event):
            return
        # A click on empty space does nothing, every time: the reading stays open.
        # A second click on the same spot reaches the region beneath (a tendon over a bone).
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.position().toPoint()
            self._press, self._panning = pos, False
            stack = [item.region for item in self.regions_at(pos)]
            if stack:
                region = stack[0]
                last = self._last_click
                current = self._selection.region
                if (
                    last is not None
                    and last[0] == self._view
                    and (last[1] - pos).manhattanLength() <= SAME_SPOT_PIXELS
                    and last[2] == current
                    and current in stack
                ):
                    region = stack[(stack.index(current) + 1) % len(stack)]
                self._selection.select(region)
                self._last_click = (self._view, pos, region)
        event.accept()
        if self.focusPolicy() != Qt.FocusPolicy.NoFocus:
            self.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press, self._panning = None, False
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.region_at(
            event.position().toPoint()
        ):
            self.zoom_to_selected()
        event.accept()

    # -- zoom and pan -----------------------------------------------------------------------

    def zoom(self, view: str = "") -> float:
        return self._zoom.get(view or self._view, 1.0)

    def set_zoom(self, view: str, zoom: float) -> None:
        """A view's zoom as it was left (from the settings); its centre is the drawing's."""
        self._zoom[view] = min(max(zoom, 1.0), MAX_ZOOM)
        if view == self._view:
            self._apply_zoom()

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        """Zoom by factor, keeping the drawing under `at` (viewport pixels) where it is."""
        if not self._view:
            return
        anchor = at if at is not None else QPointF(self.viewport().rect().center())
        before = self.mapToScene(anchor.toPoint())
        self._zoom[self._view] = min(max(self.zoom() * factor, 1.0), MAX_ZOOM)
        self._apply_zoom()
        after = self.mapToScene(anchor.toPoint())
        self._centre[self._view] = self._centre_now() + (before - after)
        self._apply_zoom()
        self.zoom_changed.emit(self._view, self.zoom())

    def zoom_fit(self) -> None:
        if self._view:
            self._zoom[self._view] = 1.0
            self._centre.pop(self._view, None)
            self._apply_zoom()
            self.zoom_changed.emit(self._view, 1.0)

    def zoom_to_selected(self) -> None:
        """Zoom so the selected region fills about a third of the drawing's pane."""
        item = self.item(self._selection.region)
        if item is None:
            return
        box = item.mapToScene(item.shape().boundingRect()).boundingRect()
        self._zoom[self._view] = 1.0
        self._apply_zoom()
        fit = self.transform().m11() or 1.0
        span = max(box.width(), box.height()) * 3.0
        pane = min(self.viewport().width(), self.viewport().height())
        self._zoom[self._view] = min(max(pane / (fit * max(span, 1e-6)), 1.0), MAX_ZOOM)
        self._centre[self._view] = box.center()
        self._apply_zoom()
        self.zoom_changed.emit(self._view, self.zoom())

    def _centre_now(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def _apply_zoom(self) -> None:
        scene = self.scene()
        if scene is None:
            return
        self.resetTransform()
        self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        zoom = self.zoom()
        if zoom > 1.0:
            self.scale(zoom, zoom)
            self.centerOn(self._centre.get(self._view, scene.sceneRect().center()))
        else:
            self.centerOn(scene.sceneRect().center())
        self.viewport().update()

    def _pan_by(self, pixels: QPointF) -> None:
        if self.zoom() <= 1.0:
            return
        scale = self.transform().m11() or 1.0
        self._centre[self._view] = self._centre_now() - pixels / scale
        self._apply_zoom()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if delta.y():
                self.zoom_by(1.2 ** (delta.y() / 120), event.position())
        elif self.zoom() > 1.0:
            step = QPointF(delta.x(), delta.y()) / 2
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                step = QPointF(step.y(), 0)
            self._pan_by(step)
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:  # a trackpad pinch (macOS, Wayland)
            assert isinstance(event, QNativeGestureEvent)
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + event.value(), event.position())
                return True
        return super().viewportEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:  # a pinch on a touch screen
            from PySide6.QtWidgets import QGestureEvent, QPinchGesture

            assert isinstance(event, QGestureEvent)
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(pinch.scaleFactor(), QPointF(centre))
                return True
        return super().event(event)

    # -- keyboard -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self._current()
        key = event.key()
        moves = NEXT_KEYS + PREVIOUS_KEYS + (Qt.Key.Key_Home, Qt.Key.Key_End)
        if (
            current is None
            or not current.order
            or key not in moves
            or event.modifiers()
            & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier)
        ):
            super().keyPressEvent(event)
            return
        order = current.order
        selected = self._selection.region
        if key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End:
            index = len(order) - 1
        elif selected not in order:
            index = 0 if key in NEXT_KEYS else len(order) - 1
        else:
            step = 1 if key in NEXT_KEYS else -1
            index = (order.index(selected) + step) % len(order)
        self._selection.select(order[index])
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    # -- painting and sizing --------------------------------------------------------------

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if not self.hasFocus():
            return
        painter.save()
        painter.resetTransform()  # the focus frame is in viewport pixels, never mirrored
        painter.setPen(QPen(QColor(CANVAS_INK["focus"]), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))
        painter.restore()

    def _place_margins(self) -> None:
        frame = self.viewport().geometry()
        self.badge.move(frame.left(), 2)
        left, right = self.edge_words()
        self.edges[0].place(left, QRect(0, frame.top(), EDGE_MARGIN, frame.height()))
        self.edges[1].place(
            right, QRect(frame.right() + 1, frame.top(), EDGE_MARGIN, frame.height())
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_zoom()
        self._place_margins()
