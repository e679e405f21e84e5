"""Tells the user what is wrong with the content, without stopping them working."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.content.model import Problem


def problems_dialog(problems: Sequence[Problem], parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Problems in the content")
    count = len(problems)
    box.setText(
        f"{count} problem{'s' if count != 1 else ''} found in the content or drawings. "
        "Everything that is valid can still be used."
    )
    shown = "\n".join(str(problem) for problem in problems[:8])
    more = f"\n… and {count - 8} more (see Details)" if count > 8 else ""
    box.setInformativeText(shown + more)
    box.setDetailedText("\n".join(str(problem) for problem in problems))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("problemsDialog")
    return box
