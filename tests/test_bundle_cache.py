"""The start-up cache gives the same bundle as a fresh load, and never a wrong one."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import make_content

from viewer import bundle_cache
from viewer.bundle import Bundle, load_bundle
from viewer.bundle_cache import (
    MAX_CACHE_BYTES,
    cache_bytes,
    cache_dir,
    load_bundle_cached,
    write_prebuilt,
)
from viewer.bundle_codec import RecordsReadLater
from viewer.content.model import Condition, Region, Source


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def cache_data(raw: bytes) -> dict:
    """The cache's two lines as one dict, as encode() gave them to cache_bytes()."""
    first, _, later = raw.partition(b"\n")
    return {**json.loads(first), **json.loads(later)}


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
        b"not json\n{}",
        b"[" * 100_000 + b"]" * 100_000 + b"\n{}",
        b'{"regions": 5}\n{"conditions": [], "sources": []}',
        b"\n",
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


@pytest.mark.parametrize(
    "where", [[0, "../../etc/passwd"], [0, "/etc/x.svg"], [7, "test_view.svg"]]
)
def test_a_cache_pointing_outside_the_drawings_is_ignored(tmp_path: Path, where: list) -> None:
    root = make_content(tmp_path / "content")
    load_bundle_cached(root)
    (path,) = cache_files()
    data = cache_data(path.read_bytes())
    data["drawings"]["test_view"] = where
    path.write_bytes(cache_bytes(data))
    bundle = load_bundle_cached(root)
    assert bundle.drawings["test_view"] == root / "assets" / "test_view.svg"


def _first_region(data: dict) -> list:
    return data["regions"][0]


def _drop_last_field(data: dict) -> None:
    _first_region(data).pop()


def _add_a_field(data: dict) -> None:
    _first_region(data).append("extra")


def _aliases_as_text(data: dict) -> None:
    # Would be read as the aliases "a", "l", "p" ... were lists not checked.
    _first_region(data)[Region._fields.index("aliases")] = "alpha"


def _a_region_as_an_object(data: dict) -> None:
    data["regions"][0] = {"id": "alpha"}


def _a_nested_record_cut_short(data: dict) -> None:
    imaging = Condition._fields.index("imaging")
    data["conditions"][0][imaging] = [["radiograph"]]  # an imaging note without its note


def _region_name_as_a_number(data: dict) -> None:
    # Crashed the window's start: a TypeError where the name meets a text.
    _first_region(data)[Region._fields.index("name")] = 5


def _symptoms_as_numbers(data: dict) -> None:
    data["conditions"][0][Condition._fields.index("symptoms")] = [5, None]


def _aliases_nested(data: dict) -> None:
    _first_region(data)[Region._fields.index("aliases")] = [["kneecap"]]


def _must_not_miss_as_text(data: dict) -> None:
    data["conditions"][0][Condition._fields.index("must_not_miss")] = "yes"


def _source_url_as_a_number(data: dict) -> None:
    data["sources"][0][Source._fields.index("url")] = 7


def _a_problem_at_a_line_of_text(data: dict) -> None:
    data["problems"] = [[["data/x.yaml", "one", 1], "a problem"]]


@pytest.mark.parametrize(
    "damage",
    [_drop_last_field, _add_a_field, _aliases_as_text, _a_region_as_an_object,
     _a_nested_record_cut_short, _region_name_as_a_number, _symptoms_as_numbers,
     _aliases_nested, _must_not_miss_as_text, _source_url_as_a_number,
     _a_problem_at_a_line_of_text],
)  # fmt: skip
def test_a_cache_whose_records_are_misshapen_is_rebuilt(tmp_path: Path, damage: Any) -> None:
    fresh, reloaded = _reloaded_after(damage, tmp_path)
    assert reloaded.atlas == fresh.atlas


def _reloaded_after(damage: Callable[[dict], object], tmp_path: Path) -> tuple[Bundle, Bundle]:
    """The content's bundle as first loaded, and as loaded again once its cache was
    damaged, which must then have been replaced by a sound one (once every condition
    and source, each made from the cache when first asked for, has been)."""
    root = make_content(tmp_path / "content")
    fresh = load_bundle_cached(root)
    (path,) = cache_files()
    data = cache_data(path.read_bytes())
    damage(data)
    path.write_bytes(cache_bytes(data))
    reloaded = load_bundle_cached(root)
    assert len(reloaded.atlas.conditions) == len(fresh.atlas.conditions)  # read now
    assert list(reloaded.atlas.conditions.values()) == list(fresh.atlas.conditions.values())
    assert list(reloaded.atlas.sources.values()) == list(fresh.atlas.sources.values())
    assert cache_data(path.read_bytes()) != data  # replaced by a sound one
    return fresh, reloaded


