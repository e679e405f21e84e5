"""Hatch build hook: the wheel ships a prebuilt content cache (viewer/prebuilt/).

A clinic's first start after install then reads one JSON file instead of
parsing every YAML and SVG file. The cache carries a key made from the content
files' names and bytes; the app uses it only if the installed files match.
Editable installs (a source checkout) build no cache: they use the user's.

With it, the code of PySide6's support modules, compiled by this Python
(viewer/pyside_code.py): every start would compile them otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUILD = (
    "import sys; from pathlib import Path; "
    "from viewer.bundle_cache import write_prebuilt; write_prebuilt(Path(sys.argv[1]))"
)


class PrebuiltCacheHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "prebuilt-cache"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        out = tempfile.mkdtemp(prefix="anatomy-viewer-prebuilt-")
        env = {**os.environ, "PYTHONPATH": self.root}
        result = subprocess.run(
            [sys.executable, "-c", BUILD, out],
            cwd=self.root, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            # Without the content's libraries here the wheel still works; its first start is slower.
            self.app.display_warning(f"no prebuilt content cache: {result.stderr.strip()[-500:]}")
            return
        code = subprocess.run(
            [sys.executable, "-m", "viewer.pyside_code", out],
            cwd=self.root, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if code.returncode != 0:  # no PySide6 here: the app compiles them at each start
            self.app.display_warning(f"no PySide6 code cache: {code.stderr.strip()[-500:]}")
        build_data["force_include"][out] = "viewer/prebuilt"
