"""Memory: free memory handed back once the reader pauses, never waking an idle app;
a view keeps one SVG renderer."""

from __future__ import annotations

import os
import sys

import pytest
from PySide6.QtCore import Qt

from viewer.ui.memory_trim import IdleMemoryTrim, glibc_malloc_trim


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(IdleMemoryTrim, "QUIET_MS", 40)


@pytest.mark.usefixtures("quick")
def test_a_trim_runs_once_after_the_last_of_many_pokes(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    trimmer = IdleMemoryTrim(trim=lambda: calls.append(1))
    for _ in range(5):
        trimmer.poke("a region id")
        qtbot.wait(5)
    assert not calls, "activity keeps the trim waiting"
    assert trimmer.pending
    qtbot.waitUntil(lambda: not trimmer.pending, timeout=2000)
    qtbot.wait(100)
    assert calls == [1]
    assert trimmer.trims == 1


@pytest.mark.usefixtures("quick")
def test_without_activity_nothing_is_scheduled(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    trimmer = IdleMemoryTrim(trim=lambda: calls.append(1))
    qtbot.wait(100)
    assert not trimmer.pending
    assert calls == []


def test_a_click_on_the_drawing_schedules_a_trim(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.memory_trim.pending, timeout=5000)
    point = window.diagram.mapFromScene(window.diagram.exposed_point("patella"))
    qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.details.region == "patella"
    assert window.memory_trim.pending


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc is Linux's")
def test_glibc_malloc_trim_is_found_and_runs() -> None:
    try:
        glibc = os.confstr("CS_GNU_LIBC_VERSION") or ""
    except (ValueError, OSError):
        glibc = ""
    if not glibc.startswith("glibc"):
        pytest.skip("this Linux's C library is not glibc")
    trim = glibc_malloc_trim()
    assert trim is not None, f"{glibc}: malloc_trim not found"
    trim()


def test_a_view_keeps_one_svg_renderer_the_arts(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The whole drawing is read once more for its labels' places; that reading is let go
    (it was kept with the scene: about 0.3 MB a view)."""
    import gc

    from PySide6.QtSvg import QSvgRenderer

    for view in window.diagram.views():
        window.diagram.show_view(view)
    gc.collect()
    for view in window.diagram.views():
        scene = window.diagram._scenes[view].scene  # noqa: SLF001
        assert len(scene.findChildren(QSvgRenderer)) == 1, view
