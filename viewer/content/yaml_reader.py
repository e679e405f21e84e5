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
from viewer.paths import FileTooLarge, read_limited
from viewer.terminal import has_control

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - only without libyaml
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
# Work budgets: every item is laid out when its page opens. A field's list holds
# a dozen lines, a file's list (of regions or sources) a few hundred records.
MAX_ITEMS = 100
MAX_RECORDS = 2000
MAX_STRING = 5000  # characters in one text: a summary is a few hundred
# Qt lays out an unbroken run of characters in quadratic time: 20,000 take 23 ms,
# a pasted 1 MB data URI takes minutes and freezes the window. Prose needs no such run.
MAX_RUN = 2000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
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

T = TypeVar("T")


class Invalid(Exception):
    """A value that cannot be used; the problem is already recorded."""


def _location_of_offset(name: str, text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(name, line, col)


def _check_events(name: str, text: str) -> Problem | None:
    """Walk the parser's events (no recursion there) before composing, which recurses.

    libyaml's composer crashes the process at tens of thousands of levels, and
    `- - - ...` on one line nests as deep as any brackets. Content needs no
    anchors or aliases, and an alias bomb explodes when walked: refuse them here.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        assert mark is not None  # the parser marks every event
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return Problem(
                Location(name, mark.line + 1, mark.column + 1),
                "anchors and aliases are not allowed",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(
                    Location(name, mark.line + 1, mark.column + 1),
                    f"nesting deeper than {MAX_DEPTH} levels",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def read_text(path: Path, name: str) -> tuple[str | None, Problem | None]:
    """The file's text, or the reason it cannot be read."""
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except FileTooLarge as error:
        return None, Problem(Location(name), f"file is {error}; the limit is {MAX_FILE_BYTES:,}")
    except OSError as error:
        return None, Problem(Location(name), f"cannot read file: {error.strerror or error}")
    # A byte-order mark is harmless (editors on Windows add one): skip it, say nothing.
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
    try:
        problem = _check_events(name, text)
        if problem is not None:
            return None, problem
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        context = error.context or ""
        started = error.context_mark
        if context and started is not None and started is not mark:
            # libyaml marks where it gave up (often the next line); say where it began too.
            context += f" (at {started.line + 1}:{started.column + 1})"
        message = " ".join(part for part in (context, error.problem) if part)
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

    def sequence(
        self, node: yaml.Node, what: str, allow_empty: bool = True, limit: int = MAX_ITEMS
    ) -> list[yaml.Node]:
        self._visit(node)
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list")
        if not allow_empty and not node.value:
            raise self.fail(node, f"{what} must not be empty")
        if len(node.value) > limit:
            raise self.fail(
                node, f"{what} has {len(node.value):,} items (the limit is {limit:,}): split it"
            )
        return list(node.value)

    def string(self, node: yaml.Node, what: str) -> str:
        self._visit(node)
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            raise self.fail(node, f"{what} must be text")
        text = str(node.value).strip()
        if not text:
            raise self.fail(node, f"{what} must not be empty")
        if len(text) > MAX_STRING:
            raise self.fail(
                node, f"{what} is {len(text):,} characters long (the limit is {MAX_STRING:,})"
            )
        control = has_control(text)
        if control >= 0:
            code = ord(text[control])
            raise self.fail(
                node, f"{what} holds a control character (U+{code:04X}) at character "
                f"{control + 1}: content is plain text"
            )  # fmt: skip
        run = _LONG_RUN.search(text)
        if run is not None:
            raise self.fail(
                node,
                f"{what} has {len(run.group()):,} characters without a space (the limit is "
                f"{MAX_RUN:,}); content is text, not pasted data",
            )
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