def _first_outline(data: dict) -> list:
    return next(iter(data["geometry"]["test_view"]["outlines"].values()))


def _set_first_command(pair: Any) -> Callable[[dict], None]:
    return lambda data: _first_outline(data).__setitem__(0, pair)


def _set_width(width: Any) -> Callable[[dict], None]:
    return lambda data: data["geometry"]["test_view"].__setitem__("width", width)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(_set_first_command(["M", [1.0, 2.0, 3.0]]), id="three numbers for a move"),
        pytest.param(_set_first_command(["L", []]), id="a line to nowhere"),
        pytest.param(_set_first_command(["M", ["1", "2"]]), id="numbers as text"),
        pytest.param(_set_first_command(["M", [float("nan"), 1.0]]), id="NaN"),
        pytest.param(_set_first_command(["M", [float("inf"), 1.0]]), id="infinity"),
        pytest.param(_set_first_command(["M", [10**400, 1.0]]), id="too large for a float"),
        pytest.param(_set_first_command(["X", [1.0, 2.0]]), id="an unknown command"),
        pytest.param(_set_first_command(["M", [1.0, 2.0], "more"]), id="not a pair"),
        pytest.param(_set_first_command({"M": [1.0, 2.0]}), id="an object"),
        pytest.param(_set_first_command("M1"), id="text"),
        pytest.param(_set_width(float("nan")), id="a width of NaN"),
        pytest.param(_set_width(0), id="a width of 0"),
        pytest.param(_set_width(-5.0), id="a negative width"),
        pytest.param(_set_width(10**400), id="a width too large for a float"),
        pytest.param(lambda data: data.__setitem__("geometry", []), id="geometry a list"),
        pytest.param(
            lambda data: data["geometry"].__setitem__("test_view", {}), id="a view's empty"
        ),
        pytest.param(lambda data: data["geometry"].pop("test_view"), id="a view's missing"),
        pytest.param(
            lambda data: data["geometry"]["test_view"].__setitem__("outlines", []),
            id="outlines a list",
        ),
        pytest.param(lambda data: data.__setitem__("drawings", []), id="drawings a list"),
        pytest.param(
            lambda data: data["shapes"].__setitem__("test_view", [["alpha"]]), id="a shape a list"
        ),
        pytest.param(lambda data: data["shapes"].__setitem__("other", []), id="shapes of no view"),
        pytest.param(lambda data: data["drawings"]["test_view"].__setitem__(0, -1), id="folder -1"),
        pytest.param(
            lambda data: data["drawings"]["test_view"].__setitem__(0, "0"), id="folder as text"
        ),
        pytest.param(lambda data: data["drawings"].__setitem__("test_view", 5), id="a number"),
    ],
)
def test_a_cache_whose_drawings_are_damaged_is_rebuilt(tmp_path: Path, damage: Any) -> None:
    """A path command with the wrong numbers raised in the window's start (a traceback,
    found by trying them); a NaN or an unknown command drew a wrong region silently; a
    list where an object belongs raised AttributeError, which the reader did not catch."""
    fresh, reloaded = _reloaded_after(damage, tmp_path)
    assert reloaded.geometry == fresh.geometry


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "directory", "huge"])
def test_a_cache_that_is_not_a_small_regular_file_is_rebuilt(tmp_path: Path, kind: str) -> None:
    root = make_content(tmp_path / "content")
    load_bundle_cached(root)
    (path,) = cache_files()
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)  # reading it would block for ever
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")  # reading it would never end
    elif kind == "directory":
        path.mkdir()
    else:
        with path.open("wb") as handle:
            handle.truncate(MAX_CACHE_BYTES + 1)
    started = time.monotonic()
    bundle = load_bundle_cached(root)
    assert time.monotonic() - started < 5
    assert list(bundle.atlas.regions) == ["alpha", "beta"]


