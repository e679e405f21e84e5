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
    # In a process of its own: it must be the one to import shiboken6 first.
    subprocess.run([sys.executable, "-m", "viewer.pyside_code", str(out)], cwd=ROOT, check=True)
    size = sum(f.stat().st_size for f in out.iterdir())
    log(f"prebuilt caches (content, PySide6 code): {size:,} bytes")


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


def _run(exe: Path, args: list[str], env: dict[str, str], cwd: str) -> str:
    started = time.monotonic()
    result = subprocess.run(
        [str(exe), *args], capture_output=True, text=True, env=env, cwd=cwd,
        timeout=120, check=False,
    )  # fmt: skip
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"[bundle] {exe.name} {' '.join(args)} failed:\n{result.stderr}")
    said = (result.stdout.strip() or result.stderr.strip()).splitlines()
    log(f"{exe.name} {' '.join(args)}: ok in {seconds:.1f} s ({said[-1] if said else ''})")
    return result.stdout


def smoke_test(folder: Path) -> None:
    """Run the bundle as on a machine without Python: an empty PATH, no venv, a new home.
    Then the window itself, on a private X server where one can be started."""
    exe = folder / EXE
    with tempfile.TemporaryDirectory() as home:
        nothing = Path(home) / "empty-path"  # PATH names a folder with nothing in it
        nothing.mkdir()
        env = {
            "HOME": home,
            "PATH": str(nothing),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CACHE_HOME": str(Path(home) / "cache"),
            "XDG_DATA_HOME": str(Path(home) / "data"),
            "XDG_CONFIG_HOME": str(Path(home) / "config"),
        }
        if sys.platform == "win32":
            env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
        shot = BUILD / "bundle-screenshot.png"
        for args in (["--version"], ["check"], ["screenshot", str(shot), "--region", "patella"]):
            _run(exe, args, env, home)
        window_on_x11(exe, env, home)


def window_on_x11(exe: Path, env: dict[str, str], home: str) -> None:
    """The window opens and paints on a real X server (Xvfb), then quits by itself."""
    if not sys.platform.startswith("linux") or shutil.which("Xvfb") is None:
        log("the window: not tried (no Xvfb here)")
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from xvfb import start_xvfb

    server, display = start_xvfb("1366x768x24")
    try:
        x11 = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        x11["ANATOMY_VIEWER_EXIT_AFTER_PAINT"] = "click"  # paint, click a region, quit
        said = _run(exe, [], x11, home)
        if "first-paint" not in said or "click-answered" not in said:
            raise SystemExit(f"[bundle] the window did not paint and answer a click:\n{said}")
    finally:
        server.terminate()


def size_of(folder: Path) -> int:
    """Bytes on disk: a symbolic link (PyInstaller makes some) counts as the link only."""
    return sum(
        path.lstat().st_size for path in folder.rglob("*") if path.is_file() or path.is_symlink()
    )


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
