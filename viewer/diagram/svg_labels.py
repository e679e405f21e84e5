"""A drawing split into what the app draws as art and what it draws itself.

The art is every group but two. The `regions` group holds the hit areas: the
app draws them only on hover, selection and search (viewer/ui/region_item.py),
so region borders never read as lines in the bone. The `labels` group holds
short anatomical labels (L4, S1 ...) as <text id="...">: the art is mirrored
for the left side, and mirrored words cannot be read, so each label is drawn
on its own, unmirrored, where it belongs, at a legible size.
"""

from __future__ import annotations

import re
from typing import NamedTuple


def _group(group_id: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    opened = rb'<g\b[^>]*\bid\s*=\s*["\']' + group_id + rb'["\'][^>]*'
    # Neither group may hold another group (svg_index.py refuses that for regions),
    # so the first </g> closes it.
    return re.compile(opened + rb">.*?</g\s*>", re.DOTALL), re.compile(opened + rb"/>")


_LABELS, _LABELS_EMPTY = _group(rb"labels")
_REGIONS, _REGIONS_EMPTY = _group(rb"regions")
_TEXT_ID = re.compile(rb'<text\b[^>]*\bid\s*=\s*["\']([A-Za-z_][\w.-]*)["\']')


class SplitDrawing(NamedTuple):
    art: bytes  # the SVG without its labels and regions groups
    label_ids: tuple[str, ...]  # ids of the <text> labels, in document order


def split_drawing(svg: bytes) -> SplitDrawing:
    labels = _LABELS.search(svg)
    ids = (
        tuple(found.decode("ascii") for found in _TEXT_ID.findall(labels.group(0)))
        if labels
        else ()
    )
    art = svg
    for pattern in (_LABELS, _LABELS_EMPTY, _REGIONS, _REGIONS_EMPTY):
        art = pattern.sub(b"", art)
    return SplitDrawing(art, ids)
