"""The cyclic garbage collector, held off while the app makes what it keeps.

The start makes hundreds of thousands of objects that live as long as the app: the
modules, the content, the widgets' Python wrappers. Left on, the collector walked
them about 90 times between the process start and the first click answered (9 ms of
a 230 ms start) and found nothing to collect. The search index's build does the same
at a larger scale. Each of them holds the collector by a name; when the last hold is
released, what exists is frozen (never walked again) and the collector runs as usual
for what is made from then on.
"""

from __future__ import annotations

import gc
import threading

_holds: set[str] = set()
_lock = threading.Lock()  # the index's build releases its hold on its own thread


def hold(name: str) -> None:
    """Keep the collector off until release(name); holding a name held already is a no-op."""
    with _lock:
        _holds.add(name)
        gc.disable()


def release(name: str) -> None:
    """Let go of this hold (held or not). With none left, freeze what exists and turn the
    collector back on."""
    with _lock:
        _holds.discard(name)
        if not _holds:
            gc.freeze()
            gc.enable()


def held() -> frozenset[str]:
    with _lock:
        return frozenset(_holds)
