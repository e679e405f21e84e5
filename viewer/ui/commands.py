"""What the File, Edit and Help commands do: handouts, notes, the record, dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QTextEdit

from viewer.content.version import version_line
from viewer.notes.limits import MAX_IMPORT_BYTES, NotesError
from viewer.paths import read_limited
from viewer.ui.actions import Actions

# The dialogs are imported when first opened (viewer/ui/edit_dialogs.py,
# info_dialogs.py, and Qt's message box and file dialog): nothing of them is
# needed before the window first paints.

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

NO_REGION = "Choose a region first: click it on the drawing or pick it from the list."


def _message(parent: MainWindow, title: str, text: str, warning: bool = False) -> None:
    from PySide6.QtWidgets import QMessageBox

    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file name or error may hold anything
    box.setObjectName("messageBox")
    box.open()


class Commands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def wire(self, a: Actions) -> None:
        a.print_handout.triggered.connect(lambda: self.handout(pdf_first=False))
        a.export_handout.triggered.connect(lambda: self.handout(pdf_first=True))
        a.import_notes.triggered.connect(self.import_notes)
        a.export_notes.triggered.connect(self.export_notes)
        a.copy.triggered.connect(self.copy)
        a.copy_summary.triggered.connect(self.copy_summary)
        a.all_notes.triggered.connect(self.all_notes)
        a.preferences.triggered.connect(self.preferences)
        a.shortcuts.triggered.connect(lambda: self.shortcuts(a))
        a.about.triggered.connect(self.about)
        a.sources.triggered.connect(self.sources)
        a.report_error.triggered.connect(self.report_error)

    # -- the record -----------------------------------------------------------------------

    def summary(self) -> str:
        """The plain-text lines for the record, for the selected region ("" if none)."""
        from viewer.content.render import build_report
        from viewer.content.summary import record_summary

        region = self.w.selection.region
        if region not in self.w.bundle.atlas.regions:
            return ""
        report = build_report(self.w.bundle.atlas, region, self.w.side.side)
        return record_summary(
            report,
            self.w.side.side,
            self.w.rules.applied(region),
            self.w.current_condition(),
            version_line(self.w.bundle.atlas),
        )

    def copy_summary(self) -> None:
        text = self.summary()
        if not text:
            self.w.statusBar().showMessage(NO_REGION, 5000)
            return
        QGuiApplication.clipboard().setText(text)
        self.w.statusBar().showMessage("Summary copied: paste it into the record.", 5000)

    def copy(self) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QTextEdit) or hasattr(focus, "copy"):
            focus.copy()  # type: ignore[union-attr]
        else:
            self.w.details.copy()

    # -- handouts -------------------------------------------------------------------------

    def handout(self, pdf_first: bool) -> None:
        from viewer.ui.handout_dialog import HandoutDialog

        region = self.w.selection.region
        if region not in self.w.bundle.atlas.regions:
            _message(self.w, "Handout", NO_REGION)
            return
        s = self.w.settings
        dialog = HandoutDialog(
            self.w.bundle,
            region,
            self.w.current_condition(),
            self.w.side.side,
            (s.clinic_name(), s.clinic_contact()),
            version_line(self.w.bundle.atlas),
            pdf_first=pdf_first,
            parent=self.w,
        )
        dialog.open()

    # -- notes ----------------------------------------------------------------------------

    def all_notes(self) -> None:
        store = self.w.notes
        if store is None:
            _message(self.w, "Notes", "Notes cannot be read here.", warning=True)
            return
        atlas = self.w.bundle.atlas
        from viewer.ui.edit_dialogs import NotesDialog

        dialog = NotesDialog(
            atlas, store.all(), store.orphans(atlas.regions, atlas.conditions), self.w
        )
        dialog.go_to.connect(self.w.go_to)
        dialog.open()

    def export_notes(self) -> None:
        if self.w.notes is None:
            return
        self.w.notes_panel.save_now()
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self.w, "Export Notes", "notes.json", "JSON (*.json)")
        if path:
            try:
                Path(path).write_text(self.w.notes.export_json() + "\n", encoding="utf-8")
            except OSError as error:
                _message(self.w, "Export Notes", f"Not saved: {error}", warning=True)

    def import_notes(self) -> None:
        if self.w.notes is None:
            return
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.w, "Import Notes", "", "JSON (*.json)")
        if not path:
            return
        try:
            imported, kept = self.w.notes.import_json(read_limited(Path(path), MAX_IMPORT_BYTES))
        except (NotesError, OSError) as error:
            _message(self.w, "Import Notes", f"Nothing was imported: {error}", warning=True)
            return
        self.w.details.refresh()
        self.w.notes_panel.show_region(self.w.selection.region)
        self.w.search.notes_changed()
        _message(
            self.w,
            "Import Notes",
            f"{imported} note(s) imported; {kept} kept as they were (the note here was newer).",
        )

    # -- settings and reports -------------------------------------------------------------

    def shortcuts(self, actions: Actions) -> None:
        from viewer.ui.info_dialogs import shortcuts_dialog

        shortcuts_dialog(self.w, actions.all()).open()

    def about(self) -> None:
        from viewer.ui.info_dialogs import about_dialog

        about_dialog(self.w, self.w.bundle.atlas).open()

    def sources(self) -> None:
        from viewer.ui.info_dialogs import sources_dialog

        sources_dialog(self.w, self.w.bundle.atlas).open()

    def preferences(self) -> None:
        from viewer.ui.edit_dialogs import PreferencesDialog

        PreferencesDialog(self.w.settings, self.w).open()

    def report_error(self) -> None:
        selected = self.w.details.textCursor().selectedText().replace("\u2029", "\n")
        from viewer.ui.edit_dialogs import ReportErrorDialog

        dialog = ReportErrorDialog(
            self.w.bundle.atlas,
            self.w.selection.region,
            self.w.current_condition(),
            selected,
            version_line(self.w.bundle.atlas),
            self.w.settings.report_address(),
            self.w,
        )
        dialog.open()
