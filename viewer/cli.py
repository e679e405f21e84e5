"""The command line: the window by default, plus list, show, search, check, screenshot,
handout, notes and rules.

GUI modules are imported only by the commands that need them, so the text
commands start fast and work without a display. Qt's own options (-style
fusion ...) are passed to Qt. Everything printed from content has its control
characters escaped (viewer/terminal.py).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from viewer import collector
from viewer.bundle import Bundle, load_bundle
from viewer.cli_args import PROG, UsageError, resolve_region, split_qt_args
from viewer.terminal import safe, safe_json

if TYPE_CHECKING:
    import argparse


def say(text: str = "") -> None:
    """Print content as text a terminal cannot be driven by (control characters escaped)."""
    sys.stdout.write(safe(text) + "\n")


def say_json(value: object) -> None:
    sys.stdout.write(safe_json(json.dumps(value, indent=2, ensure_ascii=False)) + "\n")


def warn(text: str) -> None:
    print(safe(f"{PROG}: {text}"), file=sys.stderr)


def _warn_problems(bundle: Bundle) -> None:
    if bundle.problems:
        count = len(bundle.problems)
        warn(f"warning: {count} content problem(s); run '{PROG} check'")


def region_id(bundle: Bundle, text: str) -> str:
    """The region meant by an id, name or alias in any case, or a usage error that
    names the closest ones."""
    found, close = resolve_region(bundle.atlas, text)
    if found:
        return found
    hint = f"; did you mean {', '.join(close)}?" if close else f" (try '{PROG} list')"
    raise UsageError(f"unknown region {text!r}{hint}")


def _opened_at(data: Path | None, region: str, view: str) -> tuple[Bundle, str]:
    """The content with outlines (cached), and the region asked for as an id: what the
    window and a screenshot open on, the view checked to show it."""
    from viewer.bundle_cache import load_bundle_cached

    bundle = load_bundle_cached(data, layered=True)
    region = region_id(bundle, region) if region else ""
    _known(bundle, region, view)
    return bundle, region


def _known(bundle: Bundle, region: str, view: str | None) -> None:
    if view and view not in bundle.drawings:
        known = ", ".join(bundle.drawings) or "none"
        raise UsageError(f"unknown view {view!r} (views: {known})")
    if region and view and view not in bundle.views_of(region):
        raise UsageError(f"region {region!r} is not drawn in view {view!r}")


def _check(directory: Path | None) -> int:
    if directory is not None and not directory.is_dir():
        raise UsageError(f"not a directory: {directory}")
    bundle = load_bundle(directory, with_outlines=True, layered=True)
    for problem in bundle.problems:
        say(str(problem))
    if bundle.problems:
        print(f"{len(bundle.problems)} problem(s)", file=sys.stderr)
        return 1
    atlas = bundle.atlas
    say(
        f"ok: {len(atlas.regions)} regions, {len(atlas.conditions)} conditions, "
        f"{len(atlas.rules)} rules, {len(atlas.sources)} sources, {len(bundle.drawings)} drawings"
    )
    return 0


def _text_command(args: argparse.Namespace) -> int:
    from viewer import cli_commands as run

    bundle = load_bundle(args.data, layered=True)
    _warn_problems(bundle)
    if args.command == "list":
        return run.list_regions(bundle, args.json)
    if args.command == "search":
        if args.limit < 1:
            raise UsageError("--limit must be at least 1")
        return run.search(bundle, " ".join(args.query), args.limit, args.json)
    if args.command == "rules":
        return run.rules(bundle, args.json)
    if args.command == "notes":
        return run.notes(bundle, args)
    return run.show(bundle, region_id(bundle, args.id), args.side or "", args.json)


def _run(args: argparse.Namespace, qt_args: list[str]) -> int:
    if args.command == "check":
        return _check(args.dir or args.data)
    if args.data is not None and not args.data.is_dir():
        raise UsageError(f"not a directory: {args.data}")
    if args.command in ("list", "show", "search", "rules", "notes"):
        return _text_command(args)
    if args.command == "handout":
        from viewer import cli_commands as run
        from viewer.bundle_cache import load_bundle_cached

        bundle = load_bundle_cached(args.data, layered=True)
        region = region_id(bundle, args.region)
        return run.handout(bundle, region, args.condition, args.side, args.out)
    if args.command == "screenshot":
        return _screenshot(args, qt_args)
    return _window(args.data, args.region or "", args.view or "", args.side or "", qt_args)


def _screenshot(args: argparse.Namespace, qt_args: list[str]) -> int:
    from PySide6.QtCore import QSize

    from viewer.ui.app import screenshot

    bundle, region = _opened_at(args.data, getattr(args, "region", None) or "", args.view or "")
    screenshot(bundle, args.out, QSize(*args.size), region, args.view or "", args.side, qt_args)
    say(str(args.out))
    return 0


def _window(data: Path | None, region: str, view: str, side: str, qt_args: list[str]) -> int:
    # Off until the window has started (released by viewer/ui/app.py): what the start
    # makes lives as long as the app, and the collector would walk it for nothing.
    collector.hold("start")
    try:
        bundle, region = _opened_at(data, region, view)
        display = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        no_display = not any(os.environ.get(name) for name in display)
        if sys.platform.startswith("linux") and no_display:
            if not any(arg.startswith("-platform") for arg in qt_args):
                # Qt would abort with a core dump; say what is wrong instead.
                warn(
                    "error: no display to open the window on (DISPLAY is not set); "
                    f"'{PROG} screenshot OUT.png' works without one"
                )
                return 1
        from viewer.ui.app import run_window

        return run_window(bundle, region, view, side, qt_args)
    finally:
        collector.release("start")  # if the window never started, or closed within 250 ms


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show some character gets an escape, not a traceback.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    ours, qt_args = split_qt_args(sys.argv[1:] if argv is None else argv)
    try:
        if not ours:  # the usual start: straight to the window, no grammar to build
            return _window(None, "", "", "", qt_args)
        from viewer.cli_parser import build_parser

        args = build_parser().parse_args(ours)
        if not hasattr(args, "view"):
            args.view = None
        return _run(args, qt_args)
    except UsageError as error:
        warn(f"error: {error}")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        warn(f"error: {error}")
        return 1
