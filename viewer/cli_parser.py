"""The command line's grammar: built only when there are arguments to read.

The usual start, with no arguments, opens the window without it (viewer/cli.py).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import NoReturn

from viewer import __version__
from viewer.cli_args import PROG, UsageError

SIDES = ("right", "left")
DESCRIPTION = (
    "Offline reference for the lower limb: click a region, read its conditions. "
    "Without a command, the window opens (Qt's own options, such as -style fusion, "
    "are passed to it)."
)


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
