"""Help > About, Keyboard Shortcuts, and Sources and Review Dates: plain-text dialogs."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer import __version__
from viewer.content.model import Atlas
from viewer.content.version import content_version

USAGE = (
    "Click a region on the drawing (or choose it in the list) to read it. Point at a region "
    "to see its name in the status bar; click the same spot again to reach the region "
    "beneath. Tab moves search, list, drawing, details; arrow keys walk the regions of the "
    "focused drawing."
)


def _text_dialog(parent: QWidget, title: str, text: str, name: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setObjectName(name)
    view = QPlainTextEdit(text)
    view.setReadOnly(True)
    view.setAccessibleName(title)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(620, 440)
    return dialog


def about_dialog(parent: QWidget, atlas: Atlas) -> QDialog:
    text = "\n".join(
        [
            "Lower-limb anatomy reference",
            "",
            f"App version: {__version__}",
            f"Content: {len(atlas.regions)} regions, {len(atlas.conditions)} conditions, "
            f"{len(atlas.rules)} decision rules, {len(atlas.sources)} sources; "
            f"{content_version(atlas)}",
            f"Qt {qVersion()}, PySide6 {PySide6.__version__}, Python {platform.python_version()}",
            "",
            "An offline reference: it uses no network, ever. It supports, and does not",
            "replace, clinical judgement. Report an error in the content with",
            "Help > Report a Content Error.",
        ]
    )
    return _text_dialog(parent, "About", text, "aboutDialog")


def shortcuts_dialog(parent: QWidget, actions: list[QAction]) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard Shortcuts")
    dialog.setObjectName("shortcutsDialog")
    rows = [
        (action.text().replace("&", ""), action.shortcut().toString(), action.statusTip())
        for action in actions
        if not action.shortcut().isEmpty()
    ]
    rows += [
        ("Next / previous region", "Right / Left (drawing focused)", "Walk the drawing's regions"),
        ("First / last region", "Home / End (drawing focused)", ""),
        ("Open a search result", "Enter", "Up and Down move through the results"),
        ("Clear the search", "Esc", ""),
        ("Drawing: zoom at the pointer", "Ctrl+wheel or pinch", "Drag or wheel to pan"),
    ]
    table = QTableWidget(len(rows), 3)
    table.setHorizontalHeaderLabels(["Command", "Keys", "What it does"])
    table.setAccessibleName("Keyboard shortcuts")
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    usage = QLabel(USAGE)
    usage.setTextFormat(Qt.TextFormat.PlainText)
    usage.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(usage)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(760, 520)
    return dialog


def sources_dialog(parent: QWidget, atlas: Atlas) -> QDialog:
    cited: dict[str, list[str]] = {}
    for condition in atlas.conditions.values():
        for source_id in condition.sources:
            cited.setdefault(source_id, []).append(
                f"{condition.name} (reviewed {condition.reviewed})"
            )
    lines = ["Each reference, what cites it, and when that entry was last checked.", ""]
    for source in sorted(atlas.sources.values(), key=lambda s: s.citation.lower()):
        lines.append(source.citation + (f" {source.url}" if source.url else ""))
        for entry in cited.get(source.id, []):
            lines.append(f"    {entry}")
        lines.append("")
    return _text_dialog(parent, "Sources and Review Dates", "\n".join(lines), "sourcesDialog")
