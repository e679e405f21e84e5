"""A built wheel carries the drawings and content; installed into a fresh venv, it runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import REPO


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return next(out.glob("anatomy_viewer-*.whl"))


def fresh_venv_with(wheel: Path, where: Path) -> Path:
    """A new venv with the wheel installed (not editable). Its dependencies come from this
    environment's site-packages, listed in a .pth file, so no network is needed."""
    venv.EnvBuilder(with_pip=False).create(where)
    python = where / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # A plain path line: the directory joins sys.path but its own .pth files (the
    # editable install of this checkout) are not processed.
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return where / "bin"


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_runs(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("viewer/assets/leg_anterior.svg", "viewer/assets/foot_dorsal.svg",
                     "viewer/data/sources.yaml", "viewer/cli.py"):  # fmt: skip
        assert required in names
    assert any(n.startswith("viewer/data/conditions/") for n in names)
    assert any(n.startswith("viewer/data/regions/") for n in names)
    # PySide6's support modules compiled by this Python at build time (viewer/pyside_code.py).
    assert f"viewer/prebuilt/pyside-code.{sys.implementation.cache_tag}.bin" in names

    bin_dir = fresh_venv_with(wheel, tmp_path / "venv")
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
            check=False,
        )  # fmt: skip

    where = run(str(bin_dir / "python"), "-c", "import viewer; print(viewer.__file__)")
    assert where.stdout.startswith(str(tmp_path / "venv")), where.stdout + where.stderr
    answered = run(
        str(bin_dir / "python"), "-c",
        "from viewer.pyside_code import import_shiboken; print(import_shiboken())",
    )  # fmt: skip
    assert answered.stdout.strip() == "True", answered.stdout + answered.stderr
    check = run(str(bin_dir / "anatomy-viewer"), "check")
    assert check.returncode == 0, check.stdout + check.stderr
    listing = run(str(bin_dir / "anatomy-viewer"), "list", "--json")
    assert len(json.loads(listing.stdout)) >= 29
    shot = run(str(bin_dir / "anatomy-viewer"), "screenshot", "shot.png", "--region", "patella")
    assert shot.returncode == 0, shot.stderr
    assert (tmp_path / "shot.png").stat().st_size > 10_000
