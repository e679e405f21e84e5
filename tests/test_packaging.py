"""A built wheel carries the drawings and content, and runs outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO


@pytest.mark.slow
def test_wheel_ships_assets_and_data_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("anatomy_viewer-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "viewer/assets/leg_anterior.svg",
        "viewer/assets/foot_dorsal.svg",
        "viewer/data/sources.yaml",
        "viewer/cli.py",
    ):
        assert required in names
    assert any(n.startswith("viewer/data/conditions/") for n in names)
    assert any(n.startswith("viewer/data/regions/") for n in names)

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # Run from an unrelated directory with only the installed copy of viewer importable.
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    code = (
        "import sys, viewer; from viewer.cli import main; "
        "print(viewer.__file__); sys.exit(main(['check']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0].startswith(str(target))
    assert "ok: " in result.stdout
