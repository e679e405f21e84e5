"""Render the icon's PNG sizes (and a Windows .ico) from the SVG master.

    .venv/bin/python packaging/make_icons.py

Run it after editing icons/anatomy-viewer.svg and commit what it writes: the
PNGs are the sizes the freedesktop icon theme spec expects (hicolor), and the
window and the bundle use them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent / "icons"
MASTER = ICONS / "anatomy-viewer.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(MASTER))
    if not renderer.isValid():
        print(f"cannot read {MASTER}", file=sys.stderr)
        return 1
    for size in SIZES:
        out = ICONS / f"{size}x{size}" / "anatomy-viewer.png"
        out.parent.mkdir(exist_ok=True)
        if not render(renderer, size).save(str(out), "PNG"):
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        print(out.relative_to(ICONS.parent.parent))
    # Windows wants one .ico (PyInstaller's exe icon); 256 px is its largest size.
    ico = ICONS / "anatomy-viewer.ico"
    if render(renderer, 256).save(str(ico), "ICO"):
        print(ico.relative_to(ICONS.parent.parent))
    else:
        print("no ICO writer in this Qt: anatomy-viewer.ico not written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
