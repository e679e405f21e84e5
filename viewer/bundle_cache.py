"""A JSON cache of the loaded bundle (content, checks and outlines) for fast starts.

Parsing YAML and SVG geometry costs more than the rest of start-up together,
and the files rarely change. Two caches, both disposable:

- the user's, in the cache folder (honours XDG_CACHE_HOME), keyed by every
  input file's path, size and modification time, so any edit means a fresh load;
- the prebuilt one for the built-in content, made at build time and shipped in
  the wheel and the desktop bundle (viewer/prebuilt/), keyed by the files'
  names and contents, so a clinic's first start after install is not the slow one.

A cache is read only if it is a regular file of bounded size; anything odd
about it means it is ignored and rebuilt. It is two lines of JSON: all that the
window's first paint needs, then the conditions and the sources, read the first
time they are used (bundle_codec.ReadLater), each record made and checked the first
time it is asked for (bundle_codec.RecordsReadLater); found damaged then, they are
loaded afresh and the cache is written again.
"""

import contextlib
import functools
import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from viewer import __version__
from viewer.bundle import Bundle, load_bundle
from viewer.bundle_codec import READ_LATER, ReadLater, decode, encode
from viewer.content.model import Atlas
from viewer.content.pack import layout, list_files
from viewer.paths import (
    FileTooLarge,
    clinic_dirs,
    content_dirs,
    package_dir,
    read_limited,
    write_atomically,
)

FORMAT = 7  # 6: records as lists of their fields; 7: the conditions and sources apart
MAX_CACHE_BYTES = 20 * 1024 * 1024
PREBUILT_NAME = "bundle.json"


class Inputs(NamedTuple):
    files: list[Path]  # every input file, in a stable order
    assets_dirs: list[Path]  # the drawings folders, built-in first


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "anatomy-viewer"


def prebuilt_dir() -> Path:
    return package_dir() / "prebuilt"


def _inputs(root: Path | None, layered: bool) -> Inputs:
    """The files a load reads: the layout's own, never a recursive walk."""
    data_dir, assets_dir = content_dirs(None if layered else root)
    pack = assets_dir.parent if root is None or layered else root
    found = layout(data_dir, pack).files() + _drawings(assets_dir)
    assets_dirs = [assets_dir]
    if layered and root is not None:
        clinic_data, clinic_assets = clinic_dirs(root)
        found += layout(clinic_data, root).files()
        if clinic_assets is not None:
            found += _drawings(clinic_assets)
            assets_dirs.append(clinic_assets)
    return Inputs(found, assets_dirs)


def _drawings(assets_dir: Path) -> list[Path]:
    return (
        list_files(assets_dir, ".svg", assets_dir.parent, None).files if assets_dir.is_dir() else []
    )


def _checksum(parts: list[bytes]) -> str:
    text = b"\n".join(parts)
    # Two checksums: a cheap key whose collisions would need two changes at once.
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}"


def _key(root: Path | None, layered: bool, inputs: Inputs) -> str:
    parts = [f"{FORMAT}:{__version__}:{layered}".encode()]
    parts += [os.fsencode(directory) for directory in inputs.assets_dirs]
    if root is not None:
        parts.append(os.fsencode(root))
    for path in inputs.files:
        info = path.stat()
        parts.append(os.fsencode(path) + f":{info.st_size}:{info.st_mtime_ns}".encode())
    return _checksum(parts)


def content_key(inputs: Inputs, base: Path) -> str:
    """A key from the files' names (relative to base) and contents: the same on any machine."""
    parts = [f"{FORMAT}:{__version__}".encode()]
    for path in inputs.files:
        parts.append(os.fsencode(path.relative_to(base)))
        parts.append(f"{zlib.crc32(read_limited(path, MAX_CACHE_BYTES)):08x}".encode())
    return _checksum(parts)


def cache_bytes(data: dict) -> bytes:
    """encode()'s data as the cache holds it: READ_LATER's records on a line of their own."""
    first = {key: value for key, value in data.items() if key not in READ_LATER}
    later = {key: data[key] for key in READ_LATER}
    return _json(first) + b"\n" + _json(later)  # JSON puts no line break in what it writes


def _json(data: dict) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode()


