"""A vertical scroll bar's rendering put together from the rows of others already made.

A style draws a vertical scroll bar as a few features along its length: the
ends of the groove (with the arrow buttons beyond them), and the two ends of
the handle. Away from those features a row looks like every other row of its
zone (above the handle, on it, below it): Fusion's gradients run across the
bar. So a row's look is told by its zone and by its offsets to the features
within a few pixels of it (its signature), and a bar whose handle has a new
length or place can be copied row by row from renderings already made: a few
blits, not the 2 to 3 ms the style takes to draw a tall bar.

That holds for Fusion and is not promised by every style: until CHECKS bars of
a kind put together have matched the style's own renderings of them, the style
draws that kind, and a kind that differed in one pixel is never put together
again.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter

REACH = 4  # device rows either side of a feature that it may change (Fusion's: 1)
CHECKS = 1  # renderings put together and compared with the style's before trusting a kind
REFERENCES = 4  # renderings kept to copy rows from, for each kind of bar

Signature = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class BarRows:
    """Where the features of one vertical bar are, in device rows: the rows between
    the arrow buttons are [first, stop); the handle's are [handle_start, handle_stop)."""

    height: int
    first: int
    stop: int
    handle_start: int
    handle_stop: int

    def runs(self, reach: int) -> list[tuple[int, int, Signature]]:
        """(first row, rows, signature) along the bar: a row within reach of a feature
        is a run of its own; between them, a run of rows that all look alike."""
        if not 0 <= self.first <= self.handle_start <= self.handle_stop <= self.stop:
            return []
        features = (
            ("first", self.first),
            ("handle_start", self.handle_start),
            ("handle_stop", self.handle_stop),
            ("stop", self.stop),
        )
        near: set[int] = set()
        for _, at in features:
            near.update(range(max(at - reach, self.first), min(at + reach, self.stop)))
        # Where a run between features ends: at a row near one, or where the zone changes.
        breaks = sorted({*near, self.handle_start, self.handle_stop, self.stop})
        runs: list[tuple[int, int, Signature]] = []
        if self.first:
            runs.append((0, self.first, ("top end", self.first)))
        row = self.first
        while row < self.stop:
            zone = self._zone(row)
            if row in near:
                offsets = tuple(
                    (name, row - at) for name, at in features if -reach <= row - at < reach
                )
                runs.append((row, 1, (zone, offsets)))
                row += 1
                continue
            end = breaks[bisect_right(breaks, row)]
            runs.append((row, end - row, (zone, ())))
            row = end
        if self.stop < self.height:
            runs.append(
                (self.stop, self.height - self.stop, ("bottom end", self.height - self.stop))
            )
        return runs

    def _zone(self, row: int) -> str:
        if row < self.handle_start:
            return "above"
        return "handle" if row < self.handle_stop else "below"


class RowComposer:
    """Renderings of one kind of bar (the same size, state and palette), and bars of
    that kind put together from their rows."""

    def __init__(self, reach: int = REACH) -> None:
        self._reach = reach
        # each rendering kept, with the first row of each signature it has
        self._references: list[tuple[QImage, BarRows, dict[Signature, int]]] = []
        self._checks_left = CHECKS
        self.refused = False  # a rendering put together differed from the style's

    @property
    def trusted(self) -> bool:
        return not self.refused and self._checks_left == 0

    def learn(self, rendering: QImage, rows: BarRows) -> None:
        """Keep a rendering the style made, to copy rows from."""
        if self.refused:
            return
        made = self.compose(rows) if self._checks_left else None
        if made is not None:
            self._checks_left -= 1
            if made != rendering:
                self.refused = True
                self._references.clear()
                return
        rows_of: dict[Signature, int] = {}
        for start, _, signature in rows.runs(self._reach):
            rows_of.setdefault(signature, start)
        self._references.append((rendering, rows, rows_of))
        del self._references[:-REFERENCES]

    def compose(self, rows: BarRows) -> QImage | None:
        """The bar put together from the rows of one rendering kept, or None when no
        rendering kept has a row like each of the bar's."""
        if self.refused:
            return None
        runs = rows.runs(self._reach)
        if not runs:
            return None
        for reference, its_rows, rows_of in reversed(self._references):
            if its_rows.height != rows.height:
                continue
            copies: list[tuple[int, int, int, bool]] = []  # (row, rows, from row, repeated)
            for start, count, signature in runs:
                source = rows_of.get(signature)
                if source is None:
                    break
                # The ends are copied row for row; a run between features repeats one row.
                block = signature[0] in ("top end", "bottom end")
                copies.append((start, count, source, not block and count > 1))
            else:
                return _copied(reference, rows.height, copies)
        return None


def _copied(reference: QImage, height: int, copies: list[tuple[int, int, int, bool]]) -> QImage:
    width = reference.width()
    made = QImage(width, height, reference.format())
    painter = QPainter(made)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    for start, count, source, repeated in copies:
        painter.drawImage(
            QRect(0, start, width, count),
            reference,
            QRect(0, source, width, 1 if repeated else count),
        )
    painter.end()
    return made
