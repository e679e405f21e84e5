"""The bad-input corpus: each case is a directory here, laid over a small valid content dir.

A case holds the files it adds or replaces (data/..., assets/...) and expected.txt:
a comment, `exit: N` (what `anatomy-viewer check` must exit with), then the lines
`check` must print (each a prefix of one printed line). A prefix names the file,
line and column and at most our own words, never a parser's wording, which
changes between library versions (PyYAML 6.0.4's libyaml has its own depth
limit). Files too big to keep in the repository are written at test time by
GENERATORS.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from helpers import make_content

from viewer.paths import builtin_data_dir

HERE = Path(__file__).resolve().parent
# A problem line: file:line:col: message, or file: message where there is no line.
PROBLEM_LINE = re.compile(r"^\S[^:]*(:\d+:\d+)?: \S.*$")


class Case(NamedTuple):
    name: str
    exit_code: int
    expected: list[str]


def _huge(root: Path) -> None:
    # Real YAML, not a sparse file: if the size limit went, parsing it would be slow.
    line = b"- {id: filler, name: Filler, summary: padding padding padding padding}\n"
    with (root / "data/regions/huge.yaml").open("wb") as handle:
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))


def _deep_flow(root: Path) -> None:
    (root / "data/regions/deep.yaml").write_text("[" * 50_000 + "]" * 50_000 + "\n")


def _deep_block(root: Path) -> None:
    (root / "data/regions/deep.yaml").write_text("- " * 50_000 + "x\n")


GENERATORS: dict[str, Callable[[Path], None]] = {
    "huge_file": _huge,
    "deep_flow_nesting": _deep_flow,
    "deep_block_nesting": _deep_block,
}


def cases() -> list[Case]:
    found = []
    for directory in sorted(p for p in HERE.iterdir() if (p / "expected.txt").is_file()):
        lines = (directory / "expected.txt").read_text().splitlines()
        body = [line for line in lines if line and not line.startswith("#")]
        exit_line, *expected = body
        found.append(Case(directory.name, int(exit_line.removeprefix("exit: ")), expected))
    return found


def build(case: str, root: Path) -> Path:
    """The case's content directory: the valid base with the case's files laid over it."""
    make_content(root)
    source = HERE / case
    for path in sorted(source.rglob("*")):
        if path.is_file() and path.name != "expected.txt":
            target = root / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    if case in GENERATORS:
        GENERATORS[case](root)
    return root


def clinic_lines(output: str) -> list[str]:
    """Printed problems in the case's own files (built-in ones are named by full path)."""
    builtin = str(builtin_data_dir().parent) + os.sep
    return [line for line in output.splitlines() if line and not line.startswith(builtin)]
