"""The loaded bundle (content, checks, outlines) as plain JSON data, and back.

Plain JSON, never pickle: nothing in a cache can run. A record is a list of its
fields in order, not an object: the cache is a seventh smaller and parses in half
the time (3.5 against 7 ms for the shipped content). decode() trusts nothing:
a record of the wrong length, a field not of the type the content model gives
it, an outline's command without its count of finite numbers raises, and the
caller loads the content afresh. Checking every field costs about 1 ms of the
start (decode 2.4 -> 3.5 ms for the shipped content).

The conditions and the sources (two thirds of the cache) are not needed before the
window's first paint: they are kept in a part of their own (READ_LATER), read the
first time either is used (ReadLater), and each record is made and checked the first
time it is asked for (RecordsReadLater). Found damaged then, they are taken from the
content loaded afresh, by the caller's rebuild().
"""

from __future__ import annotations

import functools
import json
import math
import threading
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from viewer import collector
from viewer.bundle import Bundle
from viewer.content.model import (
    Atlas,
    Condition,
    Problem,
    Region,
    Rule,
    Source,
)
from viewer.diagram.outline import ARITY, Drawing, Outline, PathCommand

R = TypeVar("R", bound=NamedTuple)
# The atlas's records kept in the cache's second part, read when first used.
READ_LATER = ("conditions", "sources")
Convert = Callable[[Any], Any]


def _plain(value: Any) -> Any:
    """Records (named tuples) and tuples as JSON-ready lists, recursively."""
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise ValueError("a cached list is not one")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise ValueError("a cached list of texts is not a list")
    "".join(value)  # anything but a text raises TypeError (the quickest check: 80 ns a list)
    return tuple(value)


def _finite(value: Any) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("a cached number is not finite")
    return number


def _records(make: Convert) -> Convert:
    return lambda value: tuple(map(make, _list(value)))


# A field's type in the content model: the JSON types it may have in the cache (the
# first the one the cache is written with), and how it is converted (None: as it is).
Field = tuple[tuple[type, ...], Convert | None]
_SCALARS: dict[Any, Field] = {
    str: ((str,), None),
    bool: ((bool,), None),
    int: ((int,), None),
    float: ((float, int), _finite),
    type(None): ((type(None),), None),
}


def _field(annotation: Any) -> Field:
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is types.UnionType:  # str | None
        return tuple(t for arg in args for t in _SCALARS[arg][0]), None
    if origin is tuple and args[1:] == (Ellipsis,):
        return (list,), _texts if args[0] is str else _records(_record(args[0]))
    if hasattr(annotation, "_fields"):  # a record within the record
        return (list,), _record(annotation)
    raise TypeError(f"the cache cannot hold a {annotation!r}")


@functools.cache
def _record(kind: type[R]) -> Callable[[Any], R]:
    """A maker of kind from the list of its fields, each of the type the content model
    gives it (its annotation): anything else raises, and the cache is rebuilt. A text
    where a list belongs was read as single letters; a number where a text belongs
    crashed the window's start."""
    hints = kind.__annotations__  # objects, not strings: the model has no future import
    fields = [_field(hints[name]) for name in kind._fields]
    count = len(fields)
    usual = tuple(allowed[0] for allowed, _ in fields)
    converted = tuple((index, convert) for index, (_, convert) in enumerate(fields) if convert)

    def make(value: Any) -> R:
        if type(value) is not list or len(value) != count:
            raise ValueError(f"a cached {kind.__name__} has not its {count} fields")
        if tuple(map(type, value)) != usual:  # a None or a whole number: field by field
            for item, (allowed, _) in zip(value, fields, strict=True):
                if type(item) not in allowed:
                    raise ValueError(f"a cached {kind.__name__} has a field of the wrong type")
        if converted:
            value = value.copy()
            for index, convert in converted:
                value[index] = convert(value[index])
        return kind._make(value)

    return make


_condition = _record(Condition)
_region = _record(Region)
_rule = _record(Rule)
_source = _record(Source)
_problem = _record(Problem)


def _by_id(make: Callable[[Any], R], value: Any) -> Mapping[str, R]:
    return {record.id: record for record in map(make, _list(value))}  # type: ignore[attr-defined]


