"""Qt widgets: they render state and emit signals; selection lives in Selection."""

from viewer.pyside_code import import_shiboken

import_shiboken()  # first: PySide6's support modules from their compiled code (pyside_code.py)

from viewer.ui.pyside_hook import quicken_import_hook  # noqa: E402

quicken_import_hook()  # before the window's modules are imported: see pyside_hook.py
