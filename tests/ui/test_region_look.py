"""A selected region looks as drawn with antialiasing throughout, on every view.

RegionItem fills a selected region without antialiasing (3x quicker for a large
region) and draws its opaque outline with it, over the fill's edge: the pixels
must be those of a fill and outline both antialiased.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from viewer.bundle import Bundle
from viewer.ui.region_item import RegionItem, painter_path

SCALE = 2.0  # the drawing zoomed in, as a reader looks closely: edges at their largest


def _render(scene: QGraphicsScene, bounds: QRectF) -> QImage:
    image = QImage(
        int(bounds.width() * SCALE), int(bounds.height() * SCALE), QImage.Format.Format_ARGB32
    )
    image.fill(QColor("#f4efe6"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), bounds)
    painter.end()
    return image


def _differences(first: QImage, second: QImage) -> tuple[int, int]:
    count = largest = 0
    for y in range(first.height()):
        for x in range(first.width()):
            a, b = first.pixel(x, y), second.pixel(x, y)
            if a != b:
                count += 1
                largest = max(
                    largest, *(abs(((a >> s) & 255) - ((b >> s) & 255)) for s in (0, 8, 16))
                )
    return count, largest


class _AntialiasedThroughout(RegionItem):
    def paint(self, painter, option, widget=None) -> None:  # type: ignore[no-untyped-def]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        painter.drawPath(self.path())


@pytest.mark.parametrize(
    "view",
    ["leg_anterior", "leg_posterior", "foot_dorsal", "foot_plantar", "foot_medial", "foot_lateral"],
)
def test_a_selected_region_looks_as_if_antialiased_throughout(
    qtbot, bundle: Bundle, view: str
) -> None:  # type: ignore[no-untyped-def]
    drawing = bundle.geometry[view]
    checked = 0
    for region_id in bundle.shapes[view]:
        outline = drawing.outlines.get(region_id)
        if outline is None:
            continue
        images = []
        for kind in (RegionItem, _AntialiasedThroughout):
            scene = QGraphicsScene()
            item = kind(region_id, region_id, painter_path(outline), high_risk=False)
            item.set_selected(True)
            scene.addItem(item)
            bounds = item.boundingRect().adjusted(-4, -4, 4, 4)
            images.append(_render(scene, bounds))
        count, largest = _differences(*images)
        assert count <= 4, (region_id, count)
        assert largest <= 2, (region_id, largest)
        checked += 1
    assert checked >= 5
