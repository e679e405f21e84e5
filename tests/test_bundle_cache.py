"""The start-up cache gives the same bundle as a fresh load, and never a wrong one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import make_content

from viewer.bundle import load_bundle
from viewer.bundle_cache import cache_dir, load_bundle_cached


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def cache_files() -> list[Path]:
    return sorted(cache_dir().glob("bundle-*.json"))


def test_cached_bundle_equals_a_fresh_load() -> None:
    fresh = load_bundle(with_outlines=True)
    first = load_bundle_cached()
    assert len(cache_files()) == 1
    second = load_bundle_cached()
    for loaded in (first, second):
        assert loaded.atlas == fresh.atlas
        assert loaded.drawings == fresh.drawings
        assert loaded.shapes == fresh.shapes
        assert loaded.geometry == fresh.geometry
        assert loaded.problems == fresh.problems


def test_an_edit_is_seen_at_the_next_start(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    assert load_bundle_cached(root).atlas.regions["alpha"].name == "Alpha"
    regions = root / "data/regions/test.yaml"
    regions.write_text(regions.read_text().replace("name: Alpha", "name: Alpha edited"))
    stat = regions.stat()
    os.utime(regions, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_bundle_cached(root).atlas.regions["alpha"].name == "Alpha edited"
    assert len(cache_files()) == 1  # the stale entry is gone


@pytest.mark.parametrize(
    "garbage",
    [
        b"not json",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"regions": 5}',
        b"[]",
    ],
)
def test_a_damaged_cache_is_ignored(tmp_path: Path, garbage: bytes) -> None:
    root = make_content(tmp_path / "content")
    load_bundle_cached(root)
    (path,) = cache_files()
    path.write_bytes(garbage)
    bundle = load_bundle_cached(root)
    assert list(bundle.atlas.regions) == ["alpha", "beta"]
    assert bundle.problems == []


def test_a_cache_pointing_outside_the_drawings_is_ignored(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    load_bundle_cached(root)
    (path,) = cache_files()
    path.write_text(path.read_text().replace(str(root / "assets"), "/etc"))
    bundle = load_bundle_cached(root)
    assert bundle.drawings["test_view"] == root / "assets" / "test_view.svg"
