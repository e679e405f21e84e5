"""PySide6's enums made quickly (viewer/pyside_enums.py) are the classes the usual way makes.

Every enum of the Qt modules the app uses is made both ways, from its own members,
and the two classes are compared whole. The probes that watch the window's start
run in processes of their own: the enums matter only to the process that makes
them first.
"""

from __future__ import annotations

import enum
import importlib
import pickle
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from app_probe import run_probe

from viewer.pyside_enums import (
    ORIGINAL,
    PYTHON,
    enum_from_pairs,
    pyside_shaped,
    same_as_usual,
)

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] != PYTHON, reason="enums are made the usual way on this Python"
)

# The Qt modules the app imports.
MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport")
KEEP = {"module": None, "qualname": None, "type": None, "start": 1, "boundary": enum.KEEP}


def pyside_enums() -> list[enum.EnumType]:
    found: dict[int, enum.EnumType] = {}

    def walk(owner: object, depth: int) -> None:
        for name in dir(owner):
            value = getattr(owner, name, None)
            if isinstance(value, enum.EnumType):
                found.setdefault(id(value), value)
            elif isinstance(value, type) and depth < 2 and value.__module__.startswith("PySide6"):
                walk(value, depth + 1)

    for module in MODULES:
        walk(importlib.import_module(f"PySide6.{module}"), 0)
    return list(found.values())


def base_of(made: enum.EnumType) -> type[enum.Enum]:
    return next(b for b in made.__mro__ if b in (enum.IntFlag, enum.Flag, enum.IntEnum, enum.Enum))


def shown(value: object) -> object:
    return value.__qualname__ if isinstance(value, type) else repr(value)


def outcome(call: Callable[[], object]) -> str:
    try:
        return repr(call())
    except Exception as error:  # noqa: BLE001 - the error's kind is what is compared
        return f"raises {type(error).__name__}"


def described(made: Any) -> dict[str, object]:
    """All a class holds and does, in a form two classes can be compared by."""
    members = made._member_map_
    about: dict[str, object] = {}
    for key, value in made.__dict__.items():
        if key in members:
            about[key] = ("member", value._name_, value._value_, type(value).__qualname__,
                          sorted((k, shown(v)) for k, v in value.__dict__.items()))  # fmt: skip
        elif key == "_member_map_":
            about[key] = [(name, member._name_) for name, member in value.items()]
        elif key == "_value2member_map_":
            about[key] = sorted((number, member._name_) for number, member in value.items())
        elif callable(value) or isinstance(value, (classmethod, staticmethod, property)):
            about[key] = ("callable", type(value).__name__, getattr(value, "__qualname__", None))
        else:
            about[key] = repr(value)
    about["@keys in order"] = list(made.__dict__)
    about["@bases"] = [shown(b) for b in made.__mro__]
    about["@iterated"] = [member._name_ for member in made]
    about["@names"] = [(str(m), repr(m), format(m), outcome(lambda m=m: int(m))) for m in made]  # type: ignore[misc]
    values = [member._value_ for member in members.values()]
    unknown = max(values, default=0) * 2 + 3
    about["@by value"] = [outcome(lambda v=v: made(v)) for v in [*values, unknown, -1, 0]]  # type: ignore[misc]
    if issubclass(made, enum.Flag):
        firsts = list(made)[:6]
        about["@inverted"] = [outcome(lambda m=m: ~m) for m in firsts]  # type: ignore[misc]
        about["@combined"] = [outcome(lambda a=a, b=b: a | b) for a in firsts for b in firsts]  # type: ignore[misc]
    return about


def usual(etype: type[enum.Enum], name: str, pairs: list[tuple[str, int]], module: str) -> Any:
    return usual_create()(etype, name, pairs, **{**KEEP, "module": module})


def both_ways(made: enum.EnumType) -> Iterator[dict[str, object]]:
    pairs = [(name, member._value_) for name, member in made.__members__.items()]
    yield described(usual(base_of(made), made.__name__, list(pairs), __name__))
    yield described(enum_from_pairs(base_of(made), made.__name__, list(pairs), __name__))


