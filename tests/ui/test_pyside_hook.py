"""PySide6's import hook answers from the file's bytes, as it would from the source."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

import viewer.content.model
import viewer.ui.app
from viewer.ui.pyside_hook import HOOK, HOOK_MODULE, quicken_import_hook, uses_pyside_by_bytes


def _original(module: types.ModuleType) -> bool:
    import inspect

    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError):
        return False


def test_the_window_quickens_pysides_import_hook() -> None:
    feature = sys.modules.get(HOOK_MODULE)
    if feature is None or not hasattr(feature, HOOK):
        pytest.skip("this PySide6 has no such import hook: nothing to quicken")
    assert getattr(getattr(feature, HOOK), "quick", False), "importing viewer.ui quickens it"
    assert quicken_import_hook() is False, "once is enough"


def test_the_quick_answer_is_pysides_answer(tmp_path: Path) -> None:
    quick = uses_pyside_by_bytes(_original)
    with_pyside = types.ModuleType("with_pyside")
    with_pyside.__file__ = str(tmp_path / "with_pyside.py")
    Path(with_pyside.__file__).write_text("# café\nfrom PySide6.QtCore import Qt\n", "utf-8")
    without = types.ModuleType("without")
    without.__file__ = str(tmp_path / "without.py")
    Path(without.__file__).write_text("import json\n", "utf-8")
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    for module in (viewer.ui.app, viewer.content.model, json, sys, with_pyside, without, gone):
        assert quick(module) == _original(module), module.__name__
    assert quick(viewer.ui.app) is True
    assert quick(viewer.content.model) is False
