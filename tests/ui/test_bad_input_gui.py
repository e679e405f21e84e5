"""For every bad-input case the window opens, lists the problems, and what is valid works."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.corpus import Case, build, cases
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from viewer.bundle import load_bundle
from viewer.ui.main_window import MainWindow
from viewer.ui.problems_dialog import ProblemsDialog

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_window_lists_the_problems_and_valid_regions_work(
    qtbot, case: Case, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bundle = load_bundle(build(case.name, tmp_path / "clinic"), with_outlines=True, layered=True)
    window = MainWindow(bundle)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_problems()

    dialog = window.findChild(ProblemsDialog, "problemsDialog")
    if case.expected:
        assert dialog is not None
        assert dialog.isVisible()
        listed = dialog.findChild(QPlainTextEdit).toPlainText().splitlines()
        for expected in case.expected:
            assert any(line.startswith(expected) for line in listed), expected
        dialog.accept()

    # The base content's regions are valid in every case: reachable from the list and,
    # where they are drawn, by a click on the drawing.
    valid = [region for region in ("alpha", "beta") if region in bundle.atlas.regions]
    assert valid
    for region in valid:
        row = window.region_list.row(region)
        assert row is not None
        window.region_list.setCurrentItem(row)
        assert window.details.region == region
        assert bundle.atlas.regions[region].name in window.details.toPlainText()
    window.selection.select("")
    for region in valid:
        if not bundle.views_of(region):
            continue
        window.diagram.show_view(bundle.views_of(region)[0])
        point = window.diagram.exposed_point(region)
        assert point is not None
        pos = window.diagram.mapFromScene(point)
        qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert window.details.region == region
