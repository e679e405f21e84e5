"""The files of a content directory, found without trusting it.

A clinic's pack is mailed, unzipped, edited by hand and half-synced: it may
hold unrelated trees a thousand folders deep, names that are not UTF-8,
editors' lock and backup files, special files, and links pointing anywhere.
Only the layout's own folders are listed, never recursively; hidden and
editors' temporary files are skipped; a symbolic link is followed only if it
resolves inside the pack; anything else odd becomes a problem, never an
exception.
"""

import os
import stat
from pathlib import Path
from typing import NamedTuple

from viewer.content.model import Location, Problem
from viewer.terminal import safe

# The folders of a content directory's layout, besides sources.yaml at its top.
FOLDERS: tuple[str, ...] = ("sources", "conditions", "regions", "rules")
MAX_FILES_PER_FOLDER = 2000
_EDITOR_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".part", ".crdownload")


def printable(path: Path | str) -> str:
    """A path as text that can always be printed and shown: undecodable bytes and
    control characters as escapes (\\xNN)."""
    return safe(os.fsencode(path).decode("utf-8", "backslashreplace"))


def ignored(name: str) -> bool:
    """Hidden files, and the lock, swap and backup files editors and sync tools leave."""
    return (
        name.startswith((".", "#", "~$"))
        or name.endswith(_EDITOR_SUFFIXES)
        or (name.startswith("#") and name.endswith("#"))
    )


class Listing(NamedTuple):
    files: list[Path]
    problems: list[Problem]


def _display(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return printable(path.relative_to(base))
        except ValueError:
            pass
    return printable(path)


def inside(path: Path, root: Path) -> bool:
    """Whether path, with every link resolved, lies within root."""
    try:
        return path.resolve(strict=True).is_relative_to(root.resolve(strict=True))
    except (OSError, RuntimeError):  # missing, a loop of links, no permission
        return False


def list_files(folder: Path, suffix: str, root: Path, base: Path | None) -> Listing:
    """The regular files named *suffix in folder (not below it), sorted by name.

    root bounds where links may lead; names are shown relative to base.
    """
    problems: list[Problem] = []
    files: list[Path] = []
    plain: dict[str, bool] = {}  # name -> known to be a regular file, not a link
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                plain[entry.name] = _plain_file(entry)
                if len(plain) > MAX_FILES_PER_FOLDER:
                    where = Location(_display(folder, base))
                    problems.append(
                        Problem(where, f"more than {MAX_FILES_PER_FOLDER:,} entries: not read")
                    )
                    return Listing([], problems)
    except OSError as error:
        where = Location(_display(folder, base))
        return Listing([], [Problem(where, f"cannot list folder: {error.strerror or error}")])
    for name in sorted(plain):
        if ignored(name) or not name.endswith(suffix):
            continue
        path = folder / name
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            problem = "file name is not valid UTF-8: rename it"
        else:
            problem = "" if plain[name] else file_problem(path, root)
        if problem:
            problems.append(Problem(Location(_display(path, base)), problem))
        else:
            files.append(path)
    return Listing(files, problems)


def _plain_file(entry: os.DirEntry[str]) -> bool:
    """Whether the listing itself shows a regular file that is not a link: then it
    needs no check of its own (a stat and more per file, 3 ms at every start)."""
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False  # checked by file_problem, which says what is wrong


def file_problem(path: Path, root: Path) -> str:
    """Why a listed file cannot be read, or ""."""
    try:
        link = path.is_symlink()
        info = path.stat()
    except OSError:
        return "broken symbolic link" if path.is_symlink() else "cannot be read"
    if link and not inside(path, root):
        target = printable(os.readlink(path))
        return f"symbolic link to a file outside the content directory ({target}): not followed"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    return ""


def folder_problem(folder: Path, root: Path, base: Path | None) -> str:
    """Why a layout folder cannot be used ("" if it can, or if it does not exist)."""
    if not os.path.lexists(folder):
        return ""
    if folder.is_symlink() and not inside(folder, root):
        return "symbolic link to a folder outside the content directory: not followed"
    if not folder.is_dir():
        return "should be a folder, but it is a file"
    return ""


class Layout(NamedTuple):
    sources_file: Path | None  # sources.yaml, if present and usable
    folders: dict[str, list[Path]]  # FOLDERS name -> its *.yaml files
    problems: list[Problem]

    def files(self) -> list[Path]:
        top = [self.sources_file] if self.sources_file else []
        return top + [path for name in FOLDERS for path in self.folders[name]]


def layout(data_dir: Path, root: Path) -> Layout:
    """The YAML files of a content directory; names shown relative to data_dir's parent."""
    base = data_dir.parent
    problems: list[Problem] = []
    folders: dict[str, list[Path]] = {}
    for name in FOLDERS:
        folder = data_dir / name
        problem = folder_problem(folder, root, base)
        if problem:
            problems.append(Problem(Location(_display(folder, base)), problem))
            folders[name] = []
        elif folder.is_dir():
            listing = list_files(folder, ".yaml", root, base)
            problems.extend(listing.problems)
            folders[name] = listing.files
        else:
            folders[name] = []
    sources_file: Path | None = data_dir / "sources.yaml"
    assert sources_file is not None
    if not os.path.lexists(sources_file):
        sources_file = None
    else:
        problem = file_problem(sources_file, root)
        if problem:
            problems.append(Problem(Location(_display(sources_file, base)), problem))
            sources_file = None
    return Layout(sources_file, folders, problems)
