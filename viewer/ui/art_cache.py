"""The drawing's art as it was last painted, kept in the cache folder for the next start.

Reading the SVG and drawing it for the first paint took 11 to 16 ms of every start
(the art's QSvgRenderer 1 to 2 ms, a second reading for the labels' places 1 ms,
QtSvg's import 1.5 ms, the painting 7 to 11 ms). The window usually opens as it
was left, so the art is drawn at the same place and scale: its pixels are kept
after a start (DiagramView.keep_art) and the next start paints them, 0.2 ms,
if the drawing file and the art's transform on screen are exactly those they
were drawn from. Anything else, and the SVG is drawn as before.

The cache folder is not trusted: an entry is read only from a regular file of
bounded size, and any entry that is odd in any way is ignored (and replaced).
An entry is one view's: a line of JSON (where its pixels go, the labels' places,
what they were drawn from), then the pixels as they are in memory.
"""

import contextlib
import json
import math
import os
import zlib
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QPoint, qVersion
from PySide6.QtGui import QImage, QTransform

from viewer import __version__
from viewer.paths import FileTooLarge, read_limited, write_atomically

FORMAT = 1
MAX_SIDE = 2048  # device pixels: a drawing larger on screen is not kept (16 MB at most)
MAX_LABELS = 500
MAX_LABEL_CHARS = 80
MAX_HEADER_BYTES = 64 * 1024
MAX_ENTRY_BYTES = MAX_HEADER_BYTES + MAX_SIDE * MAX_SIDE * 4
PIXELS = QImage.Format.Format_ARGB32_Premultiplied

Transform = tuple[float, float, float, float, float, float]
LabelPlace = tuple[str, float, float]  # its words, and its centre in drawing units


class KeptArt(NamedTuple):
    source: str  # what the pixels were drawn from (source_key)
    transform: Transform  # the art's transform on screen (to the viewport's pixels)
    origin: tuple[int, int]  # where the pixels' top left goes in the viewport
    image: QImage  # at pixel_ratio (a null image once the art is drawn from its SVG)
    pixel_ratio: float  # device pixels per pixel of the layout
    labels: tuple[LabelPlace, ...]  # read from the same drawing

    def fits(self, transform: QTransform, pixel_ratio: float) -> bool:
        """These pixels are what drawing the art with this transform would paint."""
        return self.transform == transform_tuple(transform) and math.isclose(
            self.pixel_ratio, pixel_ratio
        )

    @property
    def top_left(self) -> QPoint:
        return QPoint(*self.origin)


def transform_tuple(transform: QTransform) -> Transform:
    """The transform's affine part, rounded well below a pixel's thousandth: a start that
    lays the window out the same way computes the same numbers."""
    return tuple(  # type: ignore[return-value]
        round(value, 9)
        for value in (
            transform.m11(),
            transform.m12(),
            transform.m21(),
            transform.m22(),
            transform.dx(),
            transform.dy(),
        )
    )


def source_key(drawing: Path, width: float, height: float) -> str:
    """The drawing file as it is now (any edit changes its size or time), the art's size,
    and the code that draws it: a stat, not a read."""
    info = drawing.stat()
    identity = f"{FORMAT}:{__version__}:{qVersion()}:{width!r}:{height!r}:{os.fsdecode(drawing)}"
    return f"{identity}:{info.st_size}:{info.st_mtime_ns}"


class ArtCache:
    """One entry per view, in folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, view: str) -> Path:
        # A view is named by its drawing's file name, which a clinic's folder chooses.
        return self.folder / f"{zlib.crc32(view.encode()):08x}.art"

    def load(self, view: str, source: str) -> KeptArt | None:
        """The view's kept art if it was drawn from source, else None."""
        try:
            data = read_limited(self._path(view), MAX_ENTRY_BYTES, follow_links=False)
        except (FileTooLarge, OSError):
            return None
        try:
            return _parse(data, view, source)
        except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError):
            return None  # damaged or foreign: drawn from the SVG and kept again

    def save(self, view: str, art: KeptArt) -> None:
        """Keep the art, atomically: a start never reads half an entry. A cache that
        cannot be written is no loss."""
        if art.image.isNull():
            return
        image = art.image.convertToFormat(PIXELS)
        header = {
            "format": FORMAT,
            "view": view,
            "source": art.source,
            "transform": list(art.transform),
            "origin": list(art.origin),
            "size": [image.width(), image.height()],
            "pixel_ratio": art.pixel_ratio,
            "labels": [list(label) for label in art.labels],
        }
        line = json.dumps(header, separators=(",", ":")).encode()
        if len(line) >= MAX_HEADER_BYTES:
            return
        pixels = bytes(image.constBits())[: image.width() * image.height() * 4]
        with contextlib.suppress(OSError):
            write_atomically(self._path(view), line + b"\n" + pixels)


def _parse(data: bytes, view: str, source: str) -> KeptArt | None:
    end = data.find(b"\n", 0, MAX_HEADER_BYTES)
    if end < 0:
        return None
    header: Any = json.loads(data[:end])
    if header["format"] != FORMAT or header["view"] != view or header["source"] != source:
        return None
    transform = tuple(_number(value) for value in header["transform"])
    x, y = (_whole(value, -MAX_SIDE * 4, MAX_SIDE * 4) for value in header["origin"])
    width, height = (_whole(value, 1, MAX_SIDE) for value in header["size"])
    ratio = _number(header["pixel_ratio"])
    if len(transform) != 6 or not 0.25 <= ratio <= 8:
        return None
    pixels = data[end + 1 :]
    if len(pixels) != width * height * 4:
        return None
    image = QImage(pixels, width, height, width * 4, PIXELS).copy()  # its own memory
    image.setDevicePixelRatio(ratio)
    labels = header["labels"]
    if not isinstance(labels, list) or len(labels) > MAX_LABELS:
        return None
    places = tuple(_label(label) for label in labels)
    return KeptArt(source, transform, (x, y), image, ratio, places)


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError("not a finite number")
    return float(value)


def _whole(value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError("not a whole number in range")
    return value


def _label(value: object) -> LabelPlace:
    if not isinstance(value, list) or len(value) != 3:
        raise ValueError("not a label")
    text, x, y = value
    if not isinstance(text, str) or len(text) > MAX_LABEL_CHARS or not text.isprintable():
        raise ValueError("not a label's words")
    return text, _number(x), _number(y)
