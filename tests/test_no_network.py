"""The app opens no network socket from start to quit.

The app runs in a subprocess (offscreen, quitting after its first paint) under
an audit hook that records every socket event Python sees (socket.__new__,
connect, bind, getaddrinfo, ...). Sockets opened by Qt's C++ code bypass the
hook, so at the end every socket descriptor still open is also checked for an
internet (IPv4/IPv6) family.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import make_content

WRAPPER = r"""
import os, sys

seen = []

def hook(event, args):
    if event.startswith("socket."):
        seen.append(f"{event} {args!r}")

sys.addaudithook(hook)


def inet_sockets():
    import socket
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:"):
            with socket.socket(fileno=os.dup(int(fd))) as probe:
                if probe.family in (socket.AF_INET, socket.AF_INET6):
                    found.append(f"open internet socket fd {fd} ({probe.family.name})")
    return found


BEFORE
from viewer.cli import main
code = main(sys.argv[1:])
report = list(seen)  # before the probes below, which make socket objects themselves
for line in report + inet_sockets():
    print("NETWORK:", line, flush=True)
sys.exit(code)
"""


def run_app(tmp_path: Path, before: str = "") -> subprocess.CompletedProcess[str]:
    root = tmp_path / "clinic"
    if not root.exists():
        make_content(root)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ANATOMY_VIEWER_EXIT_AFTER_PAINT": "1",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    code = WRAPPER.replace("BEFORE", before)
    return subprocess.run(
        [sys.executable, "-c", code, "--data", str(root), "--region", "alpha"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60, check=False,
    )  # fmt: skip


def test_the_app_opens_no_socket_from_start_to_quit(tmp_path: Path) -> None:
    for _ in range(2):  # a cold start (no cache) and a warm one
        result = run_app(tmp_path)
        assert result.returncode == 0, result.stderr
        assert "first-paint" in result.stdout  # it really started and painted
        assert "NETWORK:" not in result.stdout, result.stdout
        assert "Traceback" not in result.stderr


def test_the_watch_sees_a_socket_when_there_is_one(tmp_path: Path) -> None:
    # The control: the same harness catches Python sockets and open internet sockets.
    opened = (
        "import socket\n"
        "socket.getaddrinfo('127.0.0.1', 80)\n"
        "kept = socket.socket()\n"
        "kept.bind(('127.0.0.1', 0))\n"
    )
    result = run_app(tmp_path, opened)
    assert result.returncode == 0, result.stderr
    assert "NETWORK: socket.getaddrinfo" in result.stdout
    assert "NETWORK: socket.bind" in result.stdout
    assert "NETWORK: open internet socket" in result.stdout
