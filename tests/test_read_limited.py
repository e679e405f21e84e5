"""read_limited: a regular file's bytes, never more than its limit, whatever the file says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from viewer.paths import FileTooLarge, read_limited


def test_a_file_is_read_whole_up_to_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 1000)
    assert read_limited(path, 1000) == b"x" * 1000
    with pytest.raises(FileTooLarge):
        read_limited(path, 999)


def test_a_file_that_says_it_is_empty_is_still_read_within_the_limit() -> None:
    status = Path("/proc/self/status")  # a regular file of size 0, with text in it
    if not status.is_file():
        pytest.skip("no /proc here")
    assert read_limited(status, 1_000_000).startswith(b"Name:")
    with pytest.raises(FileTooLarge):
        read_limited(status, 10)


def test_a_file_that_grows_while_read_is_cut_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    real_fstat = os.fstat

    def stale_fstat(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        path.write_bytes(b"x" * 5000)  # grows after its size was taken
        return info

    monkeypatch.setattr("viewer.paths.os.fstat", stale_fstat)
    with pytest.raises(FileTooLarge):
        read_limited(path, 100)
