"""PySide6's enums made without the class-body machinery: the same classes, a quarter the time.

Since 6.4, PySide6 turns each Qt enum into a Python enum when its class is first
used, through the functional API: `IntEnum("Key", [("Key_Space", 32), ...])`. On
Python 3.11 that runs the machinery of a class body for every member: a check of
each name as it is stored, then `__set_name__` on each member, which looks for
aliases and for descriptors in the bases. At this app's start PySide6 made 235
enums with 3,220 members this way, in about 40 ms: a quarter of the start (a
bare PySide6 window makes 46 of them, in 13 ms).

For PySide6's enums none of those checks can find anything: the names are plain
public identifiers and the values plain ints. So `enum_from_pairs` makes the
class as CPython's own `enum._simple_enum` does for the standard library's enums
(re, http, signal), in one pass over the pairs, and stores each member in the
class itself, as the functional API does. The 657 enums of the Qt modules the app
uses took 70 ms the usual way and 18 ms this way; the app's start, 10 ms.

The class must be the one the functional API would have made, key for key:
tests/test_pyside_enums.py makes every enum of those modules both ways and
compares the classes' and the members' dictionaries, their order, their aliases,
their flag masks, and how they convert, print and combine.

Only calls of PySide6's exact shape take this path: a list of (name, int) pairs,
no module, qualname or type, start 1, boundary KEEP, no name that is private,
`mro` or an attribute of the enum's base. Anything else is left to `enum`, and so
is every Python but 3.11, the version whose `enum` this mirrors, and a 3.11 whose
`enum` makes another class for one enum of each kind (checked at start, 0.7 ms).
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable
from typing import Any

PYTHON = (3, 11)
BASES = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
_FLAG_OPERATORS = ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__", "__invert__")
ORIGINAL = "_anatomy_viewer_original_create_"  # where the usual `_create_` is kept
# Names a member may not take without a descriptor in the way (the usual path handles those).
_TAKEN = {base: frozenset(key for cls in base.__mro__ for key in vars(cls)) for base in BASES}


def pyside_shaped(etype: type, names: object, options: dict[str, Any]) -> bool:
    """Whether `etype._create_(name, names, **options)` is a call as PySide6 makes them."""
    if etype not in _TAKEN or options != {
        "module": None, "qualname": None, "type": None, "start": 1, "boundary": enum.KEEP
    }:  # fmt: skip
        return False
    if not isinstance(names, list):
        return False
    taken = _TAKEN[etype]
    seen: set[str] = set()
    for pair in names:
        if type(pair) is not tuple or len(pair) != 2:
            return False
        name, value = pair
        if type(name) is not str or type(value) is not int:
            return False
        if not name or name[0] == "_" or name == "mro" or name in taken or name in seen:
            return False
        seen.add(name)
    return True


def enum_from_pairs(
    etype: type[enum.Enum], class_name: str, pairs: list[tuple[str, int]], module: str
) -> Any:
    """The class `etype(class_name, pairs, boundary=KEEP)` makes when called from `module`,
    made as `enum._simple_enum` makes one, with the members stored in the class."""
    flag = issubclass(etype, enum.Flag)
    member_type: type = etype._member_type_  # type: ignore[attr-defined]
    new_member: Callable[..., Any] = member_type.__new__
    use_args: bool = etype._use_args_  # type: ignore[attr-defined]
    member_names: list[str] = []
    member_map: dict[str, Any] = {}
    value_map: dict[int, Any] = {}
    # The keys in the order the usual way stores them (tests/test_pyside_enums.py).
    body: dict[str, Any] = {
        "_generate_next_value_": etype._generate_next_value_,
        "__module__": module,
        "_new_member_": new_member,
        "_use_args_": use_args,
        "_member_names_": member_names,
        "_member_map_": member_map,
        "_value2member_map_": value_map,
        "_unhashable_values_": [],
        "_member_type_": member_type,
        "_value_repr_": etype._value_repr_,  # type: ignore[attr-defined]
    }
    if flag:
        body.update(
            _boundary_=enum.KEEP, _flag_mask_=None, _singles_mask_=None, _all_bits_=None,
            _inverted_=None,
        )  # fmt: skip
    body["__doc__"] = None
    made: Any = type(class_name, (etype,), body, boundary=enum.KEEP if flag else None, _simple=True)
    single_bits = multi_bits = 0
    for name, value in pairs:
        member = value_map.get(value)
        if member is None:  # not an alias of an earlier member
            member = new_member(made, value) if use_args else new_member(made)
            member._value_ = value
            member._name_ = name
            member.__objclass__ = made
            member.__init__(value)
            member._sort_order_ = len(member_names)
            value_map[value] = member
            if not flag:
                member_names.append(name)
            elif value and not value & (value - 1):  # a single bit
                member_names.append(name)
                single_bits |= value
            else:
                multi_bits |= value
        member_map[name] = member
        type.__setattr__(made, name, member)
    for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
        # The mixin's own methods would print and pickle members as plain ints.
        if getattr(made, name) in (getattr(member_type, name), getattr(object, name)):
            type.__setattr__(made, name, getattr(etype, name))
    if flag:
        for name in _FLAG_OPERATORS:
            type.__setattr__(made, name, getattr(enum.Flag, name))
        made._flag_mask_ = single_bits | multi_bits
        made._singles_mask_ = single_bits
        made._all_bits_ = 2 ** ((single_bits | multi_bits).bit_length()) - 1
    made.__new__ = enum.Enum.__new__
    if flag:
        values = [member._value_ for member in made]
        if values != sorted(values):
            made._iter_member_ = made._iter_member_by_def_
    return made


# One enum of each kind PySide6 makes, with what needs care: an alias, values out of
# order, a negative value; for flags a zero and a value of two bits too.
_PROBES: tuple[tuple[type[enum.Enum], list[tuple[str, int]]], ...] = (
    (enum.Enum, [("B", 2), ("A", 1), ("ALSO_A", 1), ("LOW", -1)]),
    (enum.IntEnum, [("B", 2), ("A", 1), ("ALSO_A", 1), ("LOW", -1)]),
    (enum.Flag, [("B", 2), ("A", 1), ("BOTH", 3), ("NONE", 0), ("ALSO_A", 1)]),
    (enum.IntFlag, [("B", 2), ("A", 1), ("BOTH", 3), ("NONE", 0), ("ALSO_A", 1)]),
)


def fingerprint(made: Any) -> list[tuple[object, ...]]:
    """What a class holds, key by key in order, and its members' own attributes."""
    held: list[tuple[object, ...]] = []
    for key, value in vars(made).items():
        if key in made._member_map_:
            attributes = sorted((name, repr(item)) for name, item in vars(value).items())
            held.append((key, repr(value), attributes))
        elif callable(value) or isinstance(value, (classmethod, staticmethod, property)):
            held.append((key, getattr(value, "__qualname__", type(value).__name__)))
        else:
            held.append((key, repr(value)))
    held.append(("iterated", [member._name_ for member in made]))
    return held


