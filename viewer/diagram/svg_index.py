"""Find the region shapes in an SVG, with the line each is written on.

The contract: every clickable region is one shape whose id is the region id,
inside the group id="regions". Anything else is decoration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from viewer.content.model import Location, Problem
from viewer.paths import FileTooLarge, read_limited

MAX_SVG_BYTES = 5 * 1024 * 1024
# Work budgets: path geometry is parsed and hit-tested at every start and click.
# Today's largest drawing has about 12,000 numbers in its path data.
MAX_NUMBERS_PER_SHAPE = 20_000
MAX_NUMBERS_PER_DRAWING = 250_000
MAX_ELEMENTS = 20_000
SHAPE_TAGS = {"path", "polygon", "polyline", "rect", "circle", "ellipse", "line"}
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
# Qt's SVG renderer would fetch these; a drawing is art, it needs nothing from outside.
REFUSED_TAGS = {"image", "script", "foreignObject"}
_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


@dataclass
class SvgIndex:
    shapes: dict[str, Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class _Refused(Exception):
    pass


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def index_svg(path: Path, name: str) -> SvgIndex:
    """The region shapes of one drawing; problems instead of exceptions."""
    index = SvgIndex()
    try:
        data = read_limited(path, MAX_SVG_BYTES)
    except FileTooLarge:
        index.problems.append(Problem(Location(name, 1, 1), "drawing is larger than 5 MB"))
        return index
    except OSError as error:
        index.problems.append(
            Problem(Location(name, 1, 1), f"cannot read drawing: {error.strerror or error}")
        )
        return index

    parser = expat.ParserCreate()
    depth_of_regions: list[int] = []
    depth = 0
    counts = {"numbers": 0, "elements": 0}
    style_text: list[str] = []

    def where() -> Location:
        return Location(name, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)

    def refuse_entities(*_args: object) -> int:
        index.problems.append(Problem(where(), "entity declarations are not allowed"))
        raise _Refused

    def refuse(message: str) -> None:
        index.problems.append(Problem(where(), message))
        raise _Refused

    def refuse_stylesheet(target: str, _data: str) -> None:
        if target == "xml-stylesheet":
            refuse("style sheets are not allowed (<?xml-stylesheet?>)")

    def check_budget(local: str, attrs: dict[str, str]) -> None:
        counts["elements"] += 1
        if counts["elements"] > MAX_ELEMENTS:
            refuse(f"more than {MAX_ELEMENTS:,} elements: a drawing is art, not data")
        numbers = sum(len(_NUMBER.findall(attrs.get(key, ""))) for key in ("d", "points"))
        if numbers > MAX_NUMBERS_PER_SHAPE:
            refuse(f"<{local}> has {numbers:,} numbers in its geometry (the limit is "
                   f"{MAX_NUMBERS_PER_SHAPE:,}): simplify the path")  # fmt: skip
        counts["numbers"] += numbers
        if counts["numbers"] > MAX_NUMBERS_PER_DRAWING:
            refuse(f"the drawing has over {MAX_NUMBERS_PER_DRAWING:,} numbers in its geometry: "
                   "simplify its paths")  # fmt: skip

    def check_text(what: str, value: str) -> None:
        if _EXTERNAL_URL.search(value) or "@import" in value.lower():
            refuse(f"resources outside the drawing are not allowed ({what}={value[:80]!r})")

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        local = _local(tag)
        if local in REFUSED_TAGS:
            refuse(f"<{local}> is not allowed in a drawing")
        check_budget(local, attrs)
        if local == "style":
            style_text.append("")
        for attribute, value in attrs.items():
            if _local(attribute) == "href" and not value.startswith("#"):
                refuse(f"links outside the drawing are not allowed ({attribute}={value!r})")
            check_text(attribute, value)
        element_id = attrs.get("id", "")
        if local == "g" and element_id == "regions":
            depth_of_regions.append(depth)
            return
        if not depth_of_regions:
            return
        if local in SHAPE_TAGS:
            if not element_id:
                index.problems.append(Problem(where(), f"<{local}> in 'regions' has no id"))
            elif element_id in index.shapes:
                index.problems.append(Problem(where(), f"duplicate shape id {element_id!r}"))
            else:
                index.shapes[element_id] = where()
        elif local == "g":
            index.problems.append(Problem(where(), "groups inside 'regions' are not allowed"))

    def text(data: str) -> None:
        # A style sheet is checked like an attribute: no url() to outside, no @import.
        if style_text:
            style_text[-1] += data
            check_text("<style>", style_text[-1])

    def end(tag: str) -> None:
        nonlocal depth
        if depth_of_regions and depth_of_regions[-1] == depth:
            depth_of_regions.pop()
        if _local(tag) == "style" and style_text:
            style_text.pop()
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = refuse_entities
    parser.ExternalEntityRefHandler = refuse_entities
    parser.ProcessingInstructionHandler = refuse_stylesheet
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        index.problems.append(
            Problem(
                Location(name, error.lineno, error.offset + 1),
                f"not a valid SVG (XML error: {expat.errors.messages[error.code]})",
            )
        )
        index.shapes.clear()
    except _Refused:
        index.shapes.clear()
    if not index.problems and not index.shapes:
        index.problems.append(
            Problem(Location(name, 1, 1), "no shapes in a group with id='regions'")
        )
    return index
