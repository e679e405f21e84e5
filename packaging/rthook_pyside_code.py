"""The bundle's first runtime hook: PySide6's enums made quickly (viewer/pyside_enums.py),
and shiboken6 imported with its support modules' code and patterns made at build time
(viewer/pyside_code.py), before PyInstaller's own hook for PySide6 imports it. Custom
runtime hooks run before those of PyInstaller's hooks."""

from viewer.pyside_code import import_shiboken
from viewer.pyside_enums import make_enums_quickly

make_enums_quickly()  # before shiboken6 is imported: it refuses once it is
import_shiboken()
