from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from viewer.bundle import Bundle, load_bundle  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def bundle() -> Bundle:
    return load_bundle(with_outlines=True)


@pytest.fixture
def window(qtbot, bundle: Bundle) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from viewer.ui.main_window import MainWindow

    win = MainWindow(bundle)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def pytest_terminal_summary(terminalreporter, config) -> None:  # type: ignore[no-untyped-def]
    # Said at the end, even with -q: the order a failure came in can be repeated.
    seed = getattr(config.option, "randomly_seed", None)
    if seed is not None:
        terminalreporter.write_line(
            f"random order seed: {seed} (repeat: ./dev test --randomly-seed={seed})"
        )
