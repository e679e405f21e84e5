from __future__ import annotations

from viewer.pyside_enums import make_enums_quickly

# As the app does (viewer/ui/__init__.py), before pytest-qt imports PySide6: the tests
# run with the enums the app's window has.
make_enums_quickly()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402

# Nothing a test does may touch the user's own settings, notes or cache: every
# run gets homes of its own (subprocesses inherit them). Tests that need a fresh
# one per test set these again themselves.
_HOMES = tempfile.mkdtemp(prefix="anatomy-viewer-tests-")
# The offscreen platform's screen is 800x800 unless told otherwise: a desktop's.
SCREEN = (1920, 1080)
_SCREEN_FILE = os.path.join(_HOMES, "screen.json")
with open(_SCREEN_FILE, "w") as _handle:
    json.dump({"screens": [{"name": "test", "x": 0, "y": 0, "width": SCREEN[0],
                            "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                            "dpr": 1}]}, _handle)  # fmt: skip
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN_FILE}")
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_HOMES, _name.lower())

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from viewer.bundle import Bundle, load_bundle  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def bundle() -> Bundle:
    return load_bundle(with_outlines=True)


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Settings in a file of this test's own: no test sees what another left."""
    from PySide6.QtCore import QSettings

    from viewer.ui.settings import AppSettings

    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, bundle: Bundle, settings) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from viewer.ui.main_window import MainWindow

    win = MainWindow(bundle, settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.finish_start()  # what the first paint leaves for a moment after it, done now
    yield win
    win.close()


def remove_tree(top: Path) -> None:
    """Delete a folder tree without recursion: the deep-tree case builds one 1,000 levels
    deep, on which shutil.rmtree (and so pytest's clean-up of old temporary folders) overflows."""
    stack = [(top, False)]
    while stack:
        folder, emptied = stack.pop()
        if emptied:
            os.rmdir(folder)
            continue
        stack.append((folder, True))
        for entry in os.scandir(folder):
            if entry.is_dir(follow_symlinks=False):
                stack.append((Path(entry.path), False))
            else:
                os.unlink(entry.path)


@pytest.fixture(autouse=True)
def _no_deep_trees_left(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    # funcargs is None once pytest has torn the test down after an error in Qt's event loop.
    tmp = (getattr(request.node, "funcargs", None) or {}).get("tmp_path")
    if isinstance(tmp, Path):
        for deep in [*tmp.glob("data/unrelated"), *tmp.glob("*/data/unrelated")]:
            remove_tree(deep)


@pytest.fixture(autouse=True)
def _windows_of_earlier_tests_deleted() -> None:
    """pytest-qt closes a test's windows and asks Qt to delete them later; with no event
    loop running between tests, "later" never came, and a full run kept every window
    (and its laid-out pages) alive: 2 GB. Deliver those deletions before each test."""
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def pytest_terminal_summary(terminalreporter, config) -> None:  # type: ignore[no-untyped-def]
    # Said at the end, even with -q: the order a failure came in can be repeated.
    seed = getattr(config.option, "randomly_seed", None)
    if seed is not None:
        terminalreporter.write_line(
            f"random order seed: {seed} (repeat: ./dev test --randomly-seed={seed})"
        )
