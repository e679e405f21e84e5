"""The versions a user quotes: the app's, and the content's (newest review, checksum)."""

from __future__ import annotations

import zlib

from viewer import __version__
from viewer.content.model import Atlas


def content_version(atlas: Atlas) -> str:
    """The newest review date, and a checksum of the content that tells two packs apart."""
    newest = max((c.reviewed for c in atlas.conditions.values()), default="none")
    digest = zlib.crc32(repr(sorted(atlas.conditions.items())).encode())
    return f"reviewed to {newest} ({digest:08x})"


def version_line(atlas: Atlas) -> str:
    return f"anatomy-viewer {__version__}, content {content_version(atlas)}"
