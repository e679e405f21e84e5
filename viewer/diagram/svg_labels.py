"""A drawing split into what the app draws as art and what it draws itself.

The art is every group but two. The `regions` group holds the hit areas: the
app draws them only on hover, selection and search (viewer/ui/region_item.py),
so region borders never read as lines in the bone. The `labels` group holds
short anatomical labels (L4, S1 ...) as <text id="...">: the art is mirrored
for the left side, and mirrored words cannot be read, so each label is drawn
on its own, unmirrored, where it belongs, at a legible size.
"""

import re
from typing import NamedTuple


def _group(group_id: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    opened = rb'<g\b[^>]*\bid\s*=\s*["\']' + group_id + rb'["\'][^>]*'
    # Neither group may hold another group (svg_index.py refuses that for regions),
    # so the first </g> closes it.
    return re.compile(opened + rb">.*?</g\s*>", re.DOTALL), re.compile(opened + rb"/>")


_LABELS, _LABELS_EMPTY = _group(rb"labels")
_REGIONS, _REGIONS_EMPTY = _group(rb"regions")
_TEXT = re.compile(
    rb'<text\b[^>]*\bid\s*=\s*["\']([A-Za-z_][\w.-]*)["\'][^>]*>(.*?)</text\s*>', re.DOTALL
)
_TAG = re.compile(rb"<[^>]*>")
_ENTITIES = {b"&lt;": b"<", b"&gt;": b">", b"&quot;": b'"', b"&apos;": b"'", b"&amp;": b"&"}
MAX_LABEL = 40  # characters: a label is a word or two (L4, S1, saphenous n.)


class SplitDrawing(NamedTuple):
    art: bytes  # the SVG without its labels and regions groups
    label_ids: tuple[str, ...]  # ids of the <text> labels, in document order
    label_texts: tuple[str, ...] = ()  # their words, as plain text, in the same order


def _plain(markup: bytes) -> str:
    text = _TAG.sub(b"", markup)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    words = " ".join(text.decode("utf-8", "replace").split())
    return words[:MAX_LABEL]


def split_drawing(svg: bytes) -> SplitDrawing:
    labels = _LABELS.search(svg)
    found = _TEXT.findall(labels.group(0)) if labels else []
    art = svg
    for pattern in (_LABELS, _LABELS_EMPTY, _REGIONS, _REGIONS_EMPTY):
        art = pattern.sub(b"", art)
    ids = tuple(element.decode("ascii") for element, _ in found)
    return SplitDrawing(art, ids, tuple(_plain(markup) for _, markup in found))
