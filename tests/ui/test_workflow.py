"""The clinic's workflow through the window and the command line: handout, record, notes, rules."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox

from viewer.bundle import Bundle
from viewer.handout.compose import HandoutRequest
from viewer.handout.pdf import write_pdf
from viewer.notes.store import NotesStore
from viewer.ui.main_window import MainWindow
from viewer.ui.settings import AppSettings

PATIENT_WORDS = 6  # the first words of the patient text must be in the handout


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is installed by ./dev test"
    done = subprocess.run(
        [tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    )
    return " ".join(done.stdout.split())


def test_handout_for_the_left_patella_from_the_command_line(tmp_path: Path, bundle: Bundle) -> None:
    out = tmp_path / "handout.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c")}
    settings = QSettings(
        str(tmp_path / "c/anatomy-viewer/anatomy-viewer.ini"), QSettings.Format.IniFormat
    )
    AppSettings(settings).save_clinic("Riverside Clinic", "01234 567890", "")
    settings.sync()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "viewer",
            "handout",
            "kneecap",
            "--condition",
            "patellar_dislocation",
            "--side",
            "left",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    text = pdf_text(out)
    condition = bundle.atlas.conditions["patellar_dislocation"]
    assert "Your LEFT kneecap (patella)" in text
    assert condition.name in text
    assert " ".join(condition.patient.what_it_is.split()[:PATIENT_WORDS]) in text
    assert "Get help urgently" in text
    assert "Riverside Clinic" in text
    assert "01234 567890" in text
    assert f"Content reviewed {condition.reviewed}" in text


def test_handout_names_the_patient_only_when_asked(qapp, tmp_path: Path, bundle: Bundle) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "named.pdf"
    pages = write_pdf(bundle, HandoutRequest("calcaneus", "", "right", "Jane Doe"), out)
    assert 1 <= pages <= 2
    text = pdf_text(out)
    assert "For: Jane Doe" in text
    assert "Your RIGHT heel bone (calcaneus)" in text
    assert "Common problems here" in text


@pytest.mark.parametrize("region", ["patella", "calcaneus", "lateral_malleolus", "femoral_neck"])
def test_a_handout_is_one_page_and_says_so(
    qapp, tmp_path: Path, bundle: Bundle, region: str
) -> None:  # type: ignore[no-untyped-def]
    """The count returned is the count in the PDF, and a handout fits one A4 page."""
    out = tmp_path / f"{region}.pdf"
    pages = write_pdf(bundle, HandoutRequest(region, "", "left"), out)
    assert re.findall(rb"/Count (\d+)", out.read_bytes()) == [str(pages).encode()]
    assert pages == 1


def test_export_handout_from_the_window_never_stores_the_name(
    qtbot, window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from viewer.ui.handout_dialog import HandoutDialog

    window.open_at("patella", "", "left")
    window.menu_actions.export_handout.trigger()
    dialog = window.findChild(HandoutDialog, "handoutDialog")
    assert dialog is not None
    assert dialog.isVisible()
    dialog.patient.setText("Jane Doe")
    out = tmp_path / "from-window.pdf"
    dialog.save_pdf(out)
    text = pdf_text(out)
    assert "Your LEFT kneecap (patella)" in text
    assert "For: Jane Doe" in text
    dialog.reject()
    window.save_settings()
    saved = Path(window.settings._s.fileName()).read_text()  # noqa: SLF001
    assert "Jane" not in saved


def test_summary_for_the_record_is_plain_ascii_with_side_and_rule(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.open_at("lateral_malleolus", "", "left")
    window.open_tools()  # the reader unfolds the rules
    box = window.rules.boxes["ottawa_ankle"]
    box.boxes["malleolar_pain"].setChecked(True)
    assert box.result_label.text() == "Ankle X-ray not indicated by the rule"
    qtbot.mouseClick(box.boxes["lateral_posterior_edge"], Qt.MouseButton.LeftButton)
    assert box.result_label.text() == "Ankle X-ray indicated"
    window.menu_actions.copy_summary.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.splitlines()[0] == "LEFT lateral malleolus"
    assert text.isascii()
    assert "Considered: " in text
    assert "Red flags to screen: " in text
    assert "Suggested first test: " in text
    assert (
        "Decision rule: Ottawa ankle rule: Ankle X-ray indicated (Pain in the malleolar zone; "
        in text
    )
    assert not any(line.lstrip().startswith(("-", "*", "\u2022")) for line in text.splitlines())


def test_every_rule_is_offered_where_it_applies(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.open_tools()
    for rule in window.bundle.atlas.rules.values():
        for region in rule.regions:
            window.selection.select(region)
            assert rule.id in window.rules.boxes, (rule.id, region)
            boxes = window.rules.boxes[rule.id].findChildren(QCheckBox)
            assert len(boxes) == len(rule.criteria)


def test_wells_score_counts_points_with_the_minus_two(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.selection.select("calf")
    window.open_tools()
    box = window.rules.boxes["wells_dvt"]
    for criterion in ("cancer", "whole_leg_swollen", "calf_3cm"):
        box.boxes[criterion].setChecked(True)
    assert box.result_label.text() == "Score 3. DVT likely (score 2 or more)"
    box.boxes["alternative_likely"].setChecked(True)
    assert box.result_label.text() == "Score 1. DVT unlikely (score 1 or less)"


def test_a_note_typed_is_there_after_a_restart(qtbot, bundle: Bundle, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "notes.sqlite3"
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))

    def open_window() -> tuple[MainWindow, NotesStore]:
        store = NotesStore.open(database)
        win = MainWindow(bundle, settings, store)
        qtbot.addWidget(win)
        win.restore()
        win.show()
        qtbot.waitExposed(win)
        return win, store

    first, store = open_window()
    first.selection.select("patella")
    tabs = first.tools.tabBar()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())  # "Your notes"
    assert first.tools.currentWidget() is first.notes_panel
    first.notes_panel.editor.setFocus()
    qtbot.keyClicks(first.notes_panel.editor, "Our clinic: physio first, X-ray only by rule.")
    qtbot.waitUntil(lambda: first.notes_panel.status.text() == "Saved.", timeout=3000)
    assert "Our clinic: physio first" in first.details.toPlainText()  # under "Your notes"
    first.search.field.setText("physio first")
    assert first.search.groups
    assert first.search.groups[0].best.field == "your note"
    first.close()
    store.close()

    second, store = open_window()
    assert second.selection.region == "patella"  # the reader's place is remembered
    assert (
        second.notes_panel.editor.toPlainText() == "Our clinic: physio first, X-ray only by rule."
    )
    assert "Your notes" in second.details.toPlainText()
    second.close()
    store.close()


def test_settings_come_back_in_a_second_window(qtbot, bundle: Bundle, settings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(bundle, settings)
    qtbot.addWidget(first)
    first.restore()
    first.show()
    qtbot.waitExposed(first)
    first.open_at("navicular", "foot_medial", "left")
    first.details.set_text_size(14.0)
    first.diagram.zoom_by(2.0)
    first.resize(1200, 700)
    first.close()

    second = MainWindow(bundle, settings)
    qtbot.addWidget(second)
    second.restore()
    second.show()
    qtbot.waitExposed(second)
    assert second.selection.region == "navicular"
    assert second.diagram.current_view == "foot_medial"
    assert second.side.side == "left"
    assert second.details.text_size == 14.0
    assert second.diagram.zoom("foot_medial") == pytest.approx(2.0)
    assert (second.width(), second.height()) == (1200, 700)
    second.close()


def test_notes_cli_lists_exports_and_imports(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "viewer", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )

    notes = [
        {
            "region": "patella",
            "condition": None,
            "text": "Refer early.",
            "updated": "2026-11-01T10:00:00+00:00",
        },
        {
            "region": "gone_region",
            "condition": None,
            "text": "Kept.",
            "updated": "2026-11-02T10:00:00+00:00",
        },
    ]
    (tmp_path / "in.json").write_text(json.dumps(notes))
    assert run("notes", "import", str(tmp_path / "in.json")).returncode == 0
    listed = json.loads(run("notes", "list", "--json").stdout)
    assert {n["region"]: n["orphaned"] for n in listed} == {"gone_region": True, "patella": False}
    assert "Refer early." in run("show", "patella").stdout  # show prints the user's notes
    assert run("notes", "export", str(tmp_path / "out.json")).returncode == 0
    exported = json.loads((tmp_path / "out.json").read_text())
    assert [n["text"] for n in exported] == ["Kept.", "Refer early."]
    bad = run("notes", "import", str(tmp_path / "in.json") + ".missing")
    assert bad.returncode != 0
    assert "Traceback" not in bad.stderr
    (tmp_path / "bad.json").write_text('[{"region": "Not An Id"}]')
    refused = run("notes", "import", str(tmp_path / "bad.json"))
    assert refused.returncode == 2
    assert "nothing was imported" in refused.stderr


def test_rules_cli(bundle: Bundle) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "rules", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rules = {rule["id"]: rule for rule in json.loads(done.stdout)}
    assert set(rules) == {"ottawa_ankle", "ottawa_foot", "ottawa_knee", "wells_dvt"}
    for rule in rules.values():
        assert rule["name"]
        assert rule["regions"]
        assert rule["criteria"]
        assert rule["sources"]


def test_the_folded_rules_and_notes_catch_up_when_opened(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.lay_out()  # as on a first start
    assert not window.tools_open()  # folded to its tabs
    window.selection.select("lateral_malleolus")
    tabs = window.tools.tabBar()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(0).center())
    assert window.tools_open()
    assert "ottawa_ankle" in window.rules.boxes
    assert window.notes_panel.region == "lateral_malleolus"
    window.selection.select("calf")  # open now: follows every selection
    assert "wells_dvt" in window.rules.boxes
    assert window.notes_panel.region == "calf"


def test_notes_opened_after_the_first_paint_reach_the_page_shown(
    qtbot, bundle: Bundle, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = NotesStore.open(tmp_path / "notes.sqlite3")
    store.save("patella", "", "Ask about the stairs.")
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(bundle, settings, notes_opening=True)
    qtbot.addWidget(window)
    window.show()
    window.selection.select("patella")
    window.open_tools()
    window.tools.setCurrentWidget(window.notes_panel)
    assert window.notes is None
    assert "Ask about the stairs." not in window.details.toPlainText()
    assert window.notes_panel.status.text() == "", "not 'cannot be saved' while it opens"
    window.attach_notes(store)
    assert "Ask about the stairs." in window.details.toPlainText()
    assert window.notes_panel.editor.toPlainText() == "Ask about the stairs."
    assert not window.notes_panel.editor.isReadOnly()
    window.close()
    store.close()


def test_a_page_made_again_with_notes_keeps_the_readers_place(
    qtbot, bundle: Bundle, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """At its top, it stays at its top (it was scrolled by its heading's margin); read
    further down, the same text stays at the top."""
    store = NotesStore.open(tmp_path / "notes.sqlite3")
    store.save("patella", "", "Ask about the stairs.")
    store.save("calcaneus", "", "Heel cup helped.")
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(bundle, settings, notes_opening=True)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.selection.select("patella")
    assert window.details.verticalScrollBar().value() == 0
    window.attach_notes(store)
    assert "Ask about the stairs." in window.details.toPlainText()
    assert window.details.verticalScrollBar().value() == 0, "the page's top scrolled away"

    window.selection.select("calcaneus")
    details = window.details
    details.page().finish()
    details.verticalScrollBar().setValue(details.verticalScrollBar().maximum() // 2)
    top = details.cursorForPosition(QPoint(0, 0)).block().text()
    store.save("calcaneus", "", "Heel cup helped; review in six weeks.")
    details.refresh("calcaneus")  # as when a note is saved
    assert details.cursorForPosition(QPoint(0, 0)).block().text() == top
    window.close()
    store.close()


def test_notes_opened_late_remake_only_the_pages_of_regions_with_notes(
    qtbot, bundle: Bundle, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = NotesStore.open(tmp_path / "notes.sqlite3")
    store.save("patella", "", "Ask about the stairs.")
    store.save("calcaneus", "", "Heel cup helped.")
    store.save("no_such_region", "", "Kept, listed as an orphan.")
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(bundle, settings, notes_opening=True)
    qtbot.addWidget(window)
    window.show()
    for region in ("talus", "calcaneus", "patella"):
        window.selection.select(region)
    talus_page = window.details._pages[("talus", window.side.side)]  # noqa: SLF001
    window.attach_notes(store)
    assert window.details._pages.get(("talus", window.side.side)) is talus_page  # noqa: SLF001
    assert "Ask about the stairs." in window.details.toPlainText()
    window.selection.select("calcaneus")
    window.details.page().finish()
    assert "Heel cup helped." in window.details.toPlainText()
    window.close()
    store.close()


def test_notes_that_cannot_be_opened_say_so_when_the_window_learns_it(
    qtbot, bundle: Bundle, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(bundle, settings, notes_opening=True)
    qtbot.addWidget(window)
    window.attach_notes(None, "Notes cannot be saved: read-only file system")
    assert window.notes_panel.editor.isReadOnly()
    assert "cannot be saved" in window.notes_panel.status.text()
    assert window.statusBar().currentMessage() == "Notes cannot be saved: read-only file system"
    window.close()
