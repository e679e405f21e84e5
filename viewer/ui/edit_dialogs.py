"""Dialogs that take the user's words: Preferences, Report a Content Error, All Notes.

Nothing here uses the network: a content error is composed into text the user
copies or saves and sends the clinic's way (the address is a clinic setting).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.content.model import Atlas
from viewer.notes.store import Note
from viewer.ui.settings import AppSettings


def _plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class PreferencesDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        self._settings = settings
        self.clinic_name = QLineEdit(settings.clinic_name())
        self.clinic_name.setObjectName("clinicName")
        self.clinic_contact = QLineEdit(settings.clinic_contact())
        self.clinic_contact.setObjectName("clinicContact")
        self.report_address = QLineEdit(settings.report_address())
        self.report_address.setObjectName("reportAddress")
        for field in (self.clinic_name, self.clinic_contact, self.report_address):
            field.setMaxLength(200)
        form = QFormLayout()
        form.addRow("Clinic name (printed on handouts):", self.clinic_name)
        form.addRow("Clinic contact (phone, address):", self.clinic_contact)
        form.addRow("Send content errors to:", self.report_address)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _on_save(self) -> None:
        self._settings.save_clinic(
            self.clinic_name.text().strip(),
            self.clinic_contact.text().strip(),
            self.report_address.text().strip(),
        )
        self.accept()


class ReportErrorDialog(QDialog):
    """Composes a content error report: where, what is wrong, the versions."""

    def __init__(
        self,
        atlas: Atlas,
        region: str,
        condition: str,
        statement: str,
        version: str,
        send_to: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Report a Content Error")
        self.setObjectName("reportErrorDialog")
        self._atlas = atlas
        self._region = region
        self._version = version
        self.condition = QComboBox()
        self.condition.setObjectName("reportCondition")
        self.condition.addItem("(the region itself)", "")
        record = atlas.regions.get(region)
        for link in record.conditions if record else ():
            if link.condition in atlas.conditions:
                self.condition.addItem(atlas.conditions[link.condition].name, link.condition)
        self.condition.setCurrentIndex(max(self.condition.findData(condition), 0))
        self.statement = QPlainTextEdit(statement)
        self.statement.setObjectName("reportStatement")
        self.statement.setPlaceholderText(
            "The statement that is wrong (paste it from the details)."
        )
        self.correction = QPlainTextEdit()
        self.correction.setObjectName("reportCorrection")
        self.correction.setPlaceholderText("What it should say, and the source that says so.")
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("reportText")
        self.preview.setReadOnly(True)
        where = send_to or "no address set (Edit > Preferences)"
        form = QFormLayout()
        form.addRow("Region:", _plain_label(record.name if record else "(none selected)"))
        form.addRow("Condition:", self.condition)
        form.addRow("Statement:", self.statement)
        form.addRow("Correction:", self.correction)
        copy = QPushButton("Copy Report")
        copy.setObjectName("copyReport")
        save = QPushButton("Save Report…")
        save.setObjectName("saveReport")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_plain_label(f"Send it to: {where}. Nothing is sent from this app."))
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.resize(640, 560)

        self.condition.currentIndexChanged.connect(self._update)
        self.statement.textChanged.connect(self._update)
        self.correction.textChanged.connect(self._update)
        copy.clicked.connect(self._on_copy)
        save.clicked.connect(self._on_save)
        self._update()

    def report(self) -> str:
        region = self._atlas.regions.get(self._region)
        condition = self._atlas.conditions.get(self.condition.currentData() or "")
        lines = [
            "Content error report (Lower-limb anatomy reference)",
            f"Region: {region.name + ' (' + region.id + ')' if region else '-'}",
            f"Condition: {condition.name + ' (' + condition.id + ')' if condition else '-'}",
        ]
        if condition is not None:
            lines.append(f"Entry reviewed: {condition.reviewed}")
        lines += [
            f"Version: {self._version}",
            "",
            "Statement:",
            self.statement.toPlainText().strip() or "-",
            "",
            "Correction and source:",
            self.correction.toPlainText().strip() or "-",
        ]
        return "\n".join(lines) + "\n"

    def _update(self) -> None:
        self.preview.setPlainText(self.report())

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report())

    def _on_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save Report", "content-error.txt", "Text (*.txt)"
        )
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.report())


class NotesDialog(QDialog):
    """Every note, with the ones whose region or condition is gone marked, never deleted."""

    go_to = Signal(str, str)  # region, condition

    def __init__(
        self, atlas: Atlas, notes: list[Note], orphans: list[Note], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("All Notes")
        self.setObjectName("notesDialog")
        orphaned = set(orphans)
        self.tree = QTreeWidget()
        self.tree.setObjectName("notesList")
        self.tree.setAccessibleName("Your notes")
        self.tree.setHeaderLabels(["Region", "Condition", "Note", "Updated"])
        self.tree.setRootIsDecorated(False)
        for note in notes:
            region = atlas.regions.get(note.region)
            condition = atlas.conditions.get(note.condition) if note.condition else None
            gone = note in orphaned
            item = QTreeWidgetItem(
                [
                    region.name if region else f"{note.region} (no longer in the content)",
                    (
                        condition.name
                        if condition
                        else f"{note.condition} (no longer in the content)"
                    )
                    if note.condition
                    else "",
                    note.text.replace("\n", " ")[:200],
                    note.updated,
                ]
            )
            item.setData(
                0, Qt.ItemDataRole.UserRole, None if gone else (note.region, note.condition)
            )
            item.setToolTip(2, "")
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        summary = f"{len(notes)} note(s)" + (
            f"; {len(orphans)} orphaned (their region or condition is no longer in the content; "
            "they are kept)"
            if orphans
            else ""
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(summary))
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self.tree.itemActivated.connect(self._on_activated)

    def _on_activated(self, item: QTreeWidgetItem) -> None:
        place = item.data(0, Qt.ItemDataRole.UserRole)
        if place:
            self.go_to.emit(*place)
            self.accept()
