"""Two copies of the tree started in turn, to tell a change to the start from the host's noise.

    python bench/ab_start.py OLD_TREE NEW_TREE [--pairs 30] [--click]

Each tree is byte-compiled, then started alternately (A B, B A, ...) with fresh settings
and notes and a cache of its own, kept warm from one start to the next, as a reader's
is; two starts of each come first, to warm the file cache and fill the caches. Prints
each tree's median, and the median of the pairs' differences (B - A): on a noisy host
the one figure that a change of 10 ms shows in. Needs a display (DISPLAY, or run it
under xvfb-run); the same interpreter runs both trees.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def start_ms(tree: Path, scratch: Path, name: str, mode: str) -> float:
    """From process start to the first paint (or to the click answered after it)."""
    home = scratch / name
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / f"config-{time.monotonic_ns()}"),
        "XDG_DATA_HOME": str(home / f"data-{time.monotonic_ns()}"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ANATOMY_VIEWER_EXIT_AFTER_PAINT": mode,
    }
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "viewer"], cwd=tree, env=env, capture_output=True, text=True
    )
    mark = "click-answered" if mode == "click" else "first-paint"
    for line in result.stdout.splitlines():
        words = line.split()
        if words and words[0] == mark:
            return (float(words[1]) - started) * 1000
    raise RuntimeError(f"{tree} did not report {mark}:\n{result.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--click", action="store_true", help="to the click answered")
    args = parser.parse_args()
    mode = "click" if args.click else "1"
    trees = {"A": args.old.resolve(), "B": args.new.resolve()}
    for tree in trees.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", "viewer"], cwd=tree, check=True)
    times: dict[str, list[float]] = {"A": [], "B": []}
    with tempfile.TemporaryDirectory(prefix="anatomy-ab-") as folder:
        scratch = Path(folder)
        for side, tree in trees.items():
            for _ in range(2):
                start_ms(tree, scratch, side, mode)
        for pair in range(args.pairs):
            for side in "AB" if pair % 2 == 0 else "BA":
                times[side].append(start_ms(trees[side], scratch, side, mode))
    for side, tree in trees.items():
        print(f"{side} {tree}: median {statistics.median(times[side]):.1f} ms")
    differences = [b - a for a, b in zip(times["A"], times["B"], strict=True)]
    print(f"B - A over {args.pairs} pairs: median {statistics.median(differences):+.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
