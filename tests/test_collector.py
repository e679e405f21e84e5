"""The garbage collector held off while the app makes what it keeps (viewer/collector.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_probe import run_probe

from viewer import collector


@pytest.fixture
def freezes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """gc.freeze() counted, not done: this process's objects stay as they were."""
    calls: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(1))
    enabled = gc.isenabled()
    yield calls
    for name in collector.held():
        collector.release(name)
    if enabled:
        gc.enable()


def test_the_collector_is_on_again_when_the_last_hold_is_released(freezes: list[int]) -> None:
    collector.hold("start")
    collector.hold("search index")
    collector.hold("start")  # held already: still one hold
    assert not gc.isenabled()
    collector.release("start")
    assert not gc.isenabled(), "the index's build still holds it"
    assert freezes == []
    collector.release("search index")
    assert gc.isenabled()
    assert freezes == [1], "what the holds made is frozen once, when the last goes"
    assert collector.held() == frozenset()


def test_a_release_of_what_is_not_held_still_freezes_and_turns_it_on(freezes: list[int]) -> None:
    gc.disable()
    collector.release("start")  # a window started by a test, not by the command line
    assert gc.isenabled()
    assert freezes == [1]


def test_the_start_from_the_command_line_runs_no_collection_until_the_window_started(
    tmp_path: Path,
) -> None:
    """Measured: about 90 collections, 9 ms, between the start and the first click
    answered, finding nothing. Once started, the collector is on and the start's
    objects are frozen."""
    code = (
        "import gc\n"
        "from PySide6.QtCore import QEvent, QObject, QTimer\n"
        "import viewer.ui.app as app_module\n"
        "from viewer import collector\n"
        "from viewer.cli import main\n"
        "def collections():\n"
        "    return sum(generation['collections'] for generation in gc.get_stats())\n"
        "at_main = collections()\n"
        "kept = []\n"
        "original = app_module.start_window\n"
        "def start_window(*args, **kwargs):\n"
        "    app, window = original(*args, **kwargs)\n"
        "    class First(QObject):\n"
        "        def eventFilter(self, watched, event):\n"
        "            if event.type() == QEvent.Type.Paint and len(kept) == 2:\n"
        "                print('painted', collections() - at_main, gc.isenabled(),\n"
        "                      sorted(collector.held()))\n"
        "                watched.removeEventFilter(self)\n"
        "            return False\n"
        "    def started():\n"
        "        if window.started and not collector.held():\n"
        "            print('started', gc.isenabled(), gc.get_freeze_count() > 50_000)\n"
        "            window.close()\n"
        "        else:\n"
        "            QTimer.singleShot(20, started)\n"
        "    first = First()\n"
        "    window.installEventFilter(first)\n"
        "    kept.extend([first, started])\n"
        "    QTimer.singleShot(0, started)\n"
        "    return app, window\n"
        "app_module.start_window = start_window\n"
        "print('exit', main([]))\n"
    )
    out = run_probe(code, tmp_path)
    assert out.split() == [
        "painted", "0", "False", "['start']",
        "started", "True", "True",
        "exit", "0",
    ], out  # fmt: skip
