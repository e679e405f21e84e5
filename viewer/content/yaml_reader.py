"""Read one YAML file into a node tree safely, and read typed values from nodes.

Only the C safe composer is used: no object is ever constructed from a tag.
Every error carries the file, line and column it was found at.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import yaml

from viewer.content.model import Location, Problem

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - only without libyaml
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_FLOW_BRACKETS = re.compile(r"[\[\]{}]")
_INDENT = re.compile(r"^( *)\S", re.MULTILINE)

T = TypeVar("T")


class Invalid(Exception):
    """A value that cannot be used; the problem is already recorded."""


def _location_of_offset(name: str, text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(name, line, col)


def _check_depth(name: str, text: str) -> Problem | None:
    """libyaml recurses per nesting level and crashes at tens of thousands: refuse early."""
    depth = 0
    for match in _FLOW_BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return Problem(
                _location_of_offset(name, text, match.start()),
                f"nesting deeper than {MAX_DEPTH} levels",
            )
    for match in _INDENT.finditer(text):
        if len(match.group(1)) > MAX_DEPTH * 4:
            return Problem(
                _location_of_offset(name, text, match.end() - 1),
                f"indentation deeper than {MAX_DEPTH * 4} columns",
            )
    return None


def _check_anchors(name: str, text: str) -> Problem | None:
    """Content needs no anchors or aliases, and an alias bomb explodes when walked."""
    if "&" not in text and "*" not in text:
        return None
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            assert mark is not None  # the parser marks every event
            return Problem(
                Location(name, mark.line + 1, mark.column + 1),
                "anchors and aliases are not allowed",
            )
    return None


def read_text(path: Path, name: str) -> tuple[str | None, Problem | None]:
    """The file's text, or the reason it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, Problem(
                Location(name), f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
            )
        raw = path.read_bytes()
    except OSError as error:
        return None, Problem(Location(name), f"cannot read file: {error.strerror or error}")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        prefix = raw[: error.start].decode("utf-8", errors="replace")
        where = _location_of_offset(name, prefix + "?", len(prefix))
        return None, Problem(where, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})")


def compose(path: Path, name: str) -> tuple[yaml.Node | None, Problem | None]:
    """Parse a YAML file into its node tree (no construction), or give the problem."""
    text, problem = read_text(path, name)
    if text is None:
        return None, problem
    problem = _check_depth(name, text)
    if problem is not None:
        return None, problem
    try:
        problem = _check_anchors(name, text)
        if problem is not None:
            return None, problem
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(part for part in (error.context, error.problem) if part)
        if mark is None:
            return None, Problem(Location(name), f"YAML error: {message}")
        return None, Problem(
            Location(name, mark.line + 1, mark.column + 1), f"YAML error: {message}"
        )
    except yaml.YAMLError as error:
        return None, Problem(Location(name), f"YAML error: {error}")
    if node is None:
        return None, Problem(Location(name, 1, 1), "file is empty")
    return node, None


class NodeReader:
    """Reads typed values out of a node tree, recording every problem it meets.

    Strings are taken exactly as written, so YAML 1.1 coercions (`no` -> False,
    `1:20` -> 80, dates) never reach the content. A node reached twice is an
    alias: refused, which also defuses alias bombs.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def where(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.name, mark.line + 1, mark.column + 1)

    def fail(self, node: yaml.Node, message: str) -> Invalid:
        self.problems.append(Problem(self.where(node), message))
        return Invalid(message)

    def _visit(self, node: yaml.Node) -> None:
        if id(node) in self._seen:
            raise self.fail(node, "anchors and aliases are not allowed")
        self._seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            raise self.fail(node, f"tag {node.tag!r} is not allowed")

    def mapping(
        self, node: yaml.Node, what: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, yaml.Node]:
        self._visit(node)
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping")
        fields: dict[str, yaml.Node] = {}
        known = set(required) | set(optional)
        bad = False
        for key_node, value_node in node.value:
            self._visit(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, f"{what}: keys must be plain words")
            key = key_node.value
            if key in fields:
                self.fail(key_node, f"{what}: duplicate key {key!r}")
                bad = True
            elif key not in known:
                self.fail(
                    key_node, f"{what}: unknown key {key!r} (known: {', '.join(sorted(known))})"
                )
                bad = True
            fields[key] = value_node
        missing = [key for key in required if key not in fields]
        if missing:
            self.fail(node, f"{what}: missing {', '.join(repr(key) for key in missing)}")
            bad = True
        if bad:
            raise Invalid(what)
        return fields

    def sequence(self, node: yaml.Node, what: str, allow_empty: bool = True) -> list[yaml.Node]:
        self._visit(node)
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list")
        if not allow_empty and not node.value:
            raise self.fail(node, f"{what} must not be empty")
        return list(node.value)

    def string(self, node: yaml.Node, what: str) -> str:
        self._visit(node)
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            raise self.fail(node, f"{what} must be text")
        text = str(node.value).strip()
        if not text:
            raise self.fail(node, f"{what} must not be empty")
        return text

    def boolean(self, node: yaml.Node, what: str) -> bool:
        self._visit(node)
        if node.tag != "tag:yaml.org,2002:bool" or node.value not in ("true", "false"):
            raise self.fail(node, f"{what} must be true or false")
        return bool(node.value == "true")

    def choice(self, node: yaml.Node, what: str, choices: Sequence[str]) -> str:
        value = self.string(node, what)
        if value not in choices:
            raise self.fail(node, f"{what} must be one of {', '.join(choices)}; got {value!r}")
        return value

    def identifier(self, node: yaml.Node, what: str) -> str:
        value = self.string(node, what)
        if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
            raise self.fail(node, f"{what} {value!r} must be lower_snake_case")
        return value

    def items(
        self,
        node: yaml.Node,
        what: str,
        read: Callable[[yaml.Node], T],
        allow_empty: bool = True,
    ) -> tuple[T, ...]:
        """Read every item of a list, recording all bad items before giving up."""
        values: list[T] = []
        bad = False
        for item in self.sequence(node, what, allow_empty):
            try:
                values.append(read(item))
            except Invalid:
                bad = True
        if bad:
            raise Invalid(what)
        return tuple(values)

    def strings(self, node: yaml.Node, what: str, allow_empty: bool = True) -> tuple[str, ...]:
        return self.items(node, what, lambda item: self.string(item, f"{what} item"), allow_empty)