def test_every_enum_of_the_apps_qt_modules_is_the_class_the_usual_way_makes() -> None:
    everything = pyside_enums()
    assert len(everything) > 600  # QtCore, QtGui and QtWidgets alone hold more
    assert sum(len(made.__members__) for made in everything) > 6000
    differ = []
    for made in everything:
        usual_class, quick_class = both_ways(made)
        if usual_class != quick_class:
            keys = [
                k for k in {*usual_class, *quick_class} if usual_class.get(k) != quick_class.get(k)
            ]
            differ.append(f"{made.__module__}.{made.__qualname__}: {sorted(keys)}")
    assert differ == []


def test_the_comparison_tells_a_member_behind_a_property_from_the_member_itself() -> None:
    """`enum._simple_enum` reaches each member through a property, where the usual way keeps
    the member in the class: the comparison above must see that."""
    from PySide6.QtCore import Qt

    pairs = [(name, member._value_) for name, member in Qt.AlignmentFlag.__members__.items()]
    holder = type("AlignmentFlag", (), {**dict(pairs), "__module__": __name__})
    simple = enum._simple_enum(enum.IntFlag, boundary=enum.KEEP)(holder)  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        described(simple)  # a property where a member is expected
    assert next(both_ways(Qt.AlignmentFlag)) == described(
        enum_from_pairs(enum.IntFlag, "AlignmentFlag", pairs, __name__)
    )


def test_pyside_enums_still_pickle_combine_and_convert() -> None:
    from PySide6.QtCore import Qt

    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    assert pickle.loads(pickle.dumps(align)) == align
    assert pickle.loads(pickle.dumps(Qt.Key.Key_A)) is Qt.Key.Key_A
    assert Qt.Key(65) is Qt.Key.Key_A
    assert Qt.Key.Key_Any is Qt.Key.Key_Space
    assert Qt.AlignmentFlag.__module__ == "PySide6.QtCore"
    assert Qt.AlignmentFlag.__qualname__ == "Qt.AlignmentFlag"


@pytest.mark.parametrize(
    ("names", "options"),
    [
        ("A B", KEEP),  # names in a string
        (["A", "B"], KEEP),  # names without values
        ({"A": 1}, KEEP),  # a mapping
        ([("A", "1")], KEEP),  # a value that is not an int
        ([("A", True)], KEEP),  # an int's subclass
        ([("_A", 1)], KEEP),  # a private name
        ([("name", 1)], KEEP),  # an attribute of the base: the usual way makes a redirect
        ([("mro", 1)], KEEP),  # a name the usual way refuses
        ([("A", 1), ("A", 2)], KEEP),  # a name twice: the usual way raises
        ([("A", 1)], {**KEEP, "module": "elsewhere"}),
        ([("A", 1)], {**KEEP, "qualname": "Outer.X"}),
        ([("A", 1)], {**KEEP, "boundary": enum.STRICT}),
        ([("A", 1)], {**KEEP, "start": 0}),
        ((("A", 1),), KEEP),  # a tuple of pairs
    ],
)
def test_calls_of_any_other_shape_are_left_to_enum(names: object, options: dict) -> None:  # type: ignore[type-arg]
    assert pyside_shaped(enum.Flag, [("A", 1)], KEEP)
    assert not pyside_shaped(enum.Flag, names, options)


def test_an_enum_of_pysides_shape_is_named_after_the_module_that_made_it() -> None:
    made = enum.IntEnum("Local", [("ONE", 1), ("UNO", 1), ("TWO", 2)], boundary=enum.KEEP)
    assert made.__module__ == __name__
    assert list(made.__members__) == ["ONE", "UNO", "TWO"]
    assert made.UNO is made.ONE


MADE_QUICKLY = (
    "import enum, sys\n"
    "import viewer.ui\n"  # as the window's start does
    "from viewer import pyside_enums\n"
    "quick, every = [], []\n"
    "real_quick, real_create = pyside_enums.enum_from_pairs, enum.EnumType._create_\n"
    "def counted_quick(etype, name, pairs, module):\n"
    "    quick.append(name)\n"
    "    return real_quick(etype, name, pairs, module)\n"
    "def counted_create(cls, name, names=None, **options):\n"
    "    every.append(name)\n"
    "    return real_create(cls, name, names, **options)\n"
    "pyside_enums.enum_from_pairs = counted_quick\n"
    "enum.EnumType._create_ = counted_create\n"
    "from PySide6.QtCore import Qt\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(['probe'])\n"
    "window = QMainWindow()\n"
    "print(len(quick), len(every), 'Key' in quick, Qt.Key.Key_A.value)\n"
)


