"""The handout laid out on paper: the drawing with the region marked, and the text.

One QTextDocument (inert: it loads nothing it names) printed to a PDF writer or
to a printer. The drawing is rendered here from the view's art, cropped around
the region, the region filled as the app fills a selected region, mirrored for
the left side, with the side written over it as a radiograph marker.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer

from viewer.bundle import Bundle
from viewer.diagram.palette import INTERFACE
from viewer.diagram.svg_labels import split_drawing
from viewer.handout.compose import DRAWING, STYLE, HandoutRequest, handout_html
from viewer.inert_text import InertDocument

BODY_POINTS = 12.0  # large enough for older eyes on paper
MIN_BODY_POINTS = 10.5  # the smallest a long handout is set in to stay on one page
SCREEN_DPI = 96.0  # the document's own units: pixels at this resolution
IMAGE_WIDTH = 700  # pixels: sharp at the printed width of about 7 cm
MIN_CROP = 160.0  # drawing units (mm) around the region, so it is seen in its place


def drawing_image(bundle: Bundle, region: str, side: str) -> QImage:
    """The region's first view, cropped around it, the region marked, the side written."""
    from viewer.ui.region_item import painter_path

    views = bundle.views_of(region)
    image = QImage(IMAGE_WIDTH, IMAGE_WIDTH, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    if not views or views[0] not in bundle.geometry:
        return image
    view = views[0]
    drawing = bundle.geometry[view]
    outline = drawing.outlines.get(region)
    try:
        art = split_drawing(bundle.drawings[view].read_bytes()).art
    except OSError:
        art = b""
    whole = QRectF(0, 0, drawing.width, drawing.height)
    path = painter_path(outline) if outline else None
    crop = path.boundingRect() if path is not None else whole
    size = max(crop.width(), crop.height()) * 2.6
    size = max(size, MIN_CROP)
    crop = QRectF(crop.center().x() - size / 2, crop.center().y() - size / 2, size, size)
    crop = crop.intersected(whole) if crop.intersects(whole) else whole
    height = int(IMAGE_WIDTH * crop.height() / crop.width())
    image = QImage(IMAGE_WIDTH, max(height, 1), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scale = IMAGE_WIDTH / crop.width()
    painter.save()
    if side == "left":  # the left limb is the right one mirrored
        painter.translate(IMAGE_WIDTH, 0)
        painter.scale(-1, 1)
    painter.scale(scale, scale)
    painter.translate(-crop.x(), -crop.y())
    QSvgRenderer(QByteArray(art)).render(painter, whole)
    if path is not None:
        fill = QColor(INTERFACE["selected"])
        fill.setAlpha(110)
        painter.setBrush(fill)
        pen = QPen(QColor(INTERFACE["selected_line"]), 3.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawPath(path)
    painter.restore()
    _side_marker(painter, side)
    painter.end()
    return image


def _side_marker(painter: QPainter, side: str) -> None:
    font = QFont()
    font.setBold(True)
    font.setPixelSize(44)
    painter.setFont(font)
    box = QRectF(12, 12, 150, 60)
    painter.setPen(QPen(QColor("#111111"), 3))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRoundedRect(box, 6, 6)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, side.upper())


def handout_document(
    bundle: Bundle, request: HandoutRequest, today: datetime.date | None = None
) -> InertDocument:
    document = InertDocument()
    document.setDefaultStyleSheet(STYLE)
    font = QFont()
    font.setPointSizeF(BODY_POINTS)  # the body's size: CSS on body does not reach paragraphs
    document.setDefaultFont(font)
    document.addResource(
        InertDocument.ResourceType.ImageResource.value,
        DRAWING,
        drawing_image(bundle, request.region, request.side),
    )
    document.setHtml(handout_html(bundle.atlas, request, today))
    return document


def page_setup(device: QPagedPaintDevice) -> None:
    """A4 with 15 mm margins: what most clinic printers hold."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )


def print_handout(document: InertDocument, device: QPagedPaintDevice) -> int:
    """Lay the handout out on the device's pages and paint it; returns the pages used.

    Paginated here, not by QTextDocument.print_(), so that the count is the one
    printed and a long handout is set a little smaller to stay on one page.
    """
    dpi = device.logicalDpiX()
    paper = device.pageLayout().paintRectPixels(dpi)
    scale = dpi / SCREEN_DPI
    page = QSizeF(paper.width() / scale, paper.height() / scale)
    frame = document.rootFrame().frameFormat()
    frame.setMargin(0)  # the page layout's margins are the only ones
    document.rootFrame().setFrameFormat(frame)
    document.setPageSize(page)
    font = document.defaultFont()
    while document.pageCount() > 1 and font.pointSizeF() > MIN_BODY_POINTS:
        font.setPointSizeF(font.pointSizeF() - 0.5)
        document.setDefaultFont(font)
    pages = document.pageCount()
    painter = QPainter(device)
    painter.scale(scale, scale)
    for number in range(pages):
        if number:
            device.newPage()
        top = number * page.height()
        painter.save()
        painter.translate(0, -top)
        document.drawContents(painter, QRectF(0, top, page.width(), page.height()))
        painter.restore()
    painter.end()
    return pages


def write_pdf(bundle: Bundle, request: HandoutRequest, out: Path) -> int:
    """Write the handout to out; returns its number of pages."""
    writer = QPdfWriter(str(out))
    writer.setTitle(f"Handout: {request.side.upper()} {bundle.atlas.regions[request.region].name}")
    writer.setCreator("Lower-limb anatomy reference")
    writer.setResolution(300)
    page_setup(writer)
    return print_handout(handout_document(bundle, request), writer)
