"""Every user command as a QAction with its standard key, and the menus that hold them.

Menus, shortcuts, the keyboard-shortcuts dialog and the tests share these
objects. Keys follow the platform (QKeySequence.StandardKey) where Qt has one.
The drawing's zoom keys (+, -, 0, Z) act only while the drawing has focus:
Ctrl++, Ctrl+- and Ctrl+0 belong to the text size of the details.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from viewer.diagram.views import view_title

Key = QKeySequence.StandardKey


def _action(
    parent: QObject,
    text: str,
    name: str,
    keys: QKeySequence.StandardKey | str | list[str] | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    if isinstance(keys, QKeySequence.StandardKey):
        action.setShortcuts(keys)
    elif isinstance(keys, str):
        action.setShortcut(QKeySequence(keys))
    elif keys:
        action.setShortcuts([QKeySequence(k) for k in dict.fromkeys(keys)])
    action.setStatusTip(tip or text.replace("&", "").rstrip("…."))
    return action


class Actions(QObject):
    def __init__(self, window: QWidget, views: list[str]) -> None:
        super().__init__(window)
        a = _action
        # File
        self.print_handout = a(
            self,
            "&Print Handout…",
            "printHandout",
            Key.Print,
            "Print a handout for the patient, with a preview first",
        )
        self.export_handout = a(
            self,
            "&Export Handout as PDF…",
            "exportHandout",
            "Ctrl+Shift+E",
            "Save the patient handout as a PDF file",
        )
        self.import_notes = a(
            self,
            "&Import Notes…",
            "importNotes",
            None,
            "Add notes from a JSON file exported from this app",
        )
        self.export_notes = a(
            self, "E&xport Notes…", "exportNotes", None, "Save all your notes to a JSON file"
        )
        self.close_window = a(self, "&Close Window", "closeWindow", Key.Close)
        self.quit = a(self, "&Quit", "quit", Key.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Edit
        self.copy = a(self, "&Copy", "copy", Key.Copy, "Copy the selected text")
        self.copy_summary = a(
            self,
            "Copy &Summary for the Record",
            "copySummary",
            "Ctrl+Shift+C",
            "Copy a few plain-text lines for the patient record",
        )
        self.find = a(self, "&Find…", "find", Key.Find, "Search regions, conditions and symptoms")
        self.all_notes = a(
            self,
            "All &Notes…",
            "allNotes",
            None,
            "Every note you have written, including ones whose region is gone",
        )
        self.preferences = a(
            self,
            "&Preferences…",
            "preferences",
            Key.Preferences,
            "Clinic name and contact for handouts; where content errors go",
        )
        if self.preferences.shortcut().isEmpty():
            self.preferences.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        # View
        self.views: dict[str, QAction] = {}
        self.view_group = QActionGroup(self)
        for index, view in enumerate(views):
            keys = f"Ctrl+{index + 1}" if index < 9 else None
            action = a(
                self, view_title(view), f"view_{view}", keys, f"Show the {view_title(view)} drawing"
            )
            action.setCheckable(True)
            self.view_group.addAction(action)
            self.views[view] = action
        self.side_group = QActionGroup(self)
        self.side_right = a(self, "&Right Limb", "sideRight", "Alt+R", "Show the right limb")
        self.side_left = a(self, "&Left Limb", "sideLeft", "Alt+L", "Show the left limb")
        for action in (self.side_right, self.side_left):
            action.setCheckable(True)
            self.side_group.addAction(action)
        self.zoom_in = a(
            self,
            "Zoom Drawing &In",
            "zoomIn",
            ["+", "="],
            "Zoom the drawing in (+ when the drawing has focus; Ctrl+wheel)",
        )
        self.zoom_out = a(self, "Zoom Drawing &Out", "zoomOut", "-", "Zoom the drawing out")
        self.zoom_fit = a(self, "&Fit Drawing", "zoomFit", "0", "Show the whole drawing")
        self.zoom_selected = a(
            self,
            "Zoom to &Selected Region",
            "zoomSelected",
            "Z",
            "Zoom the drawing to the selected region (or double-click it)",
        )
        for action in (self.zoom_in, self.zoom_out, self.zoom_fit, self.zoom_selected):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.text_larger = a(
            self,
            "&Larger Text",
            "textLarger",
            Key.ZoomIn,
            "Larger text in the details (Ctrl+wheel over them)",
        )
        self.text_smaller = a(
            self, "S&maller Text", "textSmaller", Key.ZoomOut, "Smaller text in the details"
        )
        self.text_reset = a(
            self, "&Reset Text Size", "textReset", "Ctrl+0", "The details' text at its usual size"
        )
        # Go
        self.back = a(
            self, "&Back", "back", ["Alt+Left", *_standard(Key.Back)], "Back to the previous place"
        )
        self.forward = a(
            self, "&Forward", "forward", ["Alt+Right", *_standard(Key.Forward)], "Forward again"
        )
        # Help
        self.shortcuts = a(
            self,
            "&Keyboard Shortcuts",
            "shortcuts",
            Key.HelpContents,
            "Every key the app knows, and how to use it",
        )
        self.sources = a(
            self,
            "&Sources and Review Dates",
            "sources",
            None,
            "Every reference behind the content, and when each entry was checked",
        )
        self.report_error = a(
            self,
            "&Report a Content Error…",
            "reportError",
            None,
            "Write up an error in the content, to copy or save and send",
        )
        self.about = a(self, "&About", "about", None, "Version of the app, its content and Qt")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def drawing_actions(self) -> list[QAction]:
        return [self.zoom_in, self.zoom_out, self.zoom_fit, self.zoom_selected]

    def build_menus(self, bar: QMenuBar) -> None:
        file = bar.addMenu("&File")
        file.addActions([self.print_handout, self.export_handout])
        file.addSeparator()
        file.addActions([self.import_notes, self.export_notes])
        file.addSeparator()
        file.addActions([self.close_window, self.quit])
        edit = bar.addMenu("&Edit")
        edit.addActions([self.copy, self.copy_summary])
        edit.addSeparator()
        edit.addActions([self.find, self.all_notes])
        edit.addSeparator()
        edit.addAction(self.preferences)
        view = bar.addMenu("&View")
        view.addActions(list(self.views.values()))
        view.addSeparator()
        view.addActions([self.side_right, self.side_left])
        view.addSeparator()
        view.addActions(self.drawing_actions())
        view.addSeparator()
        view.addActions([self.text_larger, self.text_smaller, self.text_reset])
        go = bar.addMenu("&Go")
        go.addActions([self.back, self.forward])
        helps = bar.addMenu("&Help")
        helps.addActions([self.shortcuts, self.sources, self.report_error])
        helps.addSeparator()
        helps.addAction(self.about)

    def all(self) -> list[QAction]:
        return [value for value in vars(self).values() if isinstance(value, QAction)] + list(
            self.views.values()
        )


def _standard(key: QKeySequence.StandardKey) -> list[str]:
    return [s.toString() for s in QKeySequence.keyBindings(key) if not s.isEmpty()]
