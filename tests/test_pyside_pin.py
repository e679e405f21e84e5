"""PySide6 6.12.0 aborts on Python 3.10/3.11 after ~1000 void calls (DESIGN.md)."""

from __future__ import annotations

import subprocess
import sys

CODE = """
from PySide6.QtGui import QPainterPath
path = QPainterPath()
for i in range(100_000):
    path.lineTo(float(i % 97), float(i % 89))
print(path.elementCount())
"""


def test_many_void_calls_do_not_crash() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout) >= 100_000
