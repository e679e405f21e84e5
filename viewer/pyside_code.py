"""PySide6's support modules made ready once, when the app is built, not at every start.

Importing shiboken6 (under PySide6) runs 14 Python modules kept as source in its
library, its signature and feature support (`shibokensupport`), and every process
that imports it does all of this again (timed with wrappers around each):
- compiles their source: 17.5 ms;
- compiles their regular expressions, three of them of a few hundred lines each:
  21 ms in Python's `re` parser.
A bare PySide6 window pays both.

Here both are done when the app is built (the wheel, the desktop bundle) or set
up (`./dev`), and kept in the app's own folder:
- each module's code object, with its source and the flags it was compiled with;
- each pattern's compiled program, as `re` hands it to `_sre.compile()`, keyed by
  the pattern and its flags.
While shiboken6 is imported for the window (`import_shiboken()`), those compiles
are answered from what was kept. Any other compile, a source or pattern that
differs in a byte (another PySide6), or a file that cannot be read is compiled
as before.

Python's internals are used as they are, so each Python reads only its own file
(by cache tag) and only one that this very interpreter wrote: its version string
is checked. The sources are compared whole, so no hash is needed (hashlib alone
took 3 ms to import).

Like a `.pyc` file, this is the app's code: it is read only from the app's
folder, never from the user's cache directory, whose files we do not control.

    python -m viewer.pyside_code [FOLDER]   writes the cache (default: the app's)
"""

import __future__

import builtins
import functools
import marshal
import operator
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType
from typing import Any, NamedTuple

from viewer.paths import package_dir, write_atomically

HEADER = f"anatomy-viewer: shibokensupport code for Python {sys.version}\n".encode()
# The flags compile() takes from the code calling it unless dont_inherit is given.
FUTURE_FLAGS = functools.reduce(
    operator.or_, (getattr(__future__, name).compiler_flag for name in __future__.all_feature_names)
)

CodeEntry = tuple[bytes, int, CodeType]  # the source, the flags, the code
PatternKey = tuple[str | bytes, int]  # the pattern, the flags it was compiled with
# What re hands _sre.compile() after the pattern: flags, program, groups, names, indexes.
PatternEntry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class Kept(NamedTuple):
    code: dict[str, CodeEntry]
    patterns: dict[PatternKey, PatternEntry]


NOTHING_KEPT = Kept({}, {})


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
    known: dict[str, CodeEntry], made: dict[str, CodeEntry] | None = None
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


class _SreRecorder:
    """Stands in for the _sre module inside re's compiler: keeps what each compile hands it."""

    def __init__(self, sre: Any) -> None:
        self._sre = sre
        self.handed: list[tuple[Any, ...]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sre, name)

    def compile(self, *args: Any) -> Any:
        self.handed.append(args)
        return self._sre.compile(*args)


def _pattern_compiler() -> Any:
    """re's compiler module (re._compiler), if this Python's is the one known here."""
    compiler = getattr(re, "_compiler", None)
    if compiler is None or not callable(getattr(compiler, "compile", None)):
        return None
    return compiler if hasattr(compiler, "_sre") else None


