"""Preview a drawing while working on it: the art, its region outlines and ids.

    .venv/bin/python bench/preview_drawing.py assets/foot_plantar.svg out.png [--scale 4] [--mirror]

Writes a PNG of the art with every region outlined in blue and labelled with
its id, and prints each region's exposed area (where it is the topmost region,
so a click reaches it). A region with no exposed area can only be reached from
the region list, which the drawing conventions do not allow. For a built-in
view (the file's name is the view's id), it then prints each region's sure
target in the app's window at 1366x768: the largest square of screen pixels
where a click cannot miss it (12 px at least, tests/ui/test_targets.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.diagram.geometry import load_drawing  # noqa: E402
from viewer.diagram.svg_index import index_svg  # noqa: E402
from viewer.diagram.svg_labels import split_drawing  # noqa: E402
from viewer.ui.region_item import painter_path  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("svg", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=4.0)
    parser.add_argument("--mirror", action="store_true", help="as the left side is shown")
    args = parser.parse_args()
    app = QApplication([])
    index = index_svg(args.svg, str(args.svg))
    for problem in index.problems:
        print(problem)
    order = list(index.shapes)
    drawing, rejected = load_drawing(args.svg, order)
    for region, why in rejected.items():
        print(f"{region}: {why}")
    # The art as the app draws it: without the hit areas (regions) and labels groups.
    renderer = QSvgRenderer(QByteArray(split_drawing(args.svg.read_bytes()).art))
    # Outlines are in the drawing's own space after the viewBox transform, as the app uses them.
    box = QRectF(0, 0, drawing.width, drawing.height)
    image = QImage(
        int(box.width() * args.scale), int(box.height() * args.scale), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(args.scale, args.scale)
    painter.translate(-box.x(), -box.y())
    if args.mirror:
        painter.translate(2 * box.x() + box.width(), 0)
        painter.scale(-1, 1)
    renderer.render(painter, box)
    paths = {region: painter_path(drawing.outlines[region]) for region in drawing.outlines}
    painter.setPen(QPen(QColor(0, 90, 255), 0.6 / args.scale * 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for path in paths.values():
        painter.drawPath(path)
    painter.resetTransform()
    painter.setFont(QFont("DejaVu Sans", 9))
    painter.setPen(QColor(0, 60, 200))
    for region, path in paths.items():
        centre = path.boundingRect().center()
        x = (centre.x() - box.x()) * args.scale
        if args.mirror:
            x = image.width() - x
        y = (centre.y() - box.y()) * args.scale
        painter.drawText(QPointF(x, y), region)
    painter.end()
    image.save(str(args.out))
    _report_exposure(order, paths, box)
    _report_sure_targets(app, args.svg.stem, args.mirror)
    return 0


def _report_sure_targets(app: QApplication, view: str, mirror: bool) -> None:
    import tempfile

    from PySide6.QtCore import QSettings

    from viewer.bundle_cache import load_bundle_cached
    from viewer.ui.main_window import MainWindow
    from viewer.ui.settings import AppSettings
    from viewer.ui.targets import sure_targets

    bundle = load_bundle_cached()
    if view not in bundle.drawings:
        print(f"({view} is not a built-in view: no sure targets measured)")
        return
    with tempfile.TemporaryDirectory() as scratch:
        ini = QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(bundle, AppSettings(ini))
        window.resize(1366, 768)
        window.lay_out()
        window.show()
        window.side.set_side("left" if mirror else "right")
        window.diagram.show_view(view)
        app.processEvents()
        targets = sure_targets(window.diagram)
        window.close()
    print(f"sure targets in the window at 1366x768 ({view}, {'left' if mirror else 'right'}):")
    for region, target in sorted(targets.items(), key=lambda item: item[1].side):
        flag = "   <-- under 12 px" if target.side < 12 else ""
        print(f"{region:24s} {target.side:4d} px{flag}")


def _report_exposure(order: list[str], paths: dict[str, QPainterPath], box: QRectF) -> None:
    step = 0.5
    exposed = dict.fromkeys(order, 0.0)
    y = box.top()
    while y < box.bottom():
        x = box.left()
        while x < box.right():
            point = QPointF(x, y)
            hits = (r for r in reversed(order) if r in paths and paths[r].contains(point))
            top = next(hits, None)
            if top is not None:
                exposed[top] += step * step
            x += step
        y += step
    for region in order:
        flag = "" if exposed[region] >= 20 else "   <-- too small to click"
        missing = "" if region in paths else "   <-- no drawable outline"
        print(f"{region:24s} exposed {exposed[region]:8.1f} square units{flag}{missing}")


if __name__ == "__main__":
    raise SystemExit(main())
