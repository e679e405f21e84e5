"""The bundle's first runtime hook: shiboken6 imported with its support modules' code and
patterns made at build time (viewer/pyside_code.py), before PyInstaller's own hook for
PySide6 imports it. Custom runtime hooks run before those of PyInstaller's hooks."""

from viewer.pyside_code import import_shiboken

import_shiboken()
