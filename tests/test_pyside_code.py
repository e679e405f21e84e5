"""PySide6's support modules answered from the code compiled at build time (viewer/pyside_code.py).

Each probe runs in a process of its own: the code cache matters only to the process
that imports shiboken6 first, and this one has imported it long before.
"""

from __future__ import annotations

import builtins
import marshal
import re
from pathlib import Path

import pytest
from app_probe import run_probe

from viewer import pyside_code
from viewer.pyside_code import (
    HEADER,
    code_cache_name,
    compiles_answered,
    patterns_answered,
    read_code_cache,
)

# Counts the compiles of PySide6's support modules in a probe (any other is let through).
COUNT_COMPILES = (
    "import builtins\n"
    "compiled = []\n"
    "real = builtins.compile\n"
    "def counted(source, filename, *args, **kwargs):\n"
    "    if str(filename).startswith(('shibokensupport/', 'signature_bootstrap')):\n"
    "        compiled.append(filename)\n"
    "    return real(source, filename, *args, **kwargs)\n"
    "builtins.compile = counted\n"
)


@pytest.fixture(scope="module")
def code_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A code cache written as the build writes it, in a process of its own."""
    folder = tmp_path_factory.mktemp("pyside-code")
    out = run_probe(
        "import sys\nfrom pathlib import Path\nfrom viewer.pyside_code import write_code_cache\n"
        f"print(write_code_cache(Path({str(folder)!r})))",
        folder,
    )
    path = Path(out.strip())
    assert path == folder / code_cache_name()
    return path


def test_the_start_compiles_none_of_pysides_support_modules(code_cache: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What the window's start does (viewer/ui/__init__.py), counted: 14 compiles
    (17.5 ms) and 16 patterns parsed (21 ms) without the cache, none with it; PySide6
    then works as usual."""
    code = (
        "import builtins, re\n"
        "from pathlib import Path\n"
        "parsed = []\n"
        "real_parse = re._parser.parse\n"
        "def counted_parse(pattern, *args, **kwargs):\n"
        "    parsed.append(pattern)\n"
        "    return real_parse(pattern, *args, **kwargs)\n"
        "re._parser.parse = counted_parse\n"
        f"{COUNT_COMPILES}"
        "import viewer.pyside_code as pc\n"
        f"pc.code_cache_path = lambda: Path({str(code_cache)!r})\n"
        "import viewer.ui\n"
        "kept = pc.read_code_cache(pc.code_cache_path()).patterns\n"
        "from PySide6.QtCore import QPoint\n"
        "print(len(compiled), builtins.compile is counted)\n"
        "print(len(kept) >= 3, sum((p, f) in kept for p in parsed for f in (0, re.VERBOSE)))\n"
        "print(QPoint(1, 2) + QPoint(3, 4) == QPoint(4, 6))\n"
        "try:\n"
        "    QPoint('x')\n"
        "except TypeError as error:\n"  # written by the signature modules
        "    print(str(error).splitlines()[-1])\n"
    )
    out = run_probe(code, tmp_path).split("\n")
    assert out[0] == "0 True", "a support module was compiled, or compile() was left replaced"
    assert out[1] == "True 0", "a pattern kept was parsed again"
    assert out[2] == "True"
    assert out[3] == "  PySide6.QtCore.QPoint.__init__(xpos: int, ypos: int, /)"


