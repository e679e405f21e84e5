"""Tells the user what is wrong with the content, without stopping them working.

Problems are shown as plain text: a message may quote whatever a broken file
contained, and none of it may be taken as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.content.model import Problem


class ProblemsDialog(QDialog):
    def __init__(self, problems: Sequence[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle("Problems in the content")
        self.resize(760, 360)
        count = len(problems)
        summary = QLabel(
            f"{count} problem{'s' if count != 1 else ''} found in the content or drawings. "
            "Everything that is valid can still be used. Fix the files named below, or run "
            "'anatomy-viewer check' to list these again."
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        self.problem_list = QPlainTextEdit("\n".join(str(problem) for problem in problems))
        self.problem_list.setReadOnly(True)
        self.problem_list.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problem_list.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.problem_list.setAccessibleName("Problems")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.problem_list, 1)
        layout.addWidget(buttons)

        buttons.accepted.connect(self.accept)