def encode(bundle: Bundle, assets_dirs: list[Path]) -> dict[str, Any]:
    """The bundle as JSON-ready data; its drawings must lie in assets_dirs."""
    atlas = bundle.atlas
    return {
        "regions": [_plain(r) for r in atlas.regions.values()],
        "conditions": [_plain(c) for c in atlas.conditions.values()],
        "sources": [_plain(s) for s in atlas.sources.values()],
        "rules": [_plain(r) for r in atlas.rules.values()],
        # A drawing as (which drawings folder, file name): the cache may be read on
        # another machine (the prebuilt one ships in the wheel and the bundle).
        "drawings": {
            view: [assets_dirs.index(path.parent), path.name]
            for view, path in bundle.drawings.items()
        },
        "shapes": bundle.shapes,
        "problems": [_plain(p) for p in bundle.problems],
        "geometry": {
            view: {
                "width": drawing.width,
                "height": drawing.height,
                "outlines": {r: outline.commands for r, outline in drawing.outlines.items()},
            }
            for view, drawing in bundle.geometry.items()
        },
    }


# What a damaged cache raises when it is read or a record is made from it.
DAMAGE = (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError)


class ReadLater:
    """The cache's second part (READ_LATER's records, as JSON), read once, the first time
    one of its records is asked for, on whichever thread asks first: each record's fields
    by id, or None if the part cannot be read. The content loaded afresh (afresh(), by the
    caller's rebuild()) stands in for a part or a record found damaged."""

    def __init__(self, part: bytes, rebuild: Callable[[], Atlas]) -> None:
        self._part = part
        self._rebuild = rebuild
        self._lock = threading.Lock()
        self._rebuild_lock = threading.Lock()
        self._atlas: Atlas | None = None  # the content loaded afresh, if it had to be
        self._fields: dict[str, dict[str, list[Any]]] | None = None
        self.is_read = False

    def read(self) -> dict[str, dict[str, list[Any]]] | None:
        with self._lock:
            if not self.is_read:
                # Lists that live until their records are made: the collector need not walk them.
                collector.hold("content read later")
                try:
                    d = _object(json.loads(self._part))
                    self._fields = {
                        "conditions": _fields_by_id(Condition, d["conditions"]),
                        "sources": _fields_by_id(Source, d["sources"]),
                    }
                except DAMAGE:
                    self._fields = None
                finally:
                    collector.release("content read later")
                self.is_read = True
                self._part = b""
            return self._fields

    def afresh(self) -> Atlas:
        """The content loaded afresh, once: the part, or a record in it, is damaged."""
        with self._rebuild_lock:
            if self._atlas is None:
                self._atlas = self._rebuild()
            return self._atlas


def _fields_by_id(kind: type[NamedTuple], value: Any) -> dict[str, list[Any]]:
    """Each cached record's fields by its id, checked for their count and the id alone."""
    count, at = len(kind._fields), kind._fields.index("id")
    by_id: dict[str, list[Any]] = {}
    for fields in _list(value):
        if type(fields) is not list or len(fields) != count or type(fields[at]) is not str:
            raise ValueError(f"a cached {kind.__name__} has not its {count} fields and an id")
        by_id[fields[at]] = fields
    return by_id