def _lines(raw: bytes) -> tuple[bytes, bytes]:
    first, newline, later = raw.partition(b"\n")
    if not newline:
        raise ValueError("the cache is not in two parts")
    return first, later


def _read(
    path: Path, assets_dirs: list[Path], rebuild: Callable[[], Atlas]
) -> tuple[Bundle, bytes] | None:
    """The cached bundle at path and the bytes it came from, or None if there is none
    or it cannot be trusted. Its conditions and sources are read when first used, and
    taken from rebuild() if they cannot be."""
    try:
        raw = read_limited(path, MAX_CACHE_BYTES)
        first, later = _lines(raw)
        return decode(json.loads(first), assets_dirs, ReadLater(later, rebuild)), raw
    except FileNotFoundError:
        return None
    except (
        FileTooLarge,
        OSError,
        RecursionError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        OverflowError,  # an integer too large for a float, as a size or a coordinate
    ):
        return None  # a FIFO, a device, a link to /dev/zero, damaged or foreign JSON: rebuild


def _encoded(bundle: Bundle, assets_dirs: list[Path]) -> bytes:
    return cache_bytes(encode(bundle, assets_dirs))


def _rebuilt(path: Path, root: Path | None, layered: bool, assets_dirs: list[Path]) -> Atlas:
    """The content loaded afresh, when the cache at path was found damaged after the
    start; the cache is written again from it."""
    bundle = load_bundle(root, with_outlines=True, layered=layered)
    with contextlib.suppress(OSError, ValueError):  # a read-only home: loaded afresh next time
        write_atomically(path, _encoded(bundle, assets_dirs))
    return bundle.atlas


def _builtin_from_prebuilt(
    inputs: Inputs, rebuild: Callable[[], Atlas]
) -> tuple[Bundle, bytes] | None:
    """The built-in bundle from the prebuilt cache, if it was made from these very files,
    and the cache's bytes."""
    folder = prebuilt_dir()
    if not (folder / PREBUILT_NAME).is_file():
        return None
    try:
        wanted = (folder / "key").read_text().strip()
        if wanted != content_key(inputs, inputs.assets_dirs[0].parent):
            return None
    except OSError:
        return None
    return _read(folder / PREBUILT_NAME, inputs.assets_dirs, rebuild)


def load_bundle_cached(root: Path | None = None, layered: bool = False) -> Bundle:
    """The bundle with outlines, from a cache when no input has changed.

    layered=True lays root over the built-in content, as load_bundle does. The
    cache lives under the user's cache directory, never in a content directory.
    """
    layered = layered and root is not None
    try:
        inputs = _inputs(root, layered)
        key = _key(root, layered, inputs)
    except OSError:
        return load_bundle(root, with_outlines=True, layered=layered)
    path = cache_dir() / f"bundle-{key}.json"
    rebuild = functools.partial(_rebuilt, path, root, layered, inputs.assets_dirs)
    cached = _read(path, inputs.assets_dirs, rebuild)
    if cached is not None:
        return cached[0]
    prebuilt = _builtin_from_prebuilt(inputs, rebuild) if root is None else None
    data: bytes | None = None
    if prebuilt is not None:
        # The user's cache holds the same bytes: copied, not encoded again (12 ms).
        bundle, data = prebuilt
    else:
        bundle = load_bundle(root, with_outlines=True, layered=layered)
    try:
        if data is None:
            data = _encoded(bundle, inputs.assets_dirs)
        for stale in cache_dir().glob("bundle-*.json"):
            stale.unlink(missing_ok=True)
        write_atomically(path, data)
    except (OSError, ValueError):
        pass  # a read-only home still runs, just without the speed-up
    return bundle


def write_prebuilt(out: Path) -> Path:
    """Build the built-in content's cache into out (at build time), with its content key."""
    inputs = _inputs(None, False)
    bundle = load_bundle(None, with_outlines=True)
    if bundle.problems:
        raise ValueError(f"the built-in content has problems: {bundle.problems[0]}")
    out.mkdir(parents=True, exist_ok=True)
    write_atomically(out / PREBUILT_NAME, _encoded(bundle, inputs.assets_dirs))
    (out / "key").write_text(content_key(inputs, inputs.assets_dirs[0].parent) + "\n")
    return out / PREBUILT_NAME
