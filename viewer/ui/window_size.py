"""The window's sizes: its minimum, and its size at a first start.

Plain numbers, no Qt: the bench's baseline windows (bench/bare_window.py and
floor_window.py) open at the app's first-start size without importing the app.
"""

from __future__ import annotations

MIN_SIZE = (960, 600)  # every layout works down to 1280x720, and a little below
FIRST_START_SHARE = 0.9  # of the screen's free area
FIRST_START_MAX = (1600, 1000)


def first_start_size(free_width: int, free_height: int) -> tuple[int, int]:
    """90% of the screen's free area, at most 1600x1000, at least the minimum size
    (but never larger than the free area)."""
    return (
        _fit(free_width, FIRST_START_MAX[0], MIN_SIZE[0]),
        _fit(free_height, FIRST_START_MAX[1], MIN_SIZE[1]),
    )


def _fit(free: int, largest: int, smallest: int) -> int:
    return max(min(int(free * FIRST_START_SHARE), largest), min(smallest, free))