class RecordsReadLater(Mapping[str, R]):
    """One kind of record of the cache's second part (ReadLater), by id, each made from its
    cached fields, and checked, the first time it is asked for: a page wants a few of the
    93 conditions, and making them all took 2 to 2.8 ms of a start reopened on a region.
    The ids, their count and `in` make none. A record found damaged then, or a part that
    cannot be read: from that moment on every record is the content's loaded afresh."""

    def __init__(self, part: ReadLater, name: str, make: Callable[[Any], R]) -> None:
        self._part = part
        self._name = name
        self._make = make
        self._fields: dict[str, list[Any]] = {}  # of the records not made yet, by id
        self._ids: dict[str, None] | None = None  # every id, in the cache's order, once read
        self._made: dict[str, R] = {}
        self._fresh: Mapping[str, R] | None = None  # the content loaded afresh, if it had to be
        self._lock = threading.Lock()  # the search index's thread asks too

    def _load(self) -> None:
        """Under the lock: the part read, if it is not yet."""
        if self._ids is None and self._fresh is None:
            read = self._part.read()
            if read is None:
                self._use_fresh()
            else:
                self._fields = read[self._name]
                self._ids = dict.fromkeys(self._fields)

    def _use_fresh(self) -> None:
        self._fresh = getattr(self._part.afresh(), self._name)

    def __getitem__(self, key: str) -> R:
        if self._fresh is not None:
            return self._fresh[key]
        made = self._made.get(key)
        if made is not None:
            return made
        with self._lock:
            self._load()
            made = self._made.get(key)
            if made is None and self._fresh is None:
                fields = self._fields[key]  # not an id: KeyError, as a dict raises
                try:
                    made = self._make(fields)
                except DAMAGE:
                    self._use_fresh()
                else:
                    self._made[key] = made  # before it leaves _fields: always in one
                    del self._fields[key]
        return made if made is not None else self._fresh[key]  # type: ignore[index]

    def _keys(self) -> Mapping[str, object]:
        if self._ids is None and self._fresh is None:
            with self._lock:
                self._load()
        return self._fresh if self._fresh is not None else self._ids  # type: ignore[return-value]

    def __contains__(self, key: object) -> bool:
        return key in self._keys()

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    @property
    def is_read(self) -> bool:
        return self._part.is_read

    def __repr__(self) -> str:
        return f"RecordsReadLater({self._name}, read={self.is_read})"


def decode(d: dict[str, Any], assets_dirs: list[Path], later: ReadLater) -> Bundle:
    """A bundle from encode()'s data but READ_LATER's records, which are in later, read
    when first used; anything malformed in d raises (the caller rebuilds)."""
    atlas = Atlas(
        regions=_by_id(_region, d["regions"]),
        conditions=RecordsReadLater[Condition](later, "conditions", _condition),
        sources=RecordsReadLater[Source](later, "sources", _source),
        rules=_by_id(_rule, d["rules"]),
    )
    geometry = {view: _geometry(g) for view, g in _object(d["geometry"]).items()}
    drawings = {
        view: _drawing(where, assets_dirs) for view, where in _object(d["drawings"]).items()
    }
    shapes = {view: list(_texts(ids)) for view, ids in _object(d["shapes"]).items()}
    if not drawings.keys() == geometry.keys() == shapes.keys():
        raise ValueError("the cached views' drawings, outlines and shapes differ")
    return Bundle(
        atlas=atlas,
        drawings=drawings,
        shapes=shapes,
        problems=[_problem(p) for p in _list(d["problems"])],
        geometry=geometry,
    )


def _geometry(value: Any) -> Drawing:
    g = _object(value)
    outlines = _object(g["outlines"])
    return Drawing(
        width=_size(g["width"]),
        height=_size(g["height"]),
        outlines={region: _outline(region, commands) for region, commands in outlines.items()},
    )


def _object(value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise ValueError("a cached object is not one")
    return value


def _size(value: Any) -> float:
    size = _finite(value)
    if size <= 0:
        raise ValueError("a cached drawing's size is not a size")
    return size


def _outline(region: str, commands: Any) -> Outline:
    """An outline from its cached commands, each a letter and its count of numbers, all
    finite: a path command given the wrong numbers raised in the window's start."""
    decoded: list[PathCommand] = []
    total = 0.0
    for command, values in _list(commands):  # not a pair: raises
        if type(values) is not list or ARITY.get(command) != len(values):
            raise ValueError("a cached path command has not its count of numbers")
        total += sum(values)  # a string raises; infinity or NaN makes the total so
        decoded.append((command, tuple(values)))
    if not math.isfinite(total):
        raise ValueError("a cached outline has a number that is not finite")
    return Outline(region, tuple(decoded))


def _drawing(where: Any, assets_dirs: list[Path]) -> Path:
    index, name = _list(where)
    if not isinstance(name, str) or Path(name).name != name or not name.endswith(".svg"):
        raise ValueError("a cached drawing names a file outside the drawings folder")
    if type(index) is not int or not 0 <= index < len(assets_dirs):
        raise ValueError("a cached drawing is in no drawings folder")
    return assets_dirs[index] / name
