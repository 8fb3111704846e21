"""Start the server under test (and the baseline) as real granian processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def granian_process(target: str, env: dict[str, str], workers: int, probe: str) -> Iterator[int]:
    """Run `target` (an app factory) under granian on a free port until the block ends."""
    port = free_port()
    code = (
        "from granian import Granian; from granian.constants import Interfaces;"
        f"Granian({target!r}, factory=True, address='127.0.0.1', port={port},"
        f" interface=Interfaces.ASGI, workers={workers}, log_enabled=False, backlog=4096).serve()"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{probe}", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"{target} did not start") from None
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
