"""Where the built-in drawings and content live, installed or in a source checkout."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE.parent


def _builtin(name: str, in_checkout: str = "") -> Path:
    # A wheel (and the desktop bundle) carries assets/, data/ and icons/ inside the
    # package; a checkout has them at the top (icons under packaging/).
    packaged = _PACKAGE / name
    return packaged if packaged.is_dir() else _SOURCE_ROOT / (in_checkout or name)


def builtin_assets_dir() -> Path:
    return _builtin("assets")


def builtin_data_dir() -> Path:
    return _builtin("data")


def icons_dir() -> Path:
    """The application icon: the SVG master and a PNG per size in NxN/ folders."""
    return _builtin("icons", "packaging/icons")


def content_dirs(root: Path | None) -> tuple[Path, Path]:
    """(data dir, assets dir) for a user-given content directory, or the built-in ones.

    A user directory may hold the YAML directly or in data/, and may bring its
    own drawings in assets/; without them it uses the built-in drawings.
    """
    if root is None:
        return builtin_data_dir(), builtin_assets_dir()
    data, assets = clinic_dirs(root)
    return data, assets or builtin_assets_dir()


def clinic_dirs(root: Path) -> tuple[Path, Path | None]:
    """(data dir, assets dir or None) of a clinic's directory, as it is laid over the built-in."""
    data = root / "data" if (root / "data").is_dir() else root
    assets = root / "assets" if (root / "assets").is_dir() else None
    return data, assets


def package_dir() -> Path:
    """The installed package's folder (a wheel and the bundle install it as files)."""
    return _PACKAGE


class FileTooLarge(OSError):
    """A content file over its size limit; str() gives its size."""


def read_limited(path: Path, limit: int, follow_links: bool = True) -> bytes:
    """A regular file's bytes, refusing anything over limit bytes.

    A FIFO, a device such as /dev/zero or a directory would block or never end:
    only regular files are read, and never more than limit + 1 bytes. follow_links
    False: a symbolic link is refused (where the app writes only files of its own).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not block
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, "not a regular file", str(path))
        if info.st_size > limit:
            raise FileTooLarge(f"{info.st_size:,} bytes")
        # Its size and one byte: a read of limit + 1 bytes makes a buffer that large for
        # every file (20 MB for the cache's limit; 5 ms for the 120 content files, not 2).
        data = handle.read(info.st_size + 1)
        if len(data) > info.st_size:  # it grew, or says 0 like /proc's files
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:
        raise FileTooLarge(f"over {limit:,} bytes")
    return data


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file whole or not at all: a reader never sees half of it, and a write
    that fails leaves no stray file behind (the error is raised)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
