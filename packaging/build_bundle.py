"""Build the desktop app folder (dist/anatomy-viewer/) and an archive of it, then try it.

    ./dev bundle          on Linux: installs the tools, syncs the locked environment, runs this
    python packaging/build_bundle.py   on Windows or macOS, from the locked environment

Steps: the prebuilt content cache, PyInstaller with packaging/anatomy-viewer.spec,
the desktop entry and AppStream metainfo validated (where their validators are
installed), a .tar.gz (a .zip on Windows), then the bundle run as a user would
run it, with nothing of this environment: --version, check and a screenshot.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
NAME = "anatomy-viewer"
APP_ID = "io.github.anatomyviewer.AnatomyViewer"
EXE = NAME + (".exe" if sys.platform == "win32" else "")


def log(message: str) -> None:
    print(f"[bundle] {message}", flush=True)


def prebuild_cache() -> None:
    """The content cache a first start reads instead of parsing YAML and SVG."""
    sys.path.insert(0, str(ROOT))
    from viewer.bundle_cache import write_prebuilt

    out = BUILD / "prebuilt-cache"
    shutil.rmtree(out, ignore_errors=True)
    write_prebuilt(out)
    log(f"prebuilt content cache: {sum(f.stat().st_size for f in out.iterdir()):,} bytes")


def pyinstaller() -> None:
    import PyInstaller.__main__

    PyInstaller.__main__.run(
        [
            str(PACKAGING / f"{NAME}.spec"),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={BUILD / 'pyinstaller'}",
        ]
    )


def validate_desktop_files() -> None:
    checks = [
        ("desktop-file-validate", [str(PACKAGING / f"{APP_ID}.desktop")]),
        ("appstreamcli", ["validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")]),
    ]
    for tool, args in checks:
        if shutil.which(tool) is None:
            log(f"{tool} is not installed here: not validated (./dev bundle installs it on Linux)")
            continue
        result = subprocess.run([tool, *args], capture_output=True, text=True, check=False)
        output = (result.stdout + result.stderr).strip()
        if result.returncode != 0:
            raise SystemExit(f"[bundle] {tool} failed:\n{output}")
        log(f"{tool}: ok")


def archive(folder: Path) -> Path:
    from viewer import __version__

    system = platform.system().lower()
    base = DIST / f"{NAME}-{__version__}-{system}-{platform.machine().lower()}"
    kind = "zip" if sys.platform == "win32" else "gztar"
    return Path(shutil.make_archive(str(base), kind, root_dir=DIST, base_dir=folder.name))


def smoke_test(folder: Path) -> None:
    """Run the bundle with a bare environment: no Python on PATH, no venv, a new home."""
    exe = folder / EXE
    with tempfile.TemporaryDirectory() as home:
        env = {
            "HOME": home,
            "PATH": os.pathsep.join(p for p in ("/usr/bin", "/bin") if sys.platform != "win32"),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CACHE_HOME": str(Path(home) / "cache"),
            "XDG_DATA_HOME": str(Path(home) / "data"),
            "XDG_CONFIG_HOME": str(Path(home) / "config"),
        }
        if sys.platform == "win32":
            env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
        shot = BUILD / "bundle-screenshot.png"
        for args in (["--version"], ["check"], ["screenshot", str(shot), "--region", "patella"]):
            started = time.monotonic()
            result = subprocess.run(
                [str(exe), *args], capture_output=True, text=True, env=env, cwd=home,
                timeout=120, check=False,
            )  # fmt: skip
            seconds = time.monotonic() - started
            said = (result.stdout.strip() or result.stderr.strip()).splitlines()
            if result.returncode != 0:
                raise SystemExit(f"[bundle] {exe.name} {' '.join(args)} failed:\n{result.stderr}")
            log(f"{exe.name} {' '.join(args)}: ok in {seconds:.1f} s ({said[-1] if said else ''})")


def size_of(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> int:
    prebuild_cache()
    pyinstaller()
    folder = DIST / NAME
    validate_desktop_files()
    smoke_test(folder)
    packed = archive(folder)
    log(f"{folder.relative_to(ROOT)}/: {size_of(folder) / 1e6:.1f} MB")
    log(f"{packed.relative_to(ROOT)}: {packed.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
