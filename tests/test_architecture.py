"""viewer.content stays free of Qt, so the CLI and the checks run without a display."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import REPO

QT_FREE = ["viewer/content", "viewer/diagram", "viewer/notes", "viewer/cli.py", "viewer/bundle.py"]


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """code run by a fresh interpreter in the checkout: nothing imported by the tests."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )


def test_core_modules_never_import_qt_at_top_level() -> None:
    for entry in QT_FREE:
        target = REPO / entry
        files = [target] if target.is_file() else sorted(target.rglob("*.py"))
        for path in files:
            tree = ast.parse(path.read_text(), str(path))
            top_level = [
                node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)
            ]
            for node in top_level:
                module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                assert not (module or "").startswith("PySide6"), f"{path} imports {module}"


def test_text_commands_load_no_gui_qt() -> None:
    # `list` needs no Qt at all; `show` prints the user's notes, whose place only
    # QtCore's QStandardPaths knows: QtCore needs no display, QtGui would.
    code = (
        "import sys, io, contextlib\n"
        "from viewer.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['list', '--json'])\n"
        "    print(sorted(m for m in sys.modules if m.startswith('PySide6')), file=sys.stderr)\n"
        "    main(['show', 'patella'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = _python(code)
    assert result.stderr.strip() == "[]"
    loaded = eval(result.stdout.strip())
    gui = [
        m for m in loaded if m.startswith(("PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"))
    ]
    assert gui == [], gui


def test_the_starts_named_tuples_have_no_annotations_to_compile() -> None:
    # With `from __future__ import annotations`, typing.NamedTuple compiles each field's
    # annotation string into a ForwardRef when its class is made: 1 to 1.5 ms of every
    # start (-X importtime), and 1 ms of the first click (the page's modules).
    code = (
        "import sys, typing, viewer.cli, viewer.ui.app, viewer.content.html\n"
        "kinds = [kind for name, module in sys.modules.items() if name.startswith('viewer')\n"
        "         for kind in vars(module).values()\n"
        "         if getattr(kind, '__module__', '') == name and hasattr(kind, '_fields')]\n"
        "compiled = str | typing.ForwardRef\n"
        "for kind in kinds:\n"
        "    texts = [f for f, t in kind.__annotations__.items() if isinstance(t, compiled)]\n"
        "    if texts:\n"
        "        print(kind.__module__, kind.__name__, texts)\n"
        "print('checked', len(kinds))\n"
    )
    result = _python(code)
    assert result.stdout.startswith("checked "), result.stdout
    assert int(result.stdout.split()[1]) >= 20  # the content model's and the rest: not none
