"""The command line: the window by default, plus list, show, search, check and screenshot.

GUI modules are imported only by the commands that need them, so the text
commands start fast and work without a display.
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
from viewer.terminal import safe, safe_json

PROG = "anatomy-viewer"
SIDES = ("right", "left")


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
    parser = _Parser(
        prog=PROG,
        description="Offline reference for the lower limb: click a region, read its conditions.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--region", help="open with this region selected")
    parser.add_argument("--view", help="open on this drawing (e.g. leg_anterior)")
    parser.add_argument("--side", choices=SIDES, help="show the left or right limb (default right)")
    parser.add_argument(
        "--data", type=Path, help="a clinic's content directory, laid over the built-in content"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--data", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return sub

    listing = command("list", "list every region: id, name, views")
    listing.add_argument("--json", action="store_true", help="print JSON")
    show = command("show", "print one region and all its content")
    show.add_argument("id", help="region id, e.g. proximal_tibia")
    show.add_argument("--side", choices=SIDES, help="say which side is meant")
    show.add_argument("--json", action="store_true", help="print JSON")
    search = command("search", "ranked regions and conditions for words, names or symptoms")
    search.add_argument("query", nargs="+", help="e.g. kneecap, 'Jones fracture', metatarsel")
    search.add_argument("--limit", type=int, default=20, help="most results to print (20)")
    search.add_argument("--json", action="store_true", help="print JSON")
    check = command("check", "validate content and drawings; exit 1 on any problem")
    check.add_argument("dir", nargs="?", type=Path, help="content directory (default: built-in)")
    shot = command("screenshot", "write a PNG of the window")
    shot.add_argument("out", type=Path, help="PNG file to write")
    shot.add_argument("--region", default=argparse.SUPPRESS, help="region to select")
    shot.add_argument("--view", default=argparse.SUPPRESS, help="drawing to show")
    shot.add_argument("--side", choices=SIDES, default=argparse.SUPPRESS, help="left or right")
    shot.add_argument("--size", type=_size, default=(1400, 900), help="WxH, default 1400x900")
    return parser


def _warn_problems(bundle: Bundle) -> None:
    if bundle.problems:
        count = len(bundle.problems)
        warn(f"warning: {count} content problem(s); run '{PROG} check'")


def _known(bundle: Bundle, region: str | None, view: str | None) -> None:
    if region and region not in bundle.atlas.regions:
        raise UsageError(f"unknown region {region!r} (try '{PROG} list')")
    if view and view not in bundle.drawings:
        known = ", ".join(bundle.drawings) or "none"
        raise UsageError(f"unknown view {view!r} (views: {known})")
    if region and view and view not in bundle.views_of(region):
        raise UsageError(f"region {region!r} is not drawn in view {view!r}")


def _list(bundle: Bundle, as_json: bool) -> int:
    regions = list(bundle.atlas.regions.values())
    if as_json:
        rows = [
            {"id": r.id, "name": r.name, "views": list(r.views), "high_risk": r.high_risk}
            for r in regions
        ]
        say_json(rows)
    else:
        width = max((len(r.id) for r in regions), default=0)
        for r in regions:
            say(f"{r.id:<{width}}  {r.name}  [{', '.join(r.views)}]")
    return 0


def _show(bundle: Bundle, region: str, side: str, as_json: bool) -> int:
    from viewer.content.render import build_report, report_json, report_text

    _known(bundle, region, None)
    report = build_report(bundle.atlas, region, side)
    if as_json:
        say_json(report_json(report))
    else:
        say(report_text(report).rstrip("\n"))
    return 0


def _search(bundle: Bundle, query: str, limit: int, as_json: bool) -> int:
    from viewer.content.search import SearchIndex

    if limit < 1:
        raise UsageError("--limit must be at least 1")
    atlas = bundle.atlas
    hits = SearchIndex(atlas).search(query, limit)
    if as_json:
        rows = [
            {
                "region": hit.region,
                "region_name": atlas.regions[hit.region].name,
                "condition": hit.condition or None,
                "condition_name": atlas.conditions[hit.condition].name if hit.condition else None,
                "score": hit.score,
                "matched": hit.field,
                "text": hit.text,
            }
            for hit in hits
        ]
        say_json(rows)
        return 0
    if not hits:
        say(f"no matches for {query!r}")
        return 0
    for rank, hit in enumerate(hits, start=1):
        name = atlas.regions[hit.region].name
        condition = f" — {atlas.conditions[hit.condition].name}" if hit.condition else ""
        say(f"{rank:2}. {name}{condition}  [{hit.region}]  {hit.score:.1f}")
        say(f"    {hit.field}: {hit.text}")
    return 0


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
        f"{len(atlas.sources)} sources, {len(bundle.drawings)} drawings"
    )
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "check":
        return _check(args.dir or args.data)
    if args.data is not None and not args.data.is_dir():
        raise UsageError(f"not a directory: {args.data}")
    if args.command in ("list", "show", "search"):
        bundle = load_bundle(args.data, layered=True)
        _warn_problems(bundle)
        if args.command == "list":
            return _list(bundle, args.json)
        if args.command == "search":
            return _search(bundle, " ".join(args.query), args.limit, args.json)
        return _show(bundle, args.id, args.side or "", args.json)
    from viewer.bundle_cache import load_bundle_cached

    bundle = load_bundle_cached(args.data, layered=True)
    _known(bundle, args.region, args.view)
    if args.command == "screenshot":
        from PySide6.QtCore import QSize

        from viewer.ui.app import screenshot

        screenshot(
            bundle, args.out, QSize(*args.size), args.region or "", args.view or "", args.side
        )
        say(str(args.out))
        return 0
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        # Qt would abort with a core dump; say what is wrong instead.
        print(
            f"{PROG}: error: no display to open the window on (DISPLAY is not set); "
            f"'{PROG} screenshot OUT.png' works without one",
            file=sys.stderr,
        )
        return 1
    from viewer.ui.app import run_window

    return run_window(bundle, args.region or "", args.view or "", args.side or "right")


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show some character gets an escape, not a traceback.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        args = build_parser().parse_args(argv)
        return _run(args)
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
