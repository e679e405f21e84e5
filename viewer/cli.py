"""The command line: the window by default, plus list, show, search, check, screenshot,
handout, notes and rules.

GUI modules are imported only by the commands that need them, so the text
commands start fast and work without a display. Qt's own options (-style
fusion ...) are passed to Qt. Everything printed from content has its control
characters escaped (viewer/terminal.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from viewer import __version__
from viewer.bundle import Bundle, load_bundle
from viewer.cli_args import resolve_region, split_qt_args
from viewer.terminal import safe, safe_json

PROG = "anatomy-viewer"
SIDES = ("right", "left")
DESCRIPTION = (
    "Offline reference for the lower limb: click a region, read its conditions. "
    "Without a command, the window opens (Qt's own options, such as -style fusion, "
    "are passed to it)."
)


def say(text: str = "") -> None:
    """Print content as text a terminal cannot be driven by (control characters escaped)."""
    sys.stdout.write(safe(text) + "\n")


def say_json(value: object) -> None:
    sys.stdout.write(safe_json(json.dumps(value, indent=2, ensure_ascii=False)) + "\n")


def warn(text: str) -> None:
    print(safe(f"{PROG}: {text}"), file=sys.stderr)


class UsageError(Exception):
    """Bad arguments or unknown ids: one line on stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})[xX](\d{2,5})", text)
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1400x900, not {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000")
    return width, height


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--region", help="open with this region selected (id, name or alias)")
    parser.add_argument("--view", help="open on this drawing (e.g. leg_anterior)")
    parser.add_argument("--side", choices=SIDES, help="show the left or right limb")
    parser.add_argument(
        "--data", type=Path, help="a clinic's content directory, laid over the built-in content"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--data", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return sub

    listing = command("list", "list every region in catalogue order: id, name, views")
    listing.add_argument("--json", action="store_true", help="print JSON")
    show = command("show", "print one region: at a glance, its conditions, rules and your notes")
    show.add_argument("id", help="region id, name or alias, e.g. proximal_tibia or kneecap")
    show.add_argument("--side", choices=SIDES, help="say which side is meant")
    show.add_argument("--json", action="store_true", help="print JSON")
    search = command("search", "conditions and regions for words, names, symptoms or tests")
    search.add_argument("query", nargs="+", help="e.g. kneecap, 'hot swollen knee', metatarsel")
    search.add_argument("--limit", type=int, default=20, help="most results to print (20)")
    search.add_argument("--json", action="store_true", help="print JSON (rows with scores)")
    check = command("check", "validate content and drawings; exit 1 on any problem")
    check.add_argument("dir", nargs="?", type=Path, help="content directory (default: built-in)")
    shot = command("screenshot", "write a PNG of the window")
    shot.add_argument("out", type=Path, help="PNG file to write")
    shot.add_argument("--region", default=argparse.SUPPRESS, help="region to select")
    shot.add_argument("--view", default=argparse.SUPPRESS, help="drawing to show")
    shot.add_argument("--side", choices=SIDES, default=argparse.SUPPRESS, help="left or right")
    shot.add_argument("--size", type=_size, default=(1400, 900), help="WxH, default 1400x900")
    handout = command("handout", "write the patient handout for a region as a PDF")
    handout.add_argument("region", help="region id, name or alias")
    handout.add_argument("--condition", default="", help="one condition at that region")
    handout.add_argument("--side", choices=SIDES, default="right", help="left or right")
    handout.add_argument("-o", "--out", type=Path, required=True, help="PDF file to write")
    notes = command("notes", "your notes: list them, or export or import them as JSON")
    notes_commands = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    notes_list = notes_commands.add_parser("list", help="every note, orphans marked")
    notes_list.add_argument("--json", action="store_true", help="print JSON")
    notes_export = notes_commands.add_parser("export", help="write every note to a JSON file")
    notes_export.add_argument("out", type=Path)
    notes_import = notes_commands.add_parser("import", help="add notes from a JSON file")
    notes_import.add_argument("file", type=Path)
    rules = command("rules", "the decision rules: id, name, regions, criteria, sources")
    rules.add_argument("--json", action="store_true", help="print JSON")
    return parser


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
    from viewer.bundle_cache import load_bundle_cached

    bundle = load_bundle_cached(args.data, layered=True)
    if args.command == "handout":
        from viewer import cli_commands as run

        region = region_id(bundle, args.region)
        return run.handout(bundle, region, args.condition, args.side, args.out)
    region = region_id(bundle, args.region) if getattr(args, "region", None) else ""
    _known(bundle, region, args.view)
    if args.command == "screenshot":
        from PySide6.QtCore import QSize

        from viewer.ui.app import screenshot

        screenshot(bundle, args.out, QSize(*args.size), region, args.view or "", args.side, qt_args)
        say(str(args.out))
        return 0
    display = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    if sys.platform.startswith("linux") and not any(os.environ.get(name) for name in display):
        if not any(arg.startswith("-platform") for arg in qt_args):
            # Qt would abort with a core dump; say what is wrong instead.
            warn(
                "error: no display to open the window on (DISPLAY is not set); "
                f"'{PROG} screenshot OUT.png' works without one"
            )
            return 1
    from viewer.ui.app import run_window

    return run_window(bundle, region, args.view or "", args.side or "", qt_args)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show some character gets an escape, not a traceback.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    ours, qt_args = split_qt_args(sys.argv[1:] if argv is None else argv)
    try:
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
