"""Text labels kept apart from a drawing's art, so a mirrored drawing stays readable.

A drawing may put short anatomical labels (L4, S1 ...) as <text id="..."> in
one <g id="labels"> group. The art is drawn without that group, mirrored for
the left side; each label is drawn on its own, unmirrored, where it belongs.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_LABELS_GROUP = re.compile(rb'<g\b[^>]*\bid\s*=\s*["\']labels["\'][^>]*>.*?</g\s*>', re.DOTALL)
_SELF_CLOSED_GROUP = re.compile(rb'<g\b[^>]*\bid\s*=\s*["\']labels["\'][^>]*/>')
_TEXT_ID = re.compile(rb'<text\b[^>]*\bid\s*=\s*["\']([A-Za-z_][\w.-]*)["\']')


class SplitDrawing(NamedTuple):
    art: bytes  # the SVG without its labels group
    label_ids: tuple[str, ...]  # ids of the <text> labels in that group, in order


def split_labels(svg: bytes) -> SplitDrawing:
    match = _LABELS_GROUP.search(svg)
    if match is None:
        return SplitDrawing(_SELF_CLOSED_GROUP.sub(b"", svg), ())
    ids = tuple(found.decode("ascii") for found in _TEXT_ID.findall(match.group(0)))
    return SplitDrawing(svg[: match.start()] + svg[match.end() :], ids)
