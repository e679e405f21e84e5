"""Run a short script against the app in a process of its own: what it imports and
makes before its first paint is then its own, not what earlier tests left."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_probe(code: str, home: Path, **env: str) -> str:
    """The script's output; it must succeed. Its settings, notes and cache live under home
    (the cache kept from one call to the next with the same home)."""
    homes = {
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **homes, **env},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout
