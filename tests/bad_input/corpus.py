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

from helpers import CONDITION, SVG, make_content

from viewer.paths import builtin_data_dir

HERE = Path(__file__).resolve().parent
# A problem line: file:line:col: message, or file: message where there is no line.
PROBLEM_LINE = re.compile(r"^\S[^:]*(:\d+:\d+)?: \S.*$")


class Case(NamedTuple):
    name: str
    exit_code: int
    expected: list[str]
    absent: list[str] = []  # text that must appear in no output (what a link out would leak)


def _huge(root: Path) -> None:
    # Real YAML, not a sparse file: if the size limit went, parsing it would be slow.
    line = b"- {id: filler, name: Filler, summary: padding padding padding padding}\n"
    with (root / "data/regions/huge.yaml").open("wb") as handle:
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))


def _deep_flow(root: Path) -> None:
    (root / "data/regions/deep.yaml").write_text("[" * 50_000 + "]" * 50_000 + "\n")


def _deep_block(root: Path) -> None:
    (root / "data/regions/deep.yaml").write_text("- " * 50_000 + "x\n")


def _deep_tree(root: Path) -> None:
    folder = root / "data" / "unrelated"
    for _ in range(1000):  # one at a time: os.makedirs recurses
        folder.mkdir()
        folder = folder / "d"
    (folder.parent / "deep.yaml").write_text("- [not: read\n")


def _non_utf8_name(root: Path) -> None:
    (root / "data/regions" / os.fsdecode(b"caf\xe9.yaml")).write_bytes(b"- id: cafe\n")


def _editor_files(root: Path) -> None:
    conditions, regions = root / "data/conditions", root / "data/regions"
    (conditions / ".#cond.yaml").symlink_to("root@host.1234:1700000000")  # emacs lock: dangling
    (regions / "test.yaml~").write_text("- [broken backup\n")
    (regions / ".test.yaml.swp").write_bytes(b"\x00\x01vim swap")
    (regions / ".hidden.yaml").write_text("- [not: content\n")
    (regions / "#test.yaml#").write_text("- [autosave\n")


def _outside(root: Path) -> Path:
    outside = root.parent / "outside"
    outside.mkdir(exist_ok=True)
    return outside


def _link_out(root: Path) -> None:
    secret = _outside(root) / "secret.yaml"
    secret.write_text("- id: SECRET-OUTSIDE\n  name: SECRET-OUTSIDE\n")
    (root / "data/regions/linked.yaml").symlink_to(secret)


def _folder_link_out(root: Path) -> None:
    folder = _outside(root) / "conditions"
    folder.mkdir()
    (folder / "secret.yaml").write_text("id: SECRET-OUTSIDE\n")
    shutil.rmtree(root / "data/conditions")
    (root / "data/conditions").symlink_to(folder)


def _conditions_file(root: Path) -> None:
    shutil.rmtree(root / "data/conditions")
    (root / "data/conditions").write_text("id: cond\n")


def _huge_list(root: Path) -> None:
    items = "".join(f"  - s{i}\n" for i in range(100_000))  # about 1 MB
    text = CONDITION.replace("id: cond", "id: big").replace(
        "symptoms: [ache]", "symptoms:\n" + items
    )
    (root / "data/conditions/big.yaml").write_text(text)


def _million_points(root: Path) -> None:
    points = "l1,1" * 1_000_000  # 4 MB, under the size limit: the geometry budget must stop it
    (root / "assets/test_view.svg").write_text(
        SVG.replace('<rect id="alpha" x="10" y="10" width="30" height="30" fill="#eee"/>',
                    f'<path id="alpha" d="M10 10 {points} Z"/>')
    )  # fmt: skip


def _control_in_file_name(root: Path) -> None:
    (root / "data/regions" / "\x1b]0;pwned\x07.yaml").write_text("- [unclosed\n")


GENERATORS: dict[str, Callable[[Path], None]] = {
    "huge_file": _huge,
    "deep_flow_nesting": _deep_flow,
    "deep_block_nesting": _deep_block,
    "unrelated_deep_tree": _deep_tree,
    "non_utf8_file_name": _non_utf8_name,
    "editor_and_hidden_files": _editor_files,
    "link_out_of_the_pack": _link_out,
    "folder_link_out_of_the_pack": _folder_link_out,
    "conditions_is_a_file": _conditions_file,
    "huge_list": _huge_list,
    "million_point_path": _million_points,
    "control_characters": _control_in_file_name,
}


def cases() -> list[Case]:
    found = []
    for directory in sorted(p for p in HERE.iterdir() if (p / "expected.txt").is_file()):
        lines = (directory / "expected.txt").read_text().splitlines()
        body = [line for line in lines if line and not line.startswith("#")]
        exit_line, *rest = body
        expected = [line for line in rest if not line.startswith("absent: ")]
        absent = [line.removeprefix("absent: ") for line in rest if line.startswith("absent: ")]
        found.append(Case(directory.name, int(exit_line.removeprefix("exit: ")), expected, absent))
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
