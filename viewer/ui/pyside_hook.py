"""PySide6 reads the whole source of every module imported after it: here, it does not.

Its import hook (shibokensupport.feature, PYSIDE-2029) decides for each module
whether it uses PySide6, for the `__feature__` switches, by
`inspect.getsource(module)` and a search for "PySide6": each module's source
is read, split into lines and kept in `linecache` for the life of the process.
At this app's start that was 94 modules, 8 ms and 1.4 MB of memory. The same
question is answered here from the file's bytes, keeping nothing; a module
without a source file is left to PySide's own answer. If a PySide6 version
has no such hook, nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401 - loads the hook, before any module it would read is imported

HOOK_MODULE = "shibokensupport.feature"
HOOK = "_mod_uses_pyside"


def uses_pyside_by_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    return uses_pyside


def quicken_import_hook() -> bool:
    """Replace the hook's source reading; True if it was replaced now."""
    feature = sys.modules.get(HOOK_MODULE)
    original = getattr(feature, HOOK, None)
    if feature is None or not callable(original) or getattr(original, "quick", False):
        return False
    setattr(feature, HOOK, uses_pyside_by_bytes(original))
    return True
