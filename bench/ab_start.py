"""Two copies of the tree started in turn, to tell a change to the start from the host's noise.

    python bench/ab_start.py OLD_TREE NEW_TREE [--pairs 30] [--click] [--reopened]

Each tree is byte-compiled, then started alternately (A B, B A, ...) with fresh settings
and notes and a cache of its own, kept warm from one start to the next, as a reader's
is; two starts of each come first, to warm the file cache and fill the caches. With
--reopened, the settings reopen the window on a region (bench.REOPENED_ON), as a
returning reader's do. Prints each tree's median, and the median of the pairs'
differences (B - A): on a noisy host the one figure that a change of 10 ms shows in.
Needs a display (DISPLAY, or run it under xvfb-run); the same interpreter runs both trees.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import homes, reopened_homes, timed_start  # this folder's bench.py


def start_ms(tree: Path, scratch: Path, run: int, mode: str, reopened: bool) -> float:
    """From process start to the first paint (or to the click answered after it), with
    fresh settings (or reopening on a region) and notes, and the tree's own cache
    (scratch is the tree's)."""
    command = [sys.executable, "-m", "viewer"]
    settings = reopened_homes if reopened else homes
    marks = timed_start(command, settings(dict(os.environ), scratch, f"run{run}"), mode, cwd=tree)
    return marks["click-answered" if mode == "click" else "first-paint"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--click", action="store_true", help="to the click answered")
    parser.add_argument("--reopened", action="store_true", help="settings reopen it on a region")
    args = parser.parse_args()
    mode = "click" if args.click else "1"
    trees = {"A": args.old.resolve(), "B": args.new.resolve()}
    for tree in trees.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", "viewer"], cwd=tree, check=True)
    times: dict[str, list[float]] = {"A": [], "B": []}
    with tempfile.TemporaryDirectory(prefix="anatomy-ab-") as folder:
        scratch = Path(folder)
        for side, tree in trees.items():
            for run in range(2):
                start_ms(tree, scratch / side, -1 - run, mode, args.reopened)
        for pair in range(args.pairs):
            for side in "AB" if pair % 2 == 0 else "BA":
                times[side].append(start_ms(trees[side], scratch / side, pair, mode, args.reopened))
    for side, tree in trees.items():
        print(f"{side} {tree}: median {statistics.median(times[side]):.1f} ms")
    differences = [b - a for a, b in zip(times["A"], times["B"], strict=True)]
    print(f"B - A over {args.pairs} pairs: median {statistics.median(differences):+.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
