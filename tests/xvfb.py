"""Start a private Xvfb display (used by the X11 test and by bench/bench.py)."""

from __future__ import annotations

import os
import select
import shutil
import socket
import subprocess
import tempfile
import time
from typing import Any


def _accepts_clients(number: str, timeout: float) -> bool:
    """Xvfb can name its display a moment before it accepts clients."""
    deadline = time.monotonic() + timeout
    xdpyinfo = shutil.which("xdpyinfo")
    while time.monotonic() < deadline:
        if xdpyinfo:
            probe = subprocess.run(
                [xdpyinfo, "-display", f":{number}"], capture_output=True, check=False
            )
            if probe.returncode == 0:
                return True
        else:
            with socket.socket(socket.AF_UNIX) as client:
                if client.connect_ex(f"/tmp/.X11-unix/X{number}") == 0:
                    time.sleep(0.2)
                    return True
        time.sleep(0.05)
    return False


def _read_display_number(read: int, timeout: float) -> str:
    """Xvfb writes the number and its newline in two writes; closing the pipe
    after the first makes the second fail and Xvfb abort, so read to the newline."""
    deadline = time.monotonic() + timeout
    said = b""
    while not said.endswith(b"\n") and (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([read], [], [], left)
        if not ready:
            break
        chunk = os.read(read, 32)
        if not chunk:
            break
        said += chunk
    return said.decode().strip() if said.endswith(b"\n") else ""


def start_xvfb(size: str = "1280x800x24", attempts: int = 3) -> tuple[subprocess.Popen[bytes], str]:
    """A running Xvfb and its DISPLAY value; raises RuntimeError, with what Xvfb
    printed, if it will not start."""
    said = ""
    for _attempt in range(attempts):
        read, write = os.pipe()
        with tempfile.TemporaryFile() as errors:
            server = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
                pass_fds=(write,),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
            os.close(write)
            number = _read_display_number(read, 20.0)
            os.close(read)
            if number and _accepts_clients(number, 5.0):
                return server, f":{number}"
            server.kill()
            server.wait(10)
            errors.seek(0)
            said = errors.read().decode(errors="replace").strip()
    raise RuntimeError(f"Xvfb did not start; it said: {said[-800:] or '(nothing)'}")


def stop_process(process: subprocess.Popen[Any], timeout: float = 10) -> None:
    """Ask a process started for a test to end; kill it if it does not in time."""
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
