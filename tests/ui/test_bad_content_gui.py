"""Given broken content, the window opens, says what is wrong, and the rest works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import CONDITION, make_content, region_yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from viewer.bundle import load_bundle
from viewer.ui.main_window import MainWindow
from viewer.ui.problems_dialog import ProblemsDialog


def broken_content(root: Path) -> Path:
    make_content(root)
    bad_region = region_yaml("gamma").replace("views: [test_view]", "views: no")
    (root / "data/regions/test.yaml").write_text(
        region_yaml("alpha") + region_yaml("beta") + bad_region
    )
    (root / "data/conditions/extra.yaml").write_text(
        CONDITION.replace("id: cond", "id: extra") + "<img src=file:///etc/hostname>: 1\n"
    )
    return root


def test_window_shows_problems_and_keeps_valid_regions(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bundle = load_bundle(broken_content(tmp_path), with_outlines=True)
    assert len(bundle.problems) >= 2
    window = MainWindow(bundle)
    qtbot.addWidget(window)
    window.show()
    window.show_problems()

    dialog = window.findChild(ProblemsDialog, "problemsDialog")
    assert dialog is not None
    assert dialog.isVisible()
    listed = dialog.findChild(QPlainTextEdit).toPlainText()
    text = region_yaml("alpha") + region_yaml("beta")
    line = text.count("\n") + region_yaml("gamma").split("views:")[0].count("\n") + 1
    assert f"data/regions/test.yaml:{line}:10: views must be a list" in listed
    # Hostile text from the file is shown as text, not rendered.
    assert "unknown key '<img src=file:///etc/hostname>'" in listed
    dialog.accept()

    view = window.diagram
    for region in ("alpha", "beta"):
        pos = view.mapFromScene(view.exposed_point(region))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert window.details.region == region


def test_app_with_broken_data_does_not_crash(tmp_path: Path) -> None:
    root = broken_content(tmp_path / "content")
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "--data", str(root), "screenshot", str(out),
         "--region", "alpha"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert out.exists()


def test_missing_drawing_is_a_problem_not_a_crash(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_content(tmp_path)
    (root / "assets/test_view.svg").write_text("this is not XML <<<")
    bundle = load_bundle(root, with_outlines=True)
    messages = [str(p) for p in bundle.problems]
    assert any(m.startswith("assets/test_view.svg:1:") and "not a valid SVG" in m for m in messages)
    assert any("no drawing for view 'test_view'" in m for m in messages)
    window = MainWindow(bundle)
    qtbot.addWidget(window)
    window.show()
    window.selection.select("alpha")
    assert window.details.region == "alpha"
