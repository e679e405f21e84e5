"""Qt widgets: they render state and emit signals; selection lives in Selection."""

from viewer.ui.pyside_hook import quicken_import_hook

quicken_import_hook()  # before the window's modules are imported: see pyside_hook.py