@contextmanager
def patterns_answered(
    known: dict[PatternKey, PatternEntry], made: dict[PatternKey, PatternEntry] | None = None
) -> Iterator[None]:
    """While inside, a pattern compiled by re (not found in re's own cache) is answered from
    `known` when the pattern and flags are an entry's: its program is handed straight to
    _sre.compile(), as re's compiler would hand it. With `made` given, what re's compiler
    hands _sre.compile() for the others is put there."""
    compiler = _pattern_compiler()
    if compiler is None:
        yield
        return
    original: Callable[..., Any] = compiler.compile
    sre = compiler._sre
    recorder = _SreRecorder(sre) if made is not None else None

    def compile_answered(p: Any, flags: int = 0) -> Any:
        keyed = isinstance(p, (str, bytes)) and isinstance(flags, int)
        entry = known.get((p, flags)) if keyed else None
        if entry is not None:
            try:
                return sre.compile(p, *entry)
            except (TypeError, ValueError, OverflowError, RuntimeError):
                pass  # a program _sre refuses (it checks each one): compiled as re would
        pattern = original(p, flags)
        if recorder is not None and made is not None and keyed and recorder.handed:
            handed = recorder.handed[-1]
            if handed[0] is p and not flags & getattr(compiler, "SRE_FLAG_DEBUG", 0):
                # As plain ints: re's opcodes and flags are int subclasses, which marshal refuses.
                made[(p, int(flags))] = (
                    int(handed[1]),
                    [int(word) for word in handed[2]],
                    int(handed[3]),
                    {str(name): int(index) for name, index in handed[4].items()},
                    tuple(handed[5]),
                )
        return pattern

    compiler.compile = compile_answered
    if recorder is not None:
        compiler._sre = recorder
    try:
        yield
    finally:
        compiler.compile = original
        compiler._sre = sre


def _sound_code(entries: object) -> bool:
    return isinstance(entries, dict) and all(
        isinstance(name, str)
        and isinstance(entry, tuple)
        and len(entry) == 3
        and isinstance(entry[0], bytes)
        and isinstance(entry[1], int)
        and isinstance(entry[2], CodeType)
        for name, entry in entries.items()
    )


def _sound_patterns(entries: object) -> bool:
    return isinstance(entries, dict) and all(
        isinstance(key, tuple)
        and len(key) == 2
        and isinstance(key[0], (str, bytes))
        and isinstance(key[1], int)
        and isinstance(entry, tuple)
        and len(entry) == 5
        and isinstance(entry[0], int)
        and isinstance(entry[1], list)  # its words are checked by _sre.compile()
        and isinstance(entry[2], int)
        and isinstance(entry[3], dict)
        and isinstance(entry[4], tuple)
        for key, entry in entries.items()
    )


def read_code_cache(path: Path) -> Kept:
    """What a code cache keeps; nothing if it is missing, damaged or another Python's."""
    try:
        data = path.read_bytes()
    except OSError:
        return NOTHING_KEPT
    if not data.startswith(HEADER):
        return NOTHING_KEPT
    try:
        kept = marshal.loads(data[len(HEADER) :])
    except (EOFError, ValueError, TypeError):
        return NOTHING_KEPT
    if not (isinstance(kept, tuple) and len(kept) == 2):
        return NOTHING_KEPT
    code, patterns = kept
    if not (_sound_code(code) and _sound_patterns(patterns)):
        return NOTHING_KEPT
    return Kept(code, patterns)


@contextmanager
def _answered(known: Kept, made: Kept | None = None) -> Iterator[None]:
    made_code, made_patterns = made if made is not None else (None, None)
    with compiles_answered(known.code, made_code), patterns_answered(known.patterns, made_patterns):
        yield


def import_shiboken(path: Path | None = None) -> bool:
    """Import shiboken6 with its support modules' compiles answered from the code cache:
    called before anything imports PySide6. True if the cache was used."""
    if "shiboken6" in sys.modules:
        return False
    known = read_code_cache(path or code_cache_path())
    if not known.code:
        return False  # imported as usual by the first module that needs it
    with _answered(known):
        import shiboken6  # noqa: F401
    return True


def write_code_cache(folder: Path) -> Path:
    """Compile shiboken6's support modules and their patterns as its import does, and keep
    them in folder. Needs a process that has not imported shiboken6 yet."""
    if "shiboken6" in sys.modules:
        raise RuntimeError("shiboken6 is imported already: its support modules are compiled")
    made = Kept({}, {})
    with _answered(NOTHING_KEPT, made):
        import shiboken6  # noqa: F401
    if not made.code:
        raise RuntimeError("importing shiboken6 compiled nothing: no cache to write")
    path = folder / code_cache_name()
    write_atomically(path, HEADER + marshal.dumps((made.code, made.patterns)))
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else code_cache_path().parent
    print(write_code_cache(target))
