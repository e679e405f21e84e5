"""PySide6's support modules compiled once, when the app is built, not at every start.

Importing shiboken6 (under PySide6) compiles 14 Python modules kept as source in
its library, its signature and feature support (`shibokensupport`), every time
a process imports it: 17.5 ms of each start, before any window (timed with a
wrapper around `compile()`). A bare PySide6 window pays it too.

Here their code objects are made when the app is built (the wheel, the desktop
bundle) or set up (`./dev`), and kept in the app's own folder with each source
and the flags it was compiled with. The window's start answers those compiles
from them (`import_shiboken()`); any other compile, a source that differs in a
byte (another PySide6), or a file that cannot be read is compiled as before.
Each Python reads its own file (by cache tag), written by that very interpreter
(its version string is checked). Compared whole, the sources need no hash: the
hashlib module alone took 3 ms to import.

Like a `.pyc` file, this is the app's code: it is read only from the app's
folder, never from the user's cache directory, whose files we do not control.

    python -m viewer.pyside_code [FOLDER]   writes the cache (default: the app's)
"""

import __future__

import builtins
import functools
import marshal
import operator
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType
from typing import Any

from viewer.paths import package_dir

HEADER = f"anatomy-viewer: shibokensupport code for Python {sys.version}\n".encode()
# The flags compile() takes from the code calling it unless dont_inherit is given.
FUTURE_FLAGS = functools.reduce(
    operator.or_, (getattr(__future__, name).compiler_flag for name in __future__.all_feature_names)
)

Entry = tuple[bytes, int, CodeType]  # the source, the flags, the code


def code_cache_name() -> str:
    return f"pyside-code.{sys.implementation.cache_tag}.bin"


def code_cache_path() -> Path:
    return package_dir() / "prebuilt" / code_cache_name()


def _as_bytes(source: object) -> bytes | None:
    if isinstance(source, str):
        return source.encode("utf-8", "surrogatepass")
    return source if isinstance(source, bytes) else None


@contextmanager
def compiles_answered(
    known: dict[str, Entry], made: dict[str, Entry] | None = None
) -> Iterator[None]:
    """While inside, compile() answers a module's compile from `known` when its file name,
    source and flags are those of an entry; other compiles run as before, and with `made`
    given, the code they make is put there."""
    original = builtins.compile

    def compile_answered(
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **more: Any,
    ) -> Any:
        if not dont_inherit:  # what compile() would take from its caller, taken here
            flags |= sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        cacheable = mode == "exec" and optimize == -1 and not more and isinstance(filename, str)
        text = _as_bytes(source) if cacheable else None
        entry = known.get(filename) if text is not None else None
        if entry is not None and entry[0] == text and entry[1] == flags:
            return entry[2]
        code = original(source, filename, mode, flags, True, optimize, **more)
        if made is not None and text is not None and isinstance(code, CodeType):
            made[filename] = (text, flags, code)
        return code

    builtins.compile = compile_answered
    try:
        yield
    finally:
        builtins.compile = original


def read_code_cache(path: Path) -> dict[str, Entry]:
    """The entries of a code cache; none if it is missing, damaged or another Python's."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(HEADER):
        return {}
    try:
        entries = marshal.loads(data[len(HEADER) :])
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    for name, entry in entries.items():
        if not (
            isinstance(name, str)
            and isinstance(entry, tuple)
            and len(entry) == 3
            and isinstance(entry[0], bytes)
            and isinstance(entry[1], int)
            and isinstance(entry[2], CodeType)
        ):
            return {}
    return entries


def import_shiboken(path: Path | None = None) -> bool:
    """Import shiboken6 with its support modules' compiles answered from the code cache:
    called before anything imports PySide6. True if the cache was used."""
    if "shiboken6" in sys.modules:
        return False
    known = read_code_cache(path or code_cache_path())
    if not known:
        return False  # imported as usual by the first module that needs it
    with compiles_answered(known):
        import shiboken6  # noqa: F401
    return True


def write_code_cache(folder: Path) -> Path:
    """Compile shiboken6's support modules as its import does, and keep their code in
    folder. Needs a process that has not imported shiboken6 yet."""
    if "shiboken6" in sys.modules:
        raise RuntimeError("shiboken6 is imported already: its support modules are compiled")
    made: dict[str, Entry] = {}
    with compiles_answered({}, made):
        import shiboken6  # noqa: F401
    if not made:
        raise RuntimeError("importing shiboken6 compiled nothing: no cache to write")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / code_cache_name()
    scratch = path.with_suffix(".tmp")
    scratch.write_bytes(HEADER + marshal.dumps(made))
    scratch.replace(path)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else code_cache_path().parent
    print(write_code_cache(target))
