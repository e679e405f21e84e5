"""Every case of the bad-input corpus (tests/bad_input/), run as a clinic would run it.

Through the command line, in a subprocess held to a memory cap (RLIMIT_AS) and
a time limit: `anatomy-viewer check DIR` (the right exit code, each problem as
file:line:col: message, no traceback), `--data DIR list --json` and the window
itself (`--data DIR screenshot`). No output leaks what a link out of the pack
points at, and no output holds a raw terminal control character. The same
problems come out when the directory is laid over the built-in content, which
stays whole.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bad_input.corpus import PROBLEM_LINE, Case, build, cases, clinic_lines

from viewer.bundle import Bundle, load_bundle

CASES = cases()
LIMIT_S = 5.0  # check
WINDOW_LIMIT_S = 20.0  # the window, laid out and drawn
MEMORY_CAP = 3 * 1024**3  # bytes of address space: Qt maps a lot, but no more than this
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))


def run(
    args: list[str], cwd: Path, timeout: float = 60
) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(cwd / "cache")}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "viewer", *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout, check=False,
        preexec_fn=_capped,
    )  # fmt: skip
    return result, time.monotonic() - started


def check(root: Path, cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    return run(["check", str(root)], cwd)


def _clean(case: Case, result: subprocess.CompletedProcess[str]) -> None:
    """No traceback, no leak of what lies outside the pack, no raw control character."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-2000:]
    for text in case.absent:
        assert text not in output, text
    assert not CONTROL.search(output), repr(CONTROL.search(output))


def test_the_corpus_has_every_case() -> None:
    names = {case.name for case in CASES}
    assert len(names) >= 24
    assert {"huge_file", "deep_flow_nesting", "python_tag", "alias_bomb"} <= names


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_check_reports_the_case(case: Case, tmp_path: Path) -> None:
    root = build(case.name, tmp_path / "clinic")
    result, seconds = check(root, tmp_path)
    _clean(case, result)
    assert result.returncode in (0, 1), result.stderr  # not a crash (negative) or 2
    assert seconds < LIMIT_S, f"check took {seconds:.2f} s"
    printed = clinic_lines(result.stdout)
    if case.exit_code == 0:
        # Valid: nothing about the case's files (built-in problems, if any, are not ours).
        assert not [line for line in printed if not line.startswith("ok: ")], result.stdout
        assert result.returncode == 0 or printed == []
    else:
        assert result.returncode == 1, result.stdout
        for line in printed:
            assert PROBLEM_LINE.match(line), line
        for expected in case.expected:
            assert any(line.startswith(expected) for line in printed), (expected, result.stdout)
    assert not (tmp_path / "pwned-by-yaml").exists()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_list_and_the_window_open_on_the_case(case: Case, tmp_path: Path) -> None:
    root = build(case.name, tmp_path / "clinic")
    listing, seconds = run(["--data", str(root), "list", "--json"], tmp_path)
    _clean(case, listing)
    assert listing.returncode == 0, listing.stderr
    assert seconds < LIMIT_S
    assert '"id": "patella"' in listing.stdout  # the built-in content is all there
    shot = tmp_path / "window.png"
    window, seconds = run(["--data", str(root), "screenshot", str(shot), "--size", "1100x700"],
                          tmp_path, timeout=120)  # fmt: skip
    _clean(case, window)
    assert window.returncode == 0, window.stderr[-2000:]
    assert seconds < WINDOW_LIMIT_S, f"the window took {seconds:.1f} s"
    assert shot.stat().st_size > 10_000


@pytest.fixture(scope="module")
def builtin() -> Bundle:
    return load_bundle(with_outlines=True)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_layered_over_builtin_reports_the_case_and_keeps_builtin(
    case: Case, tmp_path: Path, builtin: Bundle
) -> None:
    root = build(case.name, tmp_path / "clinic")
    bundle = load_bundle(root, with_outlines=True, layered=True)
    printed = clinic_lines("\n".join(str(problem) for problem in bundle.problems))
    if case.exit_code == 0:
        assert printed == []
    for expected in case.expected:
        assert any(line.startswith(expected) for line in printed), (expected, printed)
    # Nothing built in is lost or changed by a broken clinic directory.
    for kind in ("regions", "conditions", "sources"):
        mine, theirs = getattr(bundle.atlas, kind), getattr(builtin.atlas, kind)
        assert {key: mine[key] for key in theirs} == dict(theirs)
    assert set(builtin.drawings) <= set(bundle.drawings)


def test_python_tag_never_runs(tmp_path: Path) -> None:
    root = build("python_tag", tmp_path / "clinic")
    (root / "data/conditions/evil.yaml").write_text(
        (root / "data/conditions/evil.yaml")
        .read_text()
        .replace("pwned-by-yaml", str(tmp_path / "x"))
    )
    assert load_bundle(root).problems
    assert not (tmp_path / "x").exists()


def test_yaml_11_lookalikes_survive_as_the_text_written(tmp_path: Path) -> None:
    bundle = load_bundle(build("yaml11_strings", tmp_path / "clinic"))
    condition = bundle.atlas.conditions["coerce"]
    assert condition.name == "no"
    assert condition.symptoms == ("1:20", "2026-01-01", "on", "yes", "0x1F", "1e3")


def test_bom_file_loads_as_if_it_had_none(tmp_path: Path) -> None:
    bundle = load_bundle(build("bom_valid", tmp_path / "clinic"))
    assert bundle.problems == []
    assert bundle.atlas.conditions["bom"].name == "Test condition"
    assert bundle.atlas.conditions["bom"].id == "bom"  # the mark is not part of the first key


@pytest.mark.parametrize(
    "special", ["fifo", "device", "directory"], ids=["fifo", "dev-zero", "directory"]
)
def test_a_yaml_name_that_is_not_a_regular_file_is_refused_without_blocking(
    tmp_path: Path, special: str
) -> None:
    root = build("bom_valid", tmp_path / "clinic")
    target = root / "data/regions/special.yaml"
    if special == "fifo":
        os.mkfifo(target)  # reading it would block for ever
    elif special == "device":
        target.symlink_to("/dev/zero")  # reading it would never end
    else:
        target.mkdir()
    result, seconds = check(root, tmp_path)
    assert result.returncode == 1
    # One line for the file, which is named: "not a regular file", or for the device,
    # "symbolic link ... outside the content directory" (it is never opened).
    said = [line for line in result.stdout.splitlines() if "data/regions/special.yaml" in line]
    assert len(said) == 1, result.stdout
    assert said[0].startswith("data/regions/special.yaml: "), said
    assert seconds < LIMIT_S
