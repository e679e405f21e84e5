"""Qt widgets: they render state and emit signals; selection lives in Selection."""

from viewer.pyside_enums import make_enums_quickly

make_enums_quickly()  # before PySide6 is imported and makes any enum: see pyside_enums.py

from viewer.pyside_code import import_shiboken  # noqa: E402

import_shiboken()  # then PySide6's support modules from their compiled code (pyside_code.py)

from viewer.ui.pyside_hook import quicken_import_hook  # noqa: E402

quicken_import_hook()  # before the window's modules are imported: see pyside_hook.py