def test_without_the_cache_the_start_compiles_them_as_pyside_does(tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = (
        "from pathlib import Path\n"
        f"{COUNT_COMPILES}"
        "import viewer.pyside_code as pc\n"
        f"pc.code_cache_path = lambda: Path({str(tmp_path / 'none.bin')!r})\n"
        "import viewer.ui\n"
        "print(sum(str(name).startswith('shibokensupport/') for name in compiled))\n"
    )
    assert int(run_probe(code, tmp_path)) >= 10


def test_the_cached_code_is_the_code_pysides_own_import_makes(code_cache: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Compared function by function with the modules a plain import of shiboken6 made:
    the flags compile() takes from its caller (PySide's loader has `from __future__
    import annotations`) are the ones kept."""
    code = (
        "import marshal, sys, types\n"
        "from pathlib import Path\n"
        "from viewer.pyside_code import read_code_cache\n"
        f"cache = read_code_cache(Path({str(code_cache)!r})).code\n"
        "import shiboken6\n"  # as PySide6 imports it, nothing answered
        "compared = differ = 0\n"
        "for filename, (_source, _flags, code) in cache.items():\n"
        "    if not filename.startswith('shibokensupport/'):\n"
        "        continue\n"
        "    name = filename[:-3].replace('/', '.').removesuffix('.__init__')\n"
        "    module = sys.modules[name]\n"
        "    for const in code.co_consts:\n"
        "        live = getattr(module, getattr(const, 'co_name', ''), None)\n"
        "        if isinstance(const, types.CodeType) and isinstance(live, types.FunctionType):\n"
        "            if live.__code__.co_filename != filename:\n"
        "                continue\n"
        "            compared += 1\n"
        "            differ += live.__code__ != const\n"
        "print(len(cache), compared, differ)\n"
    )
    entries, compared, differ = map(int, run_probe(code, tmp_path).split())
    assert entries >= 10
    assert compared >= 20
    assert differ == 0


def test_a_compile_is_answered_only_for_its_very_source_and_flags() -> None:
    source = b"x = 1\n"
    answer = compile("answer = 42\n", "m.py", "exec", dont_inherit=True)
    known = {"m.py": (source, 0, answer)}
    original = builtins.compile
    with compiles_answered(known):
        assert compile(source, "m.py", "exec", dont_inherit=True) is answer
        assert compile(source.decode(), "m.py", "exec", dont_inherit=True) is answer
        other = compile(b"x = 2\n", "m.py", "exec", dont_inherit=True)
        assert other is not answer
        assert other.co_consts[0] == 2
        # This test module's `from __future__ import annotations`, inherited: other flags.
        assert compile(source, "m.py", "exec") is not answer
        assert compile(source, "n.py", "exec", dont_inherit=True) is not answer
        expression = compile("1 + 1", "m.py", "eval", dont_inherit=True)
        assert eval(expression) == 2
    assert builtins.compile is original


def test_compile_is_put_back_when_the_import_inside_fails() -> None:
    original = builtins.compile
    with pytest.raises(ImportError), compiles_answered({}):
        import viewer_no_such_module  # type: ignore[import-not-found]  # noqa: F401
    assert builtins.compile is original


def test_the_flags_a_caller_passes_on_are_kept_with_the_code() -> None:
    """compile() called without dont_inherit takes its caller's future flags: the answer
    takes them from the caller too, not from viewer/pyside_code.py."""
    import __future__

    made: dict[str, pyside_code.Entry] = {}
    with compiles_answered({}, made):
        code = compile("def f(x: undefined_name) -> None: pass\n", "f.py", "exec")
    namespace: dict[str, object] = {}
    exec(code, namespace)  # an annotation left as a string: nothing to look up
    assert made["f.py"][1] & __future__.annotations.compiler_flag


def test_each_pattern_kept_is_the_pattern_re_compiles(code_cache: Path) -> None:
    """Equal as re compares patterns: the same flags, pattern and program."""
    kept = read_code_cache(code_cache).patterns
    assert len(kept) >= 3
    for (pattern, flags), entry in kept.items():
        assert re._compiler._sre.compile(pattern, *entry) == re._compiler.compile(pattern, flags)


def test_a_pattern_is_answered_only_for_its_very_text_and_flags() -> None:
    made: dict[pyside_code.PatternKey, pyside_code.PatternEntry] = {}
    text = "(?P<word>[a-z]+)-(?P=word)"
    sre = re._compiler._sre
    with patterns_answered({}, made):
        fresh = re._compiler.compile(text, 0)
    assert list(made) == [(text, 0)]
    original = re._compiler.compile
    with patterns_answered(made):
        assert re._compiler.compile(text, 0) == fresh
        assert re._compiler.compile(text, 0).match("ab-ab").group("word") == "ab"
        assert re._compiler.compile(text, re.IGNORECASE).flags & re.IGNORECASE
        assert re._compiler.compile(text + "!", 0).pattern == text + "!"
    assert re._compiler.compile is original
    assert re._compiler._sre is sre, "the recorder taken out"


def test_a_pattern_whose_program_sre_refuses_is_compiled_as_re_would() -> None:
    text = "a+b"
    refused: dict[pyside_code.PatternKey, pyside_code.PatternEntry] = {
        (text, 0): (0, ["not a word"], 0, {}, (None,))  # type: ignore[list-item]
    }
    with patterns_answered(refused):
        assert re._compiler.compile(text, 0) == re._compiler.compile(text, 0)
        assert re._compiler.compile(text, 0).match("aab")
    nonsense: dict[pyside_code.PatternKey, pyside_code.PatternEntry] = {
        (text, 0): (0, [99999, 1, 2], 0, {}, (None,))  # not a program: _sre checks each
    }
    with patterns_answered(nonsense):
        assert re._compiler.compile(text, 0).match("aab")


@pytest.mark.parametrize(
    "damage",
    [
        "missing",
        "another python",
        "truncated",
        "not marshal",
        "a list",
        "an entry of two",
        "a pattern keyed by a list",
    ],
)
def test_a_code_cache_that_is_missing_foreign_or_damaged_is_not_used(
    code_cache: Path, tmp_path: Path, damage: str
) -> None:
    path = tmp_path / code_cache_name()
    data = code_cache.read_bytes()
    body = data[len(HEADER) :]
    written = {
        "missing": None,
        "another python": b"anatomy-viewer: shibokensupport code for Python 3.99.0\n" + body,
        "truncated": data[: len(data) // 2],
        "not marshal": HEADER + b"\xff\x00garbage",
        "a list": HEADER + marshal.dumps([1, 2, 3]),
        "an entry of two": HEADER + marshal.dumps(({"a.py": (b"x", 0)}, {})),
        "a pattern keyed by a list": HEADER + marshal.dumps(({}, {"a": (0, [1], 0, {}, ())})),
    }[damage]
    if written is not None:
        path.write_bytes(written)
    assert read_code_cache(path) == pyside_code.NOTHING_KEPT
    assert read_code_cache(code_cache).code, "the sound one is read"
