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
from dataclasses import dataclass


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ServerProcess:
    """A running server: where it listens and its process."""

    port: int
    pid: int

    def rss_mb(self) -> float:
        """Resident memory of the server and its workers, in MB (Linux /proc)."""
        return sum(resident_kb(pid) for pid in process_tree(self.pid)) / 1000


def process_tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(child) for child in children.read().split()]
        except OSError:
            continue
    return found


def resident_kb(pid: int) -> int:
    """VmRSS of one process in kB, 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def wait_until_serving(port: int, probe: str, process: subprocess.Popen[bytes], what: str) -> None:
    """Poll `probe` until it answers; fail if the process dies or 30 s pass."""
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{probe}", timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{what} did not start") from None
            time.sleep(0.2)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate, then kill if it lingers."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


@contextmanager
def granian_server(target: str, env: dict[str, str], workers: int, probe: str) -> Iterator[ServerProcess]:
    """Run `target` (an app factory) under granian on a free port, with `voting serve`'s settings."""
    port = free_port()
    code = (
        "from granian import Granian; from granian.constants import Interfaces;"
        "from voting.serving import granian_options, raise_open_files_limit; raise_open_files_limit();"
        f"Granian({target!r}, factory=True, address='127.0.0.1', port={port},"
        f" interface=Interfaces.ASGI, log_enabled=False, **granian_options({workers})).serve()"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_serving(port, probe, process, target)
        yield ServerProcess(port=port, pid=process.pid)
    finally:
        stop(process)


@contextmanager
def granian_process(target: str, env: dict[str, str], workers: int, probe: str) -> Iterator[int]:
    """Like granian_server, yielding only the port."""
    with granian_server(target, env, workers, probe) as server:
        yield server.port