def test_an_older_versions_cache_is_ignored_and_cleared(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    old = cache_dir() / "bundle-0123456789abcdef.json"
    old.parent.mkdir(parents=True)
    old.write_text('{"regions": [], "format": 2}')
    assert list(load_bundle_cached(root).atlas.regions) == ["alpha", "beta"]
    assert not old.exists()


def test_the_key_walks_only_the_layout(tmp_path: Path) -> None:
    # An unrelated tree 1,000 folders deep, and a name that is not UTF-8: neither
    # may crash the key (a recursive glob overflowed, an encode raised).
    root = make_content(tmp_path / "content")
    deep = [root / "data" / "unrelated"]
    for _ in range(1000):  # one folder at a time: os.makedirs itself recurses
        deep[-1].mkdir()
        deep.append(deep[-1] / "d")
    (root / "data/regions" / os.fsdecode(b"caf\xe9.yaml")).write_bytes(b"- id: x\n")
    try:
        bundle = load_bundle_cached(root)
        assert "alpha" in bundle.atlas.regions
        assert any("not valid UTF-8" in p.message for p in bundle.problems)
    finally:
        for folder in reversed(deep[:-1]):  # and so does a recursive delete
            folder.rmdir()


def test_the_prebuilt_cache_serves_a_first_start_only_for_its_own_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prebuilt = tmp_path / "prebuilt"
    write_prebuilt(prebuilt)
    monkeypatch.setattr(bundle_cache, "prebuilt_dir", lambda: prebuilt)
    calls: list[object] = []
    real_load = bundle_cache.load_bundle
    monkeypatch.setattr(
        bundle_cache, "load_bundle", lambda *a, **k: calls.append(a) or real_load(*a, **k)
    )
    monkeypatch.setattr(bundle_cache, "encode", lambda *a: pytest.fail("encoded again"))
    first = load_bundle_cached()  # no user cache yet: a first start after install
    assert calls == []  # nothing parsed
    assert first.atlas == load_bundle(with_outlines=True).atlas
    # The user's cache is written for the next start: the prebuilt bytes, copied.
    assert [path.read_bytes() for path in cache_files()] == [
        (prebuilt / "bundle.json").read_bytes()
    ]
    monkeypatch.undo()
    monkeypatch.setattr(bundle_cache, "prebuilt_dir", lambda: prebuilt)
    monkeypatch.setattr(
        bundle_cache, "load_bundle", lambda *a, **k: calls.append(a) or real_load(*a, **k)
    )
    assert load_bundle_cached().atlas == first.atlas  # the next start reads it
    assert calls == []
    # A prebuilt cache made from other content is never used.
    (prebuilt / "key").write_text("0000000000000000\n")
    for stale in cache_files():
        stale.unlink()
    load_bundle_cached()
    assert len(calls) == 1


def test_the_conditions_and_sources_are_read_when_first_used(tmp_path: Path) -> None:
    """Two thirds of the cache that the window's first paint does not need (3 ms)."""
    root = make_content(tmp_path / "content")
    fresh = load_bundle(root, with_outlines=True)
    load_bundle_cached(root)  # written
    cached = load_bundle_cached(root)
    conditions, sources = cached.atlas.conditions, cached.atlas.sources
    assert isinstance(conditions, RecordsReadLater)
    assert isinstance(sources, RecordsReadLater)
    assert not conditions.is_read
    assert not sources.is_read
    assert list(cached.atlas.regions) == ["alpha", "beta"]  # the rest is read at once
    assert "cond" in conditions  # one use reads both
    assert conditions.is_read
    assert sources.is_read
    assert dict(conditions) == dict(fresh.atlas.conditions)
    assert dict(sources.items()) == dict(fresh.atlas.sources)
    assert list(sources.values()) == list(fresh.atlas.sources.values())
    assert cached.atlas == fresh.atlas


@pytest.mark.parametrize(
    "later",
    [b"", b"not json", b"[" * 100_000 + b"]" * 100_000, b"[]", b'{"conditions": 5}',
     b'{"conditions": [], "sources": [[1]]}', b'{"sources": []}', b"\xff\xfe"],
)  # fmt: skip
def test_conditions_found_damaged_when_first_used_are_loaded_afresh(
    tmp_path: Path, later: bytes
) -> None:
    """Found after the start, they are taken from the content loaded then, and the
    cache is written again: no error reaches the reader."""
    root = make_content(tmp_path / "content")
    fresh = load_bundle(root, with_outlines=True)
    load_bundle_cached(root)
    (path,) = cache_files()
    first = path.read_bytes().partition(b"\n")[0]
    path.write_bytes(first + b"\n" + later)
    cached = load_bundle_cached(root)
    assert path.read_bytes() == first + b"\n" + later  # the start did not look
    assert cached.atlas.conditions["cond"] == fresh.atlas.conditions["cond"]
    assert cached.atlas == fresh.atlas
    assert cache_data(path.read_bytes()) == cache_data(cache_bytes(_data_of(fresh, root)))


def _data_of(bundle: Bundle, root: Path) -> dict:
    from viewer.bundle_codec import encode

    return encode(bundle, [root / "assets"])


def test_threads_first_using_the_conditions_at_once_read_them_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search index's thread may be the first to use them, while the window does."""
    from viewer import bundle_codec

    root = make_content(tmp_path / "content")
    load_bundle_cached(root)
    cached = load_bundle_cached(root)
    reads: list[int] = []
    real_loads = bundle_codec.json.loads

    def slow_loads(text: bytes) -> object:
        reads.append(1)
        time.sleep(0.05)  # long enough for every thread to ask meanwhile
        return real_loads(text)

    monkeypatch.setattr(bundle_codec.json, "loads", slow_loads)
    seen = _asked_at_once(cached, "cond", 4)
    assert reads == [1]
    assert len(seen) == 4
    assert all(condition is seen[0] for condition in seen)


def _asked_at_once(cached: Bundle, condition: str, threads: int) -> list[object]:
    """What each of threads, asking for condition at the same moment, got."""
    import threading

    start = threading.Barrier(threads)
    seen: list[object] = []

    def ask() -> None:
        start.wait()
        seen.append(cached.atlas.conditions[condition])

    running = [threading.Thread(target=ask) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    return seen


def test_a_write_that_fails_leaves_no_stray_file(tmp_path: Path) -> None:
    from viewer.paths import write_atomically

    target = tmp_path / "bundle-x.json"
    target.mkdir()  # a folder where the file goes: the last step, the rename, fails
    with pytest.raises(IsADirectoryError):
        write_atomically(target, b"{}")
    assert [p.name for p in tmp_path.iterdir()] == ["bundle-x.json"]
    write_atomically(tmp_path / "other.json", b"{}")
    assert (tmp_path / "other.json").read_bytes() == b"{}"


def _counted_makes(monkeypatch: pytest.MonkeyPatch, delay: float = 0.0) -> list[str]:
    """The ids of the conditions made from the cache by bundles loaded from now on (each
    taking delay s)."""
    from viewer import bundle_codec

    made: list[str] = []
    real = bundle_codec._condition

    def counted(fields: Any) -> Condition:
        made.append(fields[Condition._fields.index("id")])
        time.sleep(delay)
        return real(fields)

    monkeypatch.setattr(bundle_codec, "_condition", counted)
    return made


def test_a_condition_is_made_from_the_cache_when_first_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page wants a few conditions: asking for one makes that one, and asking for the
    ids, their count or whether an id is there makes none."""
    root = make_content(tmp_path / "content")
    fresh = load_bundle_cached(root)
    made = _counted_makes(monkeypatch)
    cached = load_bundle_cached(root)
    conditions = cached.atlas.conditions
    assert len(conditions) == len(fresh.atlas.conditions)
    assert list(conditions) == list(fresh.atlas.conditions)
    assert "cond" in conditions
    assert "no such condition" not in conditions
    assert made == []
    assert conditions["cond"] == fresh.atlas.conditions["cond"]
    assert conditions["cond"] is conditions["cond"]
    assert made == ["cond"]
    with pytest.raises(KeyError):
        conditions["no such condition"]
    assert dict(conditions) == dict(fresh.atlas.conditions)
    assert sorted(made) == sorted(fresh.atlas.conditions)  # each made once


def test_a_condition_found_damaged_when_asked_for_comes_from_the_content_loaded_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The damage is seen only when that record is made, after the start: no error then,
    the content is loaded afresh once, every record comes from it, and the cache is
    written again."""
    root = make_content(tmp_path / "content")
    fresh = load_bundle_cached(root)
    (path,) = cache_files()
    data = cache_data(path.read_bytes())
    data["conditions"][0][Condition._fields.index("must_not_miss")] = "yes"
    path.write_bytes(cache_bytes(data))
    reloads: list[int] = []
    real_rebuilt = bundle_cache._rebuilt

    def counted_rebuilt(*args: Any) -> Any:
        reloads.append(1)
        return real_rebuilt(*args)

    monkeypatch.setattr(bundle_cache, "_rebuilt", counted_rebuilt)
    cached = load_bundle_cached(root)
    damaged_id = data["conditions"][0][Condition._fields.index("id")]
    assert len(cached.atlas.conditions) == len(fresh.atlas.conditions)  # read: no damage seen
    assert reloads == []
    assert cached.atlas.conditions[damaged_id] == fresh.atlas.conditions[damaged_id]
    assert reloads == [1]
    assert dict(cached.atlas.conditions) == dict(fresh.atlas.conditions)
    assert dict(cached.atlas.sources) == dict(fresh.atlas.sources)
    assert reloads == [1]
    assert cache_data(path.read_bytes()) != data  # replaced by a sound one


def test_threads_asking_for_one_condition_at_once_get_one_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path / "content")
    load_bundle_cached(root)
    made = _counted_makes(monkeypatch, delay=0.02)  # every thread asks meanwhile
    cached = load_bundle_cached(root)
    len(cached.atlas.conditions)  # the part read: the records are made when asked for
    seen = _asked_at_once(cached, "cond", 8)
    assert made == ["cond"]
    assert len(seen) == 8
    assert all(condition is seen[0] for condition in seen)