def same_as_usual(usual: Callable[..., Any]) -> bool:
    """Whether `enum_from_pairs` makes on this Python what `usual` (the functional API's
    `_create_`) makes, for one enum of each kind: checked once, before it is used."""
    options = {"qualname": None, "type": None, "start": 1, "boundary": enum.KEEP}
    for etype, pairs in _PROBES:
        made = usual(etype, "Probe", list(pairs), module=__name__, **options)
        if fingerprint(made) != fingerprint(enum_from_pairs(etype, "Probe", list(pairs), __name__)):
            return False
    return True


def make_enums_quickly() -> bool:
    """Route PySide6-shaped enum creation through `enum_from_pairs`: called before anything
    imports PySide6. True if installed now.

    A process that imported PySide6 before (a script of its own, the bench's bare window)
    is left as it is: its enums are made the usual way. So is a Python whose `enum` makes
    another class than `enum_from_pairs` for one enum of each kind (same_as_usual)."""
    meta: Any = enum.EnumType
    if sys.version_info[:2] != PYTHON or hasattr(meta, ORIGINAL) or "shiboken6" in sys.modules:
        return False
    original = meta._create_
    if not same_as_usual(original):
        return False

    def _create_(cls: Any, class_name: str, names: Any = None, **options: Any) -> Any:
        if pyside_shaped(cls, names, options):
            # As the functional API names it: the module of the frame that called Enum(...);
            # with none (called from C alone), the usual way makes it unpicklable.
            try:
                caller = sys._getframe(2).f_globals.get("__name__")
            except ValueError:
                caller = None
            if isinstance(caller, str):
                return enum_from_pairs(cls, class_name, names, caller)
        return original(cls, class_name, names, **options)

    setattr(meta, ORIGINAL, original)
    meta._create_ = _create_
    return True
