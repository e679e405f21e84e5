"""The command-line contract, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CONDITION, make_content

from viewer.bundle import Bundle


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "viewer", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def test_list_json_has_every_region(bundle: Bundle) -> None:
    result = run("list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == [r.id for r in bundle.atlas.in_catalogue_order()]
    assert all(row["name"] and row["views"] for row in rows)


def test_list_text() -> None:
    result = run("list")
    assert result.returncode == 0
    assert any(line.startswith("patella ") for line in result.stdout.splitlines())


def test_show_proximal_tibia_prints_readable_text_with_imaging() -> None:
    result = run("show", "proximal_tibia")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("PROXIMAL TIBIA\n")
    assert "Imaging:" in text
    for heading in ("MRI", "Radiograph", "Sources:", "Reviewed: ", "Red flags:"):
        assert heading in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_show_json() -> None:
    result = run("show", "patella", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["id"] == "patella"
    assert data["conditions"]
    assert all(c["sources"] for c in data["conditions"])


@pytest.mark.parametrize(
    "args",
    [
        ("show", "kneecapz"),
        ("--region", "nowhere"),
        ("screenshot", "x.png", "--view", "nowhere"),
        ("screenshot", "x.png", "--size", "huge"),
        ("frobnicate",),
        ("show",),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("anatomy-viewer: error: ")


def test_check_passes_on_shipped_content() -> None:
    result = run("check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("ok: ")


def test_check_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/conditions/cond.yaml").write_text(
        CONDITION.replace("sources: [src]", "sources: [nowhere]") + "extra: 1\n"
    )
    result = run("check", str(root))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    end = CONDITION.count("\n") + 1  # the appended key's line
    assert any(line.startswith(f"data/conditions/cond.yaml:{end}:1: ") for line in lines)
    assert "Traceback" not in result.stderr


def test_screenshot_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = run("screenshot", str(out), "--region", "patella", "--size", "1000x700")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)


def test_screenshot_of_the_foot_view(tmp_path: Path) -> None:
    out = tmp_path / "foot.png"
    result = run("screenshot", str(out), "--view", "foot_dorsal", "--region", "navicular")
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000


def test_no_display_gives_a_clear_message_not_a_core_dump() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "viewer"], capture_output=True, text=True, env=env, timeout=60,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("anatomy-viewer: error: no display")
    assert len(result.stderr.splitlines()) == 1
