"""The command line's words: Qt's own options kept apart, and region names resolved."""

from __future__ import annotations

from collections.abc import Sequence

from viewer.content.model import Atlas

PROG = "anatomy-viewer"

# Qt's standard options (QApplication, QGuiApplication): passed to Qt, never to argparse.
QT_OPTIONS_WITH_VALUE = frozenset(
    {
        "style", "stylesheet", "platform", "platformpluginpath", "platformtheme", "plugin",
        "qwindowgeometry", "qwindowicon", "qwindowtitle", "qwindowscreen", "geometry", "title",
        "display", "session", "name", "fontengine", "qmljsdebugger",
    }
)  # fmt: skip
QT_FLAGS = frozenset({"reverse", "nograb", "dograb", "sync", "widgetcount", "testability"})


class UsageError(Exception):
    """Bad arguments or unknown ids: one line on stderr, exit code 2."""


def split_qt_args(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(our arguments, Qt's arguments): -style fusion, --style=fusion, -reverse ..."""
    ours: list[str] = []
    qt: list[str] = []
    args = list(argv)
    index = 0
    while index < len(args):
        arg = args[index]
        name, equals, _value = arg.lstrip("-").partition("=")
        if arg.startswith("-") and arg != "-" and not arg.startswith("---"):
            if name in QT_OPTIONS_WITH_VALUE:
                qt.append(f"-{name}" + (f"={_value}" if equals else ""))
                if not equals and index + 1 < len(args):
                    qt.append(args[index + 1])
                    index += 1
                index += 1
                continue
            if name in QT_FLAGS and not equals:
                qt.append(f"-{name}")
                index += 1
                continue
        ours.append(arg)
        index += 1
    return ours, qt


def resolve_region(atlas: Atlas, text: str) -> tuple[str, list[str]]:
    """(region id, []) for an id, name or alias in any case; else ("", close ids)."""
    wanted = " ".join(text.replace("_", " ").split()).casefold()
    if not wanted:
        return "", []
    names: dict[str, str] = {}
    for region in atlas.in_catalogue_order():
        for name in (region.id.replace("_", " "), region.name, *region.aliases):
            names.setdefault(name.casefold(), region.id)
    if wanted in names:
        return names[wanted], []
    import difflib  # only for a name not found: not on the usual start

    close = difflib.get_close_matches(wanted, list(names), n=6, cutoff=0.6)
    return "", list(dict.fromkeys(names[name] for name in close))