def test_the_windows_start_makes_every_pyside_enum_quickly(tmp_path: Path) -> None:
    quick, every, has_key, key_a = run_probe(MADE_QUICKLY, tmp_path).split()
    assert int(quick) > 100
    assert quick == every  # none the usual way
    assert (has_key, key_a) == ("True", "65")


def test_a_process_that_imported_pyside_first_keeps_the_usual_enums(tmp_path: Path) -> None:
    """As the bench's bare window does: it imports PySide6, then the bench's hook in viewer.ui."""
    out = run_probe(
        "import enum\nimport PySide6.QtWidgets\nimport viewer.ui\n"
        "from viewer.pyside_enums import ORIGINAL\nprint(hasattr(enum.EnumType, ORIGINAL))",
        tmp_path,
    )
    assert out.split() == ["False"]


def test_another_python_keeps_the_usual_enums(tmp_path: Path) -> None:
    out = run_probe(
        "import enum\nfrom viewer import pyside_enums\npyside_enums.PYTHON = (3, 99)\n"
        "print(pyside_enums.make_enums_quickly(), hasattr(enum.EnumType, pyside_enums.ORIGINAL))",
        tmp_path,
    )
    assert out.split() == ["False", "False"]


def test_the_tests_run_with_the_enums_the_window_has() -> None:
    """tests/conftest.py installs it before pytest-qt imports PySide6, as the app does."""
    from PySide6.QtWidgets import QTabWidget

    assert hasattr(enum.EnumType, ORIGINAL)
    assert QTabWidget.TabPosition.__dict__["North"] is QTabWidget.TabPosition.North


def usual_create() -> Callable[..., Any]:
    return getattr(enum.EnumType, ORIGINAL, None) or enum.EnumType._create_  # type: ignore[attr-defined]


def test_the_check_at_start_finds_this_pythons_enums_made_alike() -> None:
    assert same_as_usual(usual_create())


def test_the_check_at_start_tells_a_class_that_differs() -> None:
    """Another Python's `enum` could make its classes otherwise: then the usual way is kept."""

    def with_more(*args: Any, **options: Any) -> Any:
        made = usual_create()(*args, **options)
        type.__setattr__(made, "_added_by_a_later_python_", None)
        return made

    def with_properties(etype: type[enum.Enum], name: str, pairs: list, **options: Any) -> Any:  # type: ignore[type-arg]
        holder = type(name, (), {**dict(pairs), "__module__": options["module"]})
        flag = issubclass(etype, enum.Flag)
        return enum._simple_enum(etype, boundary=enum.KEEP if flag else None)(holder)  # type: ignore[attr-defined]

    assert not same_as_usual(with_more)
    assert not same_as_usual(with_properties)


def test_a_python_whose_enums_differ_keeps_the_usual_ones(tmp_path: Path) -> None:
    out = run_probe(
        "import enum\nfrom viewer import pyside_enums\n"
        "quick = pyside_enums.enum_from_pairs\n"
        "def other(etype, name, pairs, module):\n"
        "    made = quick(etype, name, pairs, module)\n"
        "    made._sort_order_of_another_kind_ = 1\n"
        "    return made\n"
        "pyside_enums.enum_from_pairs = other\n"
        "print(pyside_enums.make_enums_quickly(), hasattr(enum.EnumType, pyside_enums.ORIGINAL))",
        tmp_path,
    )
    assert out.split() == ["False", "False"]


def test_an_enum_made_with_no_python_frame_above_is_left_to_enum(tmp_path: Path) -> None:
    """Called with no frame two up (here, at a script's top level; from C alone in PySide6),
    there is no module to name it after: the usual way then makes it."""
    out = run_probe(
        "import enum\nimport viewer.ui\n"
        "made = enum.EnumType._create_(enum.IntEnum, 'Alone', [('A', 1)], module=None,"
        " qualname=None, type=None, start=1, boundary=enum.KEEP)\n"
        "print(made.A.value, made.__module__)",
        tmp_path,
    )
    assert out.split()[0] == "1"
