"""How big a target each region offers on screen: the largest square of viewport pixels
where it is the topmost region, so a click anywhere in it cannot miss.

Measured over the viewport as it is drawn (zoom, side, window size), not over
the SVG: each region's hit shape is painted in z order with a colour of its
own, the topmost last, and the largest one-colour square is found for each.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.ui.diagram_view import DiagramView


class Target(NamedTuple):
    side: int  # pixels: the largest square of the region's own pixels
    centre: QPoint  # the square's centre, in viewport pixels


def sure_targets(view: DiagramView) -> dict[str, Target]:
    """Every region of the view's current drawing: its largest sure square."""
    viewport = view.viewport()
    width, height = viewport.width(), viewport.height()
    items = sorted(view.region_items().values(), key=lambda item: item.zValue())
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    for number, item in enumerate(items, start=1):
        painter.setTransform(item.sceneTransform() * view.viewportTransform())
        painter.fillPath(item.shape(), QColor(number & 0xFF, number >> 8, 0))
    painter.end()
    labels = _labels(image)
    best = _largest_squares(labels, width, height)
    found: dict[str, Target] = {}
    for number, item in enumerate(items, start=1):
        side, x, y = best.get(number, (0, 0, 0))
        found[item.region] = Target(side, QPoint(x - side // 2, y - side // 2))
    return found


def _labels(image: QImage) -> list[int]:
    """The region number of each pixel, row by row (0 where no region is)."""
    width = image.width()
    data = bytes(image.constBits())  # 4 bytes a pixel: B, G, R, A in memory
    stride = image.bytesPerLine()
    labels: list[int] = []
    for row in range(image.height()):
        line = data[row * stride : row * stride + width * 4]
        labels.extend(line[i + 2] | (line[i + 1] << 8) for i in range(0, width * 4, 4))
    return labels


def _largest_squares(labels: list[int], width: int, height: int) -> dict[int, tuple[int, int, int]]:
    """For each label: (side, x, y) of its largest square, (x, y) its bottom-right pixel."""
    best: dict[int, tuple[int, int, int]] = {}
    above = [0] * width
    for y in range(height):
        row = [0] * width
        offset = y * width
        for x in range(width):
            label = labels[offset + x]
            if not label:
                continue
            side = 1
            if (
                x
                and y
                and labels[offset + x - 1] == label
                and labels[offset - width + x] == label
                and labels[offset - width + x - 1] == label
            ):
                side = 1 + min(row[x - 1], above[x], above[x - 1])
            row[x] = side
            if side > best.get(label, (0, 0, 0))[0]:
                best[label] = (side, x, y)
        above = row
    return best
