"""File > Print Handout (Ctrl+P) and Export Handout as PDF: choose, preview, print or save.

The patient's name may be typed for the printout; it is never stored, not
even in the settings (the field starts empty every time).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from viewer.bundle import Bundle
from viewer.handout.compose import HandoutRequest
from viewer.handout.pdf import handout_document, page_setup, print_handout, write_pdf


class HandoutDialog(QDialog):
    def __init__(
        self,
        bundle: Bundle,
        region: str,
        condition: str,
        side: str,
        clinic: tuple[str, str],
        version: str,
        pdf_first: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Handout for the Patient")
        self.setObjectName("handoutDialog")
        self._bundle = bundle
        self._region = region
        self._clinic = clinic
        self._version = version
        record = bundle.atlas.regions[region]
        self.patient = QLineEdit()
        self.patient.setObjectName("patientName")
        self.patient.setPlaceholderText("Optional: printed on the handout, never saved")
        self.patient.setMaxLength(120)
        self.condition = QComboBox()
        self.condition.setObjectName("handoutCondition")
        self.condition.addItem(f"{record.name}: the common problems here", "")
        for link in record.conditions:
            if link.condition in bundle.atlas.conditions:
                self.condition.addItem(bundle.atlas.conditions[link.condition].name, link.condition)
        self.condition.setCurrentIndex(max(self.condition.findData(condition), 0))
        self.sides = QButtonGroup(self)
        side_row = QHBoxLayout()
        for name in ("right", "left"):
            button = QRadioButton(name.upper())
            button.setObjectName(f"handoutSide_{name}")
            button.setChecked(name == side)
            self.sides.addButton(button)
            side_row.addWidget(button)
        side_row.addStretch(1)
        form = QFormLayout()
        region_label = QLabel(record.name)
        region_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("Region:", region_label)
        form.addRow("Side:", side_row)
        form.addRow("Condition:", self.condition)
        form.addRow("Patient's name:", self.patient)
        self.print_button = QPushButton("Preview and Print…")
        self.print_button.setObjectName("previewPrint")
        self.pdf_button = QPushButton("Save as PDF…")
        self.pdf_button.setObjectName("savePdf")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        (self.pdf_button if pdf_first else self.print_button).setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.print_button.clicked.connect(self._on_print)
        self.pdf_button.clicked.connect(self._on_pdf)

    def request(self) -> HandoutRequest:
        checked = self.sides.checkedButton()
        side = "left" if checked is not None and checked.text() == "LEFT" else "right"
        return HandoutRequest(
            region=self._region,
            condition=str(self.condition.currentData() or ""),
            side=side,
            patient_name=self.patient.text(),
            clinic_name=self._clinic[0],
            clinic_contact=self._clinic[1],
            version=self._version,
        )

    def save_pdf(self, path: Path) -> int:
        return write_pdf(self._bundle, self.request(), path)

    def _on_pdf(self) -> None:
        request = self.request()
        suggested = f"handout-{request.side}-{request.region}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, "Save Handout", suggested, "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def _on_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        page_setup(printer)
        preview = QPrintPreviewDialog(printer, self)
        preview.setObjectName("handoutPreview")
        document = handout_document(self._bundle, self.request())
        preview.paintRequested.connect(lambda device: print_handout(document, device))
        preview.exec()
