"""Where the built-in drawings and content live, installed or in a source checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _builtin(name: str) -> Path:
    # A wheel carries assets/ and data/ inside the package; a checkout has them at the top.
    packaged = Path(str(files("viewer") / name))
    return packaged if packaged.is_dir() else _SOURCE_ROOT / name


def builtin_assets_dir() -> Path:
    return _builtin("assets")


def builtin_data_dir() -> Path:
    return _builtin("data")


def content_dirs(root: Path | None) -> tuple[Path, Path]:
    """(data dir, assets dir) for a user-given content directory, or the built-in ones.

    A user directory may hold the YAML directly or in data/, and may bring its
    own drawings in assets/; without them it uses the built-in drawings.
    """
    if root is None:
        return builtin_data_dir(), builtin_assets_dir()
    data = root / "data" if (root / "data").is_dir() else root
    assets = root / "assets" if (root / "assets").is_dir() else builtin_assets_dir()
    return data, assets
