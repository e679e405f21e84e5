"""The drawing of one view at a time, with hover and click on the real outlines."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from viewer.bundle import Bundle
from viewer.ui.drawing_item import DrawingItem
from viewer.ui.region_item import RegionItem, painter_path
from viewer.ui.selection import Selection

BACKGROUND = QColor("#fbfaf7")


class DiagramView(QGraphicsView):
    region_hovered = Signal(str)  # region id, "" when the pointer leaves all regions
    view_changed = Signal(str)

    def __init__(self, bundle: Bundle, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bundle = bundle
        self._selection = selection
        self._scenes: dict[str, QGraphicsScene] = {}
        self._items: dict[str, dict[str, RegionItem]] = {}
        self._view = ""
        self._hovered: RegionItem | None = None
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setBackgroundBrush(BACKGROUND)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Hover is tracked here, not per item: one place decides what is under the pointer.
        self.viewport().setMouseTracking(True)
        self.setAccessibleName("Anatomy drawing")

        self._selection.region_selected.connect(self._on_region_selected)

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
        self.setScene(self._scene(view))
        self.setAccessibleDescription(f"Drawing: {view}")
        self._fit()
        self._mark_selected(self._selection.region)
        self.view_changed.emit(view)

    def _scene(self, view: str) -> QGraphicsScene:
        """Build a view's scene the first time it is shown."""
        if view in self._scenes:
            return self._scenes[view]
        path = self._bundle.drawings[view]
        atlas = self._bundle.atlas
        region_ids = [r for r in self._bundle.shapes[view] if r in atlas.regions]
        drawing = self._bundle.geometry[view]  # a GUI bundle is loaded with its outlines
        scene = QGraphicsScene(self)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        scene.addItem(DrawingItem(QSvgRenderer(str(path), scene), drawing.width, drawing.height))
        items: dict[str, RegionItem] = {}
        for z, region_id in enumerate(region_ids, start=1):
            outline = drawing.outlines.get(region_id)
            if outline is None:
                continue
            region = atlas.regions[region_id]
            item = RegionItem(region_id, region.name, painter_path(outline), region.high_risk)
            item.setZValue(z)
            scene.addItem(item)
            items[region_id] = item
        margin = 0.03 * max(drawing.width, drawing.height)
        scene.setSceneRect(
            QRectF(0, 0, drawing.width, drawing.height).adjusted(-margin, -margin, margin, margin)
        )
        self._scenes[view] = scene
        self._items[view] = items
        return scene

    # -- lookups (also used by tests) ---------------------------------------------------

    def item(self, region: str) -> RegionItem | None:
        return self._items.get(self._view, {}).get(region)

    def region_at(self, pos: QPoint) -> RegionItem | None:
        """The topmost region under a viewport position."""
        for item in self.items(pos):
            if isinstance(item, RegionItem):
                return item
        return None

    def exposed_point(self, region: str) -> QPointF | None:
        """A scene point inside the region where no other region lies on top of it."""
        item = self.item(region)
        scene = self.scene()
        if item is None or scene is None:
            return None
        bounds = item.shape().boundingRect()
        candidates = [bounds.center()]
        steps = 24
        for i in range(1, steps):
            for j in range(1, steps):
                candidates.append(
                    QPointF(
                        bounds.left() + bounds.width() * i / steps,
                        bounds.top() + bounds.height() * j / steps,
                    )
                )
        for point in candidates:
            top = next(
                (it for it in scene.items(point) if isinstance(it, RegionItem)),
                None,
            )
            if top is item:
                return point
        return None

    # -- selection and hover ------------------------------------------------------------

    def _on_region_selected(self, region: str) -> None:
        if region and self.item(region) is None:
            views = self._bundle.views_of(region)
            if views:
                self.show_view(views[0])
        self._mark_selected(region)

    def _mark_selected(self, region: str) -> None:
        for item in self._items.get(self._view, {}).values():
            item.set_selected(item.region == region)

    def _set_hovered(self, item: RegionItem | None) -> None:
        if item is self._hovered:
            return
        if self._hovered is not None:
            self._hovered.set_hovered(False)
        self._hovered = item
        if item is not None:
            item.set_hovered(True)
        self.region_hovered.emit(item.region if item is not None else "")

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hovered(self.region_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hovered(None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A click on empty space does nothing, every time: the reading stays open.
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.region_at(event.position().toPoint())
            if item is not None:
                self._selection.select(item.region)
        event.accept()

    # -- sizing ---------------------------------------------------------------------------

    def _fit(self) -> None:
        scene = self.scene()
        if scene is not None:
            self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
