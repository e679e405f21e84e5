"""Start a private Xvfb display (used by the X11 test and by bench/bench.py)."""

from __future__ import annotations

import os
import select
import shutil
import socket
import subprocess
import time


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


def start_xvfb(size: str = "1280x800x24", attempts: int = 3) -> tuple[subprocess.Popen[bytes], str]:
    """A running Xvfb and its DISPLAY value; raises RuntimeError if it will not start."""
    for _attempt in range(attempts):
        read, write = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        ready, _, _ = select.select([read], [], [], 20)
        number = os.read(read, 32).decode().strip() if ready else ""
        os.close(read)
        if number and _accepts_clients(number, 5.0):
            return server, f":{number}"
        server.kill()
        server.wait(10)
    raise RuntimeError("Xvfb did not start")
